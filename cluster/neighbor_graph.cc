#include "cluster/neighbor_graph.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace storyfuse {
namespace {

struct Posting {
  float weight;
  uint32_t article;
};

// The `m` heaviest terms of `v`, heaviest first (ties: lower term id).
std::vector<std::pair<uint32_t, float>> Heaviest(const TermWeights& v, size_t m) {
  std::vector<std::pair<uint32_t, float>> out(v.begin(), v.end());
  auto heavier = [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  };
  m = std::min(m, out.size());
  std::partial_sort(out.begin(), out.begin() + m, out.end(), heavier);
  out.resize(m);
  return out;
}

// Each article's neighbourhood: itself at 1 and its `k` strongest links,
// as a sparse vector sorted by article, and its norm.
struct Neighbourhood {
  std::vector<std::pair<uint32_t, float>> links;
  double norm = 0;
};

std::vector<Neighbourhood> Neighbourhoods(size_t n, const std::vector<Edge>& edges, size_t k) {
  std::vector<std::vector<std::pair<float, uint32_t>>> by_article(n);
  for (const Edge& e : edges) {
    by_article[e.a].emplace_back(-e.score, e.b);
    by_article[e.b].emplace_back(-e.score, e.a);
  }
  std::vector<Neighbourhood> out(n);
  for (uint32_t i = 0; i < n; ++i) {
    std::vector<std::pair<float, uint32_t>>& list = by_article[i];
    size_t m = std::min(k, list.size());
    std::partial_sort(list.begin(), list.begin() + m, list.end());
    Neighbourhood& h = out[i];
    h.links.emplace_back(i, 1.0f);
    for (size_t r = 0; r < m; ++r) h.links.emplace_back(list[r].second, -list[r].first);
    std::sort(h.links.begin(), h.links.end());
    for (const auto& [j, w] : h.links) h.norm += static_cast<double>(w) * w;
    h.norm = std::sqrt(h.norm);
  }
  return out;
}

double NeighbourhoodCosine(const Neighbourhood& x, const Neighbourhood& y) {
  double dot = 0;
  auto i = x.links.begin(), j = y.links.begin();
  while (i != x.links.end() && j != y.links.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      dot += static_cast<double>(i->second) * j->second;
      ++i, ++j;
    }
  }
  return dot / (x.norm * y.norm);
}

}  // namespace

void ApplyContext(size_t n, size_t neighbours, double weight, std::vector<Edge>* edges) {
  if (weight <= 0) return;
  std::vector<Neighbourhood> hood = Neighbourhoods(n, *edges, neighbours);
  for (Edge& e : *edges) {
    double context = NeighbourhoodCosine(hood[e.a], hood[e.b]);
    // Only lowered: articles alone in a region of the graph (one report of
    // a kind of event) have few neighbours, all alike, and would otherwise
    // be pulled together by what they share with everything around them.
    double blended = std::pow(e.score, 1 - weight) * std::pow(context, weight);
    e.score = static_cast<float>(std::min<double>(e.score, blended));
  }
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
  for (uint32_t i = 0; i < n; ++i) heaviest[i] = Heaviest(*weighted[i], strongest);
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
