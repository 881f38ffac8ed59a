#include "pipeline/story_writer.h"

#include <nlohmann/json.hpp>

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

StoryWriter::StoryWriter(std::unique_ptr<StoryStore> store, WriterLock* lock) : store_(std::move(store)), lock_(lock) {}

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
  pipeline_.Correct(CorrectionOf(e));
}

Status StoryWriter::Recover() {
  Result<std::vector<std::string>> ids = store_->ArticleIds();
  if (!ids.ok()) return ids.status();
  Result<std::vector<StreamEvent>> events = store_->StreamEvents();
  if (!events.ok()) return events.status();
  size_t next = 0;
  auto cluster_until = [&](int64_t n) -> Status {
    while (pipeline_.clustered() < n && next < ids->size()) {
      Result<std::optional<StoredArticle>> a = store_->Get((*ids)[next++]);
      if (!a.ok()) return a.status();
      if (*a) pipeline_.Cluster((*a)->article);
    }
    return Status::Ok();
  };
  for (const StreamEvent& e : *events) {
    STORYFUSE_RETURN_IF_ERROR(cluster_until(e.after_articles));
    Replay(e);
  }
  STORYFUSE_RETURN_IF_ERROR(cluster_until(static_cast<int64_t>(ids->size())));
  pipeline_.DropMoves();  // recorded when they were made
  // Articles stored after the last logged revision (an interrupted ingest,
  // or a store from before schema 6) are revised now, and that is logged.
  std::string now = StoryStore::NowUtc();
  SettledStories settled = pipeline_.Settle();
  STORYFUSE_RETURN_IF_ERROR(LogSettled(settled, now));
  Result<std::vector<std::string>> stored = store_->StoryIds();
  if (!stored.ok()) return stored.status();
  for (const std::string& id : *stored) {
    if (!settled.changed.count(id)) settled.removed.push_back(id);
  }
  STORYFUSE_RETURN_IF_ERROR(WriteStories(settled, now, /*only_stale=*/true));
  lock_->ForgetCrash();
  return Status::Ok();
}

Status StoryWriter::LogSettled(const SettledStories& settled, const std::string& now) {
  if (settled.revised_after >= 0) {
    StreamEvent e;
    e.after_articles = settled.revised_after;
    e.kind = "revise";
    e.at = now;
    STORYFUSE_RETURN_IF_ERROR(store_->AppendStreamEvent(e));
  }
  return RecordMoves(settled.moves, "stream", now);
}

Status StoryWriter::RecordMoves(const std::vector<StoryMove>& moves, const std::string& cause, const std::string& now) {
  for (const StoryMove& m : moves) {
    STORYFUSE_RETURN_IF_ERROR(store_->AddStoryMove({0, m.article, m.from, m.to, cause, now}));
  }
  return Status::Ok();
}

Result<std::vector<StoryMove>> StoryWriter::Correct(const StoryCorrection& c) {
  // Whatever the last batch left unrevised is settled first, so the
  // correction lands on the stories the editor sees.
  std::string now = StoryStore::NowUtc();
  SettledStories before = pipeline_.Settle();
  STORYFUSE_RETURN_IF_ERROR(LogSettled(before, now));
  STORYFUSE_RETURN_IF_ERROR(WriteStories(before, now, /*only_stale=*/false));
  int64_t after = pipeline_.clustered();
  Result<std::vector<StoryMove>> moves = pipeline_.Correct(c);
  if (!moves.ok()) return moves.status();
  StreamEvent e;
  e.after_articles = after;
  e.kind = c.kind;
  e.article_id = c.article;
  e.story_id = c.kind == "merge" ? c.story : moves->front().from;
  e.target_id = c.kind == "merge" ? c.target : moves->front().to;
  e.at = now;
  e.note = c.note;
  STORYFUSE_RETURN_IF_ERROR(store_->AppendStreamEvent(e));
  STORYFUSE_RETURN_IF_ERROR(RecordMoves(*moves, "editor", now));
  STORYFUSE_RETURN_IF_ERROR(WriteStories(pipeline_.Settle(/*revise=*/false), now, /*only_stale=*/false));
  return moves;
}

Status StoryWriter::WriteStories(const SettledStories& settled, const std::string& now, bool only_stale) {
  for (const auto& [sid, ids] : settled.changed) STORYFUSE_RETURN_IF_ERROR(WriteStory(sid, ids, now, only_stale));
  for (const std::string& sid : settled.removed) {
    STORYFUSE_RETURN_IF_ERROR(store_->DeleteStory(sid));
    ++repaired_;
  }
  return Status::Ok();
}

