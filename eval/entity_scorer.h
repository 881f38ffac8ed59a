// EntityScorer: scores predicted name mentions against CoNLL-2003 gold with
// the metric ../shared/data/README.md defines for people, organisations and
// places (read it for the exact rules). Briefly: only PER, ORG and LOC gold
// spans count; a guess scores when its span and type equal a gold one's;
// a guess lying wholly on MISC names counts neither way; the figures are
// mention-level precision, recall and F1.
//
// Two choices the README leaves open: a gold mention is matched at most
// once (a second identical prediction is wrong), and a MISC prediction is
// ignored whatever it overlaps (only PER, ORG and LOC are scored).
//
// Offsets are code points, end exclusive. A value-type accumulator;
// thread-compatible.
#ifndef STORYFUSE_EVAL_ENTITY_SCORER_H_
#define STORYFUSE_EVAL_ENTITY_SCORER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analyze/entity_labels.h"

namespace storyfuse {

// A typed name mention in code points.
struct NameSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  NameKind kind = NameKind::kPerson;
  bool operator==(const NameSpan&) const = default;
};

enum class MentionVerdict : uint8_t { kCorrect, kWrong, kIgnored };

// Counts per scored kind (PER, ORG, LOC: NameKind 0..2).
struct EntityScores {
  static constexpr int kScoredKinds = 3;
  size_t gold[kScoredKinds] = {0, 0, 0};
  size_t predicted[kScoredKinds] = {0, 0, 0};  // scored predictions (not ignored)
  size_t correct[kScoredKinds] = {0, 0, 0};
  size_t ignored = 0;

  // Over all three kinds.
  double Precision() const;
  double Recall() const;
  double F1() const;
  // For one of the three kinds.
  double Precision(NameKind kind) const;
  double Recall(NameKind kind) const;
  double F1(NameKind kind) const;
};

class EntityScorer {
 public:
  // Scores one document: `gold` holds all its spans (MISC included),
  // `predicted` the mentions to score. Returns a verdict per prediction.
  std::vector<MentionVerdict> Add(const std::vector<NameSpan>& gold, const std::vector<NameSpan>& predicted);
  const EntityScores& scores() const { return scores_; }

 private:
  EntityScores scores_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_ENTITY_SCORER_H_
