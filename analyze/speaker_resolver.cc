#include "analyze/speaker_resolver.h"

#include <algorithm>
#include <cctype>

#include "analyze/speaker_lexicon.h"
#include "analyze/speaker_mention_finder.h"
#include "analyze/speaker_registry.h"
#include "analyze/speaker_tokenizer.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// How far the scans after a piece reach, in tokens.
constexpr size_t kMaxClauseAfter = 40;     // from the piece to its cue verb
constexpr size_t kMaxRelativeClause = 25;  // ", who served as … ," between name and verb
constexpr size_t kMaxCreditName = 8;       // "― Jane Roe" and "beamed Jane Roe"
constexpr size_t kMaxIntroNoun = 5;        // "The agency's statement:" before a colon
constexpr size_t kMaxCreditLine = 20;      // tokens of a paragraph that only credits
constexpr size_t kMinUnlistedVerb = 5;     // letters of an -ed verb we do not list ("beamed")

// Nouns of speech a possessive speaker owns: "Roe's claim that “…”".
bool IsSpeechNoun(std::string_view lower) {
  static const char* const kWords[] = {"claim",       "claims",      "statement",
                                       "statements",  "comment",     "comments",
                                       "remark",      "remarks",     "words",
                                       "promise",     "pledge",      "call",
                                       "assertion",   "description", "tweet",
                                       "tweets",      "message",     "speech",
                                       "vow",         "warning",     "insistence",
                                       "argument",    "suggestion",  "question",
                                       "response",    "answer",      "slogan",
                                       "motto",       "catchphrase", "mantra",
                                       "refrain",     "line",        "characterization",
                                       "accusation",  "charge",      "boast",
                                       "quip",        "retort",      "reply",
                                       "declaration", "prediction",  "admission",
                                       "complaint",   "criticism",   "attack",
                                       "joke",        "demand"};
  for (const char* w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

// Words that open a new clause: after them, a cue verb is not the quote's.
bool OpensClause(std::string_view lower) {
  static const char* const kWords[] = {"and",    "but", "while", "as", "which",  "that",     "because", "when", "after",
                                       "before", "so",  "if",    "or", "though", "although", "until",   "where"};
  for (const char* k : kWords) {
    if (lower == k) return true;
  }
  return false;
}

// "VIDEO:", "UPDATE:", "EDITOR'S NOTE:": page furniture, not a speaker.
bool IsPageFurniture(std::string_view label) {
  static const char* const kFurniture[] = {
      "video", "photo", "photos",  "update",    "updated", "watch",      "breaking", "correction", "editor's",
      "note",  "read",  "related", "exclusive", "excerpt", "transcript", "partial",  "source",     "advertisement"};
  std::string first = AsciiLower(label.substr(0, label.find(' ')));
  for (const char* f : kFurniture) {
    if (first == f) return true;
  }
  return false;
}

// The colon that closes a transcript label of capitals opening `words`
// ("PENCE: Well, look, …", "MR. ROE: No."), or npos.
size_t TranscriptColon(std::string_view words) {
  constexpr size_t kMaxLabel = 24;  // bytes of "SECRETARY CLINTON"
  size_t colon = words.find(':');
  if (colon == std::string_view::npos || colon < 2 || colon > kMaxLabel) return std::string_view::npos;
  size_t letters = 0;
  for (char c : words.substr(0, colon)) {
    if (c >= 'A' && c <= 'Z')
      ++letters;
    else if (c != ' ' && c != '.' && c != '-' && c != '\'')
      return std::string_view::npos;
  }
  if (letters < 2 || (colon + 1 < words.size() && words[colon + 1] != ' ')) return std::string_view::npos;
  return colon;
}

// A paragraph of the article with the range of its pieces.
struct ParagraphSpan {
  Span span;
  size_t first, last;
};

// The non-blank lines of `text`, each with the pieces it holds.
std::vector<ParagraphSpan> SplitParagraphs(std::string_view text, const std::vector<QuotePiece>& pieces) {
  std::vector<ParagraphSpan> paras;
  size_t start = 0, p = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    size_t first = p;
    while (p < pieces.size() && pieces[p].outer.begin < nl) ++p;
    if (text.substr(start, nl - start).find_first_not_of(" \t\r") != std::string_view::npos) {
      paras.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(nl)}, first, p});
    }
    start = nl + 1;
  }
  return paras;
}