Status StoryWriter::WriteStory(const std::string& sid, const std::vector<std::string>& ids, const std::string& now,
                               bool only_stale) {
  // One transaction: a reader (or a crash) sees the story's links, brief
  // and article views all old or all new.
  Result<std::unique_ptr<StoreTransaction>> tx = store_->Begin();
  if (!tx.ok()) return tx.status();
  std::vector<StoredArticle> members;
  bool stale = !only_stale;
  // The version goes up when the set of articles changes.
  Result<std::optional<StoredStory>> old = store_->GetStory(sid);
  if (!old.ok()) return old.status();
  bool same_articles = *old && BriefArticleIds((*old)->brief_json) == ids;
  int64_t version = !*old ? 1 : (*old)->version + (same_articles ? 0 : 1);
  for (const std::string& id : ids) {
    Result<std::optional<StoredArticle>> a = store_->Get(id);
    if (!a.ok()) return a.status();
    if (!*a) continue;  // in the clusterer but not stored: never happens for a store we replayed
    StoredArticle& m = members.emplace_back(std::move(**a));
    if (m.story_id != sid) {
      STORYFUSE_RETURN_IF_ERROR(store_->SetStory(m.article.id, sid));
      m.story_id = sid;
      stale = true;
    }
    if (std::string copy = pipeline_.CopyOf(id); copy != m.copy_of) {
      STORYFUSE_RETURN_IF_ERROR(store_->SetCopyOf(m.article.id, copy));
      m.copy_of = copy;
      stale = true;  // the article views show copy_of
    }
  }
  if (!stale) stale = !same_articles;
  if (!stale) return (*tx)->Commit();
  if (only_stale && lock_->ShouldSkip(sid)) {
    skipped_.push_back(sid);  // its build stopped the process twice: not on every start
    return (*tx)->Commit();
  }
  if (only_stale) ++repaired_;
  std::vector<const Article*> articles;
  for (const StoredArticle& m : members) articles.push_back(&m.article);
  lock_->MarkBuilding(sid);
  BuiltStory built = pipeline_.BuildStory(sid, articles, now);
  STORYFUSE_RETURN_IF_ERROR(WriteArticleViews(members, built.brief_json));
  const StorySummary& sum = built.summary;
  STORYFUSE_RETURN_IF_ERROR(store_->PutStory({sid, sum.headline, now, std::move(built.brief_json), sum.articles,
                                              sum.outlets, sum.independent_sources, sum.published, version}));
  STORYFUSE_RETURN_IF_ERROR((*tx)->Commit());
  lock_->MarkBuilt(sid);
  return Status::Ok();
}

Status StoryWriter::WriteArticleViews(const std::vector<StoredArticle>& members, const std::string& brief_json) {
  json brief = json::parse(brief_json, nullptr, false);
  for (const StoredArticle& m : members) {
    Result<std::vector<ArticleVersion>> history = store_->History(m.article.id);
    if (!history.ok()) return history.status();
    STORYFUSE_RETURN_IF_ERROR(store_->PutArticleView(
        m.article.id, StoredArticleView(m, *history, brief).dump(-1, ' ', false, json::error_handler_t::replace)));
  }
  return Status::Ok();
}

Result<IngestOutcome> StoryWriter::IngestOne(const RawDoc& doc, const std::string& now) {
  std::string warning;
  Result<Article> a = pipeline_.Extract(doc, &warning);
  if (!a.ok()) return IngestOutcome{doc.id, "", "rejected", a.status().message(), "", "", 0};
  Result<IngestOutcome> out = StoreOne(*a, now);
  if (out.ok()) out->warning = std::move(warning);
  return out;
}

Result<IngestOutcome> StoryWriter::StoreOne(const Article& a, const std::string& now) {
  Result<StoryStore::PutResult> put = store_->Put(a, now);
  if (!put.ok()) return put.status().WithContext(a.id);
  IngestOutcome out{a.id, "", "", "", "", put->id, put->version};
  switch (put->outcome) {
    case StoryStore::PutOutcome::kInserted:
      pipeline_.Cluster(a);
      out.status = "created";
      break;
    case StoryStore::PutOutcome::kUpdated:
      pipeline_.Touch(put->id);
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
  return IngestBatch(docs.size(), [&](size_t i, const std::string& now) { return IngestOne(docs[i], now); });
}

Result<std::vector<IngestOutcome>> StoryWriter::IngestArticles(const std::vector<Article>& articles) {
  return IngestBatch(articles.size(), [&](size_t i, const std::string& now) -> Result<IngestOutcome> {
    if (articles[i].text.size() <= StoryPipeline::kMaxArticleTextBytes) return StoreOne(articles[i], now);
    Article cut = articles[i];
    std::string warning = StoryPipeline::CutToLimit(&cut);
    Result<IngestOutcome> out = StoreOne(cut, now);
    if (out.ok()) out->warning = std::move(warning);
    return out;
  });
}

Result<std::vector<IngestOutcome>> StoryWriter::IngestBatch(
    size_t n, const std::function<Result<IngestOutcome>(size_t, const std::string&)>& store_one) {
  std::string now = StoryStore::NowUtc();
  std::vector<IngestOutcome> outcomes;
  for (size_t i = 0; i < n; ++i) {
    Result<IngestOutcome> o = store_one(i, now);
    if (!o.ok()) return o.status();
    outcomes.push_back(std::move(o).value());
  }
  SettledStories settled = pipeline_.Settle();
  STORYFUSE_RETURN_IF_ERROR(LogSettled(settled, now));
  STORYFUSE_RETURN_IF_ERROR(WriteStories(settled, now, /*only_stale=*/false));
  for (IngestOutcome& o : outcomes) {
    if (o.status != "rejected") o.story_id = pipeline_.StoryOf(o.stored_id);
  }
  return outcomes;
}

}  // namespace storyfuse
