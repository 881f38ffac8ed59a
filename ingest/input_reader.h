// InputReader: turns command-line inputs into a stream of RawDocs.
//
// An input is a file, a folder (read recursively, in sorted path order) or
// "-" for stdin. The format comes from the name and the content: .jsonl /
// .ndjson (one article per line), .warc / .warc.gz (HTTP response records),
// .html / .htm or content that starts like HTML, else plain text. Text is
// decoded to UTF-8 (ICU charset detection).
//
// Streaming: documents are handed to the sink one at a time as they are
// read; nothing is kept. Not thread-safe.
#ifndef STORYFUSE_INGEST_INPUT_READER_H_
#define STORYFUSE_INGEST_INPUT_READER_H_

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/raw_doc.h"

namespace storyfuse {

class InputReader {
 public:
  using Sink = std::function<void(RawDoc&&)>;
  // Called for each input that cannot be read (unreadable file, undecodable
  // text, malformed JSON line, broken WARC record); the error names it.
  using ErrorSink = std::function<void(const Status&)>;

  InputReader(Sink sink, ErrorSink on_error);

  // Reads one input (file, folder or "-"), calling the sink per document.
  // Returns NotFound when the path does not exist; errors inside the input
  // go to the error sink and reading goes on.
  Status Read(const std::string& input);

  // Documents and errors seen so far.
  size_t documents() const { return documents_; }
  size_t errors() const { return errors_; }

 private:
  Status ReadFile(const std::string& path);
  void ReadBuffer(const std::string& source, const std::string& name, std::string bytes);
  void ReadJsonl(const std::string& source, std::string_view bytes);
  void ReadWarc(const std::string& source, std::string_view bytes);
  void Emit(RawDoc&& doc);
  void Fail(const Status& status);

  Sink sink_;
  ErrorSink on_error_;
  size_t documents_ = 0;
  size_t errors_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_INPUT_READER_H_