// One article's attribution: its paragraphs' tokens, the registry of the
// people it names, the paragraph being read (toks_) and what carries from
// one piece or paragraph to the next.
class ArticleAttributor {
 public:
  ArticleAttributor(std::string_view text, const std::vector<QuotePiece>& pieces);

  // The rules' attribution of every piece.
  std::vector<Attribution> ApplyRules();
  // The learned ranker's choice among each piece's candidates; the rules'
  // attribution stands when the ranker agrees with it or finds nobody.
  void Rank(const SpeakerModel* model, std::unordered_map<uint64_t, std::string>* names, std::vector<Attribution>* out,
            std::vector<std::vector<SpeakerCandidate>>* candidates);

 private:
  using Mention = SpeakerMention;

  void AttributeParagraph(std::vector<Attribution>* out);
  bool AttributePiece(size_t q, const Attribution& last, Attribution* a, bool* weak);
  bool InSentence(size_t q, size_t s, Attribution* a);
  bool FromNeighbours(size_t q, size_t s, const Attribution& last, Attribution* a);
  bool FromParagraphBefore(Attribution* a) const;

  bool MatchAfter(size_t q, Attribution* a);
  bool AdjacentCredit(size_t q, size_t k, Attribution* a);
  bool UnlistedVerbCredit(size_t q, size_t k, Attribution* a);
  bool DashCredit(size_t q, size_t k, Attribution* a);
  bool SubjectAndCueAfter(size_t k, bool new_sentence, Attribution* a);
  bool InvertedCueClosing(size_t k, Attribution* a);
  size_t RelativeClauseEnd(size_t who) const;
  bool BareAttribution(size_t v) const;

  bool MatchBefore(size_t q, size_t s, Attribution* a);
  bool ColonIntro(size_t q, size_t s, Attribution* a);
  bool CueBefore(size_t i, size_t q, size_t s, Attribution* a);
  bool PossessiveSpeechNoun(size_t i, size_t s, Attribution* a);
  bool GerundSubject(size_t i, size_t s, Attribution* a);

  bool TranscriptLabel(size_t q, Attribution* a);
  bool IntroBefore(size_t end, Attribution* a);
  bool PreviousClause(size_t end, Attribution* a);
  bool CreditLine(Attribution* a);
  bool TrailingCredit(Attribution* a);

  char LastChar(size_t q) const;
  bool PieceEndsSentence(size_t q) const;
  bool EndsWithComma(size_t q) const { return LastChar(q) == ','; }
  std::string Lw(size_t i) const { return finder_.Lower(i); }
  Attribution Make(const Mention& m, size_t cue_b, size_t cue_e, AttributionKind kind);
  std::string Canonical(const Mention& m);
  Attribution FromCandidate(const SpeakerCandidate& c, const Attribution& rule);

  std::string_view text_;
  const std::vector<QuotePiece>& pieces_;
  SpeakerRegistry registry_;
  std::vector<std::vector<SpeakerToken>> tokens_;  // each paragraph's
  std::vector<SpeakerToken> toks_;                 // the paragraph being read
  SpeakerMentionFinder finder_{text_, toks_, registry_};
  Attribution next_clause_;        // a non-bare attribution after the current piece
  Attribution prev_last_;          // last attributed piece of the previous paragraph
  Attribution prev_intro_;         // what a colon-ended previous paragraph announces
  std::vector<int> unattributed_;  // pieces of the previous paragraph nobody was credited with
};

ArticleAttributor::ArticleAttributor(std::string_view text, const std::vector<QuotePiece>& pieces)
    : text_(text), pieces_(pieces) {
  std::vector<ParagraphSpan> paras = SplitParagraphs(text, pieces);
  tokens_.resize(paras.size());
  for (size_t i = 0; i < paras.size(); ++i) {
    SpeakerTokenizer::Tokenize(text, paras[i].span, pieces, paras[i].first, paras[i].last, &tokens_[i]);
    registry_.Learn(text, tokens_[i]);
  }
}

std::vector<Attribution> ArticleAttributor::ApplyRules() {
  std::vector<Attribution> out(pieces_.size());
  for (size_t pi = 0; pi < tokens_.size(); ++pi) {
    toks_ = std::move(tokens_[pi]);
    registry_.Index(text_, toks_);
    AttributeParagraph(&out);
    tokens_[pi] = std::move(toks_);
  }
  return out;
}

