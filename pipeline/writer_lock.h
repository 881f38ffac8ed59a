// WriterLock: one writing process per store, and the build journal that
// keeps a story whose brief build kills the process from killing every
// restart.
//
// The lock is an exclusive flock on `path`.lock (a separate file: closing a
// second descriptor of an SQLite database would drop SQLite's own POSIX
// locks), released by the kernel when the process ends, kill -9 included.
// Each writer keeps its own clusterer and story numbering, so two at once
// would give two stories the same id.
//
// The journal lives in the lock file: "skip <id>" and
// "building <id> <attempts>" lines, written before and cleared after each
// build. Briefs are built outside the writer, so several may be in flight
// when the process dies: each of them counts one attempt. A story whose
// build was interrupted kMaxBuildAttempts times is skipped on open until
// an ingest touches it. (The repair on open builds one story at a time, so
// there the count names the story that stops the process exactly.)
//
// Not thread-safe: the writer calls it under its lock.
#ifndef STORYFUSE_PIPELINE_WRITER_LOCK_H_
#define STORYFUSE_PIPELINE_WRITER_LOCK_H_

#include <map>
#include <set>
#include <string>

#include "base/status.h"

namespace storyfuse {

class WriterLock {
 public:
  static constexpr int kMaxBuildAttempts = 2;

  WriterLock() = default;
  ~WriterLock();  // releases the lock
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

  // Takes the lock for the store at `store_path` and reads the journal a
  // previous process left. IoError naming the store while another process
  // holds it, or naming the lock file when it cannot be opened.
  Status Acquire(const std::string& store_path);

  // Whether an open should leave `story_id`'s brief as it is (its build
  // stopped the process kMaxBuildAttempts times).
  bool ShouldSkip(const std::string& story_id) const { return skip_.count(story_id) > 0; }
  // Records that `story_id` is being built (one more attempt when it was
  // being built when the last process died).
  void MarkBuilding(const std::string& story_id);
  // The build finished: `story_id` is no longer skipped nor being built.
  void MarkBuilt(const std::string& story_id);
  // The build was dropped (a newer one replaces it): no longer being built.
  void MarkDropped(const std::string& story_id);
  // The last process's death is accounted for: keeps the skips and the
  // builds in flight.
  void ForgetCrash();

 private:
  // Whole-file rewrite of a few lines.
  void WriteJournal();

  int fd_ = -1;
  std::set<std::string> skip_;
  struct Build {
    int attempts = 0;
    int in_flight = 0;  // builds of the story running now (two ingests may both build it)
  };
  std::map<std::string, Build> building_;
  std::map<std::string, int> crashed_;  // being built when the last process died -> attempts
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_WRITER_LOCK_H_
