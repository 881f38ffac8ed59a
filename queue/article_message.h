// ArticleMessage: one entry of the articles stream, from the extract
// workers to the assigner (issue #25). It carries the input's sequence
// number (the order `ingest --queue` published the documents in, which the
// assigner restores), and either the cleaned Article (the fields a
// StoryStore keeps) or why the document was rejected, so that a rejected
// document still advances the assigner past its number.
//
// Fields: v (= kVersion), seq, doc (the document's id), and either
// article (a JSON object) or rejected (the reason); warning when the text
// was cut; batch and last, the producer's batching (as the input stream's
// entries carry it: worker/doc_publisher.h), which the assigner settles by;
// bp.check, bp.kept, bp.learn, bp.lines: the cleaning's boilerplate
// evidence (ingest/boilerplate_memory.h; hashes in hex, space-separated),
// and raw.* (a DocMessage) the document itself when the assigner may have
// to clean it again with its outlet's memory. An editor's correction
// (`correct --queue`) travels in input order too: field editor, its JSON
// (pipeline/correction_json.h), in place of article or rejected. Versioned like DocMessage: a reader refuses another
// version.
//
// Thread safety: pure functions.
#ifndef STORYFUSE_QUEUE_ARTICLE_MESSAGE_H_
#define STORYFUSE_QUEUE_ARTICLE_MESSAGE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "base/status.h"
#include "ingest/article.h"
#include "ingest/boilerplate_memory.h"
#include "ingest/raw_doc.h"
#include "queue/redis_stream.h"

namespace storyfuse {

// The articles stream and its one consumer group (the assigner's).
inline constexpr const char* kArticleStream = "storyfuse:articles";
inline constexpr const char* kAssignGroup = "assign";

struct ArticleMessage {
  static constexpr int kVersion = 1;

  int64_t seq = 0;
  std::string doc_id;
  bool rejected = false;
  std::string reason;   // why, when rejected
  std::string warning;  // what cleaning changed to keep it (text cut), or ""
  Article article;      // when not rejected: the fields a StoryStore keeps
  // The producer's batching: the assigner settles its stories after every
  // `batch` articles (0: its default) and after the `last` document of an
  // input, where in-process `ingest --batch` settles.
  int64_t batch = 0;
  bool last = false;
  // What cleaning left to the assigner (cleaned: false when nothing), and
  // the document, sent when the assigner's memory may change its cleaning.
  BoilerplateEvidence boilerplate;
  std::optional<RawDoc> doc;
  // Not empty: an editor's correction (its JSON object), not a document.
  std::string editor;
  // The story partition the extract worker routed the article to
  // (worker/partition_key.h); "" with one partition (the default), and for
  // rejected documents and corrections, which every partition's assigner
  // reads. Additive: an entry without it reads "".
  std::string partition;

  StreamFields Encode() const;
  // InvalidArgument naming the entry for another version, no seq, or a
  // malformed article.
  static Result<ArticleMessage> Decode(const StreamEntry& entry);
};

}  // namespace storyfuse

#endif  // STORYFUSE_QUEUE_ARTICLE_MESSAGE_H_