void ArticleAttributor::AttributeParagraph(std::vector<Attribution>* out) {
  Attribution credit;
  if (!unattributed_.empty() && CreditLine(&credit)) {
    for (int i : unattributed_) (*out)[i] = credit;
  }
  unattributed_.clear();
  Attribution last;
  for (size_t q = 0; q < toks_.size(); ++q) {
    if (!toks_[q].IsQuote()) continue;
    Attribution a;
    bool weak = false;
    bool found = AttributePiece(q, last, &a, &weak);
    (*out)[toks_[q].quote] = a;
    if (found) last = a;
    if (weak) unattributed_.push_back(toks_[q].quote);
  }
  // “… “hell” than … .” ― Jane Roe: a credit closing the paragraph names
  // the speaker of the pieces nothing else credited.
  Attribution trailing;
  if (!unattributed_.empty() && TrailingCredit(&trailing)) {
    for (int i : unattributed_) (*out)[i] = trailing;
    unattributed_.clear();
    last = trailing;
  }
  prev_last_ = last;
  prev_intro_ = Attribution();
  if (!toks_.empty() && toks_.back().IsPunct(':')) IntroBefore(toks_.size() - 1, &prev_intro_);
}

// The attribution of the piece at token q, in order of evidence; `weak`
// when only the paragraph before credits it (a credit line below may still
// name its speaker).
bool ArticleAttributor::AttributePiece(size_t q, const Attribution& last, Attribution* a, bool* weak) {
  next_clause_ = Attribution();
  size_t s = finder_.SentenceStart(q);
  bool found = InSentence(q, s, a) || FromNeighbours(q, s, last, a);
  *weak = !found;
  if (!found && q == 0) found = FromParagraphBefore(a);
  return found;
}

// A cue or a subject in the piece's own sentence.
bool ArticleAttributor::InSentence(size_t q, size_t s, Attribution* a) {
  bool embedded = q > s && toks_[q - 1].IsWord();
  Attribution after;
  // "PENCE: Well, look, …": a transcript turn names its speaker.
  if (TranscriptLabel(q, a)) return true;
  // "When Doe said “…,” Roe noted.": a quote closed by a comma and a
  // touching cue is the cue's, whatever speech verb precedes it.
  if (embedded && EndsWithComma(q) && MatchAfter(q, &after) && after.cue_adjacent) {
    *a = after;
    return true;
  }
  if (embedded ? (MatchBefore(q, s, a) || MatchAfter(q, a)) : (MatchAfter(q, a) || MatchBefore(q, s, a))) return true;
  Mention m;
  if (s < q && finder_.SentenceSubject(s, q, &m)) {
    *a = Make(m, kNone, kNone, AttributionKind::kSubject);
    return true;
  }
  return false;
}

// The speech clause before the piece, the piece before it in the paragraph
// (split quotes), or a clause after it that is not a bare attribution.
bool ArticleAttributor::FromNeighbours(size_t q, size_t s, const Attribution& last, Attribution* a) {
  if (s == q && q > 0 && toks_[q - 1].EndsSentence() && PreviousClause(q - 1, a)) {
    a->kind = AttributionKind::kCarried;
    return true;
  }
  if (last.kind != AttributionKind::kNone) {
    *a = last;
    a->kind = AttributionKind::kCarried;
    a->split_continuation = last.cue_adjacent && s == q;
    a->cue_adjacent = false;
    return true;
  }
  if (next_clause_.kind != AttributionKind::kNone) {
    *a = next_clause_;
    return true;
  }
  return false;
}

// For a piece opening its paragraph: what a colon-ended paragraph before
// announces, else that paragraph's last speaker.
bool ArticleAttributor::FromParagraphBefore(Attribution* a) const {
  const Attribution& from = prev_intro_.kind != AttributionKind::kNone ? prev_intro_ : prev_last_;
  if (from.kind == AttributionKind::kNone) return false;
  *a = from;
  a->kind = AttributionKind::kCarried;
  a->cue_adjacent = false;
  return true;
}

