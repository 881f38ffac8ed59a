#include "analyze/entity_mention_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

// The reader given hand-made names (no model), so each case shows what
// the reader itself does with them.
EntityMentionTable ReadWith(const std::string& text, const std::vector<std::pair<std::string, NameKind>>& names) {
  std::vector<LexToken> tokens = WordLexer::Lex(text);
  std::vector<NameMention> mentions;
  for (const auto& [name, kind] : names) {
    size_t at = text.find(name);
    EXPECT_NE(at, std::string::npos) << name;
    NameMention m;
    m.kind = kind;
    m.first = m.last = 0;
    for (uint32_t k = 0; k < tokens.size(); ++k) {
      if (tokens[k].span.begin == at) m.first = k;
      if (tokens[k].span.end == at + name.size()) m.last = k + 1;
    }
    m.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
    mentions.push_back(m);
  }
  EntityMentionTable table;
  EntityMentionReader::Read(0, text, tokens, mentions, &table);
  return table;
}

TEST(EntityMentionReaderTest, SplitsTheTitleOffAPersonAndIndexesIt) {
  EntityMentionTable t = ReadWith("A visit by Trade Minister Ines Okafor ended. Later the trade minister left.",
                                  {{"Ines Okafor", NameKind::kPerson}});
  ASSERT_EQ(t.surfaces.count("ines okafor"), 1u);
  const Surface& s = t.surfaces.at("ines okafor");
  EXPECT_EQ(s.titles.count("trade minister"), 1u);
  EXPECT_EQ(s.votes[kPersonVote], 1.0);
  ASSERT_EQ(t.title_mentions.size(), 1u);
  EXPECT_EQ(t.title_mentions[0].title, "trade minister");
}

TEST(EntityMentionReaderTest, DefinedAcronymIsRecordedEvenWhenNotRecognized) {
  EntityMentionTable t = ReadWith("The Velmora Water Authority (VWA) raised prices.",
                                  {{"Velmora Water Authority", NameKind::kOrganization}});
  ASSERT_EQ(t.acronym_pairs.size(), 1u);
  EXPECT_EQ(t.acronym_pairs[0].first, "velmora water authority");
  EXPECT_EQ(t.acronym_pairs[0].second, "vwa");
  EXPECT_EQ(t.surfaces.count("vwa"), 1u);
}

TEST(EntityMentionReaderTest, LettersAloneDoNotDefineAnAcronym) {
  EntityMentionTable t = ReadWith("Todd Marlow (U.S.) won.", {{"Todd Marlow", NameKind::kPerson}});
  EXPECT_TRUE(t.acronym_pairs.empty());
}

TEST(EntityMentionReaderTest, StormNamesAreEventsNotPeople) {
  EntityMentionTable t = ReadWith("Hurricane Delia struck the coast.", {{"Hurricane Delia", NameKind::kPerson}});
  EXPECT_EQ(t.storms.count("delia"), 1u);
  EXPECT_TRUE(t.surfaces.empty());
}

}  // namespace
}  // namespace storyfuse
