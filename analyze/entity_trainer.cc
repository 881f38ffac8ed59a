#include "analyze/entity_trainer.h"

#include <algorithm>

#include "analyze/entity_features.h"
#include "analyze/viterbi_decoder.h"
#include "base/hashed_key_map.h"
#include "text/word_lexer.h"

namespace storyfuse {
namespace {

constexpr int L = kNumLabels;
// As EntityFeatures: a line is in capitals when 60 % of its words are.
constexpr int kCapsLinePercent = 60;

double Ratio(size_t num, size_t den) { return den == 0 ? 0.0 : static_cast<double>(num) / den; }
double Harmonic(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

// splitmix64: the same sequence on every platform (unlike std::mt19937's
// distributions).
class SplitMix {
 public:
  explicit SplitMix(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

template <typename T>
void Shuffle(std::vector<T>* v, uint64_t seed) {
  SplitMix rng(seed);
  for (size_t i = v->size(); i > 1; --i) std::swap((*v)[i - 1], (*v)[rng.Next() % i]);
}

bool Overlaps(Span a, Span b) { return std::max(a.begin, b.begin) < std::min(a.end, b.end); }

}  // namespace

void NameCounts::Add(const NameCounts& o) {
  for (int k = 0; k < kScoredKinds; ++k) {
    gold[k] += o.gold[k];
    predicted[k] += o.predicted[k];
    correct[k] += o.correct[k];
  }
}

void NameCounts::Score(const std::vector<NameAnnotation>& gold_names, const std::vector<NameAnnotation>& pred) {
  for (const NameAnnotation& g : gold_names) {
    if (g.kind != NameKind::kMisc) ++gold[static_cast<int>(g.kind)];
  }
  std::vector<bool> used(gold_names.size(), false);
  for (const NameAnnotation& p : pred) {
    if (p.kind == NameKind::kMisc) continue;
    bool misc = false, scored = false;
    int exact = -1;
    for (size_t i = 0; i < gold_names.size(); ++i) {
      const NameAnnotation& g = gold_names[i];
      if (!Overlaps(p.span, g.span)) continue;
      if (g.kind == NameKind::kMisc) {
        misc = true;
        continue;
      }
      scored = true;
      if (g.span == p.span && g.kind == p.kind && !used[i] && exact < 0) exact = static_cast<int>(i);
    }
    if (misc && !scored) continue;
    ++predicted[static_cast<int>(p.kind)];
    if (exact >= 0) {
      used[exact] = true;
      ++correct[static_cast<int>(p.kind)];
    }
  }
}

double NameCounts::Precision() const {
  size_t c = 0, p = 0;
  for (int k = 0; k < kScoredKinds; ++k) c += correct[k], p += predicted[k];
  return Ratio(c, p);
}
double NameCounts::Recall() const {
  size_t c = 0, g = 0;
  for (int k = 0; k < kScoredKinds; ++k) c += correct[k], g += gold[k];
  return Ratio(c, g);
}
double NameCounts::F1() const { return Harmonic(Precision(), Recall()); }
double NameCounts::Precision(NameKind kind) const {
  int k = static_cast<int>(kind);
  return k < kScoredKinds ? Ratio(correct[k], predicted[k]) : 0.0;
}
double NameCounts::Recall(NameKind kind) const {
  int k = static_cast<int>(kind);
  return k < kScoredKinds ? Ratio(correct[k], gold[k]) : 0.0;
}

std::string TitleCaseHeadlines(std::string_view text) {
  static constexpr std::string_view kSmall[] = {"a",  "an", "the", "and", "but", "or", "nor", "for", "on",
                                                "at", "to", "by",  "in",  "of",  "up", "as",  "vs"};
  std::string out(text);
  std::vector<LexToken> tokens = WordLexer::Lex(text);
  size_t b = 0;
  while (b < tokens.size()) {
    size_t e = b + 1;
    while (e < tokens.size() && !tokens[e].line_start) ++e;
    int words = 0, caps = 0;
    for (size_t k = b; k < e; ++k) {
      if (tokens[k].kind != LexKind::kWord || tokens[k].span.size() < 2) continue;
      ++words;
      caps += tokens[k].all_caps;
    }
    if (words > 0 && caps * 100 >= words * kCapsLinePercent) {
      bool first = true;
      for (size_t k = b; k < e; ++k) {
        if (tokens[k].kind != LexKind::kWord) continue;
        Span s = tokens[k].span;
        std::string lower = AsciiLower(s.In(text));
        bool small = !first && std::find(std::begin(kSmall), std::end(kSmall), lower) != std::end(kSmall);
        for (uint32_t i = 0; i < s.size(); ++i) {
          char c = lower[i];
          if (i == 0 && !small && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
          out[s.begin + i] = c;
        }
        first = false;
      }
    }
    b = e;
  }
  return out;
}

struct EntityTrainer::Prepared {
  std::vector<LexToken> tokens;
  std::string titled;  // the text with title-case headlines ("" when it has none)
  std::vector<LexToken> titled_tokens;
  bool use_titled = false;          // read as titled when training
  std::vector<uint64_t> word_hash;  // per token, EntityFeatures::WordHashes
  std::vector<TokenRun> runs;       // reachable gold names, in tokens
  std::vector<uint8_t> labels;      // gold tags of every token
};

// Training or test examples: candidate segments with feature ids.
struct EntityTrainer::Data {
  struct Segment {
    uint32_t doc;
    uint32_t first_row;  // into rows
    uint32_t length;
  };
  std::vector<Segment> segments;
  std::vector<uint32_t> row_token;    // token index of each row
  std::vector<uint8_t> row_gold;      // gold tag of each row
  std::vector<uint32_t> row_offsets;  // rows + 1 entries into ids
  std::vector<uint32_t> ids;          // feature ids (training features only)
  std::vector<uint64_t> features;     // hash of each feature id
};

// Weights, their running sums for averaging, and the decoder's scratch.
struct EntityTrainer::Perceptron {
  explicit Perceptron(size_t features) : w(features * L, 0.0f), u(features * L, 0.0) {}

  std::vector<float> w;
  std::vector<double> u;  // sum of step x update, for the average
  std::vector<float> t = std::vector<float>(L * L, 0.0f);
  std::vector<double> tu = std::vector<double>(L * L, 0.0);
  double step = 1;

  void Emissions(const Data& d, const Data::Segment& s, const std::vector<float>& weights,
                 std::vector<float>* out) const {
    out->assign(size_t{s.length} * L, 0.0f);
    for (uint32_t k = 0; k < s.length; ++k) {
      uint32_t row = s.first_row + k;
      float* e = &(*out)[k * L];
      for (uint32_t h = d.row_offsets[row]; h < d.row_offsets[row + 1]; ++h) {
        const float* r = &weights[size_t{d.ids[h]} * L];
        for (int l = 0; l < L; ++l) e[l] += r[l];
      }
    }
  }

  void Update(const Data& d, const Data::Segment& s, const uint8_t* gold, const uint8_t* pred) {
    for (uint32_t k = 0; k < s.length; ++k) {
      if (gold[k] == pred[k]) continue;
      uint32_t row = s.first_row + k;
      for (uint32_t h = d.row_offsets[row]; h < d.row_offsets[row + 1]; ++h) {
        size_t base = size_t{d.ids[h]} * L;
        w[base + gold[k]] += 1, u[base + gold[k]] += step;
        w[base + pred[k]] -= 1, u[base + pred[k]] -= step;
      }
    }
    // Tag pairs, with O beyond both edges.
    for (uint32_t k = 0; k <= s.length; ++k) {
      int gp = k == 0 ? kOutsideLabel : gold[k - 1], gq = k == s.length ? kOutsideLabel : gold[k];
      int pp = k == 0 ? kOutsideLabel : pred[k - 1], pq = k == s.length ? kOutsideLabel : pred[k];
      if (gp == pp && gq == pq) continue;
      t[gp * L + gq] += 1, tu[gp * L + gq] += step;
      t[pp * L + pq] -= 1, tu[pp * L + pq] -= step;
    }
  }

  // One pass over training segments [0, split) in a seeded order.
  void Epoch(const Data& d, uint32_t split, uint64_t seed) {
    visit.resize(split);
    for (uint32_t s = 0; s < split; ++s) visit[s] = s;
    Shuffle(&visit, seed);
    for (uint32_t s : visit) {
      const Data::Segment& seg = d.segments[s];
      Emissions(d, seg, w, &emissions);
      pred.resize(seg.length);
      ViterbiDecoder::Decode(emissions.data(), seg.length, t.data(), pred.data());
      const uint8_t* gold = &d.row_gold[seg.first_row];
      if (!std::equal(pred.begin(), pred.end(), gold)) Update(d, seg, gold, pred.data());
      step += 1;
    }
  }

  std::vector<uint32_t> visit;
  std::vector<float> emissions;
  std::vector<uint8_t> pred;

  // The averaged weights (Daumé's trick: w - u / step).
  void Average(std::vector<float>* aw, std::vector<float>* at) const {
    aw->resize(w.size());
    for (size_t i = 0; i < w.size(); ++i) (*aw)[i] = static_cast<float>(w[i] - u[i] / step);
    at->resize(t.size());
    for (size_t i = 0; i < t.size(); ++i) (*at)[i] = static_cast<float>(t[i] - tu[i] / step);
  }
};

EntityTrainer::EntityTrainer(const std::vector<AnnotatedText>& docs, EntityTrainerOptions options)
    : docs_(docs), options_(options) {
  prepared_.resize(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    const AnnotatedText& a = docs[d];
    Prepared& p = prepared_[d];
    p.tokens = WordLexer::Lex(a.text);
    p.word_hash = EntityFeatures::WordHashes(a.text, p.tokens);
    // The candidate segment of each token (-1: none).
    std::vector<int> segment_of(p.tokens.size(), -1);
    std::vector<CandidateSegment> segments = EntityFeatures::Candidates(a.text, p.tokens);
    for (size_t s = 0; s < segments.size(); ++s) {
      for (uint32_t i = segments[s].begin; i < segments[s].end; ++i) segment_of[i] = static_cast<int>(s);
    }
    for (const NameAnnotation& n : a.names) {
      ++names_;
      auto first = std::lower_bound(p.tokens.begin(), p.tokens.end(), n.span.begin,
                                    [](const LexToken& t, uint32_t b) { return t.span.begin < b; });
      size_t b = static_cast<size_t>(first - p.tokens.begin()), e = b;
      while (e < p.tokens.size() && p.tokens[e].span.end <= n.span.end) ++e;
      bool exact = b < e && p.tokens[b].span.begin == n.span.begin && p.tokens[e - 1].span.end == n.span.end;
      bool one_segment = exact && segment_of[b] >= 0 && segment_of[b] == segment_of[e - 1];
      if (!one_segment) {
        ++unreachable_;
        continue;
      }
      p.runs.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), n.kind});
    }
    std::sort(p.runs.begin(), p.runs.end(), [](const TokenRun& x, const TokenRun& y) { return x.begin < y.begin; });
    p.labels = EncodeRuns(p.tokens.size(), p.runs);
    std::string titled = TitleCaseHeadlines(a.text);
    if (titled != a.text) {
      p.titled = std::move(titled);
      p.titled_tokens = WordLexer::Lex(p.titled);
      // A document's draw depends on the seed and its index only.
      p.use_titled =
          (SplitMix(options_.seed ^ (d * 0x9E3779B97F4A7C15ULL)).Next() >> 11) * 0x1.0p-53 < options_.title_case_share;
    }
  }
}

EntityTrainer::~EntityTrainer() = default;

EntityTrainer::Data EntityTrainer::Build(const std::vector<size_t>& train, const std::vector<size_t>& test,
                                         NameGazetteer* full) const {
  int folds = options_.gazetteer_folds;
  auto add_names = [&](size_t doc, NameGazetteer* g) {
    const Prepared& p = prepared_[doc];
    for (const TokenRun& r : p.runs) g->Add(EntityFeatures::PhraseHash(&p.word_hash[r.begin], r.end - r.begin), r.kind);
  };
  // Jackknife: training document i sees the names of the other folds.
  std::vector<NameGazetteer> held(folds > 0 ? folds : 0);
  for (size_t i = 0; i < train.size(); ++i) {
    add_names(train[i], full);
    for (int f = 0; f < folds; ++f) {
      if (static_cast<int>(i % folds) != f) add_names(train[i], &held[f]);
    }
  }
  Data d;
  HashedKeyMap<uint32_t> index;
  TokenFeatures tf;
  auto add_doc = [&](size_t doc, const NameGazetteer* g, bool learn) {
    const Prepared& p = prepared_[doc];
    bool titled = learn && p.use_titled;
    EntityFeatures(g).Extract(titled ? p.titled : docs_[doc].text, titled ? p.titled_tokens : p.tokens, &tf);
    size_t row = 0;
    for (const CandidateSegment& seg : tf.segments) {
      d.segments.push_back(
          {static_cast<uint32_t>(doc), static_cast<uint32_t>(d.row_token.size()), seg.end - seg.begin});
      for (uint32_t i = seg.begin; i < seg.end; ++i, ++row) {
        d.row_token.push_back(i);
        d.row_gold.push_back(p.labels[i]);
        d.row_offsets.push_back(static_cast<uint32_t>(d.ids.size()));
        for (uint32_t h = tf.offsets[row]; h < tf.offsets[row + 1]; ++h) {
          uint64_t hash = tf.hashes[h];
          if (learn) {
            auto [id, inserted] = index.Insert(hash, static_cast<uint32_t>(d.features.size()));
            if (inserted) d.features.push_back(hash);
            d.ids.push_back(*id);
          } else if (const uint32_t* id = index.Find(hash)) {
            d.ids.push_back(*id);
          }
        }
      }
    }
  };
  for (size_t i = 0; i < train.size(); ++i) {
    add_doc(train[i], folds > 0 ? &held[i % folds] : nullptr, true);
  }
  size_t train_segments = d.segments.size();
  for (size_t doc : test) add_doc(doc, folds > 0 ? full : nullptr, false);
  d.row_offsets.push_back(static_cast<uint32_t>(d.ids.size()));
  // Test segments follow the training ones; remember where they start.
  d.segments.push_back({UINT32_MAX, static_cast<uint32_t>(train_segments), 0});
  return d;
}

std::vector<NameCounts> EntityTrainer::CrossValidate(int folds, int max_epochs) const {
  std::vector<NameCounts> per_epoch(max_epochs);
  std::vector<int> fold = Folds(docs_.size(), folds, options_.seed);
  for (int k = 0; k < folds; ++k) {
    std::vector<size_t> train, test;
    for (size_t i = 0; i < fold.size(); ++i) (fold[i] == k ? test : train).push_back(i);
    NameGazetteer full;
    Data d = Build(train, test, &full);
    size_t split = d.segments.back().first_row;
    d.segments.pop_back();
    Perceptron model(d.features.size());
    std::vector<float> emissions, aw, at;
    std::vector<uint8_t> pred;
    for (int e = 0; e < max_epochs; ++e) {
      model.Epoch(d, static_cast<uint32_t>(split), options_.seed + 1 + e);
      model.Average(&aw, &at);
      // Score the held-out documents.
      std::vector<std::vector<NameAnnotation>> predicted(docs_.size());
      for (size_t s = split; s < d.segments.size(); ++s) {
        const Data::Segment& seg = d.segments[s];
        model.Emissions(d, seg, aw, &emissions);
        pred.resize(seg.length);
        ViterbiDecoder::Decode(emissions.data(), seg.length, at.data(), pred.data());
        const Prepared& p = prepared_[seg.doc];
        for (const TokenRun& r : DecodeRuns(pred)) {
          uint32_t first = d.row_token[seg.first_row + r.begin], last = d.row_token[seg.first_row + r.end - 1];
          predicted[seg.doc].push_back({Span{p.tokens[first].span.begin, p.tokens[last].span.end}, r.kind});
        }
      }
      for (size_t doc : test) per_epoch[e].Score(docs_[doc].names, predicted[doc]);
    }
  }
  return per_epoch;
}

std::vector<int> EntityTrainer::Folds(size_t count, int folds, uint64_t seed) {
  std::vector<size_t> order(count);
  for (size_t i = 0; i < count; ++i) order[i] = i;
  Shuffle(&order, seed);
  std::vector<int> fold(count);
  for (size_t i = 0; i < count; ++i) fold[order[i]] = static_cast<int>(i % folds);
  return fold;
}

EntityModel::Weights EntityTrainer::Train(int epochs) const {
  std::vector<size_t> all(docs_.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  EntityModel::Weights out;
  Data d = Build(all, {}, &out.gazetteer);
  size_t split = d.segments.back().first_row;
  d.segments.pop_back();
  Perceptron model(d.features.size());
  for (int e = 0; e < epochs; ++e) model.Epoch(d, static_cast<uint32_t>(split), options_.seed + 1 + e);
  std::vector<float> at;
  model.Average(&out.rows, &at);
  std::copy(at.begin(), at.end(), out.transitions.begin());
  out.features = d.features;
  return out;
}

}  // namespace storyfuse
