#include "analyze/date_resolver.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string_view>
#include <utility>

#include "analyze/date_tense.h"
#include "analyze/date_words.h"
#include "analyze/lexed_text.h"
#include "text/short_word_set.h"

namespace storyfuse {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

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

std::optional<sys_days> MakeDay(int y, int m, int d) {
  year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                     std::chrono::day{static_cast<unsigned>(d)}};
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
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string FormatMonth(int y, int m) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
  return buf;
}

std::string FormatYear(int y) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d", y);
  return buf;
}

int YearOf(sys_days d) { return static_cast<int>(year_month_day{d}.year()); }
int MonthOf(sys_days d) { return static_cast<int>(static_cast<unsigned>(year_month_day{d}.month())); }

int WeekdayOf(sys_days d) { return static_cast<int>(std::chrono::weekday{d}.c_encoding()); }

sys_days MondayOf(sys_days d) { return d - days{(WeekdayOf(d) + 6) % 7}; }

int64_t Distance(sys_days a, sys_days b) {
  int64_t d = (a - b).count();
  return d < 0 ? -d : d;
}

// `d` cut to granularity `g` (a week as its Monday).
std::string Cut(sys_days d, DateGranularity g) {
  switch (g) {
    case DateGranularity::kDay:
      return FormatDay(d);
    case DateGranularity::kWeek:
      return FormatDay(MondayOf(d));
    case DateGranularity::kMonth:
      return FormatMonth(YearOf(d), MonthOf(d));
    case DateGranularity::kYear:
      return FormatYear(YearOf(d));
  }
  return "";
}

// The period of granularity `g` that is `delta` periods from the one
// holding `d`, cut to `g`.
std::string Shift(sys_days d, DateGranularity g, int delta) {
  switch (g) {
    case DateGranularity::kDay:
      return FormatDay(d + days{delta});
    case DateGranularity::kWeek:
      return FormatDay(MondayOf(d) + days{7 * delta});
    case DateGranularity::kMonth: {
      int idx = YearOf(d) * 12 + (MonthOf(d) - 1) + delta;
      return FormatMonth(idx / 12, idx % 12 + 1);
    }
    case DateGranularity::kYear:
      return FormatYear(YearOf(d) + delta);
  }
  return "";
}

// The first and last day of the period `iso` names at granularity `g`.
std::optional<sys_days> PeriodStart(std::string_view iso, DateGranularity g) {
  if (g == DateGranularity::kDay || g == DateGranularity::kWeek) return ParseIsoDay(iso);
  if (g == DateGranularity::kMonth && iso.size() == 7) return ParseIsoDay(std::string(iso) + "-01");
  if (g == DateGranularity::kYear && iso.size() == 4) return ParseIsoDay(std::string(iso) + "-01-01");
  return std::nullopt;
}

std::optional<sys_days> PeriodEnd(std::string_view iso, DateGranularity g) {
  std::optional<sys_days> start = PeriodStart(iso, g);
  if (!start) return std::nullopt;
  switch (g) {
    case DateGranularity::kDay:
      return start;
    case DateGranularity::kWeek:
      return *start + days{6};
    case DateGranularity::kMonth: {
      year_month_day s{*start};
      return sys_days{std::chrono::year_month_day_last{s.year(), std::chrono::month_day_last{s.month()}}};
    }
    case DateGranularity::kYear:
      return MakeDay(YearOf(*start), 12, 31);
  }
  return std::nullopt;
}

// Small cardinal words for "two days ago".
int SmallNumber(std::string_view w) {
  static constexpr std::string_view kWords[] = {"zero",  "one",   "two",  "three", "four",   "five",  "six",
                                                "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  for (int i = 0; i < 13; ++i) {
    if (w == kWords[i]) return i;
  }
  if (w == "a" || w == "an") return 1;
  return -1;
}

// "day"/"days" -> kDay, ... ; false for other words.
bool UnitOf(std::string_view w, DateGranularity* g) {
  if (w == "day" || w == "days") return *g = DateGranularity::kDay, true;
  if (w == "week" || w == "weeks") return *g = DateGranularity::kWeek, true;
  if (w == "month" || w == "months") return *g = DateGranularity::kMonth, true;
  if (w == "year" || w == "years") return *g = DateGranularity::kYear, true;
  return false;
}

// The period "that ..." or "the next ..." points to: a day, week, month
// or year, or a part of a day ("the next morning" is a day).
bool AnaphorUnit(std::string_view w, DateGranularity* g) {
  if (w == "morning" || w == "afternoon" || w == "evening" || w == "night") return *g = DateGranularity::kDay, true;
  return UnitOf(w, g) && !w.ends_with("s");
}

// Whether a date of granularity `have` can stand for one of `want`:
// "that day" needs a day, "that year" takes any date.
bool FineEnough(DateGranularity have, DateGranularity want) {
  return static_cast<int>(have) <= static_cast<int>(want) &&
         !(have == DateGranularity::kWeek && want == DateGranularity::kMonth);
}

// Glued prefixes of a year: "mid-1998", "post-1959".
const ShortWordSet& YearPrefixes() {
  static const auto* kWords = new ShortWordSet{"mid", "pre", "post", "early", "late"};
  return *kWords;
}

// Words before a bare year that make it a date only when the year closes
// its phrase ("for 1998.", but "for 2000 people").
bool WeakYearCue(std::string_view w) { return w == "for" || w == "over"; }

// Words before a bare year that make it a date ("in 2024", "the 2024
// election"); a year alone is too often a count ("2000 workers").
const ShortWordSet& YearCues() {
  static const auto* kWords =
      new ShortWordSet{"in",  "since",  "by",     "from",   "until", "till",   "through", "throughout", "during",
                       "of",  "early",  "late",   "mid",    "year",  "before", "after",   "around",     "between",
                       "and", "to",     "the",    "a",      "an",    "his",    "her",     "its",        "their",
                       "our", "summer", "spring", "winter", "fall",  "autumn", "fiscal",  "into"};
  return *kWords;
}

