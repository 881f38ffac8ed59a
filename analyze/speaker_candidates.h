// SpeakerCandidates: the mentions that may have said a quoted piece, each
// with the features the learned speaker ranker scores (SpeakerModel).
//
// Candidates are the name runs, speaking pronouns ("he", "we"), relative
// pronouns before a cue ("who said"), and descriptions ("a spokesman for
// the group", "the secretary of state") of the piece's paragraph, the
// paragraph before it and the first sentence of the paragraph after it,
// plus the mention the rules chose wherever it stands. Features describe
// the mention itself (kind, a cue verb after or before it, "according to",
// sentence subject, possessive, after a preposition, all capitals, a
// one-word sentence start the article also writes in lower case, the
// headline) and where it stands from the piece (same sentence, paragraph,
// the one before or after; before or after the piece; distance and rank by
// distance), crossed with the piece's shape (opens its paragraph, ends
// with a comma, runs on a sentence) and with what the rules chose.
//
// Built once per article after SpeakerRegistry has learned it; reads the
// tokens it is given. Not thread-safe.
#ifndef STORYFUSE_ANALYZE_SPEAKER_CANDIDATES_H_
#define STORYFUSE_ANALYZE_SPEAKER_CANDIDATES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/quote_finder.h"
#include "analyze/speaker_registry.h"
#include "analyze/speaker_tokenizer.h"
#include "text/span.h"

namespace storyfuse {

enum class MentionKind : uint8_t { kName, kPronoun, kDescription, kRelative };

struct SpeakerCandidate {
  uint32_t paragraph = 0;  // index into the article's paragraphs
  uint32_t begin = 0;      // tokens [begin, end) of that paragraph
  uint32_t end = 0;
  int cue = -1;  // token of its cue verb in that paragraph, or -1
  MentionKind kind = MentionKind::kName;
  Span mention;                // bytes of the text
  bool rule = false;           // the mention the rules chose
  bool same_sentence = false;  // in the piece's sentence
  bool after = false;          // after the piece
  std::string canonical;       // the person it names when known, or ""
  std::vector<uint64_t> features;
};

// What the rules decided for a piece, as the candidates see it.
struct RuleChoice {
  Span mention;  // empty when the rules found nobody
  int kind = 0;  // AttributionKind as an int (0: none)
  bool cue_adjacent = false;
  std::string previous_speaker;  // canonical speaker the rules gave the piece before, or ""
};

class SpeakerCandidates {
 public:
  // `paragraphs` holds each paragraph's tokens (SpeakerTokenizer), in text
  // order; `pieces` are the article's quoted pieces. All must outlive this.
  SpeakerCandidates(std::string_view text, const std::vector<std::vector<SpeakerToken>>& paragraphs,
                    const std::vector<QuotePiece>& pieces, const SpeakerRegistry& registry);

  // When set, every feature built records its name under its key (for
  // training, which writes names into the model file).
  void RecordNames(std::unordered_map<uint64_t, std::string>* names) { names_ = names; }

  // The candidates for the piece whose token is q of paragraph p.
  std::vector<SpeakerCandidate> For(size_t p, size_t q, const RuleChoice& rule);

 private:
  struct Mention {
    uint32_t begin = 0, end = 0;
    int cue = -1;
    uint32_t sentence = 0;
    MentionKind kind = MentionKind::kName;
    std::string canonical;         // the person it names, or ""
    std::vector<std::string> own;  // features of the mention alone
  };
  struct Paragraph {
    bool built = false;
    bool has_quotes = false;         // a quoted piece among its tokens
    std::vector<uint32_t> sentence;  // sentence index of each token
    std::vector<Mention> mentions;
  };

  struct Placed;

  std::vector<Placed> Place(size_t p, size_t q);
  bool OverlapsRule(const Placed& c, const RuleChoice& rule) const;
  void AddRuleMention(size_t p, size_t q, const RuleChoice& rule, std::vector<Placed>* placed);
  static void RankByScope(std::vector<Placed>* placed);
  std::vector<const char*> PieceShape(size_t p, size_t q) const;
  SpeakerCandidate Candidate(const Placed& c, size_t p, size_t q, const RuleChoice& rule,
                             const std::vector<const char*>& shape, bool prev_has_quotes);
  void EmitNearPiece(const Placed& c, size_t p, size_t q, std::vector<uint64_t>* f);
  const Paragraph& Inventory(size_t p);
  void AddNames(size_t p, Paragraph* para);
  void AddPronouns(size_t p, Paragraph* para);
  void AddDescriptions(size_t p, Paragraph* para);
  void Describe(size_t p, Mention* m) const;
  size_t ExtendOverOf(size_t p, size_t end) const;
  int CueAfter(size_t p, size_t end, bool* appositive) const;
  bool IsCue(size_t p, size_t i) const;
  std::string Lw(size_t p, size_t i) const;
  bool FindRuleMention(Span mention, size_t* p, Mention* m);
  void Emit(std::vector<uint64_t>* out, std::string_view a, std::string_view b = {}, std::string_view c = {});

  std::string_view text_;
  const std::vector<std::vector<SpeakerToken>>& paragraphs_;
  const std::vector<QuotePiece>& pieces_;
  const SpeakerRegistry& registry_;
  std::vector<Paragraph> inventory_;
  std::unordered_set<std::string_view> capitalized_mid_;
  std::unordered_map<uint64_t, std::string>* names_ = nullptr;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_SPEAKER_CANDIDATES_H_
