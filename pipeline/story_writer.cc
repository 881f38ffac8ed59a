#include "pipeline/story_writer.h"

#include <algorithm>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "brief/aligned_story.h"
#include "pipeline/article_view.h"

namespace storyfuse {

using nlohmann::json;

std::vector<std::string> BriefArticleIds(const std::string& brief_json) {
  std::vector<std::string> ids;
  json brief = json::parse(brief_json, nullptr, false);
  if (!brief.is_object() || !brief.contains("articles")) return ids;
  for (const json& a : brief["articles"]) ids.push_back(a.value("id", ""));
  return ids;
}

struct StoryWriter::StoryWrite {
  struct Member {
    std::string id;
    bool relink = false;  // its stored story is another
    bool recopy = false;  // its stored copy link is another
    std::string copy_of;
    std::string view_json;
  };
  Snapshot snapshot;
  std::vector<Member> members;
  BuiltStory story;
};

StoryWriter::StoryWriter(std::unique_ptr<StoryStore> store, WriterLock* lock, ReaderPool* readers)
    : store_(std::move(store)), lock_(lock), readers_(readers) {}

Status StoryWriter::Recover() {
  SettledStories settled;
  {
    std::lock_guard<std::mutex> lock(mu_);
    Result<std::vector<std::string>> ids = store_->ArticleIds();
    if (!ids.ok()) return ids.status();
    for (const std::string& id : *ids) {
      Result<std::optional<StoredArticle>> a = store_->Get(id);
      if (!a.ok()) return a.status();
      if (*a) pipeline_.Cluster((*a)->article);
    }
    settled = pipeline_.Settle();
    ApplySettled(settled);
    Result<std::vector<std::string>> stored = store_->StoryIds();
    if (!stored.ok()) return stored.status();
    for (const std::string& id : *stored) {
      if (!settled.changed.count(id)) settled.removed.push_back(id);
    }
  }
  // One story at a time, so the journal names the one that stops the process.
  std::string now = StoryStore::NowUtc();
  for (const auto& [sid, ids] : settled.changed) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      Result<bool> current = StoredIsCurrent(sid, ids);
      if (!current.ok()) return current.status();
      if (*current || lock_->ShouldSkip(sid)) {
        // A skipped story's build stopped the process twice: its articles
        // are linked, its brief stays as it was until an ingest touches it.
        if (!*current) {
          skipped_.push_back(sid);
          STORYFUSE_RETURN_IF_ERROR(Relink({sid, generation_[sid], pipeline_.Links(ids)}));
        }
        stored_[sid] = generation_[sid];
        continue;
      }
    }
    ++repaired_;
    STORYFUSE_RETURN_IF_ERROR(BuildUntilCurrent(sid, now));
  }
  std::lock_guard<std::mutex> lock(mu_);
  for (const std::string& sid : settled.removed) {
    STORYFUSE_RETURN_IF_ERROR(store_->DeleteStory(sid));
    ++repaired_;
  }
  lock_->ForgetCrash();
  return Status::Ok();
}

void StoryWriter::ApplySettled(const SettledStories& settled) {
  for (const auto& [sid, ids] : settled.changed) {
    ++generation_[sid];
    members_[sid] = ids;
  }
  for (const std::string& sid : settled.removed) {
    generation_.erase(sid);
    stored_.erase(sid);
    members_.erase(sid);
  }
}

Result<bool> StoryWriter::StoredIsCurrent(const std::string& sid, const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    Result<std::optional<StoredArticle>> a = store_->Get(id);
    if (!a.ok()) return a.status();
    if (!*a) continue;  // in the clusterer but not stored: never happens for a store we replayed
    if ((*a)->story_id != sid || (*a)->copy_of != pipeline_.CopyOf(id)) return false;
  }
  Result<std::optional<StoredStory>> old = store_->GetStory(sid);
  if (!old.ok()) return old.status();
  return *old && BriefArticleIds((*old)->brief_json) == ids;
}

Status StoryWriter::Relink(const Snapshot& snapshot) {
  Result<std::unique_ptr<StoreTransaction>> tx = store_->Begin();
  if (!tx.ok()) return tx.status();
  for (const MemberLinks& m : snapshot.members) {
    STORYFUSE_RETURN_IF_ERROR(store_->SetStory(m.article_id, snapshot.id));
    STORYFUSE_RETURN_IF_ERROR(store_->SetCopyOf(m.article_id, m.copy_of));
  }
  return (*tx)->Commit();
}

