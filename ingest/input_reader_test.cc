#include "ingest/input_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "ingest/article_object.h"
#include "ingest/gzip_reader.h"
#include "ingest/warc_test_fixtures.h"

namespace storyfuse {
namespace {
namespace fs = std::filesystem;

struct Collected {
  std::vector<RawDoc> docs;
  std::vector<std::string> errors;
};

class InputReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("storyfuse_input_reader_" + std::to_string(getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& rel, std::string_view bytes) {
    fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  InputReader Reader(Collected* c, uint64_t max = uint64_t{64} << 20) {
    InputReaderOptions options;
    options.max_document_bytes = max;
    return InputReader([c](RawDoc&& d) { c->docs.push_back(std::move(d)); },
                       [c](const Status& st) { c->errors.push_back(st.message()); }, options);
  }

  fs::path dir_;
};

std::vector<std::string> Ids(const Collected& c) {
  std::vector<std::string> ids;
  for (const RawDoc& d : c.docs) ids.push_back(d.id);
  return ids;
}

TEST_F(InputReaderTest, ReadsFoldersRecursivelyInSortedOrder) {
  Write("b.txt", "Second story.");
  Write("a/z.txt", "Nested story.");
  Write("a/sub/m.html", "<html><body><p>Deep page.</p></body></html>");
  Write("c.md", "Third story.");
  Write(".hidden/x.txt", "Never read.");
  Write(".DS_Store", "Never read.");
  Collected c;
  InputReader reader = Reader(&c);
  ASSERT_TRUE(reader.Read(dir_.string()).ok());
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(Ids(c), (std::vector<std::string>{"m", "z", "b", "c"}));
  EXPECT_EQ(c.docs[0].format, DocFormat::kHtml);
  EXPECT_EQ(c.docs[0].source, (dir_ / "a/sub/m.html").string());
  EXPECT_EQ(c.docs[1].format, DocFormat::kText);
  EXPECT_EQ(reader.documents(), 4u);
}

TEST_F(InputReaderTest, DecodesLatin1AndMetaCharset) {
  std::string latin1 = Write("latin1.txt",
                             "Le maire de Trevoux a annonc\xE9 la r\xE9ouverture du march\xE9 couvert "
                             "apr\xE8s deux ann\xE9"
                             "es de travaux.");
  std::string cyr =
      Write("page.htm", "<html><head><meta charset=\"windows-1251\"></head><body>\xCC\xE8\xF0</body></html>");
  Collected c;
  InputReader reader = Reader(&c);
  ASSERT_TRUE(reader.Read(latin1).ok());
  ASSERT_TRUE(reader.Read(cyr).ok());
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_NE(c.docs[0].bytes.find("annonc\xC3\xA9 la r\xC3\xA9ouverture"), std::string::npos);
  EXPECT_NE(c.docs[1].bytes.find("<body>\xD0\x9C\xD0\xB8\xD1\x80</body>"), std::string::npos);
  EXPECT_EQ(c.docs[1].format, DocFormat::kHtml);
}

TEST_F(InputReaderTest, ReportsBadFilesByNameAndGoesOn) {
  Write("1_empty.txt", "");
  Write("2_binary.txt", std::string("\x00\x01\x02\x03", 4));
  Write("3_good.txt", "A good story.");
  Write("4_big.txt", std::string(2000, 'x'));
  Write("5_broken.txt.gz", GzipReader::Compress("cut short").substr(0, 12));
  Collected c;
  InputReader reader = Reader(&c, /*max=*/1000);
  ASSERT_TRUE(reader.Read(dir_.string()).ok());
  EXPECT_EQ(Ids(c), std::vector<std::string>{"3_good"});
  ASSERT_EQ(c.errors.size(), 4u);
  EXPECT_NE(c.errors[0].find("1_empty.txt: empty file"), std::string::npos) << c.errors[0];
  EXPECT_NE(c.errors[1].find("2_binary.txt: binary data"), std::string::npos) << c.errors[1];
  EXPECT_NE(c.errors[2].find("4_big.txt: file of"), std::string::npos) << c.errors[2];
  EXPECT_NE(c.errors[3].find("5_broken.txt.gz: truncated gzip"), std::string::npos) << c.errors[3];
  EXPECT_EQ(reader.errors(), 4u);
}

// Issue #22: a path that cannot be reached was reported as missing.
TEST_F(InputReaderTest, UnreachablePathsSayWhy) {
  Collected c;
  InputReader reader = Reader(&c);
  fs::create_symlink(dir_ / "loop-b", dir_ / "loop-a");
  fs::create_symlink(dir_ / "loop-a", dir_ / "loop-b");
  Status loop = reader.Read((dir_ / "loop-a").string());
  EXPECT_EQ(loop.code(), Status::Code::kIoError);
  EXPECT_NE(loop.message().find("cannot reach it: Too many levels of symbolic links"), std::string::npos)
      << loop.message();
  fs::create_symlink(dir_ / "gone.txt", dir_ / "dangling.txt");
  Status dangling = reader.Read((dir_ / "dangling.txt").string());
  EXPECT_EQ(dangling.code(), Status::Code::kNotFound);
  EXPECT_NE(dangling.message().find("a symbolic link to nothing"), std::string::npos) << dangling.message();
  if (geteuid() == 0) GTEST_SKIP() << "running as root: permissions do not stop entering a folder";
  fs::create_directory(dir_ / "closed");
  std::string inside = Write("closed/a.txt", "The dam opened.");
  fs::permissions(dir_ / "closed", fs::perms::none);
  Status denied = reader.Read(inside);
  fs::permissions(dir_ / "closed", fs::perms::owner_all);
  EXPECT_EQ(denied.code(), Status::Code::kIoError);
  EXPECT_NE(denied.message().find("Permission denied"), std::string::npos) << denied.message();
}

TEST_F(InputReaderTest, MissingAndUnreadableInputs) {
  Collected c;
  InputReader reader = Reader(&c);
  Status missing = reader.Read((dir_ / "nope.txt").string());
  EXPECT_EQ(missing.code(), Status::Code::kNotFound);
  EXPECT_NE(missing.message().find("nope.txt"), std::string::npos);
  // A file that opens but cannot be read, even by root: reads of
  // /proc/self/mem at offset 0 fail with EIO.
  if (fs::exists("/proc/self/mem")) {
    ASSERT_TRUE(reader.Read("/proc/self/mem").ok());
    ASSERT_EQ(c.errors.size(), 1u);
    EXPECT_EQ(c.errors[0].rfind("/proc/self/mem: read failed", 0), 0u) << c.errors[0];
  }
  if (geteuid() == 0) GTEST_SKIP() << "running as root: permissions do not stop opening";
  std::string locked = Write("locked.txt", "secret");
  fs::permissions(locked, fs::perms::none);
  Status st = reader.Read(locked);
  EXPECT_EQ(st.code(), Status::Code::kIoError);
  EXPECT_NE(st.message().find("locked.txt: cannot open"), std::string::npos);
}

const char kJsonl[] =
    "{\"id\":\"n1\",\"url\":\"https://paper.example/n1\",\"outlet\":\"The Example Post\","
    "\"title\":\"Dam opens\",\"authors\":[\"Ana Ruiz\",\"Li Wen\"],\"published\":\"2031-05-01\","
    "\"language\":\"en\",\"text\":\"The dam opened.\",\"label\":3}\n"
    "{\"id\": \"n2\", \"text\": \"Unclosed\n"
    "\n"
    "[1, 2, 3]\n"
    "{\"id\":\"n4\",\"title\":\"No body\"}\n"
    "{\"id\":7,\"html\":\"<p>Numeric id</p>\",\"authors\":\"Sole Author\"}\n"
    "{\"id\":\"n6\",\"text\":42}\n"
    "{\"text\":\"Anonymous line\"}";

TEST_F(InputReaderTest, ReadsJsonlAndNamesBadLines) {
  std::string path = Write("feed.jsonl", kJsonl);
  Collected c;
  InputReader reader = Reader(&c);
  ASSERT_TRUE(reader.Read(path).ok());
  EXPECT_EQ(Ids(c), (std::vector<std::string>{"n1", "7", ArticleObject::DefaultId("Anonymous line")}));
  const RawDoc& d = c.docs[0];
  EXPECT_EQ(d.source, path + ":1");
  EXPECT_EQ(d.url, "https://paper.example/n1");
  EXPECT_EQ(d.outlet, "The Example Post");
  EXPECT_EQ(d.title, "Dam opens");
  EXPECT_EQ(d.authors, (std::vector<std::string>{"Ana Ruiz", "Li Wen"}));
  EXPECT_EQ(d.published, "2031-05-01");
  EXPECT_EQ(d.language, "en");
  EXPECT_EQ(d.label, "3");
  EXPECT_EQ(d.bytes, "The dam opened.");
  EXPECT_EQ(c.docs[1].format, DocFormat::kHtml);
  EXPECT_EQ(c.docs[1].authors, std::vector<std::string>{"Sole Author"});
  ASSERT_EQ(c.errors.size(), 4u);
  EXPECT_NE(c.errors[0].find("feed.jsonl:2: malformed JSON"), std::string::npos) << c.errors[0];
  EXPECT_NE(c.errors[1].find("feed.jsonl:4: not a JSON object"), std::string::npos) << c.errors[1];
  EXPECT_NE(c.errors[2].find("feed.jsonl:5: missing text"), std::string::npos) << c.errors[2];
  EXPECT_NE(c.errors[3].find("feed.jsonl:7: field \"text\" is not a string"), std::string::npos) << c.errors[3];
}

TEST_F(InputReaderTest, JsonlInvalidUtf8AndOverlongLines) {
  std::string body =
      "{\"id\":\"ok\",\"text\":\"fine\"}\n"
      "{\"id\":\"bad\",\"text\":\"caf\xE9\"}\n"
      "{\"id\":\"long\",\"text\":\"" +
      std::string(5000, 'y') +
      "\"}\n"
      "{\"id\":\"after\",\"text\":\"still read\"}\n"
      "{\"id\":\"huge\",\"n\":44444444444E4444,\"text\":\"x\"}\n";  // found by fuzzing
  Collected c;
  InputReader reader = Reader(&c, /*max=*/1000);
  reader.ReadBytes("mem.ndjson", body);
  EXPECT_EQ(Ids(c), (std::vector<std::string>{"ok", "after"}));
  ASSERT_EQ(c.errors.size(), 3u);
  EXPECT_NE(c.errors[0].find("mem.ndjson:2: malformed JSON"), std::string::npos) << c.errors[0];
  EXPECT_NE(c.errors[1].find("mem.ndjson:3: line is over"), std::string::npos) << c.errors[1];
  EXPECT_NE(c.errors[2].find("mem.ndjson:5: malformed JSON (number overflow"), std::string::npos) << c.errors[2];
}

TEST_F(InputReaderTest, ReadsGzippedJsonlAndWarcGz) {
  using storyfuse::testing::HttpBlock;
  using storyfuse::testing::WarcRecord;
  std::string jsonl = Write("feed.jsonl.gz", GzipReader::Compress(kJsonl));
  std::string warc = GzipReader::Compress(WarcRecord("request", "http://w.example/", "GET / HTTP/1.1\r\n\r\n",
                                                     "application/http; msgtype=request")) +
                     GzipReader::Compress(WarcRecord("response", "http://w.example/",
                                                     HttpBlock(200, "text/html", "<html>Quay fire</html>")));
  std::string warc_path = Write("crawl.warc.gz", warc);
  Collected c;
  InputReader reader = Reader(&c);
  ASSERT_TRUE(reader.Read(jsonl).ok());
  ASSERT_TRUE(reader.Read(warc_path).ok());
  EXPECT_EQ(Ids(c),
            (std::vector<std::string>{"n1", "7", ArticleObject::DefaultId("Anonymous line"), "http://w.example/"}));
  EXPECT_EQ(c.docs.back().source, warc_path + "#2");
  EXPECT_EQ(c.errors.size(), 4u);
}

TEST_F(InputReaderTest, SniffsStdinFormats) {
  using storyfuse::testing::HttpBlock;
  using storyfuse::testing::WarcRecord;
  Collected c;
  InputReader reader = Reader(&c);
  reader.ReadBytes("-", "  {\"id\":\"s1\",\"text\":\"From a pipe.\"}\n");
  reader.ReadBytes("-", WarcRecord("response", "http://p.example/", HttpBlock(200, "text/plain", "Piped.")));
  reader.ReadBytes("-", GzipReader::Compress("Just some text on stdin."));
  reader.ReadBytes("-", "");
  EXPECT_EQ(Ids(c), (std::vector<std::string>{"s1", "http://p.example/", "stdin"}));
  EXPECT_EQ(c.docs[0].source, "stdin:1");
  EXPECT_EQ(c.docs[2].source, "-");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0], "stdin: empty input");
}

TEST_F(InputReaderTest, WarcWithoutRecordsIsAnError) {
  Collected c;
  InputReader reader = Reader(&c);
  reader.ReadBytes("x.warc", "\r\n\r\n");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0], "x.warc: no WARC records");
}

