#include "feed/feed_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyfuse {
namespace {

// Feeds of fictional outlets, one per format, each with the awkward cases
// real feeds have: no dates, repeated GUIDs, relative links, HTML and
// entities in titles, CDATA, namespaces.
constexpr char kRss2[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>The Harbour Gazette &amp;amp; Mail</title>
  <link>/</link>
  <atom:link rel="self" href="https://harbourgazette.test/rss.xml"/>
  <item>
    <title><![CDATA[<b>Ferry</b> runs aground off Port Alvar]]></title>
    <link>/2026/03/14/ferry-aground.html?utm_source=rss</link>
    <guid isPermaLink="false">hg-1001</guid>
    <pubDate>Sat, 14 Mar 2026 09:05:00 -0500</pubDate>
    <author>desk@harbourgazette.test (Ana Varga)</author>
    <description>&lt;p&gt;All 212 passengers were taken &lt;em&gt;ashore&lt;/em&gt;.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Quay repairs &#8211; what we know</title>
    <guid>https://harbourgazette.test/2026/03/14/quay.html</guid>
    <dc:creator>Tomas Reyes</dc:creator>
    <dc:creator>Lina Osei</dc:creator>
    <content:encoded><![CDATA[<p>The quay reopens <i>Monday</i>.</p>]]></content:encoded>
  </item>
  <item>
    <title>Ferry runs aground (updated)</title>
    <link>https://harbourgazette.test/2026/03/14/ferry-aground.html</link>
    <guid isPermaLink="false">hg-1001</guid>
  </item>
  <item>
    <title>An item with nothing to identify it</title>
    <description>No link, no guid.</description>
  </item>
  <item>
    <title>Letters to the editor</title>
    <link>mailto:letters@harbourgazette.test</link>
    <guid isPermaLink="false">hg-1003</guid>
    <dc:date>2026-03-13T18:00:00+01:00</dc:date>
  </item>
</channel>
</rss>)";

constexpr char kRdf[] = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://valleyherald.test/">
    <title>Valley Herald</title>
    <link>https://valleyherald.test/</link>
  </channel>
  <item rdf:about="https://valleyherald.test/news/dam-inspection">
    <title>Dam inspection finds &lt;i&gt;no&lt;/i&gt; cracks</title>
    <link>news/dam-inspection</link>
    <dc:date>2026-03-12T07:30:00Z</dc:date>
    <dc:creator>Mira Holm</dc:creator>
    <description>Engineers finished the survey on Thursday.</description>
  </item>
  <item rdf:about="https://valleyherald.test/news/bridge">
    <title>Bridge toll to rise</title>
  </item>
</rdf:RDF>)";

constexpr char kAtom[] = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://coastwire.test/world/">
  <title type="html">Coast &lt;em&gt;Wire&lt;/em&gt;</title>
  <link rel="self" href="feed.atom"/>
  <link href="/"/>
  <author><name>Coast Wire staff</name></author>
  <entry>
    <id>tag:coastwire.test,2026:storm-77</id>
    <title type="text">Storm &lt;warning&gt; for the coast</title>
    <link rel="enclosure" href="storm.mp3"/>
    <link rel="alternate" type="text/html" href="2026/storm-warning?a=1&amp;b=2#top"/>
    <published>2026-03-11T22:15:00+02:00</published>
    <updated>2026-03-12T08:00:00Z</updated>
    <author><name>Rafael Dunn</name></author>
    <summary type="html">&lt;p&gt;Winds of 120 km/h&amp;nbsp;expected.&lt;/p&gt;</summary>
  </entry>
  <entry xml:base="https://coastwire.test/local/">
    <id>tag:coastwire.test,2026:market-78</id>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Fish <b>market</b> moves</div></title>
    <link href="market.html"/>
    <updated>2026-03-10T12:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The market moves to pier 4.</p><p>Stalls open at six.</p></div></content>
  </entry>
  <entry>
    <id>tag:coastwire.test,2026:undated-79</id>
    <title>Undated note</title>
    <link href="https://coastwire.test/notes/79"/>
  </entry>
</feed>)";

constexpr char kJsonFeed[] = R"({
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Northern Ledger",
  "home_page_url": "https://northernledger.test/",
  "authors": [{"name": "Ledger desk"}],
  "items": [
    {"id": "nl-1", "url": "/2026/rail-strike", "title": "Rail strike &amp; talks",
     "content_html": "<p>Unions meet <b>Friday</b>.</p>", "date_published": "2026-03-09T10:00:00-04:00",
     "authors": [{"name": "Ivo Petrak"}, {"name": "Sade Kim"}]},
    {"id": 2, "external_url": "https://elsewhere.test/report", "title": "Report",
     "summary": "A summary.", "date_modified": "2026-03-08"},
    {"id": "nl-1", "url": "/2026/rail-strike-2", "title": "Duplicate"},
    "not an object",
    {"title": "No id, no url"}
  ]
})";

struct ExpectedItem {
  const char* guid;
  const char* link;
  const char* title;
  const char* published;
  const char* author;
  const char* summary;
};

