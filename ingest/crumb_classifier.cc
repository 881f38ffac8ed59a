#include "ingest/crumb_classifier.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cctype>
#include <span>
#include <string>

#include "ingest/line_shape.h"
#include "ingest/photo_credit.h"
#include "ingest/phrase_cursor.h"
#include "ingest/wire_agencies.h"
#include "text/phrase_set.h"
#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

constexpr size_t kMaxPromptWords = 45;
constexpr size_t kMaxShortPromptWords = 20;
constexpr size_t kMaxFollowWords = 12;
constexpr size_t kMaxNavWords = 6;
// Rules that read a fixed wording at a line's start look at most this far.
constexpr size_t kPhraseHead = 160;
// Rules read at most this much of a line (its lower-cased head).
constexpr size_t kMaxClassifiedBytes = 2000;
// A caption with a photo credit or a file-photo lead may run long (AP
// captions restate the story's lead).
constexpr size_t kMaxCreditedCaptionWords = 120;
// A bare noun phrase about a picture is short; longer lines are prose.
constexpr size_t kMaxPictureNounWords = 20;
// Corrections run to a few sentences.
constexpr size_t kMaxCorrectionWords = 90;
// The caption date must sit in the first sentence, near the start.
constexpr size_t kCaptionDatePrefix = 400;
constexpr size_t kCaptionDateTail = 32;  // "sept. 22, 2031, in " and a little
// Three player phrases in one line: a scraped gallery, however long.
constexpr size_t kMinGalleryPhrases = 3;
// An AP caption ("... in Port Elwin, Tuesday, March 4, 2031. ...") is a
// few sentences at most.
constexpr size_t kMaxDatedCaptionWords = 60;
// "(Published Monday, Nov. 19, 2031 at 10:15 a.m. ET)"
constexpr size_t kMaxStampWords = 12;

// The first three letters of weekday and month names, as stamps, footers
// and update notes abbreviate them ("Mon", "Sept.", "Nov 19").
constexpr std::string_view kDayMonthHeads[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar",
                                               "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
// What a note about a story calls the story.
constexpr std::string_view kStoryNouns[] = {"story", "article", "report", "post", "piece"};

// A weekday or month head, or a digit: the start of a date.
bool EatDateStart(PhraseCursor* c) { return c->EatOneOf(kDayMonthHeads) >= 0 || c->EatDigits(1, 1); }

bool HasAlnum(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = DecodeUtf8(s, &pos);
    if (UnicodeText::IsLetter(cp) || UnicodeText::IsDigit(cp)) return true;
  }
  return false;
}

bool Contains(const std::string& lower, std::string_view needle) { return lower.find(needle) != std::string::npos; }

// Phrases the rules look for anywhere in a line, by list. A line is read
// once for all of them (PhraseSet) instead of once per phrase.
//
// Speech is text: "... to subscribe, she said." is never a prompt.
constexpr std::string_view kSpeechCues[] = {" said", " says", " told ", " according to", "\xE2\x80\x9D", "\" "};
constexpr std::string_view kCopyrightPhrases[] = {"all rights reserved", "\xC2\xA9 20",
                                                  "may not be published, broadcast, rewritten"};
// Prompts only furniture writes.
constexpr std::string_view kStrongPrompts[] = {"newsletter",
                                               "post a comment",
                                               "leave a comment",
                                               "join the conversation",
                                               "already a subscriber",
                                               "create an account",
                                               "enable javascript",
                                               "your browser",
                                               "turn on notifications",
                                               "support our journalism",
                                               "become a member",
                                               "have a tip",
                                               "send us a tip",
                                               "comment below",
                                               "comments are closed",
                                               "view comments",
                                               "register or log",
                                               "log in to comment",
                                               "thank you for subscribing",
                                               "privacy notice",
                                               "privacy policy",
                                               "to your inbox",
                                               "subscribe to our"};
// Calls to action that story text may also use.
constexpr std::string_view kWeakPrompts[] = {"sign up",     "subscribe",        "log in",           "login",
                                             "sign in",     "click here",       "follow us",        "learn more",
                                             "read more",   "download the app", "download our app", "share this",
                                             "get the app", "tap here"};
// "(L) greets ...", "(not pictured)".
constexpr std::string_view kPositionCues[] = {"(l)",     "(r)",      "(c)",      "(l-r)",   "(left)",
                                              "(right)", "(center)", "(centre)", "(front)", "(not pictured)"};
constexpr std::string_view kCorrectionWords[] = {"version",     "correct",    "clarif",
                                                 "incorrectly", "mistakenly", "erroneously"};
constexpr std::string_view kPlayerPhrases[] = {"now playing",
                                               "up next",
                                               "autoplay",
                                               "full screen",
                                               "skip ad",
                                               "buy photo",
                                               "view photos",
                                               "replay video",
                                               "watch in times video",
                                               "when the video has been rented",
                                               "this video is unavailable",
                                               "video unavailable",
                                               "this feature is not available right now",
                                               "view gallery",
                                               "next slide"};
