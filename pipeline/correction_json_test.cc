#include "pipeline/correction_json.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

TEST(CorrectionJsonTest, ReadsEachKindAndRefusesWhatItDoesNotKnow) {
  struct Case {
    const char* line;
    bool ok;
    const char* kind;
    const char* article;
    const char* story;
    const char* target;
  } cases[] = {
      {R"({"kind": "merge", "story": "s-7", "into": "s-3", "note": "one fire"})", true, "merge", "", "s-7", "s-3"},
      {R"({"kind": "move", "article": "a-12", "to": "s-3"})", true, "move", "a-12", "", "s-3"},
      {R"({"kind": "detach", "article": "a-12"})", true, "detach", "a-12", "", ""},
      {R"({"kind": "merge", "story": "s-7"})", false},                   // no "into"
      {R"({"kind": "move", "article": "a-12", "into": "s-3"})", false},  // "into" is merge's
      {R"({"kind": "detach", "article": ""})", false},                   // empty id
      {R"({"kind": "split", "story": "s-7"})", false},                   // unknown kind
      {R"(["kind", "detach"])", false},                                  // not an object
      {R"({"kind": "detach", "article": 12})", false},                   // not a string
  };
  for (const Case& c : cases) {
    Result<StoryCorrection> got = CorrectionFromJson(nlohmann::json::parse(c.line));
    ASSERT_EQ(got.ok(), c.ok) << c.line << " " << got.status().ToString();
    if (!c.ok) continue;
    EXPECT_EQ(got->kind, c.kind) << c.line;
    EXPECT_EQ(got->article, c.article) << c.line;
    EXPECT_EQ(got->story, c.story) << c.line;
    EXPECT_EQ(got->target, c.target) << c.line;
  }
}

TEST(CorrectionJsonTest, LinesSkipBlanksAndCommentsAndNameTheBadLine) {
  auto ok = CorrectionsFromText(
      "# fixes\n{\"kind\": \"detach\", \"article\": \"a1\"}\n\n"
      "{\"kind\": \"merge\", \"story\": \"s-2\", \"into\": \"s-1\"}\n",
      /*lines=*/true);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ((*ok)[1].kind, "merge");
  auto bad = CorrectionsFromText("{\"kind\": \"detach\", \"article\": \"a1\"}\n{nope\n", true);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 2"), std::string::npos) << bad.status().ToString();
  auto array = CorrectionsFromText(R"([{"kind": "detach", "article": "a1"}, {"kind": "move"}])", false);
  ASSERT_FALSE(array.ok());
  EXPECT_NE(array.status().message().find("correction 2"), std::string::npos) << array.status().ToString();
}

}  // namespace
}  // namespace storyfuse
