// EntityRecognizer: finds the names of people, organisations and places
// (and CoNLL's MISC names) in a text with a learned model: an averaged
// structured perceptron over EntityFeatures, decoded by Viterbi over BILOU
// tags (analyze/viterbi_decoder.h), trained on CoNLL-2003 by
// `storyfuse train entities` (analyze/entity_trainer.h).
//
// Works on any text the WordLexer reads: normal news copy and CoNLL's
// tokenized lines alike. Titles are not part of a name ("President Ann
// Lee" gives "Ann Lee").
//
// Shipped() is the model embedded from models/entities.v1.bin, loaded on
// first use (thread-safe) and kept for the life of the process. Recognize
// is const and thread-safe.
#ifndef STORYFUSE_ANALYZE_ENTITY_RECOGNIZER_H_
#define STORYFUSE_ANALYZE_ENTITY_RECOGNIZER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "analyze/entity_features.h"
#include "analyze/entity_labels.h"
#include "analyze/entity_model.h"
#include "base/status.h"
#include "text/span.h"
#include "text/word_lexer.h"

namespace storyfuse {

// The file name of the shipped model in models/.
inline constexpr std::string_view kEntityModelFile = "entities.v1.bin";

struct NameMention {
  Span span;           // bytes of the text
  uint32_t first = 0;  // its tokens [first, last) in the token vector given
  uint32_t last = 0;
  NameKind kind = NameKind::kPerson;
};

class EntityRecognizer {
 public:
  // A recognizer over model file bytes, which must outlive it. Errors as
  // EntityModel::Parse.
  static Result<std::unique_ptr<EntityRecognizer>> FromBytes(std::string_view model);

  // The shipped model, or the error that kept it from loading (a build
  // without the model file, or one the code no longer reads).
  static Result<const EntityRecognizer*> Shipped();

  EntityRecognizer(const EntityRecognizer&) = delete;
  EntityRecognizer& operator=(const EntityRecognizer&) = delete;

  // Names in `text`, in text order, not overlapping. `tokens` are
  // WordLexer::Lex(text).
  std::vector<NameMention> Recognize(std::string_view text, const std::vector<LexToken>& tokens) const;
  std::vector<NameMention> Recognize(std::string_view text) const { return Recognize(text, WordLexer::Lex(text)); }

 private:
  explicit EntityRecognizer(EntityModel model);

  EntityModel model_;
  EntityFeatures features_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_ENTITY_RECOGNIZER_H_
