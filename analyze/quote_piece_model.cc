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
  double s = weights_.Sum(features);
  return 1 / (1 + std::exp(-s));
}

void QuotePieceModel::Set(const std::string& name, double weight) { weights_.Set(name, weight); }

std::string QuotePieceModel::Serialize(const std::vector<std::string>& comments) const {
  std::string out = WeightFile::Header(kFormat, kVersion, comments);
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%.9g", threshold_);
  out += std::string(kThreshold) + "\t" + buf + "\n";
  weights_.AppendLines(&out);
  return out;
}

}  // namespace storyfuse
