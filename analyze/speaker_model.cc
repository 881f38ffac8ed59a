#include "analyze/speaker_model.h"

#include <cstdio>
#include <cstdlib>

#include "analyze/weight_file.h"
#include "models/model_files.h"

namespace storyfuse {
namespace {

constexpr std::string_view kFormat = "storyfuse-speakers";
constexpr uint64_t kFnvPrime = 1099511628211ull;

// The splitmix64 finalizer: FNV-1a leaves the low bits poorly mixed for
// an open-addressing table.
uint64_t Finalize(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
}  // namespace

SpeakerFeatureKey& SpeakerFeatureKey::Add(std::string_view part) {
  for (char c : part) {
    h_ ^= static_cast<unsigned char>(c);
    h_ *= kFnvPrime;
  }
  return *this;
}

uint64_t SpeakerFeatureKey::value() const { return Finalize(h_); }

uint64_t SpeakerFeatureId(std::string_view name) { return SpeakerFeatureKey().Add(name).value(); }

Result<SpeakerModel> SpeakerModel::Parse(std::string_view bytes) {
  SpeakerModel model;
  STORYFUSE_RETURN_IF_ERROR(WeightFile::Read(
      bytes, kFormat, "speaker model", [&](std::string_view name, double w) { model.Set(std::string(name), w); }));
  return model;
}

const SpeakerModel* SpeakerModel::Shipped() {
  static const SpeakerModel* const kModel = []() -> const SpeakerModel* {
    Result<std::string_view> bytes = ModelFile(kFileName);
    if (!bytes.ok()) return nullptr;
    Result<SpeakerModel> model = Parse(*bytes);
    return model.ok() ? new SpeakerModel(std::move(*model)) : nullptr;
  }();
  return kModel;
}

double SpeakerModel::Score(const std::vector<uint64_t>& features) const { return weights_.Sum(features); }

void SpeakerModel::Set(const std::string& name, double weight) { weights_.Set(name, weight); }

std::string SpeakerModel::Serialize(const std::vector<std::string>& comments) const {
  std::string out = WeightFile::Header(kFormat, kVersion, comments);
  weights_.AppendLines(&out);
  return out;
}

}  // namespace storyfuse
