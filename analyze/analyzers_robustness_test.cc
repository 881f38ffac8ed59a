// Pseudo-random token soup and raw bytes through all analyzers: nothing
// crashes and every span stays inside its text. (fuzz/fuzz_analyzers.cc is
// the libFuzzer version of this.)
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "analyze/date_resolver.h"
#include "analyze/entity_linker.h"
#include "analyze/number_aligner.h"
#include "analyze/number_extractor.h"

namespace storyfuse {
namespace {

const char* const kPieces[] = {"July",
                               "10",
                               ",",
                               "2025",
                               "-",
                               "Thursday",
                               "last",
                               "next",
                               "week",
                               "ago",
                               "days",
                               "the",
                               "Secretary",
                               "of",
                               "State",
                               "Ann",
                               "Lee",
                               "said",
                               "(",
                               "ABC",
                               ")",
                               "Ministry",
                               "about",
                               "more",
                               "than",
                               "700",
                               "drones",
                               "%",
                               "$",
                               "1.2",
                               "billion",
                               "a",
                               "record",
                               "between",
                               "and",
                               "to",
                               "\xE2\x80\x99s",
                               "'s",
                               ".",
                               "\n",
                               "\xE2\x80\x94",
                               "eight",
                               "twenty",
                               "dozen",
                               "in",
                               "U.S.",
                               "Mr.",
                               "\"",
                               "\xE2\x80\x9C",
                               ":",
                               "30",
                               "/",
                               "mid",
                               "Sergei",
                               "Sergey",
                               "of",
                               "Foreign",
                               "Minister",
                               "Russian",
                               "KUALA",
                               "LUMPUR",
                               "-based",
                               "\xC3\x89",
                               "m",
                               "5bn",
                               "+1"};

void CheckAll(const std::string& text) {
  auto inside = [&](Span s) { return s.begin <= s.end && s.end <= text.size(); };
  std::vector<DateMention> dates = DateResolver::Extract(text, "2025-07-11");
  for (const DateMention& d : dates) ASSERT_TRUE(inside(d.span) && inside(d.sentence)) << text;
  std::vector<Quantity> qs = NumberExtractor::Extract(text);
  NumberAligner aligner;
  for (size_t i = 0; i < qs.size(); ++i) {
    ASSERT_TRUE(inside(qs[i].span) && inside(qs[i].clause) && inside(qs[i].figure)) << text;
    ASSERT_LE(qs[i].min, qs[i].max) << text;
    if (i > 0) aligner.Conflict(qs[i - 1], text, qs[i], text);
  }
  EntityLinker linker;
  linker.AddArticle("a", text);
  linker.AddArticle("b", text);
  for (const Entity& e : linker.Entities()) {
    for (const EntityMention& m : e.mentions) ASSERT_TRUE(inside(m.span)) << text;
  }
}

TEST(AnalyzersRobustnessTest, TokenSoup) {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int n = rng() % 40;
    for (int k = 0; k < n; ++k) {
      text += kPieces[rng() % std::size(kPieces)];
      if (rng() % 3 != 0) text += ' ';
    }
    CheckAll(text);
  }
}

TEST(AnalyzersRobustnessTest, RawBytes) {
  std::mt19937 rng(11);
  for (int round = 0; round < 500; ++round) {
    std::string text(rng() % 200, '\0');
    for (char& c : text) c = static_cast<char>(rng() % 256);
    CheckAll(text);
  }
}

}  // namespace
}  // namespace storyfuse
