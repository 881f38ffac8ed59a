// Stopwords for clustering: the project's function words (text/stopwords.h)
// and a few frequent words that carry no evidence about which story an
// article belongs to. A fixed prior: the online document frequencies learn
// the rest.
#ifndef STORYFUSE_CLUSTER_STOPWORDS_H_
#define STORYFUSE_CLUSTER_STOPWORDS_H_

#include <string_view>

namespace storyfuse {

class Stopwords {
 public:
  // True when `folded` (case-folded word) is a stopword. Thread-safe.
  static bool Contains(std::string_view folded);
};

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_STOPWORDS_H_
