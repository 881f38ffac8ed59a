#include "ingest/crumb_classifier.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <string>

#include "ingest/line_shape.h"
#include "ingest/photo_credit.h"
#include "ingest/wire_agencies.h"
#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

constexpr size_t kMaxPromptWords = 45;
constexpr size_t kMaxShortPromptWords = 20;
constexpr size_t kMaxFollowWords = 12;
constexpr size_t kMaxNavWords = 6;
constexpr size_t kRegexPrefix = 160;  // patterns below are anchored at the start
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
// "Video (01:42) :" puts its colon near the start.
constexpr size_t kDurationPrefix = 24;
// Three player phrases in one line: a scraped gallery, however long.
constexpr size_t kMinGalleryPhrases = 3;
// An AP caption ("... in Port Elwin, Tuesday, March 4, 2031. ...") is a
// few sentences at most.
constexpr size_t kMaxDatedCaptionWords = 60;
// "(Published Monday, Nov. 19, 2031 at 10:15 a.m. ET)"
constexpr size_t kMaxStampWords = 12;

bool HasAlnum(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = DecodeUtf8(s, &pos);
    if (UnicodeText::IsLetter(cp) || UnicodeText::IsDigit(cp)) return true;
  }
  return false;
}

bool Contains(const std::string& lower, std::string_view needle) {
  return lower.find(needle) != std::string::npos;
}

