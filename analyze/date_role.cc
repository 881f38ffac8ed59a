#include "analyze/date_role.h"

#include "text/short_word_set.h"

namespace storyfuse {
namespace {

// Words that open a phrase or clause situating something else in time.
const ShortWordSet& BackgroundMarkers() {
  static const auto* kWords = new ShortWordSet{"since", "before",   "after", "following", "until", "till",
                                               "than",  "compared", "who",   "which",     "whose"};
  return *kWords;
}

// Verbs that open a call to the reader (promos, not news).
const ShortWordSet& ReaderCalls() {
  static const auto* kWords = new ShortWordSet{"tune",   "watch", "listen", "subscribe", "join",
                                               "follow", "click", "stream", "register",  "download"};
  return *kWords;
}

const ShortWordSet& Determiners() {
  static const auto* kWords =
      new ShortWordSet{"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "whose"};
  return *kWords;
}

// Punctuation that ends a clause or an inserted phrase.
bool IsClauseBreak(const LexedText& t, size_t k) {
  if (!t.IsPunct(k)) return false;
  std::string_view p = t.Raw(k);
  if (p == "-") return !t.Glued(k);  // "face-to-face" is one word
  return p == "," || p == ";" || p == ":" || p == "(" || p == ")" || p == "\xE2\x80\x94" || p == "\xE2\x80\x93";
}

// "as of", "prior to", "the first being", "the previous one was".
bool IsTwoWordMarker(const LexedText& t, size_t k) {
  std::string_view w = t.Low(k);
  if (w == "as") return t.WordIs(k + 1, "of");
  if (w == "prior") return t.WordIs(k + 1, "to");
  if (w == "first" || w == "last" || w == "previous") {
    return t.WordIs(k - 1, "the") && (t.WordIs(k + 1, "being") || t.WordIs(k + 1, "was") || t.WordIs(k + 1, "one"));
  }
  return false;
}

bool HasMarkerBefore(const LexedText& t, size_t first) {
  size_t stop = t.SentenceBegin(first);
  if (first >= stop + DateRoles::kMarkerReach) stop = first - DateRoles::kMarkerReach;
  for (size_t k = first; k-- > stop;) {
    if (IsClauseBreak(t, k)) return false;
    if (!t.IsWord(k)) continue;
    if (BackgroundMarkers().Contains(t.Low(k)) || IsTwoWordMarker(t, k)) return true;
  }
  return false;
}

// A word that labels a line: in capitals ("CORRECTION", "WASHINGTON") or
// a past participle with a capital ("Published", "Updated").
bool IsLabelWord(const LexedText& t, size_t k) {
  if (!t.Capitalized(k)) return false;
  return t.at(k).all_caps || t.Low(k).ends_with("ed");
}

bool IsStamp(const LexedText& t, size_t first, size_t last) {
  size_t begin = t.LineBegin(first), end = t.LineEnd(last);
  if (t.PunctIs(begin, "(") && t.PunctIs(end, ")")) return true;
  size_t words = 0;
  bool label = false;
  for (size_t k = begin; k < first; ++k) {
    if (!t.IsWord(k)) continue;
    if (!IsLabelWord(t, k) || ++words > DateRoles::kMaxLabelWords) return false;
    label = true;
  }
  if (label) return true;
  if (last == end) return true;
  std::string_view next = t.Raw(last + 1);
  return t.IsPunct(last + 1) && (next == ":" || next == "-" || next == "|" || next == ")" || next == "\xE2\x80\x94");
}

bool CallsTheReader(const LexedText& t, size_t first) {
  size_t k = t.SentenceBegin(first);
  while (k < first && t.IsPunct(k)) ++k;
  return t.Capitalized(k) && ReaderCalls().Contains(t.Low(k));
}

}  // namespace

bool DateRoles::NamesAThing(const LexedText& t, size_t first, size_t last) {
  if (t.InRange(last + 1) && t.at(last + 1).kind == LexKind::kPossessive) return true;
  return first > t.SentenceBegin(first) && Determiners().Contains(t.Low(first - 1)) && t.IsWord(last + 1);
}

std::string_view DateRoleName(DateRole role) {
  switch (role) {
    case DateRole::kEvent:
      return "event";
    case DateRole::kBackground:
      return "background";
    case DateRole::kStamp:
      return "stamp";
  }
  return "event";
}

DateRole DateRoles::Of(const LexedText& t, size_t first, size_t last, bool before_anchor) {
  if (IsStamp(t, first, last) || CallsTheReader(t, first)) return DateRole::kStamp;
  if (HasMarkerBefore(t, first) || NamesAThing(t, first, last)) return DateRole::kBackground;
  if (before_anchor && DateTense::Around(t, first, last) == Tense::kFuture) return DateRole::kBackground;
  return DateRole::kEvent;
}

}  // namespace storyfuse
