// ReadWholeFile: a file's bytes, for the tools, benchmarks and evaluations
// that read small inputs whole. (The CLI's article inputs go through
// ingest/input_reader.h, which streams and decodes.)
//
// Thread-safe.
#ifndef STORYFUSE_BASE_FILE_H_
#define STORYFUSE_BASE_FILE_H_

#include <string>

#include "base/status.h"

namespace storyfuse {

// The bytes of `path`, unchanged. NotFound when it cannot be opened,
// IoError when reading fails part way; both name `path`.
[[nodiscard]] Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace storyfuse

#endif  // STORYFUSE_BASE_FILE_H_
