#include "brief/brief_builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "brief/sentence_aligner.h"
#include "text/segmenter.h"
#include "text/stemmer.h"
#include "text/stopwords.h"
#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

// Sentence length bounds for the summary: shorter ones are crumbs or
// fragments, longer ones are run-ons that eat the word budget.
constexpr int kMinSummaryWords = 8;
constexpr int kMaxSummaryWords = 60;
constexpr size_t kMaxSummarySentences = 7;
// Two summary candidates more similar than this say the same thing.
constexpr float kRedundancy = 0.3f;
constexpr size_t kMaxFacts = 20;
// A summary sentence also credits an article whose closest sentence is
// this similar: it states the same core in other words (leads paraphrase
// each other below the alignment threshold).
constexpr float kParaphrase = 0.35f;
constexpr size_t kMaxExclusives = 10;
constexpr int kMaxExclusivesPerArticle = 2;

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

// Everything Build() derives once per story, shared by the sections.
struct StoryView {
  const std::vector<StoryMember>* members;
  std::unique_ptr<SentenceAligner> aligner;  // kept for pairwise similarity
  Alignment alignment;
  std::vector<CodePointIndex> code_points;
  std::vector<uint32_t> sentence_count;  // per article
  std::vector<uint32_t> representative;  // per group: the sentence that shows it

  const Article& ArticleOf(uint32_t sentence) const {
    return *(*members)[alignment.sentences[sentence].article].article;
  }
  std::string_view Text(uint32_t sentence) const {
    return alignment.sentences[sentence].span.In(ArticleOf(sentence).text);
  }
  std::string Origin(uint32_t article) const {
    const StoryMember& m = (*members)[article];
    return m.origin.empty() ? m.article->id : m.origin;
  }
  // Relative position of a sentence in its article, 0 = lead.
  float RelativePosition(uint32_t sentence) const {
    const AlignedSentence& s = alignment.sentences[sentence];
    return static_cast<float>(s.position) / std::max<uint32_t>(1, sentence_count[s.article]);
  }
};

// The group member most similar to the others; ties go to the earliest
// sentence, which in news is the clearest statement of a fact.
uint32_t Representative(const StoryView& v, const std::vector<uint32_t>& group) {
  uint32_t best = group.front();
  float best_score = -1;
  for (uint32_t s : group) {
    float score = 0;
    for (auto [other, sim] : v.alignment.neighbours[s]) score += sim;
    score -= 0.01f * v.alignment.sentences[s].position;
    if (score > best_score) best = s, best_score = score;
  }
  return best;
}

Statement MakeStatement(const StoryView& v, uint32_t group_index) {
  const std::vector<uint32_t>& group = v.alignment.groups[group_index];
  Statement st;
  st.text = std::string(v.Text(v.representative[group_index]));
  std::set<uint32_t> articles;
  std::set<std::string> origins;
  for (uint32_t s : group) {
    const AlignedSentence& as = v.alignment.sentences[s];
    const CodePointIndex& cp = v.code_points[as.article];
    st.spans.push_back({v.ArticleOf(s).id, cp.ToCodePoint(as.span.begin), cp.ToCodePoint(as.span.end)});
    if (articles.insert(as.article).second) st.sources.push_back(v.ArticleOf(s).id);
    origins.insert(v.Origin(as.article));
  }
  st.independent_sources = static_cast<int>(origins.size());
  return st;
}

// Adds to `st` each article not yet among its sources whose most similar
// sentence to `rep` reaches kParaphrase.
void AddParaphrases(const StoryView& v, uint32_t rep, Statement* st) {
  std::map<uint32_t, std::pair<float, uint32_t>> best;  // article -> (sim, sentence)
  for (uint32_t j = 0; j < v.alignment.sentences.size(); ++j) {
    uint32_t article = v.alignment.sentences[j].article;
    const std::string& id = v.ArticleOf(j).id;
    if (std::find(st->sources.begin(), st->sources.end(), id) != st->sources.end()) continue;
    float sim = v.aligner->Similarity(rep, j);
    if (sim >= kParaphrase && sim > best[article].first) best[article] = {sim, j};
  }
  for (auto [article, match] : best) {
    const AlignedSentence& as = v.alignment.sentences[match.second];
    const CodePointIndex& cp = v.code_points[article];
    st->sources.push_back(v.ArticleOf(match.second).id);
    st->spans.push_back({st->sources.back(), cp.ToCodePoint(as.span.begin), cp.ToCodePoint(as.span.end)});
  }
}

