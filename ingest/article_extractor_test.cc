#include "ingest/article_extractor.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

// A page of an invented outlet with optional headline, byline and date.
std::string Page(const std::string& head, const std::string& byline) {
  std::string html = "<html><head>" + head + "</head><body><article>" + byline;
  for (int i = 0; i < 4; ++i) {
    html +=
        "<p>Engineers opened the flood gates at the Marrowvale weir on Tuesday after three days of heavy rain "
        "raised the river by two metres, the regional water board said in its evening notice.</p>";
  }
  return html + "</article></body></html>";
}

// What a feed said of a page (RawDoc::listed_*) fills in only what the page
// does not say, or says less precisely (a day without the time).
TEST(ArticleExtractorTest, ThePageWinsWhereItSaysMoreAndTheListingFillsIn) {
  const std::string kTitled = "<title>Flood gates open at Marrowvale weir</title>";
  struct Case {
    const char* name;
    std::string head;
    std::string listed_published;
    std::string want_title;
    std::string want_published;
    std::string want_author;
  } cases[] = {
      {"page says all", kTitled + "<meta property=\"article:published_time\" content=\"2031-06-02T07:00:00Z\">",
       "2031-06-02T06:15:00Z", "Flood gates open at Marrowvale weir", "2031-06-02T07:00:00Z", "Edda Florin"},
      {"page gives the day only", kTitled + "<meta property=\"article:published_time\" content=\"2031-06-02\">",
       "2031-06-02T06:15:00Z", "Flood gates open at Marrowvale weir", "2031-06-02T06:15:00Z", "Edda Florin"},
      {"page's day differs from the listing's",
       kTitled + "<meta property=\"article:published_time\" content=\"2031-06-03\">", "2031-06-02T06:15:00Z",
       "Flood gates open at Marrowvale weir", "2031-06-03", "Edda Florin"},
      {"page says nothing", "", "2031-06-02T06:15:00Z", "Weir gates opened overnight", "2031-06-02T06:15:00Z",
       "Edda Florin"},
  };
  for (const Case& c : cases) {
    RawDoc doc;
    doc.source = c.name;
    doc.format = DocFormat::kHtml;
    doc.bytes = Page(c.head, "");
    doc.listed_title = "Weir gates opened overnight";
    doc.listed_published = c.listed_published;
    doc.listed_authors = {"Edda Florin"};
    ArticleExtractor extractor;
    Result<Article> a = extractor.Extract(doc);
    ASSERT_TRUE(a.ok()) << c.name << ": " << a.status().message();
    EXPECT_EQ(a->title, c.want_title) << c.name;
    EXPECT_EQ(a->published.iso, c.want_published) << c.name;
    ASSERT_EQ(a->authors.size(), 1u) << c.name;
    EXPECT_EQ(a->authors[0], c.want_author) << c.name;
  }
  // The page's own byline wins over the listing's author.
  RawDoc doc;
  doc.source = "byline";
  doc.format = DocFormat::kHtml;
  doc.bytes = Page(kTitled + "<meta name=\"author\" content=\"Tomas Wren\">", "");
  doc.listed_authors = {"Edda Florin"};
  ArticleExtractor extractor;
  Result<Article> a = extractor.Extract(doc);
  ASSERT_TRUE(a.ok());
  ASSERT_FALSE(a->authors.empty());
  EXPECT_EQ(a->authors[0], "Tomas Wren");
}

}  // namespace
}  // namespace storyfuse
