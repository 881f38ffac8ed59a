// Stopwords: English function words that carry no topic (articles,
// pronouns, auxiliaries, prepositions, conjunctions, reporting fillers).
// Matching is on case-folded ASCII words. Thread-safe (immutable table).
#ifndef STORYFUSE_TEXT_STOPWORDS_H_
#define STORYFUSE_TEXT_STOPWORDS_H_

#include <string_view>

namespace storyfuse {

// True when the lower-cased `word` is an English function word.
bool IsStopword(std::string_view lower_word);

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_STOPWORDS_H_
