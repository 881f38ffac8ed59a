// CorrectionJson: an editor's correction as one JSON object, the one
// format of POST /api/corrections and of `storyfuse correct FILE` (one
// object a line). docs/server.md documents it:
//
//   {"kind": "merge",  "story": "s-7", "into": "s-3"}   story s-7 joins s-3
//   {"kind": "move",   "article": "a-12", "to": "s-3"}  the article joins s-3
//   {"kind": "detach", "article": "a-12"}               the article on its own
//
// Each may carry "note" (the editor's words, stored and shown with it).
// Unknown members are refused, so a misspelt one is not silently ignored.
//
// Thread-safe (no state).
#ifndef STORYFUSE_PIPELINE_CORRECTION_JSON_H_
#define STORYFUSE_PIPELINE_CORRECTION_JSON_H_

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "pipeline/story_repository.h"

namespace storyfuse {

// InvalidArgument naming what is wrong.
Result<StoryCorrection> CorrectionFromJson(const nlohmann::json& value);

// The corrections of a body: a JSON object, a JSON array of objects, or
// (`lines`) one object a line, blank lines and lines starting with '#'
// skipped. InvalidArgument naming the first bad one (its line, for lines).
// `line_numbers`, when given, gets each correction's line (1-based; for
// JSON, 0).
Result<std::vector<StoryCorrection>> CorrectionsFromText(std::string_view text, bool lines,
                                                         std::vector<size_t>* line_numbers = nullptr);

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_CORRECTION_JSON_H_
