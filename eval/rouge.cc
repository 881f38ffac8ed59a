#include "eval/rouge.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "eval/porter_stemmer.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

// Perl's \s on a byte string: ASCII white space only.
// Fields of Perl's split(/\s+/, line): a leading blank gives an empty first
// field, trailing empty fields are dropped.
std::vector<std::string_view> PerlSplit(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i <= line.size()) {
    size_t j = i;
    while (j < line.size() && !IsAsciiSpace(line[j])) ++j;
    fields.push_back(line.substr(i, j - i));
    if (j >= line.size()) break;
    while (j < line.size() && IsAsciiSpace(line[j])) ++j;
    i = j;
    if (i == line.size()) break;  // the trailing empty field is dropped
  }
  while (!fields.empty() && fields.back().empty()) fields.pop_back();
  return fields;
}

// Step 1: the first `max_words` words of the non-empty lines, joined by
// spaces.
std::string CutWords(std::string_view text, int max_words) {
  std::string out;
  int64_t words = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty()) continue;
    for (std::string_view field : PerlSplit(line)) {
      if (max_words > 0 && words >= max_words) return out;
      out.append(field);
      out.push_back(' ');
      ++words;
    }
  }
  return out;
}

// Interns tokens as dense ids so n-grams become integer keys.
class Interner {
 public:
  uint32_t Id(const std::string& token) {
    auto [it, inserted] = ids_.emplace(token, static_cast<uint32_t>(ids_.size()));
    return it->second;
  }
  std::vector<uint32_t> Ids(const std::vector<std::string>& tokens) {
    std::vector<uint32_t> out;
    out.reserve(tokens.size());
    for (const auto& t : tokens) out.push_back(Id(t));
    return out;
  }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

using GramCounts = std::unordered_map<uint64_t, int64_t>;

// Unigrams use key id + 1 (< 2^32); pairs (a, b) use (a + 1) << 32 | b, so
// the two kinds never collide in SU4's shared table.
uint64_t UnigramKey(uint32_t a) { return uint64_t{a} + 1; }
uint64_t PairKey(uint32_t a, uint32_t b) { return (uint64_t{a} + 1) << 32 | b; }

GramCounts Unigrams(const std::vector<uint32_t>& t) {
  GramCounts c;
  for (uint32_t a : t) ++c[UnigramKey(a)];
  return c;
}

GramCounts Bigrams(const std::vector<uint32_t>& t) {
  GramCounts c;
  for (size_t i = 0; i + 1 < t.size(); ++i) ++c[PairKey(t[i], t[i + 1])];
  return c;
}

// Skip-bigrams up to five tokens apart, plus a unigram for each token
// except the final one (what ROUGE-1.5.5 adds under -u).
GramCounts Su4(const std::vector<uint32_t>& t) {
  GramCounts c;
  for (size_t i = 0; i < t.size(); ++i) {
    for (size_t j = i + 1; j < t.size() && j <= i + 5; ++j) ++c[PairKey(t[i], t[j])];
    if (i + 1 < t.size()) ++c[UnigramKey(t[i])];
  }
  return c;
}

void AddClipped(const GramCounts& peer, const GramCounts& ref, RougeCount* count) {
  for (const auto& [key, n] : ref) {
    count->total += n;
    auto it = peer.find(key);
    if (it != peer.end()) count->hits += std::min(n, it->second);
  }
}

// Perl's rand() after srand(seed): the drand48 linear congruential
// generator.
class Drand48 {
 public:
  explicit Drand48(uint32_t seed) : x_((uint64_t{seed} << 16) | 0x330E) {}
  double Next() {
    x_ = (0x5DEECE66Dull * x_ + 0xB) & kMask;
    return static_cast<double>(x_) / static_cast<double>(kMask + 1);
  }

 private:
  static constexpr uint64_t kMask = (uint64_t{1} << 48) - 1;
  uint64_t x_;
};

}  // namespace

std::string RougeReport::ToString() const {
  std::string out;
  auto line = [&out](const char* name, const RougeFigure& f) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%-10s mean %6.2f  Average_R %6.2f\n", name, 100 * f.mean, 100 * f.bootstrap);
    out += buf;
  };
  line("ROUGE-1", r1);
  line("ROUGE-2", r2);
  line("ROUGE-SU4", su4);
  return out;
}

