#include "ingest/html_hints.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(HtmlHintsTest, Classify) {
  struct Case {
    const char* cls;
    const char* id;
    bool boilerplate;
    int sign;  // of the weight
  } cases[] = {
      {"article-body", "", false, 1},
      {"articleBody", "", false, 1},
      {"entry-content", "post", false, 1},
      {"share-bar", "", true, -1},
      {"article-share", "", true, -1},
      {"relatedArticles", "", true, -1},
      {"cookie-notice", "", true, -1},
      {"wp-caption aligncenter", "", true, -1},
      {"", "sidebar", true, -1},
      {"post type-post tag-elections category-news has-post-thumbnail", "", false, 1},
      {"box article modal-enabled", "", false, 1},
      {"social-media-embed", "", false, 0},
      {"clearfix row", "", false, 0},
      {"", "", false, 0},
  };
  for (const Case& c : cases) {
    HtmlHint h = HtmlHints::Classify(c.cls, c.id);
    EXPECT_EQ(h.boilerplate, c.boilerplate) << c.cls << " #" << c.id;
    EXPECT_EQ((h.weight > 0) - (h.weight < 0), c.sign) << c.cls << " #" << c.id;
  }
}

}  // namespace
}  // namespace storyfuse