// The last character of piece token q's words, past closing marks (of
// any style, nested ones too: “… ‘no.’”) and blanks; 0 when none.
char ArticleAttributor::LastChar(size_t q) const {
  std::string_view inner = pieces_[toks_[q].quote].text.In(text_);
  size_t e = inner.size();
  while (e > 0 && (static_cast<unsigned char>(inner[e - 1]) >= 0x80 || inner[e - 1] == '"' || inner[e - 1] == '\'' ||
                   inner[e - 1] == ' ' || inner[e - 1] == '\t')) {
    --e;
  }
  return e == 0 ? 0 : inner[e - 1];
}

// A quote that ends its sentence ("….” He added, …) is followed by a new
// sentence; that sentence attributes it only when it is a bare attribution
// ("“Never!” Roe said." / "… he told reporters.").
bool ArticleAttributor::PieceEndsSentence(size_t q) const {
  char c = LastChar(q);
  return c == '.' || c == '!' || c == '?';
}

bool ArticleAttributor::BareAttribution(size_t v) const {
  if (SpeakerLexicon::Cue(Lw(v)).strength != CueStrength::kStrong) return false;
  for (size_t i = v + 1; i < toks_.size(); ++i) {
    if (toks_[i].IsQuote() || toks_[i].IsPunct(':')) return false;
    if (toks_[i].EndsSentence()) return true;
    // "Roe said he plans to …", "Roe said that …": a clause of its own.
    std::string w = Lw(i);
    Gender g;
    if (w == "that" || (SpeakerLexicon::SpeakerPronoun(w, &g) && w != "who")) return false;
  }
  return true;
}

// A cue after the closing mark of the piece at token q, with its subject
// in either order.
bool ArticleAttributor::MatchAfter(size_t q, Attribution* a) {
  size_t k = q + 1;
  while (k < toks_.size() && (toks_[k].IsPunct(',') || toks_[k].IsDash())) ++k;
  if (k >= toks_.size() || toks_[k].IsQuote()) return false;
  bool new_sentence = k == q + 1 && toks_[k].cap && PieceEndsSentence(q);
  if (AdjacentCredit(q, k, a)) return true;
  if (Lw(k) == "as" && !new_sentence) ++k;  // "…,” as Roe said."
  if (SubjectAndCueAfter(k, new_sentence, a)) return true;
  // "“…” that Roe can win, said Jane Doe.": an inverted cue closing the
  // sentence the quote is part of.
  if (new_sentence) return false;
  return InvertedCueClosing(k, a);
}

// A credit touching the piece at token k: "…,” said Roe", "…” beamed Jane
// Roe", "…” ― Jane Roe", "…,” according to Roe".
bool ArticleAttributor::AdjacentCredit(size_t q, size_t k, Attribution* a) {
  Mention m;
  if (finder_.IsCue(k, false, false) && SpeakerLexicon::Cue(Lw(k)).invertible && finder_.After(k, toks_.size(), &m)) {
    *a = Make(m, k, k + 1, AttributionKind::kAfter);
    a->cue_adjacent = true;
    return true;
  }
  if (UnlistedVerbCredit(q, k, a) || DashCredit(q, k, a)) return true;
  if (Lw(k) == "according" && Lw(k + 1) == "to" && finder_.After(k + 1, toks_.size(), &m)) {
    *a = Make(m, k, k + 2, AttributionKind::kAfter);
    a->cue_adjacent = true;
    return true;
  }
  return false;
}

// "“This is fantastic!” beamed Jane Roe": a verb in -ed we do not list,
// inverted before a full name, still credits the piece it touches.
bool ArticleAttributor::UnlistedVerbCredit(size_t q, size_t k, Attribution* a) {
  if (!(k <= q + 2 && toks_[k].IsWord() && !toks_[k].cap && Lw(k).size() >= kMinUnlistedVerb &&
        Lw(k).ends_with("ed"))) {
    return false;
  }
  std::vector<NameRun> runs =
      SpeakerRegistry::FindNameRuns(text_, toks_, k + 1, std::min(toks_.size(), k + kMaxCreditName));
  if (runs.empty() || runs[0].begin != k + 1 || runs[0].end - runs[0].name < 2) return false;
  *a = Make({runs[0].begin, runs[0].end, Mention::kName}, k, k + 1, AttributionKind::kAfter);
  a->cue_adjacent = true;
  return true;
}

