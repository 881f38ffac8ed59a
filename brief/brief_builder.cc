#include "brief/brief_builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "analyze/entity_linker.h"
#include "brief/aligned_story.h"
#include "brief/furniture_sentence.h"
#include "brief/match_sentence_cache.h"
#include "brief/number_table.h"
#include "brief/quote_table.h"
#include "brief/sentence_aligner.h"
#include "brief/summarizer.h"
#include "brief/timeline_builder.h"
#include "text/segmenter.h"
#include "text/stopwords.h"
#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

// A story none of whose articles has a title is headed by the start of its
// summary's first sentence, the story's best sentence, rather than by its
// id: the words stay a source's own, cut at a word boundary.
constexpr size_t kMaxHeadlineWords = 16;

std::string HeadlineFromSentence(std::string_view sentence) {
  size_t words = 0, pos = 0;
  while (pos < sentence.size()) {
    size_t start = sentence.find_first_not_of(" \t\n", pos);
    if (start == std::string_view::npos) break;
    size_t end = sentence.find_first_of(" \t\n", start);
    if (end == std::string_view::npos) end = sentence.size();
    if (++words > kMaxHeadlineWords) {
      std::string cut(sentence.substr(0, pos));
      while (!cut.empty() && (cut.back() == ',' || cut.back() == ';' || cut.back() == ':' || cut.back() == ' ')) {
        cut.pop_back();
      }
      return cut + "\u2026";
    }
    pos = end;
  }
  return std::string(sentence);
}

// Sentence length bounds for the summary: shorter ones are crumbs or
// fragments, longer ones are run-ons that eat the word budget.
constexpr int kMinSummaryWords = 8;
constexpr int kMaxSummaryWords = 60;
constexpr size_t kMaxFacts = 20;
constexpr size_t kMaxExclusives = 10;
constexpr int kMaxExclusivesPerArticle = 2;
// An exclusive's own words (used by no other article) must carry at least
// this share of its weight: a lead paraphrasing what all report is not one.
constexpr float kMinNovelty = 0.2f;

// Words as the summary budget counts them (white-space fields).
int CountWords(std::string_view s) { return Summarizer::CountWords(s); }

// A statement shown through `shown` (a sentence, or a piece of one:
// `span`), citing its own span (support 1) and, per other article, the
// sentence that states it (AlignedStory::Citations: it may say more), with
// its support. An article whose best sentence does not state it is not
// cited.
Statement Cite(const AlignedStory& v, uint32_t shown, Span span, std::set<uint32_t>* groups) {
  const AlignedSentence& own = v.alignment().sentences[shown];
  Statement st;
  st.text = std::string(span.In(v.ArticleOf(shown).text));
  st.sources.push_back(v.ArticleOf(shown).id);
  st.spans.push_back(v.ToSourceSpan(own.article, span));
  std::set<std::string> origins = {v.Origin(own.article)};
  if (groups != nullptr) groups->insert(own.group);
  // A piece of the sentence is its own claim: the citations must state
  // what is shown, not the sentence it was cut from.
  bool piece = span.begin != own.span.begin || span.end != own.span.end;
  MatchSentence claim;
  if (piece) claim = v.ReadClaim(st.text);
  for (const SpanSupport& s : v.Citations(shown, piece ? &claim : nullptr)) {
    if (s.article == own.article) continue;
    const AlignedSentence& other = v.alignment().sentences[s.sentence];
    st.sources.push_back(v.article(s.article).id);
    SourceSpan cited = v.ToSourceSpan(s.article, other.span);
    cited.support = s.support;
    st.spans.push_back(cited);
    origins.insert(v.Origin(s.article));
    if (groups != nullptr) groups->insert(other.group);
  }
  st.independent_sources = static_cast<int>(origins.size());
  return st;
}

// Bytes of a double quotation mark (" “ ”) at `i`, or 0.
size_t QuoteMarkLength(std::string_view text, size_t i) {
  if (text[i] == '"') return 1;
  if (static_cast<unsigned char>(text[i]) != 0xE2 || text.compare(i, 2, "\xE2\x80") != 0 || i + 2 >= text.size())
    return 0;
  unsigned char c = text[i + 2];
  return c == 0x9C || c == 0x9D ? 3 : 0;
}

// Share of the sentence's bytes inside quotation marks: quotes belong to the
// quote table; the summary states what happened in the reporters' words.
float QuotedShare(std::string_view text) {
  size_t quoted = 0, opened = 0;
  bool inside = false;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t len = QuoteMarkLength(text, i);
    if (len == 0) continue;
    if (inside) quoted += i - opened;
    inside = !inside;
    opened = i;
    i += len - 1;
  }
  if (inside) quoted += text.size() - opened;
  return text.empty() ? 0 : static_cast<float>(quoted) / text.size();
}

