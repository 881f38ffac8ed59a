#include "eval/align_trainer.h"

#include <algorithm>
#include <cstdint>

namespace storyfuse {
namespace {

IdfTable CountIdf(const std::vector<ParaphrasePair>& pairs, uint32_t min_df) {
  IdfTable idf;
  for (const auto& p : pairs) {
    idf.AddDocument(StatementFeatures::ContentStems(p.a));
    idf.AddDocument(StatementFeatures::ContentStems(p.b));
  }
  return idf.Pruned(min_df);
}

// The smallest sentence and the smallest length ratio among the pairs.
StatementMatcher::Domain DomainOf(const std::vector<ParaphrasePair>& pairs) {
  StatementMatcher::Domain d{INT32_MAX, 1};
  for (const auto& p : pairs) {
    MatchSentence a = StatementFeatures::Read(p.a, IdfTable()), b = StatementFeatures::Read(p.b, IdfTable());
    int shorter = std::min(a.words, b.words), longer = std::max(a.words, b.words);
    d.min_words = std::min(d.min_words, shorter);
    d.min_length_ratio = std::min(d.min_length_ratio, static_cast<float>(shorter) / std::max(1, longer));
  }
  return d;
}

struct Table {
  std::vector<std::vector<float>> x;
  std::vector<int> y;
  std::vector<bool> vetoed;  // the matcher's speaker rule says 0 whatever the model says
};

Table Features(const std::vector<ParaphrasePair>& pairs, const IdfTable& idf) {
  Table t;
  for (const auto& p : pairs) {
    MatchSentence a = StatementFeatures::Read(p.a, idf), b = StatementFeatures::Read(p.b, idf);
    t.x.push_back(StatementFeatures::Compare(a, b));
    t.y.push_back(p.label);
    t.vetoed.push_back(StatementFeatures::Incompatible(a, b));
  }
  return t;
}

// Out-of-fold probabilities of logistic models fit on the rows of the other folds.
std::vector<float> InnerScores(const Table& t, int folds, double l2) {
  std::vector<float> scores(t.y.size(), 0);
  for (int k = 0; k < folds; ++k) {
    Table train;
    for (size_t i = 0; i < t.y.size(); ++i) {
      if (static_cast<int>(i % folds) == k || t.vetoed[i]) continue;
      train.x.push_back(t.x[i]);
      train.y.push_back(t.y[i]);
    }
    LogisticModel m = LogisticModel::Fit(train.x, train.y, l2);
    for (size_t i = k; i < t.y.size(); i += folds) {
      scores[i] = t.vetoed[i] ? 0.0f : static_cast<float>(m.Probability(t.x[i]));
    }
  }
  return scores;
}

}  // namespace

StatementMatcher AlignTrainer::Train(const std::vector<ParaphrasePair>& pairs, const AlignTrainOptions& options) {
  IdfTable idf = CountIdf(pairs, options.min_df);
  Table t = Features(pairs, idf);
  std::vector<float> oof = InnerScores(t, options.threshold_folds, options.l2);
  float threshold = ParaphrasePairs::ThresholdForPrecision(oof, t.y, options.target_precision);
  float recall = ParaphrasePairs::ThresholdForRecall(oof, t.y, options.target_recall);
  // The rules decide the pairs they veto; the model learns the rest.
  Table kept;
  for (size_t i = 0; i < t.y.size(); ++i) {
    if (t.vetoed[i]) continue;
    kept.x.push_back(t.x[i]);
    kept.y.push_back(t.y[i]);
  }
  LogisticModel model = LogisticModel::Fit(kept.x, kept.y, options.l2);
  return StatementMatcher(std::move(idf), std::move(model), DomainOf(pairs), threshold, recall);
}

CrossValidation AlignTrainer::CrossValidate(const std::vector<ParaphrasePair>& pairs, int folds,
                                            const AlignTrainOptions& options) {
  CrossValidation cv;
  cv.scores.assign(pairs.size(), 0);
  cv.decisions.assign(pairs.size(), 0);
  cv.fold.assign(pairs.size(), 0);
  for (int k = 0; k < folds; ++k) {
    std::vector<ParaphrasePair> train;
    for (size_t i = 0; i < pairs.size(); ++i) {
      if (static_cast<int>(i % folds) != k) train.push_back(pairs[i]);
    }
    StatementMatcher m = Train(train, options);
    cv.thresholds.push_back(m.threshold());
    for (size_t i = k; i < pairs.size(); i += folds) {
      float p = m.Probability(pairs[i].a, pairs[i].b);
      cv.scores[i] = p;
      cv.decisions[i] = m.Supports(p) ? 1 : 0;
      cv.fold[i] = k;
    }
  }
  return cv;
}

}  // namespace storyfuse
