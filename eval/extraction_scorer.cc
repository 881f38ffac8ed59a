#include "eval/extraction_scorer.h"

#include <unordered_map>

#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

// 4-grams as their tokens joined by a byte that no token contains.
std::unordered_map<std::string, int64_t> Shingles(std::string_view text) {
  std::vector<std::string_view> tokens = ExtractionScorer::Tokens(text);
  std::unordered_map<std::string, int64_t> out;
  int n = ExtractionScorer::kShingle;
  if (tokens.size() < static_cast<size_t>(n)) return out;
  out.reserve(tokens.size());
  std::string key;
  for (size_t i = 0; i + n <= tokens.size(); ++i) {
    key.clear();
    for (int k = 0; k < n; ++k) {
      if (k > 0) key.push_back('\x1f');
      key.append(tokens[i + k]);
    }
    ++out[key];
  }
  return out;
}

}  // namespace

std::vector<std::string_view> ExtractionScorer::Tokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  size_t start = std::string_view::npos;
  for (size_t pos = 0; pos < text.size();) {
    size_t at = pos;
    bool word = UnicodeText::IsWordChar(DecodeUtf8(text, &pos));
    if (word && start == std::string_view::npos) start = at;
    if (!word && start != std::string_view::npos) {
      tokens.push_back(text.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) tokens.push_back(text.substr(start));
  return tokens;
}

ShingleCounts ExtractionScorer::Compare(std::string_view predicted, std::string_view gold) {
  auto pred = Shingles(predicted);
  auto truth = Shingles(gold);
  ShingleCounts c;
  for (const auto& [key, count] : pred) {
    auto it = truth.find(key);
    int64_t shared = it == truth.end() ? 0 : std::min(count, it->second);
    c.tp += shared;
    c.fp += count - shared;
  }
  for (const auto& [key, count] : truth) {
    auto it = pred.find(key);
    c.fn += count - (it == pred.end() ? 0 : std::min(count, it->second));
  }
  return c;
}

ShingleCounts ExtractionScorer::Add(std::string_view predicted, std::string_view gold) {
  ShingleCounts c = Compare(predicted, gold);
  ++pages_;
  if (c.precision() >= 0) {
    precision_sum_ += c.precision();
    ++precision_pages_;
  }
  if (c.recall() >= 0) {
    recall_sum_ += c.recall();
    ++recall_pages_;
  }
  return c;
}

double ExtractionScorer::f1() const {
  double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

}  // namespace storyfuse
