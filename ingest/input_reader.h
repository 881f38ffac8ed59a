// InputReader: turns command-line inputs into a stream of RawDocs.
//
// An input is a file, a folder (read recursively in sorted order: entries
// of each folder by name, hidden ones skipped, symlinked folders not
// followed) or "-" for stdin. The format comes from the name and the
// content: .jsonl / .ndjson (one article per line), .warc (WARC 1.0/1.1
// HTTP response records, see WarcReader), .html / .htm / .xhtml or content
// that starts like HTML, else plain text. Any of these may be gzipped
// (detected by its magic bytes; ".gz" is dropped from the name before the
// format is chosen). Stdin is sniffed: "WARC/" starts a WARC, '{' a JSONL.
// Text is decoded to UTF-8 by CharsetDecoder (HTML <meta charset> honoured).
//
// Errors: problems inside an input go to the error sink, named as
// "path: ...", "path:LINE: ..." (JSONL) or "path#RECORD: ..." (WARC), and
// reading goes on with the next document: unreadable or empty files,
// undecodable text, malformed JSON lines, bad or truncated WARC records,
// corrupt gzip data, documents over the size limit.
//
// Streaming: JSONL is read line by line and WARC record by record, gzip
// decompressed incrementally; memory stays bounded by the largest document
// (at most Options::max_document_bytes) plus fixed buffers. Documents go to
// the sink one at a time as they are read; nothing is kept.
// Not thread-safe.
#ifndef STORYFUSE_INGEST_INPUT_READER_H_
#define STORYFUSE_INGEST_INPUT_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "ingest/raw_doc.h"

namespace storyfuse {

class BufferedReader;
class ByteSource;

struct InputReaderOptions {
  // A document (file, JSONL line, WARC record) larger than this is skipped
  // with an error naming it.
  uint64_t max_document_bytes = uint64_t{64} << 20;
};

class InputReader {
 public:
  using Sink = std::function<void(RawDoc&&)>;
  using ErrorSink = std::function<void(const Status&)>;

  InputReader(Sink sink, ErrorSink on_error, InputReaderOptions options = InputReaderOptions());

  // Reads one input (file, folder or "-"), calling the sink per document.
  // Returns NotFound when the path does not exist and IoError when the
  // given file cannot be opened; errors inside the input go to the error
  // sink and reading goes on.
  Status Read(const std::string& input);

  // Reads an in-memory input as if it were a file named `name` (the name
  // picks the format; "-" sniffs it like stdin). For tests and fuzzers.
  void ReadBytes(const std::string& name, std::string_view bytes);

  // Documents and errors (reported to the sinks) so far.
  size_t documents() const { return documents_; }
  size_t errors() const { return errors_; }

 private:
  void ReadDirectory(const std::string& dir);
  Status ReadFile(const std::string& path);
  void ReadStream(ByteSource* source, const std::string& name);
  void ReadDecoded(BufferedReader* in, const std::string& name, const std::string& format_name);
  void ReadDocument(BufferedReader* in, const std::string& name, const std::string& format_name);
  void ReadJsonl(BufferedReader* in, const std::string& name);
  void ReadJsonLine(std::string_view line, const std::string& where);
  void ReadWarc(BufferedReader* in, const std::string& name);
  void Emit(RawDoc&& doc);
  void Fail(const Status& status);

  Sink sink_;
  ErrorSink on_error_;
  InputReaderOptions options_;
  size_t documents_ = 0;
  size_t errors_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_INPUT_READER_H_
