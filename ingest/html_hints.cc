#include "ingest/html_hints.h"

#include <string>
#include <unordered_map>

namespace storyfuse {
namespace {

// Weight of one word of a class or id name. kFurniture words name things
// that are never article text; the others only lean the score.
constexpr int kFurniture = -3;

const std::unordered_map<std::string, int>& Words() {
  static const auto* const kWords = new std::unordered_map<std::string, int>{
      // Main content.
      {"article", 2}, {"story", 2}, {"prose", 2}, {"richtext", 2}, {"body", 1},
      {"content", 1}, {"entry", 1}, {"main", 1}, {"post", 1}, {"text", 1}, {"blog", 1},
      {"copy", 1}, {"paragraph", 1}, {"rich", 1},
      // Leaning away from content.
      {"extra", -1}, {"aside", -2}, {"supplemental", -2}, {"community", -2}, {"meta", -2},
      {"hero", -1}, {"card", -1}, {"teaser", -2}, {"teasers", -2}, {"list", -1},
      // Furniture: sharing, ads, navigation, prompts, captions, bylines.
      {"share", kFurniture}, {"sharing", kFurniture}, {"shares", kFurniture},
      {"sharebar", kFurniture}, {"social", kFurniture}, {"comment", kFurniture},
      {"comments", kFurniture}, {"disqus", kFurniture}, {"related", kFurniture},
      {"recommended", kFurniture}, {"recommendations", kFurniture}, {"recirc", kFurniture},
      {"recirculation", kFurniture}, {"newsletter", kFurniture}, {"newsletters", kFurniture},
      {"subscribe", kFurniture}, {"subscription", kFurniture}, {"signup", kFurniture},
      {"promo", kFurniture}, {"promos", kFurniture}, {"promotion", kFurniture},
      {"advert", kFurniture}, {"advertisement", kFurniture}, {"advertising", kFurniture},
      {"advertorial", kFurniture}, {"ad", kFurniture}, {"ads", kFurniture},
      {"adv", kFurniture}, {"adslot", kFurniture}, {"adunit", kFurniture},
      {"dfp", kFurniture}, {"sponsor", kFurniture}, {"sponsored", kFurniture},
      {"cookie", kFurniture}, {"cookies", kFurniture}, {"consent", kFurniture},
      {"gdpr", kFurniture}, {"breadcrumb", kFurniture}, {"breadcrumbs", kFurniture},
      {"caption", kFurniture}, {"captions", kFurniture}, {"credit", kFurniture},
      {"credits", kFurniture}, {"byline", kFurniture}, {"bylines", kFurniture},
      {"author", kFurniture}, {"authors", kFurniture}, {"bio", kFurniture},
      {"popup", kFurniture}, {"modal", kFurniture}, {"outbrain", kFurniture},
      {"taboola", kFurniture}, {"trending", kFurniture}, {"popular", kFurniture},
      {"mostread", kFurniture}, {"toolbar", kFurniture}, {"pagination", kFurniture},
      {"pager", kFurniture}, {"widget", kFurniture}, {"widgets", kFurniture},
      {"banner", kFurniture}, {"tags", kFurniture}, {"tag", kFurniture},
      {"topics", kFurniture}, {"keywords", kFurniture}, {"nav", kFurniture},
      {"navbar", kFurniture}, {"navigation", kFurniture}, {"menu", kFurniture},
      {"footer", kFurniture}, {"masthead", kFurniture}, {"header", kFurniture},
      {"headline", kFurniture}, {"sidebar", kFurniture}, {"rail", kFurniture},
      {"email", kFurniture}, {"follow", kFurniture}, {"skip", kFurniture},
      {"sr", kFurniture}, {"hidden", kFurniture}, {"hide", kFurniture},
      {"invisible", kFurniture}, {"visually", kFurniture}, {"offscreen", kFurniture},
      {"login", kFurniture}, {"signin", kFurniture}, {"register", kFurniture},
      {"date", kFurniture}, {"timestamp", kFurniture}, {"dateline", kFurniture},
      {"copyright", kFurniture}, {"legal", kFurniture}, {"disclaimer", kFurniture},
      {"player", kFurniture}, {"gallery", kFurniture}, {"slideshow", kFurniture},
      {"carousel", kFurniture}, {"photo", kFurniture}, {"image", kFurniture},
      {"img", kFurniture}, {"thumbnail", kFurniture}, {"thumb", kFurniture},
      {"figure", kFurniture}, {"icon", kFurniture}, {"icons", kFurniture},
      {"logo", kFurniture}, {"button", kFurniture}, {"btn", kFurniture},
      {"readmore", kFurniture}, {"more", kFurniture}, {"also", kFurniture},
      {"next", kFurniture}, {"prev", kFurniture}, {"previous", kFurniture},
      {"donate", kFurniture}, {"alert", kFurniture}, {"notice", kFurniture},
  };
  return *kWords;
}

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Adds the words of one attribute value: split at non-alphanumerics and at
// camelCase humps ("relatedArticles" is "related" + "articles").
void AddWords(std::string_view value, HtmlHint* hint, bool* furniture) {
  const auto& words = Words();
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    auto it = words.find(word);
    if (it != words.end()) {
      hint->weight += it->second;
      if (it->second == kFurniture) *furniture = true;
    }
    word.clear();
  };
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (!IsAlnum(c)) {
      flush();
      continue;
    }
    bool upper = c >= 'A' && c <= 'Z';
    if (upper && i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z') flush();
    word.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
  }
  flush();
}

}  // namespace

HtmlHint HtmlHints::Classify(std::string_view class_attr, std::string_view id_attr) {
  HtmlHint hint;
  bool furniture = false;
  AddWords(class_attr, &hint, &furniture);
  AddWords(id_attr, &hint, &furniture);
  // "article-share" is furniture; "story-body comments-open" is not.
  hint.boilerplate = furniture && hint.weight < 0;
  return hint;
}

}  // namespace storyfuse