struct FeedCase {
  const char* name;
  const char* input;
  const char* feed_url;
  FeedFormat format;
  const char* title;
  const char* site_url;
  std::vector<ExpectedItem> items;
  size_t duplicates;
  size_t skipped;
};

const FeedCase kCases[] = {
    {"rss2",
     kRss2,
     "https://harbourgazette.test/rss.xml",
     FeedFormat::kRss2,
     "The Harbour Gazette & Mail",
     "https://harbourgazette.test/",
     {{"hg-1001", "https://harbourgazette.test/2026/03/14/ferry-aground.html?utm_source=rss",
       "Ferry runs aground off Port Alvar", "2026-03-14T14:05:00Z", "Ana Varga",
       "All 212 passengers were taken ashore."},
      {"https://harbourgazette.test/2026/03/14/quay.html", "https://harbourgazette.test/2026/03/14/quay.html",
       "Quay repairs \xE2\x80\x93 what we know", "", "Tomas Reyes, Lina Osei", "The quay reopens Monday."},
      {"hg-1003", "", "Letters to the editor", "2026-03-13T17:00:00Z", "", ""}},
     1,
     1},
    {"rdf",
     kRdf,
     "https://valleyherald.test/index.rdf",
     FeedFormat::kRss1,
     "Valley Herald",
     "https://valleyherald.test/",
     {{"https://valleyherald.test/news/dam-inspection", "https://valleyherald.test/news/dam-inspection",
       "Dam inspection finds no cracks", "2026-03-12T07:30:00Z", "Mira Holm",
       "Engineers finished the survey on Thursday."},
      {"https://valleyherald.test/news/bridge", "https://valleyherald.test/news/bridge", "Bridge toll to rise", "", "",
       ""}},
     0,
     0},
    {"atom",
     kAtom,
     "https://coastwire.test/feed.atom",
     FeedFormat::kAtom,
     "Coast Wire",
     "https://coastwire.test/",
     {{"tag:coastwire.test,2026:storm-77", "https://coastwire.test/world/2026/storm-warning?a=1&b=2#top",
       "Storm <warning> for the coast", "2026-03-11T20:15:00Z", "Rafael Dunn", "Winds of 120 km/h expected."},
      {"tag:coastwire.test,2026:market-78", "https://coastwire.test/local/market.html", "Fish market moves",
       "2026-03-10T12:00:00Z", "Coast Wire staff", "The market moves to pier 4. Stalls open at six."},
      {"tag:coastwire.test,2026:undated-79", "https://coastwire.test/notes/79", "Undated note", "", "Coast Wire staff",
       ""}},
     0,
     0},
    {"jsonfeed",
     kJsonFeed,
     "https://northernledger.test/feed.json",
     FeedFormat::kJsonFeed,
     "Northern Ledger",
     "https://northernledger.test/",
     {{"nl-1", "https://northernledger.test/2026/rail-strike", "Rail strike & talks", "2026-03-09T14:00:00Z",
       "Ivo Petrak, Sade Kim", "Unions meet Friday."},
      {"2", "https://elsewhere.test/report", "Report", "2026-03-08", "Ledger desk", "A summary."}},
     1,
     2},
};

TEST(FeedParserTest, ReadsEachFormat) {
  for (const FeedCase& c : kCases) {
    SCOPED_TRACE(c.name);
    auto feed = FeedParser::Parse(c.input, c.feed_url);
    ASSERT_TRUE(feed.ok()) << feed.status().ToString();
    EXPECT_EQ(feed->format, c.format);
    EXPECT_EQ(feed->title, c.title);
    EXPECT_EQ(feed->site_url, c.site_url);
    EXPECT_EQ(feed->duplicate_guids, c.duplicates);
    EXPECT_EQ(feed->skipped_items, c.skipped);
    EXPECT_FALSE(feed->truncated);
    ASSERT_EQ(feed->items.size(), c.items.size());
    for (size_t i = 0; i < c.items.size(); ++i) {
      SCOPED_TRACE(i);
      const FeedItem& got = feed->items[i];
      const ExpectedItem& want = c.items[i];
      EXPECT_EQ(got.guid, want.guid);
      EXPECT_EQ(got.link, want.link);
      EXPECT_EQ(got.title, want.title);
      EXPECT_EQ(got.published, want.published);
      EXPECT_EQ(got.author, want.author);
      EXPECT_EQ(got.summary, want.summary);
    }
  }
}

TEST(FeedParserTest, RelativeLinksWithoutABaseAreDropped) {
  auto feed = FeedParser::Parse(
      "<rss><channel><item><link>/a.html</link><guid>g1</guid></item>"
      "<item><link>https://x.test/b.html</link></item></channel></rss>",
      "");
  ASSERT_TRUE(feed.ok()) << feed.status().ToString();
  ASSERT_EQ(feed->items.size(), 2u);
  EXPECT_EQ(feed->items[0].link, "");
  EXPECT_EQ(feed->items[0].guid, "g1");
  EXPECT_EQ(feed->items[1].link, "https://x.test/b.html");
  EXPECT_EQ(feed->items[1].guid, "https://x.test/b.html");
}

