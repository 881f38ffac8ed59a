// EntityCorpus: reads the CoNLL-2003 JSONL files of ../shared/data/entities
// (one document per line: `id`, `date`, `text`, `entities` with `start`,
// `end` in code points, `type` PER/ORG/LOC/MISC and `text`).
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_EVAL_ENTITY_CORPUS_H_
#define STORYFUSE_EVAL_ENTITY_CORPUS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/entity_trainer.h"
#include "base/status.h"
#include "eval/entity_scorer.h"

namespace storyfuse {

struct EntityDocument {
  std::string id;
  std::string date;
  std::string text;
  std::vector<NameSpan> gold;  // code points into `text`, sorted by begin
};

// One JSONL line. Corruption (naming the field) when the line is not a
// JSON object with a string `text` and well-formed `entities`, a span lies
// outside the text or a type is unknown.
Result<EntityDocument> ParseEntityDocument(std::string_view line);

// Every document of a JSONL file; blank lines are skipped. Errors name the
// file and line.
Result<std::vector<EntityDocument>> ReadEntityCorpus(const std::string& path);

// The byte offset of each code point of `text`, plus text.size() at the
// end (so index i of a code point span [b, e) maps to bytes [at(b), at(e))).
std::vector<uint32_t> CodePointByteOffsets(std::string_view text);

// The documents as the trainer reads them (byte spans).
std::vector<AnnotatedText> ToAnnotatedTexts(const std::vector<EntityDocument>& docs);

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_ENTITY_CORPUS_H_
