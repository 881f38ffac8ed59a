#include "ingest/html_extractor.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

// A fictional outlet's article page: navigation, a JSON-LD block, an
// article with a byline, a caption and a share bar, related links, a
// cookie notice and a footer.
const char kPage[] = R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Harbour bridge reopens after repairs | The Northport Courier</title>
<meta property="og:site_name" content="The Northport Courier">
<meta property="article:published_time" content="2031-04-02T09:15:00+02:00">
<link rel="canonical" href="https://courier.example/bridge-reopens">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Harbour bridge reopens after repairs",
 "author":[{"@type":"Person","name":"Mira Olsen"},{"@type":"Person","name":"Tam Quill"}],
 "publisher":{"@type":"Organization","name":"Northport Courier"}}</script>
<script>var tracking = "Do not show this";</script>
</head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner"><p>We use cookies to improve your experience, accept them to continue reading.</p></div>
<main><article class="story">
<h1>Harbour bridge reopens after repairs</h1>
<div class="byline">By Mira Olsen and Tam Quill</div>
<figure><img src="b.jpg"><figcaption>The bridge at dawn, seen from the east pier.</figcaption></figure>
<div class="article-body">
<p>The harbour bridge in Northport reopened on Tuesday morning after eight months of repairs, the city council said, ending long detours for thousands of commuters.</p>
<p>Engineers replaced corroded cables, resurfaced the deck and added a separate lane for bicycles, at a cost of 14 million crowns, according to the council.</p>
<h2>Traffic returns</h2>
<p>By noon, buses were running on their old routes again, and the ferry operator, which had added extra crossings, said it would return to its winter timetable.</p>
<p>&ldquo;It feels like the town is whole again,&rdquo; said a shop owner near the east pier, who had seen fewer customers during the closure.</p>
</div>
<div class="share-tools"><a href="#">Share on social media</a> <a href="#">Email this story</a></div>
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Council approves budget for new ferry terminal in the spring</a></li>
<li><a href="/b">Cyclists welcome plans for a lane across the river</a></li></ul></aside>
</main>
<section class="comments"><p>Great news, finally! I drive over it every single day and the detour was awful.</p></section>
<footer><p>Copyright 2031 The Northport Courier. All rights reserved. Contact us for licensing.</p></footer>
</body></html>)";

Article ExtractFrom(std::string_view html, Status* status = nullptr) {
  Article a;
  a.input = std::string(html);
  Status st = HtmlExtractor().Extract(&a);
  if (status != nullptr) *status = st;
  return a;
}

TEST(HtmlExtractorTest, KeepsArticleParagraphsInOrder) {
  Article a = ExtractFrom(kPage);
  EXPECT_EQ(a.text.find("The harbour bridge in Northport"), 0u) << a.text;
  EXPECT_NE(a.text.find("\n\nEngineers replaced"), std::string::npos);
  EXPECT_NE(a.text.find("\n\nTraffic returns\n\nBy noon"), std::string::npos);
  EXPECT_NE(a.text.find("\u201cIt feels like the town is whole again,\u201d"), std::string::npos);
}

TEST(HtmlExtractorTest, DropsBoilerplate) {
  Article a = ExtractFrom(kPage);
  for (const char* junk : {"Home", "cookies", "By Mira", "bridge at dawn", "Share on", "Related", "ferry terminal",
                           "Great news", "Copyright", "tracking", "Harbour bridge reopens"}) {
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk << " in:\n" << a.text;
  }
  EXPECT_FALSE(a.removed.empty());
}

