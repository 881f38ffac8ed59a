#include "cluster/story_merge_rule.h"

#include <algorithm>
#include <vector>

#include "cluster/feature_extractor.h"

namespace storyfuse {

bool SpansTouch(int32_t a_min, int32_t a_max, int32_t b_min, int32_t b_max, int max_gap_days) {
  if (a_min == kNoDay || b_min == kNoDay) return true;
  return a_min <= b_max + max_gap_days && b_min <= a_max + max_gap_days;
}

bool LeadsDiffer(const Centroid& a, const Centroid& b, size_t salient_names) {
  auto missing = [&](const Centroid& x, const Centroid& y) {
    const std::vector<uint32_t>& lead = y.top_names();
    for (size_t i = 0; i < x.top_names().size() && i < salient_names; ++i) {
      if (std::find(lead.begin(), lead.end(), x.top_names()[i]) == lead.end()) return true;
    }
    return false;
  };
  return missing(a, b) && missing(b, a);
}

bool AboutAnother(const ArticleVector& v, const Centroid& story, size_t conflict_names) {
  bool article_side = false;
  for (uint32_t t : v.salient) article_side |= !story.Contains(t);
  if (!article_side) return false;
  for (size_t i = 0; i < story.top_names().size() && i < conflict_names; ++i) {
    if (!HasTerm(v.weighted, story.top_names()[i])) return true;
  }
  return false;
}

}  // namespace storyfuse
