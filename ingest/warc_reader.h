// WarcReader: reads WARC 1.0/1.1 files (plain, or .warc.gz through a
// GzipReader) record by record and yields the HTML and plain-text HTTP
// responses as RawDocs.
//
// A response record's block is an HTTP response: its status line and
// headers are parsed, chunked Transfer-Encoding is undone, gzip/deflate
// Content-Encoding is inflated, and the body is decoded to UTF-8 (charset
// from the Content-Type header, else <meta charset>, else detection). Only
// 2xx responses whose Content-Type is text/html, application/xhtml+xml or
// text/plain (or absent, when the body looks like HTML) become documents;
// other records (request, metadata, warcinfo, revisit, images, redirects)
// are skipped silently and counted in skipped().
//
// Memory: one record at a time; records over the size limit, and records
// that are skipped, are passed over without being buffered.
// Not thread-safe.
#ifndef STORYFUSE_INGEST_WARC_READER_H_
#define STORYFUSE_INGEST_WARC_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "ingest/buffered_reader.h"
#include "ingest/raw_doc.h"

namespace storyfuse {

class WarcReader {
 public:
  // Reads records from `source` (not owned; must outlive this). `name` names
  // the input in RawDoc::source and in errors as "name#N", N the 1-based
  // record number. Response blocks (and decoded bodies) over
  // `max_document_bytes` are rejected.
  WarcReader(ByteSource* source, std::string name, uint64_t max_document_bytes);

  // Reads on to the next document and stores it in *doc: returns true. At
  // the end of the input returns false. A bad record returns an error naming
  // it ("name#3: ..."): the reader has skipped it (or, after corrupt bytes,
  // resynchronized at the next record), so Next may be called again. A
  // truncated input reports once and then returns false.
  Result<bool> Next(RawDoc* doc);

  uint64_t records() const { return records_; }
  uint64_t skipped() const { return skipped_; }

 private:
  using Fields = std::vector<std::pair<std::string, std::string>>;

  // Each step returns an error naming the record; on the end of input or a
  // loss that cannot be recovered it sets done_.
  Status ReadRecord(RawDoc* doc, bool* have_doc);
  Status FindVersionLine();
  Status ReadFields(Fields* fields);
  Status SkipBlock(uint64_t length);
  Status ToDoc(const Fields& fields, std::string_view block, RawDoc* doc, bool* have_doc);
  // Names the current record ("name#N") in `st`.
  Status RecordError(const Status& st) const;
  // The byte source failed: resync it (or give up), and return `st` named.
  Status SourceError(const Status& st);
  std::string Where() const;

  BufferedReader in_;
  std::string name_;
  uint64_t max_document_bytes_;
  uint64_t records_ = 0;
  uint64_t skipped_ = 0;
  bool done_ = false;
  bool lost_sync_ = false;  // look for the next "WARC/" line before reading
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_WARC_READER_H_
