#include "eval/paraphrase_pairs.h"

#include <algorithm>
#include <numeric>

#include "base/file.h"
#include "base/tab_fields.h"

namespace storyfuse {
namespace {

constexpr size_t kFields = 5;

// Indices of scores, highest score first (stable for equal scores).
std::vector<size_t> ByScoreDescending(const std::vector<float>& scores) {
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return scores[x] > scores[y]; });
  return order;
}

}  // namespace

Result<std::vector<ParaphrasePair>> ParaphrasePairs::Parse(std::string_view content) {
  std::vector<ParaphrasePair> out;
  size_t line_no = 0;
  while (!content.empty()) {
    size_t eol = content.find('\n');
    std::string_view line = content.substr(0, eol);
    content.remove_prefix(eol == std::string_view::npos ? content.size() : eol + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 || line.empty()) continue;  // the header
    std::vector<std::string_view> f = SplitTabFields(line);
    if (f.size() != kFields || (f[0] != "0" && f[0] != "1")) {
      return Status::InvalidArgument("line " + std::to_string(line_no) + ": expected quality (0/1) and 4 more fields");
    }
    out.push_back({f[0] == "1" ? 1 : 0, std::string(f[3]), std::string(f[4])});
  }
  return out;
}

Result<std::vector<ParaphrasePair>> ParaphrasePairs::Read(const std::string& path) {
  STORYFUSE_ASSIGN_OR_RETURN(std::string content, ReadWholeFile(path));
  Result<std::vector<ParaphrasePair>> pairs = Parse(content);
  if (!pairs.ok()) return pairs.status().WithContext(path);
  return pairs;
}

BinaryScores ParaphrasePairs::Score(const std::vector<int>& decisions, const std::vector<ParaphrasePair>& pairs) {
  BinaryScores s;
  for (size_t i = 0; i < pairs.size() && i < decisions.size(); ++i) {
    bool yes = decisions[i] != 0, gold = pairs[i].label != 0;
    if (yes && gold) ++s.tp;
    if (yes && !gold) ++s.fp;
    if (!yes && gold) ++s.fn;
    if (!yes && !gold) ++s.tn;
  }
  int n = s.tp + s.fp + s.fn + s.tn;
  s.accuracy = n ? static_cast<double>(s.tp + s.tn) / n : 0;
  s.precision = s.tp + s.fp ? static_cast<double>(s.tp) / (s.tp + s.fp) : 0;
  s.recall = s.tp + s.fn ? static_cast<double>(s.tp) / (s.tp + s.fn) : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

std::vector<int> ParaphrasePairs::Decide(const std::vector<float>& scores, float threshold) {
  std::vector<int> out;
  for (float s : scores) out.push_back(s >= threshold ? 1 : 0);
  return out;
}

std::pair<float, double> ParaphrasePairs::BestAccuracy(const std::vector<float>& scores,
                                                       const std::vector<ParaphrasePair>& pairs) {
  if (scores.empty()) return {0, 0};
  std::vector<size_t> order = ByScoreDescending(scores);
  int positives = 0;
  for (const auto& p : pairs) positives += p.label;
  // Threshold above every score: all decisions 0, correct on negatives.
  int correct = static_cast<int>(pairs.size()) - positives;
  int best = correct;
  float best_threshold = scores[order[0]] + 1;
  for (size_t k = 0; k < order.size(); ++k) {
    correct += pairs[order[k]].label ? 1 : -1;
    bool cut = k + 1 == order.size() || scores[order[k + 1]] < scores[order[k]];
    if (!cut) continue;
    if (correct >= best) {
      best = correct;
      best_threshold = k + 1 == order.size() ? scores[order[k]] : (scores[order[k]] + scores[order[k + 1]]) / 2;
    }
  }
  return {best_threshold, static_cast<double>(best) / pairs.size()};
}

float ParaphrasePairs::ThresholdForPrecision(const std::vector<float>& scores, const std::vector<int>& labels,
                                             double precision) {
  std::vector<size_t> order = ByScoreDescending(scores);
  int tp = 0, all = 0;
  float found = 1;
  for (size_t k = 0; k < order.size(); ++k) {
    tp += labels[order[k]];
    ++all;
    bool cut = k + 1 == order.size() || scores[order[k + 1]] < scores[order[k]];
    if (cut && static_cast<double>(tp) / all >= precision) found = scores[order[k]];
  }
  return found;
}

float ParaphrasePairs::ThresholdForRecall(const std::vector<float>& scores, const std::vector<int>& labels,
                                          double recall) {
  std::vector<size_t> order = ByScoreDescending(scores);
  int positives = std::accumulate(labels.begin(), labels.end(), 0);
  int tp = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    tp += labels[order[k]];
    bool cut = k + 1 == order.size() || scores[order[k + 1]] < scores[order[k]];
    if (cut && positives > 0 && static_cast<double>(tp) / positives >= recall) return scores[order[k]];
  }
  return 0;
}

}  // namespace storyfuse
