// TextCleaner: plain scraped text -> Article. Removes crumbs (site headers,
// bylines, captions, credits, copyright and wire footers, prompts, stray
// markup) from the body, keeps them in Article::removed, and moves what is
// metadata (title, outlet, authors, date, dateline, wire) into fields.
//
// Not thread-safe: keeps per-outlet line statistics across the articles it
// has cleaned, so lines an outlet repeats are recognised as boilerplate.
#ifndef STORYFUSE_INGEST_TEXT_CLEANER_H_
#define STORYFUSE_INGEST_TEXT_CLEANER_H_

#include "base/status.h"
#include "ingest/article.h"

namespace storyfuse {

class TextCleaner {
 public:
  // Cleans article->input into article->text and fills metadata fields that
  // are still empty. Returns InvalidArgument when no body text remains.
  Status Clean(Article* article);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_TEXT_CLEANER_H_
