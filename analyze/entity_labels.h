// EntityLabels: the BILOU tag set of the entity recognizer, and the
// conversion between labelled token runs and per-token tags.
//
// A name of kind K over tokens [b, e) is tagged U-K when it is one token,
// else B-K, I-K ... I-K, L-K; every other token is O. The recognizer learns
// four kinds: the three the brief shows (person, organisation, place) and
// CoNLL's MISC (nationalities, events, products), which it learns only so
// that "German" or "Euro 96" is not mistaken for one of the three.
//
// Pure functions over small integers; thread-safe.
#ifndef STORYFUSE_ANALYZE_ENTITY_LABELS_H_
#define STORYFUSE_ANALYZE_ENTITY_LABELS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace storyfuse {

enum class NameKind : uint8_t { kPerson = 0, kOrganization = 1, kPlace = 2, kMisc = 3 };
constexpr int kNameKinds = 4;

// "PER", "ORG", "LOC", "MISC" (CoNLL's codes).
std::string_view NameKindCode(NameKind kind);
// The kind of a CoNLL code; false for any other string.
bool ParseNameKind(std::string_view code, NameKind* kind);

enum class LabelPart : uint8_t { kOutside = 0, kBegin, kInside, kLast, kUnit };

// Label 0 is O; kind k has B = 1 + 4k, I = 2 + 4k, L = 3 + 4k, U = 4 + 4k.
constexpr int kOutsideLabel = 0;
constexpr int kNumLabels = 1 + 4 * kNameKinds;

constexpr int MakeLabel(NameKind kind, LabelPart part) {
  return part == LabelPart::kOutside ? kOutsideLabel : 1 + 4 * static_cast<int>(kind) + (static_cast<int>(part) - 1);
}
constexpr LabelPart PartOf(int label) {
  return label == kOutsideLabel ? LabelPart::kOutside : static_cast<LabelPart>(1 + (label - 1) % 4);
}
constexpr NameKind KindOf(int label) { return static_cast<NameKind>(label == 0 ? 0 : (label - 1) / 4); }

// Whether tag `next` may follow tag `prev` (O stands for the edge of the
// sequence on either side): B and I must go on with I or L of their kind;
// O, L and U may be followed by O, B or U of any kind.
bool CanFollow(int prev, int next);

// A name over tokens [begin, end).
struct TokenRun {
  uint32_t begin = 0;
  uint32_t end = 0;
  NameKind kind = NameKind::kPerson;
  bool operator==(const TokenRun&) const = default;
};

// Tags of `n` tokens for the non-overlapping `runs` (sorted by begin);
// tokens outside every run are O.
std::vector<uint8_t> EncodeRuns(size_t n, const std::vector<TokenRun>& runs);

// The runs a tag sequence spells. Invalid sequences are read leniently: a
// B or I not continued closes at its token, an I or L without a B opens a
// name, a change of kind starts a new name.
std::vector<TokenRun> DecodeRuns(const std::vector<uint8_t>& labels);

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_ENTITY_LABELS_H_
