#include "tests/services/cpu_quota_group.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace storyfuse {
namespace {

namespace fs = std::filesystem;

constexpr long kPeriodUs = 100000;  // the kernel's default period
constexpr const char* kV2Root = "/sys/fs/cgroup";
constexpr const char* kV1Cpu = "/sys/fs/cgroup/cpu";

// Writes `text` to the control file `path` (one write: the kernel takes a
// control file's value whole).
Status WriteControl(const std::string& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path + ": " + std::strerror(errno));
  ssize_t n = ::write(fd, text.data(), text.size());
  int err = errno;
  ::close(fd);
  if (n != static_cast<ssize_t>(text.size())) return Status::IoError(path + ": " + std::strerror(err));
  return Status::Ok();
}

bool HasCpuController(const std::string& controllers_file) {
  std::ifstream in(controllers_file);
  std::string word;
  while (in >> word) {
    if (word == "cpu") return true;
  }
  return false;
}

// Digits of `v` into `out` (no allocation); returns the length.
size_t FormatPid(pid_t v, char* out) {
  char rev[24];
  size_t n = 0;
  do {
    rev[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0 && n < sizeof rev);
  for (size_t i = 0; i < n; ++i) out[i] = rev[n - 1 - i];
  return n;
}

}  // namespace

Result<std::unique_ptr<CpuQuotaGroup>> CpuQuotaGroup::Create(const std::string& name, double cores) {
  if (!(cores > 0)) return Status::InvalidArgument("a CPU quota must be above 0 cores");
  long quota_us = std::lround(cores * static_cast<double>(kPeriodUs));
  std::string leaf = name + "-" + std::to_string(::getpid());
  bool v2 = HasCpuController(std::string(kV2Root) + "/cgroup.controllers");
  bool v1 = !v2 && fs::exists(std::string(kV1Cpu) + "/cpu.cfs_quota_us");
  if (!v2 && !v1) {
    return Status::Unsupported(std::string("no cgroup cpu controller: neither ") + kV2Root +
                               "/cgroup.controllers lists cpu nor is " + kV1Cpu + " mounted");
  }
  std::string path = std::string(v2 ? kV2Root : kV1Cpu) + "/" + leaf;
  if (v2) {
    // The parent must hand the cpu controller down to its children.
    Status delegated = WriteControl(std::string(kV2Root) + "/cgroup.subtree_control", "+cpu");
    if (!delegated.ok()) return Status::Unsupported("cannot enable the cpu controller: " + delegated.message());
  }
  if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) {
    return Status::Unsupported("cannot create the control group " + path + ": " + std::strerror(errno) +
                               " (needs root or a delegated cgroup)");
  }
  std::unique_ptr<CpuQuotaGroup> group(new CpuQuotaGroup(path));
  if (v2) {
    STORYFUSE_RETURN_IF_ERROR(
        WriteControl(path + "/cpu.max", std::to_string(quota_us) + " " + std::to_string(kPeriodUs)));
  } else {
    STORYFUSE_RETURN_IF_ERROR(WriteControl(path + "/cpu.cfs_period_us", std::to_string(kPeriodUs)));
    STORYFUSE_RETURN_IF_ERROR(WriteControl(path + "/cpu.cfs_quota_us", std::to_string(quota_us)));
  }
  return group;
}

CpuQuotaGroup::~CpuQuotaGroup() { ::rmdir(path_.c_str()); }  // fails, harmlessly, while processes remain

Status CpuQuotaGroup::Join(pid_t pid) const { return WriteControl(procs_, std::to_string(pid)); }

bool CpuQuotaGroup::JoinSelf() const noexcept {
  char digits[24];
  size_t n = FormatPid(::getpid(), digits);
  int fd = ::open(procs_.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::write(fd, digits, n) == static_cast<ssize_t>(n);
  ::close(fd);
  return ok;
}

}  // namespace storyfuse
