// One test suite, every StoryStore engine: SQLite (a temporary file) and
// PostgreSQL (a throwaway server, skipped when not installed). Whatever the
// application may rely on is asserted here, so an engine that passes can
// stand in for the other (issue #25).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "store/article_store.h"
#include "store/pg_connection.h"
#include "store/pg_story_store.h"
#include "store/story_store.h"
#include "tests/services/throwaway_engines.h"

namespace storyfuse {
namespace {

namespace fs = std::filesystem;
using Outcome = StoryStore::PutOutcome;

constexpr const char* kConformanceDb = "conformance";

class StoryStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      location_ = (fs::temp_directory_path() / ("storyfuse_conformance_" + std::to_string(getpid()) + ".db")).string();
      RemoveSqlite();
    } else {
      STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
      ASSERT_TRUE(ResetPostgres(*pg));
      location_ = pg->url(kConformanceDb);
    }
    store_ = Open();
    ASSERT_NE(store_, nullptr);
  }
  void TearDown() override {
    store_.reset();
    if (GetParam() == "sqlite") RemoveSqlite();
  }

  // An empty database `conformance` on the shared server.
  static bool ResetPostgres(ThrowawayPostgres& pg) {
    Result<std::unique_ptr<PgConnection>> admin = PgConnection::Connect(pg.url());
    EXPECT_TRUE(admin.ok()) << admin.status().ToString();
    if (!admin.ok()) return false;
    Status dropped = (*admin)->Exec(std::string("DROP DATABASE IF EXISTS ") + kConformanceDb + " WITH (FORCE)");
    Status created = (*admin)->Exec(std::string("CREATE DATABASE ") + kConformanceDb);
    EXPECT_TRUE(dropped.ok() && created.ok()) << dropped.ToString() << created.ToString();
    return dropped.ok() && created.ok();
  }
  void RemoveSqlite() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(location_ + suffix);
  }

  std::unique_ptr<StoryStore> Open() {
    Result<std::unique_ptr<StoryStore>> s = OpenStoryStore(location_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }

  static Article Make(const std::string& id, const std::string& title, const std::string& text,
                      const std::string& url = "") {
    Article a;
    a.id = id;
    a.url = url;
    a.title = title;
    a.text = text;
    a.outlet = "Harbour Gazette";
    a.authors = {"Mira Solberg", "Tomas \"TJ\" Ek"};
    a.published = {"2031-03-14", "Published 14 March"};
    a.dateline = "PORT ELLIS";
    a.wire = "Northwire";
    a.language = "en";
    a.source = "feed.jsonl:" + id;
    a.input = "<p>" + text + "</p>";
    return a;
  }

  StoryStore::PutResult Put(const Article& a, const std::string& now = "2031-03-14T10:00:00Z") {
    Result<StoryStore::PutResult> r = store_->Put(a, now);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : StoryStore::PutResult{};
  }

  static StoredStory Story(const std::string& id, const std::string& headline, const std::string& updated) {
    return StoredStory{id, headline, updated, "{\"id\":\"" + id + "\"}", 2, 2, 1, "2031-03-14"};
  }

  std::string location_;
  std::unique_ptr<StoryStore> store_;
};

