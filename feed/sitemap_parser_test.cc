#include "feed/sitemap_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/gzip_reader.h"

namespace storyfuse {
namespace {

constexpr char kNewsSitemap[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://harbourgazette.test/2026/03/14/ferry-aground.html</loc>
    <lastmod>2026-03-14T10:00:00+01:00</lastmod>
    <news:news>
      <news:publication>
        <news:name>The Harbour Gazette</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>2026-03-14T09:05:00-05:00</news:publication_date>
      <news:title>Ferry runs aground off Port &amp;lt;Alvar&amp;gt;</news:title>
    </news:news>
  </url>
  <url>
    <loc>  /2026/03/13/quay.html  </loc>
    <news:news><news:publication_date>2026-03-13</news:publication_date><news:title>Quay</news:title></news:news>
  </url>
  <url><loc>https://harbourgazette.test/about</loc></url>
  <url><lastmod>2026-03-01</lastmod></url>
  <url><loc>mailto:desk@harbourgazette.test</loc></url>
</urlset>)";

constexpr char kIndex[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://coastwire.test/sitemap-news.xml</loc><lastmod>2026-03-14</lastmod></sitemap>
  <sitemap><loc>sitemap-2026-03.xml.gz</loc></sitemap>
</sitemapindex>)";

struct WantEntry {
  const char* loc;
  const char* lastmod;
  bool has_news;
  const char* publication;
  const char* language;
  const char* date;
  const char* title;
};

struct SitemapCase {
  const char* name;
  std::string input;
  const char* url;
  SitemapKind kind;
  std::vector<WantEntry> entries;
  size_t skipped;
};

TEST(SitemapParserTest, ReadsEachKind) {
  const SitemapCase kCases[] = {
      {"news",
       kNewsSitemap,
       "https://harbourgazette.test/sitemap-news.xml",
       SitemapKind::kUrlSet,
       {{"https://harbourgazette.test/2026/03/14/ferry-aground.html", "2026-03-14T09:00:00Z", true,
         "The Harbour Gazette", "en", "2026-03-14T14:05:00Z", "Ferry runs aground off Port <Alvar>"},
        {"https://harbourgazette.test/2026/03/13/quay.html", "", true, "", "", "2026-03-13", "Quay"},
        {"https://harbourgazette.test/about", "", false, "", "", "", ""}},
       2},
      {"index",
       kIndex,
       "https://coastwire.test/sitemap.xml",
       SitemapKind::kIndex,
       {{"https://coastwire.test/sitemap-news.xml", "2026-03-14", false, "", "", "", ""},
        {"https://coastwire.test/sitemap-2026-03.xml.gz", "", false, "", "", "", ""}},
       0},
      {"gzip",
       GzipReader::Compress(kIndex),
       "https://coastwire.test/sitemap.xml.gz",
       SitemapKind::kIndex,
       {{"https://coastwire.test/sitemap-news.xml", "2026-03-14", false, "", "", "", ""},
        {"https://coastwire.test/sitemap-2026-03.xml.gz", "", false, "", "", "", ""}},
       0},
      {"no namespace",
       "<urlset><url><loc>https://valleyherald.test/a</loc></url></urlset>",
       "",
       SitemapKind::kUrlSet,
       {{"https://valleyherald.test/a", "", false, "", "", "", ""}},
       0},
      {"text",
       "https://valleyherald.test/a\nnot a url\n\nhttps://valleyherald.test/b\n",
       "",
       SitemapKind::kText,
       {{"https://valleyherald.test/a", "", false, "", "", "", ""},
        {"https://valleyherald.test/b", "", false, "", "", "", ""}},
       1},
  };
  for (const SitemapCase& c : kCases) {
    SCOPED_TRACE(c.name);
    auto map = SitemapParser::Parse(c.input, c.url);
    ASSERT_TRUE(map.ok()) << map.status().ToString();
    EXPECT_EQ(map->kind, c.kind);
    EXPECT_EQ(map->skipped, c.skipped);
    EXPECT_FALSE(map->truncated);
    ASSERT_EQ(map->entries.size(), c.entries.size());
    for (size_t i = 0; i < c.entries.size(); ++i) {
      SCOPED_TRACE(i);
      const SitemapEntry& got = map->entries[i];
      const WantEntry& want = c.entries[i];
      EXPECT_EQ(got.loc, want.loc);
      EXPECT_EQ(got.lastmod, want.lastmod);
      EXPECT_EQ(got.has_news, want.has_news);
      EXPECT_EQ(got.news.publication_name, want.publication);
      EXPECT_EQ(got.news.language, want.language);
      EXPECT_EQ(got.news.publication_date, want.date);
      EXPECT_EQ(got.news.title, want.title);
    }
  }
}

TEST(SitemapParserTest, EntriesAreCapped) {
  std::string xml = "<urlset>";
  for (size_t i = 0; i < SitemapParser::kMaxEntries + 2; ++i) {
    xml += "<url><loc>https://h.test/" + std::to_string(i) + "</loc></url>";
  }
  xml += "</urlset>";
  auto map = SitemapParser::Parse(xml, "");
  ASSERT_TRUE(map.ok());
  EXPECT_EQ(map->entries.size(), SitemapParser::kMaxEntries);
  EXPECT_TRUE(map->truncated);
}

TEST(SitemapParserTest, BadInputGetsAClearError) {
  // 51 gzip members of 1 MiB of zeros each, ~52 KiB in all, inflate past
  // the 50 MiB limit: a gzip bomb for this parser.
  std::string member = GzipReader::Compress(std::string(1u << 20, '\0'));
  std::string bomb;
  for (int i = 0; i < 51; ++i) bomb += member;
  std::string corrupt = GzipReader::Compress(kIndex);
  corrupt.resize(corrupt.size() / 2);
  struct Bad {
    const char* name;
    std::string input;
    const char* message_part;
  };
  const Bad kBad[] = {
      {"empty", "", "empty sitemap"},
      {"html", "<!doctype html><html><body>Not found</body></html>", "an HTML page, not a sitemap"},
      {"truncated", std::string(kNewsSitemap).substr(0, 300), "truncated XML: the input ends inside <"},
      {"feed", "<rss version=\"2.0\"><channel/></rss>", "not a sitemap: the root element is <rss> (a feed)"},
      {"malformed", "<urlset><url><loc>a</url></urlset>", "malformed XML at line 1"},
      {"gzip bomb", bomb, "gzip sitemap"},
      {"corrupt gzip", corrupt, "gzip sitemap"},
      {"too big", std::string(SitemapParser::kMaxBytes + 1, ' '), "over the 50 MiB limit"},
  };
  for (const Bad& c : kBad) {
    auto map = SitemapParser::Parse(c.input, "https://h.test/sitemap.xml");
    ASSERT_FALSE(map.ok()) << c.name;
    EXPECT_NE(map.status().message().find(c.message_part), std::string::npos)
        << c.name << " -> " << map.status().message();
  }
}

}  // namespace
}  // namespace storyfuse
