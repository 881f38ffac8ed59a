#include "analyze/entity_model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "analyze/entity_features.h"

namespace storyfuse {
namespace {

static_assert(std::endian::native == std::endian::little, "the model file is little-endian");

constexpr char kMagic[8] = {'S', 'F', 'E', 'N', 'T', 'M', 'D', 'L'};
constexpr size_t kHeaderBytes = 64;
// The feature table stays at most 70 % full: lookups of absent features
// (most context words) stop after a few probes.
constexpr double kMaxLoad = 0.7;
constexpr float kInt16Max = 32767.0f;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t feature_set;
  uint32_t labels;
  uint32_t slot_bits;
  uint32_t rows;
  float scale;
  uint32_t gazetteer_slots;
  uint32_t padding[7];
};
static_assert(sizeof(Header) == kHeaderBytes);

size_t Align8(size_t n) { return (n + 7) & ~size_t{7}; }

template <typename T>
void Append(std::string* out, const T* data, size_t count) {
  out->append(reinterpret_cast<const char*>(data), count * sizeof(T));
  out->resize(Align8(out->size()), '\0');
}

}  // namespace

Result<std::string> EntityModel::Serialize(const Weights& w) {
  if (w.rows.size() != w.features.size() * kNumLabels) return Status::InvalidArgument("rows do not match features");
  float max_abs = 0;
  for (float v : w.rows) max_abs = std::max(max_abs, std::fabs(v));
  float scale = max_abs > 0 ? max_abs / kInt16Max : 1.0f;
  std::vector<int16_t> kept;
  std::vector<uint64_t> kept_features;
  for (size_t f = 0; f < w.features.size(); ++f) {
    int16_t q[kNumLabels];
    bool any = false;
    for (int l = 0; l < kNumLabels; ++l) {
      q[l] = static_cast<int16_t>(std::lround(w.rows[f * kNumLabels + l] / scale));
      any = any || q[l] != 0;
    }
    if (!any) continue;
    kept_features.push_back(w.features[f]);
    kept.insert(kept.end(), q, q + kNumLabels);
  }
  size_t rows = kept_features.size();
  if (rows >= kRowMask) return Status::InvalidArgument("too many feature rows for the slot format");
  uint32_t slot_bits = 4;
  while ((size_t{1} << slot_bits) * kMaxLoad < rows) ++slot_bits;
  std::vector<uint64_t> slots(size_t{1} << slot_bits, 0);
  size_t mask = slots.size() - 1;
  for (size_t r = 0; r < rows; ++r) {
    uint64_t h = kept_features[r];
    size_t i = static_cast<size_t>(h >> 32) & mask;
    while (slots[i] != 0) {
      if ((slots[i] & ~kRowMask) == (h & ~kRowMask)) return Status::InvalidArgument("two features share a slot key");
      i = (i + 1) & mask;
    }
    slots[i] = (h & ~kRowMask) | (r + 1);
  }
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof(kMagic));
  h.version = kFormatVersion;
  h.feature_set = EntityFeatures::kFeatureSetVersion;
  h.labels = kNumLabels;
  h.slot_bits = slot_bits;
  h.rows = static_cast<uint32_t>(rows);
  h.scale = scale;
  h.gazetteer_slots = static_cast<uint32_t>(w.gazetteer.slots().size());
  std::string out;
  Append(&out, &h, 1);
  Append(&out, w.transitions.data(), w.transitions.size());
  Append(&out, slots.data(), slots.size());
  Append(&out, kept.data(), kept.size());
  Append(&out, w.gazetteer.slots().data(), w.gazetteer.slots().size());
  return out;
}

Result<EntityModel> EntityModel::Parse(std::string_view bytes) {
  if (bytes.size() < kHeaderBytes) return Status::Corruption("entity model: truncated header");
  Header h;
  std::memcpy(&h, bytes.data(), sizeof(h));
  if (std::memcmp(h.magic, kMagic, sizeof(kMagic)) != 0) return Status::Corruption("entity model: bad magic");
  if (h.version != kFormatVersion) {
    return Status::Unsupported("entity model: format version " + std::to_string(h.version) + " (this build reads " +
                               std::to_string(kFormatVersion) + ")");
  }
  if (h.feature_set != EntityFeatures::kFeatureSetVersion) {
    return Status::Unsupported("entity model: feature set " + std::to_string(h.feature_set) + " (this build has " +
                               std::to_string(EntityFeatures::kFeatureSetVersion) + ")");
  }
  if (h.labels != kNumLabels || h.slot_bits > 30 || h.rows >= kRowMask || !(h.scale > 0)) {
    return Status::Corruption("entity model: bad header");
  }
  size_t transitions_at = kHeaderBytes;
  size_t slots_at = Align8(transitions_at + sizeof(float) * kNumLabels * kNumLabels);
  size_t slot_count = size_t{1} << h.slot_bits;
  size_t weights_at = Align8(slots_at + sizeof(uint64_t) * slot_count);
  size_t gazetteer_at = Align8(weights_at + sizeof(int16_t) * size_t{h.rows} * kNumLabels);
  size_t end = gazetteer_at + sizeof(uint64_t) * size_t{h.gazetteer_slots};
  if (bytes.size() < end) return Status::Corruption("entity model: truncated tables");
  EntityModel m;
  std::memcpy(m.transitions_.data(), bytes.data() + transitions_at, sizeof(float) * m.transitions_.size());
  const char* base = bytes.data();
  if (reinterpret_cast<uintptr_t>(base) % alignof(uint64_t) != 0) {
    m.owned_.resize((gazetteer_at + 7) / 8);
    std::memcpy(m.owned_.data(), base, gazetteer_at);
    base = reinterpret_cast<const char*>(m.owned_.data());
  }
  m.slots_ = reinterpret_cast<const uint64_t*>(base + slots_at);
  m.slot_mask_ = slot_count - 1;
  m.weights_ = reinterpret_cast<const int16_t*>(base + weights_at);
  m.rows_ = h.rows;
  m.scale_ = h.scale;
  size_t empty = 0;
  for (size_t i = 0; i < slot_count; ++i) {
    uint64_t row = m.slots_[i] & kRowMask;
    if (m.slots_[i] == 0) {
      ++empty;
    } else if (row == 0 || row > h.rows) {
      return Status::Corruption("entity model: slot points outside the weights");
    }
  }
  if (empty == 0) return Status::Corruption("entity model: feature table is full");
  std::vector<uint64_t> gazetteer(h.gazetteer_slots);
  std::memcpy(gazetteer.data(), bytes.data() + gazetteer_at, sizeof(uint64_t) * gazetteer.size());
  Result<NameGazetteer> g = NameGazetteer::FromSlots(gazetteer.data(), gazetteer.size());
  if (!g.ok()) return Status::Corruption("entity model: " + g.status().message());
  m.gazetteer_ = std::move(g).value();
  return m;
}

}  // namespace storyfuse