TEST_P(StoryStoreTest, PutIsIdempotentAndVersioned) {
  Article a = Make("a1", "Ferry delayed", "The ferry left late.", "https://gazette.example/ferry");
  StoryStore::PutResult r = Put(a);
  EXPECT_EQ(r.outcome, Outcome::kInserted);
  EXPECT_EQ(r.version, 1);
  EXPECT_EQ(Put(a).outcome, Outcome::kUnchanged);
  // Same content under another id: a copy, nothing written.
  StoryStore::PutResult dup = Put(Make("a2", "Ferry delayed", "The ferry left late."));
  EXPECT_EQ(dup.outcome, Outcome::kDuplicate);
  EXPECT_EQ(dup.id, "a1");
  // Same id, new content: version 2, the first kept in the history.
  Article edited = a;
  edited.text = "The ferry left two hours late.";
  StoryStore::PutResult up = Put(edited, "2031-03-14T11:00:00Z");
  EXPECT_EQ(up.outcome, Outcome::kUpdated);
  EXPECT_EQ(up.version, 2);
  // Same url under a new id, new content: version 3 of the same article.
  Article moved = Make("a9", "Ferry delayed again", "Fog kept the ferry in port.", a.url);
  StoryStore::PutResult by_url = Put(moved, "2031-03-14T12:00:00Z");
  EXPECT_EQ(by_url.outcome, Outcome::kUpdated);
  EXPECT_EQ(by_url.id, "a1");
  EXPECT_EQ(by_url.version, 3);

  Result<std::vector<ArticleVersion>> history = store_->History("a1");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].version, 1);
  EXPECT_EQ((*history)[0].text, "The ferry left late.");
  EXPECT_EQ((*history)[1].text, "The ferry left two hours late.");
  EXPECT_EQ((*history)[1].replaced_at, "2031-03-14T12:00:00Z");
  // As first stored (what ingest clustered), with the current links.
  ASSERT_TRUE(store_->SetStory("a1", "s-4").ok());
  Result<std::optional<StoredArticle>> first = store_->FirstVersion("a1");
  ASSERT_TRUE(first.ok() && *first) << first.status().ToString();
  EXPECT_EQ((*first)->version, 1);
  EXPECT_EQ((*first)->article.text, "The ferry left late.");
  EXPECT_EQ((*first)->article.title, a.title);
  EXPECT_EQ((*first)->article.outlet, a.outlet);
  EXPECT_EQ((*first)->story_id, "s-4");
  EXPECT_FALSE(store_->FirstVersion("none").value().has_value());
  Result<StoreCounts> counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->articles, 1);
  EXPECT_EQ(counts->archived_versions, 2);
  EXPECT_EQ(counts->stories, 0);
  EXPECT_EQ(store_->Put(Make("", "t", "x")).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->Put(Make("e", "t", "")).status().code(), Status::Code::kInvalidArgument);
}

TEST_P(StoryStoreTest, GetReturnsEveryStoredField) {
  Article a = Make("a1", "Caf\xC3\xA9 reopens", "The caf\xC3\xA9 on Quay Street reopened.", "https://x.example/1");
  a.language = "fr";
  a.corrections = {{Span{3, 7}, "An earlier version misnamed the street."}};
  Put(a);
  Result<std::optional<StoredArticle>> got = store_->Get("a1");
  ASSERT_TRUE(got.ok() && got->has_value()) << got.status().ToString();
  const StoredArticle& s = **got;
  EXPECT_EQ(s.article.title, a.title);
  EXPECT_EQ(s.article.text, a.text);
  EXPECT_EQ(s.article.input, a.input);
  EXPECT_EQ(s.article.url, a.url);
  EXPECT_EQ(s.article.outlet, "Harbour Gazette");
  EXPECT_EQ(s.article.authors, a.authors);
  EXPECT_EQ(s.article.published.iso, "2031-03-14");
  EXPECT_EQ(s.article.dateline, "PORT ELLIS");
  EXPECT_EQ(s.article.wire, "Northwire");
  EXPECT_EQ(s.article.language, "fr");
  EXPECT_EQ(s.article.source, "feed.jsonl:a1");
  ASSERT_EQ(s.article.corrections.size(), 1u);
  EXPECT_EQ(s.article.corrections[0].text, "An earlier version misnamed the street.");
  EXPECT_EQ(s.article.corrections[0].input.begin, 3u);
  EXPECT_EQ(s.content_hash, ArticleStore::ContentHash(a));
  EXPECT_EQ(s.ingested_at, "2031-03-14T10:00:00Z");
  EXPECT_EQ(s.version, 1);
  EXPECT_EQ(s.story_id, "");
  EXPECT_FALSE(store_->Get("nope")->has_value());
}