// Sentences that lean on context a reader of the summary lacks: a pronoun
// or connective that points back ("It came days after", "But he said"),
// or a first-person quote fragment.
bool LeansOnContext(std::string_view text) {
  static constexpr std::string_view kOpeners[] = {
      "He ",  "She ",   "It ",  "They ",    "This ", "That ",   "These ", "Those ",    "I ",
      "We ",  "You ",   "But ", "And ",     "Also ", "However", "Still",  "Meanwhile", "His ",
      "Her ", "Their ", "Its ", "Because ", "So ",   "Yet ",    "Then "};
  for (std::string_view opener : kOpeners) {
    if (text.substr(0, opener.size()) == opener) return true;
  }
  return false;
}

// Quote marks that do not pair up mean the sentence is a piece of a longer
// quotation split by the segmenter.
bool UnbalancedQuotes(std::string_view text) {
  int straight = 0, open = 0, close = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t len = QuoteMarkLength(text, i);
    if (len == 1) ++straight;
    if (len == 3) (static_cast<unsigned char>(text[i + 2]) == 0x9C ? open : close) += 1;
  }
  return straight % 2 != 0 || open != close;
}

bool SummaryWorthy(std::string_view text) {
  int words = CountWords(text);
  if (words < kMinSummaryWords || words > kMaxSummaryWords) return false;
  char last = text.back();
  if (last == '?' || last == ':') return false;
  // A sentence must end like one: headlines and crumbs lack final punctuation.
  bool ends = last == '.' || last == '"' || last == '!' || static_cast<unsigned char>(last) >= 0x80;
  return ends && !LeansOnContext(text) && !UnbalancedQuotes(text) && QuotedShare(text) <= 0.6f &&
         !FurnitureSentence::Is(text);
}

// The whole sentence is one quotation, no one named as saying it.
bool BareQuote(std::string_view text) {
  size_t first = QuoteMarkLength(text, 0);
  if (first == 0) return false;
  size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
  for (size_t i = first; i < end; ++i) {
    size_t len = QuoteMarkLength(text, i);
    if (len > 0) return i + len == end;  // the first closing mark ends it
  }
  return false;
}

// A quotation whose speaker the sentence does not name ("..., he said."):
// no capitalized word outside the quotation marks.
bool UnnamedSpeaker(std::string_view text) {
  bool quoted = false, inside = false, named = false;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t len = QuoteMarkLength(text, i);
    if (len > 0) {
      quoted = true;
      inside = !inside;
      i += len - 1;
      continue;
    }
    bool word_start = i == 0 || text[i - 1] == ' ';
    if (!inside && word_start && text[i] >= 'A' && text[i] <= 'Z') named = true;
  }
  return quoted && !named;
}

// A fact must read on its own: no pronoun or connective leaning on the
// sentence before, no piece of a split quotation, no speakerless quote, no
// page furniture.
bool FactWorthy(std::string_view text) {
  int words = CountWords(text);
  if (words < 6 || words > 80) return false;
  return !LeansOnContext(text) && !UnbalancedQuotes(text) && !BareQuote(text) && !UnnamedSpeaker(text) &&
         !FurnitureSentence::Is(text);
}

// How central a group is: what it shares with the other articles per word
// (centrality), support across independent origins, and closeness to the
// top of its articles (news puts the core first).
float GroupScore(const AlignedStory& v, uint32_t group_index) {
  uint32_t rep = v.Representative(group_index);
  float best_position = 1;
  for (uint32_t s : v.alignment().groups[group_index]) best_position = std::min(best_position, v.RelativePosition(s));
  std::string_view text = v.Text(rep);
  float centrality = v.alignment().sentences[rep].shared / std::sqrt(1.0f + CountWords(text));
  float quoted = QuotedShare(text) > 0.5f ? 0.4f : 1.0f;
  return centrality * quoted * (1.0f + std::log2(static_cast<float>(v.Support(group_index)))) /
         (1.0f + 2.0f * best_position);
}

