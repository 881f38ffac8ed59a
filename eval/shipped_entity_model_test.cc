// Checks the shipped entity model (models/entities.v1.bin) still scores
// what models/README.md records on CoNLL-2003 dev, read from
// STORYFUSE_SHARED_DIR at run time (skipped when it is absent).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "analyze/entity_linker.h"
#include "analyze/entity_recognizer.h"
#include "eval/entity_corpus.h"
#include "eval/entity_scorer.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

// models/README.md: the recognizer scores F1 0.9204 on dev, the linker's
// mentions 0.9135. Retraining with other seeds moves dev F1 by up to 0.003
// (docs/analyzers.md), so a drop below these is a real loss.
constexpr double kRecognizerDevF1 = 0.915;
constexpr double kLinkerDevF1 = 0.908;

std::string DevPath() { return std::string(STORYFUSE_SHARED_DIR) + "/data/entities/conll2003-dev.jsonl"; }

NameKind KindOf(EntityType t) {
  return t == EntityType::kPerson         ? NameKind::kPerson
         : t == EntityType::kOrganization ? NameKind::kOrganization
                                          : NameKind::kPlace;
}

TEST(ShippedEntityModelTest, ScoresTheRecordedDevF1) {
  if (!std::filesystem::exists(DevPath())) GTEST_SKIP() << "no " << DevPath();
  Result<std::vector<EntityDocument>> docs = ReadEntityCorpus(DevPath());
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  Result<const EntityRecognizer*> recognizer = EntityRecognizer::Shipped();
  ASSERT_TRUE(recognizer.ok()) << recognizer.status().ToString();
  EntityScorer by_recognizer, by_linker;
  for (const EntityDocument& doc : *docs) {
    CodePointIndex cps(doc.text);
    std::vector<NameSpan> found;
    for (const NameMention& m : (*recognizer)->Recognize(doc.text)) {
      found.push_back({cps.ToCodePoint(m.span.begin), cps.ToCodePoint(m.span.end), m.kind});
    }
    by_recognizer.Add(doc.gold, found);
    EntityLinker linker;
    linker.AddArticle(doc.id, doc.text);
    std::vector<NameSpan> linked;
    for (const Entity& e : linker.Entities()) {
      for (const EntityMention& m : e.mentions) {
        if (!m.by_title) linked.push_back({cps.ToCodePoint(m.span.begin), cps.ToCodePoint(m.span.end), KindOf(e.type)});
      }
    }
    std::sort(linked.begin(), linked.end(), [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });
    by_linker.Add(doc.gold, linked);
  }
  EXPECT_EQ(docs->size(), 214u);
  EXPECT_GE(by_recognizer.scores().F1(), kRecognizerDevF1);
  EXPECT_GE(by_linker.scores().F1(), kLinkerDevF1);
  // The bar.
  EXPECT_GE(by_recognizer.scores().F1(), 0.88);
}

}  // namespace
}  // namespace storyfuse
