// ArticleSource: the CLI's way to stream articles from command-line inputs:
// reads, extracts, reports each bad input on stderr (naming it), shows
// progress on a terminal, and remembers whether any input was bad.
#ifndef STORYFUSE_TOOLS_ARTICLE_SOURCE_H_
#define STORYFUSE_TOOLS_ARTICLE_SOURCE_H_

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/article.h"
#include "ingest/raw_doc.h"

namespace storyfuse {

class ArticleSource {
 public:
  // Calls `fn` for every article extracted from `inputs`, in input order.
  // The RawDoc is passed too (for labels carried by evaluation files).
  // Returns the number of articles.
  size_t ForEach(const std::vector<std::string>& inputs, const std::function<void(Article&&, const RawDoc&)>& fn);
  // Calls `fn` for every document read from `inputs`, in input order,
  // without extracting it (`ingest --queue` leaves that to the workers).
  size_t ForEachDoc(const std::vector<std::string>& inputs, const std::function<void(RawDoc&&)>& fn);
  // Collects all articles (for commands that need the whole set).
  std::vector<Article> ReadAll(const std::vector<std::string>& inputs);
  bool had_errors() const { return had_errors_; }

 private:
  // Reads every document of `inputs` into `take`, which says whether it
  // counts (and ticks the progress line, labelled `unit`).
  size_t Read(const std::vector<std::string>& inputs, const char* unit, const std::function<bool(RawDoc&&)>& take);
  // Reports a bad input (naming it) and remembers it.
  void Fail(const Status& st);

  bool had_errors_ = false;
};

}  // namespace storyfuse

#endif  // STORYFUSE_TOOLS_ARTICLE_SOURCE_H_