constexpr std::string_view kArchiveNames[] = {"wayback machine", "warc", "archive-it", "internet archive",
                                              "archive pages"};
constexpr std::string_view kCrawlWords[] = {"crawl", "harvested", "embargo period"};

// Groups of LinePhrases(), in the order they are added.
enum PhraseGroup : size_t {
  kSpeech,
  kCopyright,
  kStrongPrompt,
  kWeakPrompt,
  kPosition,
  kPictured,
  kInThis,
  kCorrectionWord,
  kPlayer,
  kArchiveName,
  kCrawl,
};

const PhraseSet& LinePhrases() {
  static const PhraseSet* set = [] {
    auto* s = new PhraseSet;
    s->AddGroup(kSpeechCues);
    s->AddGroup(kCopyrightPhrases);
    s->AddGroup(kStrongPrompts);
    s->AddGroup(kWeakPrompts);
    s->AddGroup(kPositionCues);
    s->AddGroup({"pictured"});
    s->AddGroup({"in this"});
    s->AddGroup(kCorrectionWords);
    s->AddGroup(kPlayerPhrases);
    s->AddGroup(kArchiveNames);
    size_t last = s->AddGroup(kCrawlWords);
    assert(last == kCrawl);
    (void)last;
    return s;
  }();
  return *set;
}

// `words`: the whole line's word count.
bool IsMarkup(std::string_view line, const std::string& lower, size_t words) {
  if (!HasAlnum(line)) return true;
  if (words > 6) return false;
  if (line.front() == '<' && line.back() == '>') return true;
  for (std::string_view t : {"\">", "\"/>", "href=", "src=", "<div", "</", "&nbsp;", "{{", "}}"}) {
    if (Contains(lower, t)) return true;
  }
  return false;
}

bool IsCopyright(const std::string& lower, size_t words, const PhraseSet::Hits& hits) {
  if (words > 40) return false;
  for (std::string_view p : {"\xC2\xA9", "(c) ", "copyright", "\xE2\x84\xA2 & \xC2\xA9"}) {
    if (lower.starts_with(p)) return true;
  }
  return hits.Any(kCopyright);
}

// A word holding an e-mail address: name@host.tld.
bool HasEmail(std::string_view line) {
  for (std::string_view w : LineShape::Words(line)) {
    size_t at = w.find('@');
    if (at == std::string_view::npos || at == 0 || !std::isalnum(static_cast<unsigned char>(w[at - 1]))) continue;
    size_t dot = w.find('.', at);
    if (dot == std::string_view::npos || dot == at + 1) continue;
    size_t tld = 0;
    while (dot + 1 + tld < w.size() && std::isalpha(static_cast<unsigned char>(w[dot + 1 + tld]))) ++tld;
    if (tld >= 2) return true;
  }
  return false;
}

// Prompts: a phrase only furniture uses ("post a comment", "newsletter"),
// or a call to action ("sign up", "learn more") that ends the line or opens
// a short line addressed to the reader. Product copy such as "you can sign
// up for a free trial, which costs ..." is longer and stays.
// "Follow Ana Ruiz on Twitter @anaruiz": a short line that opens on
// "follow" and names a social network or a handle.
bool IsFollowPrompt(const std::string& lower, size_t words) {
  if (words > kMaxFollowWords || !lower.starts_with("follow ")) return false;
  for (std::string_view net : {" on twitter", " on x ", " on instagram", " on facebook", " on threads", " @"}) {
    if (Contains(lower + " ", net)) return true;
  }
  return false;
}

bool IsPrompt(std::string_view line, const std::string& lower, size_t words, const PhraseSet::Hits& hits) {
  if (words > kMaxPromptWords || hits.Any(kSpeech)) return false;
  if (words <= 25 && line.find('@') != std::string_view::npos && HasEmail(line)) return true;
  if (IsFollowPrompt(lower, words)) return true;
  if (hits.Any(kStrongPrompt)) return true;
  std::string_view tail = lower;
  while (!tail.empty() && (std::ispunct(static_cast<unsigned char>(tail.back())) || tail.back() == ' ')) {
    tail.remove_suffix(1);
  }
  for (std::string_view p : kWeakPrompts) {
    if (tail.ends_with(p)) return true;
  }
  if (!hits.Any(kWeakPrompt) || words > kMaxShortPromptWords) return false;
  std::string spaced = " " + std::string(tail) + " ";
  for (std::string_view a : {"you", "your", "please", "here", "our", "us"}) {
    if (Contains(spaced, " " + std::string(a) + " ")) return true;
  }
  static constexpr std::array<std::string_view, 14> kImperatives = {
      "sign", "subscribe", "click", "follow", "share",   "download", "register",
      "log",  "join",      "tap",   "get",    "support", "become",   "create"};
  std::vector<std::string> terms = LineShape::Terms(lower);
  std::string first = terms.empty() ? "" : terms.front();
  return std::find(kImperatives.begin(), kImperatives.end(), first) != kImperatives.end();
}

