#include "feed/fictional_news.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string_view>

#include "text/ascii_chars.h"
#include "text/html_escape.h"

namespace storyfuse {
namespace {

// The top-stories feed of an outlet repeats its newest items of the other
// feeds, as outlets' front-page feeds do.
constexpr int kTopRepeats = 20;
// Stories are spread over the days of March 2031; a story's pages appear
// within two days of its event.
constexpr int kStoryDays = 28;
constexpr int kPageHours = 48;

// splitmix64: a fixed generator, so the same seed gives the same bytes on
// every platform (std:: distributions do not promise that).
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

constexpr std::string_view kNouns[] = {
    "warehouse", "pier",       "lantern",  "orchard",     "quarry",      "granary",    "tramline",  "footbridge",
    "reservoir", "lighthouse", "mill",     "boathouse",   "vineyard",    "tannery",    "kiln",      "sawmill",
    "ferry",     "trawler",    "barge",    "lock",        "culvert",     "pylon",      "silo",      "depot",
    "carriage",  "glasshouse", "cistern",  "aqueduct",    "windmill",    "chapel",     "tower",     "market",
    "bakery",    "library",    "stable",   "kennel",      "hangar",      "turbine",    "beacon",    "shipyard",
    "brewery",   "foundry",    "dam",      "sluice",      "quay",        "jetty",      "causeway",  "tunnel",
    "viaduct",   "dormitory",  "clinic",   "pharmacy",    "theatre",     "gallery",    "stadium",   "arena",
    "courtyard", "fountain",   "garden",   "cemetery",    "seawall",     "breakwater", "marina",    "harbour",
    "railway",   "signal",     "junction", "platform",    "ticket",      "bus",        "tram",      "cable",
    "crane",     "forklift",   "tractor",  "harvester",   "plough",      "furnace",    "boiler",    "chimney",
    "roof",      "gable",      "cellar",   "attic",       "balcony",     "stairwell",  "corridor",  "lobby",
    "classroom", "laboratory", "archive",  "observatory", "planetarium", "aquarium",   "zoo",       "farm",
    "dairy",     "creamery",   "cannery",  "smokehouse",  "icehouse",    "storehouse", "shed",      "barn",
    "meadow",    "pasture",    "hedge",    "ditch",       "canal",       "river",      "stream",    "pond",
    "lake",      "glacier",    "ridge",    "valley",      "cliff",       "dune",       "marsh",     "forest",
    "school",    "hospital",   "prison",   "courthouse",  "townhall",    "museum",     "cathedral", "monastery",
};
constexpr std::string_view kVerbs[] = {
    "flooded",   "closed",    "damaged",      "repaired",   "reopened", "blocked", "cleared",  "inspected",
    "evacuated", "sealed",    "drained",      "restored",   "shifted",  "cracked", "toppled",  "lifted",
    "rebuilt",   "measured",  "emptied",      "filled",     "painted",  "moved",   "towed",    "guarded",
    "searched",  "surveyed",  "secured",      "reinforced", "opened",   "crossed", "buried",   "uncovered",
    "flagged",   "patrolled", "photographed", "mapped",     "fenced",   "loaded",  "unloaded", "delivered",
    "tested",    "replaced",  "extended",     "narrowed",   "widened",  "lowered", "raised",   "cooled",
};
constexpr std::string_view kAdjectives[] = {
    "old",     "northern", "southern", "eastern", "western", "narrow",  "wooden",    "iron",
    "stone",   "flooded",  "damaged",  "busy",    "quiet",   "ancient", "new",       "temporary",
    "main",    "lower",    "upper",    "outer",   "inner",   "coastal", "municipal", "private",
    "disused", "restored", "crowded",  "remote",  "steep",   "shallow", "deep",      "broad",
};
constexpr std::string_view kPlaceHeads[] = {"Kor", "Mar",  "Tal", "Ost", "Vel",  "Dran", "Hes", "Lun", "Brav", "Cel",
                                            "Fen", "Grel", "Ith", "Jor", "Kest", "Lom",  "Nar", "Per", "Quen", "Sarn"};
constexpr std::string_view kPlaceTails[] = {"vinde", "rowvale", "vik",  "rin Bay", "mora",  "holt", "brook",
                                            "stead", "wick",    "ford", "mere",    "haven", "dal",  "gard",
                                            "by",    "ness",    "lund", "crag",    "field", "port"};
constexpr std::string_view kFirstNames[] = {"Edda",   "Ilse",  "Tomas", "Ana",    "Bruno",  "Carla", "Dmitri", "Elin",
                                            "Fabian", "Greta", "Hugo",  "Ingrid", "Jonas",  "Kaija", "Lars",   "Mirela",
                                            "Niko",   "Oona",  "Petra", "Quill",  "Rasmus", "Sanna", "Teodor", "Ulla",
                                            "Viggo",  "Wenke", "Xavi",  "Yrsa",   "Zoltan", "Agnes"};
constexpr std::string_view kSurnameHeads[] = {"Brand", "Kal",  "Flor", "Var", "Hol",  "Mik",  "Sten", "Thor", "Lind",
                                              "Ek",    "Berg", "Dahl", "Fal", "Gunn", "Hark", "Isak", "Jarn", "Kvist",
                                              "Lodd",  "Morr", "Nyst", "Orm", "Pell", "Rask", "Sol"};
constexpr std::string_view kSurnameTails[] = {"vik",  "in",  "ga",   "sen", "berg", "ström", "ova", "ic",    "ander",
                                              "ett",  "ley", "mann", "oni", "ard",  "ski",   "as",  "quist", "ler",
                                              "holm", "ros", "ton",  "by",  "well", "ach",   "ford"};
constexpr std::string_view kOrgKinds[] = {"Harbour Board", "Water Authority", "Town Council",     "Fire Service",
                                          "Rail Company",  "Port Trust",      "Heritage Society", "Health Board",
                                          "Roads Office",  "Coast Guard"};
constexpr std::string_view kOutlets[] = {"Marrowvale Ledger", "Ostrin Bay Herald", "Velmora Courier",
                                         "Tallvik Post",      "Korvinde Gazette",  "Coastline Chronicle",
                                         "Fjord Observer",    "Harbour Daily",     "Northern Lantern",
                                         "Valley Sentinel",   "Lakeside Times",    "Ridge Bulletin"};
constexpr std::string_view kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr std::string_view kShortDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

template <size_t N>
std::string_view Pick(const std::string_view (&list)[N], uint64_t i) {
  return list[i % N];
}

// A name from two tables that no other index below heads*tails gets (the
// pair (i mod heads, i / heads + i) is one-to-one); further indexes get a
// number.
template <size_t A, size_t B>
std::string UniqueName(const std::string_view (&heads)[A], const std::string_view (&tails)[B], int i) {
  int a = i % static_cast<int>(A);
  int b = (i / static_cast<int>(A) + a) % static_cast<int>(B);
  std::string name = std::string(heads[a]) + std::string(tails[b]);
  if (i >= static_cast<int>(A * B)) name += " " + std::to_string(i / static_cast<int>(A * B) + 1);
  return name;
}

std::string Capitalized(std::string s) {
  if (!s.empty()) s[0] = AsciiUpper(s[0]);
  return s;
}

std::string Slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAsciiLetter(c) || IsAsciiDigit(c)) {
      out += AsciiLower(c);
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Replaces {key} in `pattern` by its value.
std::string Fill(std::string_view pattern, const std::map<std::string, std::string>& slots) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      auto it = slots.find(std::string(pattern.substr(i + 1, close - i - 1)));
      out += it->second;
      i = close;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

struct Stamp {
  int day = 1;  // of March 2031
  int hour = 0, minute = 0;
};

int WeekdayOf(int march_day) {
  using namespace std::chrono;
  return static_cast<int>(weekday(sys_days(year(2031) / March / day(march_day))).c_encoding());
}

std::string Iso(const Stamp& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "2031-03-%02dT%02d:%02d:00Z", t.day, t.hour, t.minute);
  return buf;
}

Stamp FromIso(const std::string& iso) {
  return {std::stoi(iso.substr(8, 2)), std::stoi(iso.substr(11, 2)), std::stoi(iso.substr(14, 2))};
}

std::string Rfc822(const std::string& iso) {
  Stamp t = FromIso(iso);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s, %02d Mar 2031 %02d:%02d:00 +0000",
                std::string(kShortDays[WeekdayOf(t.day)]).c_str(), t.day, t.hour, t.minute);
  return buf;
}

