#include "feed/plain_text.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

struct TextCase {
  const char* html;
  const char* text;
};

const TextCase kCases[] = {
    {"Ferry sinks off  Port Alvar\n", "Ferry sinks off Port Alvar"},
    {"<b>Breaking:</b> ferry sinks", "Breaking: ferry sinks"},
    {"Bre<i>ak</i>ing", "Breaking"},
    {"Tom &amp; Jerry&#8217;s caf&eacute;", "Tom & Jerry\xE2\x80\x99s caf\xC3\xA9"},
    {"<p>Ferry</p><p>sinks</p>", "Ferry sinks"},
    {"one<br>two<br/>three", "one two three"},
    {"5 < 6 and 7 > 3", "5 < 6 and 7 > 3"},
    {"A&nbsp;B\xC2\xA0"
     "C",
     "A B C"},
    {"<script>alert(1)</script>Quay reopens", "Quay reopens"},
    {"<style>p{}</style><p>Quay</p>", "Quay"},
    {"AT&T profits", "AT&T profits"},
    {"   ", ""},
    {"<p></p>", ""},
    {"<img src=x>Storm<div>warning", "Storm warning"},
};

TEST(PlainTextTest, FromHtml) {
  for (const TextCase& c : kCases) EXPECT_EQ(PlainText::FromHtml(c.html, 1000), c.text) << c.html;
}

TEST(PlainTextTest, CutsAtACharacterBoundary) {
  // "é" is two bytes: a cut after 4 bytes must not split the second one.
  EXPECT_EQ(PlainText::Collapse("caf\xC3\xA9\xC3\xA9", 4), "caf");
  EXPECT_EQ(PlainText::Collapse("caf\xC3\xA9\xC3\xA9", 5), "caf\xC3\xA9");
  EXPECT_EQ(PlainText::Collapse("ab cd", 3), "ab");
  std::string big(100000, 'x');
  EXPECT_EQ(PlainText::FromHtml("<p>" + big + "</p>", 50).size(), 50u);
}

}  // namespace
}  // namespace storyfuse
