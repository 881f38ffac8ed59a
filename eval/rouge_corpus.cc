#include "eval/rouge_corpus.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "base/file.h"

namespace storyfuse {

namespace fs = std::filesystem;

std::vector<std::string> RougeCorpus::ListFiles(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file(ec)) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::vector<RougeCluster>> RougeCorpus::ReadClusters(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("not a folder: " + dir);
  std::vector<RougeCluster> clusters;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::vector<std::string> refs = ListFiles((e.path() / "refs").string());
    if (refs.empty()) continue;
    RougeCluster c{e.path().filename().string(), e.path().string(), {}};
    for (const auto& r : refs) {
      STORYFUSE_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(r));
      c.references.push_back(std::move(text));
    }
    clusters.push_back(std::move(c));
  }
  if (clusters.empty()) return Status::InvalidArgument("no <cluster>/refs/ folders in " + dir);
  std::sort(clusters.begin(), clusters.end(),
            [](const RougeCluster& a, const RougeCluster& b) { return a.name < b.name; });
  return clusters;
}

std::string RougeCorpus::DefaultExceptionsPath(const std::string& dir) {
  const std::string kName = "rouge-stem-exceptions.txt";
  std::vector<std::string> candidates = {
      (fs::path(dir) / ".." / kName).lexically_normal().string(),
      "../shared/data/summarization/" + kName,
  };
  std::error_code ec;
  for (const auto& c : candidates) {
    if (fs::is_regular_file(c, ec)) return c;
  }
  return candidates.front();
}

}  // namespace storyfuse