// The sentences pages are made of. Slots: P place, O organisation, A and B
// people, D weekday, N1-N3 numbers, n0-n11 nouns, v0-v5 verbs, j0-j2
// adjectives, M the page's own number. No run of five words without a
// slot (within a sentence or across two: every sentence but the lede
// starts with a slot), so two stories' pages share no shingle of the copy
// detector (docs/dedupe.md: five words) by their frames alone: pages of
// different stories are never taken for copies.
constexpr std::string_view kLedes[] = {
    "{P} - The {n0} {v0} the {n1} on {D}, and the {O} said {N1} {n2}s were affected.",
    "On {D} the {O} said the {j0} {n0} in {P} had {v0} the {n1}, affecting {N1} {n2}s.",
    "{N1} {n2}s in {P} were affected after the {n0} {v0} the {n1} on {D}.",
};
// Each fact in three wordings; a story keeps one wording per fact, so two
// stories share few frames (the frames' words are the same in every
// page, and at the start of a stream nothing tells them from a story's
// own words yet).
constexpr int kFactCount = 6;
constexpr int kWordings = 3;
constexpr std::string_view kFacts[kFactCount][kWordings] = {
    {"{N1} {n2}s were left without a {n3} when the {j0} {n0} at {P} {v0} the {n1} on {D}, the {O} said.",
     "{N1} {n2}s lost their {n3} after the {j0} {n0} near {P} {v0} the {n1} on {D}, according to the {O}.",
     "{N1} {n2}s went without {n3} once the {j0} {n0} by {P} had {v0} the {n1}, the {O} reported."},
    {"{A}, who leads the {O}, said the {n4} had been {v1} by the {j1} {n5} near the {n6}.",
     "{A}, head of the {O}, told residents the {n4} was {v1} by a {j1} {n5} beside the {n6}.",
     "{A}, the {O} director, blamed the {j1} {n5} for the {n4} being {v1} close to the {n6}."},
    {"{N2} residents of {P} gathered by the {n7} as the {n0} {v2} the {n3}.",
     "{N2} neighbours crowded around the {n7} in {P} while the {n0} {v2} the {n3}.",
     "{N2} onlookers in {P} watched from the {n7} as the {n0} {v2} the {n3}."},
    {"{P} officials put the {n1} cost at {N3},000 crowns and said the {j2} {n5} would be {v3} soon.",
     "{P} engineers priced the {n1} work at {N3},000 crowns, adding that the {j2} {n5} must be {v3} first.",
     "{P} council members set aside {N3},000 crowns for the {n1} so the {j2} {n5} can be {v3}."},
    {"{B}, who keeps the {j2} {n6} in {P}, said the {n2}s had never {v0} the {n7} before.",
     "{B}, caretaker of the {j2} {n6} at {P}, recalled no {n2} ever {v0} the {n7}.",
     "{B} has looked after the {j2} {n6} in {P} for years, yet no {n2} had {v0} the {n7} until now."},
    {"{P} records show the {n4} was {v2} last spring.", "{P} archives note that the {n4} had been {v2} before.",
     "{P} has seen its {n4} {v2} once already this decade."},
};
constexpr std::string_view kQuotes[] = {
    "\"We {v3} the {n5} as fast as we could, and the {n6} held,\" said {A}.",
    "\"The {n5} was {v3} as fast as we could manage, and the {n6} held,\" {A} told reporters.",
    "{A} said: \"We {v3} the {n5} as fast as we could, and the {n6} held.\"",
};
constexpr std::string_view kFollowUps[] = {
    "{B} said on {D} evening that {N2} more {n2}s had been {v1} and the {n7} was {v2}.",
    "{O} counted {N2} {n2}s later on {D}, {B} said.",
};
constexpr std::string_view kOwnCount = "{M} {n4}s {v3} near the {n3} by noon.";
// Sentences of the story's own words: they make each page mostly its
// story's vocabulary, as real reports are.
constexpr std::string_view kOwnWords[] = {
    "The {n8}, the {n9} and the {n10} near {P} were also {v4}.",
    "{A} and {B} {v5} the {n11} and the {j1} {n8} together.",
};
constexpr std::string_view kHeadlines[] = {
    "{Pn0} {v0} the {n1} in {P}",
    "{P}: {N1} {n2}s affected as {n0} {v0} {n1}",
    "{O} says {n0} {v0} {n1} at {P}",
};
constexpr std::string_view kFollowUpHeadlines[] = {
    "{P} {n0}: {N2} more {n2}s {v1}",
    "{O} raises {P} count to {N2} {n2}s",
};
constexpr int kFactsPerPage = 4;

}  // namespace

