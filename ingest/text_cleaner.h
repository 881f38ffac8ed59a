// TextCleaner: plain scraped text -> Article. Removes crumbs (site headers,
// bylines, captions, credits, copyright and wire footers, prompts, stray
// markup, navigation words, lines the outlet repeats) from the body, keeps
// each in Article::removed (a span of Article::input and a kind), and moves
// what is metadata (title, outlet, authors, date, dateline, wire) into the
// Article's fields. See docs/cleaning.md for the rules.
//
// Metadata fields that are already set (by the container, e.g. JSONL
// fields) are kept; the cleaner fills only empty ones, and never guesses:
// a field stays empty when the text does not state it.
//
// The body is the kept part of each input line, in order, one paragraph per
// input line, paragraphs separated by "\n\n". Every byte of Article::text
// that comes from the input is mapped back by Article::offsets; the joining
// "\n\n" map to the end of the previous run.
//
// Not thread-safe: keeps per-outlet line statistics (BoilerplateMemory)
// across the articles it has cleaned, so lines an outlet repeats are
// recognised as boilerplate in its later articles (streaming: evidence comes
// only from articles already seen). Use one TextCleaner per thread; the
// cleaners of several threads may share one (thread-safe) memory.
#ifndef STORYFUSE_INGEST_TEXT_CLEANER_H_
#define STORYFUSE_INGEST_TEXT_CLEANER_H_

#include <memory>

#include "base/status.h"
#include "ingest/article.h"
#include "ingest/boilerplate_memory.h"

namespace storyfuse {

class TextCleaner {
 public:
  // A cleaner with its own memory, or with `memory` shared with others.
  TextCleaner();
  explicit TextCleaner(std::shared_ptr<BoilerplateMemory> memory);

  // Cleans article->input into article->text (replacing text, offsets and
  // removed) and fills metadata fields that are still empty. Returns
  // InvalidArgument when no body text remains (empty input, or only
  // boilerplate); the article's removed list is filled even then.
  // With `evidence`, the memory is read as it is but not taught: what the
  // article would read from and teach it goes to `evidence` instead
  // (BoilerplateMemory: the caller applies it in input order).
  Status Clean(Article* article, BoilerplateEvidence* evidence = nullptr);

 private:
  std::shared_ptr<BoilerplateMemory> memory_;  // never null
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_TEXT_CLEANER_H_
