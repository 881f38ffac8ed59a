#include "brief/quote_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/text_cleaner.h"

namespace storyfuse {
namespace {

TEST(QuoteTableTest, SameQuoteCutDifferentlyIsOneQuoteWithVariants) {
  Article a, b, c;
  a.id = "a";
  a.text =
      "\"We will rebuild the bridge before winter, and we will do it with local crews,\" Mayor Ilse Brandvik said on "
      "Monday.";
  b.id = "b";
  b.text = "Mayor Ilse Brandvik said: \"We will rebuild the bridge before winter.\"";
  c.id = "c";
  c.text = "\"The ferry timetable will not change this month,\" port director Oren Vask said.";
  std::vector<StoryMember> members = {{&a, "", ""}, {&b, "", ""}, {&c, "", ""}};
  AlignedStory view(members);
  QuoteTable table;
  std::vector<BriefQuote> quotes = table.Build(view, {});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].sources, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(quotes[0].variants.size(), 2u);
  EXPECT_NE(quotes[0].text.find("local crews"), std::string::npos);  // the fullest wording
  EXPECT_EQ(quotes[1].sources, (std::vector<std::string>{"c"}));
}

TEST(QuoteTableTest, ShortQuoteInsideALongOneOfOtherWordsStaysApart) {
  Article a, b;
  a.id = "a";
  a.text =
      "\"The river rose quickly overnight and the levee held, which is what matters most tonight,\" engineer Tova Lind "
      "said.";
  b.id = "b";
  b.text =
      "Residents called the night \"what matters most tonight for the town's future plans\", engineer Tova Lind said.";
  std::vector<StoryMember> members = {{&a, "", ""}, {&b, "", ""}};
  AlignedStory view(members);
  QuoteTable table;
  std::vector<BriefQuote> quotes = table.Build(view, {});
  EXPECT_EQ(quotes.size(), 2u);
}

// Fictional reports of one press briefing (issue 19): two outlets word
// the same remark differently, and a different speaker uses the same frame.
struct Briefing {
  Article a, b, c;
  std::vector<StoryMember> members;
  Briefing() {
    a.id = "harbor-ledger";
    a.text =
        "\"She is closing too many piers,\" union leader Oren Vask said of the harbor master. "
        "\"We will not accept it,\" Vask said.";
    b.id = "velda-post";
    b.text =
        "Oren Vask was blunt. \"We are not happy with the harbor master. Because she is closing a lot of piers. "
        "And a lot of them are ours,\" Vask said on Monday.";
    c.id = "norvania-times";
    c.text = "\"We will not accept it,\" Mayor Ilse Brandvik said of the union's demands.";
    members = {{&a, "", ""}, {&b, "", ""}, {&c, "", ""}};
  }
};

const BriefQuote* WithVariantFrom(const std::vector<BriefQuote>& quotes, const std::string& source,
                                  std::string_view words) {
  for (const BriefQuote& q : quotes) {
    for (const QuoteVariant& v : q.variants) {
      if (v.source == source && v.text.find(words) != std::string::npos) return &q;
    }
  }
  return nullptr;
}

TEST(QuoteTableTest, TheSameRemarkWordedTwoWaysIsOneRemarkWithBothFullWordings) {
  Briefing s;
  AlignedStory view(s.members);
  QuoteTable table;
  std::vector<BriefQuote> quotes = table.Build(view, {});
  const BriefQuote* from_a = WithVariantFrom(quotes, "harbor-ledger", "too many piers");
  const BriefQuote* from_b = WithVariantFrom(quotes, "velda-post", "a lot of piers");
  ASSERT_NE(from_a, nullptr);
  EXPECT_EQ(from_a, from_b);
  EXPECT_EQ(from_a->speaker, "Oren Vask");
  EXPECT_EQ(from_a->independent_sources, 2);
  // Each outlet's whole quotation, with the span it has in that article.
  for (const QuoteVariant& v : from_a->variants) {
    const Article& art = v.source == "harbor-ledger" ? s.a : s.b;
    EXPECT_NE(art.text.find(v.text), std::string::npos) << v.text;
    EXPECT_EQ(v.span.article, v.source);
    EXPECT_EQ(v.span.end - v.span.start, v.text.size()) << v.text;  // ASCII: code points are bytes
    EXPECT_EQ(art.text.substr(v.span.start, v.span.end - v.span.start), v.text);
  }
  EXPECT_NE(from_a->text.find("And a lot of them are ours"), std::string::npos) << from_a->text;
}

TEST(QuoteTableTest, TheSameFrameByDifferentSpeakersIsNotOneRemark) {
  Briefing s;
  AlignedStory view(s.members);
  QuoteTable table;
  std::vector<BriefQuote> quotes = table.Build(view, {});
  const BriefQuote* union_leader = WithVariantFrom(quotes, "harbor-ledger", "We will not accept it");
  const BriefQuote* mayor = WithVariantFrom(quotes, "norvania-times", "We will not accept it");
  ASSERT_NE(union_leader, nullptr);
  ASSERT_NE(mayor, nullptr);
  EXPECT_NE(union_leader, mayor);
  EXPECT_EQ(mayor->speaker, "Ilse Brandvik");
  EXPECT_FALSE(
      QuoteTable::SameRemark("We will not accept it,", "Oren Vask", "We will not accept it,", "Ilse Brandvik"));
  EXPECT_TRUE(QuoteTable::SameRemark("We will not accept it,", "Oren Vask", "We will not accept it,", ""));
}

TEST(QuoteTableTest, AFragmentJoinsTheSentenceItIsCutFrom) {
  EXPECT_TRUE(QuoteTable::SameRemark("dismay and anger", "Ilse Brandvik",
                                     "I share the council's dismay and anger at the delay to the pier.",
                                     "Ilse Brandvik"));
  // Two stems are not the words: "dismayed and angry" is another remark.
  EXPECT_FALSE(QuoteTable::SameRemark("dismay and anger", "Ilse Brandvik",
                                      "She is dismayed and angry that the crews left.", "Ilse Brandvik"));
}

TEST(QuoteTableTest, ATitleInQuotationMarksIsNoWordingOfARemark) {
  EXPECT_FALSE(QuoteTable::SameRemark("The Harbor Festival", "Ilse Brandvik",
                                      "We owe the crews of The Harbor Festival a proper pier.", "Ilse Brandvik"));
  EXPECT_TRUE(QuoteTable::SameRemark("a proper pier", "Ilse Brandvik",
                                     "We owe the crews of The Harbor Festival a proper pier.", "Ilse Brandvik"));
}

TEST(QuoteTableTest, TheWordingMustStateTheQuotationNotOnlyShareItsWords) {
  // Most words shared, but the longer wording says the opposite.
  EXPECT_FALSE(QuoteTable::SameRemark("The council approved the new ferry timetable for the winter months.", "",
                                      "The council rejected the new ferry timetable for the winter months.", ""));
  // Another figure is another statement.
  EXPECT_FALSE(QuoteTable::SameRemark("We moved 400 crates off the pier before the storm.", "Oren Vask",
                                      "We moved 900 crates off the pier before the storm came in.", "Oren Vask"));
  EXPECT_TRUE(QuoteTable::SameRemark("We moved 400 crates off the pier before the storm.", "Oren Vask",
                                     "We moved 400 crates off the pier before the storm came in. Then we waited.",
                                     "Oren Vask"));
}

// A whole short statement is read by the matcher, not as a fragment: two
// of its three content words in another remark do not state it.
TEST(QuoteTableTest, AShortStatementIsNotAFragmentOfAnotherRemark) {
  EXPECT_FALSE(QuoteTable::SameRemark(
      "Our harbor stage is not for protests.", "",
      "Unless they are assured that nothing disruptive is going to happen on the Harbor Stage, the festival is "
      "not letting Oren Vask onto the quay,",
      ""));
  EXPECT_TRUE(QuoteTable::SameRemark("Our harbor stage is not for protests.", "",
                                     "Our harbor stage is not for protests, and it never will be,", ""));
}

TEST(QuoteTableTest, OneOutletsTwoQuotationsInOtherWordsAreTwoRemarks) {
  Article a;
  a.id = "velda-post";
  a.text =
      "\"It will be worse this winter for the crews,\" Oren Vask said on Monday. The union met again. "
      "\"Every winter gets harder for the crews,\" Oren Vask said later.";
  std::vector<StoryMember> members{{&a, "", ""}};
  AlignedStory view(members);
  QuoteTable table;
  std::vector<BriefQuote> quotes = table.Build(view, {});
  EXPECT_EQ(quotes.size(), 2u);
}

// Issue #19: the lines of a dialogue in one report share words ("bought",
// "credit card") but are different remarks; a loose repeat of a remark the
// report quotes in full ("a waste of money and lives") is that remark.
TEST(QuoteTableTest, OneReportsDialogueIsSeveralRemarksAndItsRepeatIsOne) {
  Article a;
  a.id = "velda-post";
  a.text =
      "\"Mom, I bought you a rain cape and a lamp for the ferry!\" Tomas Vask said at the pier.\n"
      "\"YOU bought it? How?\" his mother asked.\n"
      "\"With your credit card.\"\n"
      "\"That credit card is for storms, dear,\" Ilse Vask said.\n"
      "\"Ferries are a waste of money and a waste of time for the town,\" Oren Brandvik said. Brandvik, "
      "who called the service a \"waste of money and time,\" voted against it.";
  std::vector<StoryMember> members{{&a, "", ""}};
  AlignedStory view(members);
  QuoteTable table;
  std::vector<BriefQuote> quotes = table.Build(view, {});
  const BriefQuote* bought = WithVariantFrom(quotes, "velda-post", "YOU bought it");
  const BriefQuote* card = WithVariantFrom(quotes, "velda-post", "With your credit card");
  const BriefQuote* waste = WithVariantFrom(quotes, "velda-post", "waste of money and time,");
  ASSERT_NE(bought, nullptr);
  ASSERT_NE(card, nullptr);
  ASSERT_NE(waste, nullptr);
  EXPECT_EQ(bought->variants.size(), 1u) << bought->text;
  EXPECT_EQ(card->variants.size(), 1u) << card->text;
  EXPECT_EQ(waste->variants.size(), 2u) << waste->text;
}

// The seeds: every quote the extractor finds (`storyfuse quotes`, which
// reads each file as it is) is a variant of a remark in the brief's quotes.
TEST(QuoteTableSeedsTest, EveryExtractedQuoteIsInTheBrief) {
  std::filesystem::path dir = std::filesystem::path(STORYFUSE_SHARED_DIR) / "seeds";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no seeds at " << dir;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Article> articles(files.size());
  TextCleaner cleaner;
  for (size_t i = 0; i < files.size(); ++i) {
    std::ifstream f(files[i]);
    std::stringstream ss;
    ss << f.rdbuf();
    articles[i].id = files[i].stem().string();
    articles[i].input = ss.str();
    ASSERT_TRUE(cleaner.Clean(&articles[i]).ok());
  }
  std::vector<StoryMember> members;
  for (const Article& a : articles) members.push_back({&a, "", a.id});
  AlignedStory view(members);
  QuoteTable table;
  std::vector<BriefQuote> quotes = table.Build(view, {});
  QuoteExtractor extractor;
  size_t found = 0;
  for (const Article& a : articles) {
    for (const Quote& q : extractor.Extract(a.input)) {
      ++found;
      std::string text(q.text.In(a.input));
      EXPECT_NE(WithVariantFrom(quotes, a.id, text), nullptr) << a.id << ": " << text;
    }
  }
  EXPECT_GE(found, 50u);
  for (const BriefQuote& q : quotes) EXPECT_FALSE(q.speaker.empty()) << q.text;
}

}  // namespace
}  // namespace storyfuse
