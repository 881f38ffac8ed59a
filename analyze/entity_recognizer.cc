#include "analyze/entity_recognizer.h"

#include "analyze/viterbi_decoder.h"
#include "models/model_files.h"

namespace storyfuse {

EntityRecognizer::EntityRecognizer(EntityModel model) : model_(std::move(model)), features_(&model_.gazetteer()) {}

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::FromBytes(std::string_view bytes) {
  STORYFUSE_ASSIGN_OR_RETURN(EntityModel model, EntityModel::Parse(bytes));
  return std::unique_ptr<EntityRecognizer>(new EntityRecognizer(std::move(model)));
}

Result<const EntityRecognizer*> EntityRecognizer::Shipped() {
  static const Result<std::unique_ptr<EntityRecognizer>>* shipped = [] {
    Result<std::string_view> bytes = ModelFile(kEntityModelFile);
    if (!bytes.ok()) return new Result<std::unique_ptr<EntityRecognizer>>(bytes.status());
    return new Result<std::unique_ptr<EntityRecognizer>>(FromBytes(*bytes));
  }();
  if (!shipped->ok()) return shipped->status();
  return shipped->value().get();
}

std::vector<NameMention> EntityRecognizer::Recognize(std::string_view text, const std::vector<LexToken>& tokens) const {
  TokenFeatures f;
  features_.Extract(text, tokens, &f);
  std::vector<NameMention> out;
  std::vector<float> emissions;
  std::vector<uint8_t> labels;
  ViterbiDecoder::Scratch scratch;
  const float scale = model_.scale();
  size_t row = 0;
  for (const CandidateSegment& seg : f.segments) {
    size_t n = seg.end - seg.begin;
    emissions.assign(n * kNumLabels, 0.0f);
    for (size_t k = 0; k < n; ++k, ++row) {
      int32_t acc[kNumLabels] = {};
      for (uint32_t h = f.offsets[row]; h < f.offsets[row + 1]; ++h) {
        const int16_t* w = model_.Row(f.hashes[h]);
        if (w == nullptr) continue;
        for (int l = 0; l < kNumLabels; ++l) acc[l] += w[l];
      }
      for (int l = 0; l < kNumLabels; ++l) emissions[k * kNumLabels + l] = acc[l] * scale;
    }
    labels.resize(n);
    ViterbiDecoder::Decode(emissions.data(), n, model_.transitions(), labels.data(), &scratch);
    for (const TokenRun& r : DecodeRuns(labels)) {
      uint32_t first = seg.begin + r.begin, last = seg.begin + r.end;
      out.push_back({Span{tokens[first].span.begin, tokens[last - 1].span.end}, first, last, r.kind});
    }
  }
  return out;
}

}  // namespace storyfuse
