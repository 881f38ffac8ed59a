#include "brief/aligned_story.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace storyfuse {
namespace {

// Sentences this close in cosine share most of their weighted words: for
// "does anyone else report this", close enough whatever the matcher says
// (the cosine rule the brief used before the matcher).
constexpr float kParaphraseCosine = 0.35f;

}  // namespace

AlignedStory::AlignedStory(const std::vector<StoryMember>& members, Segmenter* segmenter,
                           const StatementMatcher* matcher, MatchSentenceCache* readings)
    : members_(&members),
      matcher_(matcher),
      support_(*matcher),
      aligner_(std::make_unique<SentenceAligner>(0.5f, segmenter, matcher, readings)) {
  for (const auto& m : members) {
    aligner_->AddArticle(m.article->text);
    code_points_.emplace_back(m.article->text);
    const std::string& date = m.article->published.iso;
    if (!date.empty() && date.substr(0, 10) > anchor_) anchor_ = date.substr(0, 10);
  }
  alignment_ = aligner_->Align();
  first_sentence_.assign(members.size() + 1, static_cast<uint32_t>(alignment_.sentences.size()));
  for (uint32_t i = alignment_.sentences.size(); i-- > 0;) first_sentence_[alignment_.sentences[i].article] = i;
  for (size_t a = members.size(); a-- > 0;) first_sentence_[a] = std::min(first_sentence_[a], first_sentence_[a + 1]);
  for (const auto& group : alignment_.groups) representative_.push_back(PickRepresentative(group));
  MarkQuotations();
  std::vector<std::string> anchors = CopyGroupAnchors();
  // Each view borrows its article's tokens: all are lexed first, so that
  // no view sees its tokens move.
  lexed_.reserve(members.size());
  for (const StoryMember& m : members) lexed_.push_back(WordLexer::Lex(m.article->text));
  views_.reserve(members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    const Article& a = *members[i].article;
    views_.emplace_back(a.text, lexed_[i]);
    dates_.push_back(DateResolver::Extract(views_.back(), DateResolver::AnchorFor(a, anchors[i])));
  }
}

// A copy's text is its source's, so its "Monday" is the source's Monday:
// every article of a copy group (a source and the members whose copy_of
// names it) resolves against one date, the source's publication date,
// else the earliest date of a copy, else the story's anchor. Articles that
// copy nothing keep their own date, else the story's anchor.
std::vector<std::string> AlignedStory::CopyGroupAnchors() const {
  const std::vector<StoryMember>& members = *members_;
  std::unordered_map<std::string_view, size_t> index;
  for (size_t i = 0; i < members.size(); ++i) index.emplace(members[i].article->id, i);
  std::vector<size_t> root(members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    auto it = members[i].copy_of.empty() ? index.end() : index.find(members[i].copy_of);
    root[i] = it == index.end() ? i : it->second;
  }
  auto own_date = [&](size_t i) -> std::string_view { return DateResolver::AnchorFor(*members[i].article, ""); };
  std::vector<std::string> group(members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    std::string_view d = own_date(i);
    std::string& g = group[root[i]];
    if (!d.empty() && (g.empty() || d < g)) g = std::string(d);
  }
  std::vector<std::string> out(members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    std::string_view source_date = own_date(root[i]);
    if (!source_date.empty()) {
      out[i] = std::string(source_date);
    } else if (!group[root[i]].empty()) {
      out[i] = group[root[i]];
    } else {
      out[i] = anchor_;
    }
  }
  return out;
}

const Article& AlignedStory::ArticleOf(uint32_t sentence) const {
  return article(alignment_.sentences[sentence].article);
}

std::string_view AlignedStory::Text(uint32_t sentence) const {
  return alignment_.sentences[sentence].span.In(ArticleOf(sentence).text);
}

std::string AlignedStory::Origin(uint32_t article) const {
  const StoryMember& m = (*members_)[article];
  return m.origin.empty() ? m.article->id : m.origin;
}

float AlignedStory::RelativePosition(uint32_t sentence) const {
  const AlignedSentence& s = alignment_.sentences[sentence];
  uint32_t count = first_sentence_[s.article + 1] - first_sentence_[s.article];
  return static_cast<float>(s.position) / std::max<uint32_t>(1, count);
}

int AlignedStory::SentenceAt(uint32_t article, uint32_t offset) const {
  // An article's sentences are in text order: binary search, so that
  // looking up every date or quote of a long article stays O(n log n).
  auto begin = alignment_.sentences.begin() + first_sentence_[article];
  auto end = alignment_.sentences.begin() + first_sentence_[article + 1];
  auto it =
      std::upper_bound(begin, end, offset, [](uint32_t off, const AlignedSentence& s) { return off < s.span.begin; });
  if (it == begin) return -1;
  --it;
  if (offset >= it->span.end) return -1;
  return static_cast<int>(it - alignment_.sentences.begin());
}

int AlignedStory::Support(uint32_t group) const {
  std::set<std::string> origins;
  for (uint32_t s : alignment_.groups[group]) origins.insert(Origin(alignment_.sentences[s].article));
  return static_cast<int>(origins.size());
}

std::vector<SpanSupport> AlignedStory::Supporters(uint32_t sentence) const {
  std::map<uint32_t, SpanSupport> best;      // by article
  if (alignment_.scored.empty()) return {};  // no matcher
  for (auto [other, p] : alignment_.scored[sentence]) {
    if (!matcher_->Supports(p)) continue;
    uint32_t article = alignment_.sentences[other].article;
    SpanSupport& b = best[article];
    if (b.sentence < 0 || p > b.support) b = {article, static_cast<int>(other), p};
  }
  std::vector<SpanSupport> out;
  for (const auto& [article, s] : best) out.push_back(s);
  return out;
}

