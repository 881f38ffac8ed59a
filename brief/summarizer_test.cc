#include "brief/summarizer.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>

namespace storyfuse {
namespace {

// Fictional reports of one event: a dam failure in the invented town of
// Orrvik. Every report states the evacuation; one adds crumbs that must not
// reach a summary.
Article MakeArticle(std::string id, std::string text, std::string date = "") {
  Article a;
  a.id = std::move(id);
  a.text = std::move(text);
  a.published.iso = std::move(date);
  return a;
}

const char kValleyNews[] =
    "ORRVIK, Nordmark (AP) _ Engineers evacuated four thousand residents of Orrvik on Tuesday after "
    "cracks spread across the old Kessel dam above the town.\n"
    "The regional water board said the reservoir would be drained slowly over the coming ten days.\n"
    "Was the dam inspected last spring as the law requires of every operator?\n"
    "It was built in 1931 and last repaired in the late seventies by a private firm.";
const char kFjordPost[] =
    "Four thousand residents of Orrvik were evacuated Tuesday as cracks spread across the Kessel dam.\n"
    "Click here to subscribe to our newsletter and get the latest updates from the valley.\n"
    "The water board plans to drain the reservoir slowly over ten days, its director Maren Holt said.\n"
    "Schools in the neighbouring villages will host the evacuated families until the weekend.";
const char kCoastWire[] =
    "Cracks in the Kessel dam forced the evacuation of four thousand Orrvik residents on Tuesday.\n"
    "Fishermen on the lake below reported that the water had turned brown during the night.\n"
    "Read more.";

std::vector<const Article*> Ptrs(const std::vector<Article>& v) {
  std::vector<const Article*> out;
  for (const Article& a : v) out.push_back(&a);
  return out;
}

std::vector<Article> Story() {
  return {MakeArticle("valley", kValleyNews), MakeArticle("fjord", kFjordPost), MakeArticle("coast", kCoastWire)};
}

TEST(SummarizerTest, StaysWithinTheWordBudget) {
  std::vector<Article> story = Story();
  Summarizer summarizer;
  for (int budget : {10, 20, 35, 60, 200}) {
    int total = 0;
    for (const SummarySentence& s : summarizer.Summarize(Ptrs(story), budget)) total += s.words;
    EXPECT_LE(total, budget) << budget;
  }
}

TEST(SummarizerTest, SpansPointIntoTheirArticles) {
  std::vector<Article> story = Story();
  Summarizer summarizer;
  std::vector<SummarySentence> sum = summarizer.Summarize(Ptrs(story), 60);
  ASSERT_FALSE(sum.empty());
  for (const SummarySentence& s : sum) {
    ASSERT_LT(s.article_index, story.size());
    EXPECT_EQ(s.article, &story[s.article_index]);
    EXPECT_LE(s.span.end, s.article->text.size());
    EXPECT_EQ(s.words, Summarizer::CountWords(s.Text()));
    EXPECT_FALSE(s.partial);
  }
}

TEST(SummarizerTest, LeadsWithWhatEveryReportSays) {
  std::vector<Article> story = Story();
  Summarizer summarizer;
  std::vector<SummarySentence> sum = summarizer.Summarize(Ptrs(story), 25);
  ASSERT_EQ(sum.size(), 1u);
  EXPECT_NE(sum[0].Text().find("evacuat"), std::string_view::npos) << sum[0].Text();
}

TEST(SummarizerTest, TrimsTheWireDateline) {
  std::vector<Article> story = Story();
  Summarizer summarizer;
  for (const SummarySentence& s : summarizer.Summarize(Ptrs(story), 200)) {
    EXPECT_EQ(s.Text().find("(AP)"), std::string_view::npos) << s.Text();
  }
}

TEST(SummarizerTest, TrimsShortAttributionTails) {
  const char kText[] =
      "The Orrvik water board will drain the reservoir slowly over ten days, officials said.\n"
      "\"We expect every family to be home again by the weekend,\" said the mayor of Orrvik.\n"
      "Rescue crews searched the flooded lower town through the night, according to the police.";
  std::vector<Article> story = {MakeArticle("a", kText), MakeArticle("b", std::string(kText) + "\nRoads stay shut.")};
  SummarizerOptions trim;
  trim.trim_attribution = true;
  Summarizer summarizer(trim);
  std::vector<SummarySentence> sum = summarizer.Summarize(Ptrs(story), 200);
  ASSERT_EQ(sum.size(), 3u);
  EXPECT_EQ(sum[0].Text(), "The Orrvik water board will drain the reservoir slowly over ten days");
  EXPECT_EQ(sum[1].Text().back(), '.');  // a quotation keeps its speaker
  EXPECT_EQ(sum[2].Text(), "Rescue crews searched the flooded lower town through the night");
  for (const SummarySentence& s : sum) {
    EXPECT_EQ(s.words, Summarizer::CountWords(s.Text()));
    EXPECT_EQ(s.Text(), std::string_view(s.article->text).substr(s.span.begin, s.span.end - s.span.begin));
  }
  Summarizer untrimmed;
  for (const SummarySentence& s : untrimmed.Summarize(Ptrs(story), 200)) {
    EXPECT_EQ(s.Text().back(), '.') << s.Text();
  }
}

TEST(SummarizerTest, SkipsQuestionsCrumbsAndDanglingPronouns) {
  std::vector<Article> story = Story();
  Summarizer summarizer;
  for (const SummarySentence& s : summarizer.Summarize(Ptrs(story), 500)) {
    std::string_view t = s.Text();
    EXPECT_EQ(t.find('?'), std::string_view::npos) << t;
    EXPECT_EQ(t.find("subscribe"), std::string_view::npos) << t;
    EXPECT_NE(t.substr(0, 3), "It ") << t;
    EXPECT_NE(t, "Read more.");
  }
}

TEST(SummarizerTest, OrdersByDateThenArticleThenPosition) {
  std::vector<Article> story = {MakeArticle("late", kValleyNews, "2031-05-07"),
                                MakeArticle("early", kFjordPost, "2031-05-06"), MakeArticle("undated", kCoastWire)};
  Summarizer summarizer;
  std::vector<SummarySentence> sum = summarizer.Summarize(Ptrs(story), 500);
  ASSERT_GE(sum.size(), 3u);
  for (size_t i = 1; i < sum.size(); ++i) {
    const SummarySentence& a = sum[i - 1];
    const SummarySentence& b = sum[i];
    if (a.article_index == b.article_index) {
      EXPECT_LT(a.position, b.position);
    } else if (!a.article->published.empty() && !b.article->published.empty()) {
      EXPECT_LT(a.article->published.iso, b.article->published.iso);
    }
  }
}

TEST(SummarizerTest, SaysEachThingOnce) {
  std::vector<Article> story = Story();
  Summarizer summarizer;
  int evacuations = 0;
  for (const SummarySentence& s : summarizer.Summarize(Ptrs(story), 60)) {
    std::string lower(s.Text());
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find("four thousand") != std::string::npos) ++evacuations;
  }
  EXPECT_EQ(evacuations, 1);
}

TEST(SummarizerTest, VerbatimCopiesCountOnce) {
  std::vector<Article> story = {MakeArticle("a", kValleyNews), MakeArticle("b", kValleyNews)};
  Summarizer summarizer;
  for (const SummarySentence& s : summarizer.Summarize(Ptrs(story), 500)) {
    EXPECT_EQ(s.article_index, 0u);
  }
}

TEST(SummarizerTest, PartialLastFillsTheBudget) {
  std::vector<Article> story = Story();
  SummarizerOptions opt;
  opt.allow_partial_last = true;
  Summarizer summarizer(opt);
  std::vector<SummarySentence> sum = summarizer.Summarize(Ptrs(story), 33);
  int total = 0, partial = 0;
  for (const SummarySentence& s : sum) {
    total += s.words;
    partial += s.partial;
    EXPECT_EQ(s.words, Summarizer::CountWords(s.Text()));
  }
  EXPECT_EQ(total, 33);
  EXPECT_EQ(partial, 1);
}

// Three invented reports of a ferry strike in the fictional port of Tassel.
const char kTasselA[] =
    "Ferry crews in Tassel walked out on Monday over pay, halting every crossing to the islands.\n"
    "The transport minister said the strike was unlawful and urged the union to return to talks.\n"
    "Union leader Brannock Idris met port managers for 90 minutes in Tassel on Monday without a deal.\n"
    "\"We will not sail until the offer is fair. We have waited three years for a raise,\" the union said.";
const char kTasselB[] =
    "A strike by ferry crews halted all crossings from Tassel to the islands on Monday.\n"
    "Union leader Brannock Idris met port managers for 90 minutes on Monday but no deal was reached.\n"
    "\"We will not sail until the offer is fair,\" the union said in a statement after the talks.";
const char kTasselC[] =
    "Ferry crossings from Tassel stopped on Monday as crews went on strike over pay.\n"
    "Brannock Idris, the union leader, met port managers in Tassel on Monday without reaching a deal.\n"
    "\"We will not sail until the offer is fair,\" the union said as the walkout began.";

std::vector<Article> Tassel() {
  return {MakeArticle("a", kTasselA), MakeArticle("b", kTasselB), MakeArticle("c", kTasselC)};
}

TEST(SummarizerTest, NoSentenceOpensOnABareTitle) {
  std::vector<Article> story = Tassel();
  Summarizer summarizer;
  for (const SummarySentence& s : summarizer.Summarize(Ptrs(story), 500)) {
    EXPECT_NE(s.Text().substr(0, 26), "The transport minister sai") << s.Text();
  }
  SummarizerOptions keep;
  keep.reject_bare_titles = false;
  Summarizer lenient(keep);
  bool found = false;
  for (const SummarySentence& s : lenient.Summarize(Ptrs(story), 500)) {
    found |= s.Text().substr(0, 22) == "The transport minister";
  }
  EXPECT_TRUE(found);
}

TEST(SummarizerTest, QuotationsStayOutWhenAskedEvenAcrossSentences) {
  std::vector<Article> story = Tassel();
  SummarizerOptions opt;
  opt.max_quoted_share = 0.5;
  Summarizer summarizer(opt);
  for (const SummarySentence& s : summarizer.Summarize(Ptrs(story), 500)) {
    EXPECT_NE(s.Text(), "\"We will not sail until the offer is fair.");
    // The second sentence of that quotation opens inside it.
    EXPECT_EQ(s.Text().find("three years"), std::string_view::npos) << s.Text();
  }
  opt.max_quoted_share = 0.3;  // "..." the union said: half quoted
  Summarizer strict(opt);
  for (const SummarySentence& s : strict.Summarize(Ptrs(story), 500)) {
    EXPECT_EQ(s.Text().find("sail"), std::string_view::npos) << s.Text();
  }
}

TEST(SummarizerTest, TheFirstHalfOfASplitQuoteStaysOut) {
  // Mostly reporter's words, but the quotation it opens runs on into the
  // next sentence: half a quote.
  std::vector<Article> story = {
      MakeArticle("a",
                  "Union leader Mara Velt told hundreds of dock workers gathered at the Tassel harbour gates "
                  "on Friday evening: \"We stand together.\nThe port authority of Tassel said talks with the "
                  "dock workers' union would resume on Monday morning at the harbour office.")};
  SummarizerOptions opt;
  opt.max_quoted_share = 0.5;
  Summarizer summarizer(opt);
  for (const SummarySentence& s : summarizer.Summarize(Ptrs(story), 500)) {
    EXPECT_EQ(s.Text().find("We stand together"), std::string_view::npos) << s.Text();
  }
  Summarizer lenient;  // the library default keeps it (ROUGE)
  bool kept = false;
  for (const SummarySentence& s : lenient.Summarize(Ptrs(story), 500))
    kept |= s.Text().find("Mara Velt") != std::string_view::npos;
  EXPECT_TRUE(kept);
}

TEST(SummarizerTest, AFigureSeveralReportsStateIsNotARepeat) {
  std::vector<Article> story = Tassel();
  SummarizerOptions opt;
  opt.number_boost = 2.0;
  opt.max_repeat = 0.4;
  opt.max_quoted_share = 0.5;
  Summarizer summarizer(opt);
  bool duration = false;
  for (const SummarySentence& s : summarizer.Summarize(Ptrs(story), 60)) {
    duration |= s.Text().find("90 minutes") != std::string_view::npos;
  }
  EXPECT_TRUE(duration);
}

TEST(SummarizerTest, EmptyInputsGiveEmptySummaries) {
  Summarizer summarizer;
  EXPECT_TRUE(summarizer.Summarize({}, 100).empty());
  std::vector<Article> story = Story();
  EXPECT_TRUE(summarizer.Summarize(Ptrs(story), 0).empty());
  Article blank = MakeArticle("blank", "");
  EXPECT_TRUE(summarizer.Summarize({&blank, nullptr}, 100).empty());
}

TEST(SummarizerTest, CountsWordsAsRougeDoes) {
  EXPECT_EQ(Summarizer::CountWords("U.S.-Russia talks  resumed\tMonday."), 4);
  EXPECT_EQ(Summarizer::CountWords("  "), 0);
}

}  // namespace
}  // namespace storyfuse
