#include "analyze/quote_extractor.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

#define LQ "\xE2\x80\x9C"
#define RQ "\xE2\x80\x9D"

struct Expected {
  std::string quote;    // a prefix of the quoted text
  std::string speaker;  // canonical name
  std::string mention;  // the cueing mention as written
  std::string cue;
};

struct ExtractCase {
  const char* name;
  std::string text;
  std::vector<Expected> quotes;
};

// Every text here is invented: fictional people, places and events.
const ExtractCase kCases[] = {
    {"name then verb after the quote",
     LQ "The harbor will reopen next week," RQ " Mayor Lena Ortiz said.",
     {{"The harbor", "Lena Ortiz", "Mayor Lena Ortiz", "said"}}},
    {"verb then name after the quote",
     LQ "We are not finished with this," RQ " said Tomas Varga, the union leader.",
     {{"We are not", "Tomas Varga", "Tomas Varga", "said"}}},
    {"pronoun resolved to the person named before",
     "Governor Ruth Ames spoke first. " LQ "Nobody will lose a job here," RQ " she said.",
     {{"Nobody", "Ruth Ames", "she", "said"}}},
    {"title resolved to the person it was taught by",
     "Foreign Minister Paul Denner arrived on Monday.\n\n" LQ "The talks were long and useful," RQ
     " the foreign minister told reporters.",
     {{"The talks", "Paul Denner", "the foreign minister", "told"}}},
    {"according to",
     LQ "The vote was never in doubt," RQ " according to Ivan Holt.",
     {{"The vote", "Ivan Holt", "Ivan Holt", "according to"}}},
    {"partial quote inside a sentence",
     "Kara Wu called the talks " LQ "frank and very important" RQ " on Friday.",
     {{"frank", "Kara Wu", "Kara Wu", "called"}}},
    {"split quote keeps its speaker",
     LQ "We came here to work," RQ " Omar Reyes said. " LQ "And we will stay until it is done." RQ,
     {{"We came", "Omar Reyes", "Omar Reyes", "said"}, {"And we will", "Omar Reyes", "Omar Reyes", "said"}}},
    {"name and verb before the quote",
     "Senator Mia Cole added: " LQ "This bill is only the first step." RQ,
     {{"This bill", "Mia Cole", "Senator Mia Cole", "added"}}},
    {"speaker carried over paragraphs",
     "Nina Park told the crowd:\n\n" LQ "First, we will fix the roads in every town.\n\n" LQ
     "Then we will build the new school downtown." RQ,
     {{"First", "Nina Park", "Nina Park", "told"}, {"Then", "Nina Park", "Nina Park", "told"}}},
    {"guillemets",
     "\xC2\xAB"
     "Nous allons gagner ce match"
     "\xC2\xBB, said coach Henri Blanc.",
     {{"Nous", "Henri Blanc", "Henri Blanc", "said"}}},
    {"single quotes nested inside double quotes",
     LQ "He told me, \xE2\x80\x98Never give up on this town,\xE2\x80\x99 and I listened," RQ " said Dan Ruiz.",
     {{"He told me", "Dan Ruiz", "Dan Ruiz", "said"}}},
    {"pronoun follows gender learned from the text",
     "Anna Berg said her team was ready. Victor Lund disagreed.\n\n" LQ "We saw no plan at all," RQ " he said.",
     {{"We saw", "Victor Lund", "he", "said"}}},
    {"last name resolves to the full name",
     "Judge Alma Torres opened the hearing. " LQ "This court will hear every side," RQ " Torres said.",
     {{"This court", "Alma Torres", "Torres", "said"}}},
    {"a second speaker enters mid-paragraph",
     LQ "The budget is balanced," RQ " Ellen Marsh said. But Carl Dunn disagreed: " LQ "The numbers do not add up." RQ,
     {{"The budget", "Ellen Marsh", "Ellen Marsh", "said"}, {"The numbers", "Carl Dunn", "Carl Dunn", ""}}},
    {"a title after a preposition is not a cue verb",
     "Minister of Harbors Ada Quill arrived late.\n\n" LQ "The piers are safe again," RQ
     " the Valdorian minister of harbors told reporters.",
     {{"The piers", "Ada Quill", "the Valdorian minister of harbors", "told"}}},
    {"a qualified title goes to the holder of that country's title",
     "President Oren Talbot spoke with French President Ivo Brask.\n\n" LQ "We are getting nowhere with them," RQ
     " the Irish president said.",
     {{"We are getting", "Oren Talbot", "the Irish president", "said"}}},
    {"a titled surname alone is a person",
     "Lawmakers waited for Chancellor Vett all morning. Premier Dana Moss of Freedonia arrived first.\n\n" LQ
     "Nobody here wants a long fight," RQ " the chancellor said.",
     {{"Nobody here", "Vett", "the chancellor", "said"}}},
    {"a pronoun skips a name that is a preposition's object",
     "Mayor Hugo Brant met Governor Tim Sole on Monday.\n\n"
     "When asked about his talk with Sole, he said, " LQ "We found a lot to agree on." RQ,
     {{"We found", "Hugo Brant", "he", "said"}}},
    {"a pronoun follows the chain of sentence subjects",
     "Hugo Brant praised the plan. He said that Tim Sole had worked hard on it.\n\n"
     "He added, " LQ "This city owes the council a great deal." RQ,
     {{"This city", "Hugo Brant", "He", "added"}}},
    {"put is a cue only in as X put it",
     "Rosa Lind described what the board had put forward as a " LQ "bold and careful plan." RQ,
     {{"bold and careful", "Rosa Lind", "Rosa Lind", "described"}}},
    {"an organization keeps its title words",
     "The Valdorian Foreign Ministry called the visit " LQ "useful and very open." RQ,
     {{"useful", "Valdorian Foreign Ministry", "Valdorian Foreign Ministry", "called"}}},
    {"a quote closed by a comma belongs to the cue touching it",
     "When Ivo Brask said " LQ "we will vote as one bloc, he meant the tariffs," RQ " Rosa Lind noted.",
     {{"we will vote", "Rosa Lind", "Rosa Lind", "noted"}}},
    {"a next sentence with its own clause credits only as a last resort",
     "Piet Vane spoke at the dock. He said the ferry " LQ "will not stop running." RQ
     " Vane said he would return in May.",
     {{"will not stop", "Piet Vane", "He", "said"}}},
    {"a pronoun subject of a coordinated cue",
     "When the ferry was late again, I laughed and said, " LQ "We have seen worse winters than this." RQ,
     {{"We have seen", "", "I", "said"}}},
    {"a clause nobody is credited with, running on its sentence, is kept",
     "Under the market rules, " LQ "every vendor must hold a permit from the town office," RQ " per the charter.",
     {{"every vendor", "", "", ""}}},
    {"an inverted cue with a slashed number in the description",
     LQ "The new bridge rules do not hold at all," RQ " said 9/11 widow Tara Kline.",
     {{"The new bridge", "Tara Kline", "Tara Kline", "said"}}},
    {"a name with a parenthetical and two appositives",
     LQ "This is an invasion of the county's domain," RQ " Rep. Lou Ferris (R-Ore.), the ranking member,"
        " one of the plaintiffs, said in a phone interview.",
     {{"This is", "Lou Ferris", "Rep. Lou Ferris", "said"}}},
    {"an outlet introducing a block quote with a colon",
     "The Daily Harbor reports:\n\n\"Only a third of the donors gave less than ten dollars this year.\"",
     {{"Only a third", "Daily Harbor", "Daily Harbor", "reports"}}},
    {"a weak cue sentence introduces the next quote when a name is its subject",
     "His old partner, Lena Voss, called him a master at hard deals. " LQ
     "He found a way through every wall that the banks put up." RQ,
     {{"He found", "Lena Voss", "Lena Voss", "called"}}},
    {"the second half of a split quote may look like a title",
     LQ "Here comes the Big Boss," RQ " Ada Marsh said, waving. " LQ "The Boss. Big Boss." RQ,
     {{"Here comes", "Ada Marsh", "Ada Marsh", "said"}, {"The Boss", "Ada Marsh", "Ada Marsh", "said"}}},
    {"a quoted nickname inside a name after a state title",
     LQ "This is a big year for our town and for Bob Lane!" RQ " Lane's niece, state Del. Mara "
        "\"Cia\" Pell (D-Va.), shouted to the crowd.",
     {{"This is a big", "Mara Cia Pell", "Del. Mara \"Cia\" Pell", "shouted"}}},
    {"a credit closing the paragraph names an uncredited piece",
     LQ "As a young nurse I would rather live in what he calls " LQ "chaos" RQ " than in his town." RQ
        " \xE2\x80\x95 Ada Brill",
     {{"As a young nurse", "Ada Brill", "Ada Brill", ""}}},
    {"a show named where someone appears is not a quote",
     LQ "The port stays open all winter," RQ " Rita Sandoval told " LQ "Dawn and Harbor Talk," RQ " the morning show.",
     {{"The port stays", "Rita Sandoval", "Rita Sandoval", "told"}}},
    {"a headline with its byline is not a quote",
     "HARBOR NEWS: " LQ "Old ferry pier to close at the end of May," RQ " by Harbor Times' Ned Quill.",
     {}},
    {"a passive agent after a piece is no byline",
     "Lena Ortiz said the bridge was built " LQ "for the long haul and for every town" RQ " by Brask Works.",
     {{"for the long haul", "Lena Ortiz", "Lena Ortiz", "said"}}},
    {"a piece after a colon in its sentence is kept even when nobody is named",
     "Each winter the same threat comes back: " LQ "If the ferry stops again, we move inland!" RQ,
     {{"If the ferry", "", "", ""}}},
    {"an unlisted -ed verb inverted before a full name",
     LQ "This is wonderful news for us!" RQ " beamed Dora Quint, a ferry pilot.",
     {{"This is wonderful", "Dora Quint", "Dora Quint", "beamed"}}},
    {"a name before a relative clause that runs up to the cue",
     LQ "The job has no description at all." RQ " Mila Rudd, who served as chief of staff to the mayor,"
        " told the Harbor Times.",
     {{"The job", "Mila Rudd", "Mila Rudd", "told"}}},
    {"a definite description no title teaches goes to the latest subject",
     "Envoy Carla Mendez met the harbor board on Friday. She hinted at a deal.\n\n"
     "The veteran diplomat said the two sides would " LQ "keep talking until the ice melts." RQ,
     {{"keep talking", "Carla Mendez", "The veteran diplomat", "said"}}},
    {"TeX-style marks of newswire",
     "``We will reopen the pier on Monday,'' Mayor Ada Quill said.",
     {{"We will reopen", "Ada Quill", "Mayor Ada Quill", "said"}}},
    {"tokenized TeX-style marks with padded blanks",
     "`` We thank the crew for their work ,'' the harbor master Ned Wale told reporters .",
     {{"We thank the crew", "Ned Wale", "Ned Wale", "told"}}},
    {"a TeX-style quote over two paragraphs",
     "Nina Park told the crowd:\n\n``First, we will fix the roads in every town.\n\n``Then we will build the new"
     " school downtown.''",
     {{"First", "Nina Park", "Nina Park", "told"}, {"Then", "Nina Park", "Nina Park", "told"}}},
    {"straight single marks, with apostrophes inside",
     "'We can't wait for the ferry's new engine,' Omar Reyes said.",
     {{"We can't wait", "Omar Reyes", "Omar Reyes", "said"}}},
    {"a transcript turn names its speaker",
     "Governor Mia Cole spoke to Ned Wale on the radio.\n\n\"WALE: Will the ferry run?\n\n\"COLE: It will run all"
     " winter.",
     {{"WALE: Will", "Ned Wale", "WALE", ""}, {"COLE: It will", "Mia Cole", "COLE", ""}}},
    {"markup left in the text is not a quote", "The vote was close.\n\n\">\n\nNobody spoke after it.", {}},
    {"an inverted cue before a description holding a weekday",
     LQ "There are fish with more spine than this council." RQ " reads a Sunday editorial in the Harbor Times.",
     {{"There are fish", "", "a Sunday editorial", "reads"}}},
    {"a capitalized modifier and a lower-case title before the subject's name",
     "Harbor master Ilse Marten told reporters the quay was shut. " LQ "Nothing sails before Monday," RQ
     " she said.\n\nFire chief Oda Lind said: " LQ "We will stay here all night." RQ,
     {{"Nothing sails", "Ilse Marten", "she", "said"}, {"We will stay", "Oda Lind", "Oda Lind", "said"}}},
    {"a name before a verb and a name is the subject, not a modifier",
     "Nadia Ferro met Oda Lind at the quay. " LQ "We agreed on the timetable," RQ " she said.",
     {{"We agreed", "Nadia Ferro", "she", "said"}}},
    {"a stray closing straight mark does not open a quote",
     "Kara Wu reviewed the plan\" and then left the hall before the vote was taken.",
     {}},
    {"straight marks around a curly quotation are paired the wrong way",
     "Kara Wu described them:\"work notes" RQ " and kept the rest as " LQ "private papers." RQ
     " The notes were filed, while the papers were shredded on Friday.\"",
     {}},
    {"a quoted line of page furniture is not a quote",
     "Dana Osk told reporters: \"The ferry sails at noon every day.\"\n\n\"Follow Dana Osk on Twitter "
     "@danaosk.\"\n\nThe fare is unchanged.",
     {{"The ferry sails", "Dana Osk", "Dana Osk", "told"}}},
    {"scare quotes are not quotes", "The so-called " LQ "peace dividend" RQ " never arrived.", {}},
    {"a piece nobody is credited with is kept, without a speaker (annotators count half of them)",
     "The plan was a " LQ "very bad idea" RQ " from the start.",
     {{"very bad idea", "", "", ""}}},
    {"titles of works are not quotes", "She appeared on " LQ "Meet The Nation Tonight" RQ " last week.", {}},
    {"what someone calls a person is their words (annotators count it)",
     "Rosa Lind called him " LQ "the old lion of the north" RQ " at every rally.",
     {{"the old lion", "Rosa Lind", "Rosa Lind", "called"}}},
    {"a title after a possessive names a show",
     "Ivo Brask told Harbor TV's " LQ "Morning Dock Talk Tonight" RQ " that he would stay.",
     {}},
    {"a title after a work noun names the work",
     "Kara Wu hosts the weekly podcast " LQ "Salt and Sails Daily" RQ " from the pier.",
     {}},
    {"a chanted slogan is a quote",
     "The crowd on the quay chanted " LQ "Keep The Ferry Running" RQ " until dusk.",
     {{"Keep The Ferry", "", "The crowd on the quay", "chanted"}}},
    {"two quotations typed with mixed marks and the attribution between them",
     LQ "The pier is safe,\" Rita Sandoval said. \"We open on Monday and stay open." RQ,
     {}},
    {"a quotation nested in a block quote stays",
     "Dana Osk told the board:\n\n\"The law is not about " LQ "easy wins" RQ
     " for anyone here. It is about the long run.",
     {{"The law is not", "Dana Osk", "Dana Osk", "told"}}},
};