std::vector<SpanSupport> AlignedStory::Citations(uint32_t sentence, const MatchSentence* piece) const {
  std::vector<SpanSupport> out;
  if (alignment_.scored.empty()) return out;  // no matcher
  const uint32_t own = alignment_.sentences[sentence].article;
  const MatchSentence& claim = piece != nullptr ? *piece : aligner_->ForMatcher(sentence);
  // The matcher's probabilities the aligner already computed (for the
  // whole sentence only).
  std::map<uint32_t, float> scored;
  if (piece == nullptr) scored.insert(alignment_.scored[sentence].begin(), alignment_.scored[sentence].end());
  std::map<uint32_t, SpanSupport> best;  // by article
  for (auto [j, share] : aligner_->Covering(sentence, kCitationCoverage)) {
    uint32_t a = alignment_.sentences[j].article;
    if (a == own) continue;
    auto it = scored.find(j);
    // A sentence the aligner did not score (cosine under its candidate
    // bar) can only contain the claim: reading it is worth it only when
    // it uses most of the claim's terms.
    if (it == scored.end() && piece == nullptr && share < kContainmentCoverage) continue;
    float s = support_.Score(claim, aligner_->ForMatcher(j), it == scored.end() ? -1 : it->second);
    if (!support_.Supports(s)) continue;
    auto b = best.find(a);
    if (b == best.end() || s > b->second.support) best[a] = {a, static_cast<int>(j), s};
  }
  for (const auto& [a, s] : best) out.push_back(s);
  return out;
}

bool AlignedStory::StatedElsewhere(uint32_t sentence) const {
  const std::string origin = Origin(alignment_.sentences[sentence].article);
  for (uint32_t j = 0; j < alignment_.sentences.size(); ++j) {
    if (Origin(alignment_.sentences[j].article) == origin) continue;
    float cosine = Similarity(sentence, j);
    if (cosine >= kParaphraseCosine) return true;
    if (cosine >= SentenceAligner::kCandidateCosine && Match(sentence, j) >= matcher_->recall_threshold()) return true;
  }
  return false;
}

SpanSupport AlignedStory::BestSupport(const MatchSentence& claim, uint32_t article) const {
  SpanSupport best{article, -1, 0};
  for (uint32_t i = first_sentence_[article]; i < first_sentence_[article + 1]; ++i) {
    float s = support_.Score(claim, aligner_->ForMatcher(i));
    if (support_.Supports(s) && s > best.support) best = {article, static_cast<int>(i), s};
  }
  return best;
}

SourceSpan AlignedStory::ToSourceSpan(uint32_t article, Span bytes) const {
  const CodePointIndex& cp = code_points_[article];
  return {this->article(article).id, cp.ToCodePoint(bytes.begin), cp.ToCodePoint(bytes.end)};
}

namespace {

// Bytes of a double quotation mark (" “ ”) at `i`, or 0.
size_t QuoteMark(std::string_view text, size_t i) {
  if (text[i] == '"') return 1;
  if (static_cast<unsigned char>(text[i]) != 0xE2 || i + 2 >= text.size() ||
      static_cast<unsigned char>(text[i + 1]) != 0x80) {
    return 0;
  }
  unsigned char c = text[i + 2];
  return c == 0x9C || c == 0x9D ? 3 : 0;
}

// Flips `inside` at each quotation mark of text[begin, end); a line break
// (a new paragraph) closes any quotation.
void ScanQuotes(std::string_view text, size_t begin, size_t end, bool* inside) {
  for (size_t i = begin; i < end; ++i) {
    if (text[i] == '\n') {
      *inside = false;
    } else if (size_t len = QuoteMark(text, i)) {
      *inside = !*inside;
      i += len - 1;
    }
  }
}

}  // namespace

void AlignedStory::MarkQuotations() {
  starts_quoted_.assign(alignment_.sentences.size(), 0);
  for (uint32_t a = 0; a < members_->size(); ++a) {
    std::string_view text = article(a).text;
    bool inside = false;
    size_t at = 0;
    for (uint32_t i = first_sentence_[a]; i < first_sentence_[a + 1]; ++i) {
      const Span& span = alignment_.sentences[i].span;
      ScanQuotes(text, at, span.begin, &inside);
      starts_quoted_[i] = inside;
      at = span.begin;
    }
  }
}

bool AlignedStory::InsideQuotation(uint32_t article, uint32_t pos) const {
  int sentence = SentenceAt(article, pos);
  bool inside = false;
  size_t from = 0;
  if (sentence >= 0) {
    inside = starts_quoted_[sentence];
    from = alignment_.sentences[sentence].span.begin;
  }
  ScanQuotes(this->article(article).text, from, pos, &inside);
  return inside;
}

// The group member most similar to the others; ties go to the earliest
// sentence, which in news is the clearest statement of a fact.
uint32_t AlignedStory::PickRepresentative(const std::vector<uint32_t>& group) const {
  uint32_t best = group.front();
  float best_score = -1;
  for (uint32_t s : group) {
    float score = 0;
    for (auto [other, sim] : alignment_.neighbours[s]) score += sim;
    score -= 0.01f * alignment_.sentences[s].position;
    if (score > best_score) best = s, best_score = score;
  }
  return best;
}

}  // namespace storyfuse