Rouge::Rouge(std::unordered_map<std::string, std::string> exceptions, Options options)
    : exceptions_(std::move(exceptions)), options_(options) {}

Result<Rouge> Rouge::Create(const std::string& exceptions_path, Options options) {
  std::ifstream in(exceptions_path);
  if (!in) return Status::NotFound("cannot open ROUGE exception list " + exceptions_path);
  std::unordered_map<std::string, std::string> exceptions;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string inflected, base;
    if (fields >> inflected >> base) exceptions.emplace(std::move(inflected), std::move(base));
  }
  if (exceptions.empty()) {
    return Status::Corruption("no entries in ROUGE exception list " + exceptions_path);
  }
  return Rouge(std::move(exceptions), options);
}

std::vector<std::string> Rouge::Tokenize(std::string_view summary) const {
  std::string text = CutWords(summary, options_.max_words);
  for (char& c : text) {
    c = AsciiLower(c);
    if (!IsAsciiLower(c) && !IsAsciiDigit(c)) c = ' ';
  }
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) {
      std::string token = text.substr(i, j - i);
      if (token.size() > 3) {
        auto it = exceptions_.find(token);
        token = it != exceptions_.end() ? it->second : PorterStemmer::Stem(token);
      }
      tokens.push_back(std::move(token));
    }
    i = j;
  }
  return tokens;
}

ClusterRouge Rouge::Score(std::string_view peer, const std::vector<std::string_view>& references) const {
  std::vector<std::vector<std::string>> refs;
  refs.reserve(references.size());
  for (std::string_view r : references) refs.push_back(Tokenize(r));
  return ScoreTokens(Tokenize(peer), refs);
}

ClusterRouge Rouge::ScoreTokens(const std::vector<std::string>& peer,
                                const std::vector<std::vector<std::string>>& references) {
  Interner interner;
  std::vector<uint32_t> p = interner.Ids(peer);
  GramCounts p1 = Unigrams(p), p2 = Bigrams(p), psu4 = Su4(p);
  ClusterRouge out;
  for (const auto& ref : references) {
    std::vector<uint32_t> r = interner.Ids(ref);
    AddClipped(p1, Unigrams(r), &out.r1);
    AddClipped(p2, Bigrams(r), &out.r2);
    AddClipped(psu4, Su4(r), &out.su4);
  }
  return out;
}

double Rouge::BootstrapMean(const std::vector<double>& scores, int samples) {
  size_t n = scores.size();
  if (n == 0 || samples <= 0) return 0;
  // The script keeps cluster numbers 1..n as hash keys and samples from
  // them sorted as strings.
  std::vector<std::string> numbers;
  for (size_t i = 1; i <= n; ++i) numbers.push_back(std::to_string(i));
  std::sort(numbers.begin(), numbers.end());
  std::vector<size_t> order;
  for (const auto& s : numbers) order.push_back(std::stoul(s) - 1);
  double total = 0;
  for (int r = 0; r < samples; ++r) {
    Drand48 rng(static_cast<uint32_t>(r));
    double sum = 0;
    for (size_t k = 0; k < n; ++k) {
      sum += scores[order[static_cast<size_t>(n * rng.Next())]];
    }
    total += sum / n;
  }
  return total / samples;
}

RougeReport Rouge::Aggregate(std::vector<std::pair<std::string, ClusterRouge>> clusters, int samples) {
  std::sort(clusters.begin(), clusters.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  RougeReport report;
  report.clusters = clusters.size();
  if (clusters.empty()) return report;
  auto figure = [&](RougeCount ClusterRouge::*field) {
    std::vector<double> scores;
    double sum = 0;
    for (const auto& [name, c] : clusters) {
      scores.push_back((c.*field).Recall());
      sum += scores.back();
    }
    return RougeFigure{sum / scores.size(), BootstrapMean(scores, samples)};
  };
  report.r1 = figure(&ClusterRouge::r1);
  report.r2 = figure(&ClusterRouge::r2);
  report.su4 = figure(&ClusterRouge::su4);
  return report;
}

}  // namespace storyfuse
