#include "worker/worker.h"

#include "worker/assign_worker.h"
#include "worker/brief_worker.h"
#include "worker/extract_worker.h"
#include "worker/merge_worker.h"

namespace storyfuse {

Result<std::unique_ptr<Worker>> OpenWorker(const std::string& role, const WorkerConfig& config) {
  if (role == "extract") {
    STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<ExtractWorker> w, ExtractWorker::Open(config));
    return std::unique_ptr<Worker>(std::move(w));
  }
  if (role == "assign") {
    STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<AssignWorker> w, AssignWorker::Open(config));
    return std::unique_ptr<Worker>(std::move(w));
  }
  if (role == "brief") {
    STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<BriefWorker> w, BriefWorker::Open(config));
    return std::unique_ptr<Worker>(std::move(w));
  }
  if (role == "merge") {
    STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<MergeWorker> w, MergeWorker::Open(config));
    return std::unique_ptr<Worker>(std::move(w));
  }
  return Status::InvalidArgument("unknown worker role \"" + role + "\" (extract, assign, brief or merge)");
}

}  // namespace storyfuse
