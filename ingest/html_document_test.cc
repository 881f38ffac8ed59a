#include "ingest/html_document.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

std::string AllText(const HtmlDocument& doc) {
  std::string out;
  for (uint32_t i = 0; i < doc.size(); ++i) out.append(doc.Text(i));
  return out;
}

TEST(HtmlDocumentTest, BuildsTreeInDocumentOrder) {
  std::string html = "<html lang=\"fr\"><body><div class=\"story\"><p>Rain fell.</p></div></body></html>";
  Result<HtmlDocument> doc = HtmlDocument::Parse(html);
  ASSERT_TRUE(doc.ok());
  uint32_t div = doc->Find(HtmlTag::kDiv);
  uint32_t p = doc->Find(HtmlTag::kP);
  ASSERT_NE(div, HtmlNode::kNone);
  EXPECT_EQ(doc->node(p).parent, div);
  EXPECT_EQ(doc->Attr(div, HtmlAttr::kClass), "story");
  EXPECT_EQ(doc->Attr(doc->Find(HtmlTag::kHtml), HtmlAttr::kLang), "fr");
  EXPECT_EQ(doc->node(div).end, doc->node(p).end);
  EXPECT_EQ(doc->Text(p + 1), "Rain fell.");
}

TEST(HtmlDocumentTest, TextNodesPointIntoInput) {
  std::string html = "<p>Tom &amp; Ann met in Lyon \xE2\x80\x94 twice.</p>";
  Result<HtmlDocument> doc = HtmlDocument::Parse(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(AllText(*doc), "Tom & Ann met in Lyon \xE2\x80\x94 twice.");
  for (uint32_t i = 0; i < doc->size(); ++i) {
    const HtmlNode& n = doc->node(i);
    if (!n.is_text()) continue;
    if (n.verbatim) {
      EXPECT_EQ(html.substr(n.input_begin, n.size), doc->Text(i));
    } else {
      EXPECT_EQ(html.substr(n.input_begin, 5), "&amp;");
    }
  }
}

TEST(HtmlDocumentTest, MetaCharsetDoesNotRedecodeUtf8) {
  std::string html = "<meta charset=\"iso-8859-1\"><p>Caf\xC3\xA9 cr\xC3\xA8me</p>";
  Result<HtmlDocument> doc = HtmlDocument::Parse(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(AllText(*doc), "Caf\xC3\xA9 cr\xC3\xA8me");
}

TEST(HtmlDocumentTest, MalformedMarkupIsRepaired) {
  Result<HtmlDocument> doc = HtmlDocument::Parse("<div><p>one<p>two</b></div></span><li>three");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(AllText(*doc), "onetwothree");
  for (uint32_t i = 1; i < doc->size(); ++i) {
    EXPECT_LT(doc->node(i).parent, i);
    EXPECT_LE(doc->node(i).end, doc->node(doc->node(i).parent).end);
  }
}

TEST(HtmlDocumentTest, ScriptsAreDroppedButJsonLdKept) {
  Result<HtmlDocument> doc = HtmlDocument::Parse(
      "<script>var x = 1;</script><script type=\"application/ld+json\">{\"a\":1}</script>"
      "<style>p{}</style><p>x</p>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(AllText(*doc), "{\"a\":1}x");
}

TEST(HtmlDocumentTest, EmptyInputIsAnError) { EXPECT_FALSE(HtmlDocument::Parse("").ok()); }

TEST(HtmlDocumentTest, DeepNestingDoesNotRecurse) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "deep";
  Result<HtmlDocument> doc = HtmlDocument::Parse(html);
  ASSERT_TRUE(doc.ok());
  // Past kMaxDepth the parse stops (see NestingPastTheCapTruncates).
  EXPECT_TRUE(doc->truncated());
  EXPECT_EQ(AllText(*doc), "");
  std::string shallow;
  for (uint32_t i = 0; i + 10 < HtmlDocument::kMaxDepth; ++i) shallow += "<div>";
  doc = HtmlDocument::Parse(shallow + "deep");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(AllText(*doc), "deep");
}

// Attributes after the 64th of a tag are ignored, and the text after the
// tag keeps its offsets (the excess is blanked, not removed).
TEST(HtmlDocumentTest, AttributesPastTheCapAreIgnored) {
  std::string tag = "<div";
  for (int i = 0; i < HtmlDocument::kMaxAttributesPerTag - 1; ++i) tag += " data-a" + std::to_string(i) + "=\"v\"";
  std::string html = "<body>" + tag + " class=\"kept\" id='dropped' lang=fr>Rain fell.</div></body>";
  Result<HtmlDocument> doc = HtmlDocument::Parse(html);
  ASSERT_TRUE(doc.ok());
  uint32_t div = doc->Find(HtmlTag::kDiv);
  EXPECT_EQ(doc->Attr(div, HtmlAttr::kClass), "kept");
  EXPECT_FALSE(doc->Has(div, HtmlAttr::kId));
  EXPECT_FALSE(doc->Has(div, HtmlAttr::kLang));
  EXPECT_FALSE(doc->truncated());
  ASSERT_TRUE(doc->node(div + 1).is_text());
  EXPECT_EQ(html.substr(doc->node(div + 1).input_begin, 10), "Rain fell.");
}

// Nesting deeper than kMaxDepth stops the parse there: the text before
// the cut is kept and truncated() says the rest was not read.
TEST(HtmlDocumentTest, NestingPastTheCapTruncates) {
  std::string html = "<html><body><p>Before the nest.</p>";
  for (uint32_t i = 0; i < 2 * HtmlDocument::kMaxDepth; ++i) html += "<div><p>x</span>";
  html += "<p>After the nest.</p></body></html>";
  Result<HtmlDocument> doc = HtmlDocument::Parse(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->truncated());
  std::string text = AllText(*doc);
  EXPECT_NE(text.find("Before the nest."), std::string::npos);
  EXPECT_EQ(text.find("After the nest."), std::string::npos);
  for (uint32_t i = 0; i < doc->size(); ++i) EXPECT_LE(doc->node(i).depth, HtmlDocument::kMaxDepth);
}

TEST(HtmlDocumentTest, OrdinaryPagesAreNotTruncated) {
  Result<HtmlDocument> doc =
      HtmlDocument::Parse("<html><body><div><div><p>Rain <b>fell</b>.</p></div></div></body></html>");
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(doc->truncated());
}

}  // namespace
}  // namespace storyfuse
