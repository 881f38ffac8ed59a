#include "pipeline/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "base/hasher.h"

namespace storyfuse {
namespace {

// The lock file of a store: beside a SQLite file; for a database server's
// URL (which names no local folder) in the temporary folder, named by the
// URL's hash. The server store also holds its own writer lock
// (StoryStore::LockWriter), which is what keeps two machines apart; the
// file then only carries this machine's build journal.
std::string LockPath(const std::string& store_path) {
  if (store_path.find("://") == std::string::npos) return store_path + ".lock";
  char name[64];
  std::snprintf(name, sizeof name, "storyfuse-%016llx.lock",
                static_cast<unsigned long long>(Hasher::Hash64(store_path)));
  return (std::filesystem::temp_directory_path() / name).string();
}

}  // namespace

WriterLock::~WriterLock() {
  if (fd_ >= 0) close(fd_);
}

Status WriterLock::Acquire(const std::string& store_path) {
  std::string lock_path = LockPath(store_path);
  fd_ = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) return Status::IoError(lock_path + ": " + std::strerror(errno));
  if (flock(fd_, LOCK_EX | LOCK_NB) == 0) {
    // The build journal a previous process left.
    char buf[4096];
    ssize_t n = pread(fd_, buf, sizeof buf, 0);
    std::string_view journal(buf, n > 0 ? static_cast<size_t>(n) : 0);
    for (size_t pos = 0; pos < journal.size();) {
      size_t eol = journal.find('\n', pos);
      std::string line(journal.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos));
      pos = eol == std::string_view::npos ? journal.size() : eol + 1;
      char id[256];
      int attempts = 0;
      if (std::sscanf(line.c_str(), "skip %255s", id) == 1) skip_.insert(id);
      if (std::sscanf(line.c_str(), "building %255s %d", id, &attempts) == 2) crashed_[id] = attempts;
    }
    for (const auto& [id, attempts] : crashed_) {
      if (attempts >= kMaxBuildAttempts) skip_.insert(id);
    }
    return Status::Ok();
  }
  if (errno == EWOULDBLOCK) {
    return Status::IoError(store_path +
                           " is being written by another storyfuse process (serve or ingest); "
                           "one writer at a time");
  }
  return Status::IoError(lock_path + ": " + std::strerror(errno));
}

void WriterLock::MarkBuilding(const std::string& story_id) {
  Build& b = building_[story_id];
  if (b.in_flight++ == 0) {
    auto crashed = crashed_.find(story_id);
    b.attempts = crashed == crashed_.end() ? 1 : crashed->second + 1;
    if (crashed != crashed_.end()) crashed_.erase(crashed);
  }
  WriteJournal();
}

void WriterLock::MarkBuilt(const std::string& story_id) {
  skip_.erase(story_id);  // built after all (an ingest changed it)
  MarkDropped(story_id);
}

void WriterLock::MarkDropped(const std::string& story_id) {
  auto it = building_.find(story_id);
  if (it != building_.end() && --it->second.in_flight <= 0) building_.erase(it);
  WriteJournal();
}

void WriterLock::ForgetCrash() {
  crashed_.clear();
  WriteJournal();
}

// Without fsync: the journal must survive the process (kill -9, out of
// memory), not the machine. Crashes not yet accounted for stay in it, so a
// repair that dies too does not forget them.
void WriterLock::WriteJournal() {
  if (fd_ < 0) return;
  std::string text;
  for (const std::string& id : skip_) text += "skip " + id + "\n";
  for (const auto& [id, attempts] : crashed_) text += "building " + id + " " + std::to_string(attempts) + "\n";
  for (const auto& [id, b] : building_) text += "building " + id + " " + std::to_string(b.attempts) + "\n";
  if (!text.empty() && pwrite(fd_, text.data(), text.size(), 0) < 0) return;
  if (ftruncate(fd_, static_cast<off_t>(text.size())) != 0) return;
}

}  // namespace storyfuse
