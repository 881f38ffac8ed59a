#include "analyze/speaker_resolver.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/quote_finder.h"
#include "analyze/speaker_model.h"

namespace storyfuse {
namespace {

#define LQ "\xE2\x80\x9C"
#define RQ "\xE2\x80\x9D"
#define LS "\xE2\x80\x98"
#define RS "\xE2\x80\x99"
#define EM "\xE2\x80\x94"
#define BAR "\xE2\x80\x95"

using K = AttributionKind;

struct ResolverCase {
  const char* path;     // the attribution path the case exercises
  std::string text;     // invented; paragraphs are lines
  size_t piece;         // index of the piece checked
  const char* speaker;  // canonical speaker; "" when nobody is resolved
  K kind;
  const char* mention;  // text of the cueing mention; "" when none
};

const ResolverCase kCases[] = {
    // A cue verb after the piece, either order.
    {"said X", LQ "The pier reopens on Monday," RQ " said Tomas Varga.", 0, "Tomas Varga", K::kAfter, "Tomas Varga"},
    {"X said", LQ "The pier reopens on Monday," RQ " Lena Ortiz said.", 0, "Lena Ortiz", K::kAfter, "Lena Ortiz"},
    {"X said, new sentence", LQ "We never wait long." RQ " Ada Brill said.", 0, "Ada Brill", K::kAfter, "Ada Brill"},
    {"an unlisted -ed verb before a full name", LQ "This is fantastic!" RQ " beamed Lena Ortiz.", 0, "Lena Ortiz",
     K::kAfter, "Lena Ortiz"},
    {"an inverted cue closing the sentence", LQ "Sailings resume at noon" RQ " on Friday, said Oskar Teel.", 0,
     "Oskar Teel", K::kAfter, "Oskar Teel"},
    // A cue verb before the piece.
    {"X said before", "Lena Ortiz said, " LQ "The pier reopens on Monday." RQ, 0, "Lena Ortiz", K::kBefore,
     "Lena Ortiz"},
    {"a weak cue before an embedded piece", "Rosa Lind called the plan " LQ "a gift to the developers." RQ, 0,
     "Rosa Lind", K::kBefore, "Rosa Lind"},
    {"a name past an appositive",
     "Marta Quell, a spokeswoman for the ferry line, said: " LQ "Sailings resume at noon." RQ, 0, "Marta Quell",
     K::kBefore, "Marta Quell"},
    {"a name past a relative clause",
     LQ "The cranes are too old," RQ " Oskar Teel, who ran the port for a decade, told the board.", 0, "Oskar Teel",
     K::kAfter, "Oskar Teel"},
    {"a gerund cue: the clause's subject",
     "Marta Quell left the meeting early, saying " LQ "the numbers do not add up." RQ, 0, "Marta Quell", K::kBefore,
     "Marta Quell"},
    {"a possessive speech noun", "Oskar Teel's claim that " LQ "the cranes are safe" RQ " drew laughter.", 0,
     "Oskar Teel", K::kBefore, "Oskar Teel's"},
    {"a name and a colon", "Harbor pilot Ivo Sand: " LQ "Fog is the real enemy." RQ, 0, "Ivo Sand", K::kBefore,
     "Ivo Sand"},
    // Pronouns resolve to the latest person who fits.
    {"pronoun after", "Governor Ruth Ames spoke first. " LQ "Nobody loses a job here," RQ " she said.", 0, "Ruth Ames",
     K::kAfter, "she"},
    {"pronoun before", "Tomas Varga arrived late. He said " LQ "the ferry was full." RQ, 0, "Tomas Varga", K::kBefore,
     "He"},
    {"a pronoun coordinated with and", "Marta Quell listened. She shook her head and added, " LQ "Not this year." RQ, 0,
     "Marta Quell", K::kBefore, "She"},
    // Titles: part of the mention, and aliases of the person they precede.
    {"title and name", LQ "The budget is balanced," RQ " Finance Minister Piet Moller told reporters.", 0,
     "Piet Moller", K::kAfter, "Finance Minister Piet Moller"},
    {"an abbreviated title", LQ "The levee will hold," RQ " said Sen. Dora Quint.", 0, "Dora Quint", K::kAfter,
     "Sen. Dora Quint"},
    {"a title alone names the person it taught",
     "Harbor Commissioner Ilse Brandt opened the session.\n" LQ "We dredge in spring," RQ " the commissioner said.", 0,
     "Ilse Brandt", K::kAfter, "the commissioner"},
    // Descriptions.
    {"a description nobody names", LQ "The ferry is safe," RQ " a spokesman for the harbor said.", 0, "", K::kAfter,
     "a spokesman for the harbor"},
    {"an inverted description", LQ "The ferry is safe," RQ " said a spokeswoman for the harbor.", 0, "", K::kAfter,
     "a spokeswoman"},
    // According to.
    {"according to after", LQ "The vote was never in doubt," RQ " according to Ivan Holt.", 0, "Ivan Holt", K::kAfter,
     "Ivan Holt"},
    {"according to before", "According to Ivan Holt, " LQ "the vote was never in doubt." RQ, 0, "Ivan Holt", K::kBefore,
     "Ivan Holt"},
    // Across pieces and paragraphs.
    {"a split quote", LQ "We are ready," RQ " Ada Brill said. " LQ "The boats are fueled." RQ, 1, "Ada Brill",
     K::kCarried, "Ada Brill"},
    {"an introduction ending with a colon",
     "Nina Park told the crowd:\n\n" LQ "First, we fix the roads in every town." RQ, 0, "Nina Park", K::kCarried,
     "Nina Park"},
    {"the speaker of the paragraph before",
     LQ "We start with the bridges," RQ " said Mayor Nina Park.\n" LQ "Then we fix the roads." RQ, 1, "Nina Park",
     K::kCarried, "Mayor Nina Park"},
    {"a speech clause before the piece", "Ivo Sand spoke to the pilots on Tuesday. " LQ "Fog is the real enemy." RQ, 0,
     "Ivo Sand", K::kCarried, "Ivo Sand"},
    {"a credit line below", LQ "Every ship needs a harbor." RQ "\n" EM " Lena Ortiz", 0, "Lena Ortiz", K::kAfter,
     "Lena Ortiz"},
    {"a dash credit after the piece", LQ "Every ship needs a harbor." RQ " " BAR " Lena Ortiz", 0, "Lena Ortiz",
     K::kAfter, "Lena Ortiz"},
    // Nested quotes belong to the outer piece.
    {"nested quotes", LQ "He told me " LS "no deal" RS " and walked out," RQ " Ada Brill said.", 0, "Ada Brill",
     K::kAfter, "Ada Brill"},
    // The subject of the piece's sentence, with no cue verb.
    {"the sentence subject", "Rosa Lind had " LQ "no regrets" RQ " about the vote.", 0, "Rosa Lind", K::kSubject,
     "Rosa Lind"},
    // Nobody.
    {"no speaker", "The word " LQ "harbor" RQ " appears twice in the charter.", 0, "", K::kNone, ""},
    {"page furniture is no transcript label", LQ "VIDEO: the pier at dawn" RQ, 0, "", K::kNone, ""},
};

std::string MentionText(const std::string& text, const Attribution& a) { return std::string(a.mention.In(text)); }

class SpeakerResolverTest : public ::testing::TestWithParam<ResolverCase> {};

TEST_P(SpeakerResolverTest, RulesAttributeThePiece) {
  const ResolverCase& c = GetParam();
  std::vector<QuotePiece> pieces = QuoteFinder::Find(c.text);
  ASSERT_GT(pieces.size(), c.piece) << c.path;
  SpeakerResolver resolver;
  std::vector<Attribution> out = resolver.Resolve(c.text, pieces);
  ASSERT_EQ(out.size(), pieces.size());
  const Attribution& a = out[c.piece];
  EXPECT_EQ(a.speaker, c.speaker) << c.path;
  EXPECT_EQ(static_cast<int>(a.kind), static_cast<int>(c.kind)) << c.path;
  EXPECT_EQ(MentionText(c.text, a), c.mention) << c.path;
}

// The shipped ranker keeps every one of these speakers: it may choose
// another mention of the same person, never another person.
TEST_P(SpeakerResolverTest, RankerKeepsTheSpeaker) {
  const ResolverCase& c = GetParam();
  const SpeakerModel* model = SpeakerModel::Shipped();
  ASSERT_NE(model, nullptr);
  std::vector<QuotePiece> pieces = QuoteFinder::Find(c.text);
  SpeakerResolver resolver;
  resolver.set_model(model);
  std::vector<Attribution> out = resolver.Resolve(c.text, pieces);
  ASSERT_GT(out.size(), c.piece);
  EXPECT_EQ(out[c.piece].speaker, c.speaker) << c.path;
}

INSTANTIATE_TEST_SUITE_P(Paths, SpeakerResolverTest, ::testing::ValuesIn(kCases));

TEST(SpeakerResolverTest, SplitQuoteIsMarkedAsContinuation) {
  std::string text = LQ "We are ready," RQ " Ada Brill said. " LQ "The boats are fueled." RQ;
  std::vector<QuotePiece> pieces = QuoteFinder::Find(text);
  std::vector<Attribution> out = SpeakerResolver().Resolve(text, pieces);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(out[0].cue_adjacent);
  EXPECT_EQ(std::string(out[0].cue.In(text)), "said");
  EXPECT_TRUE(out[1].split_continuation);
  EXPECT_FALSE(out[1].cue_adjacent);
}

TEST(SpeakerResolverTest, TranscriptLabelNamesThePersonTheArticleNames) {
  std::string text = "Ivan Holt spoke to the council.\n" LQ "HOLT: We will not sell the pier." RQ;
  std::vector<QuotePiece> pieces = QuoteFinder::Find(text);
  std::vector<Attribution> out = SpeakerResolver().Resolve(text, pieces);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].speaker, "Ivan Holt");
  EXPECT_EQ(std::string(out[0].mention.In(text)), "HOLT");
}

TEST(SpeakerResolverTest, EmptyArticle) {
  EXPECT_TRUE(SpeakerResolver().Resolve("", {}).empty());
  std::string text = "No quotes here.\n\nNone at all.";
  EXPECT_TRUE(SpeakerResolver().Resolve(text, QuoteFinder::Find(text)).empty());
}

TEST(SpeakerResolverTest, CandidatesAreOnePerPiece) {
  std::string text = LQ "We are ready," RQ " Ada Brill said. " LQ "The boats are fueled," RQ " said Ivo Sand.";
  std::vector<QuotePiece> pieces = QuoteFinder::Find(text);
  std::vector<std::vector<SpeakerCandidate>> candidates;
  std::vector<Attribution> out = SpeakerResolver().Resolve(text, pieces, &candidates);
  ASSERT_EQ(candidates.size(), pieces.size());
  for (const std::vector<SpeakerCandidate>& list : candidates) {
    ASSERT_FALSE(list.empty());
    int rules = 0;
    for (const SpeakerCandidate& c : list) rules += c.rule;
    EXPECT_EQ(rules, 1);  // the rules' own mention is one candidate
  }
  EXPECT_EQ(out[1].speaker, "Ivo Sand");
}

}  // namespace
}  // namespace storyfuse
