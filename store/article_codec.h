// The JSON encodings of the Article fields the stores keep in one column
// (authors, corrections), shared by every StoryStore engine so that a store
// written by one reads the same through another.
//
// Thread safety: pure functions.
#ifndef STORYFUSE_STORE_ARTICLE_CODEC_H_
#define STORYFUSE_STORE_ARTICLE_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "ingest/article.h"

namespace storyfuse {

// A JSON array of strings.
std::string AuthorsJson(const std::vector<std::string>& authors);
// The strings of a JSON array; non-strings and malformed JSON are skipped.
std::vector<std::string> AuthorsFromJson(const std::string& json);

// A JSON array of {"begin", "end", "text"} with byte offsets into `input`.
std::string CorrectionsJson(const std::vector<ArticleCorrection>& corrections);
// The corrections of `json` whose span lies inside `input`; entries that
// are not (a hand-edited store) are skipped.
std::vector<ArticleCorrection> CorrectionsFromJson(const std::string& json, std::string_view input);

}  // namespace storyfuse

#endif  // STORYFUSE_STORE_ARTICLE_CODEC_H_
