#include "ingest/photo_credit.h"

#include <array>
#include <string>
#include <vector>

#include "ingest/line_shape.h"
#include "ingest/wire_agencies.h"

namespace storyfuse {
namespace {

// A slash credit is a few names: longer runs are prose with a slash in it.
constexpr size_t kMaxCreditWords = 8;
constexpr size_t kMaxSidePartWords = 5;
// Words of a photographer's name that may precede the slash word
// ("Jabin Botsford/The Post": "Jabin").
constexpr size_t kMaxNameWordsBefore = 3;
// A parenthesized credit says so in a few words.
constexpr size_t kMaxParenCreditBytes = 120;
// Story text after a caption's credit must be a sentence, not a stray word.
constexpr size_t kMinTextAfterCaption = 6;
// How much of a line's end can hold a slash credit and the name words
// before it.
constexpr size_t kTailBytes = 200;

// Who supplies pictures besides the agencies: photo agencies and the words
// credits use for a source ("Pool", "File", "Handout").
bool IsPhotoSource(std::string_view part) {
  if (!WireAgencies::Canonical(part).empty()) return true;
  std::string lower = LineShape::Lower(LineShape::Trim(part));
  static constexpr std::array<std::string_view, 22> kSources = {
      "getty", "getty images", "epa",   "epa-efe",  "efe",       "shutterstock", "pool", "file",
      "files", "handout",      "photo", "ap photo", "afp photo", "kcna",         "rex",  "alamy",
      "zuma",  "zuma press",   "sipa",  "invision", "wireimage", "filmmagic"};
  for (std::string_view s : kSources) {
    if (lower == s) return true;
  }
  return false;
}

// A part of a slash credit: one to five words, each capitalized, an
// initial, or a joining word of an outlet's name ("for", "of", "the").
bool IsNamePart(std::string_view part) {
  std::vector<std::string_view> words = LineShape::Words(part, kMaxSidePartWords + 1);
  if (words.empty() || words.size() > kMaxSidePartWords) return false;
  if (!LineShape::StartsUpper(words.front())) return false;
  for (std::string_view w : words) {
    if (w == "for" || w == "of" || w == "the" || w == "and" || w == "de") continue;
    if (!LineShape::StartsUpper(w)) return false;
  }
  return true;
}

std::string_view StripEnds(std::string_view s) {
  s = LineShape::Trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ')' || s.back() == ',')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == '(' || s.front() == '|')) s.remove_prefix(1);
  return LineShape::Trim(s);
}

// The inside of a parenthesized group says it credits a picture.
bool IsParenCredit(std::string_view inner) {
  if (inner.size() > kMaxParenCreditBytes) return false;
  std::string lower = LineShape::Lower(inner);
  static constexpr std::array<std::string_view, 10> kMarks = {"photo/",         "photos/",  "photo:",  "photo by",
                                                              "image:",         "image by", "credit:", "getty images",
                                                              "photo courtesy", "pictured"};
  for (std::string_view m : kMarks) {
    if (lower.find(m) != std::string::npos) return true;
  }
  return lower.starts_with("ap photo") || PhotoCredit::IsSlashCredit(inner);
}

bool EndsClause(std::string_view s) {
  s = LineShape::Trim(s);
  if (s.empty()) return true;
  char c = s.back();
  return LineShape::EndsSentence(s) || c == ')' || c == ':' || c == '|';
}

// Start of the parenthesized group that closes `s` at `close` (the index
// of its ')'), or npos.
size_t OpenOf(std::string_view s, size_t close) {
  size_t open = s.rfind('(', close);
  return open == std::string_view::npos || s.find(')', open) != close ? std::string_view::npos : open;
}

}  // namespace

bool PhotoCredit::IsSlashCredit(std::string_view raw) {
  std::string_view s = StripEnds(raw);
  if (s.empty() || s.find("http") != std::string_view::npos ||
      LineShape::WordCount(s, kMaxCreditWords + 1) > kMaxCreditWords) {
    return false;
  }
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t slash = s.find('/', start);
    std::string_view part = s.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    // No space around the slash: "A / B" is a list or a masthead.
    if (part.empty() || part.front() == ' ' || part.back() == ' ') return false;
    parts.push_back(part);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.size() < 2) return false;
  bool source = false, all_agencies = true;
  for (std::string_view p : parts) {
    if (!IsNamePart(p)) return false;
    source |= IsPhotoSource(p);
    all_agencies &= !WireAgencies::Canonical(p).empty();
  }
  // "AP/Reuters" credits two agencies' story, not a picture.
  if (all_agencies) return false;
  // A photographer and an outlet: "Ana Ruiz/The Daily Planet".
  bool photographer = parts.size() == 2 && LineShape::IsPersonName(parts[0]) && parts[1].starts_with("The ");
  return source || photographer;
}

