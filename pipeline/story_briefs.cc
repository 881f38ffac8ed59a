#include "pipeline/story_briefs.h"

#include <algorithm>
#include <map>
#include <string>

#include "brief/brief_builder.h"
#include "cluster/batch_clusterer.h"
#include "cluster/stream_grouper.h"

namespace storyfuse {

std::unique_ptr<Grouper> MakeGrouper(bool stream) {
  if (stream) return std::make_unique<StreamGrouper>();
  return std::make_unique<BatchClusterer>();
}

std::vector<StoryBrief> BriefStories(const std::vector<Article>& articles, int words, bool stream) {
  std::unique_ptr<Grouper> grouper = MakeGrouper(stream);
  for (const Article& a : articles) grouper->Add(a);
  Grouping g = grouper->Finish();
  std::map<std::string, size_t> index_of;
  for (size_t i = 0; i < articles.size(); ++i) index_of[articles[i].id] = i;
  BriefBuilder builder(BriefOptions{words});
  std::vector<StoryBrief> briefs;
  for (const StoryView& story : g.stories) {
    std::vector<StoryMember> members;
    for (const std::string& id : story.articles) {
      size_t i = index_of[id];
      members.push_back({&articles[i], g.articles[i].copy_of, g.articles[i].origin});
    }
    briefs.push_back(builder.Build(story.id, members));
  }
  std::stable_sort(briefs.begin(), briefs.end(),
                   [](const StoryBrief& a, const StoryBrief& b) { return a.articles.size() > b.articles.size(); });
  return briefs;
}

}  // namespace storyfuse