// Speech is text: "... to subscribe, she said." is never a prompt.
bool ReportsSpeech(const std::string& lower) {
  for (std::string_view v : {" said", " says", " told ", " according to", "\xE2\x80\x9D", "\" "}) {
    if (Contains(lower, v)) return true;
  }
  return false;
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

bool IsCopyright(const std::string& lower, size_t words) {
  if (words > 40) return false;
  for (std::string_view p : {"\xC2\xA9", "(c) ", "copyright", "\xE2\x84\xA2 & \xC2\xA9"}) {
    if (lower.starts_with(p)) return true;
  }
  return Contains(lower, "all rights reserved") || Contains(lower, "\xC2\xA9 20") ||
         Contains(lower, "may not be published, broadcast, rewritten");
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

bool IsPrompt(std::string_view line, const std::string& lower, size_t words) {
  if (words > kMaxPromptWords || ReportsSpeech(lower)) return false;
  if (HasEmail(line) && words <= 25) return true;
  if (IsFollowPrompt(lower, words)) return true;
  static constexpr std::array<std::string_view, 23> kStrong = {
      "newsletter", "post a comment", "leave a comment", "join the conversation",
      "already a subscriber", "create an account", "enable javascript", "your browser",
      "turn on notifications", "support our journalism", "become a member", "have a tip",
      "send us a tip", "comment below", "comments are closed", "view comments",
      "register or log", "log in to comment", "thank you for subscribing", "privacy notice",
      "privacy policy", "to your inbox", "subscribe to our"};
  for (std::string_view p : kStrong) {
    if (Contains(lower, p)) return true;
  }
  static constexpr std::array<std::string_view, 14> kWeak = {
      "sign up", "subscribe", "log in", "login", "sign in", "click here", "follow us", "learn more",
      "read more", "download the app", "download our app", "share this", "get the app", "tap here"};
  std::string tail = lower;
  while (!tail.empty() && (std::ispunct(static_cast<unsigned char>(tail.back())) || tail.back() == ' ')) {
    tail.pop_back();
  }
  bool weak = false;
  for (std::string_view p : kWeak) {
    if (tail.ends_with(p)) return true;
    weak |= Contains(lower, p);
  }
  if (!weak || words > kMaxShortPromptWords) return false;
  for (std::string_view a : {"you", "your", "please", "here", "our", "us"}) {
    if (Contains(" " + tail + " ", " " + std::string(a) + " ")) return true;
  }
  static constexpr std::array<std::string_view, 14> kImperatives = {
      "sign", "subscribe", "click", "follow", "share", "download", "register", "log", "join",
      "tap", "get", "support", "become", "create"};
  std::vector<std::string> terms = LineShape::Terms(lower);
  std::string first = terms.empty() ? "" : terms.front();
  return std::find(kImperatives.begin(), kImperatives.end(), first) != kImperatives.end();
}

bool IsNavWord(const std::string& w, bool* strong) {
  static constexpr std::array<std::string_view, 42> kStrong = {
      "advertisement", "advertising", "ad", "ads", "sponsored", "share", "shares", "tweet",
      "email", "print", "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest",
      "instagram", "youtube", "google", "video", "photo", "photos", "gallery", "related",
      "continue", "continues", "continued", "menu", "skip", "subscribe", "login", "click",
      "listen", "watch", "trending", "copy", "link", "toggle", "enlarge", "slideshow",
      "comments", "read"};
  static constexpr std::array<std::string_view, 38> kWeak = {
      "more", "also", "next", "previous", "prev", "story", "stories", "article", "articles",
      "reading", "below", "main", "the", "home", "search", "to", "content", "top", "back",
      "close", "open", "sign", "in", "up", "on", "this", "page", "view", "see", "all", "here",
      "now", "show", "hide", "save", "follow", "us", "plus"};
  if (std::find(kStrong.begin(), kStrong.end(), w) != kStrong.end()) {
    *strong = true;
    return true;
  }
  return std::find(kWeak.begin(), kWeak.end(), w) != kWeak.end() || w == "play" || w == "image";
}

bool IsNav(std::string_view line, const std::string& lower, size_t words) {
  static constexpr std::array<std::string_view, 16> kLeads = {
      "read more:", "related:", "also read:", "see also:", "watch:", "more:", "read:",
      "recommended:", "related stories:", "embed ", "story highlights", "story:", "related story:",
      "more from ", "watch more:", "see more:"};
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
  return std::all_of(line.begin(), line.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9');
  }) && std::isalpha(static_cast<unsigned char>(line[0]));
}

bool IsUpdateNote(const std::string& lower, size_t words) {
  if (words > 40) return false;
  static const std::regex kUpdated(
      "^(this|the) (story|article|post|report|piece|page)( and (its |the )?(headline|photos?))? "
      "(has|have|was|were) (been )?(updated|corrected|amended|changed)");
  static const std::regex kPublished(
      "^\\(?(originally|first|last) (published|updated|posted)|"
      "^updated:? (at |on )?([0-9]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)|"
      "^(this )?(story|article) "
      "(was )?(originally |first )?(appeared|published) (first )?(in|on|at) ");
  // The patterns are anchored; most lines fail on their first word.
  static constexpr std::array<std::string_view, 10> kFirstWords = {
      "this ", "the ", "(", "originally ", "first ", "last ", "updated", "story ", "article ", "("};
  if (std::none_of(kFirstWords.begin(), kFirstWords.end(), [&](std::string_view w) { return lower.starts_with(w); })) {
    return false;
  }
  std::string head = lower.substr(0, kRegexPrefix);
  return std::regex_search(head, kUpdated) || std::regex_search(head, kPublished);
}

// `words`: the whole line's word count.
bool IsFeed(std::string_view line, size_t words) {
  if (words != 1) return false;
  std::string lower = LineShape::Lower(line);
  return line.find('-') != std::string_view::npos &&
         (lower.ends_with("wire") || lower.ends_with("newswire") || lower.ends_with("-feed"));
}

// Sentences only captions write: "In this Oct. 2, 2031 file photo, ...",
// "... in this undated photo released by ...", "(not pictured)", "Ana Ruiz
// (L) greets ...", "... is pictured", "pictured in 2029 ...".
bool HasCaptionCue(const std::string& lower) {
  for (std::string_view p : {"(l)", "(r)", "(c)", "(l-r)", "(left)", "(right)", "(center)", "(centre)", "(front)",
                             "(not pictured)"}) {
    if (Contains(lower, p)) return true;
  }
  static const std::regex kInThis(
      "\\bin this( [^.,;]{1,40}?)?,? (photo|image|picture|photograph|screenshot|screen grab|frame grab|video grab|"
      "still image|handout photo|photo illustration)\\b");
  static const std::regex kPictured(
      "\\b(is|are) pictured\\b|"
      "\\bpictured (here|above|below|left|right|on|in|at|with|during|after|before|together|outside|inside)\\b");
  // The regexes run only on lines holding their words: most lines do not.
  if (Contains(lower, "pictured") && std::regex_search(lower, kPictured)) return true;
  size_t in_this = lower.find("in this");
  if (in_this == std::string::npos) return false;
  for (std::string_view w : {"photo", "image", "picture", "screen", "grab", "still"}) {
    if (lower.find(w, in_this) != std::string::npos) return std::regex_search(lower, kInThis);
  }
  return false;
}

// The date as agency captions write it, in the first sentence: weekday,
// month, day and year between commas, then the place or the end ("...
// gather in Port Elwin, Tuesday, March 4, 2031. ...", "..., Sunday, Oct.
// 12, 2031, in Velda."). Story text names the weekday or the date, not
// both with the year. A quotation before it is speech, not a caption.
bool HasCaptionDate(const std::string& lower) {
  static const std::regex kDate(
      "^(jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\\.? [0-9]{1,2}, [0-9]{4}(, in |\\. |\\.$)");
  std::string_view head = std::string_view(lower).substr(0, kCaptionDatePrefix);
  // Only the first sentence: a caption opens the line.
  size_t stop = head.find(". ");
  if (stop != std::string_view::npos) head = head.substr(0, stop + 2);
  if (head.find('"') != std::string_view::npos || head.find("\xE2\x80\x9C") != std::string_view::npos) return false;
  for (size_t day = head.find("day, "); day != std::string_view::npos; day = head.find("day, ", day + 1)) {
    size_t comma = head.rfind(", ", day);
    if (comma == std::string_view::npos) continue;
    std::string_view weekday = head.substr(comma + 2, day + 3 - comma - 2);
    static constexpr std::array<std::string_view, 7> kWeekdays = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    if (std::find(kWeekdays.begin(), kWeekdays.end(), weekday) == kWeekdays.end()) continue;
    // The regex reads only the few bytes after the weekday.
    std::string rest(lower.substr(comma + 2 + weekday.size() + 2, kCaptionDateTail));
    if (std::regex_search(rest, kDate)) return true;
  }
  return false;
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
  static const std::regex kPhrase(
      "^(a|an|the)( [a-z'\\-]+){0,4} (photo|image|picture|photograph|screenshot|screengrab|still|handout photo) "
      "(of|from|for|taken|released|provided|posted|courtesy)\\b");
  if (!std::regex_search(lower, kPhrase)) return false;
  for (std::string_view v : {" said", " says", " show", " is ", " was ", " are ", " were ", " has ", " had "}) {
    if (Contains(lower, v)) return false;
  }
  return true;
}

// `words`: the line's word count, capped at kMaxPromptWords + 1; `line`
// is counted again up to kMaxCreditedCaptionWords when a strong cue needs it.
bool IsCaption(std::string_view line, const std::string& lower, size_t words) {
  // Strong evidence (a credit, a file-photo lead): long AP captions count.
  auto within = [&](size_t limit) {
    return words <= kMaxPromptWords || LineShape::WordCount(line, limit + 1) <= limit;
  };
  static constexpr std::array<std::string_view, 6> kStrongLeads = {
      "file - ", "file \xE2\x80\x94", "file -- ", "file-this ", "file- ", "caption "};
  for (std::string_view p : kStrongLeads) {
    if (lower.starts_with(p)) return within(kMaxCreditedCaptionWords);
  }
  if (PhotoCredit::TrailingStart(line) != std::string_view::npos) return within(kMaxCreditedCaptionWords);
  if (HasCaptionDate(lower) && within(kMaxDatedCaptionWords)) return true;
  if (words <= kMaxPromptWords && HasCaptionCue(lower)) return true;
  if (words > 40) return false;
  if (IsPictureNounPhrase(lower, words)) return true;
  static constexpr std::array<std::string_view, 20> kLeads = {
      "photo:", "photos:", "image:", "picture:", "photograph:", "photographer:", "credit:",
      "photo credit", "photo by ", "(photo", "(image", "file photo", "pictured:", "image source:",
      "image copyright", "image caption", "media caption", "media playback is unsupported",
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
  std::string_view last = LineShape::Words(line).back();
  size_t slash = last.rfind('/');
  if (slash != std::string_view::npos && slash + 1 < last.size()) {
    std::string_view who = last.substr(slash + 1);
    while (!who.empty() && (who.back() == '.' || who.back() == ')')) who.remove_suffix(1);
    if (!WireAgencies::Canonical(who).empty() || who == "Getty" || who == "EPA" || who == "Shutterstock") {
      return true;
    }
  }
  return lower.ends_with("getty images") || lower.ends_with("getty images)") ||
         lower.ends_with("getty images.");
}

// A correction the article prints about itself: "CORRECTION, June 29,
// 2031: ...", "Correction: An earlier version ...", "Clarification (May
// 2): ...", "An earlier version of this story misstated ...", "This
// article has been corrected to ...". "Corrections? Tips? Email us" is a
// prompt, not a correction.
bool IsCorrection(const std::string& lower, size_t words) {
  if (words > kMaxCorrectionWords) return false;
  static const std::regex kLabel("^(correction|clarification)s?( \\([^)]{1,40}\\))?( ?[:,\\-]| ?\xE2\x80\x94| ?\xE2\x80\x93)");
  static const std::regex kStory(
      "^(editor'?s note:? )?(an? )?(earlier|previous|prior) version of this (story|article|report|post|piece)|"
      "^(this|the) (story|article|report|post|piece) (has been|was|had) (corrected|clarified)|"
      "^(this|the) (story|article|report|post|piece) (has been|was) (revised|updated|amended) to (reflect|include) "
      "(the following|a) correction|"
      "^(this|the) (story|article|report|post|piece) (incorrectly|mistakenly|erroneously)");
  if (lower.starts_with("correction") || lower.starts_with("clarification")) {
    std::string head = lower.substr(0, kRegexPrefix);
    if (std::regex_search(head, kLabel)) return true;
  }
  bool worded = Contains(lower, "version") || Contains(lower, "correct") || Contains(lower, "clarif") ||
                Contains(lower, "incorrectly") || Contains(lower, "mistakenly") || Contains(lower, "erroneously");
  if (worded && (lower.starts_with("a") || lower.starts_with("editor") || lower.starts_with("p") || lower.starts_with("t"))) {
    return std::regex_search(lower.substr(0, kRegexPrefix), kStory);
  }
  return false;
}

// Media player and gallery furniture: "Video (02:04)", "Now Playing",
// "1 of 14 Full Screen Autoplay Close Skip Ad", "Buy Photo", "Rating is
// available when the video has been rented.", and the caption text the
// player shows with them.
bool IsMedia(const std::string& lower, size_t words) {
  static const std::regex kDuration("^(video|watch|listen|audio)?:? ?\\(?[0-9]{1,2}:[0-9]{2}\\)?( ?:|$)");
  size_t colon = lower.find(':');
  if (words <= kMaxPromptWords && colon != std::string::npos && colon < kDurationPrefix &&
      std::regex_search(lower.substr(0, kRegexPrefix), kDuration)) {
    return true;
  }
  static constexpr std::array<std::string_view, 15> kPlayer = {
      "now playing", "up next", "autoplay", "full screen", "skip ad", "buy photo", "view photos",
      "replay video", "watch in times video", "when the video has been rented", "this video is unavailable",
      "video unavailable", "this feature is not available right now", "view gallery",
      "next slide"};
  size_t hits = 0;
  for (std::string_view p : kPlayer) hits += Contains(lower, p);
  if (hits == 0) return false;
  // A gallery scraped as one line ("1 of 109 Full Screen Autoplay Close
  // Skip Ad × ... View Photos ...") runs on with every caption it holds.
  if (hits >= kMinGalleryPhrases) return true;
  return words <= kMaxShortPromptWords || (hits >= 2 && words <= kMaxPromptWords);
}

// A line that is only a publication stamp, as video players and footers
// print it: "(Published Monday, Nov. 19, 2031)", "Published On Nov. 19,
// 2031", "Publish Date March 2, 2031.", "ET Tuesday, May 10, 2031".
bool IsStamp(const std::string& lower, size_t words) {
  if (words > kMaxStampWords) return false;
  static const std::regex kStamp(
      "^\\(?(published|posted|publish date|uploaded|aired|first aired|updated|last updated)( on)?:? ?"
      "(mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|[0-9])");
  bool labelled = lower.starts_with("(") || lower.starts_with("p") || lower.starts_with("u") ||
                  lower.starts_with("a") || lower.starts_with("f") || lower.starts_with("l");
  if (labelled && std::regex_search(lower, kStamp)) return true;
  // Nothing but date words: weekday, month, numbers, clock and zone.
  static const std::regex kDateWord(
      "^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?$|^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?$|"
      "^[0-9]{1,4}(st|nd|rd|th)?,?$|^[0-9]{1,2}:[0-9]{2}(am|pm)?,?$|^(a\\.m\\.|p\\.m\\.|am|pm|et|est|edt|pt|pst|pdt|"
      "gmt|utc|bst|cet|ist),?$|^[|\xE2\x80\x94\\-]$");
  bool year = false;
  if (std::none_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  for (std::string_view w : LineShape::Words(lower)) {
    std::string word(w);
    if (!std::regex_match(word, kDateWord)) return false;
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
  static const std::regex kFooter(
      "^posted by [^.]{1,60} on (mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
      "^a (post|photo|video) shared by ");
  bool lead = lower.starts_with("posted by") || lower.starts_with("a post shared") ||
              lower.starts_with("a photo shared") || lower.starts_with("a video shared");
  return lead && std::regex_search(lower, kFooter);
}

// A web archive's note about its own crawl (scrapes of archived pages):
// "These crawls are part of an effort to archive pages ...", "Records were
// harvested through Archive-It ...". A story that mentions the Wayback
// Machine does not also talk about crawls and harvests.
bool IsArchiveNote(const std::string& lower, size_t words) {
  if (words > kMaxPromptWords) return false;
  bool archive = Contains(lower, "wayback machine") || Contains(lower, "warc") || Contains(lower, "archive-it") ||
                 Contains(lower, "internet archive") || Contains(lower, "archive pages");
  bool crawl = Contains(lower, "crawl") || Contains(lower, "harvested") || Contains(lower, "embargo period");
  return archive && crawl;
}

// "The opinions expressed in this commentary are solely those of the
// author." and its variants.
bool IsDisclaimer(const std::string& lower, size_t words) {
  if (words > kMaxShortPromptWords + 10) return false;
  static const std::regex kDisclaimer(
      "^(the )?(opinions|views) expressed (in this [a-z]+ )?(here )?are (solely |entirely )?(those|the opinions?|the views?) "
      "of the (writer|author|contributor)");
  return Contains(lower, "expressed") &&
         (lower.starts_with("the ") || lower.starts_with("opinions") || lower.starts_with("views")) &&
         std::regex_search(lower.substr(0, kRegexPrefix), kDisclaimer);
}

// A promo for a broadcast: "Tune in to Harbor Tonight on Monday at 9 p.m.",
// "Watch the full interview on Nightline tonight."
bool IsBroadcastPromo(const std::string& lower, size_t words) {
  if (words > kMaxShortPromptWords + 10) return false;
  if (lower.starts_with("tune in") || lower.starts_with("be sure to tune in") || lower.starts_with("don't miss")) {
    return true;
  }
  static const std::regex kWatch(
      "^(watch|listen to|catch|see|stream) (the )?(full|complete|entire|whole|rest of the|more of the|exclusive) "
      "[a-z ]{0,30}(interview|episode|report|story|segment|special|broadcast|conversation|video)\\b");
  bool imperative = lower.starts_with("watch ") || lower.starts_with("listen ") || lower.starts_with("catch ") ||
                    lower.starts_with("see ") || lower.starts_with("stream ");
  return imperative && std::regex_search(lower.substr(0, kRegexPrefix), kWatch);
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
  size_t all_words =
      line.size() <= kMaxClassifiedBytes ? words : LineShape::WordCount(line, kMaxPromptWords + 1);
  if (IsMarkup(line, lower, all_words)) return "markup";
  // A video player's close button and the caption under it ("CLOSE Crews
  // lift the pilings ... USA TODAY").
  if (line.starts_with("CLOSE ") && line.size() > 6 && LineShape::StartsUpper(line.substr(6)) &&
      all_words <= kMaxPromptWords) {
    return "media";
  }
  if (IsCopyright(lower, words)) return "copyright";
  if (IsCorrection(lower, words)) return "correction";
  if (IsUpdateNote(lower, words)) return "update";
  if (IsArchiveNote(lower, words)) return "archive";
  if (IsDisclaimer(lower, words)) return "disclaimer";
  if (IsEmbedFooter(lower, words)) return "embed";
  if (IsStamp(lower, words)) return "date";
  if (IsMedia(lower, words)) return "media";
  if (IsFeed(line, all_words)) return "feed";
  if (IsTracking(line)) return "tracking";
  if (IsNav(line, lower, words)) return "nav";
  if (IsCaption(line, lower, words)) return "caption";
  if (IsPrompt(line, lower, words) || IsBroadcastPromo(lower, words)) return "prompt";
  return "";
}

}  // namespace storyfuse
