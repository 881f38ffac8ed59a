// storyfuse ingest --db PATH [--format summary|jsonl] INPUT...
//
// Reads and cleans the inputs and stores each article in the SQLite store
// (store/article_store.h; schema in docs/store.md). Idempotent: running it
// twice on the same inputs changes nothing. Stories are not assigned yet
// (story_id stays NULL). Prints a summary, or one JSON line per article
// with its outcome.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "store/article_store.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct IngestOptions {
  std::string db;
  std::string format = "summary";
  std::vector<std::string> inputs;
};

const char* OutcomeName(ArticleStore::PutOutcome o) {
  switch (o) {
    case ArticleStore::PutOutcome::kInserted: return "inserted";
    case ArticleStore::PutOutcome::kUnchanged: return "unchanged";
    case ArticleStore::PutOutcome::kDuplicate: return "duplicate";
    case ArticleStore::PutOutcome::kUpdated: return "updated";
  }
  return "?";
}

int RunIngest(const IngestOptions& opt) {
  Result<std::unique_ptr<ArticleStore>> store = ArticleStore::Open(opt.db);
  if (!store.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", store.status().message().c_str());
    return kExitBadInput;
  }
  ArticleSource source;
  size_t counts[4] = {0, 0, 0, 0};
  bool store_failed = false;
  source.ForEach(opt.inputs, [&](Article&& a, const RawDoc&) {
    Result<ArticleStore::PutResult> r = (*store)->Put(a);
    if (!r.ok()) {
      std::fprintf(stderr, "storyfuse: %s: %s\n", a.source.c_str(), r.status().message().c_str());
      store_failed = true;
      return;
    }
    ++counts[static_cast<int>(r->outcome)];
    if (opt.format != "jsonl") return;
    nlohmann::json row = {{"id", a.id}, {"outcome", OutcomeName(r->outcome)},
                          {"stored_id", r->id}, {"version", r->version}};
    std::printf("%s\n", row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  });
  if (opt.format == "summary") {
    std::printf("%s: %zu inserted, %zu updated, %zu unchanged, %zu duplicates\n", opt.db.c_str(),
                counts[0], counts[3], counts[1], counts[2]);
  }
  return source.had_errors() || store_failed ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterIngest(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand("ingest", "Clean articles and store them in a SQLite database");
  cmd->add_option("--db", opt->db, "SQLite database file (created if missing)")->required();
  cmd->add_option("--format", opt->format, "summary or jsonl (one line per article)")
      ->check(CLI::IsMember({"summary", "jsonl"}));
  cmd->add_option("inputs", opt->inputs, "Files, folders or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunIngest(*opt); });
}

}  // namespace storyfuse
