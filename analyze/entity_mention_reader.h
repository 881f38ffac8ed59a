// EntityMentionReader: the first half of entity linking. It reads one
// article's tokens and the names the recognizer found in them, splits
// titles and their qualifiers off people ("the Russian foreign minister
// X": X, titled "foreign minister", qualified "russia"), notes storm names
// (an event's, not a person's), defined acronyms ("Long Name (LN)") and
// titles standing alone for a person ("the secretary of state"), and adds
// all of it to an EntityMentionTable that analyze/entity_linker then links.
//
// Keys are FoldName() forms (analyze/name_similarity.h). Cost is linear in
// the article's tokens. The table is not thread-safe; readers of different
// tables may run in parallel.
#ifndef STORYFUSE_ANALYZE_ENTITY_MENTION_READER_H_
#define STORYFUSE_ANALYZE_ENTITY_MENTION_READER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analyze/entity_recognizer.h"
#include "text/span.h"
#include "text/word_lexer.h"

namespace storyfuse {

// Votes for a type, indexed like NameKind.
enum EntityVote { kPersonVote = 0, kOrgVote = 1, kPlaceVote = 2 };

struct RawMention {
  uint32_t article;
  Span span;
};

struct Surface {  // one folded name form and everything said of it
  std::string key;
  std::map<std::string, int> forms;  // display form -> count
  double votes[3] = {0, 0, 0};
  int count = 0;
  bool acronym = false;
  std::string country;
  std::map<std::string, int> titles;
  std::vector<RawMention> mentions;
};

struct TitleMention {
  uint32_t article;
  Span span;
  std::string title;      // "secretary of state"
  std::string qualified;  // "russia foreign minister", or ""
};

struct EntityMentionTable {
  std::unordered_map<std::string, Surface> surfaces;               // by folded key
  std::vector<std::pair<std::string, std::string>> acronym_pairs;  // (folded name, folded acronym)
  std::vector<TitleMention> title_mentions;
  std::unordered_set<std::string> storms;  // folded names of storms ("delia")
  // title (plain or qualified) -> surface key -> uses
  std::unordered_map<std::string, std::map<std::string, int>> title_index;
};

class EntityMentionReader {
 public:
  // Adds what article number `article` says to *table. `tokens` are
  // WordLexer::Lex(text); `names` are the recognizer's names over them, in
  // token order. Spans recorded are bytes of `text`, which need not outlive
  // the call.
  static void Read(uint32_t article, std::string_view text, const std::vector<LexToken>& tokens,
                   const std::vector<NameMention>& names, EntityMentionTable* table);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_ENTITY_MENTION_READER_H_
