#include "eval/partial_copy_set.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>
#include <utility>

#include "dedupe/near_duplicate_index.h"
#include "dedupe/shingle_sketch.h"
#include "dedupe/token_marks.h"
#include "text/segmenter.h"

namespace storyfuse {
namespace {

// The pasted run, as the issue that asked for this set defines it: 30-60 %
// of the source's words, and at least 80 words.
constexpr double kMinShare = 0.30;
constexpr double kMaxShare = 0.60;
constexpr size_t kMinWords = 80;
// Two articles share running text when, outside quotations, at least
// kCopyWords of one's words lie in runs of kRunWords or more words found
// word for word in the other: eight words in a row do not repeat by
// chance, and twenty are about a sentence. Articles written separately
// share facts and quotes, not that.
constexpr size_t kRunWords = 8;
constexpr size_t kCopyWords = 20;
constexpr char kPastedSuffix[] = "+pasted";

class Rng {  // splitmix64: the same sequence on every platform
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

 private:
  uint64_t s_;
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

size_t WordCount(const std::string& s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    n += !space && !in_word;
    in_word = !space;
  }
  return n;
}

// A run of consecutive paragraphs of `text` within the share bounds, the
// search starting at a random paragraph; empty when there is none.
std::string FindRun(const std::string& text, Rng* rng) {
  std::vector<std::string> paras;
  for (std::string& line : Lines(text)) {
    if (WordCount(line) > 0) paras.push_back(std::move(line));
  }
  size_t total = WordCount(text);
  if (paras.empty()) return "";
  size_t want = std::max(kMinWords, static_cast<size_t>(kMinShare * total + 0.999));
  size_t offset = rng->Below(paras.size());
  for (size_t k = 0; k < paras.size(); ++k) {
    size_t start = (offset + k) % paras.size();
    size_t words = 0, end = start;
    while (end < paras.size() && words < want) words += WordCount(paras[end++]);
    if (words < want || words > kMaxShare * total) continue;
    std::string run;
    for (size_t p = start; p < end; ++p) run += (p > start ? "\n" : "") + paras[p];
    return run;
  }
  return "";
}

// `run` pasted between two lines of `host` (or before or after them).
std::string Paste(const std::string& host, const std::string& run, Rng* rng) {
  std::vector<std::string> lines = Lines(host);
  size_t at = rng->Below(lines.size() + 1);
  lines.insert(lines.begin() + at, run);
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
  return out;
}

// An article's words for comparing running text: the sketch's token hashes
// (case and apostrophes normalized), with quoted words marked.
struct Words {
  std::vector<uint64_t> hashes;
  std::vector<bool> quoted;
};

Words WordsOf(const std::string& text, Segmenter* segmenter) {
  std::vector<Token> tokens = segmenter->Tokens(text);
  std::vector<uint8_t> marks = TokenMarks::Mark(text, tokens);
  Words w;
  for (size_t i = 0; i < tokens.size(); ++i) {
    w.hashes.push_back(ShingleSketcher::TokenHash(tokens[i].span.In(text)));
    w.quoted.push_back((marks[i] & kInQuote) != 0);
  }
  return w;
}

// Hash of the kRunWords words from `at`, or 0 when one of them is quoted.
uint64_t RunKey(const Words& w, size_t at) {
  uint64_t h = 0x9E3779B97F4A7C15ull;
  for (size_t i = at; i < at + kRunWords; ++i) {
    if (w.quoted[i]) return 0;
    h = (h ^ w.hashes[i]) * 0x100000001B3ull;
    h ^= h >> 29;
  }
  return h == 0 ? 1 : h;
}

// Words of `a`, outside quotations, in runs of kRunWords or more that `b`
// also holds word for word.
size_t SharedRunWords(const Words& a, const Words& b) {
  if (a.hashes.size() < kRunWords || b.hashes.size() < kRunWords) return 0;
  std::unordered_set<uint64_t> in_b;
  for (size_t j = 0; j + kRunWords <= b.hashes.size(); ++j) {
    if (uint64_t k = RunKey(b, j)) in_b.insert(k);
  }
  std::vector<bool> covered(a.hashes.size(), false);
  for (size_t i = 0; i + kRunWords <= a.hashes.size(); ++i) {
    uint64_t k = RunKey(a, i);
    if (k != 0 && in_b.count(k)) std::fill(covered.begin() + i, covered.begin() + i + kRunWords, true);
  }
  return static_cast<size_t>(std::count(covered.begin(), covered.end(), true));
}

// Which articles of a list share running text (kCopyWords or more, either
// way round). Candidate pairs come from their sketches (any sampled
// shingle in common), then are checked word for word.
class SharedText {
 public:
  explicit SharedText(const std::vector<const Article*>& articles) {
    NearDuplicateOptions o;
    o.min_shared = 1;
    NearDuplicateIndex index(o);
    for (const Article* a : articles) {
      words_.push_back(WordsOf(a->text, &segmenter_));
      ids_.push_back(a->id);
    }
    for (size_t i = 0; i < articles.size(); ++i) {
      ShingleSketch sketch = ShingleSketcher::Sketch(articles[i]->text, &segmenter_);
      for (const CopyMatch& m : index.Overlaps(sketch)) {
        if (Check(i, m.doc)) {
          pairs_.insert(Ordered(ids_[i], ids_[m.doc]));
          sharing_.insert(ids_[i]);
          sharing_.insert(ids_[m.doc]);
        }
      }
      index.Add(sketch);
    }
  }
  bool Related(const std::string& a, const std::string& b) const { return a == b || pairs_.count(Ordered(a, b)) > 0; }
  // True when `id` shares running text with any other article.
  bool Shares(const std::string& id) const { return sharing_.count(id) > 0; }

