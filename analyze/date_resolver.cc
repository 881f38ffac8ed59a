#include "analyze/date_resolver.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <unordered_set>

#include "analyze/date_words.h"
#include "text/short_word_set.h"

namespace storyfuse {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

enum class Tense { kNone, kPast, kFuture };

std::optional<sys_days> ParseIsoDay(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (size_t i = starts[k]; i < starts[k] + lens[k]; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v[k] = v[k] * 10 + (s[i] - '0');
    }
  }
  year_month_day ymd{std::chrono::year{v[0]}, std::chrono::month{static_cast<unsigned>(v[1])},
                     std::chrono::day{static_cast<unsigned>(v[2])}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
    if (v > 100000) return -1;
  }
  return v;
}

std::string FormatDay(sys_days d) {
  year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string FormatMonth(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
  return buf;
}

std::string FormatYear(int y) {
  char buf[8];
  std::snprintf(buf, sizeof(buf), "%04d", y);
  return buf;
}

int WeekdayOf(sys_days d) { return static_cast<int>(std::chrono::weekday{d}.c_encoding()); }

sys_days MondayOf(sys_days d) { return d - days{(WeekdayOf(d) + 6) % 7}; }

// Small cardinal words for "two days ago".
int SmallNumber(std::string_view w) {
  static constexpr std::string_view kWords[] = {"zero", "one", "two",   "three", "four",
                                                "five", "six", "seven", "eight", "nine",
                                                "ten",  "eleven", "twelve"};
  for (int i = 0; i < 13; ++i) {
    if (w == kWords[i]) return i;
  }
  if (w == "a" || w == "an") return 1;
  return -1;
}

bool IsFutureCue(std::string_view w) {
  static constexpr std::string_view kCues[] = {"will", "shall", "upcoming", "scheduled", "expected",
                                               "due", "set", "going"};
  for (std::string_view c : kCues) {
    if (w == c) return true;
  }
  return w.size() > 3 && (w.ends_with("'ll") || w.ends_with("\xE2\x80\x99ll"));
}

bool IsPastCue(std::string_view w) {
  static constexpr std::string_view kCues[] = {
      "was",  "were", "had",  "did",   "said", "met",   "told",   "took", "came",  "went", "began",
      "made", "gave", "held", "spoke", "saw",  "lost",  "sent",   "led",  "left",  "won",  "since",
      "ago",  "last", "struck", "fought", "earlier", "previously", "wrote", "got", "ran", "knew",
      "grew", "rose", "fell", "sank", "became", "broke", "fled", "hit", "began", "ended"};
  for (std::string_view c : kCues) {
    if (w == c) return true;
  }
  return w.size() > 4 && w.ends_with("ed");
}

class Parser {
 public:
  Parser(std::string_view text, const std::vector<LexToken>& tokens, std::string_view anchor_iso)
      : text_(text), toks_(tokens) {
    anchor_ = ParseIsoDay(anchor_iso);
    if (anchor_) anchor_str_ = FormatDay(*anchor_);
    lowered_ = AsciiLower(text_);
    // Each token's sentence bounds, found once: looking them up per mention
    // would rescan a long sentence for every date in it (quadratic).
    sentence_.reserve(toks_.size());
    uint32_t start = 0;
    for (size_t i = 0; i < toks_.size(); ++i) {
      const LexToken& t = toks_[i];
      if (t.sentence_start) start = static_cast<uint32_t>(i);
      sentence_.push_back(start);
    }
    sentence_end_.resize(toks_.size());
    for (size_t i = toks_.size(); i-- > 0;) {
      bool last = i + 1 == toks_.size() || toks_[i + 1].sentence_start;
      sentence_end_[i] = last ? static_cast<uint32_t>(i) : sentence_end_[i + 1];
    }
  }

  std::vector<DateMention> Run() {
    size_t i = 0;
    while (i < toks_.size()) {
      size_t used = MatchAt(i);
      i += used > 0 ? used : 1;
    }
    return std::move(out_);
  }

 private:
  // Tries every form at token `i`; returns the tokens consumed (0: none).
  size_t MatchAt(size_t i) {
    if (!MayStartDate(i)) return 0;
    if (size_t n = MatchIso(i)) return n;
    if (size_t n = MatchMonthFirst(i)) return n;
    if (size_t n = MatchDayFirst(i)) return n;
    if (size_t n = MatchDeictic(i)) return n;
    if (size_t n = MatchAgo(i)) return n;
    if (size_t n = MatchWeekday(i)) return n;
    return MatchYear(i);
  }

  // Cheap filter: numbers, capitalized words, and the few lower-case
  // words that open relative dates.
  bool MayStartDate(size_t i) const {
    const LexToken& t = toks_[i];
    if (t.kind == LexKind::kNumber) return true;
    if (t.kind != LexKind::kWord) return false;
    if (t.capitalized) return true;
    static const auto* kStarts = new ShortWordSet{
        "today", "tonight", "yesterday", "tomorrow", "earlier", "later", "early", "late", "this",
        "last", "past", "next", "coming", "few", "several", "a", "an", "one", "two", "three",
        "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "days",
        "weeks", "months", "years", "the", "mid"};
    return kStarts->Contains(Low(i));
  }

  // ---- token helpers ----
  bool InRange(size_t i) const { return i < toks_.size(); }
  bool IsWord(size_t i) const { return InRange(i) && toks_[i].kind == LexKind::kWord; }
  bool IsNum(size_t i) const { return InRange(i) && toks_[i].kind == LexKind::kNumber; }
  std::string_view Raw(size_t i) const { return InRange(i) ? toks_[i].span.In(text_) : ""; }
  // Lower-case text of word token `i`, "" for other tokens.
  std::string_view Low(size_t i) const { return IsWord(i) ? toks_[i].span.In(lowered_) : ""; }
  bool Glued(size_t i) const { return InRange(i) && !toks_[i].space_before; }
  bool WordIs(size_t i, std::string_view w) const { return IsWord(i) && Low(i) == w; }
  bool PunctIs(size_t i, std::string_view p) const {
    return InRange(i) && toks_[i].kind == LexKind::kPunct && Raw(i) == p;
  }
  // Lower-case word before `i` in the same sentence, or "".
  std::string_view Prev(size_t i, size_t back = 1) const {
    if (i < back || i - back < sentence_[i]) return "";
    return Low(i - back);
  }

  // Day number 1..31 at `i` (digits only), else 0.
  int DayAt(size_t i) const {
    if (!IsNum(i) || Raw(i).size() > 2) return 0;
    int d = ToInt(Raw(i));
    return d >= 1 && d <= 31 ? d : 0;
  }
  // Tokens an ordinal suffix glued to `i` takes ("10th": 1), else 0.
  size_t OrdinalSuffix(size_t i) const {
    if (!IsWord(i) || !Glued(i)) return 0;
    std::string_view w = Low(i);
    return (w == "st" || w == "nd" || w == "rd" || w == "th") ? 1 : 0;
  }
  int YearAt(size_t i) const { return IsNum(i) && LooksLikeYear(Raw(i)) ? ToInt(Raw(i)) : 0; }
  // Month at `i` and how many tokens it takes (with an abbreviation's dot).
  int MonthAt(size_t i, size_t* len, bool* abbreviated) const {
    *len = 0;
    if (!IsWord(i) || !toks_[i].capitalized) return 0;
    int m = MonthFromWord(Raw(i), abbreviated);
    if (m == 0) return 0;
    *len = (*abbreviated && PunctIs(i + 1, ".") && Glued(i + 1)) ? 2 : 1;
    return m;
  }

  Span SpanOf(size_t first, size_t last) const {
    return Span{toks_[first].span.begin, toks_[last].span.end};
  }
  Span SentenceOf(size_t i) const { return SpanOf(sentence_[i], sentence_end_[i]); }

  // Tense of the sentence around token `i`: the cue nearest to it wins
  // ("had announced plans ... on Monday" is past).
  Tense TenseAround(size_t i) const {
    size_t b = std::max<size_t>(sentence_[i], i >= 10 ? i - 10 : 0);
    Tense best = Tense::kNone;
    size_t best_dist = SIZE_MAX;
    for (size_t k = b; k < toks_.size() && k <= i + 6; ++k) {
      if (k > i && toks_[k].sentence_start) break;
      if (!IsWord(k)) continue;
      std::string_view w = Low(k);
      Tense t = Tense::kNone;
      if (w == "since" || w == "ago") return Tense::kPast;
      if (IsFutureCue(w)) {
        bool needs_to = w == "set" || w == "due" || w == "going" || w == "expected";
        if (!needs_to || WordIs(k + 1, "to")) t = Tense::kFuture;
      } else if (IsPastCue(w)) {
        t = Tense::kPast;
      }
      size_t dist = k > i ? k - i : i - k;
      if (t != Tense::kNone && dist < best_dist) best = t, best_dist = dist;
    }
    return best;
  }

  void Add(size_t first, size_t last, std::string iso, DateGranularity g, bool relative,
           bool approximate = false) {
    DateMention m;
    m.span = SpanOf(first, last);
    m.sentence = SentenceOf(first);
    m.iso = std::move(iso);
    m.granularity = g;
    m.relative = relative;
    m.approximate = approximate;
    if (relative) m.anchor = anchor_str_;
    out_.push_back(std::move(m));
  }

  // ---- absolute forms ----

  // 2025-07-10
  size_t MatchIso(size_t i) {
    if (!YearAt(i) || !PunctIs(i + 1, "-") || !IsNum(i + 2) || !PunctIs(i + 3, "-") || !IsNum(i + 4))
      return 0;
    if (!Glued(i + 1) || !Glued(i + 2) || !Glued(i + 3) || !Glued(i + 4)) return 0;
    if (Raw(i + 2).size() != 2 || Raw(i + 4).size() != 2) return 0;
    std::string s = std::string(Raw(i)) + "-" + std::string(Raw(i + 2)) + "-" + std::string(Raw(i + 4));
    std::optional<sys_days> d = ParseIsoDay(s);
    if (!d) return 0;
    Add(i, i + 4, FormatDay(*d), DateGranularity::kDay, false);
    return 5;
  }

  // "July 10, 2025", "July 10th", "July 2025", "in July", "mid-July".
  size_t MatchMonthFirst(size_t i) {
    size_t mlen;
    bool abbr;
    int m = MonthAt(i, &mlen, &abbr);
    if (m == 0) return 0;
    size_t j = i + mlen;
    bool clock = PunctIs(j + 1, ":") && IsNum(j + 2) && Glued(j + 1) && Glued(j + 2);
    if (int d = DayAt(j); d > 0 && !clock && !IsPercentOrUnit(j + 1)) {
      size_t last = j + OrdinalSuffix(j + 1);
      size_t k = last + 1;
      if (PunctIs(k, ",")) ++k;
      if (int y = YearAt(k)) return AddDay(i, k, y, m, d);
      return AddYearlessDay(i, last, m, d);
    }
    if (int y = YearAt(j)) {
      Add(StartWithMid(i), j, FormatMonth(y, m), DateGranularity::kMonth, false);
      return j + 1 - i;
    }
    if (abbr || !MonthAloneOk(i, m)) return 0;
    return AddYearlessMonth(i, j - 1, m);
  }

  // "10 July 2025", "10th of July".
  size_t MatchDayFirst(size_t i) {
    int d = DayAt(i);
    if (d == 0) return 0;
    size_t j = i + 1 + OrdinalSuffix(i + 1);
    bool of = WordIs(j, "of");
    if (of) ++j;
    size_t mlen;
    bool abbr;
    int m = MonthAt(j, &mlen, &abbr);
    if (m == 0) return 0;
    size_t k = j + mlen;
    if (int y = YearAt(k)) return AddDay(i, k, y, m, d);
    size_t first = (of && i > 0 && WordIs(i - 1, "the")) ? i - 1 : i;
    if (AddYearlessDay(first, k - 1, m, d) == 0) return 0;
    return k - i;
  }

  bool IsPercentOrUnit(size_t i) const {
    return PunctIs(i, "%") || WordIs(i, "percent") || WordIs(i, "am") || WordIs(i, "pm") ||
           WordIs(i, "a.m.") || WordIs(i, "p.m.");
  }

  size_t StartWithMid(size_t i) const {
    if (i >= 2 && PunctIs(i - 1, "-") && Glued(i) && (Low(i - 2) == "mid")) return i - 2;
    return i;
  }

  // A month name alone is a date after a cue ("in", "since", ...); the
  // names that are also common words or first names need one.
  bool MonthAloneOk(size_t i, int m) const {
    std::string_view p = Prev(i);
    static constexpr std::string_view kCues[] = {"in",    "since", "by",     "from", "until", "till",
                                                 "through", "during", "early", "late", "last", "next",
                                                 "this", "before", "after", "mid", "of", "between"};
    for (std::string_view c : kCues) {
      if (p == c) return true;
    }
    if ((p == "and" || p == "or" || p == "to") && i >= 2) {
      size_t len;
      bool abbr;
      if (MonthAt(i - 2, &len, &abbr) != 0) return true;
    }
    bool common = m == 3 || m == 4 || m == 5 || m == 6 || m == 8;
    return !common && !toks_[i].sentence_start;
  }

  size_t AddDay(size_t first, size_t last, int y, int m, int d) {
    year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                       std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return 0;
    size_t begin = first;
    ReplaceWeekday(begin);
    Add(begin, last, FormatDay(sys_days{ymd}), DateGranularity::kDay, false);
    return last + 1 - first;
  }

  // Includes a weekday just before ("Thursday, July 10").
  size_t ExtendWeekday(size_t first) const {
    size_t k = first;
    if (k >= 1 && PunctIs(k - 1, ",")) --k;
    if (k >= 1 && IsWord(k - 1) && WeekdayFromWord(Raw(k - 1)) >= 0 && !out_.empty() &&
        out_.back().span.begin == toks_[k - 1].span.begin) {
      return k - 1;
    }
    return first;
  }

  size_t AddYearlessDay(size_t first, size_t last, int m, int d) {
    const size_t consumed = last + 1 - first;
    if (!anchor_) {
      Add(first, last, "", DateGranularity::kDay, true);
      return last + 1 - first;
    }
    year_month_day a{*anchor_};
    int ay = static_cast<int>(a.year());
    Tense tense = TenseAround(first);
    std::optional<sys_days> best;
    for (int y = ay - 1; y <= ay + 1; ++y) {
      year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                         std::chrono::day{static_cast<unsigned>(d)}};
      if (!ymd.ok()) continue;
      sys_days c{ymd};
      if (tense == Tense::kPast && c > *anchor_) continue;
      if (tense == Tense::kFuture && c < *anchor_) continue;
      if (!best || Distance(c, *anchor_) < Distance(*best, *anchor_)) best = c;
    }
    if (!best) return 0;
    ReplaceWeekday(first);
    Add(first, last, FormatDay(*best), DateGranularity::kDay, true);
    return consumed;
  }

  // A weekday mention right before a yearless date is folded into it.
  void ReplaceWeekday(size_t& first) {
    size_t k = ExtendWeekday(first);
    if (k != first) {
      out_.pop_back();
      first = k;
    }
  }

  static int64_t Distance(sys_days a, sys_days b) {
    int64_t d = (a - b).count();
    return d < 0 ? -d : d;
  }

  size_t AddYearlessMonth(size_t first, size_t last, int m) {
    size_t begin = StartWithMid(first);
    if (!anchor_) {
      Add(begin, last, "", DateGranularity::kMonth, true);
      return last + 1 - first;
    }
    year_month_day a{*anchor_};
    int ay = static_cast<int>(a.year()), am = static_cast<int>(static_cast<unsigned>(a.month()));
    if (WordIs(last + 1, "of") && WordIs(last + 2, "this") && WordIs(last + 3, "year")) {
      Add(begin, last + 3, FormatMonth(ay, m), DateGranularity::kMonth, true);
      return last + 4 - first;
    }
    if (WordIs(last + 1, "of") && WordIs(last + 2, "last") && WordIs(last + 3, "year")) {
      Add(begin, last + 3, FormatMonth(ay - 1, m), DateGranularity::kMonth, true);
      return last + 4 - first;
    }
    std::string_view p = Prev(first);
    Tense tense = TenseAround(first);
    if (p == "last") tense = Tense::kPast;
    if (p == "next") tense = Tense::kFuture;
    int y = ay;
    if (tense == Tense::kPast && m > am) y = ay - 1;
    if (tense == Tense::kFuture && m < am) y = ay + 1;
    if (tense == Tense::kNone && m - am > 6) y = ay - 1;
    if (tense == Tense::kNone && am - m > 6) y = ay + 1;
    if ((p == "last" && m == am) ) y = ay - 1;
    if ((p == "next" && m == am)) y = ay + 1;
    if (p == "last" || p == "next" || p == "this") begin = first - 1;
    Add(begin, last, FormatMonth(y, m), DateGranularity::kMonth, true);
    return last + 1 - first;
  }

  // ---- relative forms ----

  // today, yesterday, tomorrow, tonight, this/last/next week|month|year,
  // earlier/later this week|month|year, this morning.
  size_t MatchDeictic(size_t i) {
    if (!IsWord(i)) return 0;
    // Capitalized inside a sentence, or in capitals, it is a name ("the
    // Tonight Show", "TODAY").
    if ((toks_[i].capitalized && !toks_[i].sentence_start && !PunctIs(i - 1, "\"") &&
         !PunctIs(i - 1, "\xE2\x80\x9C")) ||
        toks_[i].all_caps) {
      return 0;
    }
    std::string_view w = Low(i);
    if (w == "today" || w == "tonight") return AddOffsetDay(i, i, 0);
    if (w == "yesterday") return AddOffsetDay(i, i, -1);
    if (w == "tomorrow") return AddOffsetDay(i, i, 1);
    size_t j = i;
    if (w == "earlier" || w == "later" || w == "early" || w == "late") {
      if (!WordIs(i + 1, "this")) return 0;
      j = i + 1;
    }
    std::string_view which = Low(j);
    int delta;
    if (which == "this") {
      delta = 0;
    } else if (which == "last" || which == "past") {
      delta = -1;
    } else if (which == "next" || which == "coming") {
      delta = 1;
    } else {
      return 0;
    }
    if (which == "this" && WordIs(j + 1, "past") && WordIs(j + 2, "week")) {
      return AddPeriod(i, j + 2, DateGranularity::kWeek, -1);
    }
    std::string_view unit = Low(j + 1);
    if (unit == "week") return AddPeriod(i, j + 1, DateGranularity::kWeek, delta);
    if (unit == "month") return AddPeriod(i, j + 1, DateGranularity::kMonth, delta);
    if (unit == "year") return AddPeriod(i, j + 1, DateGranularity::kYear, delta);
    if (which == "this" && (unit == "morning" || unit == "afternoon" || unit == "evening")) {
      return AddOffsetDay(i, j + 1, 0);
    }
    if (which == "last" && unit == "night") return AddOffsetDay(i, j + 1, -1);
    return 0;
  }

  size_t AddOffsetDay(size_t first, size_t last, int offset) {
    std::string iso = anchor_ ? FormatDay(*anchor_ + days{offset}) : "";
    Add(first, last, std::move(iso), DateGranularity::kDay, true);
    return last + 1 - first;
  }

  size_t AddPeriod(size_t first, size_t last, DateGranularity g, int delta) {
    std::string iso;
    if (anchor_) iso = PeriodIso(*anchor_, g, delta);
    Add(first, last, std::move(iso), g, true);
    return last + 1 - first;
  }

  static std::string PeriodIso(sys_days anchor, DateGranularity g, int delta) {
    year_month_day a{anchor};
    int y = static_cast<int>(a.year()), m = static_cast<int>(static_cast<unsigned>(a.month()));
    switch (g) {
      case DateGranularity::kDay:
        return FormatDay(anchor + days{delta});
      case DateGranularity::kWeek:
        return FormatDay(MondayOf(anchor) + days{7 * delta});
      case DateGranularity::kMonth: {
        int idx = y * 12 + (m - 1) + delta;
        return FormatMonth(idx / 12, idx % 12 + 1);
      }
      case DateGranularity::kYear:
        return FormatYear(y + delta);
    }
    return "";
  }

  // "two days ago", "a week ago", "days earlier", "weeks ago".
  size_t MatchAgo(size_t i) {
    size_t j = i;
    int n = -1;
    bool vague = false;
    if (IsNum(i) && Raw(i).size() <= 3) {
      n = ToInt(Raw(i));
      j = i + 1;
    } else if (IsWord(i) && (n = SmallNumber(Low(i))) >= 0) {
      j = i + 1;
    } else if ((WordIs(i, "few") || WordIs(i, "several")) && IsWord(i + 1)) {
      vague = true;
      j = i + 1;
    } else {
      vague = true;
    }
    if (!IsWord(j)) return 0;
    std::string_view unit = Low(j);
    DateGranularity g;
    int unit_days;
    if (unit == "day" || unit == "days") {
      g = DateGranularity::kDay, unit_days = 1;
    } else if (unit == "week" || unit == "weeks") {
      g = DateGranularity::kWeek, unit_days = 7;
    } else if (unit == "month" || unit == "months") {
      g = DateGranularity::kMonth, unit_days = 30;
    } else if (unit == "year" || unit == "years") {
      g = DateGranularity::kYear, unit_days = 365;
    } else {
      return 0;
    }
    std::string_view after = Low(j + 1);
    bool ago = after == "ago";
    bool before = after == "before" && !IsWord(j + 2);
    if (!ago && after != "earlier" && !before) return 0;
    if (vague && !unit.ends_with("s")) return 0;
    if (n == 1 && unit.ends_with("s")) return 0;
    size_t first = i;
    bool approximate = vague || !ago;
    if (vague) n = 3;
    std::string iso;
    if (anchor_) {
      sys_days d = *anchor_ - days{static_cast<int64_t>(n) * unit_days};
      if (vague) g = Coarser(g);
      iso = Cut(d, g);
    } else if (vague) {
      g = Coarser(g);
    }
    Add(first, j + 1, std::move(iso), g, true, approximate);
    return j + 2 - i;
  }

  static DateGranularity Coarser(DateGranularity g) {
    switch (g) {
      case DateGranularity::kDay:
        return DateGranularity::kWeek;
      case DateGranularity::kWeek:
        return DateGranularity::kMonth;
      default:
        return DateGranularity::kYear;
    }
  }

  static std::string Cut(sys_days d, DateGranularity g) {
    year_month_day ymd{d};
    int y = static_cast<int>(ymd.year()), m = static_cast<int>(static_cast<unsigned>(ymd.month()));
    switch (g) {
      case DateGranularity::kDay:
        return FormatDay(d);
      case DateGranularity::kWeek:
        return FormatDay(MondayOf(d));
      case DateGranularity::kMonth:
        return FormatMonth(y, m);
      case DateGranularity::kYear:
        return FormatYear(y);
    }
    return "";
  }

  // "Thursday", "last Tuesday", "next Monday", "this Friday".
  size_t MatchWeekday(size_t i) {
    if (!IsWord(i) || !toks_[i].capitalized) return 0;
    int wd = WeekdayFromWord(Raw(i));
    if (wd < 0) return 0;
    std::string_view p = Prev(i);
    size_t first = (p == "last" || p == "next" || p == "this") ? i - 1 : i;
    if (!anchor_) {
      Add(first, i, "", DateGranularity::kDay, true);
      return 1;
    }
    int aw = WeekdayOf(*anchor_);
    int back = (aw - wd + 7) % 7;  // days back to the same weekday, 0..6
    sys_days d;
    if (p == "last") {
      d = *anchor_ - days{back == 0 ? 7 : back};
    } else if (p == "next") {
      d = *anchor_ + days{(wd - aw + 7) % 7 == 0 ? 7 : (wd - aw + 7) % 7};
    } else if (p == "this") {
      d = MondayOf(*anchor_) + days{(wd + 6) % 7};
    } else if (TenseAround(i) == Tense::kFuture) {
      d = *anchor_ + days{(wd - aw + 7) % 7};
    } else {
      d = *anchor_ - days{back};
    }
    Add(first, i, FormatDay(d), DateGranularity::kDay, true);
    return 1;
  }

  // "in 2024", "since 2022", "by 2030".
  size_t MatchYear(size_t i) {
    int y = YearAt(i);
    if (y == 0) return 0;
    if (Glued(i + 1) && (IsWord(i + 1) || PunctIs(i + 1, "-"))) return 0;  // 1990s, 2025-26
    std::string_view p = Prev(i);
    static constexpr std::string_view kCues[] = {"in", "since", "by",   "from",  "until",  "till",
                                                 "through", "during", "of", "early", "late", "mid",
                                                 "year", "before", "after", "around", "between", "and"};
    bool cue = false;
    for (std::string_view c : kCues) cue = cue || p == c;
    if (!cue) return 0;
    if (p == "and" && !(i >= 2 && YearAt(i - 2))) return 0;
    if (IsWord(i + 1) && !toks_[i + 1].capitalized && Low(i + 1).size() > 3 &&
        Low(i + 1).back() == 's') {
      return 0;  // "in 2000 cases": a count
    }
    Add(i, i, FormatYear(y), DateGranularity::kYear, false);
    return 1;
  }

  std::string_view text_;
  const std::vector<LexToken>& toks_;
  std::optional<sys_days> anchor_;
  std::string anchor_str_;
  std::string lowered_;  // ASCII lower case copy of text_, same offsets
  std::vector<uint32_t> sentence_;      // first token of each token's sentence
  std::vector<uint32_t> sentence_end_;  // last token of each token's sentence
  std::vector<DateMention> out_;
};

}  // namespace

