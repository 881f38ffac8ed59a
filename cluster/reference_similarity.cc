#include "cluster/reference_similarity.h"

#include "cluster/article_vector.h"
#include "cluster/feature_extractor.h"
#include "cluster/term_dictionary.h"

namespace storyfuse {
namespace {

std::vector<ArticleFeatures> ExtractAll(const std::vector<Article>& articles, TermDictionary* terms,
                                        size_t lead_tokens) {
  FeatureExtractor extractor(terms, lead_tokens);
  std::vector<ArticleFeatures> features;
  features.reserve(articles.size());
  for (const Article& a : articles) {
    features.push_back(extractor.Extract(a));
    terms->AddDocument(TermIds(features.back()));
  }
  return features;
}

}  // namespace

std::vector<float> ReferenceSimilarity::Matrix(const std::vector<Article>& articles) const {
  TermDictionary terms;
  std::vector<ArticleFeatures> features = ExtractAll(articles, &terms, options_.lead_tokens);
  // Vectors only after every document frequency is known.
  std::vector<ArticleVector> vectors;
  vectors.reserve(features.size());
  for (const ArticleFeatures& f : features) vectors.push_back(ArticleVector::Of(f, terms, options_.conflict_names));
  const PairScoring scoring{KindWeights{options_.name_boost, options_.number_boost}, options_.conflict_factor};
  const size_t n = vectors.size();
  std::vector<float> m(n * n, 1.0f);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      float s = static_cast<float>(PairScore(vectors[i], vectors[j], terms, scoring));
      m[i * n + j] = m[j * n + i] = s;
    }
  }
  return m;
}

}  // namespace storyfuse
