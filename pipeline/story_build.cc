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
  std::vector<std::string> ids;
  for (const MemberLinks& l : snapshot.members) ids.push_back(l.article_id);
  // One read for all members (two round trips on a server, not two per
  // member: a story of n articles is rebuilt each time it changes).
  STORYFUSE_ASSIGN_OR_RETURN(std::vector<ArticleWithHistory> found, reader->GetWithHistory(ids));
  size_t next = 0;
  for (const MemberLinks& l : snapshot.members) {
    // In the clusterer but not stored never happens (stored before
    // clustered); skipped, as before, if it did.
    if (next == found.size() || found[next].article.article.id != l.article_id) continue;
    StoredArticle& m = stored.emplace_back(std::move(found[next].article));
    write.members.push_back({l.article_id, m.story_id != snapshot.id, m.copy_of != l.copy_of, l.copy_of, ""});
    m.story_id = snapshot.id;
    m.copy_of = l.copy_of;
    histories.push_back(std::move(found[next].history));
    links.push_back(&l);
    ++next;
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
  std::vector<std::pair<std::string, std::string>> views;
  for (const StoryWrite::Member& m : write.members) {
    if (m.relink) STORYFUSE_RETURN_IF_ERROR(store->SetStory(m.id, sid));
    if (m.recopy) STORYFUSE_RETURN_IF_ERROR(store->SetCopyOf(m.id, m.copy_of));
    views.emplace_back(m.id, m.view_json);
  }
  STORYFUSE_RETURN_IF_ERROR(store->PutArticleViews(views));
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
