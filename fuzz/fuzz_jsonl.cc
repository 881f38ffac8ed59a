// libFuzzer target: arbitrary bytes as a JSONL input (plain or gzipped).
// Checks that the reader never crashes, hangs or leaks, and that every
// document it yields is non-empty UTF-8 named by its line.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/input_reader.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyfuse::InputReaderOptions options;
  options.max_document_bytes = 1 << 16;  // small, so the size checks are reached
  storyfuse::InputReader reader(
      [](storyfuse::RawDoc&& doc) {
        if (doc.bytes.empty() || doc.source.rfind("fuzz.jsonl:", 0) != 0) __builtin_trap();
        if (storyfuse::FindInvalidUtf8(doc.bytes) != std::string_view::npos) __builtin_trap();
      },
      [](const storyfuse::Status& st) {
        if (st.ok() || st.message().rfind("fuzz.jsonl", 0) != 0) __builtin_trap();
      },
      options);
  reader.ReadBytes("fuzz.jsonl", std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
