#include "feed/url_list_parser.h"

#include <unordered_set>

#include "feed/url_canonicalizer.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

void AddError(std::string error, UrlList* list, size_t* dropped) {
  if (list->errors.size() < UrlListParser::kMaxErrors) {
    list->errors.push_back(std::move(error));
  } else {
    ++*dropped;
  }
}

}  // namespace

UrlList UrlListParser::Parse(std::string_view text, size_t max_urls) {
  UrlList list;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::unordered_set<std::string> seen;
  size_t dropped_errors = 0;
  size_t line_number = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = TrimAsciiSpace(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    auto canonical = UrlCanonicalizer::Canonicalize(line);
    if (!canonical.ok()) {
      ++list.bad_lines;
      AddError("line " + std::to_string(line_number) + ": " + canonical.status().message(), &list, &dropped_errors);
      continue;
    }
    if (!seen.insert(*canonical).second) {
      ++list.duplicates;
      continue;
    }
    if (list.urls.size() >= max_urls) {
      list.truncated = true;
      break;
    }
    list.urls.push_back({std::string(line), line_number});
  }
  if (dropped_errors > 0) list.errors.push_back("... and " + std::to_string(dropped_errors) + " more bad lines");
  return list;
}

}  // namespace storyfuse
