#include "analyze/figure_classifier.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyfuse {
namespace {

struct ClassCase {
  const char* text;
  size_t which;  // index of the quantity classified
  const char* kind;
  const char* development;
  const char* group;
};

void PrintTo(const ClassCase& c, std::ostream* os) { *os << c.text << " #" << c.which; }

const ClassCase kCases[] = {
    {"At least 32 people were killed when the ferry sank.", 0, "people", "killed", "people"},
    {"The blast at the pit killed 14 miners on Monday.", 0, "people", "killed", "miners"},
    {"Floods across the delta have left 1,200 dead.", 0, "people", "killed", "people"},
    {"The death toll rose to 40, the governor said.", 0, "people", "killed", "people"},
    {"The death toll from the slide in the hill town of Varo rose to 31 on Monday.", 0, "people", "killed", "people"},
    {"The slide in the hill town of Varo buried the road to 31 houses.", 0, "count", "", ""},
    {"The injured toll was lowered slightly to 180 on Sunday.", 0, "people", "injured", "people"},
    {"The deaths of 19 climbers shocked the town.", 0, "people", "killed", "climbers"},
    {"Police arrested 61 protesters after the march.", 0, "people", "arrested", "protesters"},
    {"The bomb killed 10 and injured 32 others.", 0, "people", "killed", "people"},
    {"The bomb killed 10 and injured 32 others.", 1, "people", "injured", "people"},
    {"Ten people were killed and 32 were hurt.", 1, "people", "injured", "people"},
    {"The riots left 43 people dead, nearly 1,200 injured and 7,200 arrested.", 1, "people", "injured", "people"},
    {"The riots left 43 people dead, nearly 1,200 injured and 7,200 arrested.", 2, "people", "arrested", "people"},
    {"Officials evacuated 5,000 residents from the coast.", 0, "people", "evacuated", "people"},
    {"Six fishermen are still missing off the cape.", 0, "people", "missing", "fishermen"},
    {"The fever has sickened 300 pupils this month.", 0, "people", "infected", "pupils"},
    {"Rescuers found 12 survivors under the rubble.", 0, "people", "", "survivors"},
    // Not counts of people: the development word does not make them one.
    {"The flood killed 300 cattle near the river.", 0, "count", "", ""},
    {"The storm destroyed 120 homes in the valley.", 0, "count", "", ""},
    {"The quake killed people in 12 villages.", 0, "count", "", ""},
    {"The loan to the carmaker is worth $535 million.", 0, "money", "", ""},
    {"Winds reached 180 mph before dawn.", 0, "measure", "", ""},
    {"The sniper hit his target from 2,310 metres.", 0, "measure", "", ""},
    {"Wang served two years in prison.", 0, "measure", "", ""},
    {"Turnout was 40 percent in the north.", 0, "share", "", ""},
    {"The two agreed to meet again.", 0, "bare", "", ""},
    // Another figure owns the words past it.
    {"Of 12 passengers, 3 died.", 0, "people", "", "passengers"},
};

class ClassCaseTest : public ::testing::TestWithParam<ClassCase> {};

TEST_P(ClassCaseTest, Classifies) {
  const ClassCase& c = GetParam();
  std::string text = c.text;
  std::vector<LexToken> tokens = WordLexer::Lex(text);
  std::vector<Quantity> qs = NumberExtractor::Extract(text, tokens);
  ASSERT_GT(qs.size(), c.which);
  FigureClass f = FigureClassifier::Classify(qs[c.which], text, tokens);
  EXPECT_EQ(FigureKindName(f.kind), c.kind);
  EXPECT_EQ(f.development, c.development);
  EXPECT_EQ(f.group, c.group);
}

INSTANTIATE_TEST_SUITE_P(Table, ClassCaseTest, ::testing::ValuesIn(kCases));

TEST(FigureClassifierTest, DegreeWordsMarkAPartOfTheCount) {
  struct Case {
    const char* text;
    bool qualified;
  } cases[] = {
      {"Five people were critically injured in the crash.", true},
      {"Another 13 people with minor injuries went home.", true},
      {"The crash left 12 minor injuries.", true},
      {"Nineteen people were wounded in the crash.", false},
      {"The crash caused 12 injuries.", false},
  };
  for (const Case& c : cases) {
    std::string text = c.text;
    std::vector<LexToken> tokens = WordLexer::Lex(text);
    std::vector<Quantity> qs = NumberExtractor::Extract(text, tokens);
    ASSERT_FALSE(qs.empty()) << c.text;
    FigureClass f = FigureClassifier::Classify(qs[0], text, tokens);
    EXPECT_EQ(f.development, "injured") << c.text;
    EXPECT_EQ(f.qualified, c.qualified) << c.text;
  }
}

TEST(FigureClassifierTest, DevelopmentWordsNameTheirCount) {
  EXPECT_EQ(FigureClassifier::DevelopmentOf("deaths"), "killed");
  EXPECT_EQ(FigureClassifier::DevelopmentOf("wounded"), "injured");
  EXPECT_EQ(FigureClassifier::DevelopmentOf("detained"), "arrested");
  EXPECT_EQ(FigureClassifier::DevelopmentOf("meeting"), "");
}

}  // namespace
}  // namespace storyfuse
