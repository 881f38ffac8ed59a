#include "store/article_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace storyfuse {
namespace {
namespace fs = std::filesystem;
using Outcome = ArticleStore::PutOutcome;

// ContentHash of title "Ferry" and text "One." as schema 1 computed it.
constexpr const char* kFerryOneHash = "9ad77ee6c271eba61fb751bc916d1533";

class ArticleStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("storyfuse_store_" + std::to_string(getpid()) + "_" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Remove();
    Result<std::unique_ptr<ArticleStore>> s = ArticleStore::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
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

  ArticleStore::PutResult Put(const Article& a, const std::string& now = "2031-03-14T10:00:00Z") {
    Result<ArticleStore::PutResult> r = store_->Put(a, now);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ArticleStore::PutResult{};
  }

  std::string path_;
  std::unique_ptr<ArticleStore> store_;
};

TEST_F(ArticleStoreTest, InsertsAndReadsBackEveryField) {
  Article a = Make("a1", "Ferry service resumes", "The ferry to Port Ellis resumed on Monday.",
                   "https://gazette.example/ferry");
  ArticleStore::PutResult r = Put(a);
  EXPECT_EQ(r.outcome, Outcome::kInserted);
  EXPECT_EQ(r.id, "a1");
  EXPECT_EQ(r.version, 1);
  Result<std::optional<StoredArticle>> got = store_->Get("a1");
  ASSERT_TRUE(got.ok() && got->has_value());
  const StoredArticle& s = **got;
  EXPECT_EQ(s.article.title, a.title);
  EXPECT_EQ(s.article.text, a.text);
  EXPECT_EQ(s.article.url, a.url);
  EXPECT_EQ(s.article.outlet, a.outlet);
  EXPECT_EQ(s.article.authors, a.authors);
  EXPECT_EQ(s.article.published.iso, "2031-03-14");
  EXPECT_EQ(s.article.dateline, a.dateline);
  EXPECT_EQ(s.article.wire, a.wire);
  EXPECT_EQ(s.article.language, "en");
  EXPECT_EQ(s.article.source, a.source);
  EXPECT_EQ(s.article.input, a.input);
  EXPECT_EQ(s.content_hash, ArticleStore::ContentHash(a));
  EXPECT_EQ(s.content_hash.size(), 32u);
  EXPECT_EQ(s.ingested_at, "2031-03-14T10:00:00Z");
  EXPECT_EQ(s.version, 1);
  EXPECT_EQ(s.story_id, "");
  EXPECT_FALSE(store_->Get("missing")->has_value());
}

TEST_F(ArticleStoreTest, SameIdSameContentChangesNothing) {
  Article a = Make("a1", "Ferry service resumes", "The ferry resumed.");
  Put(a);
  a.outlet = "Another Name";  // metadata only: not new content
  ArticleStore::PutResult r = Put(a, "2031-03-15T00:00:00Z");
  EXPECT_EQ(r.outcome, Outcome::kUnchanged);
  EXPECT_EQ(r.version, 1);
  EXPECT_EQ(store_->Get("a1").value()->ingested_at, "2031-03-14T10:00:00Z");
  EXPECT_EQ(store_->CountArticles().value(), 1);
}

TEST_F(ArticleStoreTest, SameContentUnderAnotherIdReportsTheExistingId) {
  Put(Make("a1", "Ferry service resumes", "The ferry resumed."));
  ArticleStore::PutResult r = Put(Make("copy-9", "Ferry service resumes", "The ferry resumed."));
  EXPECT_EQ(r.outcome, Outcome::kDuplicate);
  EXPECT_EQ(r.id, "a1");
  EXPECT_EQ(store_->CountArticles().value(), 1);
  EXPECT_FALSE(store_->Get("copy-9")->has_value());
}

TEST_F(ArticleStoreTest, NewContentMakesANewVersionAndKeepsTheOld) {
  Put(Make("a1", "Ferry service resumes", "The ferry resumed."));
  ArticleStore::PutResult r =
      Put(Make("a1", "Ferry service resumes", "The ferry resumed after a two-week strike."), "2031-03-14T12:00:00Z");
  EXPECT_EQ(r.outcome, Outcome::kUpdated);
  EXPECT_EQ(r.version, 2);
  EXPECT_EQ(store_->Get("a1").value()->article.text, "The ferry resumed after a two-week strike.");
  Result<std::vector<ArticleVersion>> h = store_->History("a1");
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 1u);
  EXPECT_EQ((*h)[0].version, 1);
  EXPECT_EQ((*h)[0].text, "The ferry resumed.");
  EXPECT_EQ((*h)[0].ingested_at, "2031-03-14T10:00:00Z");
  EXPECT_EQ((*h)[0].replaced_at, "2031-03-14T12:00:00Z");
  // Back to the first text: a third version, not a return to version 1.
  EXPECT_EQ(Put(Make("a1", "Ferry service resumes", "The ferry resumed.")).version, 3);
  EXPECT_EQ(store_->History("a1")->size(), 2u);
}