// "“…” ― Jane Roe": a dash and a name that end the attribution.
bool ArticleAttributor::DashCredit(size_t q, size_t k, Attribution* a) {
  if (!(k > q + 1 && toks_[k - 1].IsDash() && toks_[k].cap)) return false;
  std::vector<NameRun> runs =
      SpeakerRegistry::FindNameRuns(text_, toks_, k, std::min(toks_.size(), k + kMaxCreditName));
  if (runs.empty() || runs[0].begin != k || (runs[0].end != toks_.size() && toks_[runs[0].end].IsWord())) return false;
  *a = Make({runs[0].begin, runs[0].end, Mention::kName}, kNone, kNone, AttributionKind::kAfter);
  a->cue_adjacent = true;
  return true;
}

// A subject and its cue verb after the piece, from token k: "…,” Roe said",
// "…,” the secretary of state told reporters". A cue opening a sentence of
// its own that is not a bare attribution is kept as next_clause_.
bool ArticleAttributor::SubjectAndCueAfter(size_t k, bool new_sentence, Attribution* a) {
  Mention m;
  for (size_t v = k; v < toks_.size() && v < k + kMaxClauseAfter; ++v) {
    // "Jane Roe, who served as chief of staff, told": past the relative clause.
    if (Lw(v) == "who" && v > k && toks_[v - 1].IsPunct(',')) {
      size_t c = RelativeClauseEnd(v);
      if (c < toks_.size() && toks_[c].IsPunct(',')) {
        v = c;
        continue;
      }
    }
    if (toks_[v].IsQuote() || toks_[v].EndsSentence() || (OpensClause(Lw(v)) && (v == k || Lw(v) != "and"))) break;
    if (!finder_.IsCue(v, true, false)) continue;
    if (!finder_.Before(v, k, &m)) break;
    if (new_sentence && !BareAttribution(v)) {
      // Kept as a last resort: "“…” Roe said he would stay." still names
      // who is speaking when nothing else does.
      next_clause_ = Make(m, v, v + 1, AttributionKind::kAfter);
      break;
    }
    *a = Make(m, v, v + 1, AttributionKind::kAfter);
    a->cue_adjacent = true;
    return true;
  }
  return false;
}

// The token ending a relative clause opened by "who" at `who`: a comma,
// a quote, a sentence end or the scan's limit.
size_t ArticleAttributor::RelativeClauseEnd(size_t who) const {
  size_t c = who + 1;
  while (c < toks_.size() && c < who + kMaxRelativeClause && !toks_[c].IsPunct(',') && !toks_[c].IsQuote() &&
         !toks_[c].EndsSentence()) {
    ++c;
  }
  return c;
}

// ", said Jane Doe." closing the sentence after the piece, from token k.
bool ArticleAttributor::InvertedCueClosing(size_t k, Attribution* a) {
  Mention m;
  for (size_t v = k; v + 1 < toks_.size(); ++v) {
    if (toks_[v].IsQuote() || toks_[v].EndsSentence()) break;
    if (!toks_[v].IsPunct(',') || !finder_.IsCue(v + 1, false, false) || !SpeakerLexicon::Cue(Lw(v + 1)).invertible) {
      continue;
    }
    if (finder_.After(v + 1, toks_.size(), &m) && m.kind != Mention::kPronoun) {
      *a = Make(m, v + 1, v + 2, AttributionKind::kAfter);
      return true;
    }
  }
  return false;
}

// Before the opening mark of the piece at token q, in its sentence from
// token s: an introduction with a colon, else the nearest cue verb and its
// subject.
bool ArticleAttributor::MatchBefore(size_t q, size_t s, Attribution* a) {
  if (ColonIntro(q, s, a)) return true;
  for (size_t v = q; v > s; --v) {
    if (CueBefore(v - 1, q, s, a)) return true;
  }
  return false;
}

// "Pollster Jane Roe: “…”" / "From the report: “…”".
bool ArticleAttributor::ColonIntro(size_t q, size_t s, Attribution* a) {
  if (!(q >= 2 && q - 1 > s && toks_[q - 1].IsPunct(':'))) return false;
  NameRun run;
  if (SpeakerRegistry::NameRunEndingAt(text_, toks_, s, q - 2, &run)) {
    *a = Make({run.begin, run.end, Mention::kName}, kNone, kNone, AttributionKind::kBefore);
    return true;
  }
  if (toks_[q - 2].IsWord() && SpeakerLexicon::IsSpeakerNoun(Lw(q - 2))) {
    size_t j = q - 2;
    while (j > s && q - 2 - j < kMaxIntroNoun && toks_[j - 1].IsWord() && !SpeakerLexicon::IsPhraseBreaker(Lw(j - 1))) {
      --j;
    }
    *a = Make({j, q - 1, Mention::kDescription}, kNone, kNone, AttributionKind::kBefore);
    return true;
  }
  return false;
}

