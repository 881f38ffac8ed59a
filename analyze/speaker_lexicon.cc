#include "analyze/speaker_lexicon.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace storyfuse {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Reporting verbs as (base, past, past participle, third person, gerund,
// strength, invertible). Spelling out every form keeps lookups exact.
struct VerbForms {
  std::string_view forms[5];
  CueStrength strength;
  bool invertible;
};

constexpr CueStrength S = CueStrength::kStrong;
constexpr CueStrength W = CueStrength::kWeak;

const VerbForms kVerbs[] = {
    {{"say", "said", "said", "says", "saying"}, S, true},
    {{"tell", "told", "told", "tells", "telling"}, S, false},
    {{"add", "added", "added", "adds", "adding"}, S, true},
    {{"write", "wrote", "written", "writes", "writing"}, S, true},
    {{"tweet", "tweeted", "tweeted", "tweets", "tweeting"}, S, true},
    {{"ask", "asked", "asked", "asks", "asking"}, S, true},
    {{"continue", "continued", "continued", "continues", "continuing"}, S, true},
    {{"explain", "explained", "explained", "explains", "explaining"}, S, true},
    {{"reply", "replied", "replied", "replies", "replying"}, S, true},
    {{"respond", "responded", "responded", "responds", "responding"}, S, true},
    {{"state", "stated", "stated", "states", "stating"}, S, true},
    {{"note", "noted", "noted", "notes", "noting"}, S, true},
    {{"declare", "declared", "declared", "declares", "declaring"}, S, true},
    {{"conclude", "concluded", "concluded", "concludes", "concluding"}, S, true},
    {{"argue", "argued", "argued", "argues", "arguing"}, S, true},
    {{"warn", "warned", "warned", "warns", "warning"}, S, true},
    {{"admit", "admitted", "admitted", "admits", "admitting"}, S, true},
    {{"recall", "recalled", "recalled", "recalls", "recalling"}, S, true},
    {{"insist", "insisted", "insisted", "insists", "insisting"}, S, true},
    {{"acknowledge", "acknowledged", "acknowledged", "acknowledges", "acknowledging"}, S, true},
    {{"remark", "remarked", "remarked", "remarks", "remarking"}, S, true},
    {{"claim", "claimed", "claimed", "claims", "claiming"}, S, true},
    {{"shout", "shouted", "shouted", "shouts", "shouting"}, S, true},
    {{"chant", "chanted", "chanted", "chants", "chanting"}, S, true},
    {{"joke", "joked", "joked", "jokes", "joking"}, S, true},
    {{"answer", "answered", "answered", "answers", "answering"}, S, true},
    {{"exclaim", "exclaimed", "exclaimed", "exclaims", "exclaiming"}, S, true},
    {{"interject", "interjected", "interjected", "interjects", "interjecting"}, S, true},
    {{"quip", "quipped", "quipped", "quips", "quipping"}, S, true},
    {{"muse", "mused", "mused", "muses", "musing"}, S, true},
    {{"elaborate", "elaborated", "elaborated", "elaborates", "elaborating"}, S, true},
    {{"boast", "boasted", "boasted", "boasts", "boasting"}, S, true},
    {{"predict", "predicted", "predicted", "predicts", "predicting"}, S, true},
    {{"proclaim", "proclaimed", "proclaimed", "proclaims", "proclaiming"}, S, true},
    {{"assert", "asserted", "asserted", "asserts", "asserting"}, S, true},
    {{"concede", "conceded", "conceded", "concedes", "conceding"}, S, true},
    {{"lament", "lamented", "lamented", "laments", "lamenting"}, S, true},
    {{"announce", "announced", "announced", "announces", "announcing"}, S, true},
    {{"suggest", "suggested", "suggested", "suggests", "suggesting"}, S, true},
    {{"emphasize", "emphasized", "emphasized", "emphasizes", "emphasizing"}, S, true},
    {{"emphasise", "emphasised", "emphasised", "emphasises", "emphasising"}, S, true},
    {{"stress", "stressed", "stressed", "stresses", "stressing"}, S, true},
    {{"observe", "observed", "observed", "observes", "observing"}, S, true},
    {{"complain", "complained", "complained", "complains", "complaining"}, S, true},
    {{"counter", "countered", "countered", "counters", "countering"}, S, true},
    {{"retort", "retorted", "retorted", "retorts", "retorting"}, S, true},
    {{"scream", "screamed", "screamed", "screams", "screaming"}, S, true},
    {{"yell", "yelled", "yelled", "yells", "yelling"}, S, true},
    {{"reiterate", "reiterated", "reiterated", "reiterates", "reiterating"}, S, true},
    {{"testify", "testified", "testified", "testifies", "testifying"}, S, true},
    {{"confirm", "confirmed", "confirmed", "confirms", "confirming"}, S, true},
    {{"report", "reported", "reported", "reports", "reporting"}, S, true},
    {{"post", "posted", "posted", "posts", "posting"}, S, true},
    {{"email", "emailed", "emailed", "emails", "emailing"}, S, true},
    {{"vow", "vowed", "vowed", "vows", "vowing"}, S, true},
    {{"pledge", "pledged", "pledged", "pledges", "pledging"}, S, true},
    {{"promise", "promised", "promised", "promises", "promising"}, S, true},
    {{"assure", "assured", "assured", "assures", "assuring"}, S, false},
    {{"urge", "urged", "urged", "urges", "urging"}, S, false},
    {{"speak", "spoke", "spoken", "speaks", "speaking"}, S, false},
    {{"read", "read", "read", "reads", "reading"}, S, true},
    {{"wonder", "wondered", "wondered", "wonders", "wondering"}, S, true},
    {{"gush", "gushed", "gushed", "gushes", "gushing"}, S, true},
    {{"fume", "fumed", "fumed", "fumes", "fuming"}, S, true},
    {{"vent", "vented", "vented", "vents", "venting"}, S, true},
    {{"surmise", "surmised", "surmised", "surmises", "surmising"}, S, true},
    {{"riff", "riffed", "riffed", "riffs", "riffing"}, S, true},
    {{"bark", "barked", "barked", "barks", "barking"}, S, true},
    {{"snap", "snapped", "snapped", "snaps", "snapping"}, S, true},
    {{"cry", "cried", "cried", "cries", "crying"}, S, true},
    {{"whisper", "whispered", "whispered", "whispers", "whispering"}, S, true},
    {{"sing", "sang", "sung", "sings", "singing"}, S, true},
    {{"allege", "alleged", "alleged", "alleges", "alleging"}, S, true},
    {{"question", "questioned", "questioned", "questions", "questioning"}, S, true},
    {{"confess", "confessed", "confessed", "confesses", "confessing"}, S, true},
    {{"press", "pressed", "pressed", "presses", "pressing"}, S, true},
    {{"begin", "began", "begun", "begins", "beginning"}, W, false},
    {{"opine", "opined", "opined", "opines", "opining"}, S, true},
    {{"implore", "implored", "implored", "implores", "imploring"}, S, false},
    {{"plead", "pleaded", "pleaded", "pleads", "pleading"}, S, true},
    {{"tease", "teased", "teased", "teases", "teasing"}, S, true},
    {{"scoff", "scoffed", "scoffed", "scoffs", "scoffing"}, S, true},
    {{"sneer", "sneered", "sneered", "sneers", "sneering"}, S, true},
    {{"grumble", "grumbled", "grumbled", "grumbles", "grumbling"}, S, true},
    {{"brag", "bragged", "bragged", "brags", "bragging"}, S, true},
    {{"recount", "recounted", "recounted", "recounts", "recounting"}, S, true},
    {{"caution", "cautioned", "cautioned", "cautions", "cautioning"}, S, true},
    {{"repeat", "repeated", "repeated", "repeats", "repeating"}, S, true},
    {{"summarize", "summarized", "summarized", "summarizes", "summarizing"}, S, true},
    {{"start", "started", "started", "starts", "starting"}, S, true},
    {{"remember", "remembered", "remembered", "remembers", "remembering"}, S, true},
    {{"call", "called", "called", "calls", "calling"}, W, false},
    {{"describe", "described", "described", "describes", "describing"}, W, false},
    {{"accuse", "accused", "accused", "accuses", "accusing"}, W, false},
    {{"thank", "thanked", "thanked", "thanks", "thanking"}, W, false},
    {{"praise", "praised", "praised", "praises", "praising"}, W, false},
    {{"blame", "blamed", "blamed", "blames", "blaming"}, W, false},
    {{"charge", "charged", "charged", "charges", "charging"}, W, true},
    {{"criticize", "criticized", "criticized", "criticizes", "criticizing"}, W, false},
    {{"mock", "mocked", "mocked", "mocks", "mocking"}, W, false},
    {{"blast", "blasted", "blasted", "blasts", "blasting"}, W, false},
    {{"slam", "slammed", "slammed", "slams", "slamming"}, W, false},
    {{"label", "labeled", "labelled", "labels", "labeling"}, W, false},
    {{"dub", "dubbed", "dubbed", "dubs", "dubbing"}, W, false},
    {{"refer", "referred", "referred", "refers", "referring"}, W, false},
    {{"cite", "cited", "cited", "cites", "citing"}, W, false},
    {{"quote", "quoted", "quoted", "quotes", "quoting"}, W, false},
    {{"deny", "denied", "denied", "denies", "denying"}, W, true},
    {{"demand", "demanded", "demanded", "demands", "demanding"}, S, true},
    {{"express", "expressed", "expressed", "expresses", "expressing"}, W, false},
    {{"agree", "agreed", "agreed", "agrees", "agreeing"}, W, true},
    {{"offer", "offered", "offered", "offers", "offering"}, W, false},
    {{"issue", "issued", "issued", "issues", "issuing"}, W, false},
    {{"release", "released", "released", "releases", "releasing"}, W, false},
    {{"publish", "published", "published", "publishes", "publishing"}, W, false},
    {{"pen", "penned", "penned", "pens", "penning"}, W, false},
    {{"tout", "touted", "touted", "touts", "touting"}, W, false},
    {{"deride", "derided", "derided", "derides", "deriding"}, W, false},
    {{"dismiss", "dismissed", "dismissed", "dismisses", "dismissing"}, W, false},
    {{"brand", "branded", "branded", "brands", "branding"}, W, false},
    {{"pronounce", "pronounced", "pronounced", "pronounces", "pronouncing"}, W, false},
    {{"chide", "chided", "chided", "chides", "chiding"}, W, false},
    {{"rip", "ripped", "ripped", "rips", "ripping"}, W, false},
    {{"attack", "attacked", "attacked", "attacks", "attacking"}, W, false},
    {{"hail", "hailed", "hailed", "hails", "hailing"}, W, false},
    {{"condemn", "condemned", "condemned", "condemns", "condemning"}, W, false},
    {{"insult", "insulted", "insulted", "insults", "insulting"}, W, false},
    {{"characterize", "characterized", "characterized", "characterizes", "characterizing"}, W, false},
    {{"highlight", "highlighted", "highlighted", "highlights", "highlighting"}, W, false},
    {{"point", "pointed", "pointed", "points", "pointing"}, W, false},
    {{"put", "put", "put", "puts", "putting"}, W, false},
    {{"pose", "posed", "posed", "poses", "posing"}, W, false},
};

