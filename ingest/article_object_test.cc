#include "ingest/article_object.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

using nlohmann::json;

// One table for the CLI's JSONL lines and the API's POST bodies: they are
// read by this one reader (issue #23: integer ids and string authors passed
// one and failed the other).
TEST(ArticleObjectTest, AcceptsWhatEitherDoorGets) {
  struct Case {
    const char* name;
    const char* object;
    const char* id;
    const char* bytes;
    bool html;
    size_t authors;
  } cases[] = {
      {"plain", R"({"id":"n1","text":"The dam opened."})", "n1", "The dam opened.", false, 0},
      {"integer id", R"({"id":7,"text":"Seven."})", "7", "Seven.", false, 0},
      {"html wins", R"({"text":"t","html":"<p>h</p>"})", "", "<p>h</p>", true, 0},
      {"blank html falls back", R"({"text":"t","html":"  "})", "", "t", false, 0},
      {"one author as a string", R"({"text":"t","authors":"Ana Ruiz"})", "", "t", false, 1},
      {"authors as a list", R"({"text":"t","authors":["Ana Ruiz","","Li Wen"]})", "", "t", false, 2},
      {"nulls are absent", R"({"text":"t","id":null,"title":null,"authors":null})", "", "t", false, 0},
      {"unknown fields ignored", R"({"text":"t","shares":12,"tags":["x"]})", "", "t", false, 0},
  };
  for (const Case& c : cases) {
    RawDoc doc;
    Status st = ArticleObject::Read(json::parse(c.object), &doc);
    ASSERT_TRUE(st.ok()) << c.name << ": " << st.message();
    EXPECT_EQ(doc.id, *c.id ? std::string(c.id) : ArticleObject::DefaultId(doc.bytes)) << c.name;
    EXPECT_EQ(doc.bytes, c.bytes) << c.name;
    EXPECT_EQ(doc.format, c.html ? DocFormat::kHtml : DocFormat::kText) << c.name;
    EXPECT_EQ(doc.authors.size(), c.authors) << c.name;
  }
}

TEST(ArticleObjectTest, NamesTheFieldThatIsWrong) {
  struct Case {
    const char* object;
    const char* error;
  } cases[] = {
      {"42", "not a JSON object"},
      {"[]", "not a JSON object"},
      {R"({"title":"No body"})", "missing text"},
      {R"({"text":"  \n"})", "missing text"},
      {R"({"text":42})", "field \"text\" is not a string"},
      {R"({"html":{"p":1}})", "field \"html\" is not a string"},
      {R"({"text":"t","id":1.5})", "field \"id\" is not a string or an integer"},
      {R"({"text":"t","id":["a"]})", "field \"id\" is not a string or an integer"},
      {R"({"text":"t","title":7})", "field \"title\" is not a string"},
      {R"({"text":"t","published":20310401})", "field \"published\" is not a string"},
      {R"({"text":"t","authors":[1]})", "field \"authors\" is not a string or an array of strings"},
      {R"({"text":"t","authors":{"name":"x"}})", "field \"authors\" is not a string or an array of strings"},
  };
  for (const Case& c : cases) {
    RawDoc doc;
    Status st = ArticleObject::Read(json::parse(c.object), &doc);
    EXPECT_FALSE(st.ok()) << c.object;
    EXPECT_NE(st.message().find(c.error), std::string::npos) << c.object << " -> " << st.message();
  }
  RawDoc doc;
  json long_id = {{"text", "t"}, {"id", std::string(257, 'x')}};
  EXPECT_NE(ArticleObject::Read(long_id, &doc).message().find("longer than 256 bytes"), std::string::npos);
}

TEST(ArticleObjectTest, LabelsAndMetadata) {
  RawDoc doc;
  ASSERT_TRUE(ArticleObject::Read(json::parse(R"({"text":"t","label":3,"url":"https://x.example/a",
      "outlet":"Harbor Ledger","title":"Dam opens","published":"2031-05-01","language":"en"})"),
                                  &doc)
                  .ok());
  EXPECT_EQ(doc.label, "3");
  EXPECT_EQ(doc.url, "https://x.example/a");
  EXPECT_EQ(doc.outlet, "Harbor Ledger");
  EXPECT_EQ(doc.title, "Dam opens");
  EXPECT_EQ(doc.published, "2031-05-01");
  EXPECT_EQ(doc.language, "en");
}

TEST(ArticleObjectTest, DefaultIdsFollowTheText) {
  EXPECT_EQ(ArticleObject::DefaultId("The dam opened."), ArticleObject::DefaultId("The dam opened."));
  EXPECT_NE(ArticleObject::DefaultId("The dam opened."), ArticleObject::DefaultId("The dam closed."));
  EXPECT_EQ(ArticleObject::DefaultId("x").size(), 18u);
  EXPECT_EQ(ArticleObject::DefaultId("x").substr(0, 2), "a-");
}

}  // namespace
}  // namespace storyfuse
