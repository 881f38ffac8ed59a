#include "pipeline/story_build.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "brief/aligned_story.h"
#include "pipeline/article_view.h"
#include "pipeline/story_writer.h"

namespace storyfuse {

using nlohmann::json;

Result<StoryWrite> BuildStoryWrite(StoryStore* reader, StoryPipeline* pipeline, const StorySnapshot& snapshot,
                                   const std::string& now) {
  StoryWrite write;
  write.snapshot = snapshot;
  std::vector<StoredArticle> stored;
  std::vector<std::vector<ArticleVersion>> histories;
  std::vector<const MemberLinks*> links;
  for (const MemberLinks& l : snapshot.members) {
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredArticle> a, reader->Get(l.article_id));
    if (!a) continue;  // in the clusterer but not stored: never happens (stored before clustered)
    STORYFUSE_ASSIGN_OR_RETURN(std::vector<ArticleVersion> history, reader->History(l.article_id));
    StoredArticle& m = stored.emplace_back(std::move(*a));
    write.members.push_back({l.article_id, m.story_id != snapshot.id, m.copy_of != l.copy_of, l.copy_of, ""});
    m.story_id = snapshot.id;
    m.copy_of = l.copy_of;
    histories.push_back(std::move(history));
    links.push_back(&l);
  }
  std::vector<StoryMember> members;
  for (size_t i = 0; i < stored.size(); ++i)
    members.push_back({&stored[i].article, links[i]->copy_of, links[i]->origin});
  write.story = pipeline->BuildBrief(snapshot.id, members, now);
  const json& brief = write.story.brief;  // the tree BuildBrief serialized, not parsed back
  for (size_t i = 0; i < stored.size(); ++i) {
    write.members[i].view_json =
        StoredArticleView(stored[i], histories[i], brief).dump(-1, ' ', false, json::error_handler_t::replace);
  }
  return write;
}

int64_t StoryVersion(bool had_story, int64_t old_version, const std::vector<std::string>& old_ids,
                     const std::vector<std::string>& ids) {
  if (!had_story) return 1;
  return old_version + (old_ids == ids ? 0 : 1);
}

Status CommitStoryWrite(StoryStore* store, const StoryWrite& write, const std::string& now) {
  const std::string& sid = write.snapshot.id;
  for (const StoryWrite::Member& m : write.members) {
    if (m.relink) STORYFUSE_RETURN_IF_ERROR(store->SetStory(m.id, sid));
    if (m.recopy) STORYFUSE_RETURN_IF_ERROR(store->SetCopyOf(m.id, m.copy_of));
    STORYFUSE_RETURN_IF_ERROR(store->PutArticleView(m.id, m.view_json));
  }
  int64_t version = write.snapshot.version;
  if (version == 0) {
    // From the last committed brief (the caller serializes commits, so
    // generations a build skipped count for nothing).
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredStory> old, store->GetStory(sid));
    std::vector<std::string> ids;
    for (const StoryWrite::Member& m : write.members) ids.push_back(m.id);
    version =
        old ? StoryVersion(true, old->version, BriefArticleIds(old->brief_json), ids) : StoryVersion(false, 0, {}, ids);
  }
  const StorySummary& sum = write.story.summary;
  return store->PutStory({sid, sum.headline, now, write.story.brief_json, sum.articles, sum.outlets,
                          sum.independent_sources, sum.published, version});
}

}  // namespace storyfuse