// What ingest clustered, for a replay: the first version's fields, the
// current story and copy links.
TEST_F(ArticleStoreTest, FirstVersionIsTheOldestWithTheCurrentLinks) {
  Put(Make("a1", "Ferry service resumes", "The ferry resumed."));
  ASSERT_TRUE(store_->SetStory("a1", "s-3").ok());
  Put(Make("a1", "Ferry strike ends", "The ferry resumed after a two-week strike."));
  Put(Make("a1", "Ferry strike ends", "The ferry resumed after a strike of two weeks."));
  Result<std::optional<StoredArticle>> first = store_->FirstVersion("a1");
  ASSERT_TRUE(first.ok() && *first);
  EXPECT_EQ((*first)->article.id, "a1");
  EXPECT_EQ((*first)->article.title, "Ferry service resumes");
  EXPECT_EQ((*first)->article.text, "The ferry resumed.");
  EXPECT_EQ((*first)->version, 1);
  EXPECT_EQ((*first)->story_id, "s-3");
  Put(Make("b2", "Bridge", "The bridge opened."));
  EXPECT_EQ(store_->FirstVersion("b2").value()->article.text, "The bridge opened.");  // never replaced
  EXPECT_FALSE(store_->FirstVersion("none").value().has_value());
}

TEST_F(ArticleStoreTest, SameUrlWithNewContentUpdatesTheStoredArticle) {
  Put(Make("a1", "Ferry", "First text.", "https://gazette.example/ferry"));
  ArticleStore::PutResult r = Put(Make("recrawl-2", "Ferry", "Corrected text.", "https://gazette.example/ferry"));
  EXPECT_EQ(r.outcome, Outcome::kUpdated);
  EXPECT_EQ(r.id, "a1");
  EXPECT_EQ(r.version, 2);
  EXPECT_EQ(store_->Get("a1").value()->article.text, "Corrected text.");
  EXPECT_EQ(store_->CountArticles().value(), 1);
}

TEST_F(ArticleStoreTest, RejectsArticlesWithoutIdOrText) {
  EXPECT_EQ(store_->Put(Make("", "t", "x")).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->Put(Make("a", "t", "")).status().code(), Status::Code::kInvalidArgument);
}

TEST_F(ArticleStoreTest, SearchesTitleAndTextAndFollowsUpdates) {
  Put(Make("a1", "Ferry service resumes", "Boats sail again to Port Ellis."));
  Put(Make("a2", "Council budget", "The council approved the café budget."));
  Result<std::vector<SearchHit>> hits = store_->Search("ferry", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].id, "a1");
  hits = store_->Search("cafe", 10);  // diacritics folded
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].id, "a2");
  EXPECT_NE((*hits)[0].snippet.find("[café]"), std::string::npos) << (*hits)[0].snippet;
  Put(Make("a1", "Ferry service suspended", "Storms stop the boats."));
  EXPECT_EQ(store_->Search("sail", 10)->size(), 0u);
  EXPECT_EQ(store_->Search("storms", 10)->size(), 1u);
  EXPECT_EQ(store_->Search("\"unbalanced", 10).status().code(), Status::Code::kInvalidArgument);
}

TEST_F(ArticleStoreTest, StoriesAndLinks) {
  Put(Make("a1", "Ferry", "One."));
  Put(Make("a2", "Ferry too", "Two."));
  ASSERT_TRUE(store_->SetStory("a1", "s-1").ok());
  ASSERT_TRUE(store_->SetStory("a2", "s-1").ok());
  ASSERT_TRUE(store_->SetCopyOf("a2", "a1").ok());
  EXPECT_EQ(store_->SetStory("nope", "s-1").code(), Status::Code::kNotFound);
  ASSERT_TRUE(store_->PutStory({"s-1", "Ferry back", "2031-03-14T11:00:00Z", "{\"id\":\"s-1\"}"}).ok());
  ASSERT_TRUE(store_->PutStory({"s-1", "Ferry back again", "2031-03-14T12:00:00Z", ""}).ok());
  Result<std::optional<StoredStory>> s = store_->GetStory("s-1");
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->headline, "Ferry back again");
  EXPECT_EQ((*s)->brief_json, "");
  EXPECT_EQ(store_->StoryArticles("s-1").value(), (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(store_->Get("a2").value()->copy_of, "a1");
}

TEST_F(ArticleStoreTest, StoryKeepsItsListCounts) {
  StoredStory story{"s-2", "Ferry", "2031-03-14T11:00:00Z", "{}", 4, 3, 2, "2031-03-13"};
  ASSERT_TRUE(store_->PutStory(story).ok());
  Result<std::optional<StoredStory>> s = store_->GetStory("s-2");
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->articles, 4);
  EXPECT_EQ((*s)->outlets, 3);
  EXPECT_EQ((*s)->independent_sources, 2);
  EXPECT_EQ((*s)->published, "2031-03-13");
}

