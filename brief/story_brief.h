// StoryBrief: the product, one traceable account of one story. Its JSON
// shape (brief_json.h) is the public contract of `brief --format json` and
// of GET /api/stories/{id}; see docs/brief-format.md.
//
// Sources are article ids. Spans are in Unicode code points into the
// article's cleaned text, end exclusive. Empty strings serialize as null.
//
// Citations are claims about spans: every item that cites a source keeps,
// per cited article, the span of that article that supports it and how
// strongly (`support`). A source whose best span does not support the item
// is not cited at all. Counts of sources are always given twice: articles
// (`sources`) and independent origins (`independent_sources`; a copy counts
// as what it copies, a wire story as the wire).
#ifndef STORYFUSE_BRIEF_STORY_BRIEF_H_
#define STORYFUSE_BRIEF_STORY_BRIEF_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace storyfuse {

// A span of one article that an item cites, and how strongly it supports
// the item: 1 for the span the item's own text is taken from, else the
// statement matcher's probability that the span states the same thing.
struct SourceSpan {
  std::string article;
  uint32_t start = 0;
  uint32_t end = 0;
  float support = 1;
};

// A sentence of the summary, or a fact aligned across articles. `spans`
// holds one citation per source, in `sources` order (the shown sentence's
// own span first).
struct Statement {
  std::string text;
  std::vector<std::string> sources;
  std::vector<SourceSpan> spans;
  int independent_sources = 0;
};

// One outlet's full wording of a remark: the whole quotation as that
// article prints it, and where.
struct QuoteVariant {
  std::string text;
  std::string source;
  SourceSpan span;
};

// One remark, grouped across the articles that quote it (the same speaker
// saying the same thing, however each outlet cuts or words it).
struct BriefQuote {
  std::string text;
  std::string speaker;
  std::vector<std::string> sources;
  std::vector<QuoteVariant> variants;
  int independent_sources = 0;
};

struct BriefNumber {
  double value = 0;
  std::optional<double> min;
  std::optional<double> max;
  std::string hedge;
  std::string unit;
  std::string text;
  std::vector<std::string> sources;
  std::vector<SourceSpan> spans;  // per source, the sentence stating it
  int independent_sources = 0;
};

struct ConflictValue {
  double value = 0;
  std::string text;
  std::vector<std::string> sources;
  std::vector<SourceSpan> spans;
};

// Values for the same measure of the same thing at the same time that
// differ beyond what their hedges allow.
struct Conflict {
  std::string about;
  std::vector<ConflictValue> values;
};

// One reported value of a figure that changes over the story.
struct FigureValue {
  double value = 0;
  std::string text;  // the quantity as written ("at least 32 people")
  std::string source;
  SourceSpan span;   // the sentence stating it
  std::string time;  // ISO date or date-time it was reported for, or ""
};

// A figure that develops over the story (a death toll, a count of
// evacuees): every value with its source and time, newest first. Not a
// conflict: later reports supersede earlier ones.
struct TrackedFigure {
  std::string about;  // what is counted ("people killed")
  std::string unit;
  std::vector<FigureValue> values;
  bool headline = false;  // the story's headline number (stated in the summary)
};

struct TimelineEntry {
  std::string date;         // ISO 8601 cut to its granularity; a week is "2025-W28"
  std::string granularity;  // "day", "week", "month", "year"
  std::string text;
  std::vector<std::string> sources;
  std::vector<SourceSpan> spans;  // per source, the sentence dated
};

struct BriefEntity {
  std::string name;
  std::string type;  // "person", "organization", "place"
  std::vector<std::string> aliases;
  std::vector<std::string> sources;
  int mentions = 0;
};

// What only one origin reports: no article of another origin states it,
// in any words.
struct Exclusive {
  std::string source;
  std::string text;
  SourceSpan span;
};

// A correction an article prints about itself or an earlier version
// ("CORRECTION, June 29: an earlier version misstated..."): shown as such,
// never as a fact of the story.
struct Correction {
  std::string source;
  std::string text;
  SourceSpan span;
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
  std::vector<TrackedFigure> figures;
  std::vector<TimelineEntry> timeline;
  std::vector<BriefEntity> entities;
  std::vector<Exclusive> exclusives;
  std::vector<Correction> corrections;
  std::vector<ArticleRef> articles;
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_STORY_BRIEF_H_