struct CueTable {
  std::unordered_map<std::string_view, CueVerb> map;
  CueTable() {
    for (const VerbForms& v : kVerbs) {
      for (int i = 0; i < 5; ++i) {
        CueVerb c{v.strength, v.invertible, i == 4, i >= 1 && i <= 3};
        map.emplace(v.forms[i], c);
      }
    }
  }
};

const WordSet& Determiners() {
  static const WordSet s = {"the",  "a",    "an",    "another", "his",  "her",   "their",   "its",
                            "our",  "one",  "two",   "three",   "some", "many",  "several", "other",
                            "this", "that", "these", "those",   "each", "both",  "most",    "few",
                            "all",  "no",   "my",    "your",    "any",  "every", "such"};
  return s;
}

const WordSet& NonNameCapitals() {
  static const WordSet s = {"the",        "a",         "an",         "but",       "and",
                            "or",         "so",        "yet",        "in",        "on",
                            "at",         "of",        "for",        "to",        "from",
                            "with",       "by",        "as",         "if",        "when",
                            "while",      "after",     "before",     "since",     "because",
                            "although",   "though",    "however",    "meanwhile", "still",
                            "then",       "now",       "later",      "earlier",   "also",
                            "according",  "asked",     "this",       "that",      "these",
                            "those",      "there",     "here",       "it",        "he",
                            "she",        "they",      "we",         "i",         "you",
                            "his",        "her",       "their",      "its",       "our",
                            "my",         "your",      "what",       "who",       "why",
                            "how",        "where",     "which",      "some",      "many",
                            "most",       "all",       "both",       "each",      "every",
                            "no",         "not",       "yes",        "one",       "two",
                            "another",    "other",     "instead",    "indeed",    "even",
                            "just",       "only",      "last",       "next",      "during",
                            "despite",    "under",     "over",       "about",     "like",
                            "unlike",     "speaking",  "asked",      "writing",   "said",
                            "says",       "told",      "added",      "monday",    "tuesday",
                            "wednesday",  "thursday",  "friday",     "saturday",  "sunday",
                            "january",    "february",  "march",      "april",     "may",
                            "june",       "july",      "august",     "september", "october",
                            "november",   "december",  "jan.",       "feb.",      "aug.",
                            "sept.",      "oct.",      "nov.",       "dec.",      "today",
                            "yesterday",  "tonight",   "overall",    "finally",   "first",
                            "second",     "third",     "ultimately", "similarly", "likewise",
                            "separately", "again",     "once",       "perhaps",   "maybe",
                            "thus",       "therefore", "otherwise",  "whether",   "until",
                            "unless",     "through",   "among",      "against",   "without",
                            "within",     "between",   "into",       "onto",      "upon",
                            "nor",        "neither",   "either",     "more",      "less",
                            "much",       "few",       "several",    "such",      "did",
                            "does",       "do",        "is",         "was",       "are",
                            "were",       "will",      "would",      "can",       "could",
                            "should",     "has",       "have",       "had",       "be",
                            "been",       "being",     "read",       "update",    "updated",
                            "watch",      "photo",     "video",      "related",   "advertisement",
                            "see",        "click",     "source"};
  return s;
}

