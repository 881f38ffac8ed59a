#include "models/model_files.h"

#include <string>

namespace storyfuse {

Result<std::string_view> ModelFile(std::string_view name) {
  for (size_t i = 0; i < kEmbeddedModelFileCount; ++i) {
    const EmbeddedModelFile& f = kEmbeddedModelFiles[i];
    if (name == f.name) return std::string_view(f.begin, static_cast<size_t>(f.end - f.begin));
  }
  return Status::NotFound("no embedded model file " + std::string(name) + " (models/ holds the weights)");
}

std::vector<std::string_view> ModelFileNames() {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < kEmbeddedModelFileCount; ++i) out.push_back(kEmbeddedModelFiles[i].name);
  return out;
}

}  // namespace storyfuse
