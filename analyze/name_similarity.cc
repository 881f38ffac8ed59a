#include "analyze/name_similarity.h"

#include <algorithm>

#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {

// Lower case, diacritics and periods removed, typographic apostrophes
// made ASCII: the key two spellings of one form share.
std::string FoldName(std::string_view s) {
  std::string folded = UnicodeText::FoldMarks(s);
  std::string out;
  out.reserve(folded.size());
  size_t pos = 0;
  while (pos < folded.size()) {
    char32_t cp = DecodeUtf8(folded, &pos);
    if (cp == '.') continue;
    if (cp == 0x2019) cp = '\'';
    AppendUtf8(cp, &out);
  }
  return out;
}

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0;
  if (a == b) return 1;
  size_t window = std::max(a.size(), b.size()) / 2;
  window = window > 0 ? window - 1 : 0;
  std::vector<bool> ma(a.size()), mb(b.size());
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    size_t lo = i > window ? i - window : 0, hi = std::min(b.size(), i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (mb[j] || a[i] != b[j]) continue;
      ma[i] = mb[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0;
  size_t t = 0, k = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!ma[i]) continue;
    while (!mb[k]) ++k;
    if (a[i] != b[k]) ++t;
    ++k;
  }
  double m = static_cast<double>(matches);
  double jaro = (m / a.size() + m / b.size() + (m - t / 2.0) / m) / 3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1 - jaro);
}

std::vector<std::string> SplitWords(const std::string& key) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < key.size()) {
    size_t e = key.find(' ', b);
    if (e == std::string::npos) e = key.size();
    if (e > b) out.push_back(key.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

bool IsOrgNameConnector(std::string_view w) { return w == "of" || w == "for" || w == "the" || w == "and"; }

// Whether `acronym` can abbreviate the name of `words` (folded): the
// initials of its words but "of", "for", "the", "and" appear in it in
// order, and it is spelled by letters of the name in order ("asean" of
// "association of southeast asian nations").
bool Abbreviates(const std::string& acronym, const std::vector<std::string>& words) {
  std::string initials, letters;
  for (const std::string& w : words) {
    if (IsOrgNameConnector(w) || w.empty()) continue;
    initials += w[0];
    letters += w;
  }
  if (initials.size() < 2 || initials[0] != acronym[0]) return false;
  auto subsequence = [](const std::string& small, const std::string& big) {
    size_t k = 0;
    for (char c : big) {
      if (k < small.size() && small[k] == c) ++k;
    }
    return k == small.size();
  };
  return subsequence(initials, acronym) && subsequence(acronym, letters);
}

}  // namespace storyfuse