TEST(QuoteExtractorTest, Constructions) {
  for (const ExtractCase& c : kCases) {
    QuoteExtractor extractor;
    std::vector<Quote> got = extractor.Extract(c.text);
    ASSERT_EQ(got.size(), c.quotes.size()) << c.name;
    for (size_t i = 0; i < got.size(); ++i) {
      const Expected& want = c.quotes[i];
      EXPECT_TRUE(got[i].text.In(c.text).starts_with(want.quote)) << c.name << ": " << got[i].text.In(c.text);
      EXPECT_EQ(got[i].speaker, want.speaker) << c.name;
      EXPECT_EQ(got[i].speaker_mention.In(c.text), want.mention) << c.name;
      EXPECT_EQ(got[i].cue.In(c.text), want.cue) << c.name;
    }
  }
}

// A label of page furniture before a colon is nobody's name.
TEST(QuoteExtractorTest, FurnitureLabelsAreNotSpeakers) {
  std::string text = "\"VIDEO: The ferry leaves the quay at dawn.\"\n\n\"UPDATE: The pier reopens on Monday.\"";
  for (const Quote& q : QuoteExtractor().Extract(text)) {
    EXPECT_NE(q.speaker, "Video");
    EXPECT_NE(q.speaker, "Update");
  }
}

