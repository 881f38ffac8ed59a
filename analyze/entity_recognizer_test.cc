#include "analyze/entity_recognizer.h"

#include <gtest/gtest.h>
#include <time.h>

#include <string>
#include <vector>

#include "models/model_files.h"

namespace storyfuse {
namespace {

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// "PER Ann Lee" per name found by the shipped model.
std::vector<std::string> Names(const std::string& text) {
  Result<const EntityRecognizer*> r = EntityRecognizer::Shipped();
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  std::vector<std::string> out;
  if (!r.ok()) return out;
  for (const NameMention& m : (*r)->Recognize(text)) {
    out.push_back(std::string(NameKindCode(m.kind)) + " " + std::string(m.span.In(text)));
  }
  return out;
}

struct NameCase {
  const char* text;
  std::vector<std::string> names;
};

void PrintTo(const NameCase& c, std::ostream* os) { *os << c.text; }

// Invented sentences in news style.
const NameCase kCases[] = {
    // People: titles and honorifics are not part of the name.
    {"Secretary of State Marco Alvarez met Foreign Minister Ilse Varga in Oslo on Tuesday.",
     {"PER Marco Alvarez", "PER Ilse Varga", "LOC Oslo"}},
    {"Mr. Tobias Renn, a lawyer, spoke to reporters.", {"PER Tobias Renn"}},
    {"Prime Minister Anna Kovac said the talks would resume.", {"PER Anna Kovac"}},
    {"U.S. President Bill Clinton told reporters at the White House that he would veto the bill.",
     {"LOC U.S.", "PER Bill Clinton", "LOC White House"}},
    // Places, with a period inside the name.
    {"The summit opened in St. Petersburg on Monday.", {"LOC St. Petersburg"}},
    {"The World Health Organization warned that the outbreak could spread to Kenya and Uganda.",
     {"ORG World Health Organization", "LOC Kenya", "LOC Uganda"}},
    // Organisations.
    {"General Motors Corp said on Friday it would close a plant in Ohio.", {"ORG General Motors Corp", "LOC Ohio"}},
    {"Shares in Nordholt Shipping fell 5 percent in Frankfurt after the company cut its forecast.",
     {"ORG Nordholt Shipping", "LOC Frankfurt"}},
    {"Chancellor Olaf Brandt flew to Berlin to meet officials of the European Union.",
     {"PER Olaf Brandt", "LOC Berlin", "ORG European Union"}},
    // An initialism with and without its definition: both are names.
    {"The Securities and Exchange Commission (SEC) fined the brokerage.",
     {"ORG Securities and Exchange Commission", "ORG SEC"}},
    {"The SEC declined to comment.", {"ORG SEC"}},
    // Nationalities are MISC, never a place.
    {"Russian Foreign Minister Sergei Lavrov arrived.", {"MISC Russian", "PER Sergei Lavrov"}},
    // No capital, no name; sentence words are not names.
    {"nothing here is a name, the officials said.", {}},
    {"However, I'm sure they're right.", {}},
};

class EntityRecognizerTest : public ::testing::TestWithParam<NameCase> {};

TEST_P(EntityRecognizerTest, FindsAndTypesNames) {
  const NameCase& c = GetParam();
  EXPECT_EQ(Names(c.text), c.names) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Table, EntityRecognizerTest, ::testing::ValuesIn(kCases));

TEST(EntityRecognizerLoadTest, ShippedModelLoadsFast) {
  Result<std::string_view> bytes = ModelFile(kEntityModelFile);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  // The budget of the issue: loading adds under 100 ms to a run.
  constexpr double kMaxLoadSeconds = 0.1;
  double t0 = CpuSeconds();
  Result<std::unique_ptr<EntityRecognizer>> r = EntityRecognizer::FromBytes(*bytes);
  double seconds = CpuSeconds() - t0;
  ASSERT_TRUE(r.ok()) << r.status().ToString();
#ifdef STORYFUSE_TIMING_UNRELIABLE
  (void)seconds;  // a sanitizer build times its instrumentation
#else
  EXPECT_LT(seconds, kMaxLoadSeconds);
#endif
  EXPECT_TRUE(EntityRecognizer::Shipped().ok());
}

TEST(EntityRecognizerLoadTest, SpansAndTokensAgree) {
  std::string text = "Aid reached Velmora, officials in Port Venn said.";
  std::vector<LexToken> tokens = WordLexer::Lex(text);
  Result<const EntityRecognizer*> r = EntityRecognizer::Shipped();
  ASSERT_TRUE(r.ok());
  for (const NameMention& m : (*r)->Recognize(text, tokens)) {
    ASSERT_LT(m.first, m.last);
    EXPECT_EQ(m.span.begin, tokens[m.first].span.begin);
    EXPECT_EQ(m.span.end, tokens[m.last - 1].span.end);
  }
}

}  // namespace
}  // namespace storyfuse
