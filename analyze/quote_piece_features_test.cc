#include "analyze/quote_piece_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/quote_finder.h"
#include "analyze/speaker_resolver.h"

namespace storyfuse {
namespace {

// The feature names of the first piece of `text`.
std::vector<std::string> Names(const std::string& text) {
  std::vector<QuotePiece> pieces = QuoteFinder::Find(text);
  EXPECT_FALSE(pieces.empty()) << text;
  if (pieces.empty()) return {};
  SpeakerResolver resolver;
  std::vector<Attribution> a = resolver.Resolve(text, pieces);
  PieceArticle article;
  for (const Attribution& x : a) article.Count(x);
  std::unordered_map<uint64_t, std::string> names;
  std::vector<std::string> out;
  for (uint64_t k : QuotePieceFeatures::Compute(text, pieces[0], a[0], article, &names)) out.push_back(names[k]);
  return out;
}

bool Has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(QuotePieceFeaturesTest, DescribesThePieceAndWhatSurroundsIt) {
  struct Case {
    const char* text;
    std::vector<const char*> expected;
  } cases[] = {
      // A scare quote after "so-called": lower-case, one word before it.
      {"The so-called \"peace dividend plan\" never came.\n",
       {"bias", "prev=so-called", "first=a", "last=a", "sentences=0", "place=mid"}},
      // A title: every long word capitalized.
      {"She wrote \"The Long Road Home Again\" in 2010.\n", {"caps=4", "prev=wrote"}},
      // Speech credited by a touching cue, opening its paragraph.
      {"\"We will not back down on this. Never,\" Jane Roe said.\n",
       {"adjacent", "cue=said", "sentences=1", "last=,", "first_person=1", "place=opens", "speaker=named",
        "prev_char=^", "next_char= "}},
      // A paragraph in marks left open.
      {"\"I have seen this before and I will see it again\n", {"open", "place=opens&closes", "first=A"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> names = Names(c.text);
    for (const char* e : c.expected) EXPECT_TRUE(Has(names, e)) << c.text << " lacks " << e;
  }
}

TEST(QuotePieceFeaturesTest, CountsTheArticlesCreditedPieces) {
  std::vector<std::string> names = Names("\"We will win this race,\" Jane Roe said. The \"fair deal\" plan is old.\n");
  EXPECT_TRUE(Has(names, "article_pieces=1")) << "two pieces fall in [2, 4)";
  EXPECT_TRUE(Has(names, "article_adjacent=2"));  // one of two pieces
}

}  // namespace
}  // namespace storyfuse