TEST(QuoteExtractorTest, ShortQuotesAreKeptOnRequest) {
  std::string text = LQ "Never," RQ " Rosa Lind said.";
  EXPECT_TRUE(QuoteExtractor().Extract(text).empty());
  QuoteExtractor::Options opt;
  opt.min_words = 1;
  std::vector<Quote> got = QuoteExtractor(opt).Extract(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].speaker, "Rosa Lind");
}

TEST(QuoteExtractorTest, EmptyAndUnbalancedTextIsSafe) {
  QuoteExtractor extractor;
  EXPECT_TRUE(extractor.Extract("").empty());
  EXPECT_TRUE(extractor.Extract(RQ RQ "\"").empty());
  EXPECT_NO_FATAL_FAILURE(extractor.Extract(LQ "unclosed, said he\n\n" LQ));
}

}  // namespace
}  // namespace storyfuse

namespace storyfuse {
namespace {

// A piece classifier given in the options judges the pieces the rules
// keep (of 3+ words, speaker not named inside), and only those.
TEST(QuoteExtractorTest, PieceClassifierDropsWhatItScoresBelowItsThreshold) {
  QuotePieceModel model;
  model.Set("bias", 4);
  model.Set("prev=slogan", -8);  // a piece after "slogan" is no quote
  model.set_threshold(0.5);
  QuoteExtractor::Options options;
  options.piece_model = &model;
  QuoteExtractor extractor(options);
  std::string text = "Ada Voss said " LQ "the ferry will sail again soon." RQ " Her slogan " LQ
                     "ferries for every town" RQ " was everywhere.";
  std::vector<JudgedPiece> judged = extractor.Judge(text);
  ASSERT_EQ(judged.size(), 2u);
  EXPECT_EQ(judged[0].rules, 0u);
  EXPECT_EQ(judged[1].rules, 1u << static_cast<int>(QuoteRule::kPieceModel));
  EXPECT_STREQ(QuoteRuleName(QuoteRule::kPieceModel), "piece-model");
  ASSERT_EQ(extractor.Extract(text).size(), 1u);
  // Without it (or switched off), both stay.
  options.classify_pieces = false;
  EXPECT_EQ(QuoteExtractor(options).Extract(text).size(), 2u);
}

}  // namespace
}  // namespace storyfuse
