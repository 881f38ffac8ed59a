#include "ingest/date_parser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "ingest/line_shape.h"

namespace storyfuse {
namespace {

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// A cursor over the text; every Parse* function advances it only on success.
struct Cursor {
  std::string_view s;
  size_t pos;

  bool AtEnd() const { return pos >= s.size(); }
  char Peek(size_t k = 0) const { return pos + k < s.size() ? s[pos + k] : '\0'; }
  void SkipSpaces() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t')) ++pos;
  }
  // Reads 1..max digits; returns -1 (and does not move) when none.
  int Number(size_t min_digits, size_t max_digits) {
    size_t n = 0;
    int v = 0;
    while (n < max_digits && IsDigit(Peek(n))) v = v * 10 + (Peek(n++) - '0');
    if (n < min_digits || IsDigit(Peek(n))) return -1;
    pos += n;
    return v;
  }
  std::string_view Word() {
    size_t n = 0;
    while (IsAlpha(Peek(n))) ++n;
    std::string_view w = s.substr(pos, n);
    pos += n;
    return w;
  }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++pos;
    return true;
  }
};

int DaysIn(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool Valid(int y, int m, int d) { return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= DaysIn(y, m); }

bool IsWeekday(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::string l = LineShape::Lower(w);
  for (std::string_view d : kDays) {
    if (l == d || (l.size() > 3 && l.substr(0, 3) == d &&
                   (l.ends_with("day") || l == "tues" || l == "thur" || l == "thurs" || l == "weds")))
      return true;
  }
  return false;
}

// Zone offset in minutes east of UTC for a zone abbreviation or numeric
// offset; nullopt when unknown or ambiguous ("ET", "IST").
std::optional<int> ParseZone(Cursor* c) {
  Cursor t = *c;
  t.SkipSpaces();
  if (t.Peek() == '+' || t.Peek() == '-') {
    int sign = t.Peek() == '+' ? 1 : -1;
    ++t.pos;
    int hh = -1, mm = 0;
    if (int hhmm = t.Number(4, 4); hhmm >= 0) {
      hh = hhmm / 100;
      mm = hhmm % 100;
    } else {
      hh = t.Number(2, 2);
      if (hh < 0) return std::nullopt;
      if (t.Eat(':')) mm = std::max(0, t.Number(2, 2));
    }
    if (hh > 14 || mm > 59) return std::nullopt;
    *c = t;
    return sign * (hh * 60 + mm);
  }
  if (t.Peek() == 'Z' && !IsAlpha(t.Peek(1))) {
    ++t.pos;
    *c = t;
    return 0;
  }
  std::string_view w = t.Word();
  static constexpr std::array<std::pair<std::string_view, int>, 12> kZones = {{{"GMT", 0},
                                                                               {"UTC", 0},
                                                                               {"EST", -300},
                                                                               {"EDT", -240},
                                                                               {"CST", -360},
                                                                               {"CDT", -300},
                                                                               {"PST", -480},
                                                                               {"PDT", -420},
                                                                               {"BST", 60},
                                                                               {"CET", 60},
                                                                               {"CEST", 120},
                                                                               {"MSK", 180}}};
  for (const auto& [name, offset] : kZones) {
    if (w == name) {
      *c = t;
      return offset;
    }
  }
  return std::nullopt;
}

struct Time {
  int h = 0, m = 0, s = 0;
  std::optional<int> zone;
};

// ", 08:30", " at 8:30 a.m. EDT", "T08:30:00Z", " 08:00:00 +0000".
std::optional<Time> ParseTime(Cursor* c) {
  Cursor t = *c;
  if (!t.Eat('T')) {
    t.Eat(',');
    t.SkipSpaces();
    if (t.s.substr(t.pos, 3) == "at ") t.pos += 3;
  }
  Time tm;
  tm.h = t.Number(1, 2);
  if (tm.h < 0 || !t.Eat(':')) return std::nullopt;
  tm.m = t.Number(2, 2);
  if (tm.m < 0) return std::nullopt;
  if (t.Eat(':')) tm.s = std::max(0, t.Number(2, 2));
  if (t.Eat('.')) t.Number(1, 9);
  Cursor ampm = t;
  ampm.SkipSpaces();
  std::string ap = LineShape::Lower(ampm.s.substr(ampm.pos, 4));
  if (ap.starts_with("a.m.") || ap.starts_with("p.m.")) {
    if (ap[0] == 'p' && tm.h < 12) tm.h += 12;
    if (ap[0] == 'a' && tm.h == 12) tm.h = 0;
    ampm.pos += 4;
    t = ampm;
  } else if ((ap.starts_with("am") || ap.starts_with("pm")) && !IsAlpha(ampm.Peek(2))) {
    if (ap[0] == 'p' && tm.h < 12) tm.h += 12;
    if (ap[0] == 'a' && tm.h == 12) tm.h = 0;
    ampm.pos += 2;
    t = ampm;
  }
  if (tm.h > 23 || tm.m > 59 || tm.s > 60) return std::nullopt;
  tm.zone = ParseZone(&t);
  *c = t;
  return tm;
}

std::string Iso(int y, int m, int d, const std::optional<Time>& t) {
  char buf[40];
  if (!t || !t->zone) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  } else if (*t->zone == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, t->h, t->m, t->s);
  } else {
    int z = *t->zone < 0 ? -*t->zone : *t->zone;
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, d, t->h, t->m, t->s,
                  *t->zone < 0 ? '-' : '+', z / 60, z % 60);
  }
  return buf;
}

