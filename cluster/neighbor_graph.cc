#include "cluster/neighbor_graph.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace storyfuse {
namespace {

struct Posting {
  float weight;
  uint32_t article;
};

}  // namespace

// Each item's neighbourhood: itself at 1 and its `k` strongest links, as
// a sparse vector sorted by item, and its norm. Flat arrays: a revision of
// the stream builds these for its whole window, and a vector per item was
// most of the cost.
class LinkContext::Neighbourhoods {
 public:
  Neighbourhoods(size_t n, const std::vector<Edge>& edges, size_t k) : begin_(n + 1, 0), norm_(n, 0.0) {
    // Each item's links, in edge order, by counting sort.
    std::vector<uint32_t> at(n + 1, 0);
    for (const Edge& e : edges) ++at[e.a + 1], ++at[e.b + 1];
    for (size_t i = 0; i < n; ++i) at[i + 1] += at[i];
    std::vector<std::pair<float, uint32_t>> by_item(at[n]);
    std::vector<uint32_t> fill(at.begin(), at.end() - 1);
    for (const Edge& e : edges) {
      by_item[fill[e.a]++] = {-e.score, e.b};
      by_item[fill[e.b]++] = {-e.score, e.a};
    }
    links_.reserve(n + std::min<size_t>(by_item.size(), n * k));
    for (uint32_t i = 0; i < n; ++i) {
      auto first = by_item.begin() + at[i], last = by_item.begin() + at[i + 1];
      size_t m = std::min<size_t>(k, last - first);
      // (score, item) orders totally: selecting then sorting the m is the
      // partial sort it replaces.
      std::nth_element(first, first + m, last);
      std::sort(first, first + m);
      begin_[i] = static_cast<uint32_t>(links_.size());
      links_.emplace_back(i, 1.0f);
      for (auto it = first; it != first + m; ++it) links_.emplace_back(it->second, -it->first);
      std::sort(links_.begin() + begin_[i], links_.end());
      double norm = 0;
      for (size_t r = begin_[i]; r < links_.size(); ++r)
        norm += static_cast<double>(links_[r].second) * links_[r].second;
      norm_[i] = std::sqrt(norm);
    }
    begin_[n] = static_cast<uint32_t>(links_.size());
  }

  double Cosine(uint32_t x, uint32_t y) const {
    double dot = 0;
    size_t i = begin_[x], i_end = begin_[x + 1], j = begin_[y], j_end = begin_[y + 1];
    while (i < i_end && j < j_end) {
      if (links_[i].first < links_[j].first) {
        ++i;
      } else if (links_[j].first < links_[i].first) {
        ++j;
      } else {
        dot += static_cast<double>(links_[i].second) * links_[j].second;
        ++i, ++j;
      }
    }
    return dot / (norm_[x] * norm_[y]);
  }

 private:
  std::vector<uint32_t> begin_;                    // item -> first of its entries in links_
  std::vector<std::pair<uint32_t, float>> links_;  // (item, score), sorted by item per neighbourhood
  std::vector<double> norm_;
};

void HeaviestTerms(const TermWeights& v, size_t m, std::vector<std::pair<uint32_t, float>>* out) {
  out->assign(v.begin(), v.end());
  auto heavier = [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  };
  // The order is total, so selecting then sorting the m gives what a
  // partial sort gives, with less heap work on long articles.
  if (m < out->size()) {
    std::nth_element(out->begin(), out->begin() + m, out->end(), heavier);
    out->resize(m);
  }
  std::sort(out->begin(), out->end(), heavier);
}

LinkContext::LinkContext(size_t n, const std::vector<Edge>& edges, size_t neighbours, double weight)
    : weight_(weight), half_(weight == 0.5) {
  if (weight > 0) hood_ = std::make_unique<Neighbourhoods>(n, edges, neighbours);
}

LinkContext::~LinkContext() = default;

float LinkContext::Blend(const Edge& e) const {
  if (!hood_) return e.score;
  double context = hood_->Cosine(e.a, e.b);
  // Only lowered: articles alone in a region of the graph (one report of
  // a kind of event) have few neighbours, all alike, and would otherwise
  // be pulled together by what they share with everything around them.
  // At the default weight of one half the geometric mean is a product of
  // square roots: the same value (pow is within an ulp of the correctly
  // rounded root that sqrt gives, and the score is cut to a float after),
  // at a tenth of the cost; pow was a third of the stream's context.
  double blended = half_ ? std::sqrt(static_cast<double>(e.score)) * std::sqrt(context)
                         : std::pow(e.score, 1 - weight_) * std::pow(context, weight_);
  return static_cast<float>(std::min<double>(e.score, blended));
}