const WordSet& VerbModifiers() {
  static const WordSet s = {
      "also",          "later",        "then",         "further",     "previously", "again",      "recently",
      "once",          "often",        "has",          "had",         "have",       "would",      "will",
      "was",           "is",           "were",         "are",         "did",        "does",       "do",
      "repeatedly",    "simply",       "quickly",      "reportedly",  "flatly",     "bluntly",    "not",
      "never",         "only",         "just",         "even",        "still",      "first",      "publicly",
      "privately",     "earlier",      "subsequently", "yesterday",   "today",      "tonight",    "monday",
      "tuesday",       "wednesday",    "thursday",     "friday",      "saturday",   "sunday",     "already",
      "finally",       "immediately",  "last",         "this",        "week",       "night",      "morning",
      "afternoon",     "evening",      "month",        "year",        "may",        "might",      "could",
      "can",           "should",       "must",         "be",          "been",       "being",      "shall",
      "ever",          "always",       "long",         "since",       "once",       "proudly",    "angrily",
      "sarcastically", "jokingly",     "emphatically", "confidently", "happily",    "softly",     "loudly",
      "calmly",        "tearfully",    "candidly",     "frankly",     "plainly",    "succinctly", "memorably",
      "famously",      "infamously",   "wryly",        "drily",       "dryly",      "curtly",     "simply",
      "directly",      "specifically", "explicitly",   "openly",      "clearly",    "widely",     "recently",
      "eventually",    "ultimately",   "initially",    "originally",  "separately", "similarly",  "likewise",
      "apparently",    "allegedly",    "purportedly",  "supposedly"};
  return s;
}

