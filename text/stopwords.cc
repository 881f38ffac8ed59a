#include "text/stopwords.h"

#include <string>
#include <unordered_set>

namespace storyfuse {
namespace {

// Function words only: content words, even frequent ones ("said", "people"),
// are left to document frequency to down-weight.
const std::unordered_set<std::string_view>& Table() {
  static const auto* table = new std::unordered_set<std::string_view>{
      "a",         "about",   "above",    "after",   "again",    "against",    "all",     "also",      "am",
      "an",        "and",     "any",      "are",     "as",       "at",         "be",      "because",   "been",
      "before",    "being",   "below",    "between", "both",     "but",        "by",      "can",       "could",
      "did",       "do",      "does",     "doing",   "down",     "during",     "each",    "few",       "for",
      "from",      "further", "had",      "has",     "have",     "having",     "he",      "her",       "here",
      "hers",      "herself", "him",      "himself", "his",      "how",        "i",       "if",        "in",
      "into",      "is",      "it",       "its",     "itself",   "just",       "may",     "me",        "might",
      "more",      "most",    "must",     "my",      "myself",   "no",         "nor",     "not",       "now",
      "of",        "off",     "on",       "once",    "only",     "or",         "other",   "our",       "ours",
      "ourselves", "out",     "over",     "own",     "same",     "shall",      "she",     "should",    "so",
      "some",      "such",    "than",     "that",    "the",      "their",      "theirs",  "them",      "themselves",
      "then",      "there",   "these",    "they",    "this",     "those",      "through", "to",        "too",
      "under",     "until",   "up",       "very",    "was",      "we",         "were",    "what",      "when",
      "where",     "which",   "while",    "who",     "whom",     "whose",      "why",     "will",      "with",
      "would",     "you",     "your",     "yours",   "yourself", "yourselves", "s",       "t",         "said",
      "says",      "say",     "told",     "mr",      "mrs",      "ms",         "one",     "two",       "would",
      "could",     "us",      "via",      "per",     "upon",     "among",      "within",  "without",   "yet",
      "however",   "though",  "although", "since",   "unless",   "whether",    "whereas", "according", "told",
      "added",     "like",    "even",     "still",   "back",     "around",
  };
  return *table;
}

}  // namespace

bool IsStopword(std::string_view lower_word) { return Table().count(lower_word) > 0; }

}  // namespace storyfuse