std::vector<uint32_t> RankGroups(const AlignedStory& v) {
  std::vector<std::pair<float, uint32_t>> scored;
  for (uint32_t g = 0; g < v.alignment().groups.size(); ++g) scored.push_back({GroupScore(v, g), g});
  std::sort(scored.begin(), scored.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<uint32_t> out;
  for (auto [score, g] : scored) out.push_back(g);
  return out;
}

// Entities named in at least two mentions (one-off names are noise in a
// brief), most mentioned first.
constexpr size_t kMaxEntities = 30;

std::vector<BriefEntity> Entities(const AlignedStory& v) {
  EntityLinker linker;
  for (uint32_t a = 0; a < v.members().size(); ++a) linker.AddArticle(v.article(a).id, v.article(a).text, v.Lexed(a));
  std::vector<BriefEntity> out;
  for (const Entity& e : linker.Entities()) {
    if (e.mentions.size() < 2 && e.articles.size() < 2) continue;
    out.push_back(
        {e.name, std::string(EntityTypeName(e.type)), e.aliases, e.articles, static_cast<int>(e.mentions.size())});
    if (out.size() >= kMaxEntities) break;
  }
  return out;
}

// The brief's summarizer: the ROUGE-tuned defaults, plus weight on the
// figures several outlets state (how long, how many), which a reader
// expects though they cost DUC ROUGE; sentences mostly in quotation marks
// left to the quote table (the summary tells what happened in the
// reporters' words); and a stricter repeat bar, since two paraphrased
// leads waste a short brief's budget (docs/summarization.md).
SummarizerOptions BriefSummaryOptions() {
  SummarizerOptions o;
  o.number_boost = 2.0;
  o.max_quoted_share = 0.5;
  o.max_repeat = 0.4;
  return o;
}

}  // namespace

struct BriefBuilder::Impl {
  Summarizer summarizer{BriefSummaryOptions()};
  QuoteTable quotes;
  Segmenter segmenter;
  // Kept across builds: a story rebuilt as it grows reads mostly the
  // sentences it read last time.
  MatchSentenceCache readings{&StatementMatcher::Shipped()};

  // The summarizer (ROUGE-tuned concept coverage) chooses the sentences;
  // the alignment names every article that states each of them.
  std::vector<Statement> Summary(const AlignedStory& v, int budget, std::set<uint32_t>* groups) {
    std::vector<const Article*> articles;
    std::vector<const SegmentedText*> segmented;
    for (uint32_t a = 0; a < v.members().size(); ++a) {
      articles.push_back(v.members()[a].article);
      segmented.push_back(&v.Segmented(a));
    }
    std::vector<SummarySentence> picks = summarizer.Summarize(articles, budget, segmented);
    // Read in story order: leads (what all outlets open with) first, then
    // by how early the outlets stating a sentence put it.
    auto order = [&](const SummarySentence& p) {
      int sentence = v.SentenceAt(p.article_index, p.span.begin);
      if (sentence < 0) return 1.0f;
      const auto& group = v.alignment().groups[v.alignment().sentences[sentence].group];
      float sum = 0;
      for (uint32_t s : group) sum += v.RelativePosition(s);
      return std::min(v.RelativePosition(sentence), sum / group.size());
    };
    std::stable_sort(picks.begin(), picks.end(), [&](const auto& a, const auto& b) { return order(a) < order(b); });
    // The sentence most origins state opens the summary: the story's core.
    std::vector<Statement> out;
    for (const SummarySentence& picked : picks) {
      int sentence = v.SentenceAt(picked.article_index, picked.span.begin);
      if (sentence >= 0) {
        out.push_back(Cite(v, static_cast<uint32_t>(sentence), picked.span, groups));
        continue;
      }
      Statement st;
      st.text = std::string(picked.Text());
      st.sources.push_back(picked.article->id);
      st.spans.push_back(v.ToSourceSpan(picked.article_index, picked.span));
      st.independent_sources = 1;
      out.push_back(std::move(st));
    }
    auto lead = std::max_element(out.begin(), out.end(), [](const Statement& a, const Statement& b) {
      return a.independent_sources < b.independent_sources;
    });
    if (lead != out.end()) std::rotate(out.begin(), lead, lead + 1);
    return out;
  }

  // Groups stated by two or more origins, shown through a member that
  // reads on its own; those the summary already states are left out.
  std::vector<Statement> Facts(const AlignedStory& v, const std::vector<uint32_t>& ranked,
                               const std::set<uint32_t>& in_summary) {
    std::vector<Statement> out;
    for (uint32_t g : ranked) {
      if (v.Support(g) < 2 || in_summary.count(g)) continue;
      int shown = -1;
      auto worthy = [&](uint32_t s) { return FactWorthy(v.Text(s)) && !v.StartsInsideQuotation(s); };
      if (worthy(v.Representative(g))) shown = static_cast<int>(v.Representative(g));
      for (uint32_t s : v.alignment().groups[g]) {
        if (shown < 0 && worthy(s)) shown = static_cast<int>(s);
      }
      if (shown < 0) continue;
      // The group says several origins state it; the citations check it
      // against the sentence shown (a chain of links can drift).
      Statement st = Cite(v, static_cast<uint32_t>(shown), v.alignment().sentences[shown].span, nullptr);
      if (st.independent_sources < 2) continue;
      out.push_back(std::move(st));
    }
    std::stable_sort(out.begin(), out.end(), [](const Statement& a, const Statement& b) {
      return a.independent_sources > b.independent_sources;
    });
    if (out.size() > kMaxFacts) out.resize(kMaxFacts);
    return out;
  }