TEST_P(StoryStoreTest, LinksSetAndClear) {
  Put(Make("a1", "One", "First text."));
  Put(Make("a2", "Two", "Second text."));
  ASSERT_TRUE(store_->SetStory("a1", "s1").ok());
  ASSERT_TRUE(store_->SetCopyOf("a2", "a1").ok());
  EXPECT_EQ((*store_->Get("a1"))->story_id, "s1");
  EXPECT_EQ((*store_->Get("a2"))->copy_of, "a1");
  ASSERT_TRUE(store_->SetStory("a1", "").ok());
  EXPECT_EQ((*store_->Get("a1"))->story_id, "");
  EXPECT_EQ(store_->SetStory("ghost", "s1").code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->SetCopyOf("ghost", "a1").code(), Status::Code::kNotFound);
  std::vector<std::pair<std::string, std::string>> seen;
  ASSERT_TRUE(
      store_->ForEachArticleStory([&](const std::string& id, const std::string& sid) { seen.emplace_back(id, sid); })
          .ok());
  ASSERT_EQ(seen.size(), 2u);
  Result<std::vector<std::string>> ids = store_->ArticleIds();
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, (std::vector<std::string>{"a1", "a2"}));  // first-stored order
}

TEST_P(StoryStoreTest, StoriesUpsertListAndDelete) {
  ASSERT_TRUE(store_->PutStory(Story("s1", "Ferry delayed", "2031-03-14T10:00:00Z")).ok());
  ASSERT_TRUE(store_->PutStory(Story("s2", "Bridge opens", "2031-03-15T10:00:00Z")).ok());
  ASSERT_TRUE(store_->PutStory(Story("s3", "Mayor resigns", "2031-03-15T10:00:00Z")).ok());
  StoredStory changed = Story("s1", "Ferry delayed by fog", "2031-03-13T09:00:00Z");
  changed.articles = 5;
  ASSERT_TRUE(store_->PutStory(changed).ok());
  Result<std::optional<StoredStory>> s1 = store_->GetStory("s1");
  ASSERT_TRUE(s1.ok() && s1->has_value());
  EXPECT_EQ((*s1)->headline, "Ferry delayed by fog");
  EXPECT_EQ((*s1)->articles, 5);
  EXPECT_EQ((*s1)->brief_json, "{\"id\":\"s1\"}");
  EXPECT_EQ((*s1)->published, "2031-03-14");

  Result<StoryPage> page = store_->ListStories(StoryListFilter{}, nullptr);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 3);
  ASSERT_EQ(page->stories.size(), 3u);
  // Newest update first; equal times: the later-created story first.
  EXPECT_EQ(page->stories[0].id, "s3");
  EXPECT_EQ(page->stories[1].id, "s2");
  EXPECT_EQ(page->stories[2].id, "s1");
  EXPECT_EQ(page->stories[0].brief_json, "");  // the list reads no brief
  EXPECT_EQ(page->stories[0].outlets, 2);

  StoryListFilter since;
  since.since = "2031-03-14T00:00:00Z";
  since.limit = 1;
  since.offset = 1;
  page = store_->ListStories(since, nullptr);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);
  ASSERT_EQ(page->stories.size(), 1u);
  EXPECT_EQ(page->stories[0].id, "s2");

  ASSERT_TRUE(store_->DeleteStory("s2").ok());
  EXPECT_FALSE(store_->GetStory("s2")->has_value());
  EXPECT_EQ(*store_->StoryIds(), (std::vector<std::string>{"s1", "s3"}));
  int briefs = 0;
  ASSERT_TRUE(store_->ForEachStoryBrief([&](const std::string&, const std::string& b) { briefs += !b.empty(); }).ok());
  EXPECT_EQ(briefs, 2);
}

