#include "ingest/recorded_response.h"

#include <gtest/gtest.h>

#include "ingest/gzip_reader.h"
#include "ingest/warc_test_fixtures.h"

namespace storyfuse {
namespace {

using testing::Chunked;
using testing::HttpBlock;

constexpr uint64_t kMax = 1 << 20;

TEST(RecordedResponseTest, ParsesStatusHeadersAndBody) {
  std::string block = "HTTP/1.1 200 OK\r\nContent-Type: Text/HTML; charset=utf-8\r\nX-Long: a\r\n  b\r\n\r\n<p>hi</p>";
  Result<RecordedResponse> r = RecordedResponse::Parse(block, kMax);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->MediaType(), "text/html");
  EXPECT_EQ(r->Header("content-type"), "Text/HTML; charset=utf-8");
  EXPECT_EQ(r->Header("X-Long"), "a b");
  EXPECT_EQ(r->body, "<p>hi</p>");
}

TEST(RecordedResponseTest, AcceptsBareLfAndMissingReason) {
  Result<RecordedResponse> r = RecordedResponse::Parse("HTTP/1.0 404\nServer: x\n\nnope", kMax);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->body, "nope");
}

TEST(RecordedResponseTest, UndoesChunkingAndGzip) {
  std::string body = "<html><body>" + std::string(5000, 'w') + "</body></html>";
  struct Case {
    std::string name, headers, payload;
  } cases[] = {
      {"chunked", "Transfer-Encoding: chunked\r\n", Chunked(body, 999)},
      {"gzip", "Content-Encoding: gzip\r\n", GzipReader::Compress(body)},
      {"chunked gzip", "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
       Chunked(GzipReader::Compress(body), 100)},
      {"marked but stored decoded", "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", body},
      {"chunk extensions", "Transfer-Encoding: chunked\r\n", "5;ext=1\r\n<html\r\n0\r\n\r\n"},
  };
  for (const Case& c : cases) {
    Result<RecordedResponse> r = RecordedResponse::Parse(HttpBlock(200, "text/html", c.payload, c.headers), kMax);
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.status().ToString();
    EXPECT_EQ(r->body, c.name == "chunk extensions" ? "<html" : body) << c.name;
  }
}

TEST(RecordedResponseTest, ReportsBadBlocks) {
  struct Case {
    std::string name, block;
    Status::Code code;
  } cases[] = {
      {"no status line", "<html>", Status::Code::kInvalidArgument},
      {"not http", "GET / HTTP/1.1\r\n\r\n", Status::Code::kInvalidArgument},
      {"bad code", "HTTP/1.1 2x0 OK\r\n\r\n", Status::Code::kInvalidArgument},
      {"headers never end", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", Status::Code::kInvalidArgument},
      {"truncated chunks", HttpBlock(200, "text/html", "400\r\nshort", "Transfer-Encoding: chunked\r\n"),
       Status::Code::kCorruption},
      {"brotli", HttpBlock(200, "text/html", "xx", "Content-Encoding: br\r\n"), Status::Code::kInvalidArgument},
      {"truncated gzip",
       HttpBlock(200, "text/html", GzipReader::Compress(std::string(4000, 'a')).substr(0, 20),
                 "Content-Encoding: gzip\r\n"),
       Status::Code::kCorruption},
      {"gzip bomb",
       HttpBlock(200, "text/html", GzipReader::Compress(std::string(2 << 20, 'a')), "Content-Encoding: gzip\r\n"),
       Status::Code::kInvalidArgument},
  };
  for (const Case& c : cases) {
    Result<RecordedResponse> r = RecordedResponse::Parse(c.block, kMax);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code(), c.code) << c.name << ": " << r.status().ToString();
  }
}

TEST(RecordedResponseTest, SniffsHtml) {
  EXPECT_TRUE(RecordedResponse::LooksLikeHtml("\xEF\xBB\xBF  <!DOCTYPE html><html>"));
  EXPECT_TRUE(RecordedResponse::LooksLikeHtml("\n<HTML lang=en>"));
  EXPECT_TRUE(RecordedResponse::LooksLikeHtml("<!-- banner --><div>"));
  EXPECT_FALSE(RecordedResponse::LooksLikeHtml("A <b>bold</b> plain story"));
  EXPECT_FALSE(RecordedResponse::LooksLikeHtml("<3 kittens"));
  EXPECT_FALSE(RecordedResponse::LooksLikeHtml(""));
}

}  // namespace
}  // namespace storyfuse
