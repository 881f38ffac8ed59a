// Stemmer: Snowball stems (libstemmer) of lower-cased words. The project's
// one wrapper over libstemmer.
//
// Not thread-safe (libstemmer keeps per-stemmer buffers): one per thread.
#ifndef STORYFUSE_TEXT_STEMMER_H_
#define STORYFUSE_TEXT_STEMMER_H_

#include <string>
#include <string_view>

struct sb_stemmer;  // libstemmer's handle, opaque here

namespace storyfuse {

class Stemmer {
 public:
  // `language` is a Snowball algorithm name or ISO 639-1 code ("english",
  // "en", "de"...). An unknown language falls back to English.
  explicit Stemmer(std::string_view language = "english");
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // Stem of `word`, which is case-folded first. Returns the folded word when
  // stemming fails (e.g. out of memory in libstemmer).
  std::string Stem(std::string_view word);

 private:
  ::sb_stemmer* stemmer_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_STEMMER_H_
