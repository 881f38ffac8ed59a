#include "cluster/grouper.h"

namespace storyfuse {

void StreamGrouper::Add(const Article& article) {
  ids_.push_back(article.id);
  results_.push_back(index_.Add(article));
}

Grouping StreamGrouper::Finish() {
  Grouping g;
  // Stories may have merged since an article joined: read them again.
  for (size_t i = 0; i < ids_.size(); ++i) results_[i].story_id = index_.StoryOf(ids_[i]);
  g.articles = std::move(results_);
  g.stories = index_.Stories();
  return g;
}

}  // namespace storyfuse
