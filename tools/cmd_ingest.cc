// storyfuse ingest --db PATH [--format summary|jsonl] [--batch N] INPUT...
//
// Reads and cleans the inputs and stores each article in the SQLite store
// (schema in docs/store.md), assigning stories incrementally: every batch of
// articles is clustered into the stories already stored and the briefs of
// the stories it touched are rebuilt and stored, so the store is complete
// after ingest alone (what `storyfuse serve` reads). Idempotent: running it
// twice on the same inputs changes nothing. Crash-safe: each article is its
// own transaction, and opening the store repairs the stories of a batch an
// interrupted run left half-done. Prints a summary, or one JSON line per
// article with its outcome and story.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "pipeline/store_story_repository.h"
#include "queue/redis_stream.h"
#include "tools/article_source.h"
#include "tools/command.h"
#include "worker/doc_publisher.h"

namespace storyfuse {
namespace {

struct IngestOptions {
  std::string db;
  std::string queue;            // redis://: publish to the workers instead (issue #25)
  int64_t queue_bound = 10000;  // documents the input stream may hold
  std::string format = "summary";
  size_t batch = 200;
  std::vector<std::string> inputs;
};

// The store's word for each repository outcome (docs/store.md).
const char* OutcomeName(const std::string& status) {
  if (status == "created") return "inserted";
  if (status == "updated") return "updated";
  if (status == "duplicate") return "duplicate";
  return "unchanged";
}

struct IngestCounts {
  size_t inserted = 0, updated = 0, unchanged = 0, duplicates = 0;
  void Add(const std::string& status) {
    if (status == "created")
      ++inserted;
    else if (status == "updated")
      ++updated;
    else if (status == "duplicate")
      ++duplicates;
    else
      ++unchanged;
  }
};

class BatchIngester {
 public:
  BatchIngester(StoreStoryRepository* repo, const IngestOptions& opt) : repo_(repo), opt_(opt) {}

  void Add(Article&& a) {
    batch_.push_back(std::move(a));
    if (batch_.size() >= opt_.batch) Flush();
  }

  // Stores the pending articles and writes their stories. False on a store
  // failure (reported on stderr, naming the batch's first input).
  bool Flush() {
    if (batch_.empty()) return ok_;
    Result<std::vector<IngestOutcome>> out = repo_->IngestArticles(batch_);
    if (!out.ok()) {
      std::fprintf(stderr, "storyfuse: %s: %s\n", batch_.front().source.c_str(), out.status().message().c_str());
      ok_ = false;
    } else {
      for (const IngestOutcome& o : *out) Report(o);
    }
    batch_.clear();
    return ok_;
  }

  const IngestCounts& counts() const { return counts_; }

 private:
  void Report(const IngestOutcome& o) {
    counts_.Add(o.status);
    if (opt_.format != "jsonl") return;
    nlohmann::json row = {{"id", o.id},
                          {"outcome", OutcomeName(o.status)},
                          {"stored_id", o.stored_id},
                          {"version", o.version},
                          {"story", o.story_id}};
    std::printf("%s\n", row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }

  StoreStoryRepository* repo_;
  const IngestOptions& opt_;
  std::vector<Article> batch_;
  IngestCounts counts_;
  bool ok_ = true;
};

// --queue: numbers and publishes the documents for the extract workers.
int RunPublish(const IngestOptions& opt) {
  Result<std::unique_ptr<DocPublisher>> pub = DocPublisher::Open(opt.queue, opt.queue_bound);
  if (!pub.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", pub.status().message().c_str());
    return kExitUnavailable;
  }
  ArticleSource source;
  std::vector<RawDoc> batch;
  bool ok = true;
  // The documents are held back one batch, so the last one is known to be
  // the input's last when it is published.
  auto flush = [&](bool end_of_input) {
    if (batch.empty() || !ok) return;
    if (Result<int64_t> first = (*pub)->Publish(batch, static_cast<int64_t>(opt.batch), end_of_input); !first.ok()) {
      std::fprintf(stderr, "storyfuse: %s: %s\n", batch.front().source.c_str(), first.status().message().c_str());
      ok = false;
    }
    batch.clear();
  };
  source.ForEachDoc(opt.inputs, [&](RawDoc&& doc) {
    if (batch.size() >= opt.batch) flush(false);
    batch.push_back(std::move(doc));
  });
  flush(true);
  std::printf("%s: %lld documents published\n", opt.queue.c_str(), static_cast<long long>((*pub)->published()));
  if (!ok) return kExitUnavailable;
  return source.had_errors() ? kExitBadInput : kExitOk;
}

int RunIngest(const IngestOptions& opt) {
  if (!opt.queue.empty()) return RunPublish(opt);
  if (opt.db.empty()) {
    std::fprintf(stderr, "storyfuse ingest: --db or --queue is required\n");
    return kExitUsage;
  }
  // No readers to open up front (briefs open the one they need).
  Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(opt.db, 0);
  if (!repo.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", repo.status().message().c_str());
    return ExitCodeForOpen(repo.status());
  }
  ArticleSource source;
  BatchIngester ingester(repo->get(), opt);
  source.ForEach(opt.inputs, [&](Article&& a, const RawDoc&) { ingester.Add(std::move(a)); });
  bool stored = ingester.Flush();
  if (opt.format == "summary") {
    const IngestCounts& c = ingester.counts();
    std::printf("%s: %zu inserted, %zu updated, %zu unchanged, %zu duplicates\n", opt.db.c_str(), c.inserted, c.updated,
                c.unchanged, c.duplicates);
  }
  return source.had_errors() || !stored ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterIngest(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Clean articles, store them in a SQLite database and update their stories and briefs");
  cmd->add_option("--db", opt->db, "SQLite database file (created if missing) or postgresql:// URL");
  cmd->add_option("--queue", opt->queue,
                  "redis://HOST:PORT: publish the documents to the workers' input stream instead (docs/scale.md)");
  cmd->add_option("--queue-bound", opt->queue_bound, "Documents the input stream may hold (default 10000)")
      ->check(CLI::Range(1, 100000000));
  cmd->add_option("--format", opt->format, "summary or jsonl (one line per article)")
      ->check(CLI::IsMember({"summary", "jsonl"}));
  cmd->add_option("--batch", opt->batch, "Articles clustered and briefed together (default 200)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("inputs", opt->inputs, "Files, folders or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunIngest(*opt); });
}

}  // namespace storyfuse
