#include "brief/brief_builder.h"

#include <set>

#include "text/segmenter.h"
#include "text/utf8.h"

namespace storyfuse {

struct BriefBuilder::Impl {
  Segmenter segmenter;
};

BriefBuilder::BriefBuilder(BriefOptions options)
    : options_(options), impl_(std::make_unique<Impl>()) {}
BriefBuilder::~BriefBuilder() = default;

namespace {

int CountWords(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

ArticleRef RefOf(const StoryMember& m) {
  const Article& a = *m.article;
  return {a.id, a.outlet, a.title, a.published.iso, a.authors, a.wire, m.copy_of, CountWords(a.text)};
}

}  // namespace

// First version: the lead sentence of each article, in input order, until
// the word budget is spent.
StoryBrief BriefBuilder::Build(const std::string& story_id, const std::vector<StoryMember>& members) {
  StoryBrief b;
  b.id = story_id;
  std::set<std::string> outlets, origins;
  int words = 0;
  for (const auto& m : members) {
    const Article& a = *m.article;
    b.articles.push_back(RefOf(m));
    if (!a.outlet.empty()) outlets.insert(a.outlet);
    origins.insert(m.origin.empty() ? a.id : m.origin);
    if (b.headline.empty()) b.headline = a.title;
    std::vector<Span> sentences = impl_->segmenter.Sentences(a.text);
    if (sentences.empty() || words >= options_.summary_words) continue;
    Span s = sentences.front();
    CodePointIndex cps(a.text);
    b.summary.push_back({std::string(s.In(a.text)), {a.id}, {{a.id, cps.ToCodePoint(s.begin), cps.ToCodePoint(s.end)}}, 1});
    words += CountWords(s.In(a.text));
  }
  b.outlets = static_cast<int>(outlets.size());
  b.independent_sources = static_cast<int>(origins.size());
  return b;
}

}  // namespace storyfuse
