#include "analyze/entity_features.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyfuse {
namespace {

// The candidate segments of `text` as the text they cover.
std::vector<std::string> Segments(std::string_view text) {
  std::vector<LexToken> tokens = WordLexer::Lex(text);
  std::vector<std::string> out;
  for (const CandidateSegment& s : EntityFeatures::Candidates(text, tokens)) {
    out.emplace_back(text.substr(tokens[s.begin].span.begin, tokens[s.end - 1].span.end - tokens[s.begin].span.begin));
  }
  return out;
}

struct SegmentCase {
  const char* text;
  std::vector<std::string> segments;
};

const SegmentCase kSegmentCases[] = {
    {"the mayor of Port Venn spoke", {"Port Venn"}},
    {"shares of Bank of Freedonia fell", {"Bank of Freedonia"}},
    {"Marks & Spencer and Lloyd 's", {"Marks & Spencer and Lloyd"}},
    {"the Apollo 13 crew", {"Apollo 13"}},
    {"Schalke 04 won", {"Schalke 04"}},
    {"no capital letter here", {}},
    // A name never crosses a sentence or a line.
    {"aid reached Velmora. However, it was late", {"Velmora", "However"}},
    {"in Velmora\nOslo", {"Velmora", "Oslo"}},
    // Initials do not end a sentence inside a name.
    {"golfer D.A. Weibring won", {"D.A. Weibring"}},
    // Contractions open sentences, not names.
    {"I'm sure We\xE2\x80\x99re fine, O'Neill said", {"O'Neill"}},
};

TEST(EntityFeaturesTest, CandidateSegments) {
  for (const SegmentCase& c : kSegmentCases) EXPECT_EQ(Segments(c.text), c.segments) << c.text;
}

TEST(EntityFeaturesTest, EveryCandidateTokenHasFeatures) {
  std::string text = "Foreign Minister Ilse Varga met officials in Oslo on Monday, Varga said.";
  std::vector<LexToken> tokens = WordLexer::Lex(text);
  TokenFeatures f;
  EntityFeatures().Extract(text, tokens, &f);
  size_t rows = 0;
  for (const CandidateSegment& s : f.segments) rows += s.end - s.begin;
  ASSERT_EQ(f.rows(), rows);
  ASSERT_EQ(f.offsets.size(), rows + 1);
  // The templates every token has: bias, form, lower case, two shapes,
  // four context words, two context shapes, six pairs, position, document.
  constexpr uint32_t kAlways = 19;
  for (size_t r = 0; r < rows; ++r) EXPECT_GE(f.offsets[r + 1], f.offsets[r] + kAlways) << r;
  EXPECT_EQ(f.offsets.back(), f.hashes.size());
}

TEST(EntityFeaturesTest, HashesAreStable) {
  std::string text = "Secretary of State Marco Alvarez flew to Kuala Lumpur.";
  std::vector<LexToken> tokens = WordLexer::Lex(text);
  TokenFeatures a, b;
  EntityFeatures().Extract(text, tokens, &a);
  EntityFeatures().Extract(text, tokens, &b);
  EXPECT_EQ(a.hashes, b.hashes);
  // Typographic and ASCII quotes, possessives read alike.
  std::vector<uint64_t> curly = EntityFeatures::WordHashes(
      "\xE2\x80\x9CNo\xE2\x80\x9D Ann\xE2\x80\x99s", WordLexer::Lex("\xE2\x80\x9CNo\xE2\x80\x9D Ann\xE2\x80\x99s"));
  std::vector<uint64_t> ascii = EntityFeatures::WordHashes("\"No\" Ann's", WordLexer::Lex("\"No\" Ann's"));
  EXPECT_EQ(curly, ascii);
}

TEST(EntityFeaturesTest, GazetteerPhrasesAddFeatures) {
  std::string text = "Talks in Port Venn ended.";
  std::vector<LexToken> tokens = WordLexer::Lex(text);
  std::vector<uint64_t> words = EntityFeatures::WordHashes(text, tokens);
  NameGazetteer g;
  g.Add(EntityFeatures::PhraseHash(&words[2], 2), NameKind::kPlace);  // "port venn"
  TokenFeatures without, with;
  EntityFeatures().Extract(text, tokens, &without);
  EntityFeatures(&g).Extract(text, tokens, &with);
  EXPECT_GT(with.hashes.size(), without.hashes.size());
}

}  // namespace
}  // namespace storyfuse
