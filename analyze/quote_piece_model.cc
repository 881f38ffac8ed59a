#include "analyze/quote_piece_model.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "analyze/speaker_model.h"
#include "analyze/weight_file.h"
#include "models/model_files.h"

namespace storyfuse {
namespace {

constexpr std::string_view kFormat = "storyfuse-quote-pieces";
constexpr std::string_view kThreshold = "@threshold";
}  // namespace

Result<QuotePieceModel> QuotePieceModel::Parse(std::string_view bytes) {
  QuotePieceModel model;
  STORYFUSE_RETURN_IF_ERROR(WeightFile::Read(bytes, kFormat, "quote piece model", [&](std::string_view name, double w) {
    if (name == kThreshold) {
      model.threshold_ = w;
    } else {
      model.Set(std::string(name), w);
    }
  }));
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