bool IsNavWord(const std::string& w, bool* strong) {
  static constexpr std::array<std::string_view, 42> kStrong = {
      "advertisement", "advertising", "ad",        "ads",      "sponsored", "share",     "shares",
      "tweet",         "email",       "print",     "facebook", "twitter",   "linkedin",  "whatsapp",
      "reddit",        "pinterest",   "instagram", "youtube",  "google",    "video",     "photo",
      "photos",        "gallery",     "related",   "continue", "continues", "continued", "menu",
      "skip",          "subscribe",   "login",     "click",    "listen",    "watch",     "trending",
      "copy",          "link",        "toggle",    "enlarge",  "slideshow", "comments",  "read"};
  static constexpr std::array<std::string_view, 38> kWeak = {
      "more",  "also", "next", "previous", "prev",   "story",  "stories", "article", "articles", "reading",
      "below", "main", "the",  "home",     "search", "to",     "content", "top",     "back",     "close",
      "open",  "sign", "in",   "up",       "on",     "this",   "page",    "view",    "see",      "all",
      "here",  "now",  "show", "hide",     "save",   "follow", "us",      "plus"};
  if (std::find(kStrong.begin(), kStrong.end(), w) != kStrong.end()) {
    *strong = true;
    return true;
  }
  return std::find(kWeak.begin(), kWeak.end(), w) != kWeak.end() || w == "play" || w == "image";
}

bool IsNav(std::string_view line, const std::string& lower, size_t words) {
  static constexpr std::array<std::string_view, 16> kLeads = {
      "read more:",     "related:",     "also read:",       "see also:", "watch:",           "more:",
      "read:",          "recommended:", "related stories:", "embed ",    "story highlights", "story:",
      "related story:", "more from ",   "watch more:",      "see more:"};
  for (std::string_view p : kLeads) {
    if (lower.starts_with(p) && words <= 20) return true;
  }
  if (words > kMaxNavWords || LineShape::EndsSentence(line)) return false;
  bool strong = false;
  std::vector<std::string> terms = LineShape::Terms(lower);
  if (terms.empty()) return false;
  for (const std::string& t : terms) {
    if (!IsNavWord(t, &strong)) return false;
  }
  return strong;
}

bool IsTracking(std::string_view line) {
  if (line.size() < 3 || line.size() > 24) return false;
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9'); }) &&
         std::isalpha(static_cast<unsigned char>(line[0]));
}

// "this story has been updated", "the article and its headline were
// changed", "the page was amended": (this|the) (story|...|page) [and
// (its|the) (headline|photo|photos)] (has|have|was|were) [been]
// (updated|corrected|amended|changed).
bool IsStoryUpdatedNote(std::string_view lower) {
  PhraseCursor c(lower);
  if (c.EatOneOf({"this ", "the "}) < 0 || (c.EatOneOf(kStoryNouns) < 0 && !c.Eat("page"))) return false;
  PhraseCursor also = c;
  if (also.Eat(" and ")) {
    also.EatOneOf({"its ", "the "});
    if (also.Eat("headline")) {
      c = also;
    } else if (also.Eat("photo")) {
      also.Eat("s");
      c = also;
    }
  }
  if (c.EatOneOf({" has ", " have ", " was ", " were "}) < 0) return false;
  c.Eat("been ");
  return c.EatOneOf({"updated", "corrected", "amended", "changed"}) >= 0;
}

// "Originally published ...", "(Last updated ...", "Updated: Nov 19",
// "Updated at 9:14", "This story first appeared in ...", "Article was
// originally published on ...".
bool IsPublishedNote(std::string_view lower) {
  PhraseCursor first(lower);
  first.Eat("(");
  if (first.EatOneOf({"originally ", "first ", "last "}) >= 0 &&
      first.EatOneOf({"published", "updated", "posted"}) >= 0) {
    return true;
  }
  PhraseCursor updated(lower);
  if (updated.Eat("updated")) {
    updated.Eat(":");
    if (!updated.Eat(" ")) return false;
    PhraseCursor at = updated;
    return (at.EatOneOf({"at ", "on "}) >= 0 && EatDateStart(&at)) || EatDateStart(&updated);
  }
  PhraseCursor story(lower);
  story.Eat("this ");
  if (story.EatOneOf({"story ", "article "}) < 0) return false;
  story.Eat("was ");
  story.EatOneOf({"originally ", "first "});
  if (story.EatOneOf({"appeared ", "published "}) < 0) return false;
  story.Eat("first ");
  return story.EatOneOf({"in ", "on ", "at "}) >= 0;
}

bool IsUpdateNote(const std::string& lower, size_t words) {
  return words <= 40 && (IsStoryUpdatedNote(lower) || IsPublishedNote(lower));
}

// `words`: the whole line's word count.
bool IsFeed(std::string_view line, size_t words) {
  if (words != 1) return false;
  std::string lower = LineShape::Lower(line);
  return line.find('-') != std::string_view::npos &&
         (lower.ends_with("wire") || lower.ends_with("newswire") || lower.ends_with("-feed"));
}

