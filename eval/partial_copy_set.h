// PartialCopySet: a test set of partial copies, built from labelled
// articles (the clustering dev files), and the score of copy links on it.
//
// A partial copy is an article of its own reporting into which a run of
// another article's paragraphs has been pasted. For each gold story with
// two or more articles, one article is the source and another the host:
// a run of the source's consecutive paragraphs, holding 30-60 % of its
// words and at least 80 words, is pasted between two of the host's
// paragraphs. Hosts share running text with no other article, so the
// source is the one article a pasted article copies. The pasted article replaces the host in the set (the host
// itself is left out, so its own text is new), and arrives after its
// source. Everything else is kept as it is, so the set also holds the
// files' own copies and the many same-story articles that share quotes
// and facts but no running text.
//
// Deterministic: the same articles and seed give the same set. Plain
// values; thread-compatible.
#ifndef STORYFUSE_EVAL_PARTIAL_COPY_SET_H_
#define STORYFUSE_EVAL_PARTIAL_COPY_SET_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ingest/article.h"

namespace storyfuse {

struct PartialCopySet {
  std::vector<Article> articles;         // in arrival order
  std::vector<std::string> labels;       // gold story of each
  std::vector<std::string> pasted_from;  // id of the source a pasted article copies; "" for the others
  size_t cases() const;

  // Builds the set from `articles` and their gold `labels` (same length;
  // an empty label is no story).
  static PartialCopySet Build(const std::vector<Article>& articles, const std::vector<std::string>& labels,
                              uint64_t seed);
};

struct CopyLinkScore {
  size_t cases = 0;          // pasted articles
  size_t found = 0;          // ... whose copy_of names their source (see ScoreCopyLinks)
  size_t links = 0;          // copy links predicted, over the whole set
  size_t correct_links = 0;  // ... between articles that share running text
  double recall() const { return cases ? static_cast<double>(found) / cases : 0; }
  double precision() const { return links ? static_cast<double>(correct_links) / links : 0; }
};

// Scores `copy_of` (one id or "" per article of `set`). A link is right
// when the two articles share running text: outside quotations, at least
// 20 words of one lie in runs of 8 or more words found word for word in
// the other (articles written separately share facts and quotes, not
// that). A pasted article's source is found when its link names the
// source, or an article that shares running text with both (a copy of the
// source's pasted paragraphs).
CopyLinkScore ScoreCopyLinks(const PartialCopySet& set, const std::vector<std::string>& copy_of);

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_PARTIAL_COPY_SET_H_
