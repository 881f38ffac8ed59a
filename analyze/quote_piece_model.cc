#include "analyze/quote_piece_model.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "analyze/speaker_model.h"
#include "models/model_files.h"

namespace storyfuse {
namespace {

constexpr std::string_view kFormat = "storyfuse-quote-pieces";
constexpr std::string_view kThreshold = "@threshold";

std::string_view NextLine(std::string_view* rest) {
  size_t nl = rest->find('\n');
  std::string_view line = rest->substr(0, nl);
  *rest = nl == std::string_view::npos ? std::string_view() : rest->substr(nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

Result<QuotePieceModel> QuotePieceModel::Parse(std::string_view bytes) {
  std::string_view rest = bytes;
  std::string_view header = NextLine(&rest);
  size_t tab = header.find('\t');
  if (tab == std::string_view::npos || header.substr(0, tab) != kFormat) {
    return Status::Corruption("quote piece model: the first line is not \"storyfuse-quote-pieces<TAB>version\"");
  }
  if (header.substr(tab + 1) != "1") {
    return Status::Unsupported("quote piece model: format version " + std::string(header.substr(tab + 1)) +
                               " (this build reads version 1)");
  }
  QuotePieceModel model;
  size_t line_no = 1;
  while (!rest.empty()) {
    std::string_view line = NextLine(&rest);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    tab = line.rfind('\t');
    double w = 0;
    if (tab != std::string_view::npos) {
      std::string number(line.substr(tab + 1));
      char* end = nullptr;
      w = std::strtod(number.c_str(), &end);
      if (end == number.c_str() || *end != '\0' || !std::isfinite(w)) tab = std::string_view::npos;
    }
    if (tab == std::string_view::npos || tab == 0) {
      return Status::Corruption("quote piece model: line " + std::to_string(line_no) +
                                " is not \"feature<TAB>weight\"");
    }
    std::string_view name = line.substr(0, tab);
    if (name == kThreshold) {
      model.threshold_ = w;
    } else {
      model.Set(std::string(name), w);
    }
  }
  return model;
}

const QuotePieceModel* QuotePieceModel::Shipped() {
  static const QuotePieceModel* const kModel = []() -> const QuotePieceModel* {
    Result<std::string_view> bytes = ModelFile(kFileName);
    if (!bytes.ok()) return nullptr;
    Result<QuotePieceModel> model = Parse(*bytes);
    return model.ok() ? new QuotePieceModel(std::move(*model)) : nullptr;
  }();
  return kModel;
}

double QuotePieceModel::Probability(const std::vector<uint64_t>& features) const {
  double s = 0;
  for (uint64_t f : features) {
    if (const float* w = weights_.Find(f)) s += *w;
  }
  return 1 / (1 + std::exp(-s));
}

void QuotePieceModel::Set(const std::string& name, double weight) {
  float w = static_cast<float>(weight);
  auto [slot, fresh] = weights_.Insert(SpeakerFeatureId(name), w);
  if (!fresh) *slot = w;
  names_[name] = w;
}

std::string QuotePieceModel::Serialize(const std::vector<std::string>& comments) const {
  std::string out = std::string(kFormat) + "\t" + std::to_string(kVersion) + "\n";
  for (const std::string& c : comments) out += "# " + c + "\n";
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%.9g", threshold_);
  out += std::string(kThreshold) + "\t" + buf + "\n";
  for (const auto& [name, w] : names_) {
    if (w == 0) continue;
    std::snprintf(buf, sizeof(buf), "%.6g", static_cast<double>(w));
    out += name + "\t" + buf + "\n";
  }
  return out;
}

}  // namespace storyfuse
