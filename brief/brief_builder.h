// BriefBuilder: the articles of one story -> StoryBrief.
//
// Holds pointers to the articles only for the duration of Build(); the
// caller owns them. Not thread-safe (owns a Segmenter); one per thread.
#ifndef STORYFUSE_BRIEF_BRIEF_BUILDER_H_
#define STORYFUSE_BRIEF_BRIEF_BUILDER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "brief/aligned_story.h"
#include "brief/story_brief.h"
#include "ingest/article.h"

namespace storyfuse {

struct BriefOptions {
  int summary_words = 150;
};

class BriefBuilder {
 public:
  explicit BriefBuilder(BriefOptions options = {});
  ~BriefBuilder();

  StoryBrief Build(const std::string& story_id, const std::vector<StoryMember>& members);

 private:
  struct Impl;
  BriefOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_BRIEF_BUILDER_H_
