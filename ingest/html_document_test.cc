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

TEST(HtmlDocumentTest, EmptyInputIsAnError) {
  EXPECT_FALSE(HtmlDocument::Parse("").ok());
}

TEST(HtmlDocumentTest, DeepNestingDoesNotRecurse) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "deep";
  Result<HtmlDocument> doc = HtmlDocument::Parse(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(AllText(*doc), "deep");
}

}  // namespace
}  // namespace storyfuse
