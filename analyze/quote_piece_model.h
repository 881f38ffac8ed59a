// QuotePieceModel: the learned piece classifier. A logistic model over
// QuotePieceFeatures of a quoted piece that the extractor's rules kept;
// the piece is dropped when its probability of being a quote the
// annotators count is below the model's threshold (chosen at training
// for recall, see tools/train_quotes.cc).
//
// File format (models/quote_pieces.v1.tsv, UTF-8 text):
//   storyfuse-quote-pieces<TAB>1      the format name and version
//   # comment lines                   (training command, data, figures)
//   @threshold<TAB><probability>      the operating point
//   <feature name><TAB><weight>       one per line, sorted by name
// Parse() refuses another format or version.
//
// Shipped() parses the embedded file once (thread-safe), nullptr when
// it is absent; a model is immutable after loading, so its const methods
// are thread-safe.
#ifndef STORYFUSE_ANALYZE_QUOTE_PIECE_MODEL_H_
#define STORYFUSE_ANALYZE_QUOTE_PIECE_MODEL_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/linear_weights.h"
#include "base/status.h"

namespace storyfuse {

class QuotePieceModel {
 public:
  static constexpr int kVersion = 1;
  static constexpr const char* kFileName = "quote_pieces.v1.tsv";

  QuotePieceModel() = default;

  // Reads a model file; Corruption naming the line when malformed,
  // Unsupported for another format version.
  static Result<QuotePieceModel> Parse(std::string_view bytes);
  // The embedded model, or nullptr when it is missing or does not parse.
  static const QuotePieceModel* Shipped();

  // P(quote) of a piece with these feature keys (unknown keys weigh 0).
  double Probability(const std::vector<uint64_t>& features) const;
  // Whether a piece with this probability is kept.
  bool Keeps(double probability) const { return probability >= threshold_; }

  double threshold() const { return threshold_; }
  void set_threshold(double t) { threshold_ = t; }
  // Sets the weight of a named feature.
  void Set(const std::string& name, double weight);
  // The file text: header, `comments` ("# " each), threshold, weights.
  std::string Serialize(const std::vector<std::string>& comments) const;
  size_t size() const { return weights_.size(); }

 private:
  double threshold_ = 0;
  LinearWeights weights_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_QUOTE_PIECE_MODEL_H_
