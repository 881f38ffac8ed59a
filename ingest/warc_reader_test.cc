#include "ingest/warc_reader.h"

#include <gtest/gtest.h>

#include "ingest/gzip_reader.h"
#include "ingest/warc_test_fixtures.h"

namespace storyfuse {
namespace {

using testing::Chunked;
using testing::HttpBlock;
using testing::WarcRecord;

constexpr uint64_t kMax = 1 << 20;

struct Outcome {
  std::vector<RawDoc> docs;
  std::vector<std::string> errors;
  uint64_t skipped = 0;
  uint64_t records = 0;
};

Outcome ReadWarc(std::string_view bytes, bool gzipped = false, uint64_t max = kMax) {
  StringSource raw(bytes);
  GzipReader gz(&raw);
  WarcReader reader(gzipped ? static_cast<ByteSource*>(&gz) : &raw, "crawl.warc", max);
  Outcome out;
  for (int guard = 0; guard < 1000; ++guard) {
    RawDoc doc;
    Result<bool> got = reader.Next(&doc);
    if (!got.ok()) {
      out.errors.push_back(got.status().message());
      continue;
    }
    if (!*got) break;
    out.docs.push_back(std::move(doc));
  }
  out.skipped = reader.skipped();
  out.records = reader.records();
  return out;
}

const char kStory[] =
    "<html><head><title>Bridge reopens</title></head><body><p>The Varnholt bridge "
    "reopened on Tuesday after repairs.</p></body></html>";

// warcinfo, request, two responses (HTML and Latin-1 text), one image.
std::vector<std::string> SampleRecords() {
  return {
      WarcRecord("warcinfo", "", "software: invented-crawler/0.1\r\n", "application/warc-fields"),
      WarcRecord("request", "http://news.example/bridge", "GET /bridge HTTP/1.1\r\nHost: news.example\r\n\r\n",
                 "application/http; msgtype=request"),
      WarcRecord("response", "http://news.example/bridge", HttpBlock(200, "text/html; charset=utf-8", kStory)),
      WarcRecord("response", "<http://news.example/caf\xE9.txt>",
                 HttpBlock(200, "text/plain; charset=iso-8859-1", "Le caf\xE9 a rouvert.")),
      WarcRecord("response", "http://news.example/logo.png",
                 HttpBlock(200, "image/png", std::string("\x89PNG\0\0", 6))),
  };
}

std::string Join(const std::vector<std::string>& records, bool gzip_each) {
  std::string out;
  for (const std::string& r : records) out += gzip_each ? GzipReader::Compress(r) : r;
  return out;
}

void ExpectSampleDocs(const Outcome& out) {
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].url, "http://news.example/bridge");
  EXPECT_EQ(out.docs[0].id, "http://news.example/bridge");
  EXPECT_EQ(out.docs[0].source, "crawl.warc#3");
  EXPECT_EQ(out.docs[0].format, DocFormat::kHtml);
  EXPECT_EQ(out.docs[0].bytes, kStory);
  EXPECT_EQ(out.docs[1].url, "http://news.example/caf\xE9.txt");  // the URI is kept as bytes
  EXPECT_EQ(out.docs[1].format, DocFormat::kText);
  EXPECT_EQ(out.docs[1].bytes, "Le caf\xC3\xA9 a rouvert.");
  EXPECT_EQ(out.skipped, 3u);
  EXPECT_EQ(out.records, 5u);
}

TEST(WarcReaderTest, ReadsHtmlAndTextResponsesOnly) {
  Outcome out = ReadWarc(Join(SampleRecords(), false));
  EXPECT_TRUE(out.errors.empty()) << out.errors[0];
  ExpectSampleDocs(out);
}

TEST(WarcReaderTest, ReadsPerRecordGzip) {
  Outcome out = ReadWarc(Join(SampleRecords(), true), /*gzipped=*/true);
  EXPECT_TRUE(out.errors.empty()) << out.errors[0];
  ExpectSampleDocs(out);
}

TEST(WarcReaderTest, ReadsWarc10WithBareLineFeedsAndChunkedGzipBodies) {
  std::string body = "<html><body><p>Storm closes the pass.</p></body></html>";
  std::string block = HttpBlock(200, "text/html", Chunked(GzipReader::Compress(body), 16),
                                "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n");
  std::string rec =
      "WARC/1.0\nWARC-Type: response\nWARC-Target-URI: http://x.example/a\n"
      "Content-Length: " +
      std::to_string(block.size()) + "\n\n" + block + "\n\n";
  Outcome out = ReadWarc(rec);
  ASSERT_TRUE(out.errors.empty()) << out.errors[0];
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].bytes, body);
}

