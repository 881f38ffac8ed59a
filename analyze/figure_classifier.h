// FigureClassifier: what kind of figure a quantity is, for the brief's
// numbers (which figures matter first) and its tracked figures (which
// counts develop as reporting goes on).
//
// Kinds: people (a count of people: "40 people", "12 miners", or a count a
// development word governs: "killed 32", "the toll rose to 40"), money
// ("$535 million"), shares ("40 percent"), counts of things ("120 homes"),
// measures (distances, speeds, weights, areas and durations: "2,300 m",
// "180 mph", "three years"), and bare numbers ("the two").
//
// Development: a count of people that grows as reporting goes on, named
// by the nearest development word within kWindow words of the quantity in
// its sentence (not past another number, which owns its own words, a
// comma, nor back past a conjunction, which starts another coordinate), by the
// subject a level verb reaches it from ("the death toll from the slide
// rose to 31": up to kSubjectWindow content words back; a toll is of what
// the word before it names, "the injured toll"), or by the counted noun
// itself: "killed" (killed, dead, deaths, died, toll,
// lives, ...), "injured", "missing", "evacuated", "displaced", "arrested",
// "rescued", "hospitalized", "infected", "casualties". Only counts of
// people, or of nothing named ("killed 32"), have one: "killed 300
// cattle" does not.
//
// Group: who a people count counts, for telling figures apart: "people"
// for the generic nouns (people, persons, residents, others, lives, the
// dead ...) and for a bare count, else the counted noun's last word
// ("miners", "soldiers").
//
// General English word lists, never words of a particular story. Pure and
// thread-safe.
#ifndef STORYFUSE_ANALYZE_FIGURE_CLASSIFIER_H_
#define STORYFUSE_ANALYZE_FIGURE_CLASSIFIER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/number_extractor.h"
#include "text/word_lexer.h"

namespace storyfuse {

enum class FigureKind : uint8_t { kPeople, kMoney, kShare, kCount, kMeasure, kBare };

// "people", "money", "share", "count", "measure", "bare".
std::string_view FigureKindName(FigureKind kind);

struct FigureClass {
  FigureKind kind = FigureKind::kBare;
  std::string_view development;  // "killed", "injured", ... or "" (static storage)
  std::string group;             // "people", "miners", ... for people counts, else ""
  // The development word carries a degree ("critically injured", "minor
  // injuries"): the count is a part of the development's whole.
  bool qualified = false;
};

class FigureClassifier {
 public:
  // How many words either side of a quantity a development word may be.
  static constexpr int kWindow = 4;
  // How far back the subject of "rose to N" may be.
  static constexpr int kSubjectWindow = 8;

  // Classifies `q`, a quantity NumberExtractor found in `text`; `tokens`
  // are WordLexer::Lex(text).
  static FigureClass Classify(const Quantity& q, std::string_view text, const std::vector<LexToken>& tokens);

  // The development a lower-case word names ("deaths" -> "killed"), or "".
  static std::string_view DevelopmentOf(std::string_view word);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_FIGURE_CLASSIFIER_H_
