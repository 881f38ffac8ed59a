#include "ingest/glued_heading.h"

#include <cctype>
#include <vector>

#include "ingest/line_shape.h"

namespace storyfuse {
namespace {

constexpr size_t kMinKickerWords = 3;
constexpr size_t kMaxHeadingWords = 12;
constexpr size_t kMaxKickerWords = 4;
constexpr size_t kMinSentenceWords = 8;
constexpr size_t kWordsRead = kMaxKickerWords + kMaxHeadingWords + kMinSentenceWords + 8;

constexpr std::string_view kOpenQuote = "\xE2\x80\x9C";   // “
constexpr std::string_view kCloseQuote = "\xE2\x80\x9D";  // ”

bool Opens(std::string_view w) { return w.starts_with(kOpenQuote) || w.starts_with('"'); }

// The word without its closing quote mark, or empty when it has none.
std::string_view BeforeClose(std::string_view w) {
  if (w.ends_with(kCloseQuote)) return w.substr(0, w.size() - kCloseQuote.size());
  if (w.size() > 1 && w.ends_with('"')) return w.substr(0, w.size() - 1);
  return {};
}

bool EndsClause(std::string_view w) {
  return w.ends_with('.') || w.ends_with(',') || w.ends_with('?') || w.ends_with('!');
}

bool EndsPossessive(std::string_view w) { return w.size() > 3 && (w.ends_with("'s") || w.ends_with("\xE2\x80\x99s")); }

// A lower-case word whose ending makes it a noun and nothing else
// ("tensions", "agreement", "shortages"): unlike a verb or a preposition
// ("to buy Yahoo’s", "along Russia's"), it cannot take the possessive after
// it as its object.
bool IsPlainNoun(std::string_view w) {
  static constexpr std::string_view kEndings[] = {"tion",  "tions", "sion",  "sions", "ment",  "ments", "ness", "ity",
                                                  "ities", "ance",  "ances", "ence",  "ences", "ship",  "ships"};
  for (char c : w) {
    if (c < 'a' || c > 'z') return false;
  }
  for (std::string_view e : kEndings) {
    if (w.size() > e.size() + 2 && w.ends_with(e)) return true;
  }
  return false;
}

// Letters, digits, hyphens and apostrophes only: no stop, comma or quote.
bool IsBareWord(std::string_view w) {
  for (unsigned char c : w) {
    if (c < 0x80 && !std::isalnum(c) && c != '-' && c != '\'') return false;
  }
  return !w.empty();
}

size_t Offset(std::string_view paragraph, std::string_view word) {
  return static_cast<size_t>(word.data() - paragraph.data());
}

// "Name: “short quote” Next ..." -> the offset of Next.
size_t KickerLength(std::string_view p, const std::vector<std::string_view>& words) {
  size_t colon = 0;
  while (colon < words.size() && colon < kMaxKickerWords && !words[colon].ends_with(":")) ++colon;
  if (colon >= words.size() || colon >= kMaxKickerWords || !LineShape::StartsUpper(words[0])) return 0;
  size_t open = colon + 1;
  if (open >= words.size() || !Opens(words[open])) return 0;
  for (size_t i = open; i < words.size() && i <= open + kMaxHeadingWords; ++i) {
    std::string_view inner = BeforeClose(words[i]);
    if (inner.empty() || (i == open && inner.size() <= 1)) continue;
    if (EndsClause(inner) || i + kMinSentenceWords >= words.size()) return 0;
    return LineShape::StartsUpper(words[i + 1]) ? Offset(p, words[i + 1]) : 0;
  }
  return 0;
}

// "Talks stall amid rising tensions Monday’s meeting ..." -> the offset of
// Monday’s: bare headline words ending in a plain noun, then a capitalized
// possessive opening a sentence.
size_t HeadlineLength(std::string_view p, const std::vector<std::string_view>& words) {
  if (!LineShape::StartsUpper(words[0]) || !LineShape::EndsSentence(p)) return 0;
  for (size_t i = 0; i < words.size() && i <= kMaxHeadingWords; ++i) {
    if (i >= kMinKickerWords && EndsPossessive(words[i]) && LineShape::StartsUpper(words[i])) {
      bool sentence = words.size() - i >= kMinSentenceWords;
      return sentence && IsPlainNoun(words[i - 1]) ? Offset(p, words[i]) : 0;
    }
    if (!IsBareWord(words[i])) return 0;
  }
  return 0;
}

}  // namespace

size_t GluedHeading::Length(std::string_view paragraph) {
  // Both shapes look at most at word kMaxKickerWords + kMaxHeadingWords + 2
  // and ask whether kMinSentenceWords more follow it: the first
  // kWordsRead words decide, however long the paragraph.
  std::vector<std::string_view> words = LineShape::Words(paragraph, kWordsRead);
  if (words.size() < kMinKickerWords + kMinSentenceWords) return 0;
  if (size_t n = KickerLength(paragraph, words)) return n;
  return HeadlineLength(paragraph, words);
}

}  // namespace storyfuse
