#include "brief/statement_matcher.h"

#include <gtest/gtest.h>

#include <string>

#include "models/model_files.h"

namespace storyfuse {
namespace {

const StatementMatcher& M() { return StatementMatcher::Shipped(); }

TEST(StatementMatcherTest, ShippedModelLoads) {
  Result<std::string_view> bytes = ModelFile(StatementMatcher::kModelFile);
  ASSERT_TRUE(bytes.ok());
  Result<StatementMatcher> m = StatementMatcher::Parse(*bytes);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_GT(m->threshold(), 0.5f);
  EXPECT_LT(m->recall_threshold(), m->threshold());
  EXPECT_GT(m->idf().documents(), 1000u);
}

TEST(StatementMatcherTest, SerializeRoundTrips) {
  std::string file = M().Serialize();
  Result<StatementMatcher> m = StatementMatcher::Parse(file);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->Serialize(), file);
  const char* a = "The Tolvane council approved a new ferry terminal on Monday after a two-year debate.";
  const char* b = "After two years of debate, Tolvane's council on Monday approved a new ferry terminal.";
  EXPECT_FLOAT_EQ(m->Probability(a, b), M().Probability(a, b));
}

TEST(StatementMatcherTest, RefusesOtherVersionsAndBadLines) {
  std::string file = M().Serialize();
  std::string v2 = file;
  v2.replace(v2.find("storyfuse-align\t1"), 17, "storyfuse-align\t2");
  EXPECT_EQ(StatementMatcher::Parse(v2).status().code(), Status::Code::kUnsupported);
  EXPECT_EQ(StatementMatcher::Parse(file + "bogus\tline\n").status().code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(StatementMatcher::Parse("").ok());
}

// Invented pairs: (a, b, whether they state the same thing).
struct Case {
  const char* a;
  const char* b;
  bool same;
  const char* why;
};

const Case kCases[] = {
    {"The Tolvane council approved a new ferry terminal on Monday after a two-year debate.",
     "After two years of debate, the Tolvane council on Monday approved a new ferry terminal.", true,
     "a paraphrase: same facts, other order"},
    {"Harbour authorities in Brask closed the northern pier on Tuesday after storm damage to its supports.",
     "The northern pier in Brask was closed by harbour authorities on Tuesday after storm damage to its supports.",
     true, "a passive paraphrase"},
    {"\"The river is rising faster than we feared,\" said Odile Marchetti.",
     "\"The old bridge has already lost half its railings,\" said Teodor Vasko.", false,
     "two quotes of two people in the same frame"},
    {"\"The river is rising faster than we feared,\" said Odile Marchetti.",
     "\"The river is rising faster than we feared,\" said Teodor Vasko.", false,
     "the same words credited to another speaker"},
    {"The novel Glass Orchard sold more than 800,000 copies in its first week.",
     "The novel Glass Orchard has sold more than 11 million copies worldwide.", false,
     "two different quantities of one thing"},
    {"Flooding along the Vell river forced 1,200 people from their homes on Sunday.",
     "Flooding along the Vell river forced 4,500 people from their homes on Sunday.", false,
     "the same sentence with another figure"},
    {"The Brask ferry will resume service on Friday, the operator said.",
     "The Brask ferry will resume service on Monday, the operator said.", false, "another weekday"},
    {"The mayor of Tolvane, Ines Corvo, resigned on Thursday over the harbour contract.",
     "Fishermen in Tolvane protested on Thursday against new quotas set by the ministry.", false,
     "same place and day, different events"},
};

TEST(StatementMatcherTest, SameStatementOnlyWhenItIs) {
  for (const Case& c : kCases) {
    float p = M().Probability(c.a, c.b);
    EXPECT_EQ(M().Supports(p), c.same) << c.why << ": p=" << p << "\n  " << c.a << "\n  " << c.b;
    EXPECT_FLOAT_EQ(p, M().Probability(c.b, c.a)) << "symmetric: " << c.why;
  }
}

TEST(StatementMatcherTest, RoundedFiguresAreTheSameFigure) {
  MatchSentence a = M().Read("The storm left 296 people dead across the Vell valley, officials in Brask said.");
  MatchSentence b = M().Read("The storm left 300 people dead across the Vell valley, officials in Brask said.");
  MatchSentence c = M().Read("The storm left 320 people dead across the Vell valley, officials in Brask said.");
  EXPECT_FALSE(StatementFeatures::DifferentFacts(a, b)) << "300 is 296 rounded";
  EXPECT_TRUE(StatementFeatures::DifferentFacts(a, c));
}

TEST(StatementMatcherTest, SpeakerNamedEitherWayIsTheSameSpeaker) {
  MatchSentence a = M().Read("\"We will rebuild the pier by spring,\" said Mayor Ines Corvo.");
  MatchSentence b = M().Read("Corvo told reporters: \"We will rebuild the pier by spring.\"");
  MatchSentence c = M().Read("\"We will rebuild the pier by spring,\" said Teodor Vasko.");
  EXPECT_FALSE(StatementFeatures::DifferentSpeakers(a, b));
  EXPECT_TRUE(StatementFeatures::DifferentSpeakers(a, c));
}

TEST(StatementMatcherTest, AnEmptyMatcherMatchesNothing) {
  StatementMatcher none;
  EXPECT_EQ(none.Probability("The pier reopened.", "The pier reopened."), 0);
  EXPECT_FALSE(none.Supports(1));
}

}  // namespace
}  // namespace storyfuse
