// ArticleExtractor: RawDoc -> Article. Dispatches HTML to HtmlExtractor and
// text to TextCleaner, then fills metadata the container supplied.
//
// Not thread-safe (owns a Segmenter and per-outlet boilerplate statistics
// that grow as articles stream through); use one per thread. Extractors
// of several threads may share one boilerplate memory (thread-safe), so
// that they clean in parallel and learn as one.
#ifndef STORYFUSE_INGEST_ARTICLE_EXTRACTOR_H_
#define STORYFUSE_INGEST_ARTICLE_EXTRACTOR_H_

#include <memory>

#include "base/status.h"
#include "ingest/article.h"
#include "ingest/boilerplate_memory.h"
#include "ingest/raw_doc.h"

namespace storyfuse {

class ArticleExtractor {
 public:
  ArticleExtractor();
  explicit ArticleExtractor(std::shared_ptr<BoilerplateMemory> memory);
  ~ArticleExtractor();

  // Returns InvalidArgument naming doc.source when the document holds no
  // article text (empty, or only boilerplate). With `evidence`, the
  // boilerplate memory is left for the caller to apply (TextCleaner::Clean);
  // evidence->cleaned stays false for a document the text cleaner did not
  // clean (HTML, which the memory plays no part in).
  Result<Article> Extract(const RawDoc& doc, BoilerplateEvidence* evidence = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_ARTICLE_EXTRACTOR_H_