// Furniture inside the article's element, recognised by its words as in
// scraped text (issue 19): a caption with a photo credit, a video block
// closed by its stamp, a promo, and a correction kept as data.
TEST(HtmlExtractorTest, FurnitureInsideTheArticleIsNotText) {
  constexpr std::string_view kFurnished = R"(<html><body><article>
<p>The harbour bridge in Northport reopened to traffic on Monday after eight months of repairs, the city said.</p>
<p>Cranes lift the last girder into place, Friday, March 7, 2031. REUTERS/Ana Pereira</p>
<p>Engineers replaced the deck and strengthened the piers, and the work came in under budget, officials said.</p>
<p>Crews Finish the Northport Bridge</p>
<p>The Senate confirmed Former Mayor Ilse Brandvik as minister of transport on Thursday.</p>
<p>(Published Monday, March 10, 2031)</p>
<p>Tune in to Northport Tonight on Monday at 9 p.m. for the full report.</p>
<p>Traffic was back to normal by noon, and buses returned to their old routes on Tuesday, the council said.</p>
<p>Correction, March 11, 2031: An earlier version of this story misstated the length of the repairs.</p>
</article></body></html>)";
  Article a = ExtractFrom(kFurnished);
  for (const char* junk : {"REUTERS", "Crews Finish", "Senate confirmed", "Published", "Tune in", "Correction"}) {
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk << " in:\n" << a.text;
  }
  EXPECT_NE(a.text.find("Engineers replaced"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("Traffic was back"), std::string::npos) << a.text;
  EXPECT_EQ(a.wire, "");
  ASSERT_EQ(a.corrections.size(), 1u);
  EXPECT_TRUE(a.corrections[0].text.starts_with("Correction, March 11, 2031: An earlier version"));
  EXPECT_TRUE(a.corrections[0].input.In(a.input).starts_with("Correction, March 11"));
}

TEST(HtmlExtractorTest, FillsMetadata) {
  Article a = ExtractFrom(kPage);
  EXPECT_EQ(a.title, "Harbour bridge reopens after repairs");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Mira Olsen", "Tam Quill"}));
  EXPECT_EQ(a.published.iso, "2031-04-02T07:15:00Z");
  EXPECT_EQ(a.outlet, "The Northport Courier");
  EXPECT_EQ(a.url, "https://courier.example/bridge-reopens");
  EXPECT_EQ(a.language, "en");
}

TEST(HtmlExtractorTest, KeepsMetadataTheContainerGave) {
  Article a;
  a.input = kPage;
  a.title = "Given title";
  a.outlet = "Given outlet";
  ASSERT_TRUE(HtmlExtractor().Extract(&a).ok());
  EXPECT_EQ(a.title, "Given title");
  EXPECT_EQ(a.outlet, "Given outlet");
}

TEST(HtmlExtractorTest, OffsetsLeadBackToInput) {
  Article a = ExtractFrom(kPage);
  ASSERT_FALSE(a.offsets.empty());
  size_t pos = 0;
  while (pos < a.text.size()) {
    size_t end = a.text.find("\n\n", pos);
    if (end == std::string::npos) end = a.text.size();
    std::string_view para = std::string_view(a.text).substr(pos, end - pos);
    uint32_t in = a.offsets.ToInput(static_cast<uint32_t>(pos));
    std::string_view head = para.substr(0, 6);
    if (head.find("\u201c") == std::string_view::npos) {  // an entity starts the quote
      EXPECT_EQ(a.input.substr(in, head.size()), head) << para;
    }
    pos = end + 2;
  }
}

TEST(HtmlExtractorTest, MalformedHtmlStillYieldsText) {
  Article a = ExtractFrom(
      "<html><body><div id=content><p>The storm reached the coast late on Friday, cutting "
      "power to several villages<p>Crews worked through the night, the utility said, and most "
      "homes had electricity again by Saturday noon.<div></b></i>");
  EXPECT_NE(a.text.find("The storm reached"), std::string::npos);
  EXPECT_NE(a.text.find("\n\nCrews worked"), std::string::npos);
}

TEST(HtmlExtractorTest, EmptyDocumentIsAnError) {
  Status st;
  ExtractFrom("", &st);
  EXPECT_EQ(st.code(), Status::Code::kInvalidArgument);
}

TEST(HtmlExtractorTest, PageWithoutArticleIsAnError) {
  Status st;
  Article a = ExtractFrom(
      "<html><body><nav><a href=/>Home</a> <a href=/about>About</a></nav>"
      "<ul class=menu><li><a href=/x>Products</a></li><li><a href=/y>Contact</a></li></ul>"
      "<footer>All rights reserved.</footer></body></html>",
      &st);
  EXPECT_EQ(st.code(), Status::Code::kInvalidArgument) << a.text;
}

}  // namespace
}  // namespace storyfuse
