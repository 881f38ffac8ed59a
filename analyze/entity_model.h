// EntityModel: the weights of the entity recognizer as one flat,
// versioned file (models/entities.v1.bin), read in place.
//
// Layout (little-endian; sections start on 8-byte boundaries):
//   header      64 bytes: magic "SFENTMDL", format version (1), the
//               feature-set version (EntityFeatures::kFeatureSetVersion),
//               tag count, log2 of the feature slots, weight rows, the
//               weight scale, gazetteer slots, zero padding
//   transitions tags x tags float32: score of tag q after tag p
//   slots       2^slot_bits uint64: open addressing with linear probing,
//               slot = (upper 43 bits of the feature hash) | (row + 1),
//               0 = empty; the first slot tried is hash >> 32
//   weights     rows x tags int16: a feature's score for each tag is
//               weight x scale
//   gazetteer   uint64 slots of NameGazetteer::slots()
//
// Parse keeps views into the bytes (no copy of the large tables unless
// they are misaligned), so the bytes must outlive the model; loading the
// shipped 10 MB model takes well under a millisecond. Serialize is the
// trainer's writer. A model is immutable after parsing; thread-safe.
#ifndef STORYFUSE_ANALYZE_ENTITY_MODEL_H_
#define STORYFUSE_ANALYZE_ENTITY_MODEL_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/entity_labels.h"
#include "analyze/name_gazetteer.h"
#include "base/status.h"

namespace storyfuse {

class EntityModel {
 public:
  static constexpr uint32_t kFormatVersion = 1;

  EntityModel() = default;
  EntityModel(EntityModel&&) = default;
  EntityModel& operator=(EntityModel&&) = default;
  EntityModel(const EntityModel&) = delete;
  EntityModel& operator=(const EntityModel&) = delete;

  // What the trainer hands over: averaged weights as floats.
  struct Weights {
    std::array<float, kNumLabels * kNumLabels> transitions{};
    std::vector<uint64_t> features;  // feature hashes, one per row
    std::vector<float> rows;         // features.size() x kNumLabels
    NameGazetteer gazetteer;
  };

  // The file bytes of `weights`: rows whose weights all round to 0 are
  // left out. InvalidArgument when there are too many rows for the slot
  // format.
  static Result<std::string> Serialize(const Weights& weights);

  // Reads a model file. Corruption when it is truncated or inconsistent,
  // Unsupported when its format or feature-set version is not this
  // build's.
  static Result<EntityModel> Parse(std::string_view bytes);

  // The int16 weights of `feature` (kNumLabels of them), or nullptr.
  const int16_t* Row(uint64_t feature) const {
    uint64_t want = feature & ~kRowMask;
    size_t i = static_cast<size_t>(feature >> 32) & slot_mask_;
    while (true) {
      uint64_t s = slots_[i];
      if (s == 0) return nullptr;
      if ((s & ~kRowMask) == want) return weights_ + ((s & kRowMask) - 1) * kNumLabels;
      i = (i + 1) & slot_mask_;
    }
  }

  float scale() const { return scale_; }
  const float* transitions() const { return transitions_.data(); }
  const NameGazetteer& gazetteer() const { return gazetteer_; }
  size_t rows() const { return rows_; }

 private:
  static constexpr int kRowBits = 21;
  static constexpr uint64_t kRowMask = (uint64_t{1} << kRowBits) - 1;

  std::array<float, kNumLabels * kNumLabels> transitions_{};
  const uint64_t* slots_ = nullptr;
  size_t slot_mask_ = 0;
  const int16_t* weights_ = nullptr;
  size_t rows_ = 0;
  float scale_ = 0;
  NameGazetteer gazetteer_;
  std::vector<uint64_t> owned_;  // a copy of the tables when the bytes were misaligned
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_ENTITY_MODEL_H_
