#include "ingest/html_hints.h"
#include "text/ascii_chars.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace storyfuse {
namespace {

// Weight of one word of a class or id name. kFurniture words name things
// that are never article text; the others only lean the score.
constexpr int kFurniture = -3;

const std::unordered_map<std::string, int>& Words() {
  static const auto* const kWords = new std::unordered_map<std::string, int>{
      // Main content.
      {"article", 2},
      {"story", 2},
      {"prose", 2},
      {"richtext", 2},
      {"body", 1},
      {"content", 1},
      {"entry", 1},
      {"main", 1},
      {"post", 1},
      {"text", 1},
      {"blog", 1},
      {"copy", 1},
      {"paragraph", 1},
      {"rich", 1},
      {"embed", 3},
      {"embedded", 3},
      {"tweet", 3},
      // Leaning away from content.
      {"extra", -1},
      {"aside", -2},
      {"supplemental", -2},
      {"community", -2},
      {"meta", -2},
      {"hero", -1},
      {"card", -1},
      {"teaser", -2},
      {"teasers", -2},
      {"list", -1},
      // Furniture: sharing, ads, navigation, prompts, captions, bylines.
      {"share", kFurniture},
      {"sharing", kFurniture},
      {"shares", kFurniture},
      {"sharebar", kFurniture},
      {"social", kFurniture},
      {"comment", kFurniture},
      {"comments", kFurniture},
      {"disqus", kFurniture},
      {"related", kFurniture},
      {"recommended", kFurniture},
      {"recommendations", kFurniture},
      {"recirc", kFurniture},
      {"recirculation", kFurniture},
      {"newsletter", kFurniture},
      {"newsletters", kFurniture},
      {"subscribe", kFurniture},
      {"subscription", kFurniture},
      {"signup", kFurniture},
      {"promo", kFurniture},
      {"promos", kFurniture},
      {"promotion", kFurniture},
      {"advert", kFurniture},
      {"advertisement", kFurniture},
      {"advertising", kFurniture},
      {"advertorial", kFurniture},
      {"ad", kFurniture},
      {"ads", kFurniture},
      {"adv", kFurniture},
      {"adslot", kFurniture},
      {"adunit", kFurniture},
      {"dfp", kFurniture},
      {"sponsor", kFurniture},
      {"sponsored", kFurniture},
      {"cookie", kFurniture},
      {"cookies", kFurniture},
      {"consent", kFurniture},
      {"gdpr", kFurniture},
      {"breadcrumb", kFurniture},
      {"breadcrumbs", kFurniture},
      {"caption", kFurniture},
      {"captions", kFurniture},
      {"credit", kFurniture},
      {"credits", kFurniture},
      {"byline", kFurniture},
      {"bylines", kFurniture},
      {"author", kFurniture},
      {"authors", kFurniture},
      {"bio", kFurniture},
      {"popup", kFurniture},
      {"modal", kFurniture},
      {"outbrain", kFurniture},
      {"taboola", kFurniture},
      {"trending", kFurniture},
      {"popular", kFurniture},
      {"mostread", kFurniture},
      {"toolbar", kFurniture},
      {"pagination", kFurniture},
      {"pager", kFurniture},
      {"widget", kFurniture},
      {"widgets", kFurniture},
      {"banner", kFurniture},
      {"tags", kFurniture},
      {"tag", kFurniture},
      {"topics", kFurniture},
      {"keywords", kFurniture},
      {"nav", kFurniture},
      {"navbar", kFurniture},
      {"navigation", kFurniture},
      {"menu", kFurniture},
      {"footer", kFurniture},
      {"masthead", kFurniture},
      {"header", kFurniture},
      {"headline", kFurniture},
      {"sidebar", kFurniture},
      {"rail", kFurniture},
      {"email", kFurniture},
      {"follow", kFurniture},
      {"skip", kFurniture},
      {"sr", kFurniture},
      {"hidden", kFurniture},
      {"hide", kFurniture},
      {"invisible", kFurniture},
      {"visually", kFurniture},
      {"offscreen", kFurniture},
      {"login", kFurniture},
      {"signin", kFurniture},
      {"register", kFurniture},
      {"date", kFurniture},
      {"timestamp", kFurniture},
      {"dateline", kFurniture},
      {"copyright", kFurniture},
      {"legal", kFurniture},
      {"disclaimer", kFurniture},
      {"player", kFurniture},
      {"gallery", kFurniture},
      {"slideshow", kFurniture},
      {"carousel", kFurniture},
      {"photo", kFurniture},
      {"image", kFurniture},
      {"img", kFurniture},
      {"thumbnail", kFurniture},
      {"thumb", kFurniture},
      {"figure", kFurniture},
      {"icon", kFurniture},
      {"icons", kFurniture},
      {"logo", kFurniture},
      {"button", kFurniture},
      {"btn", kFurniture},
      {"readmore", kFurniture},
      {"more", kFurniture},
      {"also", kFurniture},
      {"next", kFurniture},
      {"prev", kFurniture},
      {"previous", kFurniture},
      {"donate", kFurniture},
      {"alert", kFurniture},
      {"notice", kFurniture},
  };
  return *kWords;
}

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Class names that qualify the element rather than name its role: state
// ("is-open", "has-thumbnail") and taxonomy ("tag-elections",
// "category-sport", "author-jane") that CMSs stamp on article wrappers.
bool IsModifier(std::string_view first_word) {
  static constexpr std::string_view kPrefixes[] = {
      "has",  "is",     "with",   "no",     "not",    "tag",  "category", "categories", "format", "status",
      "type", "postid", "pageid", "author", "single", "page", "template", "lang",       "js",     "section"};
  for (std::string_view p : kPrefixes) {
    if (first_word == p) return true;
  }
  return false;
}

// "modal-enabled", "comments-open": a state of the element, not its role.
bool IsState(std::string_view last_word) {
  static constexpr std::string_view kStates[] = {"enabled", "disabled", "active", "inactive", "open", "closed",
                                                 "visible", "loaded",   "ready",  "on",       "off"};
  for (std::string_view s : kStates) {
    if (last_word == s) return true;
  }
  return false;
}

// The words of one class name (or id): split at non-alphanumerics and at
// camelCase humps ("relatedArticles" is "related" + "articles"),
// lower-cased into `buf`. Returns the number of words (at most kMaxWords).
constexpr size_t kMaxWords = 12;
size_t NameWords(std::string_view name, std::string* buf, std::string_view* words) {
  buf->clear();
  size_t begins[kMaxWords + 1], n = 0;
  bool in_word = false;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool upper = c >= 'A' && c <= 'Z';
    bool hump = upper && i > 0 && name[i - 1] >= 'a' && name[i - 1] <= 'z';
    if (!IsAlnum(c) || hump) {
      if (in_word) buf->push_back(' ');
      in_word = false;
      if (!IsAlnum(c)) continue;
    }
    if (!in_word) {
      if (n == kMaxWords) break;
      begins[n++] = buf->size();
      in_word = true;
    }
    buf->push_back(AsciiLower(c));
  }
  if (in_word) buf->push_back(' ');
  for (size_t k = 0; k < n; ++k) {
    size_t end = buf->find(' ', begins[k]);
    words[k] = std::string_view(*buf).substr(begins[k], end - begins[k]);
  }
  return n;
}