int Support(const StoryView& v, uint32_t group_index) {
  std::set<std::string> origins;
  for (uint32_t s : v.alignment.groups[group_index]) origins.insert(v.Origin(v.alignment.sentences[s].article));
  return static_cast<int>(origins.size());
}

bool SummaryWorthy(std::string_view text) {
  int words = CountWords(text);
  if (words < kMinSummaryWords || words > kMaxSummaryWords) return false;
  if (text.back() == '?' || text.back() == ':') return false;
  char last = text.back();
  // A sentence must end like one: headlines and crumbs lack final punctuation.
  return last == '.' || last == '"' || last == '!' || static_cast<unsigned char>(last) >= 0x80;
}

// Share of the sentence's bytes inside quotation marks: quotes belong to the
// quote table; the summary states what happened in the reporters' words.
float QuotedShare(std::string_view text) {
  size_t quoted = 0;
  bool inside = false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool mark = text[i] == '"' || text.compare(i, 3, "\u201c") == 0 || text.compare(i, 3, "\u201d") == 0;
    if (mark) inside = !inside;
    if (inside) ++quoted;
  }
  return text.empty() ? 0 : static_cast<float>(quoted) / text.size();
}

// How central a group is: what it shares with the other articles per word
// (centrality), support across independent origins, and closeness to the
// top of its articles (news puts the core first).
float GroupScore(const StoryView& v, uint32_t group_index) {
  uint32_t rep = v.representative[group_index];
  float best_position = 1;
  for (uint32_t s : v.alignment.groups[group_index]) best_position = std::min(best_position, v.RelativePosition(s));
  std::string_view text = v.Text(rep);
  float centrality = v.alignment.sentences[rep].shared / std::sqrt(1.0f + CountWords(text));
  float quoted = QuotedShare(text) > 0.5f ? 0.4f : 1.0f;
  return centrality * quoted * (1.0f + std::log2(static_cast<float>(Support(v, group_index)))) /
         (1.0f + 2.0f * best_position);
}

std::vector<uint32_t> RankGroups(const StoryView& v) {
  std::vector<std::pair<float, uint32_t>> scored;
  for (uint32_t g = 0; g < v.alignment.groups.size(); ++g) scored.push_back({GroupScore(v, g), g});
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<uint32_t> out;
  for (auto [score, g] : scored) out.push_back(g);
  return out;
}

}  // namespace

struct BriefBuilder::Impl {
  Segmenter segmenter;
  Stemmer stemmer;

  StoryView MakeView(const std::vector<StoryMember>& members) {
    StoryView v;
    v.members = &members;
    v.aligner = std::make_unique<SentenceAligner>();
    for (const auto& m : members) {
      v.aligner->AddArticle(m.article->text);
      v.code_points.emplace_back(m.article->text);
    }
    v.alignment = v.aligner->Align();
    v.sentence_count.assign(members.size(), 0);
    for (const auto& s : v.alignment.sentences) ++v.sentence_count[s.article];
    for (const auto& group : v.alignment.groups) v.representative.push_back(Representative(v, group));
    return v;
  }

  std::vector<Statement> Summary(const StoryView& v, const std::vector<uint32_t>& ranked, int budget) {
    std::vector<uint32_t> chosen;
    int words = 0;
    for (uint32_t g : ranked) {
      if (chosen.size() >= kMaxSummarySentences) break;
      std::string_view text = v.Text(v.representative[g]);
      int w = CountWords(text);
      if (!SummaryWorthy(text) || words + w > budget) continue;
      bool redundant = std::any_of(chosen.begin(), chosen.end(), [&](uint32_t c) {
        return v.aligner->Similarity(v.representative[c], v.representative[g]) >= kRedundancy;
      });
      if (redundant) continue;
      chosen.push_back(g);
      words += w;
    }
    // Read in story order: the average relative position of each statement.
    auto order = [&](uint32_t g) {
      float sum = 0;
      for (uint32_t s : v.alignment.groups[g]) sum += v.RelativePosition(s);
      return sum / v.alignment.groups[g].size();
    };
    std::stable_sort(chosen.begin(), chosen.end(), [&](uint32_t a, uint32_t b) { return order(a) < order(b); });
    std::vector<Statement> out;
    for (uint32_t g : chosen) {
      out.push_back(MakeStatement(v, g));
      AddParaphrases(v, v.representative[g], &out.back());
    }
    return out;
  }

