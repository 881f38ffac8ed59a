// EntityTrainer: learns the EntityRecognizer's weights from labelled text
// (CoNLL-2003 train) with an averaged structured perceptron: each epoch
// visits every candidate segment in a seeded random order, decodes it
// with the current weights (Viterbi over BILOU tags) and, when the tags
// are wrong, adds the features of the gold tags and subtracts those of
// the predicted ones; the model is the average of the weights over all
// steps (Collins 2002).
//
// The gazetteer feature is built from the training names. So that the
// model does not learn to trust it blindly (every training name is in a
// gazetteer built from all of them), each training document sees a
// gazetteer built from the other documents only (jackknife over
// `gazetteer_folds`); the shipped gazetteer holds every training name.
//
// CoNLL's headlines are in capitals; news headlines are mostly in title
// case ("Rubio Meets Lavrov Amid Ukraine War"), which CoNLL never shows.
// So a seeded share of the training documents is read with its capital
// lines in title case (TitleCaseHeadlines; the names stay where they are),
// and the model learns that capitals in a headline say little.
//
// Deterministic: the same documents, options and epochs give the same
// weights, bit for bit. Single-threaded; not thread-safe.
#ifndef STORYFUSE_ANALYZE_ENTITY_TRAINER_H_
#define STORYFUSE_ANALYZE_ENTITY_TRAINER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analyze/entity_labels.h"
#include "analyze/entity_model.h"
#include "text/span.h"

namespace storyfuse {

struct NameAnnotation {
  Span span;  // bytes of the text
  NameKind kind = NameKind::kPerson;
};

struct AnnotatedText {
  std::string text;
  std::vector<NameAnnotation> names;
};

// Counts of the README metric (PER, ORG, LOC; exact span and type; a
// prediction overlapping only MISC names is ignored) over byte spans.
struct NameCounts {
  static constexpr int kScoredKinds = 3;
  size_t gold[kScoredKinds] = {0, 0, 0};
  size_t predicted[kScoredKinds] = {0, 0, 0};
  size_t correct[kScoredKinds] = {0, 0, 0};

  void Add(const NameCounts& other);
  // Scores predictions against one text's gold names (MISC included).
  void Score(const std::vector<NameAnnotation>& gold, const std::vector<NameAnnotation>& predicted);
  double Precision() const;
  double Recall() const;
  double F1() const;
  double Precision(NameKind kind) const;
  double Recall(NameKind kind) const;
};

struct EntityTrainerOptions {
  uint64_t seed = 2003;           // order of the segments in each epoch, and of the folds
  int gazetteer_folds = 5;        // jackknife of the gazetteer feature; 0: no gazetteer
  double title_case_share = 0.5;  // training documents read with title-case headlines
};

// `text` with each line in capitals (as EntityFeatures sees one: 60 % of
// its words of two or more letters in capitals) rewritten in headline
// title case: "RUBIO MEETS LAVROV IN KUALA LUMPUR" -> "Rubio Meets Lavrov
// in Kuala Lumpur" (short function words in lower case but first). Only
// ASCII letters change, so every byte offset stays valid.
std::string TitleCaseHeadlines(std::string_view text);

class EntityTrainer {
 public:
  // `docs` must outlive the trainer.
  EntityTrainer(const std::vector<AnnotatedText>& docs, EntityTrainerOptions options);
  ~EntityTrainer();

  // Gold names, and those no tag sequence can express: an edge inside a
  // token, or a token that is not a candidate (EntityFeatures).
  size_t names() const { return names_; }
  size_t unreachable() const { return unreachable_; }

  // k-fold cross-validation over the documents: element e holds the
  // counts pooled over the k held-out folds after e + 1 epochs.
  std::vector<NameCounts> CrossValidate(int folds, int max_epochs) const;

  // The fold (0 .. folds - 1) of each of `count` documents in
  // CrossValidate's split: a seeded shuffle dealt round-robin.
  static std::vector<int> Folds(size_t count, int folds, uint64_t seed);

  // The weights after `epochs` epochs over all documents.
  EntityModel::Weights Train(int epochs) const;

  struct Prepared;  // one lexed document; defined in the .cc

 private:
  struct Data;
  struct Perceptron;

  Data Build(const std::vector<size_t>& train, const std::vector<size_t>& test, NameGazetteer* full) const;

  const std::vector<AnnotatedText>& docs_;
  EntityTrainerOptions options_;
  std::vector<Prepared> prepared_;
  size_t names_ = 0;
  size_t unreachable_ = 0;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_ENTITY_TRAINER_H_