TEST_P(StoryStoreTest, SearchFindsWordPrefixesAndNamesTheStory) {
  Put(Make("a1", "Harbour ferry delayed", "Fog kept the harbour ferry in port for hours."));
  Put(Make("a2", "Bridge opening", "The new bridge opened to traffic on Monday."));
  Put(Make("a3", "Ferry fares", "Ferry operators raised fares across the region."));
  ASSERT_TRUE(store_->PutStory(Story("s1", "Fog at the harbour", "2031-03-14T10:00:00Z")).ok());
  ASSERT_TRUE(store_->SetStory("a1", "s1").ok());

  Result<std::vector<ArticleSearchHit>> hits = store_->SearchArticles({"harb", "ferr"}, 10, nullptr);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);  // every term must match
  EXPECT_EQ((*hits)[0].hit.id, "a1");
  EXPECT_EQ((*hits)[0].hit.title, "Harbour ferry delayed");
  EXPECT_EQ((*hits)[0].story_id, "s1");
  EXPECT_EQ((*hits)[0].story_headline, "Fog at the harbour");
  EXPECT_NE((*hits)[0].hit.snippet.find("[harbour]"), std::string::npos) << (*hits)[0].hit.snippet;

  hits = store_->SearchArticles({"FERRY"}, 10, nullptr);  // case-insensitive
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 2u);
  hits = store_->SearchArticles({"ferry"}, 1, nullptr);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 1u);
  // Quotes and operators in a term are text, not query syntax.
  hits = store_->SearchArticles({"o'brien\"", "&|!"}, 10, nullptr);
  ASSERT_TRUE(hits.ok() || hits.status().code() == Status::Code::kInvalidArgument) << hits.status().ToString();
  if (hits.ok()) EXPECT_TRUE(hits->empty());
  EXPECT_TRUE(store_->SearchArticles({}, 10, nullptr)->empty());

  StoryListFilter with_terms;
  with_terms.terms = {"fog"};
  Result<StoryPage> page = store_->ListStories(with_terms, nullptr);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 1);
  with_terms.terms = {"bridge"};  // a2 is in no story
  EXPECT_EQ(store_->ListStories(with_terms, nullptr)->total, 0);
}

// A stopped read answers Unsupported, or (when it finished before the
// engine looked at the condition: SQLite checks every few thousand steps)
// the whole answer; never a partial one.
TEST_P(StoryStoreTest, AStoppedReadIsUnsupportedOrWhole) {
  Put(Make("a1", "Ferry", "Ferry text."));
  ASSERT_TRUE(store_->PutStory(Story("s1", "Ferry", "2031-03-14T10:00:00Z")).ok());
  auto stop = [] { return true; };
  Result<StoryPage> page = store_->ListStories(StoryListFilter{}, stop);
  if (page.ok()) {
    EXPECT_EQ(page->stories.size(), 1u);
  } else {
    EXPECT_EQ(page.status().code(), Status::Code::kUnsupported);
  }
  Result<std::vector<ArticleSearchHit>> hits = store_->SearchArticles({"ferry"}, 10, stop);
  if (hits.ok()) {
    EXPECT_EQ(hits->size(), 1u);
  } else {
    EXPECT_EQ(hits.status().code(), Status::Code::kUnsupported);
  }
}

TEST_P(StoryStoreTest, ArticleViewsAndTheirStaleness) {
  Put(Make("a1", "One", "First text."));
  Put(Make("a2", "Two", "Second text."));
  ASSERT_TRUE(store_->SetStory("a1", "s1").ok());
  ASSERT_TRUE(store_->SetStory("a2", "s1").ok());
  EXPECT_FALSE(store_->GetArticleView("a1")->has_value());
  ASSERT_TRUE(store_->PutArticleView("a1", R"({"story":"s1","versions":[{"version":1}]})").ok());
  ASSERT_TRUE(store_->PutArticleView("a2", R"({"story":"s0","versions":[{"version":1}]})").ok());
  EXPECT_EQ(**store_->GetArticleView("a1"), R"({"story":"s1","versions":[{"version":1}]})");
  EXPECT_EQ(*store_->StaleArticleViews(), std::vector<std::string>{"a2"});  // names another story
  ASSERT_TRUE(store_->PutArticleView("a2", R"({"story":"s1","versions":[{"version":1}]})").ok());
  EXPECT_TRUE(store_->StaleArticleViews()->empty());
  Article edited = Make("a1", "One", "First text, edited.");
  Put(edited);  // version 2: a1's view now shows an old version
  EXPECT_EQ(*store_->StaleArticleViews(), std::vector<std::string>{"a1"});
}

