#include "brief/quote_table.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <vector>

#include "brief/citation_support.h"
#include "brief/statement_matcher.h"
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

// `all`, when given, gets every word (function words too), in order.
Words ContentWords(std::string_view text, std::vector<std::string>* all = nullptr) {
  Words out;
  std::string folded = UnicodeText::Fold(text);
  std::string word;
  auto flush = [&] {
    if (!word.empty() && all != nullptr) all->push_back(word);
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
  std::vector<Span> sentence_spans;  // of `text`, parallel to `sentences`
  size_t content_words = 0;
  bool names_only = false;          // every content word capitalized: a title or a name
  std::vector<std::string> folded;  // every word, folded, in order (function words too)
};

// What support reads of a quotation: the speaker's words as an outlet
// prints them, with an editor's insertion in square brackets ("what the
// president [Donald Trump] said") left out, since it is no word of the
// speaker's, and typographic apostrophes made plain so that "I'll" and
// "I’ll" read as one word.
std::string SpeakerWords(std::string_view text) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '[') ++depth;
    if (depth == 0) {
      if (text.compare(i, 3, "\u2019") == 0) {
        out.push_back('\'');
        i += 2;
        continue;
      }
      out.push_back(text[i]);
    }
    if (text[i] == ']' && depth > 0) --depth;
  }
  return out;
}

// Whether a wording states a quotation, through CitationSupport (in that
// direction: the longer wording may say more, never less). Reads each
// quotation and stretch once.
class SupportReader {
 public:
  SupportReader(const StatementMatcher& matcher, const CitationSupport& support)
      : matcher_(matcher), support_(support) {}

  // Whether a stretch of `longer`'s sentences inside [begin, end) states
  // `shorter`. Each stretch is tried, shortest first: a claim is stated
  // by the sentences that hold it, and a negation or a name in a
  // neighbouring sentence says nothing about it. A quotation of at most
  // kThreeWords content words and fewer words than the matcher's domain
  // is too short for the matcher (it reads
  // sentences, and under six words refuses them): its words are matched
  // by the caller, and here it needs only no veto (another speaker, a
  // figure, name, day or negation it has and the stretch lacks, a word of
  // opposite sense) and half its weight (kParaphraseShare): "he's killing
  // a lot of people" states "he's killing too many people".
  bool States(const Item& longer, size_t begin, size_t end, const Item& shorter) {
    const MatchSentence& claim = Claim(shorter);
    // A quotation long enough for the matcher is read by it, however few
    // its content words: "Our red carpet is not for stunting." is a
    // statement, not a fragment, and two of its words in another remark
    // do not state it.
    bool short_claim = shorter.content_words <= kThreeWords && claim.words < matcher_.domain().min_words;
    for (size_t width = 1; width <= end - begin; ++width) {
      for (size_t b = begin; b + width <= end; ++b) {
        const MatchSentence& span = Stretch(longer, b, b + width);
        if (short_claim) {
          ClaimCoverage c = StatementFeatures::Covers(claim, span);
          // A fragment quoted from a negated sentence ("time and
          // patience" of "these things take time and patience, but ...
          // has not been made") is still those words; a negated fragment
          // needs its negation.
          if (claim.negations == 0) c.negation_differs = false;
          if (!CitationSupport::Vetoed(c) && c.weight_share >= CitationSupport::kParaphraseShare) return true;
        } else if (support_.Supports(support_.Score(claim, span))) {
          return true;
        }
      }
    }
    return false;
  }

 private:
  const MatchSentence& Claim(const Item& item) {
    auto [it, added] = claims_.try_emplace(&item);
    if (added) it->second = matcher_.Read(SpeakerWords(item.text));
    return it->second;
  }
  const MatchSentence& Stretch(const Item& item, size_t begin, size_t end) {
    auto [it, added] = spans_.try_emplace(std::make_tuple(&item, begin, end));
    if (added) {
      Span s{item.sentence_spans[begin].begin, item.sentence_spans[end - 1].end};
      it->second = matcher_.Read(SpeakerWords(s.In(item.text)));
    }
    return it->second;
  }

  const StatementMatcher& matcher_;
  const CitationSupport& support_;
  std::map<const Item*, MatchSentence> claims_;
  std::map<std::tuple<const Item*, size_t, size_t>, MatchSentence> spans_;
};

// Share of `small`'s words found in `window` (exact words or stems).
size_t Shared(const std::vector<std::string>& small, const std::set<std::string>& window) {
  size_t n = 0;
  for (const std::string& w : std::set<std::string>(small.begin(), small.end())) n += window.count(w);
  return n;
}

