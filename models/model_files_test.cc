#include "models/model_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "base/file.h"

namespace storyfuse {
namespace {

namespace fs = std::filesystem;

// Every weight file in models/ is embedded byte for byte: a retrained model
// that was not rebuilt, or a file the embedding skipped, fails here.
TEST(ModelFilesTest, EmbedsEveryWeightFileExactly) {
  fs::path dir = fs::path(STORYFUSE_SOURCE_DIR) / "models";
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || name == "README.md" || name == "CMakeLists.txt" || ext == ".cmake" ||
        ext == ".cc" || ext == ".h") {
      continue;
    }
    ++files;
    Result<std::string> disk = ReadWholeFile(entry.path().string());
    ASSERT_TRUE(disk.ok()) << disk.status().ToString();
    Result<std::string_view> embedded = ModelFile(name);
    ASSERT_TRUE(embedded.ok()) << embedded.status().ToString();
    EXPECT_EQ(*embedded, *disk) << name;
  }
  EXPECT_EQ(ModelFileNames().size(), files);
}

TEST(ModelFilesTest, UnknownNameIsNotFoundAndNamed) {
  Result<std::string_view> missing = ModelFile("no-such-model.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_NE(missing.status().message().find("no-such-model.bin"), std::string::npos);
}

TEST(ModelFilesTest, NamesAreSorted) {
  std::vector<std::string_view> names = ModelFileNames();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

}  // namespace
}  // namespace storyfuse
