// Progress: a one-line progress report on stderr, shown only when stderr is
// a terminal (quiet in pipes and files). Not thread-safe.
#ifndef STORYFUSE_TOOLS_PROGRESS_H_
#define STORYFUSE_TOOLS_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <string>

namespace storyfuse {

class Progress {
 public:
  explicit Progress(std::string label);
  ~Progress();  // clears the line
  // Counts one more item; redraws at most ten times a second.
  void Tick(size_t n = 1);

 private:
  std::string label_;
  bool enabled_;
  size_t count_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_TOOLS_PROGRESS_H_
