#include "tools/progress.h"

#include <unistd.h>

#include <cstdio>

namespace storyfuse {

Progress::Progress(std::string label)
    : label_(std::move(label)),
      enabled_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() {
  if (enabled_ && count_ > 0) std::fprintf(stderr, "\r\033[K");
}

void Progress::Tick(size_t n) {
  count_ += n;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r\033[K%s: %zu (%.0f/s)", label_.c_str(), count_, secs > 0 ? count_ / secs : 0.0);
}

}  // namespace storyfuse
