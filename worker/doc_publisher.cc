#include "worker/doc_publisher.h"

#include "queue/doc_message.h"
#include "worker/worker_config.h"

namespace storyfuse {

namespace {

constexpr std::chrono::milliseconds kBoundPoll{20};
constexpr std::chrono::hours kWaitForever{24 * 365};

}  // namespace

Result<std::unique_ptr<DocPublisher>> DocPublisher::Open(const std::string& queue_url, int64_t bound) {
  std::unique_ptr<DocPublisher> p(new DocPublisher());
  STORYFUSE_ASSIGN_OR_RETURN(p->docs_, RedisStream::Connect(queue_url, kDocStream));
  STORYFUSE_RETURN_IF_ERROR(p->docs_->CreateGroup(kExtractGroup));
  p->bound_ = bound;
  return p;
}

Result<int64_t> DocPublisher::Publish(const std::vector<RawDoc>& docs, int64_t settle_batch, bool end_of_input) {
  if (docs.empty()) return int64_t{0};
  STORYFUSE_ASSIGN_OR_RETURN(int64_t last, docs_->IncrBy(kSeqKey, static_cast<int64_t>(docs.size())));
  int64_t first = last - static_cast<int64_t>(docs.size()) + 1;
  for (size_t i = 0; i < docs.size(); ++i) {
    STORYFUSE_RETURN_IF_ERROR(docs_->WaitBelow(bound_, kBoundPoll, kWaitForever).status());
    StreamFields f = DocMessage::Encode(docs[i]);
    f.emplace_back("seq", std::to_string(first + static_cast<int64_t>(i)));
    f.emplace_back("batch", std::to_string(settle_batch));
    if (end_of_input && i + 1 == docs.size()) f.emplace_back("last", "1");
    STORYFUSE_RETURN_IF_ERROR(docs_->Add(f).status());
    ++published_;
  }
  return first;
}

Result<int64_t> DocPublisher::PublishCorrections(const std::vector<std::string>& corrections) {
  if (corrections.empty()) return int64_t{0};
  STORYFUSE_ASSIGN_OR_RETURN(int64_t last, docs_->IncrBy(kSeqKey, static_cast<int64_t>(corrections.size())));
  int64_t first = last - static_cast<int64_t>(corrections.size()) + 1;
  for (size_t i = 0; i < corrections.size(); ++i) {
    STORYFUSE_RETURN_IF_ERROR(docs_->WaitBelow(bound_, kBoundPoll, kWaitForever).status());
    StreamFields f = {{"v", std::to_string(DocMessage::kVersion)},
                      {"seq", std::to_string(first + static_cast<int64_t>(i))},
                      {"editor", corrections[i]}};
    STORYFUSE_RETURN_IF_ERROR(docs_->Add(f).status());
    ++published_;
  }
  return first;
}

}  // namespace storyfuse