const WordSet& PhraseBreakers() {
  static const WordSet s = {
      "and",     "or",    "but",    "that",  "which",   "who",     "whom",    "whose",    "when",  "where",  "while",
      "because", "after", "before", "as",    "if",      "than",    "to",      "in",       "on",    "at",     "for",
      "with",    "by",    "from",   "about", "into",    "over",    "under",   "during",   "is",    "was",    "are",
      "were",    "be",    "been",   "has",   "had",     "have",    "will",    "would",    "could", "should", "can",
      "may",     "might", "must",   "not",   "also",    "then",    "said",    "says",     "told",  "added",  "it",
      "he",      "she",   "they",   "we",    "i",       "you",     "him",     "them",     "us",    "me",     "there",
      "here",    "so",    "yet",    "nor",   "since",   "until",   "though",  "although", "what",  "how",    "why",
      "said",    "did",   "does",   "do",    "through", "without", "against", "between",  "among", "like",   "unlike"};
  return s;
}

const WordSet& SpeakerNouns() {
  static const WordSet s = {"spokesman",
                            "spokeswoman",
                            "spokesperson",
                            "official",
                            "officials",
                            "source",
                            "sources",
                            "aide",
                            "aides",
                            "adviser",
                            "advisers",
                            "advisor",
                            "advisors",
                            "campaign",
                            "statement",
                            "spokespeople",
                            "representative",
                            "senator",
                            "governor",
                            "candidate",
                            "nominee",
                            "president",
                            "secretary",
                            "minister",
                            "leader",
                            "chairman",
                            "director",
                            "manager",
                            "strategist",
                            "analyst",
                            "expert",
                            "experts",
                            "economist",
                            "lawyer",
                            "attorney",
                            "judge",
                            "voter",
                            "voters",
                            "supporter",
                            "supporters",
                            "resident",
                            "residents",
                            "critic",
                            "critics",
                            "member",
                            "members",
                            "organizer",
                            "protesters",
                            "protester",
                            "crowd",
                            "report",
                            "letter",
                            "memo",
                            "email",
                            "release",
                            "post",
                            "tweet",
                            "ad",
                            "group",
                            "committee",
                            "organization",
                            "company",
                            "agency",
                            "department",
                            "office",
                            "administration",
                            "ministry",
                            "government",
                            "party",
                            "newspaper",
                            "paper",
                            "network",
                            "website",
                            "site",
                            "magazine",
                            "transcript",
                            "document",
                            "documents",
                            "poll",
                            "study",
                            "woman",
                            "man",
                            "people",
                            "person",
                            "mother",
                            "father",
                            "son",
                            "daughter",
                            "wife",
                            "husband",
                            "friend",
                            "veteran",
                            "founder",
                            "host",
                            "anchor",
                            "moderator",
                            "reporter",
                            "journalist",
                            "author",
                            "writer",
                            "columnist",
                            "editor",
                            "professor",
                            "researcher",
                            "pollster",
                            "ambassador",
                            "mayor",
                            "congressman",
                            "congresswoman",
                            "lawmaker",
                            "lawmakers",
                            "legislator",
                            "delegate",
                            "delegates",
                            "chair",
                            "speaker",
                            "commissioner",
                            "officer",
                            "spokesmen",
                            "executive",
                            "ceo",
                            "chief",
                            "businessman",
                            "billionaire",
                            "mogul",
                            "senators",
                            "republicans",
                            "democrats",
                            "republican",
                            "democrat",
                            "conservative",
                            "liberal",
                            "activist",
                            "activists",
                            "leaders",
                            "owner",
                            "worker",
                            "workers",
                            "student",
                            "students",
                            "teacher",
                            "pastor",
                            "bishop",
                            "rabbi",
                            "imam",
                            "doctor",
                            "physician",
                            "nurse",
                            "sheriff",
                            "chairwoman",
                            "operative",
                            "consultant",
                            "staffer",
                            "staffers",
                            "surrogate",
                            "surrogates",
                            "backer",
                            "backers",
                            "donor",
                            "donors",
                            "fan",
                            "fans",
                            "team",
                            "press",
                            "ministry",
                            "kremlin",
                            "diplomat",
                            "diplomats",
                            "publication",
                            "headline",
                            "article",
                            "piece",
                            "editorial",
                            "board",
                            "book",
                            "ad",
                            "video",
                            "sign",
                            "signs",
                            "banner",
                            "lawsuit",
                            "complaint",
                            "filing",
                            "indictment",
                            "ruling",
                            "order",
                            "bill",
                            "message",
                            "note",
                            "page",
                            "account",
                            "feed",
                            "blog",
                            "column",
                            "op-ed",
                            "speech",
                            "interview",
                            "survey",
                            "authors",
                            "two",
                            "both",
                            "others",
                            "prosecutor",
                            "prosecutors",
                            "employee",
                            "employees",
                            "insider",
                            "insiders",
                            "official's",
                            "observer",
                            "observers",
                            "historian"};
  return s;
}

