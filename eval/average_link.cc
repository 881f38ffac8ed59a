#include "eval/average_link.h"

#include <numeric>
#include <utility>

namespace storyfuse {
namespace {

// The working state: live clusters, their sizes, the current
// cluster-to-cluster mean similarities (row-major) and each row's best
// partner. Each cluster is named by one of its items.
struct Agglomeration {
  size_t n;
  std::vector<double> sim;
  std::vector<uint32_t> size;
  std::vector<bool> live;
  std::vector<uint32_t> best;  // n when none

  double At(size_t i, size_t j) const { return sim[i * n + j]; }

  void FindBest(size_t i) {
    best[i] = static_cast<uint32_t>(n);
    for (size_t j = 0; j < n; ++j) {
      if (j == i || !live[j]) continue;
      if (best[i] == n || At(i, j) > At(i, best[i])) best[i] = static_cast<uint32_t>(j);
    }
  }

  // The live row whose best partner is closest; n when none is left.
  size_t BestRow() const {
    size_t row = n;
    for (size_t i = 0; i < n; ++i) {
      if (!live[i] || best[i] == n) continue;
      if (row == n || At(i, best[i]) > At(row, best[row])) row = i;
    }
    return row;
  }

  // Folds cluster b into a. Mean similarities combine by the
  // Lance-Williams rule for average linkage, weighted by cluster size.
  void Join(size_t a, size_t b) {
    double wa = size[a], wb = size[b];
    for (size_t k = 0; k < n; ++k) {
      if (!live[k] || k == a || k == b) continue;
      double s = (wa * At(a, k) + wb * At(b, k)) / (wa + wb);
      sim[a * n + k] = sim[k * n + a] = s;
    }
    size[a] += size[b];
    live[b] = false;
    for (size_t k = 0; k < n; ++k) {
      if (!live[k]) continue;
      // Rows that pointed at a or b must look again; others only compare
      // with the new a.
      if (k == a || best[k] == a || best[k] == b) {
        FindBest(k);
      } else if (At(k, a) > At(k, best[k])) {
        best[k] = static_cast<uint32_t>(a);
      }
    }
  }
};

uint32_t Find(std::vector<uint32_t>& parent, uint32_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

std::vector<AverageLink::Merge> AverageLink::Run(const std::vector<float>& similarity, size_t n, double floor) {
  std::vector<Merge> merges;
  if (n < 2 || similarity.size() != n * n) return merges;
  Agglomeration g{n, std::vector<double>(similarity.begin(), similarity.end()), std::vector<uint32_t>(n, 1),
                  std::vector<bool>(n, true), std::vector<uint32_t>(n, static_cast<uint32_t>(n))};
  for (size_t i = 0; i < n; ++i) g.FindBest(i);
  for (size_t row = g.BestRow(); row != n; row = g.BestRow()) {
    size_t other = g.best[row];
    double s = g.At(row, other);
    if (s < floor) break;
    merges.push_back({static_cast<uint32_t>(row), static_cast<uint32_t>(other), s});
    g.Join(row, other);
  }
  return merges;
}

std::vector<uint32_t> AverageLink::Cut(const std::vector<Merge>& merges, size_t n, double threshold) {
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  for (const Merge& m : merges) {
    if (m.similarity < threshold) continue;
    uint32_t a = Find(parent, m.a), b = Find(parent, m.b);
    if (a > b) std::swap(a, b);
    parent[b] = a;
  }
  std::vector<uint32_t> cluster(n);
  for (uint32_t i = 0; i < n; ++i) cluster[i] = Find(parent, i);
  return cluster;
}

}  // namespace storyfuse