FictionalNews::Story FictionalNews::MakeStory(int s) const {
  Story st;
  uint64_t r = Mix(options_.seed * 1000003 + s);
  // Kinds and first names are drawn, not taken by s modulo their count:
  // stories s and s + 30 would otherwise share three names.
  st.place = UniqueName(kPlaceHeads, kPlaceTails, s);
  st.org = st.place + " " + std::string(Pick(kOrgKinds, r >> 8));
  st.person1 = std::string(Pick(kFirstNames, r >> 16)) + " " + UniqueName(kSurnameHeads, kSurnameTails, 2 * s);
  st.person2 = std::string(Pick(kFirstNames, r >> 24)) + " " + UniqueName(kSurnameHeads, kSurnameTails, 2 * s + 1);
  auto draw = [&r](auto& list, size_t count, std::vector<std::string>* out) {
    while (out->size() < count) {
      r = Mix(r);
      std::string w(list[r % std::size(list)]);
      if (std::find(out->begin(), out->end(), w) == out->end()) out->push_back(w);
    }
  };
  draw(kNouns, 12, &st.nouns);
  draw(kVerbs, 6, &st.verbs);
  draw(kAdjectives, 3, &st.adjectives);
  return st;
}

FictionalNews::FictionalNews(Options options) : options_(options) {
  options_.hosts = std::max(1, options_.hosts);
  options_.stories = std::max(1, options_.stories);
  options_.feeds = std::max(options_.hosts, options_.feeds);
  options_.pages = std::max(0, options_.pages);
  for (int s = 0; s < options_.stories; ++s) stories_.push_back(MakeStory(s));

  // Every story gets pages/stories pages (the first ones one more), each on
  // the next outlet after a story's own first, at a time within two days
  // of the story's day.
  struct Draft {
    Page page;
    std::string sort_key;
  };
  std::vector<Draft> drafts;
  for (int i = 0; i < options_.pages; ++i) {
    int s = i % options_.stories;
    int k = i / options_.stories;
    uint64_t r = Mix(options_.seed ^ (static_cast<uint64_t>(i) << 20));
    Page p;
    p.story = s;
    p.host = static_cast<int>((Mix(options_.seed + s) + k * 3) % options_.hosts);
    int minutes = static_cast<int>(r % (kPageHours * 60));
    Stamp t{1 + s * kStoryDays / options_.stories + minutes / (24 * 60), (minutes / 60) % 24, minutes % 60};
    p.published = Iso(t);
    p.author = std::string(Pick(kFirstNames, p.host * 3 + r % 3)) + " " +
               UniqueName(kSurnameHeads, kSurnameTails, 600 + p.host * 3 + static_cast<int>(r % 3));
    drafts.push_back({p, p.published + "/" + std::to_string(100000000 + i)});
  }
  std::sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) { return a.sort_key < b.sort_key; });
  std::map<std::pair<int, int>, int> published_by;  // (story, host) -> pages so far
  for (size_t i = 0; i < drafts.size(); ++i) {
    Page& p = drafts[i].page;
    int follow_up = published_by[{p.story, p.host}]++;
    const Story& st = stories_[p.story];
    std::map<std::string, std::string> slots = {
        {"P", st.place},
        {"O", st.org},
        {"N1", std::to_string(st.n1)},
        {"N2", std::to_string(st.n2)},
        {"n0", st.nouns[0]},
        {"n1", st.nouns[1]},
        {"n2", st.nouns[2]},
        {"v0", st.verbs[0]},
        {"v1", st.verbs[1]},
        {"Pn0", Capitalized(st.nouns[0])},
    };
    p.title = follow_up == 0 ? Fill(Pick(kHeadlines, p.host), slots)
                             : Fill(Pick(kFollowUpHeadlines, p.host + follow_up), slots);
    p.path = "/" + p.published.substr(0, 4) + "/" + p.published.substr(5, 2) + "/" + p.published.substr(8, 2) + "/" +
             Slug(st.place + " " + st.nouns[0]) + "-" + std::to_string(i);
    pages_.push_back(p);
    follow_up_.push_back(follow_up);
  }

  // Feeds: feed f is on host f mod hosts; a host's pages go to its feeds
  // by story (its sections), and its first feed is its top stories.
  std::vector<int> feeds_on(options_.hosts, 0);
  for (int f = 0; f < options_.feeds; ++f) {
    int host = f % options_.hosts;
    int j = feeds_on[host]++;
    Feed feed;
    feed.host = host;
    static constexpr FeedKind kKinds[] = {FeedKind::kRss2, FeedKind::kAtom, FeedKind::kJsonFeed, FeedKind::kRss1};
    feed.kind = kKinds[j % 4];
    feed.path = j == 0 ? "/feeds/top.xml"
                       : "/feeds/section-" + std::to_string(j) + (feed.kind == FeedKind::kJsonFeed ? ".json" : ".xml");
    feeds_.push_back(feed);
  }
  for (size_t i = 0; i < pages_.size(); ++i) {
    int host = pages_[i].host;
    int section = pages_[i].story % feeds_on[host];
    feeds_[section * options_.hosts + host].pages.push_back(static_cast<int>(i));
  }
}

