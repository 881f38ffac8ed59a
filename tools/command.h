// The CLI's commands. Each Register* adds one subcommand to the app; its
// callback stores the process exit code (0 ok, 1 bad input, 2 usage, 3 unavailable) in
// *exit_code. Only the CLI talks to the user: commands print results to
// stdout and errors (naming the input) to stderr.
#ifndef STORYFUSE_TOOLS_COMMAND_H_
#define STORYFUSE_TOOLS_COMMAND_H_

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "feed/crawler.h"

namespace CLI {
class App;
}

namespace storyfuse {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;
// The environment refused, not the input: the port is taken, the database
// is locked by another writer or cannot be opened. Retrying later, or
// elsewhere, can succeed; a script can tell this from bad input.
constexpr int kExitUnavailable = 3;

// Exit code for a store that did not open: kExitUnavailable for an I/O
// failure (locked, unreadable, no space), kExitBadInput for a database that
// is not a storyfuse store or is corrupt.
inline int ExitCodeForOpen(const Status& st) {
  return st.code() == Status::Code::kIoError ? kExitUnavailable : kExitBadInput;
}

void RegisterExtract(CLI::App& app, int* exit_code);
void RegisterBrief(CLI::App& app, int* exit_code);
void RegisterCluster(CLI::App& app, int* exit_code);
void RegisterQuotes(CLI::App& app, int* exit_code);
void RegisterSummarize(CLI::App& app, int* exit_code);
void RegisterIngest(CLI::App& app, int* exit_code);
// `correct`: an editor's corrections from a file (issue 21).
void RegisterCorrect(CLI::App& app, int* exit_code);
// `follow`: polls news feeds and ingests their new pages (issue 24).
void RegisterFollow(CLI::App& app, int* exit_code);
// Shared by `follow` and `serve --follow` (tools/cmd_follow.cc): "90",
// "90s", "10m", "2h" as seconds (nullopt when unreadable or not positive);
// the feed URLs that FEEDS name (URLs, OPML files, files of one URL a
// line), each bad input reported on stderr (then false).
std::optional<double> ParseInterval(const std::string& text);
bool CollectFeeds(const std::vector<std::string>& inputs, std::vector<std::string>* urls);
// --warc DIR of follow and serve --follow: keeps every response the crawler
// gets in WARC files under `dir` (feed/warc_writer.h); the crawler's
// callback owns the writer. A write failure is printed once on stderr and
// crawling goes on. False (the reason printed) when `dir` is unusable.
bool KeepResponsesInWarc(const std::string& dir, Crawler::Options* crawl);
void RegisterFacts(CLI::App& app, int* exit_code);
void RegisterServe(CLI::App& app, int* exit_code);
// `worker`: one role of the distributed pipeline (issue #25).
void RegisterWorker(CLI::App& app, int* exit_code);
// `eval` and its subcommands (extract, cluster, quotes, rouge, summarize).
void RegisterEval(CLI::App& app, int* exit_code);
// `train` and its subcommands (align, entities, speakers).
void RegisterTrain(CLI::App& app, int* exit_code);

}  // namespace storyfuse

#endif  // STORYFUSE_TOOLS_COMMAND_H_
