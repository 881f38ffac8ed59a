// HtmlHints: what an element's class and id attributes say about its role.
// Authors name containers after what they hold ("article-body",
// "share-bar", "related-links", "cookie-notice"); the words of those names
// are strong, site-independent evidence that content scoring weighs.
//
// Stateless and thread-safe.
#ifndef STORYFUSE_INGEST_HTML_HINTS_H_
#define STORYFUSE_INGEST_HTML_HINTS_H_

#include <string_view>

namespace storyfuse {

struct HtmlHint {
  // > 0 names main content ("article", "story-body"), < 0 names page
  // furniture ("sidebar", "comments"); 0 says nothing.
  int weight = 0;
  // The name marks furniture that never holds article text (share bars,
  // ads, captions, bylines, cookie notices, newsletter prompts).
  bool boilerplate = false;
};

class HtmlHints {
 public:
  // Classifies the words of `class_attr` and `id_attr` (split at anything
  // but ASCII letters and digits, compared case-insensitively).
  static HtmlHint Classify(std::string_view class_attr, std::string_view id_attr);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_HTML_HINTS_H_
