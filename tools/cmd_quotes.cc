// storyfuse quotes [--format jsonl|text] INPUT...
//
// Prints one JSON object per article: {id, quotes: [{text, start, end,
// speaker, speaker_start, speaker_end, cue}]}. Offsets are Unicode code
// points into the input as read (Article::input), end exclusive; a quote
// without a speaker mention has speaker_start = speaker_end = -1.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "analyze/quote_extractor.h"
#include "text/utf8.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct QuotesOptions {
  std::string format = "jsonl";
  size_t min_words = 3;
  std::vector<std::string> inputs;
};

// Plain text is analyzed as read; for HTML the cleaned text is analyzed and
// its spans are led back to the input through the offset map.
nlohmann::json QuotesJson(const Article& a, const RawDoc& doc, QuoteExtractor* extractor) {
  bool as_read = doc.format == DocFormat::kText;
  std::string_view analyzed = as_read ? std::string_view(a.input) : std::string_view(a.text);
  CodePointIndex cps(a.input);
  auto cp = [&](uint32_t byte) -> int64_t { return cps.ToCodePoint(as_read ? byte : a.offsets.ToInput(byte)); };
  nlohmann::json quotes = nlohmann::json::array();
  for (const Quote& q : extractor->Extract(analyzed)) {
    bool has_speaker = !q.speaker_mention.empty();
    quotes.push_back({{"text", std::string(q.text.In(analyzed))},
                      {"start", cp(q.text.begin)},
                      {"end", cp(q.text.end)},
                      {"speaker", q.speaker},
                      {"speaker_start", has_speaker ? cp(q.speaker_mention.begin) : -1},
                      {"speaker_end", has_speaker ? cp(q.speaker_mention.end) : -1},
                      {"cue", std::string(q.cue.In(analyzed))}});
  }
  return {{"id", a.id}, {"quotes", std::move(quotes)}};
}

void PrintText(const nlohmann::json& j) {
  std::printf("== %s\n", j["id"].get<std::string>().c_str());
  for (const auto& q : j["quotes"]) {
    std::string speaker = q["speaker"].get<std::string>();
    std::printf("[%lld,%lld) %s: \xE2\x80\x9C%s\xE2\x80\x9D (%s)\n", static_cast<long long>(q["start"].get<int64_t>()),
                static_cast<long long>(q["end"].get<int64_t>()), speaker.empty() ? "?" : speaker.c_str(),
                q["text"].get<std::string>().c_str(), q["cue"].get<std::string>().c_str());
  }
}

int RunQuotes(const QuotesOptions& opt) {
  ArticleSource source;
  QuoteExtractor::Options options;
  options.min_words = opt.min_words;
  QuoteExtractor extractor(options);
  source.ForEach(opt.inputs, [&](Article&& a, const RawDoc& doc) {
    nlohmann::json j = QuotesJson(a, doc, &extractor);
    if (opt.format == "text") return PrintText(j);
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  });
  return source.had_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterQuotes(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<QuotesOptions>();
  CLI::App* cmd = app.add_subcommand("quotes", "Find direct quotes and who said them");
  cmd->add_option("--format", opt->format, "jsonl (one object per article) or text")
      ->check(CLI::IsMember({"jsonl", "text"}));
  cmd->add_option("--min-words", opt->min_words, "Shortest quote kept, in words (default 3)");
  cmd->add_option("inputs", opt->inputs, "Files, folders or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunQuotes(*opt); });
}

}  // namespace storyfuse
