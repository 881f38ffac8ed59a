#include "analyze/entity_linker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace storyfuse {
namespace {

const Entity* Find(const std::vector<Entity>& es, std::string_view name) {
  for (const Entity& e : es) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

// The entity with `form` as its name or one of its aliases.
const Entity* Holding(const std::vector<Entity>& es, std::string_view form) {
  for (const Entity& e : es) {
    if (e.name == form || std::find(e.aliases.begin(), e.aliases.end(), form) != e.aliases.end()) return &e;
  }
  return nullptr;
}

bool HasAlias(const Entity& e, std::string_view alias) {
  return std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end();
}

std::vector<Entity> Link(const std::vector<std::string>& articles) {
  EntityLinker linker;
  for (size_t i = 0; i < articles.size(); ++i) linker.AddArticle("a" + std::to_string(i), articles[i]);
  return linker.Entities();
}

struct TypeCase {
  const char* text;
  const char* name;
  const char* type;
};

void PrintTo(const TypeCase& c, std::ostream* os) { *os << c.text; }

// Invented news sentences; names and types come from the shipped model.
const TypeCase kTypeCases[] = {
    {"Trade Minister Olga Brandt signed the pact.", "Olga Brandt", "person"},
    {"The plan was praised by Mr. Tobias Renn on the radio.", "Tobias Renn", "person"},
    {"Prime Minister Anna Kovac said the talks would resume.", "Anna Kovac", "person"},
    {"The Ministry of Coastal Affairs issued a notice.", "Ministry of Coastal Affairs", "organization"},
    {"The Green Harbour Party won the vote.", "Green Harbour Party", "organization"},
    {"General Motors Corp said on Friday it would close a plant in Ohio.", "General Motors Corp", "organization"},
    {"Shares in Nordholt Shipping fell 5 percent after the company cut its forecast.", "Nordholt Shipping",
     "organization"},
    {"The envoy flew to Portugal on a military jet.", "Portugal", "place"},
    {"The summit opened in St. Petersburg on Monday.", "St. Petersburg", "place"},
    {"Chancellor Olaf Brandt flew to Berlin on Friday.", "Berlin", "place"},
};

class EntityTypeTest : public ::testing::TestWithParam<TypeCase> {};

TEST_P(EntityTypeTest, TypesFromTheRecognizer) {
  const TypeCase& c = GetParam();
  std::vector<Entity> es = Link({c.text});
  const Entity* e = Find(es, c.name);
  ASSERT_NE(e, nullptr) << c.text;
  EXPECT_EQ(EntityTypeName(e->type), c.type) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Table, EntityTypeTest, ::testing::ValuesIn(kTypeCases));

TEST(EntityLinkerTest, MergesTransliterationsAndSurnamesAcrossArticles) {
  std::vector<Entity> es = Link({
      "Interior Minister Dmitry Volkonsky met reporters. Volkonsky said little.",
      "Interior Minister Dmitri Volkonsky arrived late, Volkonsky's aides said.",
      "Dmitry Volkonsky left on Friday.",
  });
  const Entity* e = Find(es, "Dmitry Volkonsky");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_TRUE(HasAlias(*e, "Dmitri Volkonsky"));
  EXPECT_TRUE(HasAlias(*e, "Volkonsky"));
  EXPECT_EQ(e->articles.size(), 3u);
  EXPECT_EQ(e->mentions.size(), 5u);
}

TEST(EntityLinkerTest, MergesSingleWordSpellingVariants) {
  std::vector<Entity> es = Link({
      "President Anatoly Petrenkov spoke. Petrenkov said the line held.",
      "Petrenkovv told the assembly to wait, Petrenkovv said.",
  });
  const Entity* e = Find(es, "Anatoly Petrenkov");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(HasAlias(*e, "Petrenkovv"));
}

TEST(EntityLinkerTest, AcronymJoinsItsExpansion) {
  std::vector<Entity> es = Link({
      "Envoys met at the Council of Northern Harbour States (CNHS) in Velmora.",
      "The CNHS said the talks would go on.",
      "A summit of the Council of Northern Harbour States, or CNHS, ended.",
  });
  const Entity* e = Find(es, "Council of Northern Harbour States");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kOrganization);
  EXPECT_TRUE(HasAlias(*e, "CNHS"));
  EXPECT_EQ(Find(es, "CNHS"), nullptr);
}

TEST(EntityLinkerTest, TitleAloneNamesItsHolder) {
  std::string second = "The treasury secretary declined to comment. Later the treasury secretary left.";
  std::vector<Entity> es = Link({
      "Treasury Secretary Nadia Kerr said rates would hold.",
      second,
  });
  const Entity* e = Find(es, "Nadia Kerr");
  ASSERT_NE(e, nullptr);
  int by_title = 0;
  for (const EntityMention& m : e->mentions) {
    if (!m.by_title) continue;
    ++by_title;
    EXPECT_EQ(m.article, "a1");
  }
  EXPECT_EQ(by_title, 2);
  es = Link({"Secretary of State Nadia Kerr arrived.", "The secretary of state told reporters."});
  e = Find(es, "Nadia Kerr");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->mentions.size(), 2u);
  EXPECT_TRUE(e->mentions[1].by_title);
  EXPECT_EQ(e->mentions[1].span.size(), std::string("The secretary of state").size());
}

