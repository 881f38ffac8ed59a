// WeightFile: reads the text form of a learned linear model's weights, the
// format models/speakers.v1.tsv and a quote-piece model share:
//
//   <format><TAB>1                 first line: the model's format name, version
//   # any comment                  ignored, as are empty lines
//   <feature name><TAB><weight>    one per line; weight a finite number
//
// Lines may end in CRLF. Pure functions; thread-safe.
#ifndef STORYFUSE_ANALYZE_WEIGHT_FILE_H_
#define STORYFUSE_ANALYZE_WEIGHT_FILE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace storyfuse {

class WeightFile {
 public:
  // Calls on_weight(name, weight) for each weight line of `bytes`.
  // Corruption names `what` ("speaker model") when the first line is not
  // "<format><TAB>version" or a line is not "feature<TAB>weight";
  // Unsupported for a version other than 1.
  static Status Read(std::string_view bytes, std::string_view format, std::string_view what,
                     const std::function<void(std::string_view name, double weight)>& on_weight);
  // The first lines of a file Read() accepts: "<format><TAB><version>",
  // then each of `comments` as "# <comment>".
  static std::string Header(std::string_view format, int version, const std::vector<std::string>& comments);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_WEIGHT_FILE_H_
