#include "eval/bcubed.h"

#include <algorithm>
#include <map>
#include <utility>

namespace storyfuse {

BCubedScore BCubed::Score(const std::vector<std::string>& predicted, const std::vector<std::string>& gold) {
  BCubedScore s;
  s.items = std::min(predicted.size(), gold.size());
  if (s.items == 0) return s;
  // Sizes of predicted clusters, gold clusters and their intersections.
  std::map<std::string, size_t> pred_size, gold_size;
  std::map<std::pair<std::string, std::string>, size_t> both;
  for (size_t i = 0; i < s.items; ++i) {
    ++pred_size[predicted[i]];
    ++gold_size[gold[i]];
    ++both[{predicted[i], gold[i]}];
  }
  double p = 0, r = 0;
  for (const auto& [key, n] : both) {
    // Each of the n items in this intersection scores n / cluster size.
    p += static_cast<double>(n) * n / pred_size[key.first];
    r += static_cast<double>(n) * n / gold_size[key.second];
  }
  s.precision = p / s.items;
  s.recall = r / s.items;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  s.predicted_clusters = pred_size.size();
  s.gold_clusters = gold_size.size();
  return s;
}

}  // namespace storyfuse
