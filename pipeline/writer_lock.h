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
// build. A story whose build was interrupted kMaxBuildAttempts times is
// skipped on open until an ingest touches it.
//
// Not thread-safe: used from the single writer.
#ifndef STORYFUSE_PIPELINE_WRITER_LOCK_H_
#define STORYFUSE_PIPELINE_WRITER_LOCK_H_

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
  // the story being built when the last process died).
  void MarkBuilding(const std::string& story_id);
  // The build finished: `story_id` is no longer skipped, nothing is being built.
  void MarkBuilt(const std::string& story_id);
  // The last process's death is accounted for: keeps only the skips.
  void ForgetCrash();

 private:
  // Whole-file rewrite of a few lines.
  void WriteJournal(const std::string& building, int attempts);

  int fd_ = -1;
  std::set<std::string> skip_;
  std::string crashed_story_;  // being built when the last process died
  int crashed_attempts_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_WRITER_LOCK_H_