// "... is pictured", "are pictured", "pictured here/in/with/...": the
// word "pictured" at word boundaries, after "is"/"are" or before a
// place or time word.
bool HasPicturedCue(std::string_view lower) {
  static constexpr std::string_view kWhere[] = {"here",  "above",  "below",    "left",    "right",
                                                "on",    "in",     "at",       "with",    "during",
                                                "after", "before", "together", "outside", "inside"};
  constexpr std::string_view kPictured = "pictured";
  for (size_t p = lower.find(kPictured); p != std::string_view::npos; p = lower.find(kPictured, p + 1)) {
    PhraseCursor after(lower, p + kPictured.size());
    bool word_ends = after.AtBoundary();
    for (std::string_view be : {"is ", "are "}) {
      if (word_ends && p >= be.size() && lower.substr(p - be.size(), be.size()) == be &&
          PhraseCursor(lower, p - be.size()).AtBoundary()) {
        return true;
      }
    }
    if (PhraseCursor(lower, p).AtBoundary() && after.Eat(" ") && after.EatOneOf(kWhere, /*whole_word=*/true) >= 0) {
      return true;
    }
  }
  return false;
}

// "in this [up to 40 bytes without . , ;][,] photo": "In this file
// photo, ...", "... in this undated handout photo ...", "in this screen
// grab". The picture word is a whole word. (A date with a comma or a
// full stop between breaks it: "In this Oct. 2, 2031 file photo" is
// left to the caption's credit.)
bool HasInThisPhotoCue(std::string_view lower) {
  static constexpr std::string_view kPictureWords[] = {
      "photo",      "image",      "picture",     "photograph",    "screenshot",        "screen grab",
      "frame grab", "video grab", "still image", "handout photo", "photo illustration"};
  constexpr std::string_view kInThis = "in this";
  constexpr size_t kMaxBetween = 40;  // "undated handout" and the like, not a clause
  auto picture_at = [&](size_t pos) {
    PhraseCursor c(lower, pos);
    c.Eat(",");
    return c.Eat(" ") && c.EatOneOf(kPictureWords, /*whole_word=*/true) >= 0;
  };
  for (size_t p = lower.find(kInThis); p != std::string_view::npos; p = lower.find(kInThis, p + 1)) {
    if (!PhraseCursor(lower, p).AtBoundary()) continue;
    size_t q = p + kInThis.size();
    if (picture_at(q)) return true;
    if (q >= lower.size() || lower[q] != ' ') continue;
    for (size_t k = 1; k <= kMaxBetween && q + k < lower.size(); ++k) {
      char b = lower[q + k];
      if (b == '.' || b == ',' || b == ';') break;
      if (picture_at(q + 1 + k)) return true;
    }
  }
  return false;
}

// Sentences only captions write: "In this file photo, ...",
// "... in this undated photo released by ...", "(not pictured)", "Ana Ruiz
// (L) greets ...", "... is pictured", "pictured in 2029 ...".
bool HasCaptionCue(const std::string& lower, const PhraseSet::Hits& hits) {
  return hits.Any(kPosition) || (hits.Any(kPictured) && HasPicturedCue(lower)) ||
         (hits.Any(kInThis) && HasInThisPhotoCue(lower));
}

// "March 4, 2031. ", "Oct. 12, 2031, in ", "Sept. 2, 2031." (at the end
// of `s`): a month word, the day, the year, then a stop or ", in ". The
// month words are spelt as agency captions spell them ("Sept.", "March",
// never "Mar.").
bool StartsCaptionDate(std::string_view s) {
  static constexpr std::string_view kCaptionMonths[] = {"jan",  "feb", "march", "april", "may", "june",
                                                        "july", "aug", "sep",   "oct",   "nov", "dec"};
  PhraseCursor c(s);
  if (c.EatOneOf(kCaptionMonths) < 0) return false;
  c.EatLetters(0);
  c.Eat(".");
  if (!c.Eat(" ") || !c.EatDigits(1, 2) || !c.Eat(", ") || !c.EatDigits(4, 4)) return false;
  if (c.Eat(", in ")) return true;
  return c.Eat(".") && (c.AtEnd() || c.Eat(" "));
}

// The date as agency captions write it, in the first sentence: weekday,
// month, day and year between commas, then the place or the end ("...
// gather in Port Elwin, Tuesday, March 4, 2031. ...", "..., Sunday, Oct.
// 12, 2031, in Velda."). Story text names the weekday or the date, not
// both with the year. A quotation before it is speech, not a caption.
bool HasCaptionDate(const std::string& lower) {
  std::string_view head = std::string_view(lower).substr(0, kCaptionDatePrefix);
  // Only the first sentence: a caption opens the line.
  size_t stop = head.find(". ");
  if (stop != std::string_view::npos) head = head.substr(0, stop + 2);
  if (head.find('"') != std::string_view::npos || head.find("\xE2\x80\x9C") != std::string_view::npos) return false;
  for (size_t day = head.find("day, "); day != std::string_view::npos; day = head.find("day, ", day + 1)) {
    size_t comma = head.rfind(", ", day);
    if (comma == std::string_view::npos) continue;
    std::string_view weekday = head.substr(comma + 2, day + 3 - comma - 2);
    static constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday",  "wednesday", "thursday",
                                                                  "friday", "saturday", "sunday"};
    if (std::find(kWeekdays.begin(), kWeekdays.end(), weekday) == kWeekdays.end()) continue;
    // Only the few bytes after the weekday are read.
    if (StartsCaptionDate(std::string_view(lower).substr(comma + 2 + weekday.size() + 2, kCaptionDateTail)))
      return true;
  }
  return false;
}

