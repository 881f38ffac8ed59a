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

Status StoryWriter::Recover() {
  Result<std::vector<std::string>> ids = store_->ArticleIds();
  if (!ids.ok()) return ids.status();
  for (const std::string& id : *ids) {
    Result<std::optional<StoredArticle>> a = store_->Get(id);
    if (!a.ok()) return a.status();
    if (*a) pipeline_.Cluster((*a)->article);
  }
  SettledStories settled = pipeline_.Settle();
  Result<std::vector<std::string>> stored = store_->StoryIds();
  if (!stored.ok()) return stored.status();
  for (const std::string& id : *stored) {
    if (!settled.changed.count(id)) settled.removed.push_back(id);
  }
  STORYFUSE_RETURN_IF_ERROR(WriteStories(settled, StoryStore::NowUtc(), /*only_stale=*/true));
  lock_->ForgetCrash();
  return Status::Ok();
}

Status StoryWriter::WriteStories(const SettledStories& settled, const std::string& now, bool only_stale) {
  for (const auto& [sid, ids] : settled.changed) STORYFUSE_RETURN_IF_ERROR(WriteStory(sid, ids, now, only_stale));
  for (const std::string& sid : settled.removed) {
    STORYFUSE_RETURN_IF_ERROR(store_->DeleteStory(sid));
    ++repaired_;
  }
  return Status::Ok();
}

Result<bool> LinkStoryMembers(StoryStore* store, const std::string& sid, const std::vector<std::string>& ids,
                              const std::function<std::string(const std::string&)>& copy_of,
                              std::vector<StoredArticle>* members) {
  bool changed = false;
  for (const std::string& id : ids) {
    Result<std::optional<StoredArticle>> a = store->Get(id);
    if (!a.ok()) return a.status();
    if (!*a) continue;  // in the clusterer but not stored: never happens for a store we replayed
    StoredArticle& m = members->emplace_back(std::move(**a));
    if (m.story_id != sid) {
      STORYFUSE_RETURN_IF_ERROR(store->SetStory(m.article.id, sid));
      m.story_id = sid;
      changed = true;
    }
    if (std::string copy = copy_of(id); copy != m.copy_of) {
      STORYFUSE_RETURN_IF_ERROR(store->SetCopyOf(m.article.id, copy));
      m.copy_of = copy;
      changed = true;  // the article views show copy_of
    }
  }
  return changed;
}

Status WriteStoryBrief(StoryStore* store, StoryPipeline* pipeline, const std::string& sid,
                       const std::vector<StoredArticle>& members, const std::vector<ArticleLinks>& links,
                       const std::string& now) {
  std::vector<const Article*> articles;
  for (const StoredArticle& m : members) articles.push_back(&m.article);
  BuiltStory built = pipeline->BuildStory(sid, articles, links, now);
  json brief = json::parse(built.brief_json, nullptr, false);
  for (const StoredArticle& m : members) {
    Result<std::vector<ArticleVersion>> history = store->History(m.article.id);
    if (!history.ok()) return history.status();
    STORYFUSE_RETURN_IF_ERROR(store->PutArticleView(
        m.article.id, StoredArticleView(m, *history, brief).dump(-1, ' ', false, json::error_handler_t::replace)));
  }
  const StorySummary& sum = built.summary;
  return store->PutStory({sid, sum.headline, now, std::move(built.brief_json), sum.articles, sum.outlets,
                          sum.independent_sources, sum.published});
}

Status StoryWriter::WriteStory(const std::string& sid, const std::vector<std::string>& ids, const std::string& now,
                               bool only_stale) {
  // One transaction: a reader (or a crash) sees the story's links, brief
  // and article views all old or all new.
  Result<std::unique_ptr<StoreTransaction>> tx = store_->Begin();
  if (!tx.ok()) return tx.status();
  std::vector<StoredArticle> members;
  Result<bool> relinked = LinkStoryMembers(
      store_.get(), sid, ids, [this](const std::string& id) { return pipeline_.CopyOf(id); }, &members);
  if (!relinked.ok()) return relinked.status();
  bool stale = !only_stale || *relinked;
  if (!stale) {
    Result<std::optional<StoredStory>> old = store_->GetStory(sid);
    if (!old.ok()) return old.status();
    stale = !*old || BriefArticleIds((*old)->brief_json) != ids;
  }
  if (!stale) return (*tx)->Commit();
  if (only_stale && lock_->ShouldSkip(sid)) {
    skipped_.push_back(sid);  // its build stopped the process twice: not on every start
    return (*tx)->Commit();
  }
  if (only_stale) ++repaired_;
  std::vector<ArticleLinks> links;
  for (const StoredArticle& m : members) links.push_back(pipeline_.LinksOf(m.article.id));
  lock_->MarkBuilding(sid);
  STORYFUSE_RETURN_IF_ERROR(WriteStoryBrief(store_.get(), &pipeline_, sid, members, links, now));
  STORYFUSE_RETURN_IF_ERROR((*tx)->Commit());
  lock_->MarkBuilt(sid);
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
  STORYFUSE_RETURN_IF_ERROR(WriteStories(pipeline_.Settle(), now, /*only_stale=*/false));
  for (IngestOutcome& o : outcomes) {
    if (o.status != "rejected") o.story_id = pipeline_.StoryOf(o.stored_id);
  }
  return outcomes;
}

}  // namespace storyfuse