// Skips an ordinal suffix ("st", "nd", "rd", "th") after a day number.
void SkipOrdinal(Cursor* c) {
  std::string two = LineShape::Lower(c->s.substr(c->pos, 2));
  if ((two == "st" || two == "nd" || two == "rd" || two == "th") && !IsAlpha(c->Peek(2))) c->pos += 2;
}

// Month name with an optional full stop; 0 (cursor unmoved) when none.
int ParseMonth(Cursor* c) {
  Cursor t = *c;
  int m = DateParser::MonthNumber(t.Word());
  if (m == 0) return 0;
  t.Eat('.');
  *c = t;
  return m;
}

// YYYY-MM-DD or YYYY/MM/DD plus an optional time.
std::optional<std::string> ParseNumeric(Cursor* c) {
  Cursor t = *c;
  int y = t.Number(4, 4);
  if (y < 0 || (t.Peek() != '-' && t.Peek() != '/')) return std::nullopt;
  char sep = t.Peek();
  ++t.pos;
  int m = t.Number(2, 2);
  if (m < 0 || !t.Eat(sep)) return std::nullopt;
  int d = t.Number(2, 2);
  if (!Valid(y, m, d)) return std::nullopt;
  std::optional<Time> tm;
  Cursor tt = t;
  if (tt.Peek() == 'T' || tt.Peek() == ' ') tm = ParseTime(&tt);
  if (tm) t = tt;
  *c = t;
  return Iso(y, m, d, tm);
}

// [Weekday[,]] Month D[th][,] YYYY  or  [Weekday[,]] D[th] Month[,] YYYY, plus an optional time.
std::optional<std::string> ParseWritten(Cursor* c) {
  Cursor t = *c;
  if (IsAlpha(t.Peek())) {
    Cursor w = t;
    if (IsWeekday(w.Word())) {
      w.Eat('.');
      w.Eat(',');
      w.SkipSpaces();
      t = w;
    }
  }
  int m = 0, d = -1;
  if (IsAlpha(t.Peek())) {
    m = ParseMonth(&t);
    if (m == 0) return std::nullopt;
    t.SkipSpaces();
    d = t.Number(1, 2);
    if (d < 0) return std::nullopt;
    SkipOrdinal(&t);
  } else {
    d = t.Number(1, 2);
    if (d < 0) return std::nullopt;
    SkipOrdinal(&t);
    t.SkipSpaces();
    m = ParseMonth(&t);
    if (m == 0) return std::nullopt;
  }
  t.Eat(',');
  t.SkipSpaces();
  int y = t.Number(4, 4);
  if (!Valid(y, m, d)) return std::nullopt;
  Cursor tt = t;
  std::optional<Time> tm = ParseTime(&tt);
  if (tm) t = tt;
  *c = t;
  return Iso(y, m, d, tm);
}

std::optional<std::string> ParseAt(Cursor* c) {
  if (IsDigit(c->Peek())) {
    if (auto iso = ParseNumeric(c)) return iso;
  }
  return ParseWritten(c);
}

bool IsFiller(char ch) {
  return ch == ' ' || ch == '\t' || ch == ',' || ch == '|' || ch == '-' || ch == ':' || ch == '(' || ch == ')' ||
         ch == '\r' || ch == '\n' || ch == '.';
}

}  // namespace

int DateParser::MonthNumber(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                               "may",       "june",     "july",     "august",
                                                               "september", "october",  "november", "december"};
  std::string w = LineShape::Lower(word);
  if (w.size() < 3) return 0;
  if (w == "sept") return 9;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (w == kMonths[i] || (w.size() == 3 && kMonths[i].substr(0, 3) == w)) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::optional<DateMatch> DateParser::Find(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (!IsDigit(ch) && !IsAlpha(ch)) continue;
    if (i > 0 && (IsDigit(text[i - 1]) || IsAlpha(text[i - 1]))) continue;  // word-aligned only
    Cursor c{text, i};
    if (auto iso = ParseAt(&c)) {
      if (c.pos < text.size() && (IsAlpha(text[c.pos]) || IsDigit(text[c.pos]))) continue;
      return DateMatch{i, c.pos, *iso};
    }
  }
  return std::nullopt;
}

std::optional<DateMatch> DateParser::FindAtStart(std::string_view text) {
  Cursor c{text, 0};
  std::optional<std::string> iso = ParseAt(&c);
  if (!iso || (c.pos < text.size() && (IsAlpha(text[c.pos]) || IsDigit(text[c.pos])))) return std::nullopt;
  return DateMatch{0, c.pos, *iso};
}

std::optional<std::string> DateParser::ParseWhole(std::string_view text) {
  std::optional<DateMatch> m = Find(text);
  if (!m) return std::nullopt;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i >= m->begin && i < m->end) continue;
    if (!IsFiller(text[i])) return std::nullopt;
  }
  return m->iso;
}

}  // namespace storyfuse