// A story's rebuild reads all members at once and writes all their
// views at once: the same articles, histories and views as one by one.
TEST_P(StoryStoreTest, MembersAndViewsReadAndWrittenTogether) {
  Put(Make("a1", "One", "First text."));
  Put(Make("a2", "Two \"quoted\", {braced}", "Second text."), "2031-03-14T10:00:00Z");
  Put(Make("a2", "Two \"quoted\", {braced}", "Second text, edited."), "2031-03-14T11:00:00Z");
  Put(Make("a\\3", "Three", "Third text."));
  Result<std::vector<ArticleWithHistory>> got = store_->GetWithHistory({"a\\3", "missing", "a2", "a1"});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 3u);  // in the order asked, the missing one left out
  EXPECT_EQ((*got)[0].article.article.id, "a\\3");
  EXPECT_EQ((*got)[1].article.article.id, "a2");
  EXPECT_EQ((*got)[2].article.article.id, "a1");
  for (const ArticleWithHistory& a : *got) {
    Result<std::optional<StoredArticle>> one = store_->Get(a.article.article.id);
    ASSERT_TRUE(one.ok() && one->has_value());
    EXPECT_EQ(a.article.article.title, (*one)->article.title);
    EXPECT_EQ(a.article.article.text, (*one)->article.text);
    EXPECT_EQ(a.article.version, (*one)->version);
    Result<std::vector<ArticleVersion>> history = store_->History(a.article.article.id);
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(a.history.size(), history->size());
    for (size_t i = 0; i < a.history.size(); ++i) {
      EXPECT_EQ(a.history[i].version, (*history)[i].version);
      EXPECT_EQ(a.history[i].text, (*history)[i].text);
    }
  }
  EXPECT_EQ((*got)[1].history.size(), 1u);  // a2's first version
  EXPECT_TRUE(store_->GetWithHistory({})->empty());

  std::string odd = R"({"text":"a \"quote\", a \\ backslash, {braces}, NULL"})";
  ASSERT_TRUE(store_->PutArticleViews({{"a1", R"({"v":1})"}, {"a2", odd}}).ok());
  EXPECT_EQ(**store_->GetArticleView("a1"), R"({"v":1})");
  EXPECT_EQ(**store_->GetArticleView("a2"), odd);
  ASSERT_TRUE(store_->PutArticleViews({{"a1", R"({"v":2})"}, {"a2", odd}}).ok());
  EXPECT_EQ(**store_->GetArticleView("a1"), R"({"v":2})");
  EXPECT_EQ(**store_->GetArticleView("a2"), odd);
}

