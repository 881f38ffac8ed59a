#include "feed/url_canonicalizer.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

struct ResolveCase {
  const char* reference;
  const char* expected;
};

// RFC 3986 section 5.4.1 (normal) and 5.4.2 (abnormal), base
// "http://a/b/c/d;p?q", as the RFC lists them.
const ResolveCase kRfcCases[] = {
    {"g:h", "g:h"},
    {"g", "http://a/b/c/g"},
    {"./g", "http://a/b/c/g"},
    {"g/", "http://a/b/c/g/"},
    {"/g", "http://a/g"},
    {"//g", "http://g"},
    {"?y", "http://a/b/c/d;p?y"},
    {"g?y", "http://a/b/c/g?y"},
    {"#s", "http://a/b/c/d;p?q#s"},
    {"g#s", "http://a/b/c/g#s"},
    {"g?y#s", "http://a/b/c/g?y#s"},
    {";x", "http://a/b/c/;x"},
    {"g;x", "http://a/b/c/g;x"},
    {"g;x?y#s", "http://a/b/c/g;x?y#s"},
    {"", nullptr},  // an empty reference is an error here, not the base
    {".", "http://a/b/c/"},
    {"./", "http://a/b/c/"},
    {"..", "http://a/b/"},
    {"../", "http://a/b/"},
    {"../g", "http://a/b/g"},
    {"../..", "http://a/"},
    {"../../", "http://a/"},
    {"../../g", "http://a/g"},
    // 5.4.2
    {"../../../g", "http://a/g"},
    {"../../../../g", "http://a/g"},
    {"/./g", "http://a/g"},
    {"/../g", "http://a/g"},
    {"g.", "http://a/b/c/g."},
    {".g", "http://a/b/c/.g"},
    {"g..", "http://a/b/c/g.."},
    {"..g", "http://a/b/c/..g"},
    {"./../g", "http://a/b/g"},
    {"./g/.", "http://a/b/c/g/"},
    {"g/./h", "http://a/b/c/g/h"},
    {"g/../h", "http://a/b/c/h"},
    {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
    {"g;x=1/../y", "http://a/b/c/y"},
    {"g?y/./x", "http://a/b/c/g?y/./x"},
    {"g?y/../x", "http://a/b/c/g?y/../x"},
    {"g#s/./x", "http://a/b/c/g#s/./x"},
    {"g#s/../x", "http://a/b/c/g#s/../x"},
    {"http:g", "http:g"},  // strict parsers
};

TEST(UrlCanonicalizerTest, ResolvesTheRfcExamples) {
  for (const ResolveCase& c : kRfcCases) {
    auto r = UrlCanonicalizer::Resolve("http://a/b/c/d;p?q", c.reference);
    if (c.expected == nullptr) {
      EXPECT_FALSE(r.ok()) << c.reference;
      continue;
    }
    ASSERT_TRUE(r.ok()) << c.reference << ": " << r.status().ToString();
    EXPECT_EQ(*r, c.expected) << c.reference;
  }
}

TEST(UrlCanonicalizerTest, ResolveErrorsAndWhiteSpace) {
  EXPECT_FALSE(UrlCanonicalizer::Resolve("/relative/base", "g").ok());
  EXPECT_EQ(*UrlCanonicalizer::Resolve("relative", "https://x.test/a"), "https://x.test/a");
  EXPECT_EQ(*UrlCanonicalizer::Resolve(" https://news.test/feed.xml\n", "\n  /2026/ferry.html "),
            "https://news.test/2026/ferry.html");
  EXPECT_FALSE(UrlCanonicalizer::Resolve("https://x.test/", std::string(9000, 'a')).ok());
}

struct CanonicalCase {
  const char* url;
  const char* expected;  // nullptr: an error
};

const CanonicalCase kCanonical[] = {
    {"HTTP://Example.TEST/Path", "http://example.test/Path"},
    {"https://harbourgazette.test:443/a", "https://harbourgazette.test/a"},
    {"http://harbourgazette.test:80/a", "http://harbourgazette.test/a"},
    {"http://harbourgazette.test:8080/a", "http://harbourgazette.test:8080/a"},
    {"https://harbourgazette.test:80/a", "https://harbourgazette.test:80/a"},
    {"http://harbourgazette.test:/a", "http://harbourgazette.test/a"},
    {"https://harbourgazette.test", "https://harbourgazette.test/"},
    {"https://harbourgazette.test.", "https://harbourgazette.test/"},
    {"https://harbourgazette.test/a/./b/../c", "https://harbourgazette.test/a/c"},
    {"https://h.test/story#comments", "https://h.test/story"},
    {"https://h.test/story?utm_source=rss&utm_medium=feed", "https://h.test/story"},
    {"https://h.test/story?id=7&utm_campaign=x&page=2", "https://h.test/story?id=7&page=2"},
    {"https://h.test/story?fbclid=abc", "https://h.test/story"},
    {"https://h.test/story?GCLID=abc&b=2&a=1", "https://h.test/story?b=2&a=1"},
    {"https://h.test/story?", "https://h.test/story"},
    {"https://h.test/story?&&id=3&", "https://h.test/story?id=3"},
    {"https://h.test/%7euser/%2fa%3f", "https://h.test/~user/%2Fa%3F"},
    {"https://h.test/caf\xC3\xA9 bar", "https://h.test/caf%C3%A9%20bar"},
    {"https://h.test/100%", "https://h.test/100%25"},
    {"https://user:pw@H.test/", "https://user:pw@h.test/"},
    {"https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"},
    {"  https://h.test/x  ", "https://h.test/x"},
    {"https://h.test/utm_source/x?utm=1", "https://h.test/utm_source/x?utm=1"},
    {"https://h.test../x", "https://h.test/x"},
    {"https://us er@h.test/", "https://us%20er@h.test/"},
    {"HTTPS://Ex.TEST:443ttp://a/b", nullptr},  // found by fuzz_url: a ':' left in the host
    {"https://caf\xC3\xA9.test/", nullptr},
    {"https://h<x>.test/", nullptr},
    {"https://[fe80::1%25eth0]/", nullptr},
    {"ftp://h.test/file", nullptr},
    {"mailto:desk@h.test", nullptr},
    {"/relative/path", nullptr},
    {"https:///nohost", nullptr},
    {"https://h.test:99999/", nullptr},
    {"https://h.test:8o/", nullptr},
    {"https://[::1/", nullptr},
};

TEST(UrlCanonicalizerTest, CanonicalForms) {
  for (const CanonicalCase& c : kCanonical) {
    auto r = UrlCanonicalizer::Canonicalize(c.url);
    if (c.expected == nullptr) {
      EXPECT_FALSE(r.ok()) << c.url << " -> " << (r.ok() ? *r : "");
      continue;
    }
    ASSERT_TRUE(r.ok()) << c.url << ": " << r.status().ToString();
    EXPECT_EQ(*r, c.expected) << c.url;
  }
}

TEST(UrlCanonicalizerTest, CanonicalizeIsIdempotent) {
  for (const CanonicalCase& c : kCanonical) {
    auto once = UrlCanonicalizer::Canonicalize(c.url);
    if (!once.ok()) continue;
    auto twice = UrlCanonicalizer::Canonicalize(*once);
    ASSERT_TRUE(twice.ok()) << *once;
    EXPECT_EQ(*twice, *once);
  }
}

TEST(UrlCanonicalizerTest, TrackingParameters) {
  EXPECT_TRUE(UrlCanonicalizer::IsTrackingParameter("utm_source"));
  EXPECT_TRUE(UrlCanonicalizer::IsTrackingParameter("UTM_Content"));
  EXPECT_TRUE(UrlCanonicalizer::IsTrackingParameter("mc_eid"));
  EXPECT_FALSE(UrlCanonicalizer::IsTrackingParameter("utm_"));
  EXPECT_FALSE(UrlCanonicalizer::IsTrackingParameter("id"));
  EXPECT_FALSE(UrlCanonicalizer::IsTrackingParameter("page"));
}

}  // namespace
}  // namespace storyfuse