// A version 1 file (no list columns) is migrated: the counts come from the
// stored brief and the story's articles.
TEST_F(ArticleStoreTest, MigratesVersion1Stories) {
  Article a = Make("a1", "Ferry", "One.");
  a.published.iso = "2031-03-12";
  Put(a);
  ASSERT_TRUE(store_->SetStory("a1", "s-1").ok());
  ASSERT_TRUE(
      store_->PutStory({"s-1", "Ferry", "2031-03-14T11:00:00Z", "{\"outlets\": 5, \"independent_sources\": 4}"}).ok());
  ASSERT_TRUE(store_->db()
                  .Exec("DROP INDEX stories_updated; ALTER TABLE stories DROP COLUMN articles; "
                        "ALTER TABLE stories DROP COLUMN outlets; "
                        "ALTER TABLE stories DROP COLUMN independent_sources; "
                        "ALTER TABLE stories DROP COLUMN published; "
                        "DROP TABLE article_views; ALTER TABLE articles DROP COLUMN corrections; "
                        "ALTER TABLE article_versions DROP COLUMN corrections; "
                        "DROP TABLE stream_events; DROP TABLE story_moves; ALTER TABLE stories DROP COLUMN version; "
                        "DROP TABLE feed_items; DROP TABLE feeds; "
                        "UPDATE schema_version SET version = 1")
                  .ok());
  store_.reset();
  Result<std::unique_ptr<ArticleStore>> again = ArticleStore::Open(path_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  Result<std::optional<StoredStory>> s = (*again)->GetStory("s-1");
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->articles, 1);
  EXPECT_EQ((*s)->version, 1);  // schema 6: every story starts at version 1
  EXPECT_EQ((*s)->outlets, 5);
  EXPECT_EQ((*s)->independent_sources, 4);
  EXPECT_EQ((*s)->published, "2031-03-12");
}

// A correction the article printed, cut from its text by cleaning: its
// span of the input and its text.
Article WithCorrection(Article a, const std::string& correction) {
  a.input += "\n<p>" + correction + "</p>";
  auto begin = static_cast<uint32_t>(a.input.size() - correction.size() - 4);
  a.corrections.push_back({Span{begin, static_cast<uint32_t>(begin + correction.size())}, correction});
  return a;
}

TEST_F(ArticleStoreTest, CorrectionsRoundTrip) {
  Article a = WithCorrection(Make("a1", "Ferry service resumes", "The ferry resumed on Monday."),
                             "Correction: An earlier version gave the wrong day.");
  a = WithCorrection(a, "Clarification (March 15): The ferry is run by the city, not \"Northwire\".");
  Put(a);
  Result<std::optional<StoredArticle>> got = store_->Get("a1");
  ASSERT_TRUE(got.ok() && got->has_value());
  const std::vector<ArticleCorrection>& c = (*got)->article.corrections;
  ASSERT_EQ(c.size(), 2u);
  for (size_t i = 0; i < c.size(); ++i) {
    EXPECT_EQ(c[i].input, a.corrections[i].input);
    EXPECT_EQ(c[i].text, a.corrections[i].text);
    EXPECT_EQ(c[i].input.In((*got)->article.input), c[i].text);
  }
  // An article without corrections reads back none.
  Put(Make("a2", "Council budget", "The council approved the budget."));
  EXPECT_TRUE(store_->Get("a2").value()->article.corrections.empty());
}

// An outlet that adds a correction to an unchanged story has published a
// new version of it.
TEST_F(ArticleStoreTest, AnAddedCorrectionIsANewVersion) {
  Article a = Make("a1", "Ferry service resumes", "The ferry resumed on Monday.");
  Put(a);
  Article corrected = WithCorrection(a, "Correction: An earlier version gave the wrong day.");
  ArticleStore::PutResult r = Put(corrected, "2031-03-15T09:00:00Z");
  EXPECT_EQ(r.outcome, Outcome::kUpdated);
  EXPECT_EQ(r.version, 2);
  EXPECT_EQ(store_->Get("a1").value()->article.corrections.size(), 1u);
  EXPECT_EQ(store_->History("a1").value().size(), 1u);
  EXPECT_EQ(Put(corrected).outcome, Outcome::kUnchanged);
  // Where the correction sits in the input is not content; its words are.
  Article moved = corrected;
  moved.corrections[0].input.begin -= 1;
  EXPECT_EQ(ArticleStore::ContentHash(moved), ArticleStore::ContentHash(corrected));
  moved.corrections[0].text += " It was Tuesday.";
  EXPECT_NE(ArticleStore::ContentHash(moved), ArticleStore::ContentHash(corrected));
}

