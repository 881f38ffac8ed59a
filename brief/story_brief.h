// StoryBrief: the product, one traceable account of one story. Its JSON
// shape (brief_json.h) is the public contract of `brief --format json` and
// of GET /api/stories/{id}; see docs/brief-format.md.
//
// Sources are article ids. Spans are in Unicode code points into the
// article's cleaned text, end exclusive. Empty strings serialize as null.
#ifndef STORYFUSE_BRIEF_STORY_BRIEF_H_
#define STORYFUSE_BRIEF_STORY_BRIEF_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace storyfuse {

struct SourceSpan {
  std::string article;
  uint32_t start = 0;
  uint32_t end = 0;
};

// A sentence of the summary, or a fact aligned across articles.
struct Statement {
  std::string text;
  std::vector<std::string> sources;
  std::vector<SourceSpan> spans;
  int independent_sources = 0;
};

struct QuoteVariant {
  std::string text;
  std::string source;
};

struct BriefQuote {
  std::string text;
  std::string speaker;
  std::vector<std::string> sources;
  std::vector<QuoteVariant> variants;
};

struct BriefNumber {
  double value = 0;
  std::optional<double> min;
  std::optional<double> max;
  std::string hedge;
  std::string unit;
  std::string text;
  std::vector<std::string> sources;
};

struct ConflictValue {
  double value = 0;
  std::string text;
  std::vector<std::string> sources;
};

struct Conflict {
  std::string about;
  std::vector<ConflictValue> values;
};

struct TimelineEntry {
  std::string date;         // ISO 8601 cut to its granularity; a week is "2025-W28"
  std::string granularity;  // "day", "week", "month", "year"
  std::string text;
  std::vector<std::string> sources;
};

struct BriefEntity {
  std::string name;
  std::string type;  // "person", "organization", "place"
  std::vector<std::string> aliases;
  std::vector<std::string> sources;
  int mentions = 0;
};

struct Exclusive {
  std::string source;
  std::string text;
};

struct ArticleRef {
  std::string id;
  std::string outlet;
  std::string title;
  std::string published;
  std::vector<std::string> authors;
  std::string wire;
  std::string copy_of;
  int words = 0;
};

struct StoryBrief {
  std::string id;
  std::string headline;
  int outlets = 0;
  int independent_sources = 0;
  std::vector<Statement> summary;
  std::vector<Statement> facts;
  std::vector<BriefQuote> quotes;
  std::vector<BriefNumber> numbers;
  std::vector<Conflict> conflicts;
  std::vector<TimelineEntry> timeline;
  std::vector<BriefEntity> entities;
  std::vector<Exclusive> exclusives;
  std::vector<ArticleRef> articles;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_STORY_BRIEF_H_
