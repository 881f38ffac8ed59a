#include "cluster/feature_extractor.h"

#include <algorithm>

#include "base/hasher.h"
#include "cluster/stopwords.h"
#include "dedupe/token_marks.h"
#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {

std::vector<uint32_t> TermIds(const ArticleFeatures& f) {
  std::vector<uint32_t> ids;
  ids.reserve(f.counts.size());
  for (const auto& [t, count] : f.counts) ids.push_back(t);
  return ids;
}
namespace {

bool StartsUpper(std::string_view word) {
  size_t pos = 0;
  return UnicodeText::IsUpper(DecodeUtf8(word, &pos));
}

// "1,200" -> "1200"; single digits say too little to count.
std::string NumberKey(std::string_view number) {
  std::string out;
  for (char c : number) {
    if (c != ',') out.push_back(c);
  }
  return out.size() >= 2 ? out : std::string();
}

}  // namespace

FeatureExtractor::FeatureExtractor(TermDictionary* terms, size_t lead_tokens)
    : terms_(terms), lead_tokens_(lead_tokens) {}

FeatureExtractor::WordInfo FeatureExtractor::Lookup(uint64_t key, const Token& token, std::string_view text) {
  std::string_view word = token.span.In(text);
  if (const WordInfo* known = cache_.Find(key)) return *known;
  WordInfo info;
  info.sketch_hash = ShingleSketcher::TokenHash(word);
  if (token.kind == TokenKind::kNumber) {
    std::string number = NumberKey(word);
    if (!number.empty()) info.term = terms_->Id(TermKind::kNumber, number);
    return *cache_.Insert(key, info).first;
  }
  std::string folded = UnicodeText::Fold(word);
  if (!Stopwords::Contains(folded) && folded.size() > 1) {
    info.term = terms_->Id(TermKind::kWord, stemmer_.Stem(folded));
    if (StartsUpper(word)) info.name = terms_->Id(TermKind::kName, folded);
  }
  return *cache_.Insert(key, info).first;
}

void FeatureExtractor::AddText(std::string_view text, bool all_names, std::vector<uint32_t>* out) {
  std::vector<Token> tokens = segmenter_.Tokens(text);
  AddTokens(text, tokens, TokenMarks::Mark(text, tokens), all_names, out, nullptr);
}

void FeatureExtractor::AddTokens(std::string_view text, const std::vector<Token>& tokens,
                                 const std::vector<uint8_t>& marks, bool all_names, std::vector<uint32_t>* out,
                                 std::vector<uint64_t>* sketch_hashes) {
  // The cache holds every distinct token seen (hundreds of thousands in a
  // long stream), so each probe is a cache miss, and waited for one token
  // after the other they were 4 % of the stream's CPU at a million
  // articles. The keys first, then each token's slot is asked for
  // kAhead tokens before it is probed.
  constexpr size_t kAhead = 8;
  keys_.resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) keys_[i] = Hasher::Hash64(tokens[i].span.In(text));
  for (size_t i = 0; i < tokens.size() && i < kAhead; ++i) cache_.Prefetch(keys_[i]);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i + kAhead < tokens.size()) cache_.Prefetch(keys_[i + kAhead]);
    WordInfo info = Lookup(keys_[i], tokens[i], text);
    if (sketch_hashes != nullptr) sketch_hashes->push_back(info.sketch_hash);
    // The lead (headline and first sentences) says what the story is: it
    // counts twice.
    int times = i < lead_tokens_ && sketch_hashes != nullptr ? 2 : 1;
    for (int k = 0; k < times; ++k) {
      if (info.term != UINT32_MAX) out->push_back(info.term);
      if (info.name != UINT32_MAX && (all_names || !(marks[i] & kSentenceStart))) out->push_back(info.name);
    }
  }
}

ArticleFeatures FeatureExtractor::Extract(const Article& article) {
  ArticleFeatures f;
  std::vector<uint32_t> ids;
  std::vector<Token> tokens = segmenter_.Tokens(article.text);
  std::vector<uint8_t> marks = TokenMarks::Mark(article.text, tokens);
  std::vector<uint64_t> sketch_hashes;
  sketch_hashes.reserve(tokens.size());
  // A token gives at most two terms, and the lead counts twice.
  ids.reserve(2 * tokens.size() + 2 * std::min(tokens.size(), lead_tokens_));
  AddTokens(article.text, tokens, marks, false, &ids, &sketch_hashes);
  f.sketch = ShingleSketcher::FromTokenHashes(sketch_hashes, marks);
  AddText(article.title, false, &ids);
  AddText(article.dateline, true, &ids);
  f.counts = CountTerms(ids);
  f.day = DayOf(article.published.iso);
  return f;
}

std::vector<std::pair<uint32_t, uint32_t>> FeatureExtractor::CountTerms(const std::vector<uint32_t>& ids) {
  // Counted in a dense array by term id, then only the distinct terms are
  // sorted: an article has a few hundred tokens but far fewer terms.
  if (term_counts_.size() < terms_->size()) term_counts_.resize(terms_->size(), 0);
  std::vector<uint32_t> distinct;
  for (uint32_t t : ids) {
    if (term_counts_[t]++ == 0) distinct.push_back(t);
  }
  std::sort(distinct.begin(), distinct.end());
  std::vector<std::pair<uint32_t, uint32_t>> counts;
  counts.reserve(distinct.size());
  for (uint32_t t : distinct) {
    counts.emplace_back(t, term_counts_[t]);
    term_counts_[t] = 0;
  }
  return counts;
}

int32_t FeatureExtractor::DayOf(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return kNoDay;
  auto num = [&](size_t at, size_t len) {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return kNoDay;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace storyfuse
