#include "pipeline/writer_thread.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace storyfuse {
namespace {

int ThreadNice() { return getpriority(PRIO_PROCESS, static_cast<pid_t>(syscall(SYS_gettid))); }

TEST(WriterThreadTest, RunsJobsInOrderAndReturnsTheirResults) {
  WriterThread writer;
  std::vector<int> seen;
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(writer.Run([&seen, i] {
      seen.push_back(i);
      return i * 2;
    }),
              i * 2);
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(WriterThreadTest, RunsOnItsOwnLowerPriorityThread) {
  int caller = ThreadNice();
  WriterThread writer(5);
  int inside = writer.Run([] { return ThreadNice(); });
  EXPECT_EQ(inside, std::min(caller + 5, 19));
  EXPECT_EQ(ThreadNice(), caller);  // the caller's priority is untouched
}

TEST(WriterThreadTest, RethrowsAJobsException) {
  WriterThread writer;
  EXPECT_THROW(writer.Run([]() -> int { throw std::runtime_error("boom"); }), std::runtime_error);
  EXPECT_EQ(writer.Run([] { return std::string("still running"); }), "still running");
}

}  // namespace
}  // namespace storyfuse
