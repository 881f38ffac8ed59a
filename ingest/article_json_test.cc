#include "ingest/article_json.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(ArticleJsonTest, AbsentValuesAreNull) {
  Article a;
  a.id = "x1";
  a.text = "Body.";
  a.authors = {"Ana Ruiz"};
  nlohmann::json j = ArticleToJson(a);
  EXPECT_EQ(j["id"], "x1");
  EXPECT_TRUE(j["outlet"].is_null());
  EXPECT_TRUE(j["published"].is_null());
  EXPECT_TRUE(j["wire"].is_null());
  EXPECT_EQ(j["authors"][0], "Ana Ruiz");
  EXPECT_EQ(j["text"], "Body.");
}

}  // namespace
}  // namespace storyfuse
