#include "base/shared_library.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

TEST(SharedLibraryTest, MissingLibraryIsUnsupportedNamingLibraryAndPackage) {
  Result<SharedLibrary> lib = SharedLibrary::Open("libstoryfuse-absent.so.7", "storyfuse-absent7");
  ASSERT_FALSE(lib.ok());
  EXPECT_EQ(lib.status().code(), Status::Code::kUnsupported);
  const std::string& m = lib.status().message();
  EXPECT_EQ(m.rfind("libstoryfuse-absent.so.7 cannot be loaded (install storyfuse-absent7", 0), 0u) << m;
}

// zlib is a dependency of the project, so its runtime library is present.
TEST(SharedLibraryTest, ResolvesFunctionsAndNamesAMissingOne) {
  Result<SharedLibrary> lib = SharedLibrary::Open("libz.so.1", "zlib1g");
  ASSERT_TRUE(lib.ok()) << lib.status().ToString();
  const char* (*zlib_version)() = nullptr;
  ASSERT_TRUE(lib->Resolve("zlibVersion", &zlib_version).ok());
  ASSERT_NE(zlib_version, nullptr);
  EXPECT_EQ(zlib_version()[0], '1');  // "1.2.13" on Debian 12: the call went through

  void (*absent)() = nullptr;
  Status st = lib->Resolve("storyfuse_no_such_function", &absent);
  EXPECT_EQ(st.code(), Status::Code::kUnsupported);
  EXPECT_NE(st.message().find("libz.so.1 has no function storyfuse_no_such_function"), std::string::npos)
      << st.message();
  EXPECT_EQ(absent, nullptr);
}

}  // namespace
}  // namespace storyfuse