std::string FictionalNews::OutletName(int host) const {
  std::string name(Pick(kOutlets, host));
  if (host >= static_cast<int>(std::size(kOutlets))) name += " " + std::to_string(host);
  return "The " + name;
}

std::string FictionalNews::Paragraphs(int index, int follow_up) const {
  const Page& page = pages_[index];
  const Story& st = stories_[page.story];
  std::map<std::string, std::string> slots = {
      {"P", st.place},
      {"O", st.org},
      {"A", st.person1},
      {"B", st.person2},
      {"D", std::string(kWeekdays[WeekdayOf(FromIso(page.published).day)])},
      {"N1", std::to_string(st.n1)},
      {"N2", std::to_string(st.n2)},
      {"N3", std::to_string(st.n3)},
  };
  for (int i = 0; i < 12; ++i) slots["n" + std::to_string(i)] = st.nouns[i];
  for (int i = 0; i < 6; ++i) slots["v" + std::to_string(i)] = st.verbs[i];
  for (int i = 0; i < 3; ++i) slots["j" + std::to_string(i)] = st.adjectives[i];
  // Each page picks its lede, its quote's wording and four of the six
  // facts in its own order, and counts something of its own (a number
  // only it gives), so no two pages have the same text.
  uint64_t r = Mix(options_.seed * 7919 + static_cast<uint64_t>(index));
  slots["M"] = std::to_string(2 + index);
  std::vector<int> facts = {0, 1, 2, 3, 4, 5};
  for (int i = 5; i > 0; --i) std::swap(facts[i], facts[(r >> (8 * i)) % (i + 1)]);
  std::vector<std::string> sentences;
  sentences.push_back(Fill(Pick(kLedes, r + page.host), slots));
  if (follow_up > 0) sentences.push_back(Fill(Pick(kFollowUps, page.host + follow_up), slots));
  for (int k = 0; k < kFactsPerPage; ++k) {
    int wording = static_cast<int>((Mix(options_.seed + page.story) >> (8 * facts[k])) % kWordings);
    sentences.push_back(Fill(kFacts[facts[k]][wording], slots));
    if (k == 1) sentences.push_back(Fill(Pick(kQuotes, (r >> 4) + page.host), slots));
    if (k == 0 || k == 2) sentences.push_back(Fill(kOwnWords[k / 2 ^ (r >> 12 & 1)], slots));
  }
  sentences.push_back(Fill(kOwnCount, slots));
  std::string html;
  for (const std::string& s : sentences) html += "<p>" + HtmlEscape(s) + "</p>\n";
  return html;
}

