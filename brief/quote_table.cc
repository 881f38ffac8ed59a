#include "brief/quote_table.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <vector>

#include "brief/stem_cache.h"
#include "text/segmenter.h"
#include "text/stopwords.h"
#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

// Enough for any story's distinct remarks; a brief is read, not searched.
constexpr size_t kMaxQuotes = 80;
// A quotation this short (content words) is matched word for word: two
// stems ("disappointed and frustrated") say less than the exact words.
constexpr size_t kExactWords = 2;
// Of three content words, two must be found ("killing too many people",
// "killing a lot of people").
constexpr size_t kThreeWords = 3;
constexpr size_t kThreeWordsShared = 2;
// Longer quotations: this share of their stems in one stretch of the other.
constexpr double kSameRemark = 0.6;

// Content words of a piece of text: folded words that are not function
// words, and their stems.
struct Words {
  std::vector<std::string> exact;
  std::vector<std::string> stems;
};

Words ContentWords(std::string_view text) {
  Words out;
  std::string folded = UnicodeText::Fold(text);
  std::string word;
  auto flush = [&] {
    if (!word.empty() && !IsStopword(word)) {
      out.exact.push_back(word);
      out.stems.push_back(StemCache::Stem(word));
    }
    word.clear();
  };
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t start = pos;
    char32_t cp = DecodeUtf8(folded, &pos);
    if (UnicodeText::IsLetter(cp) || UnicodeText::IsDigit(cp)) {
      word.append(folded, start, pos - start);
    } else {
      flush();  // apostrophes split too: "he's" -> "he", "s"
    }
  }
  flush();
  return out;
}

// One quotation as an article prints it.
struct Item {
  uint32_t article;
  Span bytes;  // of the article's text, or of its input when `in_input`
  bool in_input = false;
  std::string text;
  std::string speaker;  // canonical, or ""
  std::vector<Words> sentences;
  size_t content_words = 0;
};

// Share of `small`'s words found in `window` (exact words or stems).
size_t Shared(const std::vector<std::string>& small, const std::set<std::string>& window) {
  size_t n = 0;
  for (const std::string& w : std::set<std::string>(small.begin(), small.end())) n += window.count(w);
  return n;
}

// Whether the shorter item's words are found in one stretch of the longer.
bool Matches(const Item& shorter, const Item& longer) {
  Words all;
  for (const Words& s : shorter.sentences) {
    all.exact.insert(all.exact.end(), s.exact.begin(), s.exact.end());
    all.stems.insert(all.stems.end(), s.stems.begin(), s.stems.end());
  }
  size_t distinct = std::set<std::string>(all.exact.begin(), all.exact.end()).size();
  if (distinct == 0) return false;
  size_t width = std::min(longer.sentences.size(), shorter.sentences.size() + 1);
  for (size_t begin = 0; begin + width <= longer.sentences.size(); ++begin) {
    std::set<std::string> exact, stems;
    for (size_t s = begin; s < begin + width; ++s) {
      exact.insert(longer.sentences[s].exact.begin(), longer.sentences[s].exact.end());
      stems.insert(longer.sentences[s].stems.begin(), longer.sentences[s].stems.end());
    }
    if (distinct <= kExactWords) {
      if (Shared(all.exact, exact) == distinct) return true;
    } else if (distinct == kThreeWords) {
      if (Shared(all.exact, exact) >= kThreeWordsShared) return true;
    } else {
      size_t stem_count = std::set<std::string>(all.stems.begin(), all.stems.end()).size();
      if (Shared(all.stems, stems) >= kSameRemark * stem_count) return true;
    }
  }
  return false;
}

bool SpeakersAgree(const std::string& a, const std::string& b) { return a.empty() || b.empty() || a == b; }

bool SameItem(const Item& a, const Item& b) {
  if (!SpeakersAgree(a.speaker, b.speaker)) return false;
  return a.content_words <= b.content_words ? Matches(a, b) : Matches(b, a);
}

Item MakeItem(uint32_t article, Span bytes, std::string_view text, std::string speaker, Segmenter* segmenter) {
  Item item{article, bytes, false, std::string(text), std::move(speaker), {}, 0};
  for (const Span& s : segmenter->Sentences(text)) {
    Words w = ContentWords(s.In(text));
    item.content_words += w.exact.size();
    if (!w.exact.empty()) item.sentences.push_back(std::move(w));
  }
  return item;
}

// The entity a speaker name belongs to, by name or alias; else the name.
std::string Canonical(const std::string& speaker, const std::vector<BriefEntity>& entities) {
  if (speaker.empty()) return speaker;
  for (const auto& e : entities) {
    if (e.type != "person") continue;
    if (e.name == speaker || std::find(e.aliases.begin(), e.aliases.end(), speaker) != e.aliases.end()) return e.name;
  }
  return speaker;
}