void ApplyContext(size_t n, size_t neighbours, double weight, std::vector<Edge>* edges) {
  if (weight <= 0) return;
  LinkContext context(n, *edges, neighbours, weight);
  for (Edge& e : *edges) e.score = context.Blend(e);
}

std::vector<Edge> BuildNeighborGraph(const std::vector<const TermWeights*>& weighted,
                                     const std::function<double(uint32_t, uint32_t)>& score,
                                     const NeighborGraphOptions& options) {
  class FunctionScorer : public PairScorer {
   public:
    explicit FunctionScorer(const std::function<double(uint32_t, uint32_t)>& fn) : fn_(fn) {}
    void Focus(uint32_t i) override { i_ = i; }
    double Score(uint32_t j) override { return fn_(i_, j); }

   private:
    const std::function<double(uint32_t, uint32_t)>& fn_;
    uint32_t i_ = 0;
  };
  FunctionScorer scorer(score);
  return BuildNeighborGraph(weighted, &scorer, options);
}

std::vector<Edge> BuildNeighborGraph(const std::vector<const TermWeights*>& weighted, PairScorer* scorer,
                                     const NeighborGraphOptions& options) {
  const uint32_t n = static_cast<uint32_t>(weighted.size());
  // Each article's strongest terms, heaviest first: it is found by the
  // first index_terms of them and looks up the first query_terms.
  const size_t strongest = std::max(options.index_terms, options.query_terms);
  std::vector<std::vector<std::pair<uint32_t, float>>> heaviest(n);
  for (uint32_t i = 0; i < n; ++i) HeaviestTerms(*weighted[i], strongest, &heaviest[i]);
  // Inverted index, each list heaviest first: when a term is too common to
  // read whole, the articles it weighs most in are the ones it can still
  // tell something about.
  std::vector<std::vector<Posting>> postings;
  for (uint32_t i = 0; i < n; ++i) {
    for (size_t r = 0; r < heaviest[i].size() && r < options.index_terms; ++r) {
      auto [t, w] = heaviest[i][r];
      if (t >= postings.size()) postings.resize(t + 1);
      postings[t].push_back({w, i});
    }
  }
  for (std::vector<Posting>& list : postings) {
    std::stable_sort(list.begin(), list.end(), [](const Posting& x, const Posting& y) { return x.weight > y.weight; });
  }

  // Scores of pairs (i, j > i) already computed from i's side, sorted by j:
  // most pairs are candidates from both sides, and scoring is the cost.
  std::vector<std::vector<std::pair<uint32_t, float>>> known(n);
  std::vector<Edge> edges;
  std::vector<float> matched(n, 0.0f);  // scratch, all zero between articles
  std::vector<uint32_t> touched;
  std::vector<std::pair<float, uint32_t>> ranked, scored;
  for (uint32_t i = 0; i < n; ++i) {
    touched.clear();
    for (size_t r = 0; r < heaviest[i].size() && r < options.query_terms; ++r) {
      auto [t, w] = heaviest[i][r];
      if (t >= postings.size()) continue;
      const std::vector<Posting>& list = postings[t];
      size_t end = std::min(list.size(), options.scan_postings);
      for (size_t p = 0; p < end; ++p) {
        uint32_t j = list[p].article;
        if (j == i) continue;
        if (matched[j] == 0.0f) touched.push_back(j);
        matched[j] += w * list[p].weight;
      }
    }
    // The best-matched candidates, scored exactly.
    ranked.clear();
    for (uint32_t j : touched) {
      ranked.emplace_back(-matched[j], j);
      matched[j] = 0.0f;
    }
    size_t c = std::min(options.candidates, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + c, ranked.end());
    scored.clear();
    bool focused = false;
    for (size_t r = 0; r < c; ++r) {
      uint32_t j = ranked[r].second;
      double s;
      auto at = j < i ? std::lower_bound(known[j].begin(), known[j].end(), std::make_pair(i, -1.0f)) : known[j].end();
      if (j < i && at != known[j].end() && at->first == i) {
        s = at->second;
      } else {
        if (!focused) scorer->Focus(i), focused = true;
        s = scorer->Score(j);
        if (j > i) known[i].emplace_back(j, static_cast<float>(s));
      }
      if (s >= options.min_score) scored.emplace_back(static_cast<float>(-s), j);
    }
    std::sort(known[i].begin(), known[i].end());
    size_t k = std::min(options.neighbors, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + k, scored.end());
    for (size_t r = 0; r < k; ++r) {
      uint32_t j = scored[r].second;
      edges.push_back({std::min(i, j), std::max(i, j), -scored[r].first});
    }
  }
  std::sort(edges.begin(), edges.end(),
            [](const Edge& x, const Edge& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  edges.erase(
      std::unique(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) { return x.a == y.a && x.b == y.b; }),
      edges.end());
  return edges;
}

}  // namespace storyfuse
