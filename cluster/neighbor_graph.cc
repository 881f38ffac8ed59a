#include "cluster/neighbor_graph.h"

#include <algorithm>
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
  auto heavier = [](const auto& x, const auto& y) { return x.second != y.second ? x.second > y.second : x.first < y.first; };
  m = std::min(m, out.size());
  std::partial_sort(out.begin(), out.begin() + m, out.end(), heavier);
  out.resize(m);
  return out;
}

}  // namespace

std::vector<Edge> BuildNeighborGraph(const std::vector<const TermWeights*>& weighted,
                                     const std::function<double(uint32_t, uint32_t)>& score,
                                     const NeighborGraphOptions& options) {
  const uint32_t n = static_cast<uint32_t>(weighted.size());
  // Inverted index over each article's strongest terms, each list heaviest
  // first: when a term is too common to read whole, the articles it weighs
  // most in are the ones it can still tell something about.
  std::vector<std::vector<Posting>> postings;
  for (uint32_t i = 0; i < n; ++i) {
    for (const auto& [t, w] : Heaviest(*weighted[i], options.index_terms)) {
      if (t >= postings.size()) postings.resize(t + 1);
      postings[t].push_back({w, i});
    }
  }
  for (std::vector<Posting>& list : postings) {
    std::stable_sort(list.begin(), list.end(), [](const Posting& x, const Posting& y) { return x.weight > y.weight; });
  }

  std::vector<Edge> edges;
  std::vector<float> matched(n, 0.0f);  // scratch, all zero between articles
  std::vector<uint32_t> touched;
  std::vector<std::pair<float, uint32_t>> ranked;
  for (uint32_t i = 0; i < n; ++i) {
    touched.clear();
    for (const auto& [t, w] : Heaviest(*weighted[i], options.query_terms)) {
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
    std::vector<std::pair<float, uint32_t>> scored;
    for (size_t r = 0; r < c; ++r) {
      uint32_t j = ranked[r].second;
      double s = score(i, j);
      if (s >= options.min_score) scored.emplace_back(static_cast<float>(-s), j);
    }
    size_t k = std::min(options.neighbors, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + k, scored.end());
    for (size_t r = 0; r < k; ++r) {
      uint32_t j = scored[r].second;
      edges.push_back({std::min(i, j), std::max(i, j), -scored[r].first});
    }
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  edges.erase(std::unique(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) { return x.a == y.a && x.b == y.b; }),
              edges.end());
  return edges;
}

}  // namespace storyfuse
