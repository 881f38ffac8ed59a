#include "brief/brief_json.h"

#include <cmath>

namespace storyfuse {
namespace {

using nlohmann::json;

json Str(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json Opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// Support is a probability: three decimals say all it knows, and keep the
// JSON byte-stable across platforms' float printing.
double Rounded(float support) { return std::round(static_cast<double>(support) * 1000.0) / 1000.0; }

json SpanJson(const SourceSpan& s) {
  if (s.article.empty()) return nullptr;
  return {{"article", s.article}, {"start", s.start}, {"end", s.end}, {"support", Rounded(s.support)}};
}

json SpansJson(const std::vector<SourceSpan>& spans) {
  json out = json::array();
  for (const auto& s : spans) out.push_back(SpanJson(s));
  return out;
}

json StatementJson(const Statement& s) {
  return {{"text", s.text},
          {"sources", s.sources},
          {"spans", SpansJson(s.spans)},
          {"independent_sources", s.independent_sources}};
}

json QuoteJson(const BriefQuote& q) {
  json variants = json::array();
  for (const auto& v : q.variants) {
    variants.push_back({{"text", v.text}, {"source", v.source}, {"span", SpanJson(v.span)}});
  }
  return {{"text", q.text},
          {"speaker", Str(q.speaker)},
          {"sources", q.sources},
          {"variants", variants},
          {"independent_sources", q.independent_sources}};
}

json NumberJson(const BriefNumber& n) {
  return {{"value", n.value},      {"min", Opt(n.min)},           {"max", Opt(n.max)},
          {"hedge", Str(n.hedge)}, {"unit", Str(n.unit)},         {"text", n.text},
          {"sources", n.sources},  {"spans", SpansJson(n.spans)}, {"independent_sources", n.independent_sources}};
}

json ConflictJson(const Conflict& c) {
  json values = json::array();
  for (const auto& v : c.values) {
    values.push_back({{"value", v.value}, {"text", v.text}, {"sources", v.sources}, {"spans", SpansJson(v.spans)}});
  }
  return {{"about", c.about}, {"values", values}};
}

json FigureJson(const TrackedFigure& f) {
  json values = json::array();
  for (const auto& v : f.values) {
    values.push_back({{"value", v.value},
                      {"text", v.text},
                      {"source", v.source},
                      {"span", SpanJson(v.span)},
                      {"time", Str(v.time)}});
  }
  return {{"about", f.about}, {"unit", Str(f.unit)}, {"values", values}, {"headline", f.headline}};
}

json ArticleJson(const ArticleRef& a) {
  return {
      {"id", a.id},           {"outlet", Str(a.outlet)}, {"title", Str(a.title)},     {"published", Str(a.published)},
      {"authors", a.authors}, {"wire", Str(a.wire)},     {"copy_of", Str(a.copy_of)}, {"words", a.words}};
}

template <typename T, typename F>
json ListJson(const std::vector<T>& items, F f) {
  json out = json::array();
  for (const auto& x : items) out.push_back(f(x));
  return out;
}

}  // namespace

json BriefToJson(const StoryBrief& b) {
  json j;
  j["id"] = b.id;
  j["headline"] = Str(b.headline);
  j["outlets"] = b.outlets;
  j["independent_sources"] = b.independent_sources;
  j["summary"] = ListJson(b.summary, StatementJson);
  j["facts"] = ListJson(b.facts, StatementJson);
  j["quotes"] = ListJson(b.quotes, QuoteJson);
  j["numbers"] = ListJson(b.numbers, NumberJson);
  j["conflicts"] = ListJson(b.conflicts, ConflictJson);
  j["figures"] = ListJson(b.figures, FigureJson);
  j["timeline"] = ListJson(b.timeline, [](const TimelineEntry& t) {
    return json{{"date", t.date},
                {"granularity", t.granularity},
                {"text", t.text},
                {"sources", t.sources},
                {"spans", SpansJson(t.spans)}};
  });
  j["entities"] = ListJson(b.entities, [](const BriefEntity& e) {
    return json{
        {"name", e.name}, {"type", e.type}, {"aliases", e.aliases}, {"sources", e.sources}, {"mentions", e.mentions}};
  });
  j["exclusives"] = ListJson(b.exclusives, [](const Exclusive& e) {
    return json{{"source", e.source}, {"text", e.text}, {"span", SpanJson(e.span)}};
  });
  j["corrections"] = ListJson(b.corrections, [](const Correction& c) {
    return json{{"source", c.source}, {"text", c.text}, {"span", SpanJson(c.span)}};
  });
  j["articles"] = ListJson(b.articles, ArticleJson);
  return j;
}

json BriefsToJson(const std::vector<StoryBrief>& briefs) { return {{"stories", ListJson(briefs, BriefToJson)}}; }

}  // namespace storyfuse