// Adds the words of one attribute value, each distinct word once.
void AddWords(std::string_view value, std::vector<const std::string*>* seen, HtmlHint* hint, bool* furniture) {
  const auto& table = Words();
  std::string buf, key;
  std::string_view words[kMaxWords];
  size_t pos = 0;
  while (pos < value.size()) {
    size_t end = value.find_first_of(" \t\n\r\f", pos);
    if (end == std::string_view::npos) end = value.size();
    size_t n = NameWords(value.substr(pos, end - pos), &buf, words);
    pos = end + 1;
    if (n == 0 || (n > 1 && (IsModifier(words[0]) || IsState(words[n - 1])))) continue;
    for (size_t k = 0; k < n; ++k) {
      key.assign(words[k]);
      auto it = table.find(key);
      if (it == table.end()) continue;
      if (std::find(seen->begin(), seen->end(), &it->first) != seen->end()) continue;
      hint->weight += it->second;
      if (it->second == kFurniture) *furniture = true;
      seen->push_back(&it->first);
    }
  }
}

}  // namespace

HtmlHint HtmlHints::Classify(std::string_view class_attr, std::string_view id_attr) {
  HtmlHint hint;
  bool furniture = false;
  std::vector<const std::string*> seen;
  AddWords(class_attr, &seen, &hint, &furniture);
  AddWords(id_attr, &seen, &hint, &furniture);
  // "article-share" is furniture; "story-body comments-open" is not.
  hint.boilerplate = furniture && hint.weight < 0;
  return hint;
}

}  // namespace storyfuse