bool In(const WordSet& s, std::string_view w) { return s.count(w) > 0; }

}  // namespace

CueVerb SpeakerLexicon::Cue(std::string_view lower) {
  static const CueTable table;
  auto it = table.map.find(lower);
  return it == table.map.end() ? CueVerb{} : it->second;
}

bool SpeakerLexicon::SpeakerPronoun(std::string_view lower, Gender* gender) {
  if (lower == "he")
    *gender = Gender::kMale;
  else if (lower == "she")
    *gender = Gender::kFemale;
  else if (lower == "they")
    *gender = Gender::kPlural;
  else if (lower == "it")
    *gender = Gender::kNeuter;
  else if (lower == "who" || lower == "i" || lower == "we")
    *gender = Gender::kUnknown;
  else
    return false;
  return true;
}

Gender SpeakerLexicon::PronounGender(std::string_view lower) {
  if (lower == "he" || lower == "his" || lower == "him" || lower == "himself") return Gender::kMale;
  if (lower == "she" || lower == "her" || lower == "hers" || lower == "herself") return Gender::kFemale;
  return Gender::kUnknown;
}

bool SpeakerLexicon::IsDeterminer(std::string_view lower) { return In(Determiners(), lower); }
bool SpeakerLexicon::IsNonNameCapital(std::string_view lower) { return In(NonNameCapitals(), lower); }
bool SpeakerLexicon::IsVerbModifier(std::string_view lower) {
  return In(VerbModifiers(), lower) || (lower.size() > 4 && lower.substr(lower.size() - 2) == "ly");
}
bool SpeakerLexicon::IsPhraseBreaker(std::string_view lower) { return In(PhraseBreakers(), lower); }
bool SpeakerLexicon::IsSpeakerNoun(std::string_view lower) { return In(SpeakerNouns(), lower); }