std::string FictionalNews::PageHtml(int index, const std::string& origin) const {
  const Page& p = pages_[index];
  std::string outlet = OutletName(p.host);
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + HtmlEscape(p.title) +
         "</title>\n<link rel=\"canonical\" href=\"" + HtmlEscape(origin + p.path) +
         "\">\n<meta property=\"og:site_name\" content=\"" + HtmlEscape(outlet) +
         "\">\n<meta property=\"og:title\" content=\"" + HtmlEscape(p.title) +
         "\">\n<meta property=\"article:published_time\" content=\"" + p.published +
         "\">\n<meta name=\"author\" content=\"" + HtmlEscape(p.author) + "\">\n</head><body>\n<header><a href=\"/\">" +
         HtmlEscape(outlet) +
         "</a><nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a> <a href=\"/weather\">Weather</a> "
         "<a href=\"/contact\">Contact</a></nav></header>\n<main><article>\n<h1>" +
         HtmlEscape(p.title) + "</h1>\n<p class=\"byline\">By " + HtmlEscape(p.author) + "</p>\n" +
         Paragraphs(index, follow_up_[index]) + "</article></main>\n<footer><p>Copyright " + HtmlEscape(outlet) +
         ". <a href=\"/about\">About us</a></p></footer>\n</body></html>\n";
}

