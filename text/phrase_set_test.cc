#include "text/phrase_set.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

TEST(PhraseSetTest, CountsDistinctPhrasesPerGroup) {
  PhraseSet set;
  size_t player = set.AddGroup({"now playing", "skip ad", "autoplay"});
  size_t speech = set.AddGroup({" said", "\xE2\x80\x9D"});
  size_t none = set.AddGroup({"newsletter"});
  EXPECT_EQ(player, 0u);
  EXPECT_EQ(speech, 1u);
  struct Case {
    std::string text;
    size_t player, speech, none;
  } cases[] = {
      {"now playing skip ad now playing", 2, 0, 0},  // a phrase found twice counts once
      {"autoplay", 1, 0, 0},                         // the whole text
      {"skip a", 0, 0, 0},                           // cut short at the end
      {"she said \xE2\x80\x9D said", 0, 2, 0},
      {"newsletters and news", 0, 0, 1},  // anywhere, not only whole words
      {"", 0, 0, 0},
      {"n", 0, 0, 0},
  };
  for (const Case& c : cases) {
    PhraseSet::Hits hits = set.Find(c.text);
    EXPECT_EQ(hits.Count(player), c.player) << c.text;
    EXPECT_EQ(hits.Count(speech), c.speech) << c.text;
    EXPECT_EQ(hits.Any(none), c.none > 0) << c.text;
  }
}

TEST(PhraseSetTest, PhrasesSharingTheirFirstBytesAreAllFound) {
  PhraseSet set;
  size_t a = set.AddGroup({"correct", "correction"});
  size_t b = set.AddGroup({"cor"});
  PhraseSet::Hits hits = set.Find("a correction");
  EXPECT_EQ(hits.Count(a), 2u);
  EXPECT_EQ(hits.Count(b), 1u);
  hits = set.Find("a corr");
  EXPECT_EQ(hits.Count(a), 0u);
  EXPECT_EQ(hits.Count(b), 1u);
}

// Agrees with one find() per phrase on every substring of a text.
TEST(PhraseSetTest, AgreesWithFindOnEverySubstring) {
  const std::string_view phrases[] = {"in this", "this", "is ", " is", "s i", "photo", "ph", "o p"};
  PhraseSet set;
  for (std::string_view p : phrases) set.AddGroup({p});
  const std::string text = "in this photo his photo is pictured";
  for (size_t b = 0; b <= text.size(); ++b) {
    for (size_t e = b; e <= text.size(); ++e) {
      std::string_view sub = std::string_view(text).substr(b, e - b);
      PhraseSet::Hits hits = set.Find(sub);
      for (size_t g = 0; g < std::size(phrases); ++g) {
        EXPECT_EQ(hits.Any(g), sub.find(phrases[g]) != std::string_view::npos) << sub << " / " << phrases[g];
      }
    }
  }
}

}  // namespace
}  // namespace storyfuse
