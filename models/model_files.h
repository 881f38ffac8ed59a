// ModelFiles: the learned models' weight files, embedded in the binary at
// build time from models/ (embed_models.cmake), so every run uses exactly
// the weights the repo versions and a model costs no file I/O to find.
//
// Each file is named by its file name in models/ ("align.v1.tsv"). The
// bytes live in read-only memory for the life of the process; views stay
// valid forever. Thread-safe: read-only data.
#ifndef STORYFUSE_MODELS_MODEL_FILES_H_
#define STORYFUSE_MODELS_MODEL_FILES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace storyfuse {

struct EmbeddedModelFile {
  const char* name;   // file name in models/; "" ends the table
  const char* begin;  // its bytes
  const char* end;
};

// The bytes of embedded model file `name`, or NotFound naming it.
Result<std::string_view> ModelFile(std::string_view name);

// Every embedded file's name, sorted.
std::vector<std::string_view> ModelFileNames();

// Defined in the generated model_table.cc.
extern const EmbeddedModelFile kEmbeddedModelFiles[];
extern const size_t kEmbeddedModelFileCount;

}  // namespace storyfuse

#endif  // STORYFUSE_MODELS_MODEL_FILES_H_
