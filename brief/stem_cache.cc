#include "brief/stem_cache.h"

#include <unordered_map>

#include "text/stemmer.h"

namespace storyfuse {
namespace {

constexpr size_t kMaxWords = 1'000'000;

struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

struct Cache {
  Stemmer stemmer{"english"};
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> stems;
};

}  // namespace

const std::string& StemCache::Stem(std::string_view folded) {
  thread_local Cache cache;
  auto it = cache.stems.find(folded);
  if (it != cache.stems.end()) return it->second;
  if (cache.stems.size() >= kMaxWords) cache.stems.clear();
  return cache.stems.emplace(std::string(folded), cache.stemmer.Stem(folded)).first->second;
}

}  // namespace storyfuse
