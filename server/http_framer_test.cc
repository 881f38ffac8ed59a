#include "server/http_framer.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

using State = HttpFramer::State;

constexpr size_t kMaxBody = 1000;

// Feeds `raw` whole, then again one byte at a time: both must agree.
struct Outcome {
  State state;
  int status = 0;
  size_t end = 0;
};

Outcome Frame(const std::string& raw) {
  HttpFramer whole(kMaxBody);
  State s = whole.Advance(raw);
  HttpFramer bytes(kMaxBody);
  State t = State::kNeedMore;
  for (size_t n = 1; n <= raw.size() && t == State::kNeedMore; ++n)
    t = bytes.Advance(std::string_view(raw).substr(0, n));
  EXPECT_EQ(s, t) << raw;
  if (s == State::kError) EXPECT_EQ(whole.error_status(), bytes.error_status()) << raw;
  return {s, s == State::kError ? whole.error_status() : 0, s == State::kComplete ? whole.end() : 0};
}

TEST(HttpFramerTest, Table) {
  struct Case {
    std::string raw;
    State state;
    int status;  // kError
    size_t end;  // kComplete
  } cases[] = {
      {"GET / HTTP/1.1\r\nHost: a\r\n\r\n", State::kComplete, 0, 27},
      {"GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /next", State::kComplete, 0, 27},  // pipelined
      {"GET / HTTP/1.1\r\nHost: a\r\n", State::kNeedMore, 0, 0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello", State::kComplete, 0, 53},
      {"POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhel", State::kNeedMore, 0, 0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", State::kComplete, 0,
       72},
      {"POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n5;x=1\r\nhello\r\n0\r\n\r\n", State::kComplete,
       0, 76},
      // Body limits hold for both framings, before the body is read.
      {"POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 1001\r\n\r\n", State::kError, 413, 0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", State::kError, 400, 0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3e9\r\n", State::kError, 413, 0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffffffff\r\n", State::kError,
       413, 0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1f4\r\n" + std::string(500, 'x') +
           "\r\n1f4\r\n" + std::string(500, 'x') + "\r\n1\r\n",
       State::kError, 413, 0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n", State::kError, 400,
       0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", State::kError, 400, 0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX", State::kError, 400, 0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: 1\r\n\r\n", State::kError, 400, 0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", State::kError, 501, 0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", State::kError, 400, 0},
      {"POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", State::kError, 400, 0},
      // Request lines: unknown methods are refused as soon as the line is in.
      {"BREW /pot HTTP/1.1\r\n", State::kError, 400, 0},
      {"TRACE / HTTP/1.1\r\nHost: a\r\n\r\n", State::kError, 405, 0},
      {"GET / HTTP/2.0\r\nHost: a\r\n\r\n", State::kError, 400, 0},
      {"GET  / HTTP/1.1\r\nHost: a\r\n\r\n", State::kError, 400, 0},
      {"GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n", State::kError, 414, 0},
      {"GET / HTTP/1.1\r\n\r\n", State::kError, 400, 0},  // no Host
      {"GET / HTTP/1.0\r\n\r\n", State::kComplete, 0, 18},
      {"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", State::kError, 400, 0},
      {"GET / HTTP/1.1\r\nHost : a\r\n\r\n", State::kError, 400, 0},
      {"GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n", State::kError, 400, 0},
      {"GET / HTTP/1.1\r\nHost: a\r\nX: " + std::string(20000, 'b'), State::kError, 431, 0},
  };
  for (const Case& c : cases) {
    Outcome o = Frame(c.raw);
    EXPECT_EQ(o.state, c.state) << c.raw.substr(0, 120);
    EXPECT_EQ(o.status, c.status) << c.raw.substr(0, 120);
    EXPECT_EQ(o.end, c.end) << c.raw.substr(0, 120);
  }
}

TEST(HttpFramerTest, HeadersAreReadAndResetStartsOver) {
  HttpFramer f(kMaxBody);
  std::string raw =
      "POST /api/articles?x=1 HTTP/1.1\r\nHost: Example:8080\r\nExpect: 100-continue\r\n"
      "Content-Length: 2\r\n\r\n";
  ASSERT_EQ(f.Advance(raw), State::kNeedMore);
  ASSERT_TRUE(f.head_done());
  EXPECT_EQ(f.head().method, "POST");
  EXPECT_EQ(f.head().target, "/api/articles?x=1");
  EXPECT_EQ(f.head().Header("host"), "Example:8080");
  EXPECT_TRUE(f.expects_continue());
  EXPECT_EQ(f.Advance(raw + "{}"), State::kComplete);
  f.Reset();
  EXPECT_FALSE(f.head_done());
  EXPECT_EQ(f.Advance("GET / HTTP/1.1\r\nHost: a\r\n\r\n"), State::kComplete);
  EXPECT_FALSE(f.expects_continue());
}

}  // namespace
}  // namespace storyfuse
