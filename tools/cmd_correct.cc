// storyfuse correct --db PATH FILE
// storyfuse correct --queue redis://HOST:PORT FILE   (to the workers, docs/scale.md)
//
// Applies an editor's corrections to a store, one JSON object a line
// (pipeline/correction_json.h; blank lines and lines starting with '#'
// are skipped), in order, as POST /api/corrections does:
//
//   {"kind": "merge",  "story": "s-7", "into": "s-3", "note": "one fire"}
//   {"kind": "move",   "article": "a-12", "to": "s-3"}
//   {"kind": "detach", "article": "a-12"}
//
// Each is stored and kept by the clusterer from then on (a constraint, not
// a one-off edit). The whole file is read first: a malformed line applies
// nothing. A correction the store refuses (an unknown id, nothing to
// change) is named on stderr as FILE:LINE and the rest still apply; the
// exit code is then 1. Prints one JSON line per correction with its moves.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include <iostream>
#include <iterator>

#include "base/file.h"
#include "pipeline/correction_json.h"
#include "pipeline/store_story_repository.h"
#include "tools/command.h"
#include "worker/doc_publisher.h"

namespace storyfuse {
namespace {

// Corrections are few: they never wait for the stream to drain.
constexpr int64_t kUnboundedQueue = int64_t{1} << 40;

struct CorrectOptions {
  std::string db;
  std::string queue;  // redis://: publish to the workers instead (docs/scale.md)
  std::string file;
};

// --queue: the corrections, validated, go to the workers' input stream in
// order; the assigner applies each after the documents published before it.
int PublishCorrections(const CorrectOptions& opt, const std::string& text, const std::vector<size_t>& lines) {
  std::vector<std::string> all_lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    all_lines.push_back(text.substr(pos, eol - pos));
    pos = eol + 1;
  }
  std::vector<std::string> corrections;
  for (size_t line : lines) corrections.push_back(line >= 1 && line <= all_lines.size() ? all_lines[line - 1] : "");
  Result<std::unique_ptr<DocPublisher>> pub = DocPublisher::Open(opt.queue, kUnboundedQueue);
  Result<int64_t> first = pub.ok() ? (*pub)->PublishCorrections(corrections) : Result<int64_t>(pub.status());
  if (!first.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", first.status().message().c_str());
    return kExitUnavailable;
  }
  std::printf("%s: %zu corrections published\n", opt.queue.c_str(), corrections.size());
  return kExitOk;
}

int RunCorrect(const CorrectOptions& opt) {
  Result<std::string> text = std::string();
  if (opt.file == "-")
    text = std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  else
    text = ReadWholeFile(opt.file);
  if (!text.ok()) {
    std::fprintf(stderr, "storyfuse: %s: %s\n", opt.file.c_str(), text.status().message().c_str());
    return kExitBadInput;
  }
  std::vector<size_t> lines;
  Result<std::vector<StoryCorrection>> corrections = CorrectionsFromText(*text, /*lines=*/true, &lines);
  if (!corrections.ok()) {
    std::fprintf(stderr, "storyfuse: %s: %s\n", opt.file.c_str(), corrections.status().message().c_str());
    return kExitBadInput;
  }
  if (!opt.queue.empty()) return PublishCorrections(opt, *text, lines);
  if (opt.db.empty()) {
    std::fprintf(stderr, "storyfuse correct: --db or --queue is required\n");
    return kExitUsage;
  }
  Result<std::unique_ptr<StoreStoryRepository>> repo = StoreStoryRepository::Open(opt.db, 0);
  if (!repo.ok()) {
    std::fprintf(stderr, "storyfuse: %s\n", repo.status().message().c_str());
    return ExitCodeForOpen(repo.status());
  }
  int rejected = 0;
  for (size_t i = 0; i < corrections->size(); ++i) {
    const StoryCorrection& c = (*corrections)[i];
    Result<std::vector<ArticleMove>> moves = (*repo)->Correct(c);
    nlohmann::json row = {{"line", lines[i]}, {"kind", c.kind}};
    if (moves.ok()) {
      nlohmann::json list = nlohmann::json::array();
      for (const ArticleMove& m : *moves) list.push_back({{"article", m.article}, {"from", m.from}, {"to", m.to}});
      row["status"] = "applied";
      row["moves"] = std::move(list);
    } else {
      std::fprintf(stderr, "storyfuse: %s:%zu: %s\n", opt.file.c_str(), lines[i], moves.status().message().c_str());
      row["status"] = "rejected";
      row["error"] = moves.status().message();
      ++rejected;
    }
    std::printf("%s\n", row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
  return rejected > 0 ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterCorrect(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<CorrectOptions>();
  CLI::App* cmd = app.add_subcommand(
      "correct", "Apply an editor's corrections (merge stories, move an article) to a store, one JSON object a line");
  cmd->add_option("--db", opt->db, "SQLite database file or postgresql:// URL");
  cmd->add_option("--queue", opt->queue,
                  "redis://HOST:PORT: publish the corrections to the workers' input stream instead (docs/scale.md)");
  cmd->add_option("file", opt->file, "File of corrections, or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunCorrect(*opt); });
}

}  // namespace storyfuse
