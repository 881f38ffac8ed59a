#include "ingest/html_metadata.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

Article FillFrom(std::string_view html) {
  Result<HtmlDocument> doc = HtmlDocument::Parse(html);
  EXPECT_TRUE(doc.ok());
  Article a;
  a.language = "";
  HtmlMetadata::Fill(*doc, &a);
  return a;
}

TEST(HtmlMetadataTest, CleanTitle) {
  struct Case {
    const char* title;
    const char* outlet;
    const char* want;
  } cases[] = {
      {"Storm hits coast | The Daily Example", "", "Storm hits coast"},
      {"Storm hits coast - Daily Example News Network Online Edition", "Daily Example News Network Online Edition",
       "Storm hits coast"},
      {"Storm hits coast \xE2\x80\x94 Example Times", "", "Storm hits coast"},
      {"Example Times | Storm hits coast, again and again and again today", "Example Times",
       "Storm hits coast, again and again and again today"},
      {"  Spaces   inside\n title ", "", "Spaces inside title"},
      {"No separator here", "", "No separator here"},
      {"Budget talks - live updates", "", "Budget talks - live updates"},
      {"Budget talks - example.com", "", "Budget talks"},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(HtmlMetadata::CleanTitle(c.title, c.outlet), c.want) << c.title;
  }
}

TEST(HtmlMetadataTest, IsoDate) {
  struct Case {
    const char* raw;
    const char* want;
  } cases[] = {
      {"2031-04-02", "2031-04-02"},
      {"2031-04-02T09:15:00Z", "2031-04-02T09:15:00Z"},
      {"2031-04-02T09:15:00+02:00", "2031-04-02T07:15:00Z"},
      {"2031-04-02T23:30:00-0300", "2031-04-03T02:30:00Z"},
      {"2031-04-02T09:15:00.123+00:00", "2031-04-02T09:15:00Z"},
      {"2031-04-02 09:15", "2031-04-02T09:15:00"},
      {"April 2, 2031", ""},
      {"2031-13-02", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(HtmlMetadata::IsoDate(c.raw), c.want) << c.raw;
  }
}

TEST(HtmlMetadataTest, SplitAuthors) {
  struct Case {
    const char* byline;
    std::vector<std::string> want;
  } cases[] = {
      {"By Ann Lee and Bo Ray", {"Ann Lee", "Bo Ray"}},
      {"Ann Lee, Bo Ray & Cy Moss", {"Ann Lee", "Bo Ray", "Cy Moss"}},
      {"https://example.com/staff/ann", {}},
      {"news@example.com", {}},
      {"Ann Lee, Ann Lee", {"Ann Lee"}},
      {"", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(HtmlMetadata::SplitAuthors(c.byline), c.want) << c.byline;
  }
}

TEST(HtmlMetadataTest, JsonLdGraphIsRead) {
  Article a = FillFrom(R"(<html lang="pt-BR"><head><script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Site"},
      {"@type":["NewsArticle"],"headline":"Ferry fares rise","datePublished":"2032-01-05T10:00:00Z",
       "author":{"@type":"Person","name":"Rui Sol"},"publisher":{"name":"Gazeta Exemplo"},
       "url":"https://gazeta.example/ferry"}]}
    </script></head><body><p>x</p></body></html>)");
  EXPECT_EQ(a.title, "Ferry fares rise");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Rui Sol"});
  EXPECT_EQ(a.published.iso, "2032-01-05T10:00:00Z");
  EXPECT_EQ(a.outlet, "Gazeta Exemplo");
  EXPECT_EQ(a.url, "https://gazeta.example/ferry");
  EXPECT_EQ(a.language, "pt");
}

TEST(HtmlMetadataTest, BodyIsTheLastResort) {
  Article a = FillFrom(
      "<body><h1>Mill closes after a century</h1><span class=\"byline\">By Jo Penn</span>"
      "<time datetime=\"2030-06-30\">June 30</time><p>Text.</p></body>");
  EXPECT_EQ(a.title, "Mill closes after a century");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Jo Penn"});
  EXPECT_EQ(a.published.iso, "2030-06-30");
  EXPECT_EQ(a.published.evidence, "2030-06-30");
}

TEST(HtmlMetadataTest, BrokenJsonLdIsIgnored) {
  Article a = FillFrom(
      "<head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script>"
      "<title>Plain title</title></head>");
  EXPECT_EQ(a.title, "Plain title");
  EXPECT_TRUE(a.authors.empty());
}

// A character reference is part of the word it is in: the title, heading
// and byline read as the page shows them (issue #22: "Trump ' s", "Jos é").
TEST(HtmlMetadataTest, EntitiesStayInTheirWords) {
  struct Case {
    const char* html;
    const char* title;
    const char* author;
  } cases[] = {
      {"<head><title>Trump&#39;s tariffs hit AT&amp;T</title></head><body><p>x</p></body>", "Trump's tariffs hit AT&T",
       ""},
      {"<body><h1>Caf&eacute; owner&rsquo;s &quot;big&quot; day</h1>"
       "<span class=\"byline\">By Jos&eacute; Ram&iacute;rez</span><p>x</p></body>",
       "Caf\u00e9 owner\u2019s \"big\" day", "Jos\u00e9 Ram\u00edrez"},
      {"<body><h1>Mill <b>closes</b>, <i>again</i></h1><p>x</p></body>", "Mill closes, again", ""},
      {"<body><h1>First line<br>second line</h1><p>x</p></body>", "First line second line", ""},
      {"<body><div class=\"byline\"><span>By</span> <a href=\"/a\">Ana&nbsp;Orm</a></div><p>x</p></body>", "",
       "Ana Orm"},
  };
  for (const Case& c : cases) {
    Article a = FillFrom(c.html);
    EXPECT_EQ(a.title, c.title) << c.html;
    if (*c.author) {
      EXPECT_EQ(a.authors, std::vector<std::string>{c.author}) << c.html;
    }
  }
}

}  // namespace
}  // namespace storyfuse
