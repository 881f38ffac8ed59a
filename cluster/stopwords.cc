#include "cluster/stopwords.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "text/stopwords.h"

namespace storyfuse {
namespace {

// Beyond the project's function words (text/stopwords.h): frequent words
// that say nothing about which story an article tells ("new", "last",
// "made"). Few enough that early articles, scored before document
// frequencies are learned, are not led by them. Sorted, for binary search.
constexpr std::array<std::string_view, 21> kClusterOnly = {
    "ago",  "another", "became", "came", "either", "ever",  "every", "get", "got", "last", "least",
    "less", "made",    "make",   "many", "much",   "never", "new",   "see", "way", "well",
};

}  // namespace

bool Stopwords::Contains(std::string_view folded) {
  return IsStopword(folded) || std::binary_search(kClusterOnly.begin(), kClusterOnly.end(), folded);
}

}  // namespace storyfuse