Status StoryWriter::BuildUntilCurrent(const std::string& sid, const std::string& now) {
  for (;;) {
    Snapshot snapshot;
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto g = generation_.find(sid);
      if (g == generation_.end()) return Status::Ok();  // merged away: its articles are in another story
      if (stored_[sid] >= g->second) return Status::Ok();
      snapshot = {sid, g->second, pipeline_.Links(members_[sid])};
      lock_->MarkBuilding(sid);
    }
    Result<StoryWrite> write = Build(snapshot, now);
    std::lock_guard<std::mutex> lock(mu_);
    auto g = generation_.find(sid);
    bool current = g != generation_.end() && g->second == snapshot.generation && stored_[sid] < snapshot.generation;
    if (!write.ok() || !current) {
      lock_->MarkDropped(sid);
      if (!write.ok()) return write.status();
      continue;  // its members changed while it was built: again, from the new ones (or done)
    }
    Status st = Commit(*write, now);
    if (!st.ok()) {
      lock_->MarkDropped(sid);
      return st;
    }
    stored_[sid] = snapshot.generation;
    lock_->MarkBuilt(sid);
    return Status::Ok();
  }
}

Result<StoryWriter::StoryWrite> StoryWriter::Build(const Snapshot& snapshot, const std::string& now) {
  Result<ReaderPool::Lease> reader = readers_->Acquire();
  if (!reader.ok()) return reader.status();
  StoryWrite write;
  write.snapshot = snapshot;
  std::vector<StoredArticle> stored;
  std::vector<std::vector<ArticleVersion>> histories;
  std::vector<const MemberLinks*> links;
  for (const MemberLinks& l : snapshot.members) {
    Result<std::optional<StoredArticle>> a = (*reader)->Get(l.article_id);
    if (!a.ok()) return a.status();
    if (!*a) continue;  // in the clusterer but not stored: never happens (stored before clustered)
    Result<std::vector<ArticleVersion>> history = (*reader)->History(l.article_id);
    if (!history.ok()) return history.status();
    StoredArticle& m = stored.emplace_back(std::move(**a));
    write.members.push_back({l.article_id, m.story_id != snapshot.id, m.copy_of != l.copy_of, l.copy_of, ""});
    m.story_id = snapshot.id;
    m.copy_of = l.copy_of;
    histories.push_back(std::move(history).value());
    links.push_back(&l);
  }
  std::vector<StoryMember> members;
  for (size_t i = 0; i < stored.size(); ++i)
    members.push_back({&stored[i].article, links[i]->copy_of, links[i]->origin});
  write.story = pipeline_.BuildBrief(snapshot.id, members, now);
  json brief = json::parse(write.story.brief_json, nullptr, false);
  for (size_t i = 0; i < stored.size(); ++i) {
    write.members[i].view_json =
        StoredArticleView(stored[i], histories[i], brief).dump(-1, ' ', false, json::error_handler_t::replace);
  }
  return write;
}

Status StoryWriter::Commit(const StoryWrite& write, const std::string& now) {
  const std::string& sid = write.snapshot.id;
  Result<std::unique_ptr<StoreTransaction>> tx = store_->Begin();
  if (!tx.ok()) return tx.status();
  for (const StoryWrite::Member& m : write.members) {
    if (m.relink) STORYFUSE_RETURN_IF_ERROR(store_->SetStory(m.id, sid));
    if (m.recopy) STORYFUSE_RETURN_IF_ERROR(store_->SetCopyOf(m.id, m.copy_of));
    STORYFUSE_RETURN_IF_ERROR(store_->PutArticleView(m.id, m.view_json));
  }
  const StorySummary& sum = write.story.summary;
  STORYFUSE_RETURN_IF_ERROR(store_->PutStory({sid, sum.headline, now, write.story.brief_json, sum.articles, sum.outlets,
                                              sum.independent_sources, sum.published}));
  return (*tx)->Commit();
}

void StoryWriter::Unsettle(const std::string& article_id) {
  auto it = unsettled_.find(article_id);
  if (it != unsettled_.end()) unsettled_.erase(it);
}