TEST(EntityLinkerTest, QualifiedTitlePicksTheRightHolder) {
  std::vector<Entity> es = Link({
      "Freedonian President Rolf Amsel met President Carla Duval.",
      "The Freedonian president left early, and the president stayed.",
  });
  const Entity* amsel = Find(es, "Rolf Amsel");
  const Entity* duval = Find(es, "Carla Duval");
  ASSERT_NE(amsel, nullptr);
  ASSERT_NE(duval, nullptr);
  EXPECT_EQ(amsel->mentions.size(), 1u);  // "Freedonian" is no country ICU knows
  EXPECT_EQ(duval->mentions.size(), 2u);
  es = Link({"German President Rolf Amsel met President Carla Duval.",
             "The German president left early, and the president stayed."});
  EXPECT_EQ(Find(es, "Rolf Amsel")->mentions.size(), 2u);
  EXPECT_EQ(Find(es, "Carla Duval")->mentions.size(), 2u);
}

TEST(EntityLinkerTest, CountryFormsAreOnePlace) {
  std::vector<Entity> es =
      Link({"The U.S. sent aid.", "The United States sent more aid to Chile.", "US officials said it was enough."});
  const Entity* e = Find(es, "United States");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPlace);
  EXPECT_EQ(e->mentions.size(), 3u);
}

TEST(EntityLinkerTest, IgnoresSentenceOpenersMonthsAndDemonyms) {
  std::vector<Entity> es =
      Link({"Speaking on Monday, the mayor of Velmora said speaking was hard. "
            "Russian troops moved in March. However, talks in Velmora went on."});
  for (const Entity& e : es) {
    EXPECT_NE(e.name, "Speaking");
    EXPECT_NE(e.name, "Monday");
    EXPECT_NE(e.name, "March");
    EXPECT_NE(e.name, "Russian");
    EXPECT_NE(e.name, "However");
  }
  EXPECT_NE(Find(es, "Velmora"), nullptr);
}

TEST(EntityLinkerTest, InitialismsJoinOnlyWhereDefined) {
  // Defined: one entity.
  std::vector<Entity> es =
      Link({"The Securities and Exchange Commission (SEC) fined the brokerage.", "The SEC declined to comment."});
  const Entity* e = Holding(es, "Securities and Exchange Commission");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e, Holding(es, "SEC"));
  EXPECT_EQ(e->type, EntityType::kOrganization);
  EXPECT_EQ(e->mentions.size(), 3u);
  // Not defined: matching letters are not enough.
  es = Link({"The Securities and Exchange Commission fined the brokerage.", "The SEC declined to comment."});
  e = Holding(es, "Securities and Exchange Commission");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e, Holding(es, "SEC"));
  // A country in brackets after a name is no initialism of it.
  es = Link({"Todd Marsh (U.S.) beat Ivo Brandt (Germany) 6-3 6-4."});
  e = Find(es, "Todd Marsh");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->aliases.empty());
}

TEST(EntityLinkerTest, TitlesStayApartFromNames) {
  std::vector<Entity> es = Link({"Secretary of Energy Dana Holt visited the plant.",
                                 "The Energy Department said on Monday that the Department of Energy would act."});
  const Entity* holt = Find(es, "Dana Holt");
  ASSERT_NE(holt, nullptr);
  EXPECT_EQ(holt->type, EntityType::kPerson);
  EXPECT_EQ(holt->titles, std::vector<std::string>{"secretary of energy"});
  for (const Entity& e : es) {
    for (const std::string& a : e.aliases) EXPECT_EQ(a.find("Secretary"), std::string::npos) << e.name;
  }
  // One department under two word orders.
  const Entity* dept = Find(es, "Energy Department");
  if (dept == nullptr) dept = Find(es, "Department of Energy");
  ASSERT_NE(dept, nullptr);
  EXPECT_EQ(dept->type, EntityType::kOrganization);
  EXPECT_EQ(dept->mentions.size(), 2u);
}

TEST(EntityLinkerTest, StormsAreNotPeopleOrPlaces) {
  std::vector<Entity> es = Link({"Hurricane Delia made landfall near Corvallis on Sunday.",
                                 "Delia weakened as it moved inland, officials in Corvallis said."});
  EXPECT_EQ(Find(es, "Hurricane Delia"), nullptr);
  EXPECT_EQ(Find(es, "Delia"), nullptr);
  const Entity* town = Find(es, "Corvallis");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->type, EntityType::kPlace);
}

TEST(EntityLinkerTest, ShortSurnameVariantsStayApart) {
  std::vector<Entity> es = Link({"The rapper Dana Snoop met fans. Snoop said he loved the comic strip Snoopy."});
  const Entity* rapper = Find(es, "Dana Snoop");
  ASSERT_NE(rapper, nullptr);
  EXPECT_TRUE(HasAlias(*rapper, "Snoop"));
  EXPECT_FALSE(HasAlias(*rapper, "Snoopy"));
}

TEST(EntityLinkerTest, MentionSpansPointIntoTheirArticle) {
  std::string text = "Aid reached Velmora. Officials in Velmora said so.";
  EntityLinker linker;
  linker.AddArticle("x", text);
  std::vector<Entity> es = linker.Entities();
  const Entity* e = Find(es, "Velmora");
  ASSERT_NE(e, nullptr);
  for (const EntityMention& m : e->mentions) EXPECT_EQ(m.span.In(text), "Velmora");
}

}  // namespace
}  // namespace storyfuse