// The attribution token i (before the piece at q, in the sentence from s)
// makes: "according to", a possessive speech noun, or a cue verb with its
// subject before it, after it, or the sentence's.
bool ArticleAttributor::CueBefore(size_t i, size_t q, size_t s, Attribution* a) {
  Mention m;
  if (Lw(i) == "according" && Lw(i + 1) == "to" && finder_.After(i + 1, q, &m)) {
    *a = Make(m, i, i + 2, AttributionKind::kBefore);
    return true;
  }
  if (PossessiveSpeechNoun(i, s, a)) return true;
  if (!finder_.IsCue(i, true, true)) return false;
  CueVerb cue = SpeakerLexicon::Cue(Lw(i));
  if (cue.gerund) return GerundSubject(i, s, a);
  if (finder_.Before(i, s, &m)) {
    *a = Make(m, i, i + 1, AttributionKind::kBefore);
    a->cue_adjacent = i + 3 >= q;
    return true;
  }
  if (cue.strength == CueStrength::kStrong && !cue.invertible && finder_.SentenceSubject(s, i, &m)) {
    *a = Make(m, i, i + 1, AttributionKind::kBefore);
    return true;
  }
  if (cue.invertible && finder_.After(i, q, &m) &&
      (m.end == q || toks_[m.end].IsPunct(',') || toks_[m.end].IsPunct(':'))) {
    *a = Make(m, i, i + 1, AttributionKind::kBefore);
    return true;
  }
  if (cue.strength == CueStrength::kStrong && finder_.SentenceSubject(s, i, &m)) {
    *a = Make(m, i, i + 1, AttributionKind::kBefore);
    return true;
  }
  return false;
}

// "Roe's claim that “…”", "his warning: “…”": the possessor of a speech
// noun at token i.
bool ArticleAttributor::PossessiveSpeechNoun(size_t i, size_t s, Attribution* a) {
  if (!(i > s && toks_[i].IsWord() && IsSpeechNoun(Lw(i)) && finder_.IsPossessive(i - 1))) return false;
  NameRun run;
  if (SpeakerRegistry::NameRunEndingAt(text_, toks_, s, i - 1, &run)) {
    *a = Make({run.begin, run.end, Mention::kName}, kNone, kNone, AttributionKind::kBefore);
    return true;
  }
  if (SpeakerLexicon::PronounGender(Lw(i - 1)) != Gender::kUnknown || Lw(i - 1) == "their") {
    *a = Make({i - 1, i, Mention::kPronoun}, kNone, kNone, AttributionKind::kBefore);
    return true;
  }
  return false;
}

// "…, saying “…”": the subject of a gerund cue at token i belongs to the
// clause before: the sentence subject, else the nearest pronoun.
bool ArticleAttributor::GerundSubject(size_t i, size_t s, Attribution* a) {
  Mention m;
  if (finder_.SentenceSubject(s, i, &m)) {
    *a = Make(m, i, i + 1, AttributionKind::kBefore);
    return true;
  }
  for (size_t k = i; k > s; --k) {
    Gender g;
    if (SpeakerLexicon::SpeakerPronoun(Lw(k - 1), &g) && Lw(k - 1) != "it") {
      *a = Make({k - 1, k, Mention::kPronoun}, i, i + 1, AttributionKind::kBefore);
      return true;
    }
  }
  return false;
}

// The attribution of a sentence without quotes ending at token `end` (its
// final punctuation), when it is a speech clause: "Roe told CBS News."
bool ArticleAttributor::PreviousClause(size_t end, Attribution* a) {
  size_t s = end;
  while (s > 0 && !toks_[s - 1].EndsSentence() && !toks_[s - 1].IsQuote()) --s;
  if (s > 0 && toks_[s - 1].IsQuote()) return false;  // the quote's own attribution
  for (size_t v = end; v > s; --v) {
    if (!finder_.IsCue(v - 1, true, false)) continue;
    Mention m;
    bool strong = SpeakerLexicon::Cue(Lw(v - 1)).strength == CueStrength::kStrong;
    // A weak cue ("Roe called him a master at it.") introduces the next
    // quote only when a name is its subject.
    if (finder_.Before(v - 1, s, &m) && (strong || m.kind == Mention::kName)) {
      *a = Make(m, v - 1, v, AttributionKind::kCarried);
      return true;
    }
    return false;
  }
  return false;
}