class Parser {
 public:
  // At most this many tokens between a time and its day ("10 a.m. on
  // Friday", "Friday, at noon") make the two one date.
  static constexpr size_t kAdjacentGap = 2;
  // Mentions looked at on each side of a time for its day: the day is
  // next to it or one mention away; a fixed number keeps the pass linear.
  static constexpr size_t kDayNeighbours = 3;

  Parser(const LexedText& lexed, std::string_view anchor_iso) : t_(lexed) {
    anchor_ = ParseIsoDay(anchor_iso);
    if (anchor_) anchor_str_ = FormatDay(*anchor_);
  }

  std::vector<DateMention> Run() {
    size_t i = 0;
    while (i < t_.size()) {
      size_t used = MatchAt(i);
      i += used > 0 ? used : 1;
    }
    AssignRoles();
    DateTimesOfDay();
    return std::move(out_);
  }

 private:
  // Where a mention lies in the tokens, for the role pass.
  struct TokenRange {
    uint32_t first;
    uint32_t last;
  };
  // The date a narrative reference ("that day", "the next day") points to.
  struct Reference {
    sys_days day;
    DateGranularity granularity;
  };

  // Tries every form at token `i`; returns the tokens consumed (0: none).
  size_t MatchAt(size_t i) {
    if (!MayStartDate(i)) return 0;
    if (size_t n = MatchIso(i)) return n;
    if (size_t n = MatchHoliday(i)) return n;
    if (size_t n = MatchMonthFirst(i)) return n;
    if (size_t n = MatchDayFirst(i)) return n;
    if (size_t n = MatchWeekOf(i)) return n;
    if (size_t n = MatchAnaphoric(i)) return n;
    if (size_t n = MatchDeictic(i)) return n;
    if (size_t n = MatchTheYear(i)) return n;
    if (size_t n = MatchAgo(i)) return n;
    if (size_t n = MatchWeekday(i)) return n;
    if (size_t n = MatchTimeOfDay(i)) return n;
    return MatchYear(i);
  }

  // Cheap filter: numbers, capitalized words, and the few lower-case
  // words that open relative dates.
  bool MayStartDate(size_t i) const {
    const LexToken& tok = t_.at(i);
    if (tok.kind == LexKind::kNumber) return true;
    if (tok.kind != LexKind::kWord) return false;
    if (tok.capitalized) return true;
    static const auto* kStarts = new ShortWordSet{
        "today", "tonight", "yesterday", "tomorrow", "earlier", "later", "early", "late",   "this",   "last",
        "past",  "next",    "coming",    "few",      "several", "a",     "an",    "one",    "two",    "three",
        "four",  "five",    "six",       "seven",    "eight",   "nine",  "ten",   "eleven", "twelve", "days",
        "weeks", "months",  "years",     "the",      "mid",     "that",  "noon",  "midday"};
    return kStarts->Contains(t_.Low(i));
  }

