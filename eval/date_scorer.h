// DateScorer: scores resolved date mentions against TimeML gold time
// expressions with the calendar-date metric that ../shared/data/README.md
// specifies (section dates/aquaint.jsonl; read it for the exact rules).
// Briefly: the gold side is every timex that names a day, a month or a
// year (a TIME timex through its date part); each prediction, in order of
// start, is a false positive when it touches no gold timex, is skipped when
// it touches only other kinds of timex (a duration, a season, a week), and
// otherwise claims the first unclaimed gold date it touches, scoring when
// the two values agree.
//
// The README leaves one case open: a prediction whose overlapped calendar
// dates are all paired already. It is a second claim on a date already
// claimed, so it counts as a false positive.
//
// Offsets are code points, end exclusive. Pure functions and a value-type
// accumulator; thread-compatible.
#ifndef STORYFUSE_EVAL_DATE_SCORER_H_
#define STORYFUSE_EVAL_DATE_SCORER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "eval/quote_scorer.h"  // CpSpan

namespace storyfuse {

struct GoldTimex {
  CpSpan span;
  std::string type;   // "DATE", "TIME", "DURATION", "SET"
  std::string value;  // TimeML value: "1998-08-07", "P3Y", "1998-W32", ...
};

// One document of the dates JSONL: id, dct ("YYYY-MM-DD"), text, timexes.
struct DateDocument {
  std::string id;
  std::string dct;
  std::string text;
  std::vector<GoldTimex> timexes;
};

// Parses one line of the dates JSONL. Corruption names what is missing.
Result<DateDocument> ParseDateDocument(std::string_view line);

// The calendar date a gold timex stands for ("1998", "1998-08",
// "1998-08-07"), or "" when it is not a calendar date by the metric.
std::string CalendarValue(const GoldTimex& timex);

struct PredictedDate {
  CpSpan span;
  std::string value;  // ISO cut to its granularity
};

enum class DateOutcome { kTruePositive, kFalsePositive, kIgnored };

struct DateScores {
  size_t gold = 0;  // gold calendar dates
  size_t true_positives = 0;
  size_t false_positives = 0;
  size_t ignored = 0;

  double Precision() const;
  double Recall() const;
  double F1() const;
  DateScores& operator+=(const DateScores& o);
};

// Accumulates scores document by document.
class DateScorer {
 public:
  // Scores one document; returns each prediction's outcome, in the order
  // of `predicted` (which need not be sorted), and in `*paired` (when
  // non-null) the index of the gold timex it was paired with, or -1.
  std::vector<DateOutcome> Add(const std::vector<GoldTimex>& gold, const std::vector<PredictedDate>& predicted,
                               std::vector<int>* paired = nullptr);
  const DateScores& scores() const { return scores_; }

 private:
  DateScores scores_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_DATE_SCORER_H_