const char* FictionalNews::ContentType(FeedKind kind) {
  switch (kind) {
    case FeedKind::kRss2:
      return "application/rss+xml; charset=utf-8";
    case FeedKind::kAtom:
      return "application/atom+xml; charset=utf-8";
    case FeedKind::kJsonFeed:
      return "application/feed+json; charset=utf-8";
    case FeedKind::kRss1:
      return "application/rdf+xml; charset=utf-8";
  }
  return "application/xml";
}

std::string FictionalNews::RobotsTxt() {
  return std::string("User-agent: *\nDisallow: /private/\n\nSitemap: ") + kNewsSitemapPath + "\n";
}

std::string FictionalNews::NewsSitemap(int host, const std::string& origin, int published) const {
  if (published < 0) published = static_cast<int>(pages_.size());
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n";
  for (int p = std::min<int>(published, static_cast<int>(pages_.size())) - 1; p >= 0; --p) {
    if (pages_[p].host != host) continue;
    x += "<url><loc>" + HtmlEscape(origin + pages_[p].path) + "</loc><news:news><news:publication><news:name>" +
         HtmlEscape(OutletName(host)) + "</news:name><news:language>en</news:language></news:publication>" +
         "<news:publication_date>" + pages_[p].published + "</news:publication_date><news:title>" +
         HtmlEscape(pages_[p].title) + "</news:title></news:news></url>\n";
  }
  return x + "</urlset>\n";
}

std::string FictionalNews::HomePage(int host) const {
  std::string name = HtmlEscape(OutletName(host));
  return "<!DOCTYPE html><html><head><title>" + name + "</title></head><body><h1>" + name +
         "</h1><p>Today's news.</p></body></html>";
}

