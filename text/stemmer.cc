#include "text/stemmer.h"

#include <libstemmer.h>

#include "text/unicode_text.h"

namespace storyfuse {

Stemmer::Stemmer(std::string_view language) {
  std::string lang(language);
  stemmer_ = sb_stemmer_new(lang.c_str(), "UTF_8");
  if (stemmer_ == nullptr) stemmer_ = sb_stemmer_new("english", "UTF_8");
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string Stemmer::Stem(std::string_view word) {
  std::string folded = UnicodeText::Fold(word);
  const sb_symbol* out =
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(folded.data()), static_cast<int>(folded.size()));
  if (out == nullptr) return folded;
  return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(stemmer_));
}

}  // namespace storyfuse
