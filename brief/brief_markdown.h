// Markdown rendering of a StoryBrief, for terminals and READMEs. Pure.
#ifndef STORYFUSE_BRIEF_BRIEF_MARKDOWN_H_
#define STORYFUSE_BRIEF_BRIEF_MARKDOWN_H_

#include <string>

#include "brief/story_brief.h"

namespace storyfuse {

std::string BriefToMarkdown(const StoryBrief& brief);

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_BRIEF_MARKDOWN_H_
