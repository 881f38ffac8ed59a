#include "brief/statement_matcher.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <vector>

#include "base/tab_fields.h"
#include "models/model_files.h"

namespace storyfuse {
namespace {

constexpr std::string_view kFormat = "storyfuse-align";
constexpr int kVersion = 1;

bool ToDouble(std::string_view s, double* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

std::string Number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

StatementMatcher::StatementMatcher(IdfTable idf, LogisticModel model, Domain domain, float threshold,
                                   float recall_threshold)
    : loaded_(true),
      idf_(std::move(idf)),
      model_(std::move(model)),
      domain_(domain),
      threshold_(threshold),
      recall_threshold_(recall_threshold) {}

const StatementMatcher& StatementMatcher::Shipped() {
  static const StatementMatcher* shipped = [] {
    Result<std::string_view> bytes = ModelFile(kModelFile);
    if (!bytes.ok()) return new StatementMatcher();
    Result<StatementMatcher> m = Parse(*bytes);
    return m.ok() ? new StatementMatcher(std::move(m).value()) : new StatementMatcher();
  }();
  return *shipped;
}

float StatementMatcher::Probability(const MatchSentence& a, const MatchSentence& b) const {
  if (!loaded_ || StatementFeatures::Incompatible(a, b)) return 0;
  int shorter = std::min(a.words, b.words), longer = std::max(a.words, b.words);
  if (shorter < domain_.min_words || shorter < domain_.min_length_ratio * longer) return 0;
  return static_cast<float>(model_.Probability(StatementFeatures::Compare(a, b)));
}

std::string StatementMatcher::Serialize(uint32_t min_df) const {
  std::string out = "# storyfuse statement matcher: see docs/brief.md and models/README.md\n";
  out += std::string(kFormat) + "\t" + std::to_string(kVersion) + "\n";
  out += "threshold\t" + Number(threshold_) + "\n";
  out += "recall_threshold\t" + Number(recall_threshold_) + "\n";
  out += "domain\t" + std::to_string(domain_.min_words) + "\t" + Number(domain_.min_length_ratio) + "\n";
  out += "bias\t" + Number(model_.bias) + "\n";
  const auto& names = StatementFeatures::FeatureNames();
  for (size_t i = 0; i < names.size() && i < model_.weights.size(); ++i) {
    out += "feature\t" + names[i] + "\t" + Number(model_.low[i]) + "\t" + Number(model_.high[i]) + "\t" +
           Number(model_.mean[i]) + "\t" + Number(model_.scale[i]) + "\t" + Number(model_.weights[i]) + "\n";
  }
  out += "idf_documents\t" + std::to_string(idf_.documents()) + "\n";
  for (const auto& [stem, df] : idf_.Entries(min_df)) out += "idf\t" + stem + "\t" + std::to_string(df) + "\n";
  return out;
}

Result<StatementMatcher> StatementMatcher::Parse(std::string_view file) {
  IdfTable idf;
  LogisticModel model;
  Domain domain;
  double domain_ratio = 0;
  double threshold = -1, recall = -1;
  bool header = false;
  std::vector<std::string> names;
  size_t line_no = 0;
  while (!file.empty()) {
    size_t eol = file.find('\n');
    std::string_view line = file.substr(0, eol);
    file.remove_prefix(eol == std::string_view::npos ? file.size() : eol + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabFields(line);
    auto bad = [&] { return Status::InvalidArgument("align model line " + std::to_string(line_no)); };
    double v = 0;
    if (!header) {
      if (f.size() != 2 || f[0] != kFormat) return bad();
      if (f[1] != std::to_string(kVersion)) {
        return Status::Unsupported("align model format version " + std::string(f[1]));
      }
      header = true;
    } else if (f[0] == "threshold" && f.size() == 2 && ToDouble(f[1], &v)) {
      threshold = v;
    } else if (f[0] == "recall_threshold" && f.size() == 2 && ToDouble(f[1], &v)) {
      recall = v;
    } else if (f[0] == "bias" && f.size() == 2 && ToDouble(f[1], &v)) {
      model.bias = v;
    } else if (f[0] == "domain" && f.size() == 3 && ToDouble(f[1], &v) && ToDouble(f[2], &domain_ratio)) {
      domain.min_words = static_cast<int>(v);
      domain.min_length_ratio = static_cast<float>(domain_ratio);
    } else if (f[0] == "feature" && f.size() == 7) {
      double low = 0, high = 0, mean = 0, scale = 0, weight = 0;
      if (!ToDouble(f[2], &low) || !ToDouble(f[3], &high) || !ToDouble(f[4], &mean) || !ToDouble(f[5], &scale) ||
          !ToDouble(f[6], &weight) || scale <= 0 || low > high) {
        return bad();
      }
      names.emplace_back(f[1]);
      model.low.push_back(low);
      model.high.push_back(high);
      model.mean.push_back(mean);
      model.scale.push_back(scale);
      model.weights.push_back(weight);
    } else if (f[0] == "idf_documents" && f.size() == 2 && ToDouble(f[1], &v) && v >= 0) {
      idf.SetDocuments(static_cast<uint32_t>(v));
    } else if (f[0] == "idf" && f.size() == 3 && ToDouble(f[2], &v) && v >= 0) {
      idf.Set(f[1], static_cast<uint32_t>(v));
    } else {
      return bad();
    }
  }
  if (!header || threshold < 0 || recall < 0)
    return Status::InvalidArgument("align model: header or operating point missing");
  if (names != StatementFeatures::FeatureNames()) {
    return Status::Unsupported("align model: its features are not the ones this build computes");
  }
  return StatementMatcher(std::move(idf), std::move(model), domain, static_cast<float>(threshold),
                          static_cast<float>(recall));
}

}  // namespace storyfuse