// "A promotional photo for ...", "The handout image released by ...": an
// article, up to 4 words of [a-z'-], a picture word, then the word tying
// it to its subject.
bool StartsPictureNounPhrase(std::string_view lower) {
  static constexpr std::string_view kPictures[] = {"photo ",      "image ",      "picture ", "photograph ",
                                                   "screenshot ", "screengrab ", "still ",   "handout photo "};
  static constexpr std::string_view kTies[] = {"of",       "from",     "for",    "taken",
                                               "released", "provided", "posted", "courtesy"};
  constexpr size_t kMaxWordsBefore = 4;
  PhraseCursor c(lower);
  if (c.EatOneOf({"a ", "an ", "the "}) < 0) return false;
  for (size_t words = 0;; ++words) {
    PhraseCursor picture = c;
    if (picture.EatOneOf(kPictures) >= 0 && picture.EatOneOf(kTies, /*whole_word=*/true) >= 0) return true;
    if (words == kMaxWordsBefore) return false;
    // One more word before the picture word: [a-z'-]+ and a space.
    size_t n = 0;
    while (true) {
      char b = c.Peek(n);
      if (!((b >= 'a' && b <= 'z') || b == '\'' || b == '-')) break;
      ++n;
    }
    if (n == 0 || c.Peek(n) != ' ') return false;
    c = PhraseCursor(lower, c.pos() + n + 1);
  }
}

// A caption written as a bare noun phrase about a picture: "A promotional
// photo for the interview.", "An image from the broadcast Monday night."
// No verb of a sentence may follow ("The image from the camera showed ...").
bool IsPictureNounPhrase(const std::string& lower, size_t words) {
  if (words > kMaxPictureNounWords) return false;
  if (!Contains(lower, "photo") && !Contains(lower, "image") && !Contains(lower, "picture") &&
      !Contains(lower, "screen") && !Contains(lower, "still")) {
    return false;
  }
  if (!StartsPictureNounPhrase(lower)) return false;
  for (std::string_view v : {" said", " says", " show", " is ", " was ", " are ", " were ", " has ", " had "}) {
    if (Contains(lower, v)) return false;
  }
  return true;
}

// `words`: the line's word count, capped at kMaxPromptWords + 1; `line`
// is counted again up to kMaxCreditedCaptionWords when a strong cue needs it.
bool IsCaption(std::string_view line, const std::string& lower, size_t words, const PhraseSet::Hits& hits) {
  // Strong evidence (a credit, a file-photo lead): long AP captions count.
  auto within = [&](size_t limit) {
    return words <= kMaxPromptWords || LineShape::WordCount(line, limit + 1) <= limit;
  };
  static constexpr std::array<std::string_view, 6> kStrongLeads = {
      "file - ", "file \xE2\x80\x94", "file -- ", "file-this ", "file- ", "caption "};
  for (std::string_view p : kStrongLeads) {
    if (lower.starts_with(p)) return within(kMaxCreditedCaptionWords);
  }
  if (PhotoCredit::TrailingStart(line) != std::string_view::npos || PhotoCredit::LeadingLength(line) > 0) {
    return within(kMaxCreditedCaptionWords);
  }
  if (HasCaptionDate(lower) && within(kMaxDatedCaptionWords)) return true;
  if (words <= kMaxPromptWords && HasCaptionCue(lower, hits)) return true;
  if (words > 40) return false;
  if (IsPictureNounPhrase(lower, words)) return true;
  static constexpr std::array<std::string_view, 20> kLeads = {
      "photo:",         "photos:",       "image:",
      "picture:",       "photograph:",   "photographer:",
      "credit:",        "photo credit",  "photo by ",
      "(photo",         "(image",        "file photo",
      "pictured:",      "image source:", "image copyright",
      "image caption",  "media caption", "media playback is unsupported",
      "toggle caption", "hide caption"};
  for (std::string_view p : kLeads) {
    if (lower.starts_with(p)) return true;
  }
  if (lower.starts_with("enlarge this image")) return true;
  // "... (AP Photo/Ana Ruiz)", "... (Photo: Ana Ruiz, Daily Planet)"
  size_t open = lower.rfind('(');
  if (lower.back() == ')' && open != std::string::npos) {
    std::string_view inner = std::string_view(lower).substr(open + 1);
    for (std::string_view m : {"photo:", "photo/", "photos/", "image:", "photo by", "pictured", "credit:"}) {
      if (Contains(std::string(inner), m) || inner.starts_with("ap photo")) return true;
    }
  }
  // "... /AFP": only a line with a slash is split to find its last word.
  std::string_view last = line.find('/') == std::string_view::npos ? "" : LineShape::Words(line).back();
  size_t slash = last.rfind('/');
  if (slash != std::string_view::npos && slash + 1 < last.size()) {
    std::string_view who = last.substr(slash + 1);
    while (!who.empty() && (who.back() == '.' || who.back() == ')')) who.remove_suffix(1);
    if (!WireAgencies::Canonical(who).empty() || who == "Getty" || who == "EPA" || who == "Shutterstock") {
      return true;
    }
  }
  return lower.ends_with("getty images") || lower.ends_with("getty images)") || lower.ends_with("getty images.");
}

