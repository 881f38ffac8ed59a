// NeighborGraph: the sparse candidate graph batch clustering works on. Each
// article is linked to its k strongest neighbours, found through an
// inverted index over the articles' strongest terms: two articles are only
// compared when one of them holds, among its strongest terms, a term the
// other is indexed under. Nothing is compared with everything, so the cost
// is near-linear in the number of articles: each lookup reads at most
// `scan_postings` entries per term, and at most `candidates` articles per
// article are scored exactly.
//
// Stateless function; thread-compatible.
#ifndef STORYFUSE_CLUSTER_NEIGHBOR_GRAPH_H_
#define STORYFUSE_CLUSTER_NEIGHBOR_GRAPH_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "cluster/centroid.h"

namespace storyfuse {

struct NeighborGraphOptions {
  size_t neighbors = 30;    // strongest neighbours kept per article (k)
  size_t query_terms = 48;  // an article's strongest terms looked up
  size_t index_terms = 64;  // an article's strongest terms it is found by
  // Postings read per looked-up term, heaviest first. 500, not 2,000: the
  // dev files score the same (no list there is longer), and on 100,000
  // synthetic articles grouping took 32 s instead of 44 s at the same F1
  // (0.9640 against 0.9639): a term in more than 500 articles' strongest
  // terms tells little about the ones it weighs least in.
  size_t scan_postings = 500;
  size_t candidates = 100;  // articles scored exactly per article, by matched weight
  double min_score = 0.02;  // weaker links are dropped
};

// An undirected link between articles a < b.
struct Edge {
  uint32_t a = 0, b = 0;
  float score = 0;
};

// The exact score of a pair, computed from one article's side: Focus(i)
// prepares article i, then Score(j) scores (i, j) for any j. Scores must be
// symmetric.
class PairScorer {
 public:
  virtual ~PairScorer() = default;
  virtual void Focus(uint32_t i) = 0;
  virtual double Score(uint32_t j) = 0;
};

// The union of every article's k strongest links, sorted by (a, b), each
// pair once. `weighted[i]` is article i's term vector (sorted by term, as
// ArticleVector::weighted). Articles with no terms have no links.
std::vector<Edge> BuildNeighborGraph(const std::vector<const TermWeights*>& weighted, PairScorer* scorer,
                                     const NeighborGraphOptions& options);

// The same with a plain function of the pair (for tests and small sets).
std::vector<Edge> BuildNeighborGraph(const std::vector<const TermWeights*>& weighted,
                                     const std::function<double(uint32_t, uint32_t)>& score,
                                     const NeighborGraphOptions& options);

// The `m` heaviest terms of `v` into `out`, heaviest first (ties: lower
// term id); `out` is reused, so a caller's loop allocates nothing.
void HeaviestTerms(const TermWeights& v, size_t m, std::vector<std::pair<uint32_t, float>>* out);

// Context: articles of one story are alike to the same articles. Each of
// the n items' neighbourhood is itself (at 1) and its `neighbours`
// strongest links; each link's score becomes the geometric mean of its own
// score and the cosine of the two neighbourhoods, weighted 1 - `weight`
// and `weight`, when that is lower (0: scores stay). Of two events of a
// kind (two earthquakes, two patches of one browser), each article's
// nearest are mostly of its own event, so links across the two lose more
// than links within one; a long story whose articles drift still shares
// its neighbours.
void ApplyContext(size_t n, size_t neighbours, double weight, std::vector<Edge>* edges);

// ApplyContext one link at a time: built from all `edges` of the n items
// (the neighbourhoods), Blend gives a link's score as ApplyContext sets
// it, to the bit, so a caller can blend only the links it needs (the
// revising stream's linkage, only links within reach of the cut). With
// `weight` <= 0 scores stay. Immutable once built.
class LinkContext {
 public:
  LinkContext(size_t n, const std::vector<Edge>& edges, size_t neighbours, double weight);
  ~LinkContext();
  LinkContext(const LinkContext&) = delete;
  LinkContext& operator=(const LinkContext&) = delete;

  // `e` (one of the edges it was built from, or a pair of its items) with
  // its score lowered by the context.
  float Blend(const Edge& e) const;

 private:
  class Neighbourhoods;
  double weight_;
  bool half_;
  std::unique_ptr<Neighbourhoods> hood_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_NEIGHBOR_GRAPH_H_