Result<IngestOutcome> StoryWriter::StoreOne(const Article& a, const std::string& now) {
  Result<StoryStore::PutResult> put = store_->Put(a, now);
  if (!put.ok()) return put.status().WithContext(a.id);
  IngestOutcome out{a.id, "", "", "", "", put->id, put->version};
  switch (put->outcome) {
    case StoryStore::PutOutcome::kInserted:
      pipeline_.Cluster(a);
      unsettled_.insert(put->id);
      out.status = "created";
      break;
    case StoryStore::PutOutcome::kUpdated:
      pipeline_.Touch(put->id);
      unsettled_.insert(put->id);
      out.status = "updated";
      break;
    case StoryStore::PutOutcome::kUnchanged:
      out.status = "unchanged";
      break;
    case StoryStore::PutOutcome::kDuplicate:
      out.status = "duplicate";
      break;
  }
  return out;
}

Result<std::vector<IngestOutcome>> StoryWriter::IngestDocs(const std::vector<RawDoc>& docs) {
  // Cleaning, the costliest step for a huge document, runs in this thread.
  std::vector<std::optional<Article>> articles(docs.size());
  std::vector<IngestOutcome> outcomes(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    Result<Article> a = pipeline_.Extract(docs[i], &outcomes[i].warning);
    if (a.ok())
      articles[i] = std::move(a).value();
    else
      outcomes[i] = {docs[i].id, "", "rejected", a.status().message(), "", "", 0};
  }
  std::vector<const Article*> pointers;
  for (const std::optional<Article>& a : articles) pointers.push_back(a ? &*a : nullptr);
  return IngestBatch(pointers, std::move(outcomes));
}

Result<std::vector<IngestOutcome>> StoryWriter::IngestArticles(const std::vector<Article>& articles) {
  std::vector<std::optional<Article>> cut(articles.size());
  std::vector<IngestOutcome> outcomes(articles.size());
  std::vector<const Article*> pointers;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (articles[i].text.size() > StoryPipeline::kMaxArticleTextBytes) {
      cut[i] = articles[i];
      outcomes[i].warning = StoryPipeline::CutToLimit(&*cut[i]);
    }
    pointers.push_back(cut[i] ? &*cut[i] : &articles[i]);
  }
  return IngestBatch(pointers, std::move(outcomes));
}

Result<std::vector<IngestOutcome>> StoryWriter::IngestBatch(const std::vector<const Article*>& articles,
                                                            std::vector<IngestOutcome> outcomes) {
  std::string now = StoryStore::NowUtc();
  // One article per hold of the writer, so a big batch does not hold it
  // for all of its articles at once.
  for (size_t i = 0; i < articles.size(); ++i) {
    if (articles[i] == nullptr) continue;
    std::lock_guard<std::mutex> lock(mu_);
    Result<IngestOutcome> o = StoreOne(*articles[i], now);
    if (!o.ok()) {
      // What the batch stored so far is no ingest's to build any more: the
      // next ingest that touches those stories, or the next open, does.
      for (size_t j = 0; j < i; ++j) {
        if (outcomes[j].status == "created" || outcomes[j].status == "updated") Unsettle(outcomes[j].stored_id);
      }
      return o.status();
    }
    o->warning = std::move(outcomes[i].warning);
    outcomes[i] = std::move(o).value();
  }
  // The stories this batch's articles are in (another ingest may have
  // settled them), and those it settled that hold no other ingest's
  // article (re-clustered ones): that ingest builds those, after its own
  // Settle, so that no ingest waits on another's costly story.
  std::set<std::string> stories;
  std::vector<std::string> removed;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const IngestOutcome& o : outcomes) {
      if (o.status == "created" || o.status == "updated") Unsettle(o.stored_id);
    }
    SettledStories settled = pipeline_.Settle();
    ApplySettled(settled);
    for (const auto& [sid, ids] : settled.changed) {
      if (std::none_of(ids.begin(), ids.end(), [&](const std::string& id) { return unsettled_.count(id) > 0; }))
        stories.insert(sid);
    }
    for (const IngestOutcome& o : outcomes) {
      if (o.status != "rejected") stories.insert(pipeline_.StoryOf(o.stored_id));
    }
    removed = std::move(settled.removed);
  }
  for (const std::string& sid : stories) {
    if (!sid.empty()) STORYFUSE_RETURN_IF_ERROR(BuildUntilCurrent(sid, now));
  }
  std::lock_guard<std::mutex> lock(mu_);
  // After the stories that took their articles are stored.
  for (const std::string& sid : removed) {
    if (generation_.count(sid)) continue;  // a story of that id again
    STORYFUSE_RETURN_IF_ERROR(store_->DeleteStory(sid));
    ++repaired_;
  }
  for (IngestOutcome& o : outcomes) {
    if (o.status != "rejected") o.story_id = pipeline_.StoryOf(o.stored_id);
  }
  return outcomes;
}

}  // namespace storyfuse
