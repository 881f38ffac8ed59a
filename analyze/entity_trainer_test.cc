#include "analyze/entity_trainer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/entity_recognizer.h"

namespace storyfuse {
namespace {

constexpr NameKind kPer = NameKind::kPerson;
constexpr NameKind kOrg = NameKind::kOrganization;
constexpr NameKind kLoc = NameKind::kPlace;

// "{P} said in {L} that {O} would ..." with invented names; the spans of
// each name are found by their text.
AnnotatedText Annotate(const std::string& text, const std::vector<std::pair<std::string, NameKind>>& names) {
  AnnotatedText a;
  a.text = text;
  for (const auto& [name, kind] : names) {
    size_t at = text.find(name);
    if (at == std::string::npos) continue;
    a.names.push_back({Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())}, kind});
  }
  return a;
}

std::vector<AnnotatedText> Corpus() {
  const char* people[] = {"Ilse Varga", "Tobias Renn", "Anna Kovac", "Marc Dubois", "Olga Brandt"};
  const char* places[] = {"Velmora", "Port Venn", "Tarsk", "Corvallis"};
  const char* orgs[] = {"Nordholt Bank", "Harbour Council", "Lantern News"};
  std::vector<AnnotatedText> docs;
  for (int i = 0; i < 40; ++i) {
    std::string p = people[i % 5], l = places[i % 4], o = orgs[i % 3];
    std::string text = "Mayor " + p + " said in " + l + " that " + o + " would pay .\n" + o +
                       " declined to comment , " + p + " told reporters in " + l + " .";
    docs.push_back(Annotate(text, {{p, kPer}, {l, kLoc}, {o, kOrg}}));
    // Second mentions.
    size_t second = text.rfind(p);
    docs.back().names.push_back({Span{static_cast<uint32_t>(second), static_cast<uint32_t>(second + p.size())}, kPer});
    second = text.find(o, text.find(o) + 1);
    docs.back().names.push_back({Span{static_cast<uint32_t>(second), static_cast<uint32_t>(second + o.size())}, kOrg});
    second = text.rfind(l);
    docs.back().names.push_back({Span{static_cast<uint32_t>(second), static_cast<uint32_t>(second + l.size())}, kLoc});
  }
  return docs;
}

TEST(EntityTrainerTest, LearnsTheCorpusAndIsDeterministic) {
  std::vector<AnnotatedText> docs = Corpus();
  EntityTrainer trainer(docs, EntityTrainerOptions());
  EXPECT_EQ(trainer.names(), 40u * 6);
  EXPECT_EQ(trainer.unreachable(), 0u);
  Result<std::string> a = EntityModel::Serialize(trainer.Train(3));
  Result<std::string> b = EntityModel::Serialize(EntityTrainer(docs, EntityTrainerOptions()).Train(3));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  Result<std::unique_ptr<EntityRecognizer>> r = EntityRecognizer::FromBytes(*a);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::string text = "Mayor Anna Kovac said in Tarsk that Lantern News would pay .";
  std::vector<NameMention> found = (*r)->Recognize(text);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].span.In(text), "Anna Kovac");
  EXPECT_EQ(found[0].kind, kPer);
  EXPECT_EQ(found[1].span.In(text), "Tarsk");
  EXPECT_EQ(found[1].kind, kLoc);
  EXPECT_EQ(found[2].span.In(text), "Lantern News");
  EXPECT_EQ(found[2].kind, kOrg);
}

TEST(EntityTrainerTest, CrossValidationScoresEveryEpoch) {
  std::vector<AnnotatedText> docs = Corpus();
  std::vector<NameCounts> cv = EntityTrainer(docs, EntityTrainerOptions()).CrossValidate(4, 2);
  ASSERT_EQ(cv.size(), 2u);
  EXPECT_EQ(cv[0].gold[0] + cv[0].gold[1] + cv[0].gold[2], 40u * 6);
  EXPECT_GT(cv[1].F1(), 0.9);  // every held-out name was seen in training
}

TEST(EntityTrainerTest, UnreachableNamesAreCounted) {
  // A name whose edge falls inside a token, and one in lower case.
  std::vector<AnnotatedText> docs = {Annotate("the Velmorans met dpa staff", {{"Velmora", kLoc}, {"dpa", kOrg}})};
  EntityTrainer trainer(docs, EntityTrainerOptions());
  EXPECT_EQ(trainer.names(), 2u);
  EXPECT_EQ(trainer.unreachable(), 2u);
}

TEST(EntityTrainerTest, FoldsPartitionTheDocuments) {
  std::vector<int> folds = EntityTrainer::Folds(11, 5, 7);
  ASSERT_EQ(folds.size(), 11u);
  std::vector<int> sizes(5, 0);
  for (int f : folds) ++sizes[f];
  for (int s : sizes) EXPECT_TRUE(s == 2 || s == 3);
  EXPECT_EQ(folds, EntityTrainer::Folds(11, 5, 7));
}

struct CountCase {
  const char* name;
  std::vector<NameAnnotation> predicted;
  size_t predicted_scored, correct;
};

TEST(NameCountsTest, FollowsTheReadmeMetric) {
  // "Ann Lee of Velmora saw the Venn Cup": PER 0-7, LOC 11-18, MISC 27-35.
  std::vector<NameAnnotation> gold = {{{0, 7}, kPer}, {{11, 18}, kLoc}, {{27, 35}, NameKind::kMisc}};
  const CountCase cases[] = {
      {"exact", {{{0, 7}, kPer}}, 1, 1},
      {"wrong kind", {{{11, 18}, kOrg}}, 1, 0},
      {"only MISC overlapped: ignored", {{{31, 35}, kLoc}}, 0, 0},
      {"MISC predicted: ignored", {{{0, 7}, NameKind::kMisc}}, 0, 0},
      {"twice", {{{0, 7}, kPer}, {{0, 7}, kPer}}, 2, 1},
  };
  for (const CountCase& c : cases) {
    NameCounts n;
    n.Score(gold, c.predicted);
    EXPECT_EQ(n.predicted[0] + n.predicted[1] + n.predicted[2], c.predicted_scored) << c.name;
    EXPECT_EQ(n.correct[0] + n.correct[1] + n.correct[2], c.correct) << c.name;
    EXPECT_EQ(n.gold[0] + n.gold[1] + n.gold[2], 2u) << c.name;
  }
}

TEST(TitleCaseHeadlinesTest, RewritesOnlyCapitalLines) {
  const std::pair<const char*, const char*> cases[] = {
      {"RUBIO MEETS LAVROV IN KUALA LUMPUR\nThe talks in KUALA LUMPUR went on.",
       "Rubio Meets Lavrov in Kuala Lumpur\nThe talks in KUALA LUMPUR went on."},
      {"OF MICE AND MEN", "Of Mice and Men"},
      {"VELMORA 1996-08-30", "Velmora 1996-08-30"},
      {"Nothing to change here.", "Nothing to change here."},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(TitleCaseHeadlines(in), out) << in;
}

}  // namespace
}  // namespace storyfuse
