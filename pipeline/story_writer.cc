#include "pipeline/story_writer.h"

#include <algorithm>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

namespace storyfuse {

using nlohmann::json;

std::vector<std::string> BriefArticleIds(const std::string& brief_json) {
  std::vector<std::string> ids;
  json brief = json::parse(brief_json, nullptr, false);
  if (!brief.is_object() || !brief.contains("articles")) return ids;
  for (const json& a : brief["articles"]) ids.push_back(a.value("id", ""));
  return ids;
}

StoryWriter::StoryWriter(std::unique_ptr<StoryStore> store, WriterLock* lock, ReaderPool* readers, Options options)
    : store_(std::move(store)), lock_(lock), readers_(readers), options_(options) {}

namespace {

StoryCorrection CorrectionOf(const StreamEvent& e) {
  StoryCorrection c;
  c.kind = e.kind;
  c.article = e.article_id;
  c.note = e.note;
  if (e.kind == "merge") {
    c.story = e.story_id;
    c.target = e.target_id;
  } else if (e.kind == "move") {
    c.target = e.target_id;
  }
  return c;
}

}  // namespace

void StoryWriter::Replay(const StreamEvent& e) {
  if (e.kind == "revise") {
    pipeline_.Revise();
    return;
  }
  // A correction that applied when it was made applies again: the same
  // stream reached the same point. (One that does not is skipped.)
  static_cast<void>(pipeline_.Correct(CorrectionOf(e)));
}

Status StoryWriter::Recover() {
  SettledStories settled;
  std::string now = StoryStore::NowUtc();
  std::set<std::string> unrevised;  // articles stored after the last logged revision
  {
    std::lock_guard<std::mutex> lock(mu_);
    STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> ids, store_->ArticleIds());
    STORYFUSE_ASSIGN_OR_RETURN(std::vector<StreamEvent> events, store_->StreamEvents());
    size_t next = 0;
    auto cluster_until = [&](int64_t n) -> Status {
      while (pipeline_.clustered() < n && next < ids.size()) {
        STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredArticle> a, store_->Get(ids[next++]));
        // An update was never clustered (StoreOne only touches its story):
        // the version the stream placed is the first one.
        if (a && a->version > 1) {
          STORYFUSE_ASSIGN_OR_RETURN(a, store_->FirstVersion(a->article.id));
        }
        if (a) pipeline_.Cluster(a->article);
      }
      return Status::Ok();
    };
    for (const StreamEvent& e : events) {
      STORYFUSE_RETURN_IF_ERROR(cluster_until(e.after_articles));
      Replay(e);
    }
    STORYFUSE_RETURN_IF_ERROR(cluster_until(static_cast<int64_t>(ids.size())));
    pipeline_.DropMoves();  // recorded when they were made
    int64_t revised = 0;
    for (const StreamEvent& e : events) {
      if (e.kind == "revise") revised = e.after_articles;
    }
    for (size_t i = static_cast<size_t>(std::max<int64_t>(revised, 0)); i < ids.size(); ++i) unrevised.insert(ids[i]);
    // Articles stored after the last logged revision (an interrupted
    // ingest, or a store from before schema 6) are revised now, and that
    // is logged (unless their batch comes again: Options).
    settled = pipeline_.Settle(options_.revise_on_recover);
    ApplySettled(settled);
    STORYFUSE_RETURN_IF_ERROR(LogSettled(settled, now));
    STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> stored, store_->StoryIds());
    for (const std::string& id : stored) {
      if (!settled.changed.count(id)) settled.removed.push_back(id);
    }
  }
  if (options_.queue) {
    // The builders elsewhere find what a dead writer left unbuilt: every
    // story not stored as it is now is enqueued again.
    std::lock_guard<std::mutex> lock(mu_);
    std::set<std::string> stale;
    for (const auto& [sid, ids] : settled.changed) {
      STORYFUSE_ASSIGN_OR_RETURN(bool current, StoredIsCurrent(sid, ids));
      if (current) {
        stored_[sid] = generation_[sid];
      } else if (!options_.revise_on_recover &&
                 std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return unrevised.count(id) > 0; })) {
        // Its interrupted batch comes again and settles it at its end:
        // enqueued then, once, as an uninterrupted run does.
      } else {
        stale.insert(sid);
        ++repaired_;
      }
    }
    // A story merged away after it was enqueued, whose deletion a dead
    // writer never made: no brief of it may be stored.
    STORYFUSE_ASSIGN_OR_RETURN(std::vector<std::string> enqueued, options_.queue->Enqueued());
    std::set<std::string> removed(settled.removed.begin(), settled.removed.end());
    for (const std::string& sid : enqueued) {
      if (!settled.changed.count(sid) && removed.insert(sid).second) settled.removed.push_back(sid);
    }
    repaired_ += static_cast<int>(settled.removed.size());
    STORYFUSE_RETURN_IF_ERROR(Enqueue(stale, settled.removed));
    lock_->ForgetCrash();
    return Status::Ok();
  }
  // One story at a time, so the journal names the one that stops the process.
  for (const auto& [sid, ids] : settled.changed) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      STORYFUSE_ASSIGN_OR_RETURN(bool current, StoredIsCurrent(sid, ids));
      if (current || lock_->ShouldSkip(sid)) {
        // A skipped story's build stopped the process twice: its articles
        // are linked, its brief stays as it was until an ingest touches it.
        if (!current) {
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

Status StoryWriter::LogSettled(const SettledStories& settled, const std::string& now) {
  if (settled.revised_after < 0 && settled.moves.empty()) return Status::Ok();
  // The revision and its moves in one transaction: a replay recreates the
  // moves of a logged revision without recording them again, so a
  // revision logged without its moves would lose them for good.
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoreTransaction> tx, store_->Begin());
  if (settled.revised_after >= 0) {
    StreamEvent e;
    e.after_articles = settled.revised_after;
    e.kind = "revise";
    e.at = now;
    STORYFUSE_RETURN_IF_ERROR(store_->AppendStreamEvent(e));
  }
  STORYFUSE_RETURN_IF_ERROR(RecordMoves(settled.moves, "stream", now));
  return tx->Commit();
}

Status StoryWriter::RecordMoves(const std::vector<StoryMove>& moves, const std::string& cause, const std::string& now) {
  for (const StoryMove& m : moves) {
    STORYFUSE_RETURN_IF_ERROR(store_->AddStoryMove({0, m.article, m.from, m.to, cause, now}));
  }
  return Status::Ok();
}

void StoryWriter::TakeSettled(SettledStories settled, std::set<std::string>* build, std::vector<std::string>* removed) {
  for (const auto& [sid, ids] : settled.changed) {
    if (std::none_of(ids.begin(), ids.end(), [&](const std::string& id) { return unsettled_.count(id) > 0; }))
      build->insert(sid);
  }
  removed->insert(removed->end(), settled.removed.begin(), settled.removed.end());
}

Status StoryWriter::Enqueue(const std::set<std::string>& stories, const std::vector<std::string>& removed) {
  std::vector<Snapshot> snapshots;
  for (const std::string& sid : stories) {
    auto g = generation_.find(sid);
    if (sid.empty() || g == generation_.end() || stored_[sid] >= g->second) continue;
    snapshots.push_back({sid, g->second, pipeline_.Links(members_[sid])});
  }
  std::vector<std::string> gone;
  for (const std::string& sid : removed) {
    if (!generation_.count(sid)) gone.push_back(sid);  // else a story of that id again
  }
  if (snapshots.empty() && gone.empty()) return Status::Ok();
  std::vector<std::pair<std::string, int64_t>> enqueued;
  for (const Snapshot& s : snapshots) enqueued.emplace_back(s.id, s.generation);
  STORYFUSE_RETURN_IF_ERROR(options_.queue->Enqueue(std::move(snapshots), gone));
  for (const auto& [sid, generation] : enqueued) stored_[sid] = generation;
  return Status::Ok();
}

Status StoryWriter::BuildAndDelete(const std::set<std::string>& stories, const std::vector<std::string>& removed,
                                   const std::string& now) {
  if (options_.queue) {
    std::lock_guard<std::mutex> lock(mu_);
    return Enqueue(stories, removed);
  }
  for (const std::string& sid : stories) {
    if (!sid.empty()) STORYFUSE_RETURN_IF_ERROR(BuildUntilCurrent(sid, now));
  }
  std::lock_guard<std::mutex> lock(mu_);
  for (const std::string& sid : removed) {
    if (generation_.count(sid)) continue;  // a story of that id again
    STORYFUSE_RETURN_IF_ERROR(store_->DeleteStory(sid));
    ++repaired_;
  }
  return Status::Ok();
}

Result<std::vector<StoryMove>> StoryWriter::Correct(const StoryCorrection& c) {
  std::string now = StoryStore::NowUtc();
  std::set<std::string> stories;
  std::vector<std::string> removed;
  Result<std::vector<StoryMove>> moves = Status::Ok();
  {
    std::lock_guard<std::mutex> lock(mu_);
    // Whatever the last batch left unrevised is settled first, so the
    // correction lands on the stories the editor sees.
    SettledStories before = pipeline_.Settle();
    ApplySettled(before);
    STORYFUSE_RETURN_IF_ERROR(LogSettled(before, now));
    TakeSettled(std::move(before), &stories, &removed);
    int64_t after = pipeline_.clustered();
    moves = pipeline_.Correct(c);
    if (moves.ok()) {
      StreamEvent e;
      e.after_articles = after;
      e.kind = c.kind;
      e.article_id = c.article;
      e.story_id = c.kind == "merge" ? c.story : moves->front().from;
      e.target_id = c.kind == "merge" ? c.target : moves->front().to;
      e.at = now;
      e.note = c.note;
      SettledStories corrected = pipeline_.Settle(/*revise=*/false);
      ApplySettled(corrected);
      {
        // As LogSettled: the correction and its moves together.
        STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoreTransaction> tx, store_->Begin());
        STORYFUSE_RETURN_IF_ERROR(store_->AppendStreamEvent(e));
        STORYFUSE_RETURN_IF_ERROR(RecordMoves(*moves, "editor", now));
        STORYFUSE_RETURN_IF_ERROR(tx->Commit());
      }
      // Every story the correction touched is built here, even one that
      // holds an ingest's article in flight: it returns with them stored.
      for (auto& [sid, ids] : corrected.changed) stories.insert(sid);
      removed.insert(removed.end(), corrected.removed.begin(), corrected.removed.end());
    }
  }
  // What the settle before it changed is built even when the correction
  // is refused.
  STORYFUSE_RETURN_IF_ERROR(BuildAndDelete(stories, removed, now));
  return moves;
}

