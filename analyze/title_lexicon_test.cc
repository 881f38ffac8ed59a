#include "analyze/title_lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyze/entity_cues.h"
#include "analyze/speaker_lexicon.h"

namespace storyfuse {
namespace {

std::vector<std::string_view> Words(const std::vector<std::string>& w) { return {w.begin(), w.end()}; }

struct LengthCase {
  std::vector<std::string> words;  // lower case, as the entity side passes them
  size_t at;
  size_t length;
};

const LengthCase kLengths[] = {
    {{"secretary", "of", "state", "ada", "brill"}, 0, 3},
    {{"secretary", "of", "the", "treasury", "ivo"}, 0, 4},
    {{"secretary", "of", "agriculture"}, 0, 3},
    {{"secretary", "general", "ivo"}, 0, 2},
    {{"secretary", "ivo", "sand"}, 0, 1},
    {{"deputy", "prime", "minister", "ivo"}, 0, 3},
    {{"prime", "minister", "ivo"}, 0, 2},
    {{"the", "prime", "minister"}, 1, 2},
    {{"sen.", "dora", "quint"}, 0, 1},  // a trailing period is ignored
    {{"gen", "ruth", "ames"}, 0, 1},
    {{"mr.", "holt"}, 0, 1},
    {{"prime", "time"}, 0, 0},  // a first word alone is no title
    {{"white", "house"}, 0, 0},
    {{"harbor", "pilot"}, 0, 0},
    {{"secretary", "of", "state"}, 0, 3},
    {{"secretary", "of"}, 0, 1},  // the table's longer entry does not fit
};

TEST(TitleLexiconTest, TitleLengthIsTheLongestTitle) {
  for (const LengthCase& c : kLengths) {
    std::vector<std::string_view> w = Words(c.words);
    EXPECT_EQ(TitleLexicon::TitleLength(w, c.at, w.size()), c.length) << c.words[c.at];
  }
  std::vector<std::string> three = {"secretary", "of", "state"};
  std::vector<std::string_view> w = Words(three);
  EXPECT_EQ(TitleLexicon::TitleLength(w, 0, 2), 1u);  // bounded by `end`
  EXPECT_EQ(TitleLexicon::TitleLength(w, 3, 3), 0u);
}

TEST(TitleLexiconTest, OneWordViewHoldsTitlesAndTheirFirstWords) {
  for (const char* w : {"president", "secretary", "prime", "vice", "foreign", "deputy", "sen.", "sen", "mr.", "mr",
                        "spokeswoman", "governor", "chief", "attorney"}) {
    EXPECT_TRUE(TitleLexicon::IsTitleWord(w)) << w;
  }
  // Inner words of a title are not titles on their own.
  for (const char* w : {"of", "state", "treasury", "minister's", "harbor", "pilot", "the", ""}) {
    EXPECT_FALSE(TitleLexicon::IsTitleWord(w)) << w;
  }
}

TEST(TitleLexiconTest, HonorificsAndGenders) {
  for (const char* w : {"mr", "mr.", "mrs", "ms.", "dr", "sir", "dame", "lord", "lady", "prof."}) {
    EXPECT_TRUE(TitleLexicon::IsHonorific(w)) << w;
  }
  for (const char* w : {"miss", "president", "sen.", "congressman"}) {
    EXPECT_FALSE(TitleLexicon::IsHonorific(w)) << w;
  }
  EXPECT_EQ(TitleLexicon::TitleGender("mr."), Gender::kMale);
  EXPECT_EQ(TitleLexicon::TitleGender("congressman"), Gender::kMale);
  EXPECT_EQ(TitleLexicon::TitleGender("mrs"), Gender::kFemale);
  EXPECT_EQ(TitleLexicon::TitleGender("miss"), Gender::kFemale);
  EXPECT_EQ(TitleLexicon::TitleGender("spokeswoman"), Gender::kFemale);
  EXPECT_EQ(TitleLexicon::TitleGender("president"), Gender::kUnknown);
  EXPECT_EQ(TitleLexicon::TitleGender("dr"), Gender::kUnknown);
}

// The entity side's speech verbs are the reporting-verb table's finite
// forms, plus verbs of persons that are not speech.
TEST(TitleLexiconTest, SpeechVerbsComeFromTheReportingVerbTable) {
  for (const char* w : {"said", "says", "told", "tweeted", "written", "described", "denied", "spoke", "urges"}) {
    EXPECT_TRUE(IsSpeechVerb(w)) << w;
    EXPECT_TRUE(SpeakerLexicon::IsFiniteCue(w)) << w;
  }
  for (const char* w : {"met", "visited", "wants", "believes"}) {
    EXPECT_TRUE(IsSpeechVerb(w)) << w;
    EXPECT_FALSE(SpeakerLexicon::IsFiniteCue(w)) << w;  // persons, not speech
  }
  for (const char* w : {"say", "saying", "tell", "harbor", ""}) EXPECT_FALSE(IsSpeechVerb(w)) << w;
}

}  // namespace
}  // namespace storyfuse
