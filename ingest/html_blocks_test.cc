#include "ingest/html_blocks.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

std::vector<std::string> Texts(const HtmlBlocks& b) {
  std::vector<std::string> out;
  for (const HtmlBlock& x : b.blocks()) out.push_back(x.text);
  return out;
}

TEST(HtmlBlocksTest, CutsAtBlockElementsAndCollapsesSpace) {
  Result<HtmlDocument> doc = HtmlDocument::Parse(
      "<div>Lead  text<p>First <b>bold</b>\n para.</p>tail<ul><li>one</li><li>two<br>lines</li></ul></div>");
  ASSERT_TRUE(doc.ok());
  HtmlBlocks b(*doc);
  EXPECT_EQ(Texts(b), (std::vector<std::string>{"Lead text", "First bold para.", "tail", "one", "two\nlines"}));
  EXPECT_EQ(b.blocks()[1].tag, HtmlTag::kP);
  EXPECT_TRUE(b.blocks()[1].ends_sentence);
  EXPECT_EQ(b.blocks()[1].words, 3u);
}

TEST(HtmlBlocksTest, LeavesOutFurniture) {
  Result<HtmlDocument> doc = HtmlDocument::Parse(
      "<nav>Menu</nav><div class=share-bar>Share</div><div hidden>Secret</div>"
      "<div style=\"display: none\">Gone</div><div aria-hidden=true>Icon</div>"
      "<footer>Legal</footer><script>code()</script><p>Kept text here.</p>");
  ASSERT_TRUE(doc.ok());
  HtmlBlocks b(*doc);
  EXPECT_EQ(Texts(b), std::vector<std::string>{"Kept text here."});
  ASSERT_FALSE(b.removals().empty());
  EXPECT_STREQ(b.removals().front().kind, "navigation");
}

TEST(HtmlBlocksTest, MisnamedWrapperHoldingTheTextIsKept) {
  Result<HtmlDocument> doc = HtmlDocument::Parse(
      "<div class=\"layout with-sidebar\"><p>The council voted on Monday to build a new library "
      "in the old market hall, ending a debate that lasted three years.</p></div>"
      "<div class=sidebar><p>Short aside.</p></div>");
  ASSERT_TRUE(doc.ok());
  HtmlBlocks b(*doc);
  ASSERT_EQ(b.blocks().size(), 1u);
  EXPECT_EQ(b.blocks()[0].text.substr(0, 11), "The council");
}

TEST(HtmlBlocksTest, LinkDensityAndPieces) {
  std::string html = "<p>Read <a href=\"/x\">this story</a> now &amp; later.</p>";
  Result<HtmlDocument> doc = HtmlDocument::Parse(html);
  ASSERT_TRUE(doc.ok());
  HtmlBlocks b(*doc);
  ASSERT_EQ(b.blocks().size(), 1u);
  const HtmlBlock& x = b.blocks()[0];
  EXPECT_EQ(x.text, "Read this story now & later.");
  EXPECT_EQ(x.link_chars, 9u);  // "thisstory": white space is not counted
  for (const HtmlTextPiece& p : b.Pieces(x)) {
    std::string_view got = std::string_view(x.text).substr(p.text_begin, p.length);
    if (p.exact) {
      EXPECT_EQ(html.substr(p.input_begin, p.length), got);
    } else {
      EXPECT_EQ(html.substr(p.input_begin, 5), "&amp;");
    }
  }
}

}  // namespace
}  // namespace storyfuse
