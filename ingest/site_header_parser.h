// SiteHeaderParser: the lines a scraper keeps from a page's masthead.
//
//   domain header   "Daily Planet news US dailyplanet.com"  -> outlet
//                   "dailyplanet.com" (the domain as written, minus "www.")
//   slash header    "Headline/ Outlet/ CITY/ A. Author/ Section/ Standfirst..."
//                   -> title, outlet, place, authors, sections, and where the
//                   standfirst (body text) starts
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_INGEST_SITE_HEADER_PARSER_H_
#define STORYFUSE_INGEST_SITE_HEADER_PARSER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyfuse {

struct HeaderField {
  size_t begin = 0;  // byte range of the field in the line, separator included
  size_t end = 0;
  std::string kind;   // "title", "header" (outlet), "dateline", "byline", "section"
  std::string value;  // the field's text
};

struct SlashHeader {
  std::vector<HeaderField> fields;  // in line order
  size_t body_begin = 0;            // where the standfirst starts; line size when none
};

class SiteHeaderParser {
 public:
  // The outlet a short masthead line names through a domain ("Voz.us",
  // "example.co.uk"), or nullopt when the line is not such a header (too
  // long, a sentence, or no domain-shaped word).
  static std::optional<std::string> ParseDomainHeader(std::string_view line);

  // A "/ "-separated header of at least four fields, or nullopt. The first
  // field is the title; a field in capitals is a place; a person's name is an
  // author; a field of section words ("Morning Edition", "World") is a
  // section; the first other short field is the outlet; a last field that is
  // prose is the standfirst.
  static std::optional<SlashHeader> ParseSlashHeader(std::string_view line);

  // True for a word shaped like a domain name: "voz.us", "www.example.com".
  static bool IsDomain(std::string_view word);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_SITE_HEADER_PARSER_H_