// "Correction:", "CORRECTIONS -", "Clarification (May 2):", "Correction
// \u2014": the label, an optional parenthesized date of 1 to 40 bytes,
// then a colon, comma, hyphen or dash.
bool StartsCorrectionLabel(std::string_view lower) {
  constexpr size_t kMaxParenBytes = 40;
  PhraseCursor c(lower);
  if (c.EatOneOf({"correction", "clarification"}) < 0) return false;
  c.Eat("s");
  if (c.LookingAt(" (")) {
    size_t open = c.pos() + 1;
    size_t close = lower.find(')', open + 1);
    if (close != std::string_view::npos && close > open + 1 && close - open - 1 <= kMaxParenBytes) {
      c = PhraseCursor(lower, close + 1);
    }
  }
  c.Eat(" ");
  return c.EatOneOf({":", ",", "-", "\xE2\x80\x94", "\xE2\x80\x93"}) >= 0;
}

// "[Editor's note:] [An] earlier/previous/prior version of this story
// ...", "This article has been/was/had corrected/clarified ...", "The
// story was revised/updated/amended to reflect/include the following/a
// correction", "This story incorrectly/mistakenly/erroneously ...".
bool StartsStoryCorrection(std::string_view lower) {
  PhraseCursor version(lower);
  PhraseCursor note = version;
  if (note.Eat("editor")) {
    note.Eat("'");
    if (note.Eat("s note")) {
      note.Eat(":");
      if (note.Eat(" ")) version = note;
    }
  }
  version.EatOneOf({"an ", "a "});
  if (version.EatOneOf({"earlier", "previous", "prior"}) >= 0 && version.Eat(" version of this ") &&
      version.EatOneOf(kStoryNouns) >= 0) {
    return true;
  }
  PhraseCursor story(lower);
  if (story.EatOneOf({"this ", "the "}) < 0 || story.EatOneOf(kStoryNouns) < 0 || !story.Eat(" ")) return false;
  if (story.EatOneOf({"incorrectly", "mistakenly", "erroneously"}) >= 0) return true;
  PhraseCursor corrected = story;
  if (corrected.EatOneOf({"has been ", "was ", "had "}) >= 0 && corrected.EatOneOf({"corrected", "clarified"}) >= 0) {
    return true;
  }
  PhraseCursor revised = story;
  return revised.EatOneOf({"has been ", "was "}) >= 0 && revised.EatOneOf({"revised", "updated", "amended"}) >= 0 &&
         revised.Eat(" to ") && revised.EatOneOf({"reflect", "include"}) >= 0 && revised.Eat(" ") &&
         revised.EatOneOf({"the following", "a"}) >= 0 && revised.Eat(" correction");
}

// A correction the article prints about itself: "CORRECTION, June 29,
// 2031: ...", "Correction: An earlier version ...", "Clarification (May
// 2): ...", "An earlier version of this story misstated ...", "This
// article has been corrected to ...". "Corrections? Tips? Email us" is a
// prompt, not a correction.
bool IsCorrection(const std::string& lower, size_t words, const PhraseSet::Hits& hits) {
  if (words > kMaxCorrectionWords) return false;
  std::string_view head = std::string_view(lower).substr(0, kPhraseHead);
  if (StartsCorrectionLabel(head)) return true;
  return hits.Any(kCorrectionWord) && StartsStoryCorrection(head);
}

// "Video (01:42) :", "watch: 2:05", "(0:59)": an optional media word, the
// duration, then a colon or the end of the line.
bool StartsWithDuration(std::string_view lower) {
  PhraseCursor c(lower);
  c.EatOneOf({"video", "watch", "listen", "audio"});
  c.Eat(":");
  c.Eat(" ");
  c.Eat("(");
  if (!c.EatDigits(1, 2) || !c.Eat(":") || !c.EatDigits(2, 2)) return false;
  c.Eat(")");
  if (c.AtEnd()) return true;
  c.Eat(" ");
  return c.Eat(":");
}

// Media player and gallery furniture: "Video (02:04)", "Now Playing",
// "1 of 14 Full Screen Autoplay Close Skip Ad", "Buy Photo", "Rating is
// available when the video has been rented.", and the caption text the
// player shows with them.
bool IsMedia(const std::string& lower, size_t words, const PhraseSet::Hits& hits) {
  if (words <= kMaxPromptWords && StartsWithDuration(std::string_view(lower).substr(0, kPhraseHead))) return true;
  size_t player = hits.Count(kPlayer);
  if (player == 0) return false;
  // A gallery scraped as one line ("1 of 109 Full Screen Autoplay Close
  // Skip Ad × ... View Photos ...") runs on with every caption it holds.
  if (player >= kMinGalleryPhrases) return true;
  return words <= kMaxShortPromptWords || (player >= 2 && words <= kMaxPromptWords);
}