std::string FictionalNews::FeedBody(int index, const std::string& origin, int published) const {
  const Feed& feed = feeds_[index];
  if (published < 0) published = static_cast<int>(pages_.size());
  // Items newest first; the top feed adds the host's newest pages of its
  // other feeds, every other one with a campaign parameter.
  std::vector<std::pair<int, std::string>> items;  // page, query
  for (auto it = feed.pages.rbegin(); it != feed.pages.rend(); ++it) {
    if (*it < published) items.push_back({*it, ""});
  }
  bool top = feed.path == "/feeds/top.xml";
  if (top) {
    int repeats = 0;
    for (int i = published - 1; i >= 0 && repeats < kTopRepeats; --i) {
      if (pages_[i].host != feed.host || std::find(feed.pages.begin(), feed.pages.end(), i) != feed.pages.end()) {
        continue;
      }
      items.push_back({i, repeats % 2 ? "?utm_source=top&utm_medium=feed" : ""});
      ++repeats;
    }
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  }
  bool relative = feeds_.size() > 4 && index / options_.hosts % 5 == 4;
  std::string outlet = OutletName(feed.host);
  std::string home = origin + "/";
  auto link = [&](int page, const std::string& query) { return (relative ? "" : origin) + pages_[page].path + query; };
  auto guid = [&](int page) { return "tag:" + Slug(outlet) + ".test,2031:page-" + std::to_string(page); };
  std::string out;
  switch (feed.kind) {
    case FeedKind::kRss2:
      out =
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" "
          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>" +
          HtmlEscape(outlet) + "</title><link>" + HtmlEscape(home) + "</link>\n";
      for (const auto& [p, q] : items) {
        out += "<item><title>" + HtmlEscape(pages_[p].title) + "</title><link>" + HtmlEscape(link(p, q)) +
               "</link><guid isPermaLink=\"false\">" + guid(p) + "</guid><pubDate>" + Rfc822(pages_[p].published) +
               "</pubDate><dc:creator>" + HtmlEscape(pages_[p].author) + "</dc:creator></item>\n";
      }
      return out + "</channel></rss>\n";
    case FeedKind::kAtom:
      out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>" +
            HtmlEscape(outlet) + "</title><id>" + HtmlEscape(home) + "</id><link href=\"" + HtmlEscape(home) +
            "\"/><updated>" + (items.empty() ? "2031-03-01T00:00:00Z" : pages_[items.front().first].published) +
            "</updated>\n";
      for (const auto& [p, q] : items) {
        out += "<entry><title type=\"text\">" + HtmlEscape(pages_[p].title) +
               "</title><link rel=\"alternate\" href=\"" + HtmlEscape(link(p, q)) + "\"/><id>" + guid(p) +
               "</id><published>" + pages_[p].published + "</published><updated>" + pages_[p].published +
               "</updated><author><name>" + HtmlEscape(pages_[p].author) + "</name></author></entry>\n";
      }
      return out + "</feed>\n";
    case FeedKind::kJsonFeed: {
      out = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": " + JsonString(outlet) +
            ", \"home_page_url\": " + JsonString(home) + ", \"items\": [";
      bool first = true;
      for (const auto& [p, q] : items) {
        out += std::string(first ? "" : ",") + "\n {\"id\": " + JsonString(guid(p)) +
               ", \"url\": " + JsonString(link(p, q)) + ", \"title\": " + JsonString(pages_[p].title) +
               ", \"date_published\": " + JsonString(pages_[p].published) +
               ", \"authors\": [{\"name\": " + JsonString(pages_[p].author) + "}]}";
        first = false;
      }
      return out + "]}\n";
    }
    case FeedKind::kRss1:
      out =
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF "
          "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" "
          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel rdf:about=\"" +
          HtmlEscape(home) + "\"><title>" + HtmlEscape(outlet) + "</title><link>" + HtmlEscape(home) +
          "</link></channel>\n";
      for (const auto& [p, q] : items) {
        out += "<item rdf:about=\"" + HtmlEscape(link(p, q)) + "\"><title>" + HtmlEscape(pages_[p].title) +
               "</title><link>" + HtmlEscape(link(p, q)) + "</link><dc:date>" + pages_[p].published +
               "</dc:date><dc:creator>" + HtmlEscape(pages_[p].author) + "</dc:creator></item>\n";
      }
      return out + "</rdf:RDF>\n";
  }
  return out;
}

}  // namespace storyfuse
