// libFuzzer target: arbitrary bytes as a WARC input (plain, or .warc.gz
// when they start with the gzip magic). Checks that reading never crashes,
// hangs or leaks, that documents are UTF-8 named "fuzz.warc#N", and that
// every error names the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/input_reader.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyfuse::InputReaderOptions options;
  options.max_document_bytes = 1 << 16;
  storyfuse::InputReader reader(
      [](storyfuse::RawDoc&& doc) {
        if (doc.bytes.empty() || doc.source.rfind("fuzz.warc#", 0) != 0) __builtin_trap();
        if (storyfuse::FindInvalidUtf8(doc.bytes) != std::string_view::npos) __builtin_trap();
      },
      [](const storyfuse::Status& st) {
        if (st.ok() || st.message().rfind("fuzz.warc", 0) != 0) __builtin_trap();
      },
      options);
  reader.ReadBytes("fuzz.warc", std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
