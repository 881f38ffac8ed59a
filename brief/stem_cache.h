// StemCache: a word's English Snowball stem (text/stemmer), memoized per
// thread. The brief's aligner and summarizer stem the same few thousand
// words of a story, and every story of a run repeats most of them; stemming
// each again was 18M instructions of a 50-article brief.
//
// Thread-safe: each thread has its own cache (cleared past a million
// words, so memory stays bounded in a long-running server).
#ifndef STORYFUSE_BRIEF_STEM_CACHE_H_
#define STORYFUSE_BRIEF_STEM_CACHE_H_

#include <string>
#include <string_view>

namespace storyfuse {

class StemCache {
 public:
  // The stem of `folded` (a case-folded word). The reference stays valid
  // until the calling thread's next call.
  static const std::string& Stem(std::string_view folded);
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_STEM_CACHE_H_
