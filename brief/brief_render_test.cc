#include <gtest/gtest.h>

#include "brief/brief_html.h"
#include "brief/brief_json.h"
#include "brief/brief_markdown.h"

namespace storyfuse {
namespace {

StoryBrief Sample() {
  StoryBrief b;
  b.id = "s-1";
  b.headline = "Bridge <reopens>";
  b.outlets = 2;
  b.independent_sources = 2;
  b.summary.push_back({"The bridge reopened.", {"a", "b"}, {{"a", 0, 20}}, 2});
  b.quotes.push_back({"We are proud", "Ilse Brandvik", {"a"}, {{"We are proud", "a"}, {"We're proud", "b"}}});
  b.numbers.push_back({4.2e6, std::nullopt, std::nullopt, "exact", "crowns", "4.2 million crowns", {"a"}});
  b.figures.push_back({"people evacuated",
                       "people",
                       {{1200, "1,200 people", "b", {"b", 10, 40, 1}, "2031-05-03"},
                        {400, "about 400 people", "a", {"a", 5, 30, 1}, "2031-05-02"}},
                       true});
  b.corrections.push_back({"a", "An earlier version misnamed the bridge.", {"a", 200, 240, 1}});
  b.exclusives.push_back({"b", "Divers found a second crack.", {"b", 50, 78, 0.5f}});
  b.articles.push_back({"a", "Harbour Daily", "Bridge reopens", "2031-05-02", {}, "", "", 120});
  b.articles.push_back({"b", "", "", "", {}, "", "a", 80});
  return b;
}

TEST(BriefJsonTest, EveryKeyPresentAndAbsentIsNull) {
  nlohmann::json j = BriefsToJson({Sample()});
  const auto& s = j["stories"][0];
  for (const char* key : {"id", "headline", "outlets", "independent_sources", "summary", "facts", "quotes", "numbers",
                          "conflicts", "figures", "timeline", "entities", "exclusives", "corrections", "articles"}) {
    EXPECT_TRUE(s.contains(key)) << key;
  }
  EXPECT_EQ(s["summary"][0]["sources"].size(), 2u);
  EXPECT_EQ(s["summary"][0]["spans"][0]["end"], 20);
  EXPECT_TRUE(s["numbers"][0]["min"].is_null());
  EXPECT_EQ(s["numbers"][0]["value"], 4.2e6);
  EXPECT_TRUE(s["articles"][1]["outlet"].is_null());
  EXPECT_EQ(s["articles"][1]["copy_of"], "a");
  EXPECT_EQ(s["quotes"][0]["variants"][1]["text"], "We're proud");
  EXPECT_TRUE(s["quotes"][0]["variants"][1]["span"].is_null());  // no span given
  EXPECT_EQ(s["summary"][0]["independent_sources"], 2);
  EXPECT_EQ(s["summary"][0]["spans"][0]["support"], 1.0);
  EXPECT_EQ(s["exclusives"][0]["span"]["support"], 0.5);
  EXPECT_EQ(s["figures"][0]["values"][0]["time"], "2031-05-03");
  EXPECT_TRUE(s["figures"][0]["headline"].get<bool>());
  EXPECT_EQ(s["corrections"][0]["span"]["start"], 200);
}

TEST(BriefMarkdownTest, NamesSourcesAndVariants) {
  std::string md = BriefToMarkdown(Sample());
  EXPECT_NE(md.find("- The bridge reopened. (2 independent sources) [a, b]"), std::string::npos);
  EXPECT_NE(md.find("1,200 people (2031-05-03) [b]; about 400 people (2031-05-02) [a]"), std::string::npos);
  EXPECT_NE(md.find("## Corrections\n\n- An earlier version misnamed the bridge. [a]"), std::string::npos);
  EXPECT_NE(md.find("b: \u201cWe're proud\u201d"), std::string::npos);
  EXPECT_NE(md.find("(outlet not named)"), std::string::npos);
}

TEST(BriefHtmlTest, EscapesAndIsSelfContained) {
  std::string html = BriefsToHtml({Sample()});
  EXPECT_NE(html.find("Bridge &lt;reopens&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<reopens>"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);  // no external resources
}

}  // namespace
}  // namespace storyfuse
