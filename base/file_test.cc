#include "base/file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace storyfuse {
namespace {

TEST(ReadWholeFileTest, ReturnsEveryByteIncludingNulAndCr) {
  std::string path = (std::filesystem::temp_directory_path() / "storyfuse_file_test.bin").string();
  const std::string bytes("line one\r\n\0tail\xff", 16);
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  Result<std::string> got = ReadWholeFile(path);
  std::remove(path.c_str());
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, bytes);
}

TEST(ReadWholeFileTest, MissingFileIsNotFoundAndNamesThePath) {
  Result<std::string> got = ReadWholeFile("/nonexistent/storyfuse/brief.txt");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), Status::Code::kNotFound);
  EXPECT_NE(got.status().ToString().find("/nonexistent/storyfuse/brief.txt"), std::string::npos);
}

}  // namespace
}  // namespace storyfuse