  std::vector<Statement> Facts(const StoryView& v, const std::vector<uint32_t>& ranked) {
    std::vector<Statement> out;
    for (uint32_t g : ranked) {
      if (Support(v, g) < 2 || CountWords(v.Text(v.representative[g])) < 5) continue;
      out.push_back(MakeStatement(v, g));
    }
    std::stable_sort(out.begin(), out.end(), [](const Statement& a, const Statement& b) {
      return a.independent_sources > b.independent_sources;
    });
    if (out.size() > kMaxFacts) out.resize(kMaxFacts);
    return out;
  }

  std::vector<Exclusive> Exclusives(const StoryView& v, const std::vector<uint32_t>& ranked) {
    std::vector<Exclusive> out;
    std::map<uint32_t, int> per_article;
    for (uint32_t g : ranked) {
      if (out.size() >= kMaxExclusives) break;
      if (Support(v, g) != 1) continue;
      uint32_t rep = v.representative[g];
      uint32_t article = v.alignment.sentences[rep].article;
      if (!SummaryWorthy(v.Text(rep)) || per_article[article] >= kMaxExclusivesPerArticle) continue;
      ++per_article[article];
      out.push_back({v.ArticleOf(rep).id, std::string(v.Text(rep))});
    }
    return out;
  }

  // The title sharing the most vocabulary with the story's articles.
  std::string Headline(const std::vector<StoryMember>& members) {
    std::map<std::string, int> df;
    std::vector<std::set<std::string>> title_terms;
    for (const auto& m : members) {
      std::set<std::string> terms;
      for (const Token& t : segmenter.Tokens(m.article->text)) terms.insert(StemOf(t.span.In(m.article->text)));
      for (const auto& t : terms) ++df[t];
      std::set<std::string> tt;
      for (const Token& t : segmenter.Tokens(m.article->title)) tt.insert(StemOf(t.span.In(m.article->title)));
      tt.erase("");
      title_terms.push_back(std::move(tt));
    }
    std::string best;
    float best_score = -1;
    for (size_t i = 0; i < members.size(); ++i) {
      if (title_terms[i].empty()) continue;
      float score = 0;
      for (const auto& t : title_terms[i]) score += df[t];
      score /= std::sqrt(static_cast<float>(title_terms[i].size()));
      if (score > best_score) best = members[i].article->title, best_score = score;
    }
    return best;
  }

  std::string StemOf(std::string_view word) {
    std::string lower = UnicodeText::Fold(word);
    if (IsStopword(lower)) return "";
    return stemmer.Stem(lower);
  }
};

BriefBuilder::BriefBuilder(BriefOptions options)
    : options_(options), impl_(std::make_unique<Impl>()) {}
BriefBuilder::~BriefBuilder() = default;

StoryBrief BriefBuilder::Build(const std::string& story_id, const std::vector<StoryMember>& members) {
  StoryBrief b;
  b.id = story_id;
  std::set<std::string> outlets, origins;
  for (size_t i = 0; i < members.size(); ++i) {
    const Article& a = *members[i].article;
    b.articles.push_back({a.id, a.outlet, a.title, a.published.iso, a.authors, a.wire, members[i].copy_of,
                          CountWords(a.text)});
    if (!a.outlet.empty()) outlets.insert(a.outlet);
    origins.insert(members[i].origin.empty() ? a.id : members[i].origin);
  }
  b.outlets = static_cast<int>(outlets.size());
  b.independent_sources = static_cast<int>(origins.size());
  b.headline = impl_->Headline(members);
  StoryView view = impl_->MakeView(members);
  std::vector<uint32_t> ranked = RankGroups(view);
  b.summary = impl_->Summary(view, ranked, options_.summary_words);
  b.facts = impl_->Facts(view, ranked);
  b.exclusives = impl_->Exclusives(view, ranked);
  return b;
}

}  // namespace storyfuse
