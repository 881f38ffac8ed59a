#include "analyze/weight_file.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace storyfuse {
namespace {

std::string_view NextLine(std::string_view* rest) {
  size_t nl = rest->find('\n');
  std::string_view line = rest->substr(0, nl);
  *rest = nl == std::string_view::npos ? std::string_view() : rest->substr(nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// The weight after the line's last tab; false when there is none or it is
// not a whole finite number.
bool ParseWeight(std::string_view line, size_t* tab, double* w) {
  *tab = line.rfind('\t');
  if (*tab == std::string_view::npos || *tab == 0) return false;
  std::string number(line.substr(*tab + 1));
  char* end = nullptr;
  *w = std::strtod(number.c_str(), &end);
  return end != number.c_str() && *end == '\0' && std::isfinite(*w);
}

}  // namespace

Status WeightFile::Read(std::string_view bytes, std::string_view format, std::string_view what,
                        const std::function<void(std::string_view name, double weight)>& on_weight) {
  std::string_view rest = bytes;
  std::string_view header = NextLine(&rest);
  size_t tab = header.find('\t');
  if (tab == std::string_view::npos || header.substr(0, tab) != format) {
    return Status::Corruption(std::string(what) + ": the first line is not \"" + std::string(format) +
                              "<TAB>version\"");
  }
  if (header.substr(tab + 1) != "1") {
    return Status::Unsupported(std::string(what) + ": format version " + std::string(header.substr(tab + 1)) +
                               " (this build reads version 1)");
  }
  size_t line_no = 1;
  while (!rest.empty()) {
    std::string_view line = NextLine(&rest);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    double w = 0;
    if (!ParseWeight(line, &tab, &w)) {
      return Status::Corruption(std::string(what) + ": line " + std::to_string(line_no) +
                                " is not \"feature<TAB>weight\"");
    }
    on_weight(line.substr(0, tab), w);
  }
  return Status::Ok();
}

std::string WeightFile::Header(std::string_view format, int version, const std::vector<std::string>& comments) {
  std::string out = std::string(format) + "\t" + std::to_string(version) + "\n";
  for (const std::string& c : comments) out += "# " + c + "\n";
  return out;
}

}  // namespace storyfuse
