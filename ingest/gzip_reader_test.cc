#include "ingest/gzip_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "ingest/buffered_reader.h"

namespace storyfuse {
namespace {

// Reads everything from `in` in small, odd-sized steps.
Result<std::string> ReadAll(ByteSource* in, size_t step = 7) {
  std::string out;
  std::string buf(step, '\0');
  for (;;) {
    STORYFUSE_ASSIGN_OR_RETURN(size_t got, in->Read(buf.data(), buf.size()));
    if (got == 0) return out;
    out.append(buf.data(), got);
  }
}

// Hands out its bytes one at a time, to cross every buffer boundary.
class TrickleSource : public ByteSource {
 public:
  explicit TrickleSource(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ >= bytes_.size() || n == 0) return size_t{0};
    *buf = bytes_[pos_++];
    return size_t{1};
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

TEST(GzipReaderTest, RoundTripsOneMember) {
  std::string text = "The ferry to Lindqvist Island left at dawn.\n";
  std::string gz = GzipReader::Compress(text);
  EXPECT_TRUE(GzipReader::IsGzip(gz));
  StringSource src(gz);
  GzipReader reader(&src);
  Result<std::string> out = ReadAll(&reader);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, text);
  EXPECT_EQ(reader.members(), 1u);
}

TEST(GzipReaderTest, ReadsConcatenatedMembersAcrossByteBoundaries) {
  std::string a = "first record\n", b(100000, 'x'), c = "third record\n";
  TrickleSource src(GzipReader::Compress(a) + GzipReader::Compress(b) + GzipReader::Compress(c));
  GzipReader reader(&src);
  Result<std::string> out = ReadAll(&reader, 4096);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, a + b + c);
  EXPECT_EQ(reader.members(), 3u);
}

TEST(GzipReaderTest, EmptyInputIsAnEmptyStream) {
  StringSource src("");
  GzipReader reader(&src);
  Result<std::string> out = ReadAll(&reader);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "");
}

TEST(GzipReaderTest, ReportsTruncation) {
  std::string gz = GzipReader::Compress(std::string(5000, 'q'));
  std::string cut = gz.substr(0, gz.size() - 6);
  StringSource src(cut);
  GzipReader reader(&src);
  Result<std::string> out = ReadAll(&reader);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Status::Code::kCorruption);
  EXPECT_NE(out.status().message().find("truncated"), std::string::npos);
}

TEST(GzipReaderTest, ToleratesZeroPaddingButNotGarbage) {
  std::string gz = GzipReader::Compress("padded");
  {
    std::string padded = gz + std::string(512, '\0');
    StringSource src(padded);
    GzipReader reader(&src);
    Result<std::string> out = ReadAll(&reader);
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_EQ(*out, "padded");
  }
  {
    std::string junk = gz + "junk";
    StringSource src(junk);
    GzipReader reader(&src);
    EXPECT_EQ(ReadAll(&reader).status().code(), Status::Code::kCorruption);
  }
}

TEST(GzipReaderTest, ResyncsAtTheNextMemberAfterCorruption) {
  std::string bad = GzipReader::Compress(std::string(3000, 'b') + "some more text to compress");
  for (size_t i = 12; i < bad.size() - 8; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5a);
  std::string all = GzipReader::Compress("AAA") + bad + GzipReader::Compress("CCC");
  StringSource src(all);
  GzipReader reader(&src);
  std::string got;
  char buf[64];
  Status error;
  for (;;) {
    Result<size_t> n = reader.Read(buf, sizeof(buf));
    if (!n.ok()) {
      error = n.status();
      ASSERT_TRUE(reader.Resync().ok());
      continue;
    }
    if (*n == 0) break;
    got.append(buf, *n);
  }
  EXPECT_EQ(error.code(), Status::Code::kCorruption);
  EXPECT_EQ(got.substr(0, 3), "AAA");
  EXPECT_EQ(got.substr(got.size() - 3), "CCC");
}

TEST(GzipReaderTest, ResyncFailsWhenNoMemberFollows) {
  std::string gz = GzipReader::Compress(std::string(2000, 'z'));
  std::string cut = gz.substr(0, gz.size() / 2);
  StringSource src(cut);
  GzipReader reader(&src);
  EXPECT_FALSE(ReadAll(&reader).ok());
  EXPECT_FALSE(reader.Resync().ok());
  Result<std::string> rest = ReadAll(&reader);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(*rest, "");
}

std::string ZlibCompress(std::string_view data, int window_bits) {
  z_stream s{};
  deflateInit2(&s, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&s, data.size()) + 32, '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  s.avail_in = static_cast<uInt>(data.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  deflate(&s, Z_FINISH);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

TEST(GzipReaderTest, InflatesGzipZlibAndRawDeflate) {
  std::string text = "Harbour cranes stood idle for a third day.";
  for (const std::string& packed :
       {GzipReader::Compress(text), ZlibCompress(text, 15), ZlibCompress(text, -15),
        GzipReader::Compress("Harbour ") + GzipReader::Compress("cranes stood idle for a third day.")}) {
    Result<std::string> out = GzipReader::Inflate(packed, 1 << 20);
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_EQ(*out, text);
  }
}

TEST(GzipReaderTest, InflateEnforcesTheOutputLimitAndReportsTruncation) {
  std::string bomb = GzipReader::Compress(std::string(1 << 20, '0'));
  EXPECT_EQ(GzipReader::Inflate(bomb, 1000).status().code(), Status::Code::kInvalidArgument);
  std::string cut = bomb.substr(0, bomb.size() / 2);
  EXPECT_EQ(GzipReader::Inflate(cut, 2 << 20).status().code(), Status::Code::kCorruption);
  EXPECT_FALSE(GzipReader::Inflate("not compressed at all", 1000).ok());
}

}  // namespace
}  // namespace storyfuse
