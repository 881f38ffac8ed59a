#include "server/article_payload.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

struct BadCase {
  const char* name;
  const char* content_type;
  std::string body;
  const char* message_part;
};

TEST(ArticlePayloadTest, RejectsBadBodiesSayingWhatIsWrong) {
  const BadCase cases[] = {
      {"empty", "application/json", "  \n", "empty body"},
      {"invalid json", "application/json", "{\"text\": ", "invalid JSON"},
      {"invalid utf8", "application/json", "{\"text\": \"caf\xC3\"}", "invalid UTF-8 at byte 13"},
      {"missing text", "application/json", "{\"title\": \"Ferry\"}", "missing text"},
      {"blank text", "application/json", "{\"text\": \"  \"}", "missing text"},
      {"not an object", "application/json", "42", "not a JSON object"},
      {"text not string", "application/json", "{\"text\": 7}", "field \"text\" is not a string"},
      {"authors not strings", "application/json", "{\"text\": \"A.\", \"authors\": [1]}", "field \"authors\" is not"},
      {"array item", "application/json", "[{\"text\": \"A.\"}, {\"id\": \"b\"}]", "article 2: missing text"},
      {"empty array", "application/json", "[]", "empty array"},
      {"jsonl line", "application/x-ndjson", "{\"text\": \"A.\"}\n\n{oops\n", "line 3: invalid JSON"},
      {"jsonl missing", "application/x-ndjson", "{\"text\": \"A.\"}\n{\"id\": \"x\"}\n", "line 2: missing text"},
  };
  for (const BadCase& c : cases) {
    Result<std::vector<RawDoc>> docs = ParseArticlePayload(c.content_type, c.body);
    ASSERT_FALSE(docs.ok()) << c.name;
    EXPECT_EQ(docs.status().code(), Status::Code::kInvalidArgument) << c.name;
    EXPECT_NE(docs.status().message().find(c.message_part), std::string::npos)
        << c.name << ": " << docs.status().message();
  }
}

TEST(ArticlePayloadTest, ReadsObjectArrayAndLines) {
  auto one = ParseArticlePayload("application/json",
                                 R"({"id": "k1", "text": "The ferry sailed.", "outlet": "Fjord Post",
                                     "authors": ["Ada Vale"], "published": "2031-04-02"})");
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0].id, "k1");
  EXPECT_EQ((*one)[0].outlet, "Fjord Post");
  EXPECT_EQ((*one)[0].authors, std::vector<std::string>{"Ada Vale"});
  EXPECT_EQ((*one)[0].format, DocFormat::kText);

  auto many = ParseArticlePayload("application/json", R"([{"text": "A."}, {"html": "<p>B.</p>"}])");
  ASSERT_TRUE(many.ok());
  ASSERT_EQ(many->size(), 2u);
  EXPECT_EQ((*many)[1].format, DocFormat::kHtml);

  auto lines = ParseArticlePayload("application/x-ndjson", "{\"text\": \"A.\"}\r\n\n{\"text\": \"B.\"}");
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(lines->size(), 2u);
}

TEST(ArticlePayloadTest, SameTextWithoutIdGetsSameId) {
  auto a = ParseArticlePayload("application/json", R"({"text": "The ferry sailed."})");
  auto b = ParseArticlePayload("application/json", R"({"text": "The ferry sailed.", "title": "T"})");
  auto c = ParseArticlePayload("application/json", R"({"text": "The ferry stayed."})");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ((*a)[0].id.rfind("a-", 0), 0u);
  EXPECT_EQ((*a)[0].id, (*b)[0].id);
  EXPECT_NE((*a)[0].id, (*c)[0].id);
}

}  // namespace
}  // namespace storyfuse
