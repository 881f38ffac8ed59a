#include "analyze/entity_labels.h"

namespace storyfuse {

std::string_view NameKindCode(NameKind kind) {
  switch (kind) {
    case NameKind::kPerson:
      return "PER";
    case NameKind::kOrganization:
      return "ORG";
    case NameKind::kPlace:
      return "LOC";
    case NameKind::kMisc:
      return "MISC";
  }
  return "MISC";
}

bool ParseNameKind(std::string_view code, NameKind* kind) {
  for (int k = 0; k < kNameKinds; ++k) {
    if (NameKindCode(static_cast<NameKind>(k)) == code) {
      *kind = static_cast<NameKind>(k);
      return true;
    }
  }
  return false;
}

bool CanFollow(int prev, int next) {
  LabelPart p = PartOf(prev), n = PartOf(next);
  bool open = p == LabelPart::kBegin || p == LabelPart::kInside;
  bool continues = n == LabelPart::kInside || n == LabelPart::kLast;
  if (open) return continues && KindOf(prev) == KindOf(next);
  return !continues;
}

std::vector<uint8_t> EncodeRuns(size_t n, const std::vector<TokenRun>& runs) {
  std::vector<uint8_t> labels(n, kOutsideLabel);
  for (const TokenRun& r : runs) {
    if (r.begin >= r.end || r.end > n) continue;
    if (r.end == r.begin + 1) {
      labels[r.begin] = MakeLabel(r.kind, LabelPart::kUnit);
      continue;
    }
    labels[r.begin] = MakeLabel(r.kind, LabelPart::kBegin);
    for (uint32_t i = r.begin + 1; i + 1 < r.end; ++i) labels[i] = MakeLabel(r.kind, LabelPart::kInside);
    labels[r.end - 1] = MakeLabel(r.kind, LabelPart::kLast);
  }
  return labels;
}

std::vector<TokenRun> DecodeRuns(const std::vector<uint8_t>& labels) {
  std::vector<TokenRun> runs;
  bool open = false;
  for (uint32_t i = 0; i < labels.size(); ++i) {
    int label = labels[i];
    LabelPart part = PartOf(label);
    NameKind kind = KindOf(label);
    if (part == LabelPart::kOutside) {
      open = false;
      continue;
    }
    bool continues = part == LabelPart::kInside || part == LabelPart::kLast;
    if (continues && open && runs.back().kind == kind) {
      runs.back().end = i + 1;
    } else {
      runs.push_back({i, i + 1, kind});
    }
    open = part == LabelPart::kBegin || part == LabelPart::kInside;
  }
  return runs;
}

}  // namespace storyfuse