TEST(WarcReaderTest, UsesMetaCharsetWhenTheHeaderHasNone) {
  std::string html = "<html><head><meta charset=\"windows-1251\"></head><body>\xC4\xE0</body></html>";
  Outcome out = ReadWarc(WarcRecord("response", "http://ru.example/", HttpBlock(200, "text/html", html)));
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_NE(out.docs[0].bytes.find("<body>\xD0\x94\xD0\xB0</body>"), std::string::npos);
}

TEST(WarcReaderTest, SkipsRedirectsErrorsAndRevisits) {
  std::vector<std::string> records = {
      WarcRecord("response", "http://a.example/", HttpBlock(301, "text/html", "moved")),
      WarcRecord("response", "http://a.example/x", HttpBlock(404, "text/html", "<html>gone")),
      WarcRecord("revisit", "http://a.example/y", HttpBlock(200, "text/html", "")),
      WarcRecord("metadata", "http://a.example/y", "outlinks: none\r\n", "application/warc-fields"),
      WarcRecord("response", "dns:a.example", "20310402 a.example A 10.0.0.1", "text/dns"),
  };
  Outcome out = ReadWarc(Join(records, false));
  EXPECT_TRUE(out.errors.empty());
  EXPECT_TRUE(out.docs.empty());
  EXPECT_EQ(out.skipped, 5u);
}

TEST(WarcReaderTest, ReportsTruncationOnceAndStops) {
  std::string all = Join(SampleRecords(), false);
  std::string cut = all.substr(0, all.find("reopened on Tuesday"));
  Outcome out = ReadWarc(cut);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].rfind("crawl.warc#3: ", 0), 0u) << out.errors[0];
  EXPECT_NE(out.errors[0].find("truncated"), std::string::npos);
  EXPECT_TRUE(out.docs.empty());
}

TEST(WarcReaderTest, ReportsTruncatedGzipNamingTheRecord) {
  std::string all = Join(SampleRecords(), true);
  Outcome out = ReadWarc(all.substr(0, all.size() - 30), true);
  ASSERT_GE(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].rfind("crawl.warc#5: ", 0), 0u) << out.errors[0];
  EXPECT_EQ(out.docs.size(), 2u);
}

TEST(WarcReaderTest, GoesOnAfterGarbageAndBadRecords) {
  std::vector<std::string> records = SampleRecords();
  std::string bad_length = "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nxx\r\n\r\n";
  std::string bad_http = WarcRecord("response", "http://b.example/", "not an http response");
  std::string all = records[2] + "some junk\r\nmore junk\r\n" + bad_length + bad_http + records[3];
  Outcome out = ReadWarc(all);
  EXPECT_EQ(out.docs.size(), 2u);
  ASSERT_EQ(out.errors.size(), 3u);
  EXPECT_NE(out.errors[0].find("crawl.warc#2: not a WARC record header"), std::string::npos);
  EXPECT_NE(out.errors[1].find("crawl.warc#3: missing or malformed Content-Length"), std::string::npos);
  EXPECT_NE(out.errors[2].find("crawl.warc#4: no HTTP status line"), std::string::npos);
}

TEST(WarcReaderTest, ResyncsAfterACorruptGzipMember) {
  std::vector<std::string> records = SampleRecords();
  std::string broken = GzipReader::Compress(records[2]);
  for (size_t i = 20; i < broken.size() - 10; i += 3) broken[i] = static_cast<char>(~broken[i]);
  std::string all = GzipReader::Compress(records[0]) + broken + GzipReader::Compress(records[3]);
  Outcome out = ReadWarc(all, true);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].bytes, "Le caf\xC3\xA9 a rouvert.");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].find("crawl.warc#2: "), std::string::npos) << out.errors[0];
}

TEST(WarcReaderTest, RejectsOversizedRecordsAndGoesOn) {
  std::string big = "<html><body>" + std::string(5000, 'z') + "</body></html>";
  std::string all =
      WarcRecord("response", "http://big.example/", HttpBlock(200, "text/html", big)) + SampleRecords()[3];
  Outcome out = ReadWarc(all, false, /*max=*/4096);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].find("crawl.warc#1: record of"), std::string::npos) << out.errors[0];
  EXPECT_EQ(out.docs.size(), 1u);
}

TEST(WarcReaderTest, EmptyBodyAndUndecodableBodyAreErrors) {
  std::string all = WarcRecord("response", "http://e.example/", HttpBlock(200, "text/html", "")) +
                    WarcRecord("response", "http://e.example/b", HttpBlock(200, "text/plain", std::string("a\0b", 3)));
  Outcome out = ReadWarc(all);
  ASSERT_EQ(out.errors.size(), 2u);
  EXPECT_NE(out.errors[0].find("#1: empty HTTP body"), std::string::npos);
  EXPECT_NE(out.errors[1].find("#2: binary data"), std::string::npos);
}

}  // namespace
}  // namespace storyfuse