size_t PhotoCredit::LeadingLength(std::string_view raw) {
  size_t lead = LineShape::LeadingSpace(raw);
  std::string_view line = raw.substr(lead);
  // The name words, then the word with the slash: as at a line's end.
  std::vector<std::string_view> words = LineShape::Words(line, kMaxNameWordsBefore + 2);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (!LineShape::StartsUpper(words[i])) return 0;
    if (words[i].find('/') == std::string_view::npos) continue;
    size_t end = static_cast<size_t>(words[i].data() + words[i].size() - line.data());
    if (!IsSlashCredit(line.substr(0, end)) || !LineShape::StartsUpper(words[i + 1])) return 0;
    return lead + end;
  }
  return 0;
}

size_t PhotoCredit::TrailingStart(std::string_view raw) {
  std::string_view line = LineShape::Trim(raw);
  size_t lead = LineShape::LeadingSpace(raw);
  if (line.empty()) return std::string_view::npos;
  // "(AP Photo/Ana Ruiz, File)", possibly followed by "(Associated Press)".
  size_t end = line.size();
  for (int group = 0; group < 2 && end > 0 && line[end - 1] == ')'; ++group) {
    size_t open = OpenOf(line, end - 1);
    if (open == std::string_view::npos) break;
    std::string_view inner = line.substr(open + 1, end - open - 2);
    if (IsParenCredit(inner)) return lead + open;
    if (WireAgencies::Canonical(inner).empty()) break;  // only an agency tag may follow the credit
    end = LineShape::Trim(line.substr(0, open)).size();
  }
  // "... 2016. REUTERS/Ana Ruiz": the first word with a slash among the
  // last few, with the name words just before it. Only the line's end is
  // read: a credit is a few words.
  std::string_view tail = line.size() > kTailBytes ? line.substr(line.size() - kTailBytes) : line;
  if (tail.find('/') == std::string_view::npos) return std::string_view::npos;
  if (line.size() > kTailBytes) {
    size_t space = tail.find(' ');
    tail = space == std::string_view::npos ? std::string_view() : tail.substr(space + 1);
  }
  std::vector<std::string_view> words = LineShape::Words(tail);
  size_t first = words.size() > kMaxCreditWords ? words.size() - kMaxCreditWords : 0;
  for (size_t i = first; i < words.size(); ++i) {
    if (words[i].find('/') == std::string_view::npos) continue;
    size_t b = i;
    while (b > first && i - b < kMaxNameWordsBefore && LineShape::StartsUpper(words[b - 1]) &&
           !EndsClause(words[b - 1]) && words[b - 1].back() != ',') {
      --b;
    }
    // Try the longest name run first, then shorter ones.
    for (size_t k = b; k <= i; ++k) {
      size_t pos = static_cast<size_t>(words[k].data() - line.data());  // words point into `line`
      if (!EndsClause(line.substr(0, pos))) continue;
      if (IsSlashCredit(line.substr(pos))) return lead + pos;
    }
    break;
  }
  return std::string_view::npos;
}

size_t PhotoCredit::CaptionPrefixLength(std::string_view line) {
  // Every parenthesized credit holds a slash or one of these words.
  if (line.find('(') == std::string_view::npos) return 0;
  if (line.find('/') == std::string_view::npos) {
    std::string lower = LineShape::Lower(line);
    bool worded = false;
    for (std::string_view w : {"photo", "image", "credit", "getty", "pictured"})
      worded |= lower.find(w) != std::string::npos;
    if (!worded) return 0;
  }
  size_t open = 0;
  while ((open = line.find('(', open)) != std::string_view::npos) {
    size_t close = line.find(')', open);
    if (close == std::string_view::npos) return 0;
    if (IsParenCredit(line.substr(open + 1, close - open - 1))) {
      std::string_view after = line.substr(close + 1);
      if (LineShape::WordCount(after, kMinTextAfterCaption) < kMinTextAfterCaption) return 0;
      if (!EndsClause(line.substr(0, open))) return 0;
      return close + 1;
    }
    open = close;
  }
  return 0;
}

}  // namespace storyfuse
