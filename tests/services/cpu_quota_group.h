// CpuQuotaGroup: a Linux control group that caps the CPU of the processes
// put in it, as a deployment caps a service (systemd's CPUQuota=, docker's
// --cpus, a Kubernetes CPU limit). The load bench puts the workers in one
// to model a backfill that leaves the readers' cores alone (docs/scale.md,
// "What the tail was").
//
// cgroup v2 (/sys/fs/cgroup with the cpu controller: cpu.max) or v1
// (/sys/fs/cgroup/cpu: cpu.cfs_quota_us), whichever the machine mounts.
// Needs the right to create a group there (root, or a delegated subtree);
// Create() says Unsupported, naming the path, otherwise.
//
// Ownership: the group is removed by the destructor (best-effort: it must
// be empty by then, i.e. its processes have exited). Not thread-safe.
#ifndef STORYFUSE_TESTS_SERVICES_CPU_QUOTA_GROUP_H_
#define STORYFUSE_TESTS_SERVICES_CPU_QUOTA_GROUP_H_

#include <sys/types.h>

#include <memory>
#include <string>

#include "base/status.h"

namespace storyfuse {

class CpuQuotaGroup {
 public:
  // A new group `name` (made unique with this process's id) whose
  // processes together run at most `cores` CPUs' worth (0 < cores; 0.5 is
  // half of one core), measured over 100 ms periods.
  static Result<std::unique_ptr<CpuQuotaGroup>> Create(const std::string& name, double cores);
  ~CpuQuotaGroup();
  CpuQuotaGroup(const CpuQuotaGroup&) = delete;
  CpuQuotaGroup& operator=(const CpuQuotaGroup&) = delete;

  // Moves process `pid` (all its threads) into the group. IoError naming
  // the group when the kernel refuses.
  Status Join(pid_t pid) const;
  // Moves the calling process into the group; false when refused. Only
  // open/write/close, nothing allocated: a child of a threaded parent may
  // call it between fork and exec.
  bool JoinSelf() const noexcept;

  // The group's folder.
  const std::string& path() const { return path_; }

 private:
  explicit CpuQuotaGroup(std::string path) : path_(std::move(path)), procs_(path_ + "/cgroup.procs") {}
  std::string path_;
  std::string procs_;  // built before any fork: Join allocates nothing
};

}  // namespace storyfuse

#endif  // STORYFUSE_TESTS_SERVICES_CPU_QUOTA_GROUP_H_
