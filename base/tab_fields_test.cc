#include "base/tab_fields.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace storyfuse {
namespace {

using Fields = std::vector<std::string_view>;

struct Case {
  std::string_view line;
  Fields fields;
};

const Case kCases[] = {
    {"", {""}},
    {"one", {"one"}},
    {"a\tb", {"a", "b"}},
    {"a\t\tb", {"a", "", "b"}},
    {"\tlead", {"", "lead"}},
    {"trail\t", {"trail", ""}},
    {"x y\t0.25", {"x y", "0.25"}},  // spaces are not separators
};

TEST(TabFieldsTest, Table) {
  for (const Case& c : kCases) EXPECT_EQ(SplitTabFields(c.line), c.fields) << c.line;
}

}  // namespace
}  // namespace storyfuse
