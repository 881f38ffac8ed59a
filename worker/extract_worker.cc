#include "worker/extract_worker.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <thread>

#include "queue/article_message.h"
#include "queue/doc_message.h"
#include "worker/partition_key.h"
#include "worker/partition_registry.h"

namespace storyfuse {

namespace {

// How often a producer held back by the lag window looks again.
constexpr std::chrono::milliseconds kWindowPoll{20};

int64_t ParseSeq(const std::string& s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && end == s.data() + s.size() ? v : 0;
}

}  // namespace

Result<std::unique_ptr<ExtractWorker>> ExtractWorker::Open(const WorkerConfig& config) {
  std::unique_ptr<ExtractWorker> w(new ExtractWorker(config));
  STORYFUSE_ASSIGN_OR_RETURN(w->docs_, RedisStream::Connect(config.queue_url, kDocStream));
  STORYFUSE_ASSIGN_OR_RETURN(w->articles_, RedisStream::Connect(config.queue_url, kArticleStream));
  STORYFUSE_RETURN_IF_ERROR(w->docs_->CreateGroup(kExtractGroup));
  // The assigner's group exists before the first article (one partition;
  // with several, each partition's group is created when it is declared,
  // at the stream's start, and the stream is trimmed to what every
  // declared group still needs).
  if (config.partition_months == 0) {
    if (!config.declare_partitions.empty()) {
      return Status::InvalidArgument("declaring partitions needs --partition-months (the extract workers route)");
    }
    STORYFUSE_RETURN_IF_ERROR(w->articles_->CreateGroup(kAssignGroup));
  }
  for (const std::string& key : config.declare_partitions) {
    STORYFUSE_RETURN_IF_ERROR(DeclarePartition(w->articles_.get(), key));
  }
  return w;
}

Result<bool> ExtractWorker::Admitted(int64_t seq) {
  if (seq < admit_below_) return true;
  // Read again only when the bound read last does not admit `seq`: one
  // round trip per window step, not per article. With partitions the
  // bound follows the slowest declared partition.
  int64_t next = 1;
  if (config_.partition_months > 0) {
    declared_.clear();
    STORYFUSE_ASSIGN_OR_RETURN(next, SlowestPartitionNext(articles_.get(), &declared_));
  } else {
    STORYFUSE_ASSIGN_OR_RETURN(std::string n, articles_->GetKey(kAssignNextKey));
    if (!n.empty()) next = ParseSeq(n);
  }
  admit_below_ = next + config_.lag_window;
  return seq < admit_below_;
}

Result<int> ExtractWorker::RunOnce() {
  // The bound may also fall (a partition declared, a replacement assigner
  // resuming from its checkpoint): read it afresh each batch.
  admit_below_ = 0;
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<StreamEntry> entries,
                             docs_->Claim(kExtractGroup, config_.consumer, config_.claim_idle, config_.batch));
  metrics_.AddRedelivered(static_cast<int64_t>(entries.size()));
  if (entries.empty() && !deferred_.empty()) {
    std::this_thread::sleep_for(kWindowPoll);  // the window was shut a moment ago
  } else if (entries.empty()) {
    STORYFUSE_ASSIGN_OR_RETURN(entries,
                               docs_->ReadGroup(kExtractGroup, config_.consumer, config_.batch, config_.block));
  }
  entries.insert(entries.end(), std::make_move_iterator(deferred_.begin()), std::make_move_iterator(deferred_.end()));
  deferred_.clear();
  std::stable_sort(entries.begin(), entries.end(), [](const StreamEntry& a, const StreamEntry& b) {
    return ParseSeq(a.Field("seq")) < ParseSeq(b.Field("seq"));
  });
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> done;
  for (size_t i = 0; i < entries.size(); ++i) {
    const StreamEntry& e = entries[i];
    ArticleMessage m;
    m.seq = ParseSeq(e.Field("seq"));
    if (std::string editor = e.Field("editor"); !editor.empty() && m.seq > 0) {
      // An editor's correction: nothing to clean, passed on in its place.
      STORYFUSE_ASSIGN_OR_RETURN(bool admitted, Admitted(m.seq));
      if (!admitted) {
        deferred_.assign(std::make_move_iterator(entries.begin() + static_cast<std::ptrdiff_t>(i)),
                         std::make_move_iterator(entries.end()));
        break;
      }
      m.editor = std::move(editor);
      STORYFUSE_RETURN_IF_ERROR(articles_->Add(m.Encode()).status());
      done.push_back(e.id);
      continue;
    }
    Result<RawDoc> doc = DocMessage::Decode(e);
    if (!doc.ok() || m.seq <= 0) {
      // Another version's entry (or one without a number) stays pending
      // for a worker that reads it; counted, never dropped.
      metrics_.AddErrors(1);
      continue;
    }
    STORYFUSE_ASSIGN_OR_RETURN(bool admitted, Admitted(m.seq));
    if (!admitted) {
      deferred_.assign(std::make_move_iterator(entries.begin() + static_cast<std::ptrdiff_t>(i)),
                       std::make_move_iterator(entries.end()));
      break;
    }
    m.doc_id = doc->id;
    m.batch = ParseSeq(e.Field("batch"));
    m.last = e.Field("last") == "1";
    // Stateless: the boilerplate memory, the one order-dependent step of
    // cleaning, is left to the assigner (docs/scale.md).
    Result<Article> a = pipeline_.Extract(*doc, &m.warning, &m.boilerplate);
    if (a.ok() && m.boilerplate.kept.size() > 1 && !m.boilerplate.check_outlet.empty()) {
      m.doc = std::move(doc).value();  // the memory might drop some of its lines: the assigner cleans it again
    }
    if (a.ok()) {
      // Routed by the article's language and date (undated: the time it
      // arrived on the queue, the same on every redelivery).
      m.partition = PartitionKey(*a, config_.partition_months, StreamEntryMillis(e.id));
      // A partition nobody declared: no group keeps the article for an
      // assigner (the trim may remove it first). Counted, so /metrics
      // shows the misconfiguration; published all the same.
      if (!m.partition.empty() && !declared_.count(m.partition)) metrics_.AddErrors(1);
      m.article = std::move(a).value();
    } else {
      m.rejected = true;
      m.reason = a.status().message();
    }
    STORYFUSE_RETURN_IF_ERROR(articles_->Add(m.Encode()).status());
    done.push_back(e.id);
  }
  STORYFUSE_RETURN_IF_ERROR(docs_->Ack(kExtractGroup, done, /*delete_entries=*/true).status());
  metrics_.AddBatch(static_cast<int64_t>(done.size()), std::chrono::steady_clock::now() - start);
  Result<int64_t> waiting = docs_->Length();
  Result<int64_t> pending = docs_->Pending(kExtractGroup);
  if (waiting.ok() && pending.ok()) metrics_.SetLag(*waiting, *pending);
  return static_cast<int>(done.size());
}

Result<bool> ExtractWorker::Drained() {
  STORYFUSE_ASSIGN_OR_RETURN(int64_t n, docs_->Length());
  return n == 0;
}

}  // namespace storyfuse
