#include "brief/sentence_aligner.h"

#include "brief/match_sentence_cache.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "brief/statement_matcher.h"
#include "brief/stem_cache.h"
#include "text/segmenter.h"
#include "text/stopwords.h"
#include "text/unicode_text.h"

namespace storyfuse {
namespace {

// Sentences shorter than this many content terms are too thin to align
// ("He left.") and would link unrelated statements.
constexpr size_t kMinTerms = 3;

struct TermVector {
  std::vector<std::pair<uint32_t, float>> terms;  // term id -> tf, sorted by id
  float norm = 0;
};

uint32_t Find(std::vector<uint32_t>& parent, uint32_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

struct SentenceAligner::Impl {
  float threshold;
  const StatementMatcher* matcher = nullptr;
  MatchSentenceCache* readings = nullptr;                         // lent by the caller, or none
  std::vector<std::shared_ptr<const MatchSentence>> for_matcher;  // per sentence, read on first use
  std::unique_ptr<Segmenter> own_segmenter;                       // when the caller lends none
  Segmenter* segmenter = nullptr;
  std::unordered_map<std::string, uint32_t> term_ids;
  // Folded word -> term id: news repeats its words, and stemming each
  // occurrence again was the aligner's main cost.
  std::unordered_map<std::string, uint32_t> word_terms;
  std::vector<uint32_t> df;                     // articles per term
  std::vector<float> idf;                       // per term, Idf() once Align() ran (Covered reads it often)
  std::vector<std::vector<uint32_t>> postings;  // per term, the sentences using it (after Align())
  std::vector<std::string_view> texts;
  std::vector<SegmentedText> segmented;  // per article
  std::vector<AlignedSentence> sentences;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> raw_terms;  // per sentence: (term, count)
  std::vector<TermVector> vectors;

  uint32_t TermId(const std::string& term) {
    auto [it, inserted] = term_ids.emplace(term, static_cast<uint32_t>(df.size()));
    if (inserted) df.push_back(0);
    return it->second;
  }

  uint32_t WordTerm(const std::string& lower) {
    auto it = word_terms.find(lower);
    if (it != word_terms.end()) return it->second;
    uint32_t id = TermId(StemCache::Stem(lower));
    word_terms.emplace(lower, id);
    return id;
  }

  std::vector<std::pair<uint32_t, uint32_t>> Terms(std::string_view sentence, const std::vector<Token>& tokens) {
    std::unordered_map<uint32_t, uint32_t> counts;
    for (const Token& t : tokens) {
      std::string_view w = t.span.In(sentence);
      if (t.kind == TokenKind::kNumber) {
        ++counts[TermId("#" + std::string(w))];
        continue;
      }
      std::string lower = UnicodeText::Fold(w);
      if (lower.size() < 2 || IsStopword(lower)) continue;
      ++counts[WordTerm(lower)];
    }
    std::vector<std::pair<uint32_t, uint32_t>> out(counts.begin(), counts.end());
    std::sort(out.begin(), out.end());
    return out;
  }

  float Idf(uint32_t term) const { return std::log((1.0f + texts.size()) / (1.0f + df[term])) + 1.0f; }

  void BuildVectors() {
    idf.resize(df.size());
    for (size_t t = 0; t < df.size(); ++t) idf[t] = Idf(static_cast<uint32_t>(t));
    vectors.assign(sentences.size(), {});
    for (size_t i = 0; i < sentences.size(); ++i) {
      TermVector& v = vectors[i];
      float weight = 0, shared = 0, unique = 0;
      float others = std::max<float>(1, static_cast<float>(texts.size()) - 1);
      for (auto [term, count] : raw_terms[i]) {
        float w = count * Idf(term);
        v.terms.push_back({term, w});
        v.norm += w * w;
        weight += Idf(term);
        shared += (df[term] - 1) / others;
        if (df[term] == 1) unique += Idf(term);
      }
      v.norm = std::sqrt(v.norm);
      sentences[i].weight = weight;
      sentences[i].shared = shared;
      sentences[i].unique = unique;
    }
  }

  float Cosine(uint32_t a, uint32_t b) const {
    const TermVector& x = vectors[a];
    const TermVector& y = vectors[b];
    if (x.norm == 0 || y.norm == 0) return 0;
    float dot = 0;
    size_t i = 0, j = 0;
    while (i < x.terms.size() && j < y.terms.size()) {
      if (x.terms[i].first < y.terms[j].first) {
        ++i;
      } else if (x.terms[i].first > y.terms[j].first) {
        ++j;
      } else {
        dot += x.terms[i++].second * y.terms[j++].second;
      }
    }
    return dot / (x.norm * y.norm);
  }
};

SentenceAligner::SentenceAligner(float threshold, Segmenter* segmenter, const StatementMatcher* matcher,
                                 MatchSentenceCache* readings)
    : impl_(std::make_unique<Impl>()) {
  impl_->threshold = threshold;
  impl_->matcher = matcher;
  // Another matcher's readings would be wrong for this one.
  if (readings != nullptr && readings->matcher() == matcher) impl_->readings = readings;
  if (segmenter == nullptr) {
    impl_->own_segmenter = std::make_unique<Segmenter>();
    segmenter = impl_->own_segmenter.get();
  }
  impl_->segmenter = segmenter;
}
SentenceAligner::~SentenceAligner() = default;

void SentenceAligner::AddArticle(std::string_view text) {
  Impl& m = *impl_;
  uint32_t article = static_cast<uint32_t>(m.texts.size());
  m.texts.push_back(text);
  std::unordered_set<uint32_t> seen;
  uint32_t position = 0;
  SegmentedText& seg = m.segmented.emplace_back();
  seg.sentences = m.segmenter->Sentences(text);
  for (Span s : seg.sentences) {
    seg.tokens.push_back(m.segmenter->Tokens(s.In(text)));
    auto terms = m.Terms(s.In(text), seg.tokens.back());
    for (auto [term, count] : terms) {
      if (seen.insert(term).second) ++m.df[term];
    }
    m.sentences.push_back({article, position++, s, 0, 0});
    m.raw_terms.push_back(std::move(terms));
  }
}

const SegmentedText& SentenceAligner::Segmented(uint32_t article) const { return impl_->segmented[article]; }

float SentenceAligner::Similarity(uint32_t a, uint32_t b) const { return impl_->Cosine(a, b); }

std::vector<std::pair<uint32_t, float>> SentenceAligner::Covering(uint32_t a, float min_share) const {
  const Impl& m = *impl_;
  std::vector<std::pair<uint32_t, float>> out;
  float total = 0;
  for (auto [term, count] : m.raw_terms[a]) total += m.idf[term];
  if (total <= 0) return out;
  std::unordered_map<uint32_t, float> found;
  for (auto [term, count] : m.raw_terms[a]) {
    for (uint32_t j : m.postings[term]) {
      if (m.sentences[j].article != m.sentences[a].article) found[j] += m.idf[term];
    }
  }
  for (auto [j, w] : found) {
    if (w >= min_share * total) out.push_back({j, w / total});
  }
  std::sort(out.begin(), out.end());
  return out;
}

float SentenceAligner::Covered(uint32_t a, uint32_t b) const {
  const auto& x = impl_->raw_terms[a];
  const auto& y = impl_->raw_terms[b];
  float total = 0, found = 0;
  size_t j = 0;
  for (auto [term, count] : x) {
    float w = impl_->idf[term];
    total += w;
    while (j < y.size() && y[j].first < term) ++j;
    if (j < y.size() && y[j].first == term) found += w;
  }
  return total > 0 ? found / total : 0;
}

const MatchSentence& SentenceAligner::ForMatcher(uint32_t s) const {
  Impl& m = *impl_;
  if (m.for_matcher.size() < m.sentences.size()) m.for_matcher.resize(m.sentences.size());
  if (!m.for_matcher[s]) {
    const AlignedSentence& as = m.sentences[s];
    std::string_view text = as.span.In(m.texts[as.article]);
    m.for_matcher[s] =
        m.readings != nullptr ? m.readings->Read(text) : std::make_shared<const MatchSentence>(m.matcher->Read(text));
  }
  return *m.for_matcher[s];
}

float SentenceAligner::Match(uint32_t a, uint32_t b) const {
  if (impl_->matcher == nullptr) return 0;
  return impl_->matcher->Probability(ForMatcher(a), ForMatcher(b));
}

int SentenceAligner::ArticlesUsing(std::string_view word) const {
  std::string lower = UnicodeText::Fold(word);
  if (lower.size() < 2 || IsStopword(lower)) return 0;
  auto it = impl_->word_terms.find(lower);
  if (it != impl_->word_terms.end()) return static_cast<int>(impl_->df[it->second]);
  auto term = impl_->term_ids.find(StemCache::Stem(lower));
  return term == impl_->term_ids.end() ? 0 : static_cast<int>(impl_->df[term->second]);
}

Alignment SentenceAligner::Align() {
  Impl& m = *impl_;
  m.BuildVectors();
  const uint32_t n = static_cast<uint32_t>(m.sentences.size());
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  Alignment out;
  out.neighbours.resize(n);
  if (m.matcher != nullptr) out.scored.resize(n);
  // Sentences are in article order: the candidates of a sentence of
  // article a start at the first sentence of article a + 1.
  std::vector<uint32_t> next_article(m.texts.size() + 1, n);
  for (uint32_t i = n; i-- > 0;) next_article[m.sentences[i].article] = i;
  for (size_t a = m.texts.size(); a-- > 0;) next_article[a] = std::min(next_article[a], next_article[a + 1]);
  // Dot products are accumulated through the postings (each carrying the
  // later sentence's term weight), in the order of sentence i's terms, which
  // is term-id order: the same sums, in the same order, as Cosine()'s merge,
  // without merging the vectors of every candidate pair.
  std::vector<std::vector<std::pair<uint32_t, float>>> weighted(m.df.size());
  for (uint32_t i = 0; i < n; ++i) {
    for (auto [term, w] : m.vectors[i].terms) weighted[term].push_back({i, w});
  }
  m.postings.assign(m.df.size(), {});
  for (uint32_t i = 0; i < n; ++i) {
    for (auto [term, w] : m.vectors[i].terms) m.postings[term].push_back(i);
  }
  std::vector<uint32_t> candidates;
  std::vector<uint32_t> stamp(n, UINT32_MAX);
  std::vector<float> dot(n, 0);
  std::vector<std::pair<float, uint32_t>> ranked;
  for (uint32_t i = 0; i < n; ++i) {
    if (m.raw_terms[i].size() < kMinTerms || m.vectors[i].norm == 0) continue;
    candidates.clear();
    bool capped = false;  // a term of i was left out of the sums
    const uint32_t first = next_article[m.sentences[i].article + 1];
    for (auto [term, wi] : m.vectors[i].terms) {
      const auto& list = weighted[term];
      if (list.size() > kMaxPostings) {
        capped = true;
        continue;
      }
      auto from =
          std::lower_bound(list.begin(), list.end(), std::make_pair(first, -std::numeric_limits<float>::infinity()));
      for (auto it = from; it != list.end(); ++it) {
        uint32_t j = it->first;
        if (stamp[j] != i) stamp[j] = i, dot[j] = 0, candidates.push_back(j);
        dot[j] += wi * it->second;
      }
    }
    ranked.clear();
    for (uint32_t j : candidates) {
      if (m.raw_terms[j].size() < kMinTerms || m.vectors[j].norm == 0) continue;
      float sim = capped ? m.Cosine(i, j) : dot[j] / (m.vectors[i].norm * m.vectors[j].norm);
      if (m.matcher == nullptr) {
        if (sim < m.threshold) continue;
        out.neighbours[i].push_back({j, sim});
        out.neighbours[j].push_back({i, sim});
        parent[Find(parent, i)] = Find(parent, j);
      } else if (sim >= kCandidateCosine) {
        ranked.push_back({sim, j});
      }
    }
    if (m.matcher == nullptr) continue;
    // The most similar first, ties by sentence order: deterministic.
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    if (ranked.size() > kMaxCandidates) ranked.resize(kMaxCandidates);
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
    for (auto [sim, j] : ranked) {
      float p = Match(i, j);
      out.scored[i].push_back({j, p});
      out.scored[j].push_back({i, p});
      if (!m.matcher->Supports(p)) continue;
      out.neighbours[i].push_back({j, p});
      out.neighbours[j].push_back({i, p});
      parent[Find(parent, i)] = Find(parent, j);
    }
  }
  std::unordered_map<uint32_t, uint32_t> group_of_root;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t root = Find(parent, i);
    auto [it, inserted] = group_of_root.emplace(root, static_cast<uint32_t>(out.groups.size()));
    if (inserted) out.groups.emplace_back();
    out.groups[it->second].push_back(i);
    m.sentences[i].group = it->second;
  }
  out.sentences = m.sentences;
  return out;
}

}  // namespace storyfuse