TEST(FeedParserTest, OnlyAbsoluteGuidsBecomeLinks) {
  auto feed = FeedParser::Parse(
      "<rss><channel><item><guid>12345</guid></item>"
      "<item><guid> https://x.test/story </guid></item></channel></rss>",
      "https://x.test/rss.xml");
  ASSERT_TRUE(feed.ok()) << feed.status().ToString();
  ASSERT_EQ(feed->items.size(), 2u);
  EXPECT_EQ(feed->items[0].guid, "12345");
  EXPECT_EQ(feed->items[0].link, "");  // not https://x.test/12345
  EXPECT_EQ(feed->items[1].link, "https://x.test/story");
}

TEST(FeedParserTest, AnEmptyFeedIsNotAnError) {
  auto feed = FeedParser::Parse("<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>", "");
  ASSERT_TRUE(feed.ok());
  EXPECT_TRUE(feed->items.empty());
  auto json = FeedParser::Parse("{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"Q\"}", "");
  ASSERT_TRUE(json.ok());
  EXPECT_TRUE(json->items.empty());
}

TEST(FeedParserTest, ItemsAreCapped) {
  std::string rss = "<rss><channel>";
  for (size_t i = 0; i < FeedParser::kMaxItems + 5; ++i) rss += "<item><guid>g" + std::to_string(i) + "</guid></item>";
  rss += "</channel></rss>";
  auto feed = FeedParser::Parse(rss, "");
  ASSERT_TRUE(feed.ok());
  EXPECT_EQ(feed->items.size(), FeedParser::kMaxItems);
  EXPECT_TRUE(feed->truncated);
}

TEST(FeedParserTest, LongFieldsAreCut) {
  std::string rss = "<rss><channel><item><guid>g</guid><title>" + std::string(5000, 'T') + "</title><description>" +
                    std::string(50000, 'd') + "</description></item></channel></rss>";
  auto feed = FeedParser::Parse(rss, "");
  ASSERT_TRUE(feed.ok());
  EXPECT_EQ(feed->items[0].title.size(), FeedParser::kMaxTitleBytes);
  EXPECT_EQ(feed->items[0].summary.size(), FeedParser::kMaxSummaryBytes);
}

struct BadFeed {
  const char* name;
  std::string input;
  const char* message_part;
};

TEST(FeedParserTest, BadInputGetsAClearError) {
  std::string deep_json = "{\"version\":\"https://jsonfeed.org/version/1\",\"items\":" + std::string(200, '[');
  const BadFeed kBad[] = {
      {"empty", "", "empty feed"},
      {"blank", " \n\t ", "empty feed"},
      {"html page", "<!DOCTYPE html>\n<html><head><title>Harbour Gazette</title></head><body><p>Home",
       "an HTML page, not a feed"},
      {"html after a comment", "<!-- cached --><HTML><body>Error 404</body></HTML>", "an HTML page, not a feed"},
      {"xhtml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>",
       "an HTML page, not a feed"},
      {"truncated", std::string(kRss2).substr(0, 900), "truncated XML: the input ends inside <"},
      {"malformed", "<rss><channel><item><title>A</item></channel></rss>", "malformed XML at line 1, column"},
      {"undefined entity", "<rss><channel><title>A&nbsp;B</title></channel></rss>", "Entity 'nbsp' not defined"},
      {"sitemap", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>",
       "not a feed: the root element is <urlset> (a sitemap)"},
      {"opml", "<opml version=\"2.0\"><body/></opml>", "(an OPML list)"},
      {"no channel", "<rss version=\"2.0\"><item/></rss>", "RSS without a <channel>"},
      {"json not a feed", "{\"hello\": 1}", "JSON but not a JSON Feed"},
      {"json array", "[1, 2]", "JSON but not a JSON Feed"},
      {"json malformed", "{\"version\": \"https://jsonfeed.org/version/1\", ", "malformed JSON at byte"},
      {"json huge number", "{\"version\": 1e999}", "malformed JSON"},
      {"json deep", deep_json, "nested deeper than 64"},
      {"json items", "{\"version\":\"https://jsonfeed.org/version/1\",\"items\":{}}", "\"items\" is not an array"},
      {"too big", std::string(FeedParser::kMaxFeedBytes + 1, ' '), "over the 16 MiB limit"},
  };
  for (const BadFeed& c : kBad) {
    auto feed = FeedParser::Parse(c.input, "https://harbourgazette.test/rss.xml");
    ASSERT_FALSE(feed.ok()) << c.name;
    EXPECT_NE(feed.status().message().find(c.message_part), std::string::npos)
        << c.name << " -> " << feed.status().message();
  }
}

TEST(FeedParserTest, FormatNames) {
  EXPECT_EQ(FeedFormatName(FeedFormat::kRss2), "rss2");
  EXPECT_EQ(FeedFormatName(FeedFormat::kRss1), "rss1");
  EXPECT_EQ(FeedFormatName(FeedFormat::kAtom), "atom");
  EXPECT_EQ(FeedFormatName(FeedFormat::kJsonFeed), "jsonfeed");
}

}  // namespace
}  // namespace storyfuse
