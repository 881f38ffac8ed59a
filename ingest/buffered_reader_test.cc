#include "ingest/buffered_reader.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

std::vector<std::string> Lines(std::string_view bytes, size_t max_line, int* too_long_count) {
  StringSource src(bytes);
  BufferedReader in(&src);
  std::vector<std::string> out;
  std::string line;
  bool too_long = false;
  *too_long_count = 0;
  for (;;) {
    Result<bool> got = in.ReadLine(&line, max_line, &too_long);
    EXPECT_TRUE(got.ok());
    if (!got.ok() || !*got) break;
    if (too_long) ++*too_long_count;
    out.push_back(too_long ? "<long>" : line);
  }
  return out;
}

TEST(BufferedReaderTest, SplitsLinesOnLfAndCrLf) {
  int too_long = 0;
  EXPECT_EQ(Lines("one\r\ntwo\n\nlast", 100, &too_long), (std::vector<std::string>{"one", "two", "", "last"}));
  EXPECT_EQ(Lines("", 100, &too_long), std::vector<std::string>{});
  EXPECT_EQ(Lines("x\n", 100, &too_long), std::vector<std::string>{"x"});
  EXPECT_EQ(Lines("0123456789\nabc\n0123456789", 5, &too_long), (std::vector<std::string>{"<long>", "abc", "<long>"}));
}

TEST(BufferedReaderTest, SkipsOverlongLinesWithoutKeepingThem) {
  std::string big(300000, 'a');  // several buffer fills
  int too_long = 0;
  EXPECT_EQ(Lines("short\n" + big + "\nafter\n" + big, 1000, &too_long),
            (std::vector<std::string>{"short", "<long>", "after", "<long>"}));
  EXPECT_EQ(too_long, 2);
}

TEST(BufferedReaderTest, ReadsSkipsAndPeeks) {
  std::string data = "0123456789";
  StringSource src(data);
  BufferedReader in(&src);
  Result<std::string_view> head = in.Peek(4);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(*head, "0123");
  std::string out;
  ASSERT_EQ(in.ReadUpTo(3, &out).value(), 3u);
  EXPECT_EQ(out, "012");
  EXPECT_EQ(in.Skip(4).value(), 4u);
  EXPECT_EQ(in.offset(), 7u);
  EXPECT_EQ(in.ReadUpTo(10, &out).value(), 3u);
  EXPECT_EQ(out, "012789");
  EXPECT_EQ(in.Skip(5).value(), 0u);
  EXPECT_EQ(in.Peek(3).value().size(), 0u);
}

}  // namespace
}  // namespace storyfuse
