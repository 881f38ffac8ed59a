#include "base/file.h"

#include <fstream>
#include <sstream>

namespace storyfuse {

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read " + path);
  return buf.str();
}

}  // namespace storyfuse
