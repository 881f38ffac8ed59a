#include "cluster/stream_grouper.h"

#include <memory>

namespace storyfuse {

void StreamGrouper::Add(const Article& article) {
  ids_.push_back(article.id);
  results_.push_back(stream_.Add(article));
}

Grouping StreamGrouper::Finish() {
  stream_.Revise();
  Grouping g;
  // Stories may have changed since an article joined: read them again.
  for (size_t i = 0; i < ids_.size(); ++i) results_[i].story_id = stream_.StoryOf(ids_[i]);
  g.articles = std::move(results_);
  g.stories = stream_.Stories();
  return g;
}

void OnePassGrouper::Add(const Article& article) {
  ids_.push_back(article.id);
  results_.push_back(index_.Add(article));
}

Grouping OnePassGrouper::Finish() {
  Grouping g;
  // Stories may have merged since an article joined: read them again.
  for (size_t i = 0; i < ids_.size(); ++i) results_[i].story_id = index_.StoryOf(ids_[i]);
  g.articles = std::move(results_);
  g.stories = index_.Stories();
  return g;
}

Grouping GroupAsStream(const std::vector<Article>& articles, const StoryStreamOptions& options, bool one_pass) {
  std::unique_ptr<Grouper> g;
  if (one_pass) {
    g = std::make_unique<OnePassGrouper>();
  } else {
    g = std::make_unique<StreamGrouper>(options);
  }
  for (const Article& a : articles) g->Add(a);
  return g->Finish();
}

}  // namespace storyfuse