TEST_F(InputReaderTest, CorruptGzipMembersCostOnlyTheirOwnDocuments) {
  using storyfuse::testing::HttpBlock;
  using storyfuse::testing::WarcRecord;
  auto corrupt = [](std::string gz) {
    for (size_t i = 12; i + 8 < gz.size(); i += 2) gz[i] = static_cast<char>(~gz[i]);
    return gz;
  };
  std::string bad_first =
      corrupt(GzipReader::Compress(WarcRecord("response", "http://c.example/1", HttpBlock(200, "text/plain", "One."))));
  std::string warc = bad_first + GzipReader::Compress(WarcRecord("response", "http://c.example/2",
                                                                 HttpBlock(200, "text/plain", "Two.")));
  std::string jsonl = GzipReader::Compress("{\"id\":\"j1\",\"text\":\"One.\"}\n") +
                      corrupt(GzipReader::Compress("{\"id\":\"j2\",\"text\":\"Two, a longer line.\"}\n")) +
                      GzipReader::Compress("{\"id\":\"j3\",\"text\":\"Three.\"}\n");
  Collected c;
  InputReader reader = Reader(&c);
  reader.ReadBytes("c.warc.gz", warc);
  reader.ReadBytes("c.jsonl.gz", jsonl);
  EXPECT_EQ(Ids(c), (std::vector<std::string>{"http://c.example/2", "j1", "j3"}));
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0].rfind("c.warc.gz#1: corrupt gzip data", 0), 0u) << c.errors[0];
  EXPECT_EQ(c.errors[1].rfind("c.jsonl.gz:2: corrupt gzip data", 0), 0u) << c.errors[1];
}

}  // namespace
}  // namespace storyfuse