  // ---- token helpers ----
  bool IsWord(size_t i) const { return t_.IsWord(i); }
  bool IsNum(size_t i) const { return t_.IsNum(i); }
  std::string_view Raw(size_t i) const { return t_.Raw(i); }
  std::string_view Low(size_t i) const { return t_.Low(i); }
  bool Glued(size_t i) const { return t_.Glued(i); }
  bool WordIs(size_t i, std::string_view w) const { return t_.WordIs(i, w); }
  bool PunctIs(size_t i, std::string_view p) const { return t_.PunctIs(i, p); }
  std::string_view Prev(size_t i, size_t back = 1) const { return t_.Prev(i, back); }

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
    if (!t_.Capitalized(i)) return 0;
    int m = MonthFromWord(Raw(i), abbreviated);
    if (m == 0) return 0;
    *len = (*abbreviated && PunctIs(i + 1, ".") && Glued(i + 1)) ? 2 : 1;
    return m;
  }
  bool IsPercentOrUnit(size_t i) const {
    return PunctIs(i, "%") || WordIs(i, "percent") || WordIs(i, "am") || WordIs(i, "pm") || WordIs(i, "a.m.") ||
           WordIs(i, "p.m.");
  }
  // Punctuation or the text's end at `i`: the phrase before it is closed.
  bool ClosesPhrase(size_t i) const { return !IsWord(i) && !IsNum(i); }
  bool IsClock(size_t j) const { return PunctIs(j + 1, ":") && IsNum(j + 2) && Glued(j + 1) && Glued(j + 2); }

  // The tense that resolves the date at [first, last]. A date that names
  // a thing ("the Jan. 14 deadline") is not dated by its clause's verb.
  Tense TenseOf(size_t first, size_t last) const {
    if (DateRoles::NamesAThing(t_, first, last)) return DateTense::OfPhrase(t_, first, last);
    return DateTense::Around(t_, first, last);
  }

  void Add(size_t first, size_t last, std::string iso, DateGranularity g, bool relative, bool approximate = false) {
    DateMention m;
    m.span = t_.SpanOf(first, last);
    m.sentence = t_.SpanOf(t_.SentenceBegin(first), t_.SentenceEnd(first));
    m.granularity = g;
    m.relative = relative;
    m.approximate = approximate;
    if (relative) m.anchor = anchor_str_;
    if (!iso.empty() && !approximate) {
      if (std::optional<sys_days> start = PeriodStart(iso, g)) reference_ = Reference{*start, g};
    }
    m.iso = std::move(iso);
    out_.push_back(std::move(m));
    ranges_.push_back({static_cast<uint32_t>(first), static_cast<uint32_t>(last)});
  }

  void PopLast() {
    out_.pop_back();
    ranges_.pop_back();
  }

  // ---- absolute forms ----

  // 2025-07-10
  size_t MatchIso(size_t i) {
    if (!YearAt(i) || !PunctIs(i + 1, "-") || !IsNum(i + 2) || !PunctIs(i + 3, "-") || !IsNum(i + 4)) return 0;
    if (!Glued(i + 1) || !Glued(i + 2) || !Glued(i + 3) || !Glued(i + 4)) return 0;
    if (Raw(i + 2).size() != 2 || Raw(i + 4).size() != 2) return 0;
    std::optional<sys_days> d = MakeDay(YearAt(i), ToInt(Raw(i + 2)), ToInt(Raw(i + 4)));
    if (!d) return 0;
    Add(i, i + 4, FormatDay(*d), DateGranularity::kDay, false);
    return 5;
  }

  // "July 10, 2025", "July 10th", "July 2025", "in July", "mid-July",
  // "June 3-5", "June 3 to 5, 2025".
  size_t MatchMonthFirst(size_t i) {
    size_t mlen;
    bool abbr;
    int m = MonthAt(i, &mlen, &abbr);
    if (m == 0) return 0;
    size_t j = i + mlen;
    if (int d = DayAt(j); d > 0 && !IsClock(j) && !IsPercentOrUnit(j + 1)) {
      size_t last = j + OrdinalSuffix(j + 1);
      size_t second_at = 0;
      int d2 = RangeEndAt(last + 1, &second_at);
      size_t after = d2 > 0 ? second_at + 1 + OrdinalSuffix(second_at + 1) : last + 1;
      size_t k = after;
      if (PunctIs(k, ",")) ++k;
      int y = YearAt(k);
      if (d2 == 0) return y ? AddDay(i, k, y, m, d) : AddYearlessDay(i, last, m, d);
      // A range: both ends share the year written after the second one.
      size_t year_last = y ? k : after - 1;
      size_t used = y ? AddDay(i, last, y, m, d) : AddYearlessDay(i, last, m, d);
      if (used == 0) return 0;
      std::optional<sys_days> start = ParseIsoDay(out_.back().iso);
      std::optional<sys_days> end = start ? MakeDay(YearOf(*start), m, d2) : std::nullopt;
      Add(second_at, year_last, end ? FormatDay(*end) : "", DateGranularity::kDay, y == 0);
      return year_last + 1 - i;
    }
    size_t year_at = WordIs(j, "of") ? j + 1 : j;  // "May 1998", "May of 1998"
    if (int y = YearAt(year_at)) {
      Add(StartWithMid(i), year_at, FormatMonth(y, m), DateGranularity::kMonth, false);
      return year_at + 1 - i;
    }
    if (abbr || !MonthAloneOk(i, m)) return 0;
    return AddYearlessMonth(i, j - 1, m);
  }

  // The day that closes a range after a day ("-5", "to 5", "through 5"),
  // or a second day ("April 24 and 25", "on May 3 or 4"), with `*at` its
  // token; 0 when there is none.
  int RangeEndAt(size_t k, size_t* at) const {
    bool dash = (PunctIs(k, "-") || PunctIs(k, "\xE2\x80\x93")) && Glued(k + 1);
    bool pair = WordIs(k, "and") || WordIs(k, "or");
    if (!dash && !pair && !WordIs(k, "to") && !WordIs(k, "through")) return 0;
    int d = DayAt(k + 1);
    size_t mlen;
    bool abbr;
    if (d == 0 || IsClock(k + 1) || IsPercentOrUnit(k + 2) || MonthAt(k + 2, &mlen, &abbr) != 0) return 0;
    // After "and"/"or" a number is as often a count ("on May 3 and 25
    // people died"): a second day closes its phrase or takes the year.
    if (pair && !ClosesPhrase(k + 2) && YearAt(PunctIs(k + 2, ",") ? k + 3 : k + 2) == 0) return 0;
    *at = k + 1;
    return d;
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

  size_t StartWithMid(size_t i) const {
    if (i >= 2 && PunctIs(i - 1, "-") && Glued(i) && (Low(i - 2) == "mid")) return i - 2;
    return i;
  }

  // A month name alone is a date after a cue ("in", "since", ...); the
  // names that are also common words or first names need one.
  bool MonthAloneOk(size_t i, int m) const {
    std::string_view p = Prev(i);
    static const auto* kCues =
        new ShortWordSet{"in",   "since", "by",   "from", "until",  "till",  "through", "during", "early",
                         "late", "last",  "next", "this", "before", "after", "mid",     "of",     "between"};
    if (kCues->Contains(p)) return true;
    if ((p == "and" || p == "or" || p == "to") && i >= 2) {
      size_t len;
      bool abbr;
      if (MonthAt(i - 2, &len, &abbr) != 0) return true;
    }
    // "mid-August": the prefix makes any month a date.
    if (StartWithMid(i) != i) return true;
    // "the August bombings", "the May elections": a month between "the"
    // and a lower-case noun modifies it as a date; as a name or a word it
    // would be followed by a capital or stand alone ("the March on ...").
    size_t len;
    bool abbr;
    MonthAt(i, &len, &abbr);
    if ((p == "the" || p == "that") && IsWord(i + len) && !t_.Capitalized(i + len)) return true;
    // "elections set for April.": "for" takes names too ("a gift for
    // April Smith"), so the month must close its phrase.
    if (p == "for" && !IsWord(i + len)) return true;
    bool common = m == 3 || m == 4 || m == 5 || m == 6 || m == 8;
    return !common && !t_.at(i).sentence_start;
  }

  size_t AddDay(size_t first, size_t last, int y, int m, int d) {
    std::optional<sys_days> day = MakeDay(y, m, d);
    if (!day) return 0;
    size_t begin = first;
    ReplaceWeekday(begin);
    Add(begin, last, FormatDay(*day), DateGranularity::kDay, false);
    return last + 1 - first;
  }

  // Includes a weekday just before ("Thursday, July 10").
  size_t ExtendWeekday(size_t first) const {
    size_t k = first;
    if (k >= 1 && PunctIs(k - 1, ",")) --k;
    if (k >= 1 && IsWord(k - 1) && WeekdayFromWord(Raw(k - 1)) >= 0 && !out_.empty() && ranges_.back().first == k - 1) {
      return k - 1;
    }
    return first;
  }

  // A weekday mention right before a date is folded into it.
  void ReplaceWeekday(size_t& first) {
    size_t k = ExtendWeekday(first);
    if (k != first) {
      PopLast();
      first = k;
    }
  }

  // Among the days `day_in(year)` of the years around the anchor's, the
  // one the tense allows, nearest to the anchor. `relation` -1 forces
  // strictly before the anchor ("last Christmas"), +1 strictly after.
  template <typename DayIn>
  std::optional<sys_days> NearestYear(DayIn day_in, Tense tense, int relation) const {
    int ay = YearOf(*anchor_);
    std::optional<sys_days> best;
    for (int y = ay - 1; y <= ay + 1; ++y) {
      std::optional<sys_days> c = day_in(y);
      if (!c) continue;
      if (relation < 0 && *c >= *anchor_) continue;
      if (relation > 0 && *c <= *anchor_) continue;
      if (relation == 0 && tense == Tense::kPast && *c > *anchor_) continue;
      if (relation == 0 && tense == Tense::kFuture && *c < *anchor_) continue;
      if (!best || Distance(*c, *anchor_) < Distance(*best, *anchor_)) best = c;
    }
    return best;
  }

  // "this year", "of last year", "next year" right after a date's last
  // token `last`: the year that date lies in, as `*delta` years from the
  // anchor's. Returns the phrase's last token, 0 when there is none. One
  // date with the month or day before it ("in February this year", "in
  // April next year"), which annotators and readers take as one.
  size_t RelativeYearAfter(size_t last, int* delta) const {
    size_t k = WordIs(last + 1, "of") ? last + 2 : last + 1;
    if (!WordIs(k + 1, "year")) return 0;
    static constexpr std::pair<std::string_view, int> kYears[] = {{"this", 0}, {"last", -1}, {"next", 1}};
    for (const auto& [word, years] : kYears) {
      if (WordIs(k, word)) {
        *delta = years;
        return k + 1;
      }
    }
    return 0;
  }

  size_t AddYearlessDay(size_t first, size_t last, int m, int d) {
    const size_t consumed = last + 1 - first;
    if (!anchor_) {
      ReplaceWeekday(first);
      Add(first, last, "", DateGranularity::kDay, true);
      return consumed;
    }
    int delta;
    if (size_t year_last = RelativeYearAfter(last, &delta)) {
      std::optional<sys_days> day = MakeDay(YearOf(*anchor_) + delta, m, d);
      if (!day) return 0;
      ReplaceWeekday(first);
      Add(first, year_last, FormatDay(*day), DateGranularity::kDay, true);
      return year_last + 1 - first;
    }
    std::optional<sys_days> best;
    // "Monday, Oct. 26": the weekday says which year, when one fits.
    if (size_t w = ExtendWeekday(first); w != first) {
      int weekday = WeekdayFromWord(Raw(w));
      best = NearestYear(
          [&](int y) {
            std::optional<sys_days> c = MakeDay(y, m, d);
            return c && WeekdayOf(*c) == weekday ? c : std::nullopt;
          },
          Tense::kNone, /*relation=*/0);
    }
    if (!best) best = NearestYear([&](int y) { return MakeDay(y, m, d); }, TenseOf(first, last), /*relation=*/0);
    if (!best) return 0;
    ReplaceWeekday(first);
    Add(first, last, FormatDay(*best), DateGranularity::kDay, true);
    return consumed;
  }

  size_t AddYearlessMonth(size_t first, size_t last, int m) {
    size_t begin = StartWithMid(first);
    if (!anchor_) {
      Add(begin, last, "", DateGranularity::kMonth, true);
      return last + 1 - first;
    }
    int ay = YearOf(*anchor_), am = MonthOf(*anchor_);
    int delta;
    if (size_t year_last = RelativeYearAfter(last, &delta)) {
      Add(begin, year_last, FormatMonth(ay + delta, m), DateGranularity::kMonth, true);
      return year_last + 1 - first;
    }
    std::string_view p = Prev(first);
    Tense tense = TenseOf(first, last);
    if (p == "last") tense = Tense::kPast;
    if (p == "next") tense = Tense::kFuture;
    int y = ay;
    if (tense == Tense::kPast && m > am) y = ay - 1;
    if (tense == Tense::kFuture && m < am) y = ay + 1;
    // Without a tense, the nearer year; half a year either way is read
    // as past, which news reports more often than the future.
    if (tense == Tense::kNone && m - am >= 6) y = ay - 1;
    if (tense == Tense::kNone && am - m > 6) y = ay + 1;
    if (p == "last" && m == am) y = ay - 1;
    if (p == "next" && m == am) y = ay + 1;
    if (p == "last" || p == "next" || p == "this") begin = first - 1;
    Add(begin, last, FormatMonth(y, m), DateGranularity::kMonth, true);
    return last + 1 - first;
  }

  // ---- holidays ----

  // The holiday named at `i` and its token count, or kNone.
  Holiday HolidayAt(size_t i, size_t* len) const {
    *len = 0;
    if (!t_.Capitalized(i)) return Holiday::kNone;
    std::string_view w = Low(i);
    auto day_after = [&](size_t k) { return t_.Capitalized(k) && WordIs(k, "day"); };
    auto possessive = [&](size_t k) { return t_.InRange(k) && t_.at(k).kind == LexKind::kPossessive; };
    if (w == "christmas") {
      if (t_.Capitalized(i + 1) && WordIs(i + 1, "eve")) return *len = 2, Holiday::kChristmasEve;
      *len = day_after(i + 1) ? 2 : 1;
      return Holiday::kChristmas;
    }
    if (w == "new" && WordIs(i + 1, "year") && possessive(i + 2)) {
      std::string_view p = Prev(i);
      if (p == "lunar" || p == "chinese" || p == "jewish" || p == "persian") return Holiday::kNone;
      if (t_.Capitalized(i + 3) && WordIs(i + 3, "eve")) return *len = 4, Holiday::kNewYearsEve;
      *len = day_after(i + 3) ? 4 : 3;
      return Holiday::kNewYearsDay;
    }
    if (w == "valentine" && possessive(i + 1) && day_after(i + 2)) return *len = 3, Holiday::kValentinesDay;
    if (w == "good" && t_.Capitalized(i + 1) && WordIs(i + 1, "friday")) return *len = 2, Holiday::kGoodFriday;
    if (w == "easter") {
      // "Easter Island", "the Easter Rising": a capitalized word other
      // than Sunday makes it a name.
      if (t_.Capitalized(i + 1) && !WordIs(i + 1, "sunday")) return Holiday::kNone;
      *len = WordIs(i + 1, "sunday") ? 2 : 1;
      return Holiday::kEaster;
    }
    if (w == "memorial" && day_after(i + 1)) return *len = 2, Holiday::kMemorialDay;
    if (w == "election" && day_after(i + 1)) return *len = 2, Holiday::kElectionDay;
    if ((w == "labor" || w == "labour") && day_after(i + 1)) return *len = 2, Holiday::kLaborDay;
    if (w == "veterans") {
      size_t k = i + 1 + ((possessive(i + 1) || PunctIs(i + 1, "'") || PunctIs(i + 1, "\xE2\x80\x99")) ? 1 : 0);
      if (day_after(k)) return *len = k + 1 - i, Holiday::kVeteransDay;
    }
    if (w == "thanksgiving") {
      *len = day_after(i + 1) ? 2 : 1;
      return Holiday::kThanksgiving;
    }
    if (w == "halloween") return *len = 1, Holiday::kHalloween;
    if (w == "boxing" && day_after(i + 1)) return *len = 2, Holiday::kBoxingDay;
    if (w == "fourth" && WordIs(i + 1, "of") && t_.Capitalized(i + 2) && WordIs(i + 2, "july")) {
      return *len = 3, Holiday::kFourthOfJuly;
    }
    if (w == "july" && t_.Capitalized(i + 1) && WordIs(i + 1, "fourth")) return *len = 2, Holiday::kFourthOfJuly;
    return Holiday::kNone;
  }

  // "Thanksgiving", "last Christmas", "Christmas 1998", "New Year's Eve".
  size_t MatchHoliday(size_t i) {
    size_t len;
    Holiday h = HolidayAt(i, &len);
    if (h == Holiday::kNone) return 0;
    size_t last = i + len - 1;
    auto day_in = [h](int y) {
      MonthDay md = HolidayIn(h, y);
      return MakeDay(y, md.month, md.day);
    };
    if (int y = YearAt(last + 1)) {
      std::optional<sys_days> d = day_in(y);
      if (!d) return 0;
      Add(i, last + 1, FormatDay(*d), DateGranularity::kDay, false);
      return len + 1;
    }
    std::string_view p = Prev(i);
    size_t first = (p == "last" || p == "next" || p == "this") ? i - 1 : i;
    if (!anchor_) {
      Add(first, last, "", DateGranularity::kDay, true);
      return len;
    }
    std::optional<sys_days> d;
    if (p == "this") {
      d = day_in(YearOf(*anchor_));
    } else {
      d = NearestYear(day_in, TenseOf(first, last), p == "last" ? -1 : p == "next" ? 1 : 0);
    }
    if (!d) return 0;
    Add(first, last, FormatDay(*d), DateGranularity::kDay, true);
    return len;
  }

  // ---- relative forms ----

  // A capitalized word is a date word only where a sentence or a quote
  // opens; elsewhere it is a name ("the Tonight Show"). Capitals
  // throughout are a name too ("TODAY").
  bool DeicticCaseOk(size_t i) const {
    const LexToken& tok = t_.at(i);
    if (tok.all_caps) return false;
    if (!tok.capitalized || tok.sentence_start) return true;
    return i > 0 && t_.IsPunct(i - 1) && Glued(i) && !PunctIs(i - 1, ".");
  }

  // "the week of July 7": the week holding that day.
  size_t MatchWeekOf(size_t i) {
    if (!WordIs(i, "the") || !WordIs(i + 1, "week") || !WordIs(i + 2, "of")) return 0;
    // Only the day forms, which never recurse: "the week of the week
    // of ..." must not nest calls.
    size_t used = MatchDayForm(i + 3);
    if (used == 0) return 0;
    DateMention inner = out_.back();
    if (inner.granularity != DateGranularity::kDay) return 3 + used;  // "the week of May 2025"
    PopLast();
    std::optional<sys_days> d = ParseIsoDay(inner.iso);
    Add(i, i + 2 + used, d ? FormatDay(MondayOf(*d)) : "", DateGranularity::kWeek, inner.relative);
    return 3 + used;
  }

  // Dates that point to a date the text has just given: "that day",
  // "later that year", "the same day", "the next day", "the following
  // week", "the day before", "a year earlier", "three days later".
  size_t MatchAnaphoric(size_t i) {
    if (!IsWord(i) || !DeicticCaseOk(i)) return 0;
    size_t j = i;
    if (WordIs(j, "earlier") || WordIs(j, "later")) ++j;
    int delta = 0;
    size_t last = 0;
    DateGranularity g;
    if (WordIs(j, "that")) {
      size_t k = j + 1 + (WordIs(j + 1, "same") ? 1 : 0);
      if (!AnaphorUnit(Low(k), &g)) return 0;
      last = k;
    } else if (j == i && WordIs(i, "the")) {
      std::string_view w = Low(i + 1);
      if (w == "same" || w == "next" || w == "following" || w == "previous") {
        if (!AnaphorUnit(Low(i + 2), &g)) return 0;
        delta = w == "same" ? 0 : w == "previous" ? -1 : 1;
        last = i + 2;
      } else if (UnitOf(w, &g) && !w.ends_with("s") && (WordIs(i + 2, "before") || WordIs(i + 2, "after"))) {
        delta = WordIs(i + 2, "before") ? -1 : 1;
        if (IsWord(i + 3) || IsNum(i + 3)) return MatchShiftedDate(i, g, delta);
        last = i + 2;  // "the day before." (but not "the day before the vote")
      } else {
        return 0;
      }
    } else {
      return MatchCountedShift(i);
    }
    if (!reference_ || !FineEnough(reference_->granularity, g)) return 0;
    Add(i, last, Shift(reference_->day, g, delta), g, true);
    return last + 1 - i;
  }

  // "the day before Thanksgiving", "the week after July 4": the date at
  // i + 3, shifted. Only the day forms are tried, which never recurse.
  size_t MatchShiftedDate(size_t i, DateGranularity g, int delta) {
    size_t used = MatchDayForm(i + 3);
    if (used == 0) return 0;
    DateMention inner = out_.back();
    if (inner.granularity != DateGranularity::kDay) return 3 + used;
    PopLast();
    std::optional<sys_days> d = ParseIsoDay(inner.iso);
    Add(i, i + 2 + used, d ? Shift(*d, g, delta) : "", g, inner.relative);
    return 3 + used;
  }

  // A day-granular form at `i` (ISO, month-day, day-month, holiday,
  // weekday): the forms that "the week of" and "the day before" take.
  size_t MatchDayForm(size_t i) {
    if (!t_.InRange(i) || !MayStartDate(i)) return 0;
    if (WordIs(i, "last") || WordIs(i, "next") || WordIs(i, "this")) {
      // "last Tuesday", "next Christmas": the matchers read the word
      // before them.
      size_t n = MatchHoliday(i + 1);
      if (n == 0) n = MatchWeekday(i + 1);
      return n == 0 ? 0 : n + 1;
    }
    if (size_t n = MatchIso(i)) return n;
    if (size_t n = MatchHoliday(i)) return n;
    if (size_t n = MatchMonthFirst(i)) return n;
    if (size_t n = MatchDayFirst(i)) return n;
    return MatchWeekday(i);
  }

  // "a year earlier", "three days later": counted from the date the text
  // has just given (the annotators' and readers' reading), else from the
  // anchor.
  size_t MatchCountedShift(size_t i) {
    int n = IsNum(i) && Raw(i).size() <= 2 ? ToInt(Raw(i)) : SmallNumber(Low(i));
    if (n <= 0) return 0;
    DateGranularity g;
    if (!UnitOf(Low(i + 1), &g) || (n == 1) == Low(i + 1).ends_with("s")) return 0;
    bool earlier = WordIs(i + 2, "earlier"), later = WordIs(i + 2, "later");
    if (!earlier && !later) return 0;
    std::optional<sys_days> from =
        reference_ && FineEnough(reference_->granularity, g) ? std::optional<sys_days>(reference_->day) : anchor_;
    if (!from) return 0;
    Add(i, i + 2, Shift(*from, g, earlier ? -n : n), g, true);
    return 3;
  }

  // today, yesterday, tomorrow, tonight, this/last/next week|month|year,
  // earlier/later this week|month|year, this morning.
  size_t MatchDeictic(size_t i) {
    if (!IsWord(i) || !DeicticCaseOk(i)) return 0;
    std::string_view w = Low(i);
    if (w == "today" && GenericToday(i)) return 0;
    if (w == "today" || w == "tonight") return AddOffsetDay(i, i, 0);
    if (w == "yesterday") return AddOffsetDay(i, i, -1);
    if (w == "tomorrow") return AddOffsetDay(i, i, 1);
    size_t j = i;
    if (w == "earlier" || w == "later" || w == "early" || w == "late") {
      std::string_view which = Low(i + 1);
      if (which != "this" && which != "last" && which != "next") return 0;
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

  // "by the end of the year", "later in the year": the year of the
  // report. Not "the year to March", "the year before", "in the year
  // since ...", "the year 2000", which are spans or other years.
  size_t MatchTheYear(size_t i) {
    if (!WordIs(i, "the") || !WordIs(i + 1, "year")) return 0;
    std::string_view p = Prev(i);
    if (p != "of" && p != "in") return 0;
    static const auto* kSpanWords = new ShortWordSet{"to",    "before", "after", "earlier", "later", "ago",
                                                     "since", "ending", "ended", "through", "until", "from"};
    if (IsNum(i + 2) || kSpanWords->Contains(Low(i + 2))) return 0;
    return AddPeriod(i, i + 1, DateGranularity::kYear, 0);
  }

  // "today's youth", "in today's world": today as the present age, not a
  // day (TimeML's PRESENT_REF).
  bool GenericToday(size_t i) const {
    if (!t_.InRange(i + 1) || t_.at(i + 1).kind != LexKind::kPossessive) return false;
    static const auto* kAges = new ShortWordSet{"world", "society", "youth",   "generation", "children", "kids",
                                                "young", "economy", "culture", "standards",  "politics", "era"};
    return Prev(i) == "in" || kAges->Contains(Low(i + 2));
  }

  size_t AddOffsetDay(size_t first, size_t last, int offset) {
    std::string iso = anchor_ ? FormatDay(*anchor_ + days{offset}) : "";
    Add(first, last, std::move(iso), DateGranularity::kDay, true);
    return last + 1 - first;
  }

  size_t AddPeriod(size_t first, size_t last, DateGranularity g, int delta) {
    std::string iso;
    if (anchor_) iso = Shift(*anchor_, g, delta);
    Add(first, last, std::move(iso), g, true);
    return last + 1 - first;
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
    if (!UnitOf(unit, &g)) return 0;
    static constexpr int kUnitDays[] = {1, 7, 30, 365};  // day, week, month, year
    int unit_days = kUnitDays[static_cast<int>(g)];
    std::string_view after = Low(j + 1);
    bool ago = after == "ago";
    bool before = after == "before" && !IsWord(j + 2);
    if (!ago && after != "earlier" && !before) return 0;
    if (vague && !unit.ends_with("s")) return 0;
    if (n == 1 && unit.ends_with("s")) return 0;
    bool approximate = vague || !ago;
    if (vague) n = 3;
    std::string iso;
    if (vague) g = Coarser(g);
    if (anchor_) iso = Cut(*anchor_ - days{static_cast<int64_t>(n) * unit_days}, g);
    Add(i, j + 1, std::move(iso), g, true, approximate);
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

  // "Thursday", "last Tuesday", "next Monday", "this Friday".
  size_t MatchWeekday(size_t i) {
    if (!t_.Capitalized(i)) return 0;
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
    int ahead = (wd - aw + 7) % 7;
    sys_days d;
    if (p == "last") {
      d = *anchor_ - days{back == 0 ? 7 : back};
    } else if (p == "next") {
      d = *anchor_ + days{ahead == 0 ? 7 : ahead};
    } else if (p == "this") {
      d = MondayOf(*anchor_) + days{(wd + 6) % 7};
    } else if (TenseOf(i, i) == Tense::kFuture) {
      d = *anchor_ + days{ahead};
    } else {
      d = *anchor_ - days{back};
    }
    Add(first, i, FormatDay(d), DateGranularity::kDay, true);
    return 1;
  }

  // "in 2024", "since 2022", "the 1996 bombing", "from 1991 to 1997".
  // A lower-case plural noun after a number makes it a count ("2000
  // cases"); words in -ss, -us, -is are singular ("the 2000 census",
  // "the 1998 crisis").
  static bool LooksPlural(std::string_view w) {
    if (w.size() <= 3 || w.back() != 's') return false;
    char before = w[w.size() - 2];
    return before != 's' && before != 'u' && before != 'i';
  }

  size_t MatchYear(size_t i) {
    int y = YearAt(i);
    if (y == 0) return 0;
    if (Glued(i + 1) && (IsWord(i + 1) || PunctIs(i + 1, "-"))) return 0;  // 1990s, 2025-26
    // "the 1990's", "the mid-1980's": a decade in the style that writes it
    // with an apostrophe; a round year's own possessive is rarer.
    if (y % 10 == 0 && Glued(i + 1) && t_.at(i + 1).kind == LexKind::kPossessive) return 0;
    std::string_view p = Prev(i);
    size_t first = i;
    if (PunctIs(i - 1, "-") && Glued(i) && Glued(i - 1) && i >= 2 && YearPrefixes().Contains(Low(i - 2))) {
      first = i - 2;  // "mid-1998", "post-1959"
    } else if (WeakYearCue(p)) {
      // "earnings for 1998 rose", "up 5 percent over 1997.": these words
      // also take counts ("for 2000 people"), so the year must close its
      // phrase: punctuation, a capital or a verb next.
      bool closes = !IsWord(i + 1) || t_.Capitalized(i + 1) || DateTense::CueAt(t_, i + 1) != Tense::kNone;
      if (!closes) return 0;
    } else if (i >= 1 && t_.at(i - 1).kind == LexKind::kPossessive) {
      // "the army's 1982 invasion": a year between a possessive and a
      // lower-case noun dates it ("the firm's 2000 employees" is a count,
      // left by the plural test below).
      if (!IsWord(i + 1) || t_.Capitalized(i + 1)) return 0;
    } else if (!YearCues().Contains(p)) {
      // The second year of a list or range: "1995, 1996", "1991-1997".
      bool after_year = i >= 2 && YearAt(i - 2) && (PunctIs(i - 1, ",") || PunctIs(i - 1, "-"));
      if (!after_year) return 0;
    }
    // "and 2024" and "to 2024" only after a year ("from 1991 to 1997") or
    // a word of time ("dating back to 1994").
    bool after_time_word = p == "to" && (Prev(i, 2) == "back" || Prev(i, 2) == "dating" || Prev(i, 2) == "dates");
    if ((p == "and" || p == "to") && !(i >= 2 && YearAt(i - 2)) && !after_time_word) return 0;
    if (first == i && IsWord(i + 1) && !t_.Capitalized(i + 1) && LooksPlural(Low(i + 1))) {
      return 0;  // "in 2000 cases": a count
    }
    if (IsPercentOrUnit(i + 1)) return 0;
    Add(first, i, FormatYear(y), DateGranularity::kYear, false);
    return 1;
  }

  // ---- times of day ----

  // "10:35 a.m.", "9 p.m.", "noon", "midday": kept aside, to be dated by
  // their sentence's day once the whole text is read (the day may follow:
  // "at 10:35 a.m. (0735 GMT) Friday"). Midnight is left out: it sits
  // between two days.
  size_t MatchTimeOfDay(size_t i) {
    size_t last = 0;
    if (WordIs(i, "noon") || WordIs(i, "midday")) {
      last = i;
    } else if (IsNum(i) && Raw(i).size() <= 2) {
      size_t k = IsClock(i) ? i + 2 : i;
      if (!IsMeridiem(k + 1)) return 0;
      last = k + 1;
    } else {
      return 0;
    }
    times_.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(last)});
    return last + 1 - i;
  }

  bool IsMeridiem(size_t i) const {
    return WordIs(i, "a.m.") || WordIs(i, "p.m.") || WordIs(i, "am") || WordIs(i, "pm");
  }

  // Runs after AssignRoles. A time of day takes the date of the nearest
  // exact day in its sentence
  // ("at midday, according to a statement today"); with none, it says no
  // date. A time next to its day ("10 a.m. Friday", "Friday at noon")
  // adds nothing to that day and is left to it: annotators and readers
  // take the two as one date.
  void DateTimesOfDay() {
    if (times_.empty()) return;
    const size_t dates = out_.size();  // the scan's mentions, in text order
    for (const TokenRange& tr : times_) {
      std::optional<size_t> day = NearestDayInSentence(tr, dates);
      if (!day) continue;
      const DateMention& d = out_[*day];
      const TokenRange& dr = ranges_[*day];
      size_t gap = dr.first > tr.last ? dr.first - tr.last - 1 : tr.first - dr.last - 1;
      if (gap <= kAdjacentGap) continue;
      DateMention m;
      m.span = t_.SpanOf(tr.first, tr.last);
      m.sentence = d.sentence;
      m.iso = d.iso;
      m.granularity = DateGranularity::kDay;
      m.anchor = d.anchor;
      m.relative = d.relative;
      // The time is that date, in the role the date plays: a time beside
      // "after the Aug. 7 bombings" is no event of Aug. 7.
      m.role = d.role;
      out_.push_back(std::move(m));
      ranges_.push_back(tr);
    }
    // Back to text order (mentions never overlap, so their first tokens
    // order them).
    std::vector<size_t> idx(out_.size());
    for (size_t k = 0; k < idx.size(); ++k) idx[k] = k;
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return ranges_[a].first < ranges_[b].first; });
    std::vector<DateMention> out;
    std::vector<TokenRange> ranges;
    out.reserve(idx.size());
    ranges.reserve(idx.size());
    for (size_t k : idx) {
      out.push_back(std::move(out_[k]));
      ranges.push_back(ranges_[k]);
    }
    out_ = std::move(out);
    ranges_ = std::move(ranges);
  }

  // The exact, resolved day mention nearest to the time at `tr` within its
  // sentence, among the kDayNeighbours mentions on each side, of the first
  // `dates` mentions.
  std::optional<size_t> NearestDayInSentence(const TokenRange& tr, size_t dates) const {
    size_t at = std::lower_bound(ranges_.begin(), ranges_.begin() + dates, tr.first,
                                 [](const TokenRange& r, uint32_t f) { return r.first < f; }) -
                ranges_.begin();
    size_t begin = t_.SentenceBegin(tr.first), end = t_.SentenceEnd(tr.first);
    std::optional<size_t> best;
    size_t best_dist = SIZE_MAX;
    auto consider = [&](size_t k) {
      const TokenRange& r = ranges_[k];
      if (r.first < begin || r.last > end) return;
      const DateMention& m = out_[k];
      if (m.granularity != DateGranularity::kDay || m.approximate || m.iso.empty()) return;
      size_t dist = r.first > tr.last ? r.first - tr.last : tr.first - r.last;
      if (dist < best_dist) best = k, best_dist = dist;
    };
    for (size_t n = 0; n < kDayNeighbours && at + n < dates; ++n) consider(at + n);
    for (size_t n = 1; n <= kDayNeighbours && n <= at; ++n) consider(at - n);
    return best;
  }

  // ---- roles ----

  void AssignRoles() {
    for (size_t k = 0; k < out_.size(); ++k) {
      DateMention& m = out_[k];
      bool before_anchor = false;
      if (anchor_ && !m.iso.empty()) {
        std::optional<sys_days> end = PeriodEnd(m.iso, m.granularity);
        before_anchor = end && *end < *anchor_;
      }
      m.role = DateRoles::Of(t_, ranges_[k].first, ranges_[k].last, before_anchor);
    }
  }

  const LexedText& t_;  // borrowed from the caller
  std::optional<sys_days> anchor_;
  std::string anchor_str_;
  std::vector<DateMention> out_;
  std::vector<TokenRange> ranges_;      // per mention of out_
  std::optional<Reference> reference_;  // the last exact date given
  std::vector<TokenRange> times_;       // times of day, dated after the scan
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

std::vector<DateMention> DateResolver::Extract(std::string_view text, const std::vector<LexToken>& tokens,
                                               std::string_view anchor_iso) {
  return Extract(LexedText(text, tokens), anchor_iso);
}

std::vector<DateMention> DateResolver::Extract(const LexedText& lexed, std::string_view anchor_iso) {
  return Parser(lexed, anchor_iso).Run();
}

std::string_view DateResolver::AnchorFor(const Article& article, std::string_view story_anchor) {
  if (ParseIsoDay(article.published.iso)) return std::string_view(article.published.iso).substr(0, 10);
  return story_anchor;
}

}  // namespace storyfuse
