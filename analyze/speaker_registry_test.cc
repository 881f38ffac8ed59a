#include "analyze/speaker_registry.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/quote_finder.h"
#include "analyze/speaker_tokenizer.h"

namespace storyfuse {
namespace {

struct NameCase {
  const char* text;  // one paragraph, no quotes (invented)
  const char* run;   // the first word of the name run to resolve
  const char* want;  // its canonical name; "" when it names nobody
};

// Who a capitalized run names once the registry has learned the text. Page
// furniture, datelines, headlines and sentence words name nobody.
const NameCase kCases[] = {
    {"Mayor Lena Ortiz spoke at the pier. Ortiz left at noon.", "Ortiz", "Lena Ortiz"},
    {"Brill spoke first. Later, Ada Brill left the quay.", "Brill", "Ada Brill"},
    {"WASHINGTON \xE2\x80\x94 Ada Brill spoke.", "WASHINGTON", ""},
    {"CLOSE Chris Roe spoke at the pier.", "CLOSE", "Chris Roe"},
    {"EBOLA SURVIVORS SPEAK OUT in Harbor Town.", "EBOLA", ""},
    {"Citing the report, Ada Brill left.", "Citing", ""},
    {"Nevertheless, Ada Brill stayed on the quay.", "Nevertheless", ""},
    {"Critics say Ada Brill stayed too long.", "Critics", ""},
    {"Democratic leaders met Ada Brill.", "Democratic", ""},
    {"It\xE2\x80\x99s late, Ada Brill said.", "It", ""},
    {"Fleming said the pier was safe. Ada Brill agreed with Fleming.", "Fleming", "Fleming"},
    {"CNN reported the vote. Ada Brill agreed.", "CNN", "CNN"},
};

TEST(SpeakerRegistryTest, NamesPeopleNotSentenceWordsOrFurniture) {
  for (const NameCase& c : kCases) {
    std::string text = c.text;
    std::vector<QuotePiece> pieces;
    std::vector<SpeakerToken> toks;
    SpeakerTokenizer::Tokenize(text, {0, static_cast<uint32_t>(text.size())}, pieces, 0, 0, &toks);
    SpeakerRegistry registry;
    registry.Learn(text, toks);
    registry.Index(text, toks);
    std::vector<NameRun> runs = SpeakerRegistry::FindNameRuns(text, toks, 0, toks.size());
    bool found = false;
    for (const NameRun& run : runs) {
      if (!toks[run.begin].span.In(text).starts_with(c.run)) continue;
      found = true;
      EXPECT_EQ(registry.ResolveName(text, toks, run), c.want) << c.text;
      EXPECT_EQ(registry.LookupName(text, toks, run), c.want) << c.text;
      break;
    }
    // A run dropped altogether names nobody either.
    if (!found) EXPECT_STREQ(c.want, "") << c.text << ": no run starts with " << c.run;
  }
}

TEST(SpeakerRegistryTest, PronounsSkipSentenceWords) {
  std::string text = "Ada Brill reached the quay. Nevertheless, she stayed. She said it was cold.";
  std::vector<QuotePiece> pieces;
  std::vector<SpeakerToken> toks;
  SpeakerTokenizer::Tokenize(text, {0, static_cast<uint32_t>(text.size())}, pieces, 0, 0, &toks);
  SpeakerRegistry registry;
  registry.Learn(text, toks);
  registry.Index(text, toks);
  uint32_t she = static_cast<uint32_t>(text.find("She said"));
  EXPECT_EQ(registry.ResolvePronoun(she, Gender::kFemale), "Ada Brill");
  EXPECT_EQ(registry.ResolvePronoun(she, Gender::kUnknown), "Ada Brill");
}

}  // namespace
}  // namespace storyfuse