Result<bool> StoryWriter::StoredIsCurrent(const std::string& sid, const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredArticle> a, store_->Get(id));
    if (!a) continue;  // in the clusterer but not stored: never happens for a store we replayed
    if (a->story_id != sid || a->copy_of != pipeline_.CopyOf(id)) return false;
  }
  STORYFUSE_ASSIGN_OR_RETURN(std::optional<StoredStory> old, store_->GetStory(sid));
  return old && BriefArticleIds(old->brief_json) == ids;
}

Status StoryWriter::Relink(const Snapshot& snapshot) {
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoreTransaction> tx, store_->Begin());
  for (const MemberLinks& m : snapshot.members) {
    STORYFUSE_RETURN_IF_ERROR(store_->SetStory(m.article_id, snapshot.id));
    STORYFUSE_RETURN_IF_ERROR(store_->SetCopyOf(m.article_id, m.copy_of));
  }
  return tx->Commit();
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

Result<StoryWrite> StoryWriter::Build(const Snapshot& snapshot, const std::string& now) {
  STORYFUSE_ASSIGN_OR_RETURN(ReaderPool::Lease reader, readers_->Acquire());
  return BuildStoryWrite(reader.get(), &pipeline_, snapshot, now);
}

Status StoryWriter::Commit(const StoryWrite& write, const std::string& now) {
  // Under mu_: the version counts from the last committed brief.
  STORYFUSE_ASSIGN_OR_RETURN(std::unique_ptr<StoreTransaction> tx, store_->Begin());
  STORYFUSE_RETURN_IF_ERROR(CommitStoryWrite(store_.get(), write, now));
  return tx->Commit();
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
    // The revision of the window (articles may move between stories) and
    // its log entry and moves, in the same hold: the log's order is the
    // stream's.
    SettledStories settled = pipeline_.Settle();
    ApplySettled(settled);
    STORYFUSE_RETURN_IF_ERROR(LogSettled(settled, now));
    TakeSettled(std::move(settled), &stories, &removed);
    for (const IngestOutcome& o : outcomes) {
      if (o.status != "rejected") stories.insert(pipeline_.StoryOf(o.stored_id));
    }
  }
  STORYFUSE_RETURN_IF_ERROR(BuildAndDelete(stories, removed, now));
  std::lock_guard<std::mutex> lock(mu_);
  for (IngestOutcome& o : outcomes) {
    if (o.status != "rejected") o.story_id = pipeline_.StoryOf(o.stored_id);
  }
  return outcomes;
}

}  // namespace storyfuse
