// HTML rendering of briefs: one self-contained page (inline CSS, no
// external resources), readable on a phone. Pure functions.
#ifndef STORYFUSE_BRIEF_BRIEF_HTML_H_
#define STORYFUSE_BRIEF_BRIEF_HTML_H_

#include <string>
#include <string_view>
#include <vector>

#include "brief/story_brief.h"

namespace storyfuse {

// A complete HTML document with one section per story.
std::string BriefsToHtml(const std::vector<StoryBrief>& briefs);

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_BRIEF_HTML_H_
