// JSON and Markdown renderings of StoryBrief. Pure functions.
#ifndef STORYFUSE_BRIEF_BRIEF_JSON_H_
#define STORYFUSE_BRIEF_BRIEF_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "brief/story_brief.h"

namespace storyfuse {

// One story, every key present (absent values null).
nlohmann::json BriefToJson(const StoryBrief& brief);

// {"stories": [...]} in the order given.
nlohmann::json BriefsToJson(const std::vector<StoryBrief>& briefs);

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_BRIEF_JSON_H_
