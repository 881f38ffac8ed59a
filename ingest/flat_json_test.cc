#include "ingest/flat_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ingest/article_object.h"

namespace storyfuse {
namespace {

// What the full path gives: parse, then ArticleObject::Read; nullopt when
// either refuses the line.
std::optional<RawDoc> FullRead(std::string_view line) {
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
  RawDoc doc;
  if (!ArticleObject::Read(obj, &doc).ok()) return std::nullopt;
  return doc;
}

void ExpectSameDoc(const RawDoc& a, const RawDoc& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.bytes, b.bytes);
  EXPECT_EQ(a.format, b.format);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.outlet, b.outlet);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.authors, b.authors);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.label, b.label);
}

struct FlatCase {
  std::string line;
  bool fast;  // ReadFlat reads it (else the caller falls back)
};

// Every line: ReadFlat either declines it or gives exactly what the full
// parser and Read give; and it reads the common shapes itself.
TEST(FlatJsonTest, ReadFlatAgreesWithTheFullParser) {
  const FlatCase cases[] = {
      {R"({"id": "a1", "text": "Harbor Council votes.", "label": "s1"})", true},
      {R"({"text":"x","id":"","url":null,"authors":["Ana Ruiz","","Tom Lee"],"extra":[true]})", false},
      {R"({"text":"x","authors":["Ana Ruiz","","Tom Lee"],"extra":false})", true},
      {R"({"text":"x","authors":"Ana Ruiz","outlet":"Daily Planet","title":"T","published":"2031-03-04"})", true},
      {R"( {"html":"<p>Body</p>","text":"also"} )", true},
      {R"({"html":"  ","text":"plain"})", true},
      {"{\"text\":\"tab\\tquote\\\" slash\\/ back\\\\ nl\\n u\\u00e9 pair\\ud83d\\ude00 nul\\u0000 end\"}", true},
      {"{\"text\":\"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80\"}", true},
      {"{\"te\\u0078t\":\"escaped key\"}", true},
      {R"({"text":"x","id":42})", false},           // numbers: full parser
      {R"({"text":"x","label":7})", false},         // dumped label
      {R"({"text":"x","label":true})", false},      // dumped label
      {R"({"text":"x","meta":{"a":"b"}})", false},  // nested object
      {R"({"text":"x","text":"y"})", false},        // duplicate: nlohmann keeps the last
      {R"({"text":"   "})", false},                 // no text: Read words the error
      {R"({"text":"x","title":["a"]})", false},     // wrong type
      {R"({"text":"x","authors":[1]})", false},
      {R"({"text":"x",})", false},  // malformed
      {R"({"text":"x"} trailing)", false},
      {R"(["text"])", false},
      {"{\"text\":\"lone \\udc00 low\"}", false},
      {"{\"text\":\"lone \\ud800 high\"}", false},
      {"{\"text\":\"bad \\x escape\"}", false},
      {"{\"text\":\"raw\ttab\"}", false},  // control byte
      {"{\"text\":\"overlong \xC0\xAF\"}", false},
      {"{\"text\":\"surrogate \xED\xA0\x80\"}", false},
      {"{\"text\":\"cut \xE2\x80\"}", false},
      {"\xEF\xBB\xBF{\"text\":\"bom\"}", false},
      {R"({"text":"x","id":")" + std::string(300, 'a') + R"("})", false},
  };
  for (const FlatCase& c : cases) {
    SCOPED_TRACE(c.line);
    RawDoc fast;
    bool read = ArticleObject::ReadFlat(c.line, &fast);
    EXPECT_EQ(read, c.fast);
    if (!read) continue;
    std::optional<RawDoc> full = FullRead(c.line);
    ASSERT_TRUE(full.has_value());
    ExpectSameDoc(fast, *full);
  }
}

TEST(FlatJsonTest, ParseKeepsMembersInOrder) {
  std::optional<FlatJson::Members> m = FlatJson::Parse(R"({"b":null,"a":["x","y"],"c":true,"b":"z"})");
  ASSERT_TRUE(m.has_value());
  ASSERT_EQ(m->size(), 4u);
  EXPECT_EQ((*m)[0].first, "b");
  EXPECT_EQ((*m)[0].second.kind, FlatJsonValue::Kind::kNull);
  EXPECT_EQ((*m)[1].second.items, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ((*m)[2].second.kind, FlatJsonValue::Kind::kTrue);
  EXPECT_EQ((*m)[3].second.text, "z");
  EXPECT_TRUE(FlatJson::Parse("{}").has_value());
  EXPECT_FALSE(FlatJson::Parse("").has_value());
  EXPECT_FALSE(FlatJson::Parse(R"({"a":nul})").has_value());
  EXPECT_FALSE(FlatJson::Parse(R"({"a":"unterminated)").has_value());
}

}  // namespace
}  // namespace storyfuse