// Words that open an adverbial clause before a sentence's subject.
bool SpeakerLexicon::OpensAdverbial(std::string_view lower) {
  static const char* const kWords[] = {
      "in",    "on",         "at",         "after",   "during",    "when",    "while", "speaking",
      "asked", "before",     "following",  "since",   "as",        "despite", "with",  "earlier",
      "later", "responding", "addressing", "writing", "appearing", "for",     "from",  "under",
      "if",    "although",   "though",     "because", "by",        "over",    "last",  "this"};
  for (const char* w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

bool SpeakerLexicon::IsSentenceAdverb(std::string_view lower) {
  return lower == "but" || lower == "and" || lower == "so" || lower == "still" || lower == "yet" || lower == "then" ||
         lower == "now" || lower == "also" || lower == "however" || lower == "meanwhile" || lower == "instead" ||
         lower == "indeed" || lower == "or";
}

bool SpeakerLexicon::IsOrganizationHead(std::string_view lower) {
  static const WordSet s = {"ministry",    "department", "office", "council", "committee",
                            "commission",  "agency",     "bureau", "service", "administration",
                            "secretariat", "cabinet",    "staff",  "team"};
  return In(s, lower);
}

bool SpeakerLexicon::IsPreposition(std::string_view lower) {
  static const WordSet s = {"in", "on",    "at",   "during", "after", "before",  "for",   "with",    "from", "to",
                            "by", "about", "over", "under",  "via",   "through", "while", "without", "into", "outside"};
  return In(s, lower);
}

}  // namespace storyfuse