TEST_P(StoryStoreTest, TransactionsRollBackUnlessCommitted) {
  {
    Result<std::unique_ptr<StoreTransaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok()) << tx.status().ToString();
    ASSERT_TRUE(store_->PutStory(Story("s1", "Gone", "2031-03-14T10:00:00Z")).ok());
  }
  EXPECT_FALSE(store_->GetStory("s1")->has_value());
  {
    Result<std::unique_ptr<StoreTransaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(store_->PutStory(Story("s2", "Kept", "2031-03-14T10:00:00Z")).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  EXPECT_TRUE(store_->GetStory("s2")->has_value());
}

TEST_P(StoryStoreTest, ReopeningKeepsDataAndSchema) {
  Put(Make("a1", "One", "First text."));
  store_.reset();
  store_ = Open();
  ASSERT_NE(store_, nullptr);
  EXPECT_TRUE(store_->Get("a1")->has_value());
  EXPECT_EQ(Put(Make("a1", "One", "First text.")).outcome, Outcome::kUnchanged);
}

// Two connections racing to store the same documents (two workers that
// were both handed them, at-least-once): each is stored exactly once.
TEST_P(StoryStoreTest, ConcurrentPutsOfTheSameContentStoreItOnce) {
  constexpr int kDocs = 40;
  std::unique_ptr<StoryStore> other = Open();
  ASSERT_NE(other, nullptr);
  std::atomic<int> inserted{0}, failed{0};
  auto run = [&](StoryStore* s, const std::string& prefix) {
    for (int i = 0; i < kDocs; ++i) {
      // Different ids, same content: one inserts, the other sees a copy.
      Result<StoryStore::PutResult> r =
          s->Put(Make(prefix + std::to_string(i), "Doc " + std::to_string(i), "Body of doc " + std::to_string(i)));
      if (!r.ok()) {
        ++failed;
      } else if (r->outcome == Outcome::kInserted) {
        ++inserted;
      }
    }
  };
  std::thread t1(run, store_.get(), "x");
  std::thread t2(run, other.get(), "y");
  t1.join();
  t2.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(inserted.load(), kDocs);
  EXPECT_EQ(store_->Counts()->articles, kDocs);
}

TEST_P(StoryStoreTest, StoryVersionsTheStreamLogAndMovesRoundTrip) {
  StoredStory story = Story("s1", "Ferry delayed", "2031-03-14T10:00:00Z");
  story.version = 3;
  ASSERT_TRUE(store_->PutStory(story).ok());
  Result<std::optional<StoredStory>> got = store_->GetStory("s1");
  ASSERT_TRUE(got.ok() && *got);
  EXPECT_EQ((*got)->version, 3);

  ASSERT_TRUE(store_->AppendStreamEvent({0, 4, "revise", "", "", "", "2031-03-14T10:00:00Z", ""}).ok());
  ASSERT_TRUE(store_->AppendStreamEvent({0, 4, "merge", "", "s-2", "s-1", "2031-03-14T10:01:00Z", "one fire"}).ok());
  ASSERT_TRUE(store_->AppendStreamEvent({0, 6, "detach", "a3", "s-1", "s-4", "2031-03-14T10:02:00Z", ""}).ok());
  Result<std::vector<StreamEvent>> events = store_->StreamEvents();
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[0].kind, "revise");
  EXPECT_EQ((*events)[1].note, "one fire");
  EXPECT_EQ((*events)[2].after_articles, 6);
  EXPECT_EQ((*events)[2].target_id, "s-4");
  EXPECT_LT((*events)[1].seq, (*events)[2].seq);
  Result<std::vector<StreamEvent>> corrections = store_->StreamCorrections("s-1");
  ASSERT_TRUE(corrections.ok());
  ASSERT_EQ(corrections->size(), 2u);
  EXPECT_EQ((*corrections)[0].kind, "merge");
  EXPECT_EQ((*corrections)[1].article_id, "a3");
  EXPECT_TRUE(store_->AppendStreamEvent({0, 1, "shuffle", "", "", "", "", ""}).code() != Status::Code::kOk);

  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(
        store_->AddStoryMove({0, "a" + std::to_string(i), "s-1", "s-2", "stream", "2031-03-14T10:00:00Z"}).ok());
  }
  ASSERT_TRUE(store_->AddStoryMove({0, "a9", "s-3", "s-1", "editor", "2031-03-14T11:00:00Z"}).ok());
  Result<std::vector<StoryMoveRecord>> moves = store_->StoryMoves("s-1", 2);
  ASSERT_TRUE(moves.ok()) << moves.status().ToString();
  ASSERT_EQ(moves->size(), 2u);  // the latest two, oldest first
  EXPECT_EQ((*moves)[0].article_id, "a2");
  EXPECT_EQ((*moves)[1].article_id, "a9");
  EXPECT_EQ((*moves)[1].cause, "editor");
  // The latest of both directions together, whichever direction they are.
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(
        store_->AddStoryMove({0, "b" + std::to_string(i), "s-5", "s-1", "stream", "2031-03-14T12:00:00Z"}).ok());
  }
  moves = store_->StoryMoves("s-1", 5);
  ASSERT_TRUE(moves.ok()) << moves.status().ToString();
  std::vector<std::string> ids;
  for (const StoryMoveRecord& m : *moves) ids.push_back(m.article_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a2", "a9", "b0", "b1", "b2"}));
  EXPECT_EQ(store_->StoryMoves("s-1", 50)->size(), 7u);
  Result<std::vector<StoryMoveRecord>> none = store_->StoryMoves("s-9", 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, StoryStoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace storyfuse

namespace storyfuse {
namespace {

// On a server, one writer at a time across connections (and machines);
// the lock goes with the connection, so a dead writer frees it.
TEST(PgStoryStore, WriterLockIsExclusiveAndDiesWithItsConnection) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  Result<std::unique_ptr<StoryStore>> first = OpenStoryStore(pg->url());
  Result<std::unique_ptr<StoryStore>> second = OpenStoryStore(pg->url());
  ASSERT_TRUE(first.ok() && second.ok()) << first.status().ToString() << second.status().ToString();
  ASSERT_TRUE((*first)->LockWriter().ok());
  Status refused = (*second)->LockWriter();
  EXPECT_EQ(refused.code(), Status::Code::kIoError);
  EXPECT_NE(refused.message().find("another storyfuse process"), std::string::npos) << refused.message();
  first->reset();
  // The server ends the closed session (and frees its lock) a moment
  // after the client hangs up.
  constexpr int kAttempts = 100;
  Status taken;
  for (int i = 0; i < kAttempts; ++i) {
    taken = (*second)->LockWriter();
    if (taken.ok()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(taken.ok()) << taken.ToString();
}

}  // namespace
}  // namespace storyfuse

namespace storyfuse {
namespace {

std::string Scalar(PgConnection& conn, const std::string& sql) {
  Result<PgRows> r = conn.Query(sql);
  return r.ok() && r->rows() == 1 ? r->Text(0, 0) : "(" + r.status().ToString() + ")";
}

// What schema 6 was, for a store an older build left: the search vector a
// generated column of `articles`, its GIN index with a pending list.
constexpr const char* kBackToSchemaSix = R"sql(
DROP TABLE article_search;
DROP FUNCTION article_search_write() CASCADE;
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS
  (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
UPDATE schema_version SET version = 6;
)sql";

std::vector<std::string> SearchIds(StoryStore& store, const std::string& word) {
  Result<std::vector<ArticleSearchHit>> hits = store.SearchArticles({word}, 10, nullptr);
  EXPECT_TRUE(hits.ok()) << hits.status().ToString();
  std::vector<std::string> ids;
  if (hits.ok()) {
    for (const ArticleSearchHit& h : *hits) ids.push_back(h.hit.id);
  }
  std::sort(ids.begin(), ids.end());  // the matches, not their ranking
  return ids;
}

// An empty database `name` on the shared server (dropped first if a run
// left it).
bool FreshDatabase(ThrowawayPostgres& pg, const std::string& name) {
  Result<std::unique_ptr<PgConnection>> admin = PgConnection::Connect(pg.url());
  return admin.ok() && (*admin)->Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").ok() &&
         (*admin)->Exec("CREATE DATABASE " + name).ok();
}

// An unchanged view is not written again: its row keeps its tuple.
TEST(PgStoryStore, AnUnchangedViewIsNotRewritten) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  ASSERT_TRUE(FreshDatabase(*pg, "same_views"));
  Result<std::unique_ptr<StoryStore>> store = OpenStoryStore(pg->url("same_views"));
  Result<std::unique_ptr<PgConnection>> conn = PgConnection::Connect(pg->url("same_views"));
  ASSERT_TRUE(store.ok() && conn.ok());
  ASSERT_TRUE((*store)->PutArticleViews({{"a1", R"({"v":1})"}, {"a2", R"({"v":1})"}}).ok());
  auto where = [&](const char* id) {
    return Scalar(**conn, std::string("SELECT ctid::text FROM article_views WHERE article_id = '") + id + "'");
  };
  std::string a1 = where("a1"), a2 = where("a2");
  ASSERT_TRUE((*store)->PutArticleViews({{"a1", R"({"v":1})"}, {"a2", R"({"v":2})"}}).ok());
  EXPECT_EQ(where("a1"), a1);
  EXPECT_NE(where("a2"), a2);
}

// Schema 8: search vectors live in `article_search` (its GIN index without
// a pending list), written when an article's title or text is, so moving
// an article to another story does not rewrite them. A store of schema 6
// gains it on open, its articles still found.
TEST(PgStoryStore, SchemaEightKeepsSearchVectorsOutOfTheArticlesRow) {
  STORYFUSE_SHARED_ENGINE_OR_SKIP(pg, ThrowawayPostgres);
  ASSERT_TRUE(FreshDatabase(*pg, "schema_eight"));
  std::string url = pg->url("schema_eight");
  Result<std::unique_ptr<PgConnection>> conn = PgConnection::Connect(url);
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  Article a;
  a.id = "ferry";
  a.title = "Ferry timetable";
  a.text = "The quayside ferry timetable changes on Monday.";
  {
    Result<std::unique_ptr<StoryStore>> store = OpenStoryStore(url);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Put(a, "2031-03-14T10:00:00Z").ok());
  }
  // An older build's store, with one more article written by it.
  ASSERT_TRUE((*conn)->Exec(kBackToSchemaSix).ok());
  ASSERT_TRUE((*conn)
                  ->Exec("INSERT INTO articles (id, content_hash, title, text, ingested_at) VALUES ('bridge', 'h2', "
                         "'Bridge works', 'Night works close the quayside bridge.', '2031-03-14T11:00:00Z')")
                  .ok());
  Result<std::unique_ptr<StoryStore>> store = OpenStoryStore(url);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(Scalar(**conn, "SELECT max(version) FROM schema_version"), std::to_string(PgStoryStore::kSchemaVersion));
  EXPECT_EQ(Scalar(**conn,
                   "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = "
                   "'article_search_words'"),
            "fastupdate=off");
  EXPECT_EQ(Scalar(**conn,
                   "SELECT count(*) FROM information_schema.columns WHERE table_name = 'articles' AND "
                   "column_name = 'search'"),
            "0");
  EXPECT_EQ(SearchIds(**store, "quayside"), (std::vector<std::string>{"bridge", "ferry"}));

  // New articles and new versions are indexed; a move is not a write of
  // the vector (its row keeps the same tuple).
  Article c = a;
  c.id = "pier";
  c.text = "A new pier opens beside the ferry slipway.";
  ASSERT_TRUE((*store)->Put(c, "2031-03-14T12:00:00Z").ok());
  a.text = "The ferry timetable now changes on Tuesday.";
  ASSERT_TRUE((*store)->Put(a, "2031-03-14T13:00:00Z").ok());
  EXPECT_EQ(SearchIds(**store, "slipway"), (std::vector<std::string>{"pier"}));
  EXPECT_EQ(SearchIds(**store, "tuesday"), (std::vector<std::string>{"ferry"}));
  EXPECT_EQ(SearchIds(**store, "quayside"), (std::vector<std::string>{"bridge"}));
  std::string before = Scalar(**conn,
                              "SELECT w.ctid::text FROM article_search w JOIN articles a ON a.seq = "
                              "w.article_seq WHERE a.id = 'pier'");
  ASSERT_TRUE((*store)->SetStory("pier", "s-harbour").ok());
  EXPECT_EQ(Scalar(**conn,
                   "SELECT w.ctid::text FROM article_search w JOIN articles a ON a.seq = w.article_seq "
                   "WHERE a.id = 'pier'"),
            before);
  EXPECT_EQ(SearchIds(**store, "slipway"), (std::vector<std::string>{"pier"}));
}

}  // namespace
}  // namespace storyfuse