// The name most variants credit; ties go to the one seen first.
std::string TopSpeaker(const std::vector<const Item*>& members) {
  std::map<std::string, int> votes;
  std::string best;
  int best_votes = 0;
  for (const Item* m : members) {
    if (m->speaker.empty()) continue;
    int v = ++votes[m->speaker];
    if (v > best_votes) best = m->speaker, best_votes = v;
  }
  return best;
}

// A span of the article's input, in code points (a quotation printed only
// in furniture cut from the text).
SourceSpan InputSpan(const Article& article, Span bytes) {
  CodePointIndex input(article.input);
  return {article.id, input.ToCodePoint(bytes.begin), input.ToCodePoint(bytes.end), 1};
}

Segmenter& ThreadSegmenter() {
  thread_local Segmenter segmenter;
  return segmenter;
}

}  // namespace

bool QuoteTable::SameRemark(std::string_view a, const std::string& speaker_a, std::string_view b,
                            const std::string& speaker_b) {
  Segmenter& segmenter = ThreadSegmenter();
  return SameItem(MakeItem(0, {}, a, speaker_a, &segmenter), MakeItem(0, {}, b, speaker_b, &segmenter));
}

std::vector<BriefQuote> QuoteTable::Build(const AlignedStory& v, const std::vector<BriefEntity>& entities) {
  Segmenter& segmenter = ThreadSegmenter();
  std::vector<Item> items;
  for (uint32_t a = 0; a < v.members().size(); ++a) {
    const Article& article = v.article(a);
    for (const Quote& q : extractor_.Extract(article.text)) {
      items.push_back(MakeItem(a, q.text, q.text.In(article.text), Canonical(q.speaker, entities), &segmenter));
    }
    // A standfirst is cut from the text as furniture (never a summary
    // sentence), but the words it quotes are still the speaker's, as this
    // outlet prints them.
    for (const Removed& r : article.removed) {
      if (r.kind != "standfirst") continue;
      std::string_view piece = r.input.In(article.input);
      for (const Quote& q : extractor_.Extract(piece)) {
        Span bytes{r.input.begin + q.text.begin, r.input.begin + q.text.end};
        items.push_back(MakeItem(a, bytes, q.text.In(piece), Canonical(q.speaker, entities), &segmenter));
        items.back().in_input = true;
      }
    }
  }
  // Longest first: each quotation joins the group of the longest earlier
  // one it matches (a group is its members, any of which may match).
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return items[x].content_words > items[y].content_words; });
  std::vector<std::vector<size_t>> groups;
  for (size_t i : order) {
    auto joins = [&](const std::vector<size_t>& g) {
      return std::any_of(g.begin(), g.end(), [&](size_t m) { return SameItem(items[i], items[m]); });
    };
    auto it = std::find_if(groups.begin(), groups.end(), joins);
    if (it == groups.end()) {
      groups.push_back({i});
    } else {
      it->push_back(i);
    }
  }
  struct Ranked {
    BriefQuote quote;
    size_t first_seen;  // smallest item index: story order
  };
  std::vector<Ranked> ranked;
  for (std::vector<size_t>& g : groups) {
    std::sort(g.begin(), g.end());  // items are in article order, then text order
    std::vector<const Item*> members;
    for (size_t i : g) members.push_back(&items[i]);
    BriefQuote q;
    std::set<std::string> origins;
    const Item* longest = members.front();
    for (const Item* m : members) {
      const std::string& id = v.article(m->article).id;
      if (std::find(q.sources.begin(), q.sources.end(), id) == q.sources.end()) q.sources.push_back(id);
      origins.insert(v.Origin(m->article));
      q.variants.push_back(
          {m->text, id,
           m->in_input ? InputSpan(v.article(m->article), m->bytes) : v.ToSourceSpan(m->article, m->bytes)});
      if (m->text.size() > longest->text.size()) longest = m;
    }
    q.text = longest->text;
    q.speaker = TopSpeaker(members);
    q.independent_sources = static_cast<int>(origins.size());
    ranked.push_back({std::move(q), g.front()});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.quote.independent_sources != b.quote.independent_sources) {
      return a.quote.independent_sources > b.quote.independent_sources;
    }
    if (a.quote.sources.size() != b.quote.sources.size()) return a.quote.sources.size() > b.quote.sources.size();
    return a.first_seen < b.first_seen;
  });
  std::vector<BriefQuote> out;
  for (Ranked& r : ranked) {
    if (out.size() >= kMaxQuotes) break;
    out.push_back(std::move(r.quote));
  }
  return out;
}

}  // namespace storyfuse
