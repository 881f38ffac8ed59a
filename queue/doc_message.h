// DocMessage: a RawDoc as the fields of one entry of the input stream
// (issue #25: `ingest --queue` publishes documents, extract workers read
// them). The encoding is versioned ("v" = kVersion); a reader refuses an
// entry of another version instead of guessing, so a mixed fleet during an
// upgrade fails loudly on the entries it cannot read (they stay pending for
// a worker that can).
//
// Fields: v, id, source, format ("text" | "html"), bytes, and when present
// url, outlet, title, authors (a JSON array), published, language, label.
// Values are binary-safe (Redis strings). The producer adds `seq`, the
// document's number in input order (worker/doc_publisher.h), and `batch`
// and `last`, its batching. An entry with field `editor` is no document but
// an editor's correction in the same order (`correct --queue`).
//
// Thread safety: pure functions.
#ifndef STORYFUSE_QUEUE_DOC_MESSAGE_H_
#define STORYFUSE_QUEUE_DOC_MESSAGE_H_

#include "base/status.h"
#include "ingest/raw_doc.h"
#include "queue/redis_stream.h"

namespace storyfuse {

// The input stream's name and the extract workers' consumer group.
inline constexpr const char* kDocStream = "storyfuse:docs";
inline constexpr const char* kExtractGroup = "extract";

class DocMessage {
 public:
  static constexpr int kVersion = 1;

  static StreamFields Encode(const RawDoc& doc);
  // InvalidArgument naming the entry for another version, a missing id or
  // bytes, an unknown format or malformed authors.
  static Result<RawDoc> Decode(const StreamEntry& entry);
};

}  // namespace storyfuse

#endif  // STORYFUSE_QUEUE_DOC_MESSAGE_H_