// A repeat may skip words of the remark it repeats ("a waste of money and
// lives" of "a waste of money and a waste of lives"), at most as many as
// it has.
constexpr size_t kRepeatStretch = 2;

// Whether every word of `run` occurs in `words`, in order, within a
// stretch of at most kRepeatStretch times its length.
bool IsRepeatOf(const std::vector<std::string>& run, const std::vector<std::string>& words) {
  if (run.empty()) return false;
  size_t limit = kRepeatStretch * run.size();
  for (size_t start = 0; start < words.size(); ++start) {
    if (words[start] != run[0]) continue;
    size_t k = 1;
    for (size_t i = start + 1; i < words.size() && i - start < limit && k < run.size(); ++i) {
      if (words[i] == run[k]) ++k;
    }
    if (k == run.size()) return true;
  }
  return false;
}

// Whether the shorter item's words are found in one stretch of the longer,
// and that stretch states it (CitationSupport). Two quotations of one
// article are one remark only when the shorter repeats the longer's words
// in their order (IsRepeatOf, function words too): an outlet repeats a
// fragment of a remark it quotes in full, but does not reword it ("It will
// be worse this winter" and "Every winter gets harder," in one report are
// two remarks), and the lines of a dialogue share words without being one
// remark ("Mom, I bought you a stool" and "YOU bought it? How?").
bool Matches(const Item& shorter, const Item& longer, SupportReader* support) {
  if (shorter.article == longer.article) {
    return IsRepeatOf(shorter.folded, longer.folded) || IsRepeatOf(longer.folded, shorter.folded);
  }
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
    bool found = false;
    if (distinct <= kExactWords) {
      found = Shared(all.exact, exact) == distinct;
    } else if (distinct == kThreeWords) {
      found = Shared(all.exact, exact) >= kThreeWordsShared;
    } else {
      size_t stem_count = std::set<std::string>(all.stems.begin(), all.stems.end()).size();
      found = Shared(all.stems, stems) >= kSameRemark * stem_count;
    }
    if (found && support->States(longer, begin, begin + width, shorter)) return true;
  }
  return false;
}

bool SpeakersAgree(const std::string& a, const std::string& b) { return a.empty() || b.empty() || a == b; }

// A quotation of names only ("The Tonight Show", "Ukraine.") quotes a title
// or a name, not a remark: its words say nothing a speaker claimed, so it
// is no wording of another quotation (it stays a remark of its own).
bool SameItem(const Item& a, const Item& b, SupportReader* support) {
  if (!SpeakersAgree(a.speaker, b.speaker)) return false;
  if (a.names_only || b.names_only) return false;
  return a.content_words <= b.content_words ? Matches(a, b, support) : Matches(b, a, support);
}

// Whether every content word of `text` starts with a capital letter.
bool NamesOnly(std::string_view text) {
  bool any = false;
  bool word_start = true;
  std::string word;
  size_t pos = 0;
  auto flush = [&](bool capital) {
    if (!word.empty() && !IsStopword(UnicodeText::Fold(word))) {
      any = true;
      if (!capital) return false;
    }
    return true;
  };
  bool capital = false;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = DecodeUtf8(text, &pos);
    if (UnicodeText::IsLetter(cp) || UnicodeText::IsDigit(cp)) {
      if (word_start) capital = UnicodeText::IsUpper(cp), word_start = false;
      word.append(text, start, pos - start);
      continue;
    }
    if (!flush(capital)) return false;
    word.clear();
    word_start = true;
  }
  if (!flush(capital)) return false;
  return any;
}

Item MakeItem(uint32_t article, Span bytes, std::string_view text, std::string speaker, Segmenter* segmenter) {
  Item item{article, bytes, false, std::string(text), std::move(speaker), {}, {}, 0, NamesOnly(text), {}};
  for (const Span& s : segmenter->Sentences(text)) {
    Words w = ContentWords(s.In(text), &item.folded);
    item.content_words += w.exact.size();
    if (w.exact.empty()) continue;
    item.sentences.push_back(std::move(w));
    item.sentence_spans.push_back(s);
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
  const StatementMatcher& matcher = StatementMatcher::Shipped();
  CitationSupport citation(matcher);
  SupportReader support(matcher, citation);
  return SameItem(MakeItem(0, {}, a, speaker_a, &segmenter), MakeItem(1, {}, b, speaker_b, &segmenter), &support);
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
  SupportReader support(v.matcher(), v.citation_support());
  std::vector<std::vector<size_t>> groups;
  for (size_t i : order) {
    auto joins = [&](const std::vector<size_t>& g) {
      return std::any_of(g.begin(), g.end(), [&](size_t m) { return SameItem(items[i], items[m], &support); });
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