// "(Published Monday", "Posted on: Nov", "Publish Date March", "Last
// updated 9": a stamp's label, then a weekday, a month or a digit.
bool StartsWithStampLabel(std::string_view lower) {
  PhraseCursor c(lower);
  c.Eat("(");
  if (c.EatOneOf(
          {"published", "posted", "publish date", "uploaded", "aired", "first aired", "updated", "last updated"}) < 0) {
    return false;
  }
  auto date_follows = [](PhraseCursor d) {
    d.Eat(":");
    d.Eat(" ");
    return EatDateStart(&d);
  };
  PhraseCursor on = c;
  return (on.Eat(" on") && date_follows(on)) || date_follows(c);
}

// One word of a line made only of date words: "Tuesday,", "Nov.", "19,",
// "4th", "10:15am", "a.m.", "ET", "|", "-".
bool IsDateWord(std::string_view word) {
  auto ends_word = [](PhraseCursor c) {
    c.Eat(",");
    return c.AtEnd();
  };
  PhraseCursor name(word);
  if (name.EatOneOf(kDayMonthHeads) >= 0) {
    name.EatLetters(0);
    name.Eat(".");
    if (ends_word(name)) return true;
  }
  PhraseCursor number(word);
  if (number.EatDigits(1, 4)) {
    PhraseCursor ordinal = number;
    if (ordinal.EatOneOf({"st", "nd", "rd", "th"}) >= 0 && ends_word(ordinal)) return true;
    if (ends_word(number)) return true;
  }
  PhraseCursor clock(word);
  if (clock.EatDigits(1, 2) && clock.Eat(":") && clock.EatDigits(2, 2)) {
    PhraseCursor half = clock;
    if (half.EatOneOf({"am", "pm"}) >= 0 && ends_word(half)) return true;
    if (ends_word(clock)) return true;
  }
  for (std::string_view zone :
       {"a.m.", "p.m.", "am", "pm", "et", "est", "edt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "ist"}) {
    PhraseCursor z(word);
    if (z.Eat(zone) && ends_word(z)) return true;
  }
  // A lone separator byte.
  return word.size() == 1 && std::string_view("|-\xE2\x80\x94").find(word[0]) != std::string_view::npos;
}

// A line that is only a publication stamp, as video players and footers
// print it: "(Published Monday, Nov. 19, 2031)", "Published On Nov. 19,
// 2031", "Publish Date March 2, 2031.", "ET Tuesday, May 10, 2031".
bool IsStamp(const std::string& lower, size_t words) {
  if (words > kMaxStampWords) return false;
  if (StartsWithStampLabel(lower)) return true;
  // Nothing but date words: weekday, month, numbers, clock and zone.
  bool year = false;
  if (std::none_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  for (std::string_view word : LineShape::Words(lower)) {
    if (!IsDateWord(word)) return false;
    size_t digits = 0;
    while (digits < word.size() && std::isdigit(static_cast<unsigned char>(word[digits]))) ++digits;
    year |= digits == 4;
  }
  return year && words >= 2;
}

// The footer an embedded social post shows under it: "Posted by Ana Ruiz
// on Sunday, October 4, 2031", "A post shared by Ana Ruiz (@anaruiz) on
// Jun 2, 2031 at 9:14am PDT". (An embedded tweet's own words stay: they
// are what a person said.)
bool IsEmbedFooter(const std::string& lower, size_t words) {
  if (words > kMaxShortPromptWords) return false;
  constexpr size_t kMaxPosterBytes = 60;  // a name or handle, no sentence
  PhraseCursor c(lower);
  if (c.Eat("a ")) return c.EatOneOf({"post", "photo", "video"}) >= 0 && c.Eat(" shared by ");
  if (!c.Eat("posted by ")) return false;
  // "posted by <1 to 60 bytes without a full stop> on <weekday or month>"
  for (size_t k = 1; k <= kMaxPosterBytes && c.pos() + k <= lower.size(); ++k) {
    if (lower[c.pos() + k - 1] == '.') break;
    PhraseCursor on(lower, c.pos() + k);
    if (on.Eat(" on ") && on.EatOneOf(kDayMonthHeads) >= 0) return true;
  }
  return false;
}

// A web archive's note about its own crawl (scrapes of archived pages):
// "This capture was made by a crawl that saves pages ...", "Records were
// harvested through Archive-It ...". A story that mentions the Wayback
// Machine does not also talk about crawls and harvests.
bool IsArchiveNote(size_t words, const PhraseSet::Hits& hits) {
  return words <= kMaxPromptWords && hits.Any(kArchiveName) && hits.Any(kCrawl);
}

// "The opinions expressed in this commentary are solely those of the
// author." and its variants.
bool IsDisclaimer(const std::string& lower, size_t words) {
  if (words > kMaxShortPromptWords + 10) return false;
  // [the] opinions|views expressed [in this <word>] [here] are [solely|
  // entirely] those|the opinion(s)|the view(s) of the writer|author|...
  PhraseCursor c(std::string_view(lower).substr(0, kPhraseHead));
  c.Eat("the ");
  if (c.EatOneOf({"opinions", "views"}) < 0 || !c.Eat(" expressed ")) return false;
  PhraseCursor in_this = c;
  if (in_this.Eat("in this ") && in_this.EatLetters(1) && in_this.Eat(" ")) c = in_this;
  c.Eat("here ");
  if (!c.Eat("are ")) return false;
  c.EatOneOf({"solely ", "entirely "});
  if (!c.Eat("those")) {
    if (!c.Eat("the ") || c.EatOneOf({"opinion", "view"}) < 0) return false;
    c.Eat("s");
  }
  return c.Eat(" of the ") && c.EatOneOf({"writer", "author", "contributor"}) >= 0;
}

// A promo for a broadcast: "Tune in to Harbor Tonight on Monday at 9 p.m.",
// "Watch the full interview on Nightline tonight."
bool IsBroadcastPromo(const std::string& lower, size_t words) {
  if (words > kMaxShortPromptWords + 10) return false;
  if (lower.starts_with("tune in") || lower.starts_with("be sure to tune in") || lower.starts_with("don't miss")) {
    return true;
  }
  // watch|listen to|catch|see|stream [the] full|complete|...|exclusive
  // <up to 30 bytes of a-z and spaces> interview|episode|...|video
  static constexpr std::string_view kShows[] = {"interview", "episode",   "report",       "story", "segment",
                                                "special",   "broadcast", "conversation", "video"};
  constexpr size_t kMaxBetween = 30;
  PhraseCursor c(lower);
  if (c.EatOneOf({"watch ", "listen to ", "catch ", "see ", "stream "}) < 0) return false;
  c.Eat("the ");
  if (c.EatOneOf({"full ", "complete ", "entire ", "whole ", "rest of the ", "more of the ", "exclusive "}) < 0) {
    return false;
  }
  for (size_t k = 0; k <= kMaxBetween && c.pos() + k <= lower.size(); ++k) {
    char b = k == 0 ? ' ' : lower[c.pos() + k - 1];
    if (!((b >= 'a' && b <= 'z') || b == ' ')) break;
    PhraseCursor show(lower, c.pos() + k);
    if (show.EatOneOf(kShows, /*whole_word=*/true) >= 0) return true;
  }
  return false;
}

}  // namespace

bool CrumbClassifier::IsPhotoCredit(std::string_view s) {
  s = LineShape::Trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ')')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == '(' || s.front() == '|' || s.front() == ' ')) s.remove_prefix(1);
  if (s.empty() || LineShape::WordCount(s) > 6) return false;
  if (!WireAgencies::Canonical(s).empty()) return true;
  std::string lower = LineShape::Lower(s);
  for (std::string_view m : {"getty", "shutterstock", "epa", "photo", "image", "credit", "courtesy", "/", "via "}) {
    if (Contains(lower, m)) return true;
  }
  return false;
}

