#include "feed/warc_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <random>

#include "ingest/gzip_reader.h"
#include "ingest/input_reader.h"

namespace storyfuse {
namespace {

FetchResponse Response(const std::string& url, const std::string& type, const std::string& body) {
  FetchResponse r;
  r.status = 200;
  r.url = url;
  r.final_url = url;
  r.content_type = type;
  r.body = body;
  return r;
}

// `n` letters that gzip cannot shrink much, so file sizes are predictable.
std::string Letters(size_t n, int seed) {
  std::mt19937 rng(static_cast<unsigned>(seed));
  std::string out;
  for (size_t i = 0; i < n; ++i) out += static_cast<char>('a' + rng() % 26);
  return out;
}

class WarcWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (std::filesystem::temp_directory_path() / ("warc_writer_test_" + std::to_string(getpid()))).string();
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST_F(WarcWriterTest, EveryResponseIsARecordIngestReadsBackAndFilesRotateBySize) {
  // Small files, so that five pages need several.
  Result<std::unique_ptr<WarcWriter>> w = WarcWriter::Open(dir_ + "/crawl", 2000);
  ASSERT_TRUE(w.ok()) << w.status().message();
  std::map<std::string, std::string> pages;
  for (int i = 0; i < 5; ++i) {
    std::string url = "http://127.0.0.1:8080/news/" + std::to_string(i);
    std::string body = "<html><body><p>Caf\xC3\xA9 on the quay, report " + std::to_string(i) + ". " + Letters(1200, i) +
                       "</p></body></html>";
    pages[url] = body;
    ASSERT_TRUE((*w)->Write(Response(url, "text/html; charset=utf-8", body)).ok());
  }
  // A feed, a 304 and a 404: kept too, and skipped by ingest as no page.
  ASSERT_TRUE((*w)->Write(Response("http://127.0.0.1:8080/feed.xml", "application/rss+xml", "<rss/>")).ok());
  FetchResponse not_modified = Response("http://127.0.0.1:8080/feed.xml", "", "");
  not_modified.status = 304;
  not_modified.etag = "\"e1\"";
  ASSERT_TRUE((*w)->Write(not_modified).ok());
  FetchResponse gone = Response("http://127.0.0.1:8080/gone", "text/html", "<p>gone</p>");
  gone.status = 404;
  ASSERT_TRUE((*w)->Write(gone).ok());
  EXPECT_EQ((*w)->records(), 8u);
  EXPECT_GE((*w)->files(), 3);
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir_ + "/crawl")) {
    ++files;
    EXPECT_TRUE(e.path().filename().string().ends_with(".warc.gz")) << e.path();
    EXPECT_LE(e.file_size(), 2000u) << e.path();
  }
  EXPECT_EQ(files, (*w)->files());
  w->reset();

  std::map<std::string, std::string> read;
  std::vector<std::string> errors;
  InputReader reader([&](RawDoc&& d) { read[d.url] = d.bytes; },
                     [&](const Status& s) { errors.push_back(s.message()); });
  ASSERT_TRUE(reader.Read(dir_ + "/crawl").ok());
  EXPECT_TRUE(errors.empty()) << errors.front();
  EXPECT_EQ(read, pages);
}

TEST_F(WarcWriterTest, TheHttpBlockKeepsStatusValidatorsAndTheInflatedLength) {
  FetchResponse r = Response("http://127.0.0.1/a", "text/html; charset=windows-1252", "caf\xE9");
  r.etag = "\"x\"";
  r.last_modified = "Sat, 05 Dec 2026 09:00:00 GMT";
  EXPECT_EQ(WarcWriter::HttpBlock(r),
            "HTTP/1.1 200\r\nContent-Type: text/html; charset=windows-1252\r\nETag: \"x\"\r\n"
            "Last-Modified: Sat, 05 Dec 2026 09:00:00 GMT\r\nContent-Length: 4\r\n\r\ncaf\xE9");
}

TEST_F(WarcWriterTest, AFolderThatCannotBeMadeIsAnErrorNamingIt) {
  std::filesystem::create_directories(dir_);
  std::FILE* f = std::fopen((dir_ + "/file").c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fclose(f);
  Result<std::unique_ptr<WarcWriter>> w = WarcWriter::Open(dir_ + "/file/warc");
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find(dir_ + "/file/warc"), std::string::npos) << w.status().message();
}

}  // namespace
}  // namespace storyfuse