// A paragraph that only credits the quote above it: "— Jane Roe." or
// "- Jane Roe, Center for Studies."
bool ArticleAttributor::CreditLine(Attribution* a) {
  if (toks_.size() < 2 || toks_.size() > kMaxCreditLine || !(toks_[0].IsDash() || toks_[0].IsPunct('/'))) {
    return false;
  }
  for (const SpeakerToken& t : toks_) {
    if (t.IsQuote()) return false;
  }
  std::vector<NameRun> runs = SpeakerRegistry::FindNameRuns(text_, toks_, 1, toks_.size());
  if (runs.empty() || runs[0].begin != 1) return false;
  *a = Make({runs[0].begin, runs[0].end, Mention::kName}, kNone, kNone, AttributionKind::kAfter);
  return true;
}

// A dash and a name that end the paragraph: "… .” ― Jane Roe".
bool ArticleAttributor::TrailingCredit(Attribution* a) {
  size_t e = toks_.size();
  while (e > 0 && (toks_[e - 1].IsPunct('.') || toks_[e - 1].IsPunct(','))) --e;
  if (e < 3) return false;
  NameRun run;
  if (!SpeakerRegistry::NameRunEndingAt(text_, toks_, 0, e - 1, &run) || run.begin == 0) return false;
  if (!toks_[run.begin - 1].IsDash()) return false;
  *a = Make({run.begin, run.end, Mention::kName}, kNone, kNone, AttributionKind::kAfter);
  return true;
}

// The speaker an introduction ending at token `end` (exclusive) announces:
// "Roe told the crowd:".
bool ArticleAttributor::IntroBefore(size_t end, Attribution* a) {
  if (end == 0) return false;
  size_t s = end - 1;
  while (s > 0 && !toks_[s - 1].EndsSentence() && !toks_[s - 1].IsQuote()) --s;
  if (MatchBefore(end, s, a)) return true;
  Mention m;
  if (finder_.SentenceSubject(s, end, &m)) {
    *a = Make(m, kNone, kNone, AttributionKind::kSubject);
    return true;
  }
  return false;
}

// A transcript turn quoted whole ("PENCE: Well, look, …", "MR. ROE: No."):
// the label of capitals before the colon is the speaker, resolved to the
// person the article names ("Pence" -> Mike Pence).
bool ArticleAttributor::TranscriptLabel(size_t q, Attribution* a) {
  const QuotePiece& piece = pieces_[toks_[q].quote];
  std::string_view words = piece.text.In(text_);
  size_t colon = TranscriptColon(words);
  if (colon == std::string_view::npos) return false;
  std::string_view label = words.substr(0, colon);
  // The last word of the label, in the article's case: "PENCE" -> "Pence".
  size_t last = label.rfind(' ');
  std::string name(label.substr(last == std::string_view::npos ? 0 : last + 1));
  for (size_t i = 1; i < name.size(); ++i) name[i] = AsciiLower(name[i]);
  if (IsPageFurniture(label)) return false;
  *a = Attribution();
  a->kind = AttributionKind::kBefore;
  a->mention = {piece.text.begin, static_cast<uint32_t>(piece.text.begin + colon)};
  a->speaker = registry_.LookupWord(name);
  if (a->speaker.empty()) a->speaker = name;
  a->cue_adjacent = true;
  return true;
}