std::string_view CrumbClassifier::Classify(std::string_view raw) {
  std::string_view line = LineShape::Trim(raw);
  if (line.empty()) return "";
  std::string lower = LineShape::Lower(line.substr(0, kMaxClassifiedBytes));
  // Counted once, and only as far as any rule below asks (none looks
  // past kMaxPromptWords): a paragraph is read by every rule. Only a line
  // longer than the classified head needs the rest counted too.
  size_t words = LineShape::WordCount(line.substr(0, kMaxClassifiedBytes), kMaxPromptWords + 1);
  size_t all_words = line.size() <= kMaxClassifiedBytes ? words : LineShape::WordCount(line, kMaxPromptWords + 1);
  if (IsMarkup(line, lower, all_words)) return "markup";
  // A video player's close button and the caption under it ("CLOSE Crews
  // lift the pilings ... USA TODAY").
  if (line.starts_with("CLOSE ") && line.size() > 6 && LineShape::StartsUpper(line.substr(6)) &&
      all_words <= kMaxPromptWords) {
    return "media";
  }
  PhraseSet::Hits hits = LinePhrases().Find(lower);
  if (IsCopyright(lower, words, hits)) return "copyright";
  if (IsCorrection(lower, words, hits)) return "correction";
  if (IsUpdateNote(lower, words)) return "update";
  if (IsArchiveNote(words, hits)) return "archive";
  if (IsDisclaimer(lower, words)) return "disclaimer";
  if (IsEmbedFooter(lower, words)) return "embed";
  if (IsStamp(lower, words)) return "date";
  if (IsMedia(lower, words, hits)) return "media";
  if (IsFeed(line, all_words)) return "feed";
  if (IsTracking(line)) return "tracking";
  if (IsNav(line, lower, words)) return "nav";
  if (IsCaption(line, lower, words, hits)) return "caption";
  if (IsPrompt(line, lower, words, hits) || IsBroadcastPromo(lower, words)) return "prompt";
  return "";
}

}  // namespace storyfuse