 private:
  using Pair = std::pair<std::string, std::string>;
  static Pair Ordered(const std::string& a, const std::string& b) { return a < b ? Pair(a, b) : Pair(b, a); }
  bool Check(size_t i, size_t j) const {
    return std::max(SharedRunWords(words_[i], words_[j]), SharedRunWords(words_[j], words_[i])) >= kCopyWords;
  }

  Segmenter segmenter_;
  std::vector<Words> words_;
  std::vector<std::string> ids_;
  std::set<Pair> pairs_;
  std::set<std::string> sharing_;
};

}  // namespace

size_t PartialCopySet::cases() const {
  return static_cast<size_t>(
      std::count_if(pasted_from.begin(), pasted_from.end(), [](const std::string& s) { return !s.empty(); }));
}

PartialCopySet PartialCopySet::Build(const std::vector<Article>& articles, const std::vector<std::string>& labels,
                                     uint64_t seed) {
  std::vector<const Article*> all;
  for (const Article& a : articles) all.push_back(&a);
  SharedText shared(all);
  // Stories in order of first appearance.
  std::vector<std::vector<size_t>> stories;
  std::map<std::string, size_t> story_of;
  for (size_t i = 0; i < articles.size() && i < labels.size(); ++i) {
    if (labels[i].empty()) continue;
    auto [it, fresh] = story_of.try_emplace(labels[i], stories.size());
    if (fresh) stories.emplace_back();
    stories[it->second].push_back(i);
  }
  Rng rng(seed);
  struct Case {
    size_t source, host;
    std::string text;
  };
  std::map<size_t, std::vector<Case>> after;  // original index -> pasted articles arriving after it
  std::set<size_t> hosts;
  for (std::vector<size_t>& members : stories) {
    if (members.size() < 2) continue;
    for (size_t i = members.size(); i > 1; --i) std::swap(members[i - 1], members[rng.Below(i)]);
    bool made = false;
    for (size_t s : members) {
      std::string run = FindRun(articles[s].text, &rng);
      if (run.empty()) continue;
      for (size_t h : members) {
        // The host must be reporting of its own, sharing no running text
        // with any article, so the source is the only one the pasted
        // article copies.
        if (h == s || shared.Shares(articles[h].id)) continue;
        after[std::max(s, h)].push_back({s, h, Paste(articles[h].text, run, &rng)});
        hosts.insert(h);
        made = true;
        break;
      }
      if (made) break;
    }
  }
  PartialCopySet set;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (!hosts.count(i)) {
      set.articles.push_back(articles[i]);
      set.labels.push_back(i < labels.size() ? labels[i] : "");
      set.pasted_from.emplace_back();
    }
    for (Case& c : after[i]) {
      Article a = articles[c.host];
      a.id += kPastedSuffix;
      a.text = std::move(c.text);
      set.articles.push_back(std::move(a));
      set.labels.push_back(labels[c.host]);
      set.pasted_from.push_back(articles[c.source].id);
    }
  }
  return set;
}

CopyLinkScore ScoreCopyLinks(const PartialCopySet& set, const std::vector<std::string>& copy_of) {
  std::vector<const Article*> all;
  for (const Article& a : set.articles) all.push_back(&a);
  SharedText shared(all);
  auto related = [&shared](const std::string& a, const std::string& b) { return shared.Related(a, b); };
  CopyLinkScore score;
  for (size_t i = 0; i < set.articles.size() && i < copy_of.size(); ++i) {
    const std::string& id = set.articles[i].id;
    const std::string& to = copy_of[i];
    bool pasted = !set.pasted_from[i].empty();
    score.cases += pasted;
    if (to.empty()) continue;
    ++score.links;
    // Whatever it names must share running text with it; a pasted
    // article's source is found when that is the source, or an article
    // holding the pasted run too (the host shares text with nobody).
    bool right = related(id, to);
    if (pasted) score.found += right && (to == set.pasted_from[i] || related(to, set.pasted_from[i]));
    score.correct_links += right;
  }
  return score;
}

}  // namespace storyfuse
