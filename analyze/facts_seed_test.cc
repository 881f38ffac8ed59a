// Runs the number and date analyzers on the shared seed articles (read at
// run time; skipped when absent) and checks the bars of the issue.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/date_resolver.h"
#include "analyze/entity_linker.h"
#include "analyze/number_aligner.h"
#include "analyze/number_extractor.h"
#include "ingest/article_extractor.h"
#include "ingest/input_reader.h"

namespace storyfuse {
namespace {

struct SeedFile {
  std::string name;
  std::string text;
};

std::vector<SeedFile> ReadSeeds() {
  std::vector<SeedFile> out;
  std::filesystem::path dir = std::filesystem::path(STORYFUSE_SHARED_DIR) / "seeds";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream f(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    out.push_back({e.path().filename().string(), ss.str()});
  }
  std::sort(out.begin(), out.end(), [](const SeedFile& a, const SeedFile& b) { return a.name < b.name; });
  return out;
}

// Whether `text` carries its own date line (the cleaner will turn it into
// Article::published; until then it is recognised here).
bool HasOwnDate(const std::string& text) { return text.find(" date 20") < 16; }

TEST(FactsSeedTest, MeetingDayResolvesInUndatedArticles) {
  std::vector<SeedFile> seeds = ReadSeeds();
  if (seeds.empty()) GTEST_SKIP() << "no seeds under " << STORYFUSE_SHARED_DIR << "/seeds";
  int undated = 0;
  for (const SeedFile& s : seeds) {
    if (HasOwnDate(s.text)) continue;
    ++undated;
    bool found = false;
    for (const DateMention& d : DateResolver::Extract(s.text, "2025-07-11")) {
      if (d.span.In(s.text) == "Thursday" && d.iso == "2025-07-10") found = true;
    }
    EXPECT_TRUE(found) << s.name;
  }
  EXPECT_GT(undated, 0);
}

// Through the real ingest path: articles with a date of their own resolve
// against it, the others against the story's date (the latest article
// date), and "Thursday" is the meeting day everywhere.
TEST(FactsSeedTest, CleanedSeedsResolveTheMeetingDayWithTheStoryAnchor) {
  std::string dir = std::string(STORYFUSE_SHARED_DIR) + "/seeds";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) GTEST_SKIP() << "no seeds under " << dir;
  std::vector<Article> articles;
  ArticleExtractor extractor;
  InputReader reader(
      [&](RawDoc&& doc) {
        Result<Article> a = extractor.Extract(doc);
        if (a.ok()) articles.push_back(std::move(a.value()));
      },
      [](const Status&) {});
  ASSERT_TRUE(reader.Read(dir).ok());
  ASSERT_FALSE(articles.empty());
  std::string story_anchor;
  for (const Article& a : articles) {
    std::string day = a.published.iso.substr(0, 10);
    if (day > story_anchor) story_anchor = day;
  }
  if (story_anchor.empty()) GTEST_SKIP() << "the cleaner reads no article date yet";
  int undated = 0;
  for (const Article& a : articles) {
    std::string_view anchor = DateResolver::AnchorFor(a, story_anchor);
    bool found = false;
    for (const DateMention& d : DateResolver::Extract(a.text, anchor)) {
      if (d.span.In(a.text) == "Thursday" && d.iso == "2025-07-10") found = true;
    }
    undated += a.published.empty();
    EXPECT_TRUE(found) << a.id << " anchor " << anchor;
  }
  EXPECT_GT(undated, 0);
}

TEST(FactsSeedTest, DroneAndMissileCountsKeepTheirNouns) {
  std::vector<SeedFile> seeds = ReadSeeds();
  if (seeds.empty()) GTEST_SKIP() << "no seeds under " << STORYFUSE_SHARED_DIR << "/seeds";
  struct Want {
    double value;
    Hedge hedge;
    const char* noun;
    bool seen = false;
  };
  Want want[] = {{18, Hedge::kExact, "missiles"},
                 {400, Hedge::kAbout, "drones"},
                 {728, Hedge::kRecord, "drones"},
                 {700, Hedge::kMoreThan, "drones"}};
  for (const SeedFile& s : seeds) {
    for (const Quantity& q : NumberExtractor::Extract(s.text)) {
      for (Want& w : want) {
        if (q.value == w.value && q.hedge == w.hedge && q.noun == w.noun) w.seen = true;
      }
    }
  }
  for (const Want& w : want) EXPECT_TRUE(w.seen) << w.value << " " << w.noun;
}

TEST(FactsSeedTest, RecordAndHedgedDroneCountsAgree) {
  std::vector<SeedFile> seeds = ReadSeeds();
  if (seeds.empty()) GTEST_SKIP() << "no seeds under " << STORYFUSE_SHARED_DIR << "/seeds";
  struct Found {
    const SeedFile* seed;
    Quantity q;
  };
  std::vector<Found> all;
  for (const SeedFile& s : seeds) {
    for (Quantity& q : NumberExtractor::Extract(s.text)) all.push_back({&s, std::move(q)});
  }
  NumberAligner aligner;
  const Found* record = nullptr;
  const Found* more = nullptr;
  for (const Found& f : all) {
    if (f.q.value == 728 && f.q.hedge == Hedge::kRecord) record = &f;
    if (f.q.value == 700 && f.q.hedge == Hedge::kMoreThan) more = &f;
  }
  ASSERT_NE(record, nullptr);
  ASSERT_NE(more, nullptr);
  EXPECT_TRUE(aligner.SameThing(record->q, record->seed->text, more->q, more->seed->text));
  EXPECT_FALSE(aligner.Conflict(record->q, record->seed->text, more->q, more->seed->text));
  int conflicts = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    for (size_t j = i + 1; j < all.size(); ++j) {
      if (aligner.Conflict(all[i].q, all[i].seed->text, all[j].q, all[j].seed->text)) {
        ++conflicts;
        ADD_FAILURE() << all[i].q.span.In(all[i].seed->text) << " vs " << all[j].q.span.In(all[j].seed->text);
      }
    }
  }
  EXPECT_EQ(conflicts, 0);
}

