#include "analyze/weight_file.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace storyfuse {
namespace {

std::vector<std::pair<std::string, double>> ReadAll(std::string_view bytes, Status* st) {
  std::vector<std::pair<std::string, double>> out;
  *st = WeightFile::Read(bytes, "storyfuse-test", "test model",
                         [&](std::string_view n, double w) { out.emplace_back(std::string(n), w); });
  return out;
}

TEST(WeightFileTest, ReadsWeightsSkippingCommentsAndBlankLines) {
  Status st;
  auto w = ReadAll("storyfuse-test\t1\r\n# trained by hand\n\nc&sb\t0.5\r\nrule\t-2\nname with\ttab\t1e-3\n", &st);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0], (std::pair<std::string, double>{"c&sb", 0.5}));
  EXPECT_EQ(w[1], (std::pair<std::string, double>{"rule", -2}));
  EXPECT_EQ(w[2], (std::pair<std::string, double>{"name with\ttab", 1e-3})) << "the weight follows the last tab";
}

TEST(WeightFileTest, NamesWhatIsWrong) {
  struct Case {
    const char* bytes;
    const char* error;
  } cases[] = {
      {"", "test model: the first line is not \"storyfuse-test<TAB>version\""},
      {"storyfuse-other\t1\n", "the first line is not"},
      {"storyfuse-test\t2\n", "test model: format version 2 (this build reads version 1)"},
      {"storyfuse-test\t1\nno weight here\n", "test model: line 2 is not \"feature<TAB>weight\""},
      {"storyfuse-test\t1\nx\t0.5z\n", "line 2 is not"},
      {"storyfuse-test\t1\nx\tinf\n", "line 2 is not"},
      {"storyfuse-test\t1\n\t0.5\n", "line 2 is not"},
  };
  for (const Case& c : cases) {
    Status st;
    ReadAll(c.bytes, &st);
    EXPECT_FALSE(st.ok()) << c.bytes;
    EXPECT_NE(st.message().find(c.error), std::string::npos) << c.bytes << " -> " << st.message();
  }
}

}  // namespace
}  // namespace storyfuse
