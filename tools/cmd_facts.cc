// storyfuse facts [--anchor DATE] INPUT...
//
// Prints, as JSON, what the analyzers find in the inputs taken as one
// story: each article's quantities and dates (relative dates resolved
// against the article's own date, else --anchor, else the latest article
// date among the inputs), and the entities linked across all articles.
// Spans are Unicode code points into each article's cleaned text, end
// exclusive.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "analyze/date_resolver.h"
#include "analyze/entity_linker.h"
#include "analyze/lexed_text.h"
#include "analyze/number_extractor.h"
#include "text/utf8.h"
#include "text/word_lexer.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct FactsOptions {
  std::string anchor;
  std::vector<std::string> inputs;
};

nlohmann::json SpanJson(Span s, const CodePointIndex& cp) { return {cp.ToCodePoint(s.begin), cp.ToCodePoint(s.end)}; }

nlohmann::json QuantityJson(const Quantity& q, std::string_view text, const CodePointIndex& cp) {
  nlohmann::json j = {{"text", q.span.In(text)},
                      {"value", q.value},
                      {"hedge", HedgeName(q.hedge)},
                      {"unit", q.unit},
                      {"noun", q.noun},
                      {"clause", q.clause.In(text)},
                      {"span", SpanJson(q.span, cp)}};
  if (q.range) j["min"] = q.min, j["max"] = q.max;
  if (q.part) j["part"] = true;
  return j;
}

nlohmann::json DateJson(const DateMention& d, std::string_view text, const CodePointIndex& cp) {
  nlohmann::json j = {{"text", d.span.In(text)},
                      {"iso", d.iso},
                      {"granularity", GranularityName(d.granularity)},
                      {"span", SpanJson(d.span, cp)}};
  if (d.relative) j["anchor"] = d.anchor;
  if (d.approximate) j["approximate"] = true;
  return j;
}

std::string StoryAnchor(const std::vector<Article>& articles, const std::string& given) {
  if (!given.empty()) return given;
  std::string latest;
  for (const Article& a : articles) latest = std::max(latest, a.published.iso.substr(0, 10));
  return latest;
}

int RunFacts(const FactsOptions& opt) {
  ArticleSource source;
  std::vector<Article> articles = source.ReadAll(opt.inputs);
  std::string story_anchor = StoryAnchor(articles, opt.anchor);
  EntityLinker linker;
  nlohmann::json out = {{"anchor", story_anchor}, {"articles", nlohmann::json::array()}};
  std::vector<CodePointIndex> indexes;
  indexes.reserve(articles.size());
  for (const Article& a : articles) {
    indexes.emplace_back(a.text);
    const CodePointIndex& cp = indexes.back();
    std::vector<LexToken> tokens = WordLexer::Lex(a.text);
    LexedText lexed(a.text, tokens);  // one lexed view for both analyzers
    std::vector<DateMention> dates = DateResolver::Extract(lexed, DateResolver::AnchorFor(a, story_anchor));
    nlohmann::json j = {{"id", a.id}, {"numbers", nlohmann::json::array()}, {"dates", nlohmann::json::array()}};
    for (const Quantity& q : NumberExtractor::Extract(lexed, dates)) {
      j["numbers"].push_back(QuantityJson(q, a.text, cp));
    }
    for (const DateMention& d : dates) j["dates"].push_back(DateJson(d, a.text, cp));
    out["articles"].push_back(std::move(j));
    linker.AddArticle(a.id, a.text, tokens);
  }
  std::unordered_map<std::string, size_t> index_of;
  for (size_t i = 0; i < articles.size(); ++i) index_of.emplace(articles[i].id, i);
  nlohmann::json entities = nlohmann::json::array();
  for (const Entity& e : linker.Entities()) {
    nlohmann::json mentions = nlohmann::json::array();
    for (const EntityMention& m : e.mentions) {
      const CodePointIndex& cp = indexes[index_of.at(m.article)];
      mentions.push_back({{"article", m.article}, {"span", SpanJson(m.span, cp)}, {"by_title", m.by_title}});
    }
    entities.push_back({{"name", e.name},
                        {"type", EntityTypeName(e.type)},
                        {"aliases", e.aliases},
                        {"titles", e.titles},
                        {"articles", e.articles},
                        {"mentions", std::move(mentions)}});
  }
  out["entities"] = std::move(entities);
  std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return source.had_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterFacts(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<FactsOptions>();
  CLI::App* cmd = app.add_subcommand("facts", "Print the numbers, dates and entities of the inputs taken as one story");
  cmd->add_option("--anchor", opt->anchor, "Story date (YYYY-MM-DD) for articles without their own");
  cmd->add_option("inputs", opt->inputs, "Files, folders or - for stdin")->required();
  cmd->callback([opt, exit_code] { *exit_code = RunFacts(*opt); });
}

}  // namespace storyfuse