  // What one origin alone reports, most informative first: sentences
  // whose own words (terms no other article uses) carry a good part of
  // them, anchored in the story by what they share with the others.
  std::vector<Exclusive> Exclusives(const AlignedStory& v, const std::set<uint32_t>& in_summary) {
    std::vector<std::pair<float, uint32_t>> scored;
    for (uint32_t g = 0; g < v.alignment().groups.size(); ++g) {
      if (v.Support(g) != 1 || in_summary.count(g)) continue;
      for (uint32_t s : v.alignment().groups[g]) {
        const AlignedSentence& as = v.alignment().sentences[s];
        if (as.weight <= 0 || as.unique < kMinNovelty * as.weight) continue;
        float score = as.unique * std::sqrt(1.0f + as.shared) / (1.0f + v.RelativePosition(s));
        scored.push_back({score, s});
      }
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<Exclusive> out;
    std::map<uint32_t, int> per_article;
    for (auto [score, s] : scored) {
      if (out.size() >= kMaxExclusives) break;
      uint32_t article = v.alignment().sentences[s].article;
      if (!SummaryWorthy(v.Text(s)) || v.StartsInsideQuotation(s)) continue;
      if (per_article[article] >= kMaxExclusivesPerArticle) continue;
      if (v.StatedElsewhere(s)) continue;
      ++per_article[article];
      out.push_back(
          {v.ArticleOf(s).id, std::string(v.Text(s)), v.ToSourceSpan(article, v.alignment().sentences[s].span)});
    }
    return out;
  }

  // The title sharing the most vocabulary with the story's articles.
  std::string Headline(const AlignedStory& v) {
    std::string best;
    float best_score = -1;
    for (const auto& m : v.members()) {
      const std::string& title = m.article->title;
      float score = 0;
      int words = 0;
      for (const Token& t : segmenter.Tokens(title)) {
        score += v.ArticlesUsing(t.span.In(title));
        ++words;
      }
      if (words == 0) continue;
      score /= std::sqrt(static_cast<float>(words));
      if (score > best_score) best = title, best_score = score;
    }
    return best;
  }
};

BriefBuilder::BriefBuilder(BriefOptions options) : options_(options), impl_(std::make_unique<Impl>()) {}
BriefBuilder::~BriefBuilder() = default;

StoryBrief BriefBuilder::Build(const std::string& story_id, const std::vector<StoryMember>& members) {
  StoryBrief b;
  b.id = story_id;
  std::set<std::string> outlets, origins;
  for (size_t i = 0; i < members.size(); ++i) {
    const Article& a = *members[i].article;
    b.articles.push_back(
        {a.id, a.outlet, a.title, a.published.iso, a.authors, a.wire, members[i].copy_of, CountWords(a.text)});
    if (!a.outlet.empty()) outlets.insert(a.outlet);
    origins.insert(members[i].origin.empty() ? a.id : members[i].origin);
  }
  b.outlets = static_cast<int>(outlets.size());
  b.independent_sources = static_cast<int>(origins.size());
  AlignedStory view(members, &impl_->segmenter, &StatementMatcher::Shipped(), &impl_->readings);
  b.headline = impl_->Headline(view);
  std::vector<uint32_t> ranked = RankGroups(view);
  std::set<uint32_t> in_summary;  // groups the summary states
  b.summary = impl_->Summary(view, options_.summary_words, &in_summary);
  if (b.headline.empty() && !b.summary.empty()) b.headline = HeadlineFromSentence(b.summary.front().text);
  // Numbers, conflicts and tracked figures; the headline figure's newest
  // value joins the summary (brief/number_table.h).
  NumberTable::Build(view, &b, SummaryWorthy, &in_summary);
  b.facts = impl_->Facts(view, ranked, in_summary);
  b.exclusives = impl_->Exclusives(view, in_summary);
  b.timeline = TimelineBuilder::Build(view);
  b.entities = Entities(view);
  b.quotes = impl_->quotes.Build(view, b.entities);
  // Corrections the articles print: cut from their text by cleaning and
  // kept as data (ingest/article.h); their spans are code points of the
  // article's input, since the cleaned text no longer holds them.
  for (const StoryMember& m : members) {
    if (m.article->corrections.empty()) continue;
    CodePointIndex input(m.article->input);
    for (const ArticleCorrection& c : m.article->corrections) {
      b.corrections.push_back(
          {m.article->id, c.text, {m.article->id, input.ToCodePoint(c.input.begin), input.ToCodePoint(c.input.end)}});
    }
  }
  return b;
}

}  // namespace storyfuse