TEST(FactsSeedTest, LinksSpellingVariantsAndAcronyms) {
  std::vector<SeedFile> seeds = ReadSeeds();
  if (seeds.empty()) GTEST_SKIP() << "no seeds under " << STORYFUSE_SHARED_DIR << "/seeds";
  EntityLinker linker;
  for (const SeedFile& s : seeds) linker.AddArticle(s.name, s.text);
  std::vector<Entity> entities = linker.Entities();
  auto holding = [&](std::string_view form) -> const Entity* {
    for (const Entity& e : entities) {
      if (e.name == form || std::find(e.aliases.begin(), e.aliases.end(), form) != e.aliases.end()) return &e;
    }
    return nullptr;
  };
  const Entity* sergey = holding("Sergey Lavrov");
  ASSERT_NE(sergey, nullptr);
  EXPECT_EQ(sergey, holding("Sergei Lavrov"));
  EXPECT_EQ(sergey, holding("Lavrov"));
  EXPECT_EQ(sergey->type, EntityType::kPerson);
  EXPECT_EQ(sergey->name, "Sergey Lavrov");
  EXPECT_EQ(sergey->articles.size(), seeds.size());
  const Entity* asean = holding("ASEAN");
  ASSERT_NE(asean, nullptr);
  EXPECT_EQ(asean, holding("Association of Southeast Asian Nations"));
  EXPECT_EQ(asean->type, EntityType::kOrganization);
  const Entity* rubio = holding("Marco Rubio");
  ASSERT_NE(rubio, nullptr);
  EXPECT_EQ(rubio, holding("Rubio"));
  int by_title = 0;
  for (const EntityMention& m : rubio->mentions) by_title += m.by_title;
  EXPECT_GE(by_title, 2);  // "the secretary of state"
}

}  // namespace
}  // namespace storyfuse
