#include "brief/brief_html.h"

#include <fmt/format.h>

#include "text/html_escape.h"

namespace storyfuse {
namespace {

constexpr std::string_view kStyle = R"(
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:auto;padding:1rem;color:#222}
h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.1rem;margin-top:1.5rem;border-bottom:1px solid #ddd}
.meta{color:#666;font-size:.9rem}.chip{display:inline-block;background:#eef;border-radius:.6rem;
padding:0 .45rem;margin:0 .1rem;font-size:.75rem;color:#335}.count{font-weight:600;color:#060}
table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #eee;padding:.3rem;vertical-align:top;text-align:left}
@media(max-width:40rem){body{padding:.5rem}table{font-size:.85rem}}
)";

std::string Chips(const std::vector<std::string>& sources) {
  std::string out;
  for (const auto& s : sources) out += fmt::format("<span class=\"chip\">{}</span>", HtmlEscape(s));
  return out;
}

void List(std::string* out, const char* title, const std::vector<std::string>& items) {
  if (items.empty()) return;
  *out += fmt::format("<h2>{}</h2><ul>", title);
  for (const auto& item : items) *out += "<li>" + item + "</li>";
  *out += "</ul>";
}

std::vector<std::string> StatementItems(const std::vector<Statement>& statements, bool counts) {
  std::vector<std::string> items;
  for (const auto& s : statements) {
    std::string count = counts ? fmt::format("<span class=\"count\">{}</span> ", s.independent_sources) : "";
    items.push_back(count + HtmlEscape(s.text) + " " + Chips(s.sources));
  }
  return items;
}

std::string QuoteTable(const StoryBrief& b) {
  if (b.quotes.empty()) return "";
  std::string out = "<h2>Quotes</h2><table><tr><th>Quote</th><th>Speaker</th><th>Outlets</th></tr>";
  for (const auto& q : b.quotes) {
    std::string variants;
    for (const auto& v : q.variants) {
      if (v.text != q.text)
        variants += fmt::format("<br><small>{}: \u201c{}\u201d</small>", HtmlEscape(v.source), HtmlEscape(v.text));
    }
    out += fmt::format("<tr><td>\u201c{}\u201d{}</td><td>{}</td><td>{}</td></tr>", HtmlEscape(q.text), variants,
                       HtmlEscape(q.speaker.empty() ? "unattributed" : q.speaker), Chips(q.sources));
  }
  return out + "</table>";
}

std::string StoryHtml(const StoryBrief& b) {
  std::string out = fmt::format(
      "<section id=\"{}\"><h1>{}</h1><p class=\"meta\">{} articles \u00b7 {} outlets \u00b7 {} independent sources</p>",
      HtmlEscape(b.id), HtmlEscape(b.headline), b.articles.size(), b.outlets, b.independent_sources);
  List(&out, "Summary", StatementItems(b.summary, true));
  List(&out, "Facts", StatementItems(b.facts, true));
  out += QuoteTable(b);
  std::vector<std::string> numbers, conflicts, figures, timeline, entities, exclusives, corrections, articles;
  for (const auto& f : b.figures) {
    std::string item = "<b>" + HtmlEscape(f.about) + "</b>:";
    for (const auto& v : f.values) {
      item +=
          " " + HtmlEscape(v.text) + (v.time.empty() ? "" : " (" + HtmlEscape(v.time) + ")") + " " + Chips({v.source});
    }
    figures.push_back(item);
  }
  for (const auto& c : b.corrections) corrections.push_back(HtmlEscape(c.text) + " " + Chips({c.source}));
  for (const auto& n : b.numbers) numbers.push_back(HtmlEscape(n.text) + " " + Chips(n.sources));
  for (const auto& c : b.conflicts) {
    std::string item = "<b>" + HtmlEscape(c.about) + "</b>:";
    for (const auto& v : c.values) item += " \u201c" + HtmlEscape(v.text) + "\u201d " + Chips(v.sources);
    conflicts.push_back(item);
  }
  for (const auto& t : b.timeline)
    timeline.push_back("<b>" + HtmlEscape(t.date) + "</b> " + HtmlEscape(t.text) + " " + Chips(t.sources));
  for (const auto& e : b.entities) {
    entities.push_back(
        fmt::format("<b>{}</b> ({}, {}){}", HtmlEscape(e.name), HtmlEscape(e.type), e.mentions,
                    e.aliases.empty() ? "" : " \u2014 " + HtmlEscape(fmt::format("{}", fmt::join(e.aliases, "; ")))));
  }
  for (const auto& e : b.exclusives) exclusives.push_back(HtmlEscape(e.text) + " " + Chips({e.source}));
  for (const auto& a : b.articles) {
    articles.push_back(fmt::format("{} <b>{}</b> {} {}", Chips({a.id}),
                                   HtmlEscape(a.outlet.empty() ? "(outlet not named)" : a.outlet), HtmlEscape(a.title),
                                   HtmlEscape(a.published)));
  }
  List(&out, "Numbers", numbers);
  List(&out, "Figures over time", figures);
  List(&out, "Where outlets disagree", conflicts);
  List(&out, "Timeline", timeline);
  List(&out, "People, places and organisations", entities);
  List(&out, "Only one outlet reports", exclusives);
  List(&out, "Corrections", corrections);
  List(&out, "Articles", articles);
  return out + "</section>";
}

}  // namespace

std::string BriefsToHtml(const std::vector<StoryBrief>& briefs) {
  std::string out = fmt::format(
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\"><title>storyfuse brief</title><style>{}</style></head><body>",
      kStyle);
  for (const auto& b : briefs) out += StoryHtml(b);
  return out + "</body></html>\n";
}

}  // namespace storyfuse