std::string_view GranularityName(DateGranularity g) {
  switch (g) {
    case DateGranularity::kDay:
      return "day";
    case DateGranularity::kWeek:
      return "week";
    case DateGranularity::kMonth:
      return "month";
    case DateGranularity::kYear:
      return "year";
  }
  return "day";
}

std::string IsoValue(const DateMention& m) {
  if (m.granularity != DateGranularity::kWeek || m.iso.empty()) return m.iso;
  std::optional<sys_days> monday = ParseIsoDay(m.iso);
  if (!monday) return "";
  // The ISO week's year is the year of its Thursday.
  sys_days thursday = *monday + days{3};
  year_month_day t{thursday};
  sys_days jan1{year_month_day{t.year(), std::chrono::January, std::chrono::day{1}}};
  int week = static_cast<int>((thursday - jan1).count() / 7) + 1;
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-W%02d", static_cast<int>(t.year()), week);
  return buf;
}

std::vector<DateMention> DateResolver::Extract(std::string_view text, std::string_view anchor_iso) {
  std::vector<LexToken> tokens = WordLexer::Lex(text);
  return Extract(text, tokens, anchor_iso);
}

std::vector<DateMention> DateResolver::Extract(std::string_view text,
                                               const std::vector<LexToken>& tokens,
                                               std::string_view anchor_iso) {
  return Parser(text, tokens, anchor_iso).Run();
}

std::string_view DateResolver::AnchorFor(const Article& article, std::string_view story_anchor) {
  if (ParseIsoDay(article.published.iso)) return std::string_view(article.published.iso).substr(0, 10);
  return story_anchor;
}

}  // namespace storyfuse
