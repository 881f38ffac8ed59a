#include "brief/brief_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "brief/brief_json.h"
#include "brief/statement_matcher.h"

namespace storyfuse {
namespace {

// Three invented reports of talks between two fictional ministers.
const char kNorth[] =
    "Foreign Minister Ada Korval of Estmark met her Varnian counterpart Piet Oberin in the port city "
    "of Sundhavn on Tuesday for talks on fishing rights.\n"
    "Korval described the 40-minute meeting with Oberin as \"tense but useful,\" officials said.\n"
    "\"We will not give up our waters. Our fleets have fished there for centuries,\" Korval said.\n"
    "The two ministers agreed to meet again in March, a spokesman for the Estmark foreign ministry said.";
const char kSouth[] =
    "Estmark Foreign Minister Ada Korval and Varnian Foreign Minister Piet Oberin held talks in Sundhavn "
    "on Tuesday over a dispute about fishing rights.\n"
    "The 40-minute meeting ended without agreement, Oberin told reporters.\n"
    "\"We will not give up our waters,\" he said.\n"
    "Because he wants a deal before winter.\n"
    "Coast guard ships from both countries have shadowed each other near the Skarra banks since June.";
const char kWest[] =
    "Ada Korval, the Estmark foreign minister, met Piet Oberin of Varnia in Sundhavn on Tuesday to discuss "
    "fishing rights in the disputed northern waters.\n"
    "Korval and Oberin spoke for 40 minutes and agreed only to keep talking.\n"
    "A Varnian trawler was seized by the Estmark coast guard last month, fishermen's unions said.";

Article Make(const char* id, const char* text) {
  Article a;
  a.id = id;
  a.text = text;
  a.published = {"2031-04-09", "test"};
  return a;
}

TEST(BriefBuilderTest, EditorialRulesOnAnInventedStory) {
  std::vector<Article> articles = {Make("north", kNorth), Make("south", kSouth), Make("west", kWest)};
  std::vector<StoryMember> members;
  for (const Article& a : articles) members.push_back({&a, "", ""});
  BriefBuilder builder;
  StoryBrief b = builder.Build("s-1", members);

  bool length = false;
  std::set<std::string> summary;
  for (const Statement& st : b.summary) {
    length |= st.text.find("40-minute") != std::string::npos || st.text.find("40 minutes") != std::string::npos;
    summary.insert(st.text);
  }
  EXPECT_TRUE(length) << "the length several reports give belongs in the summary";
  for (const Statement& f : b.facts) {
    EXPECT_FALSE(summary.count(f.text)) << f.text;
    EXPECT_NE(f.text.substr(0, 8), "Because ") << f.text;
    EXPECT_EQ(f.text.find("he said."), std::string::npos) << "speaker not named: " << f.text;
    EXPECT_EQ(f.text.find("Our fleets"), std::string::npos) << "piece of a quotation: " << f.text;
  }
  for (const Exclusive& e : b.exclusives) {
    EXPECT_FALSE(summary.count(e.text)) << e.text;
    EXPECT_EQ(e.text.find("Our fleets"), std::string::npos) << e.text;
  }
  for (const TimelineEntry& t : b.timeline) {
    EXPECT_EQ(t.text.find('"'), std::string::npos) << t.text;
  }
}

// A builder keeps what it read of each sentence for the next build (a
// brief worker rebuilds a story as it grows): a story built by a builder
// that built it before, and others, is the brief a fresh builder gives.
TEST(BriefBuilderTest, ABuilderThatBuiltBeforeGivesTheSameBrief) {
  std::vector<Article> articles = {Make("north", kNorth), Make("south", kSouth), Make("west", kWest)};
  std::vector<StoryMember> first_two, all;
  for (const Article& a : articles) all.push_back({&a, "", ""});
  first_two.assign(all.begin(), all.begin() + 2);
  std::string fresh = BriefToJson(BriefBuilder().Build("s-1", all)).dump();
  BriefBuilder warm;
  warm.Build("s-1", first_two);
  warm.Build("s-2", {all[2]});
  EXPECT_EQ(BriefToJson(warm.Build("s-1", all)).dump(), fresh);
  EXPECT_EQ(BriefToJson(warm.Build("s-1", all)).dump(), fresh) << "built again, all read before";
}

// Three invented reports of a council vote. The third shares the first two's
// words but states something else (an argument, no vote): it must not be
// cited for their sentence.
const char kHarbour[] =
    "The Tolvane council approved emergency funds for the flood defences on Monday after a long debate.\n"
    "Water levels on the Vell river fell for a second day, the regional flood office said.\n"
    "Engineers from the port authority will inspect the northern dike next week.";
const char kValley[] =
    "After a long debate, the Tolvane council on Monday approved emergency funds for the flood defences.\n"
    "Water levels on the Vell river fell for a second day, the regional flood office said on Tuesday.\n"
    "Farmers near Brask asked for compensation for flooded fields.";
const char kCoast[] =
    "Members of the Tolvane council argued for hours on Monday over how to pay for the flood defences.\n"
    "Residents of the lower town packed the council chamber during the debate.\n"
    "A ferry service across the Vell estuary stayed suspended.";

// Issue #23: a story without titles showed its id ("s-204") as headline.
TEST(BriefBuilderTest, AStoryWithoutTitlesIsHeadedByItsBestSentence) {
  std::vector<Article> articles = {Make("north", kNorth), Make("south", kSouth), Make("west", kWest)};
  std::vector<StoryMember> members;
  for (const Article& a : articles) members.push_back({&a, "", ""});
  StoryBrief b = BriefBuilder().Build("s-1", members);
  ASSERT_FALSE(b.summary.empty());
  ASSERT_FALSE(b.headline.empty());
  const std::string& first = b.summary.front().text;
  std::string head = b.headline;
  const std::string ellipsis = "\u2026";
  if (head.size() >= ellipsis.size() && head.compare(head.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0) {
    head.resize(head.size() - ellipsis.size());
    EXPECT_LE(std::count(head.begin(), head.end(), ' '), 15) << b.headline;
  } else {
    EXPECT_EQ(head, first);
  }
  EXPECT_EQ(first.compare(0, head.size(), head), 0) << "a prefix of the sentence: " << b.headline;

  articles[0].title = "Estmark and Varnia talk fishing in Sundhavn";
  members.clear();
  for (const Article& a : articles) members.push_back({&a, "", ""});
  EXPECT_EQ(BriefBuilder().Build("s-1", members).headline, articles[0].title) << "a title wins";
}

TEST(BriefBuilderTest, ASourceIsCitedOnlyForWhatItsSpanStates) {
  std::vector<Article> articles = {Make("harbour", kHarbour), Make("valley", kValley), Make("coast", kCoast)};
  std::vector<StoryMember> members;
  for (const Article& a : articles) members.push_back({&a, "", ""});
  BriefBuilder builder;
  StoryBrief b = builder.Build("s-2", members);
  const StatementMatcher& m = StatementMatcher::Shipped();
  bool vote_cited_twice = false;
  std::vector<Statement> all = b.summary;
  all.insert(all.end(), b.facts.begin(), b.facts.end());
  for (const Statement& st : all) {
    ASSERT_EQ(st.sources.size(), st.spans.size()) << st.text;
    EXPECT_EQ(st.spans[0].support, 1.0f) << "the shown sentence's own span";
    for (size_t i = 0; i < st.spans.size(); ++i) {
      EXPECT_EQ(st.spans[i].article, st.sources[i]);
      if (i > 0) EXPECT_TRUE(m.Supports(st.spans[i].support)) << st.text << " cites " << st.sources[i];
    }
    if (st.text.find("approved emergency funds") == std::string::npos) continue;
    EXPECT_EQ(std::count(st.sources.begin(), st.sources.end(), "coast"), 0) << "coast reports no vote";
    vote_cited_twice |= st.independent_sources == 2;
  }
  EXPECT_TRUE(vote_cited_twice) << "harbour and valley state the vote in other words";
}

// Issue #19: two outlets end a paragraph with the same link text ("Read
// more about ... here."). Shared by two sources, it looked like a fact.
TEST(BriefBuilderTest, LinkTextSharedByTwoOutletsIsNoFact) {
  std::string harbour = std::string(kHarbour) +
                        "\nThe flood office has cleared 40 homes. Read more about the Vell flood here. "
                        "Read our statement here.";
  std::string valley = std::string(kValley) +
                       "\nOfficials cleared 40 homes near the river. Read more about the Vell flood here. "
                       "Media coverage here and here.";
  std::vector<Article> articles = {Make("harbour", harbour.c_str()), Make("valley", valley.c_str()),
                                   Make("coast", kCoast)};
  std::vector<StoryMember> members;
  for (const Article& a : articles) members.push_back({&a, "", ""});
  StoryBrief b = BriefBuilder().Build("s-3", members);
  ASSERT_FALSE(b.summary.empty());
  std::vector<std::string> texts;
  for (const Statement& st : b.summary) texts.push_back(st.text);
  for (const Statement& st : b.facts) texts.push_back(st.text);
  for (const Exclusive& e : b.exclusives) texts.push_back(e.text);
  for (const std::string& t : texts) EXPECT_EQ(t.find(" here."), std::string::npos) << t;
}

}  // namespace
}  // namespace storyfuse