std::string ArticleAttributor::Canonical(const Mention& m) {
  if (m.kind == Mention::kPronoun) {
    Gender g = Gender::kUnknown;
    std::string lw = Lw(m.begin);
    SpeakerLexicon::SpeakerPronoun(lw, &g);
    if (lw == "i" || lw == "we") return "";
    return registry_.ResolvePronoun(toks_[m.begin].span.begin, g);
  }
  if (m.kind == Mention::kName) {
    NameRun run;
    if (SpeakerRegistry::NameRunEndingAt(text_, toks_, m.begin, m.end - 1, &run)) {
      return registry_.ResolveName(text_, toks_, run);
    }
  }
  std::string name = registry_.ResolveDescription(text_, toks_, m.begin, m.end);
  // "the top US diplomat said", taught by no title: a definite singular
  // description goes back to the latest sentence subject, as "he" would.
  std::string head = Lw(m.end - 1);
  bool plural = head.size() > 3 && head.back() == 's' && !head.ends_with("ss");
  if (name.empty() && Lw(m.begin) == "the" && !plural && SpeakerLexicon::IsSpeakerNoun(head)) {
    name = registry_.ResolvePronoun(toks_[m.begin].span.begin, Gender::kUnknown);
  }
  return name;
}

Attribution ArticleAttributor::Make(const Mention& m, size_t cue_b, size_t cue_e, AttributionKind kind) {
  Attribution a;
  a.kind = kind;
  a.mention = {toks_[m.begin].span.begin, toks_[m.end - 1].span.end};
  if (cue_b != kNone) a.cue = {toks_[cue_b].span.begin, toks_[cue_e - 1].span.end};
  a.speaker = Canonical(m);
  return a;
}

// The index of the best-scoring candidate of a non-empty list (the first
// on a tie).
size_t BestCandidate(const SpeakerModel& model, const std::vector<SpeakerCandidate>& list) {
  size_t best = 0;
  double best_score = model.Score(list[0].features);
  for (size_t i = 1; i < list.size(); ++i) {
    double s = model.Score(list[i].features);
    if (s > best_score) {
      best = i;
      best_score = s;
    }
  }
  return best;
}

void ArticleAttributor::Rank(const SpeakerModel* model, std::unordered_map<uint64_t, std::string>* names,
                             std::vector<Attribution>* out, std::vector<std::vector<SpeakerCandidate>>* candidates) {
  SpeakerCandidates finder(text_, tokens_, pieces_, registry_);
  if (names != nullptr) finder.RecordNames(names);
  if (candidates != nullptr) candidates->assign(pieces_.size(), {});
  std::string previous;  // the rules' speaker of the piece before
  for (size_t p = 0; p < tokens_.size(); ++p) {
    for (size_t q = 0; q < tokens_[p].size(); ++q) {
      const SpeakerToken& t = tokens_[p][q];
      if (!t.IsQuote()) continue;
      Attribution& a = (*out)[t.quote];
      RuleChoice rule{a.mention, static_cast<int>(a.kind), a.cue_adjacent, previous};
      previous = a.speaker;
      std::vector<SpeakerCandidate> list = finder.For(p, q, rule);
      if (model != nullptr && !list.empty()) {
        size_t best = BestCandidate(*model, list);
        if (!list[best].rule) a = FromCandidate(list[best], a);
      }
      if (candidates != nullptr) (*candidates)[t.quote] = std::move(list);
    }
  }
}

Attribution ArticleAttributor::FromCandidate(const SpeakerCandidate& c, const Attribution& rule) {
  toks_.swap(tokens_[c.paragraph]);
  Mention m{c.begin, c.end, Mention::kDescription};
  if (c.kind == MentionKind::kName) m.kind = Mention::kName;
  if (c.kind == MentionKind::kPronoun) m.kind = Mention::kPronoun;
  AttributionKind kind = !c.same_sentence ? AttributionKind::kCarried
                         : c.after        ? AttributionKind::kAfter
                                          : AttributionKind::kBefore;
  Attribution a = c.cue >= 0 ? Make(m, c.cue, c.cue + 1, kind) : Make(m, kNone, kNone, kind);
  if (c.kind == MentionKind::kRelative) a.speaker = c.canonical;
  toks_.swap(tokens_[c.paragraph]);
  a.cue_adjacent = rule.cue_adjacent;
  a.split_continuation = rule.split_continuation;
  return a;
}

}  // namespace

std::vector<Attribution> SpeakerResolver::Resolve(std::string_view text, const std::vector<QuotePiece>& pieces,
                                                  std::vector<std::vector<SpeakerCandidate>>* candidates) {
  ArticleAttributor article(text, pieces);
  std::vector<Attribution> out = article.ApplyRules();
  if (model_ != nullptr || candidates != nullptr) article.Rank(model_, names_, &out, candidates);
  return out;
}

}  // namespace storyfuse
