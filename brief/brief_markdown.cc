#include "brief/brief_markdown.h"

#include <fmt/format.h>

namespace storyfuse {
namespace {

std::string Sources(const std::vector<std::string>& ids) { return fmt::format("[{}]", fmt::join(ids, ", ")); }

void Section(std::string* out, const char* title, bool nonempty) {
  if (nonempty) *out += fmt::format("\n## {}\n\n", title);
}

// "(3 independent sources)", or "(1 source)": how many origins carry an item,
// beside the list of the articles that do.
std::string Independent(int n) { return fmt::format("({} {})", n, n == 1 ? "source" : "independent sources"); }

void RenderSummary(const StoryBrief& b, std::string* out) {
  Section(out, "Summary", !b.summary.empty());
  for (const auto& s : b.summary) {
    *out += fmt::format("- {} {} {}\n", s.text, Independent(s.independent_sources), Sources(s.sources));
  }
}

void RenderFacts(const StoryBrief& b, std::string* out) {
  Section(out, "Facts", !b.facts.empty());
  for (const auto& f : b.facts) {
    *out += fmt::format("- {} {} {}\n", Independent(f.independent_sources), f.text, Sources(f.sources));
  }
}

void RenderQuotes(const StoryBrief& b, std::string* out) {
  Section(out, "Quotes", !b.quotes.empty());
  for (const auto& q : b.quotes) {
    *out += fmt::format("- \u201c{}\u201d \u2014 {} {} {}\n", q.text, q.speaker.empty() ? "unattributed" : q.speaker,
                        Independent(q.independent_sources), Sources(q.sources));
    for (const auto& v : q.variants) {
      if (v.text != q.text) *out += fmt::format("  - {}: \u201c{}\u201d\n", v.source, v.text);
    }
  }
}

void RenderNumbers(const StoryBrief& b, std::string* out) {
  Section(out, "Numbers", !b.numbers.empty());
  for (const auto& n : b.numbers) {
    // "Eight" alone says nothing: name what is counted when the text lacks it.
    bool named = n.unit.empty() || n.text.find(n.unit.substr(0, 3)) != std::string::npos ||
                 (n.unit == "percent" && n.text.find('%') != std::string::npos);
    *out += fmt::format("- {}{} {}\n", n.text, named ? "" : " (" + n.unit + ")", Sources(n.sources));
  }
  Section(out, "Figures over time", !b.figures.empty());
  for (const auto& f : b.figures) {
    *out += fmt::format("- {}:", f.about);
    for (const auto& v : f.values) {
      *out += fmt::format(" {}{} [{}];", v.text, v.time.empty() ? "" : " (" + v.time + ")", v.source);
    }
    *out += "\n";
  }
  Section(out, "Conflicts", !b.conflicts.empty());
  for (const auto& c : b.conflicts) {
    *out += fmt::format("- {}:", c.about);
    for (const auto& v : c.values) *out += fmt::format(" \u201c{}\u201d {};", v.text, Sources(v.sources));
    *out += "\n";
  }
}

void RenderTimeline(const StoryBrief& b, std::string* out) {
  Section(out, "Timeline", !b.timeline.empty());
  for (const auto& t : b.timeline) *out += fmt::format("- {}: {} {}\n", t.date, t.text, Sources(t.sources));
}

void RenderEntities(const StoryBrief& b, std::string* out) {
  Section(out, "People, places and organisations", !b.entities.empty());
  for (const auto& e : b.entities) {
    *out += fmt::format("- {} ({}, {} mentions)", e.name, e.type, e.mentions);
    if (!e.aliases.empty()) *out += fmt::format(" also: {}", fmt::join(e.aliases, "; "));
    *out += "\n";
  }
}

void RenderExclusives(const StoryBrief& b, std::string* out) {
  Section(out, "Only one outlet reports", !b.exclusives.empty());
  for (const auto& e : b.exclusives) *out += fmt::format("- {} [{}]\n", e.text, e.source);
}

void RenderCorrections(const StoryBrief& b, std::string* out) {
  Section(out, "Corrections", !b.corrections.empty());
  for (const auto& c : b.corrections) *out += fmt::format("- {} [{}]\n", c.text, c.source);
}

void RenderArticles(const StoryBrief& b, std::string* out) {
  Section(out, "Articles", !b.articles.empty());
  for (const auto& a : b.articles) {
    *out += fmt::format("- {}: {} \u2014 {}", a.id, a.outlet.empty() ? "(outlet not named)" : a.outlet,
                        a.title.empty() ? "(untitled)" : a.title);
    if (!a.published.empty()) *out += fmt::format(", {}", a.published);
    if (!a.wire.empty()) *out += fmt::format(", wire: {}", a.wire);
    if (!a.copy_of.empty()) *out += fmt::format(", copy of {}", a.copy_of);
    *out += "\n";
  }
}

}  // namespace

std::string BriefToMarkdown(const StoryBrief& b) {
  std::string out = fmt::format("# {}\n\n", b.headline.empty() ? "(untitled story)" : b.headline);
  out += fmt::format("Story {}: {} articles, {} outlets, {} independent sources.\n", b.id, b.articles.size(), b.outlets,
                     b.independent_sources);
  RenderSummary(b, &out);
  RenderFacts(b, &out);
  RenderQuotes(b, &out);
  RenderNumbers(b, &out);
  RenderTimeline(b, &out);
  RenderEntities(b, &out);
  RenderExclusives(b, &out);
  RenderCorrections(b, &out);
  RenderArticles(b, &out);
  return out;
}

}  // namespace storyfuse
