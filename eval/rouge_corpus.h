// RougeCorpus: reading ROUGE evaluation folders laid out as
//   DIR/<cluster>/refs/<any>.txt   reference summaries (one sentence a line)
//   DIR/<cluster>/docs/<any>.txt   source documents (summarization input)
// and peer folders PEERDIR/<cluster>.txt.
//
// Functions are stateless and thread-safe; they never print.
#ifndef STORYFUSE_EVAL_ROUGE_CORPUS_H_
#define STORYFUSE_EVAL_ROUGE_CORPUS_H_

#include <string>
#include <vector>

#include "base/status.h"

namespace storyfuse {

struct RougeCluster {
  std::string name;                     // folder name, e.g. "d30001"
  std::string path;                     // DIR/<cluster>
  std::vector<std::string> references;  // contents of refs/*, in file-name order
};

class RougeCorpus {
 public:
  // Clusters of `dir` in name order: every subfolder holding a refs/ folder
  // with at least one regular file. Returns NotFound when `dir` is not a
  // folder, InvalidArgument when it has no such cluster, IoError when a
  // reference cannot be read.
  static Result<std::vector<RougeCluster>> ReadClusters(const std::string& dir);

  // Regular files directly inside `dir`, sorted by path (empty when none or
  // when `dir` is not a folder).
  static std::vector<std::string> ListFiles(const std::string& dir);

  // Where the WordNet exception list is looked for when none is given: next
  // to the data folder (`dir`/../rouge-stem-exceptions.txt), then in
  // ../shared/data/summarization/ from the working directory. Returns the
  // first that exists, or the first candidate when none does.
  static std::string DefaultExceptionsPath(const std::string& dir);
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_ROUGE_CORPUS_H_
