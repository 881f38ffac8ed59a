#include "cluster/stopwords.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace storyfuse {
namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, 168> kWords = {
    "a", "about", "above", "after", "again", "against", "ago", "all", "also", "am", "among", "an",
    "and", "another", "any", "are", "around", "as", "at", "be", "became", "because", "been",
    "before", "being", "below", "between", "both", "but", "by", "came", "can", "could", "did",
    "do", "does", "doing", "down", "during", "each", "either", "even", "ever", "every", "few",
    "for", "from", "further", "get", "got", "had", "has", "have", "having", "he", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "last", "least", "less", "like", "made", "make", "many",
    "may", "me", "might", "more", "most", "much", "must", "my", "myself", "never", "new", "no",
    "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
    "out", "over", "own", "per", "said", "same", "say", "says", "see", "she", "should", "since",
    "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "then",
    "there", "these", "they", "this", "those", "though", "through", "to", "told", "too", "under",
    "until", "up", "upon", "us", "very", "was", "way", "we", "well", "were", "what", "when",
    "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
    "within", "without", "would", "yet", "you", "your", "yours",
};

}  // namespace

bool Stopwords::Contains(std::string_view folded) {
  return std::binary_search(kWords.begin(), kWords.end(), folded);
}

}  // namespace storyfuse
