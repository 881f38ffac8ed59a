#include "text/html_escape.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

struct EscapeCase {
  const char* name;
  const char* in;
  const char* want;
};

class HtmlEscapeTest : public ::testing::TestWithParam<EscapeCase> {};

TEST_P(HtmlEscapeTest, EscapesWhatHtmlReadsAsMarkup) { EXPECT_EQ(HtmlEscape(GetParam().in), GetParam().want); }

INSTANTIATE_TEST_SUITE_P(Table, HtmlEscapeTest,
                         ::testing::Values(EscapeCase{"Empty", "", ""},
                                           EscapeCase{"Plain", "Harbour bridge reopens", "Harbour bridge reopens"},
                                           EscapeCase{"Ampersand", "Tolls & fares", "Tolls &amp; fares"},
                                           EscapeCase{"Tag", "<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"},
                                           EscapeCase{"Quotes", "a&'\"", "a&amp;&#39;&quot;"},
                                           EscapeCase{"AlreadyEscapedIsEscapedAgain", "&amp;", "&amp;amp;"},
                                           EscapeCase{"Utf8PassesThrough", "Caf\u00e9 \u2014 \u201cyes\u201d",
                                                      "Caf\u00e9 \u2014 \u201cyes\u201d"}),
                         [](const ::testing::TestParamInfo<EscapeCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace storyfuse
