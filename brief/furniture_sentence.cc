#include "brief/furniture_sentence.h"

#include <array>
#include <string>
#include <vector>

#include "ingest/crumb_classifier.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

// Marks of a link, a handle (an e-mail address, an embedded post), a credit
// or a media label inside a sentence, besides what CrumbClassifier knows.
constexpr std::string_view kMarks[] = {
    "@",
    "http://",
    "https://",
    "www.",
    ".com/",
    "cookie",
    "javascript",
    "terms of service",
    "terms of use",
    "copyright",
    "\xC2\xA9",
    "advertisement",
    "may not be published",
    "contributed to this report",
    "email address",
    "you can add location",
    "getty images",
    "ap photo",
    "reuters/",
    "/ap)",
    "(photo",
    "photo:",
    "image:",
    "video:",
    "watch:",
    "related:",
};

// Whether `lower` contains a kMarks phrase: one pass over the text, trying
// only the phrases that start with each byte (a search per phrase was a
// fifth of the summarizer's time).
bool HasMark(std::string_view lower) {
  using Index = std::array<std::vector<std::string_view>, 256>;
  static const Index* by_first = [] {
    auto* index = new Index();
    for (std::string_view m : kMarks) (*index)[static_cast<unsigned char>(m[0])].push_back(m);
    return index;
  }();
  for (size_t i = 0; i < lower.size(); ++i) {
    for (std::string_view m : (*by_first)[static_cast<unsigned char>(lower[i])]) {
      if (lower.compare(i, m.size(), m) == 0) return true;
    }
  }
  return false;
}

// Bytes of the double quotation mark at `i` (", `` or '' as wire copy
// writes them, or a curly one), or 0. Single marks are apostrophes more
// often than not ("Disney\u2019s").
size_t QuoteMarkAt(std::string_view s, size_t i) {
  if (s[i] == '"') return 1;
  if ((s[i] == '`' || s[i] == '\'') && i + 1 < s.size() && s[i + 1] == s[i]) return 2;
  // “ ” ‘ ’ are E2 80 9C/9D/98/99.
  if (static_cast<unsigned char>(s[i]) != 0xE2 || i + 2 >= s.size()) return 0;
  if (static_cast<unsigned char>(s[i + 1]) != 0x80) return 0;
  unsigned char d = s[i + 2];
  return d == 0x9C || d == 0x9D ? 3 : 0;
}

// Second person outside quotation marks: the page speaking to its reader.
bool AddressesReader(std::string_view lower) {
  bool quoted = false;
  for (size_t i = 0; i < lower.size(); ++i) {
    char ch = lower[i];
    if (ch != 'y' && ch != '"' && ch != '\xE2' && ch != '`' && ch != '\'') continue;  // the only bytes that matter
    size_t mark = QuoteMarkAt(lower, i);
    if (mark > 0) {
      quoted = !quoted;
      i += mark - 1;
      continue;
    }
    if (quoted || lower.compare(i, 3, "you") != 0) continue;
    bool start = i == 0 || !IsAsciiLetter(lower[i - 1]);
    size_t e = i + 3;
    if (e < lower.size() && lower[e] == 'r') ++e;
    if (start && (e >= lower.size() || !IsAsciiLetter(lower[e]))) return true;
  }
  return false;
}

// The words of `lower`, letters and apostrophes only, at most `max` + 1.
std::vector<std::string_view> Words(std::string_view lower, size_t max) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < lower.size() && words.size() <= max) {
    while (i < lower.size() && !IsAsciiLetter(lower[i])) ++i;
    size_t b = i;
    while (i < lower.size() && (IsAsciiLetter(lower[i]) || lower[i] == '\'')) ++i;
    if (i > b) words.push_back(lower.substr(b, i - b));
  }
  return words;
}

// A link's own text reads as a sentence of its own: short, its last word
// "here", and either opened by a verb that asks the reader to act or with
// no verb at all ("Media coverage here and here."). News sentences that end
// on "here" ("The talks resume here.") open on their subject.
constexpr size_t kMaxLinkTextWords = 14;

bool IsLinkText(std::string_view lower) {
  static constexpr std::string_view kCalls[] = {"read", "see",   "watch",  "listen", "click",     "tap",
                                                "find", "learn", "check",  "view",   "subscribe", "download",
                                                "sign", "visit", "follow", "donate", "browse",    "explore"};
  size_t end = lower.size();
  while (end > 0 && !IsAsciiLetter(lower[end - 1])) --end;
  if (end < 4 || lower.compare(end - 4, 4, "here") != 0) return false;  // most sentences: no words read
  std::vector<std::string_view> words = Words(lower, kMaxLinkTextWords);
  if (words.size() < 2 || words.size() > kMaxLinkTextWords || words.back() != "here") return false;
  for (std::string_view call : kCalls) {
    if (words.front() == call) return true;
  }
  // Verbless: every word before the last is a noun of the page or "and here".
  static constexpr std::string_view kPageWords[] = {"media",  "coverage", "more",  "photos", "video",
                                                    "videos", "full",     "story", "here",   "and"};
  for (size_t w = 0; w + 1 < words.size(); ++w) {
    bool page = false;
    for (std::string_view p : kPageWords) page = page || words[w] == p;
    if (!page) return false;
  }
  return true;
}

// The cleaner's kinds of furniture a sentence can be on its own (its other
// kinds, a feed name or a date stamp, read a whole line's shape).
bool IsCrumb(std::string_view sentence) {
  static constexpr std::string_view kKinds[] = {"copyright", "correction", "update", "media",
                                                "nav",       "caption",    "prompt"};
  std::string_view kind = CrumbClassifier::Classify(sentence);
  for (std::string_view k : kKinds) {
    if (kind == k) return true;
  }
  return false;
}

}  // namespace

bool FurnitureSentence::Is(std::string_view sentence) {
  std::string lower = AsciiLower(sentence);
  return HasMark(lower) || AddressesReader(lower) || IsLinkText(lower) || IsCrumb(sentence);
}

bool FurnitureSentence::IsByWords(std::string_view lower) {
  return HasMark(lower) || AddressesReader(lower) || IsLinkText(lower) || CrumbClassifier::HasFurniturePhrase(lower);
}

}  // namespace storyfuse
