// SplitTabFields: the fields of one line of a tab-separated file (the
// project's model and label files): the text between tabs, empty fields
// kept, so "a\t\tb" has three fields and "" has one. No quoting or
// escaping: the files never put a tab inside a field. The views point
// into `line`. Pure function; thread-safe.
#ifndef STORYFUSE_BASE_TAB_FIELDS_H_
#define STORYFUSE_BASE_TAB_FIELDS_H_

#include <string_view>
#include <vector>

namespace storyfuse {

std::vector<std::string_view> SplitTabFields(std::string_view line);

}  // namespace storyfuse

#endif  // STORYFUSE_BASE_TAB_FIELDS_H_