// A version 3 file (no corrections) is migrated: its articles have none
// until read again, and new ones keep theirs.
TEST_F(ArticleStoreTest, MigratesVersion3Articles) {
  Put(Make("a1", "Ferry", "One."));
  Put(Make("a1", "Ferry", "One, again."));  // a row in article_versions too
  ASSERT_TRUE(store_->db()
                  .Exec("ALTER TABLE articles DROP COLUMN corrections; "
                        "ALTER TABLE article_versions DROP COLUMN corrections; "
                        "DROP TABLE stream_events; DROP TABLE story_moves; ALTER TABLE stories DROP COLUMN version; "
                        "DROP TABLE feed_items; DROP TABLE feeds; "
                        "UPDATE schema_version SET version = 3")
                  .ok());
  store_.reset();
  Result<std::unique_ptr<ArticleStore>> again = ArticleStore::Open(path_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  Result<std::optional<StoredArticle>> a1 = (*again)->Get("a1");
  ASSERT_TRUE(a1.ok() && a1->has_value());
  EXPECT_TRUE((*a1)->article.corrections.empty());
  EXPECT_EQ((*a1)->version, 2);
  Article b = WithCorrection(Make("b1", "Budget", "The council approved it."), "Correction: It was 4-3.");
  ASSERT_TRUE((*again)->Put(b).ok());
  EXPECT_EQ((*again)->Get("b1").value()->article.corrections.size(), 1u);
}

// Spans that do not lie in the input (a hand-edited file) are not read.
TEST_F(ArticleStoreTest, CorrectionsOutsideTheInputAreSkipped) {
  Put(WithCorrection(Make("a1", "Ferry", "One."), "Correction: Two."));
  ASSERT_TRUE(store_->db()
                  .Exec("UPDATE articles SET corrections = "
                        "'[{\"begin\": 5, \"end\": 99999, \"text\": \"x\"}, {\"begin\": 1}, 7, "
                        "{\"begin\": 0, \"end\": 3, \"text\": \"<p>\"}]'")
                  .ok());
  std::vector<ArticleCorrection> c = store_->Get("a1").value()->article.corrections;
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].text, "<p>");
}

TEST_F(ArticleStoreTest, ArticleViewsAreReplaced) {
  EXPECT_FALSE(store_->GetArticleView("a1").value().has_value());
  ASSERT_TRUE(store_->PutArticleView("a1", "{\"v\":1}").ok());
  ASSERT_TRUE(store_->PutArticleView("a1", "{\"v\":2}").ok());
  EXPECT_EQ(store_->GetArticleView("a1").value().value(), "{\"v\":2}");
}

TEST_F(ArticleStoreTest, ReopeningKeepsDataAndSchema) {
  Put(Make("a1", "Ferry", "One."));
  store_.reset();
  Result<std::unique_ptr<ArticleStore>> again = ArticleStore::Open(path_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ((*again)->CountArticles().value(), 1);
  Result<SqlStatement> v = (*again)->db().Prepare("SELECT version FROM schema_version");
  ASSERT_TRUE(v->Step().value());
  EXPECT_EQ(v->Int(0), ArticleStore::kSchemaVersion);
}

TEST_F(ArticleStoreTest, RefusesANewerSchema) {
  ASSERT_TRUE(store_->db().Exec("UPDATE schema_version SET version = 99").ok());
  store_.reset();
  Result<std::unique_ptr<ArticleStore>> again = ArticleStore::Open(path_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(again.status().message().find("99"), std::string::npos);
}

TEST_F(ArticleStoreTest, ContentHashSeparatesTitleFromText) {
  EXPECT_NE(ArticleStore::ContentHash(Make("x", "ab", "c")), ArticleStore::ContentHash(Make("x", "a", "bc")));
  EXPECT_EQ(ArticleStore::ContentHash(Make("x", "a", "b")), ArticleStore::ContentHash(Make("y", "a", "b")));
  // Stored hashes stay valid across schema versions: an article without
  // corrections hashes as in schema 1.
  EXPECT_EQ(ArticleStore::ContentHash(Make("x", "Ferry", "One.")), kFerryOneHash);
}

}  // namespace
}  // namespace storyfuse
