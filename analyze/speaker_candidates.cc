#include "analyze/speaker_candidates.h"

#include <algorithm>

#include "analyze/speaker_lexicon.h"
#include "analyze/speaker_model.h"
#include "analyze/title_lexicon.h"
#include "text/ascii_chars.h"
#include "text/country_names.h"

namespace storyfuse {
namespace {

using Toks = std::vector<SpeakerToken>;

constexpr size_t kMaxDescriptionWords = 6;  // "the former top U.S. trade official"
constexpr size_t kMaxAppositive = 30;       // tokens of "X, a spokesman for …, said"
constexpr size_t kMaxParenthetical = 12;    // tokens of "(D-Ore.)"
constexpr size_t kMaxModifiers = 3;         // "X also later said"
// Candidates a quote considers on each side of it in its paragraph, and at
// the end of the paragraph before and the start of the one after. The
// ranker tells only the nearest, second and any further mention of a scope
// apart (r1, r2, r3), and a speaker further away than this is no speaker a
// reader would find. The cap keeps a paragraph of n quotes among n names
// linear: without it every quote ranked every name against every other.
constexpr size_t kMaxMentionsEachWay = 8;

bool EndsPossessive(std::string_view w) {
  return w.ends_with("'s") || w.ends_with("\xE2\x80\x99s") || w.ends_with("s'") || w.ends_with("s\xE2\x80\x99");
}

// All letters upper case, two or more ("WASHINGTON", "CLOSE").
bool AllCaps(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

// The last character of a piece's words past closing marks and blanks.
char LastChar(std::string_view text, const QuotePiece& piece) {
  std::string_view inner = piece.text.In(text);
  size_t e = inner.size();
  while (e > 0 && (static_cast<unsigned char>(inner[e - 1]) >= 0x80 || inner[e - 1] == '"' || inner[e - 1] == '\'' ||
                   inner[e - 1] == ' ' || inner[e - 1] == '\t')) {
    --e;
  }
  return e == 0 ? 0 : inner[e - 1];
}

// Distance buckets: adjacent, near, the same clause, the same sentence, far.
const char* DistanceBucket(size_t tokens) {
  if (tokens <= 1) return "d0";
  if (tokens <= 4) return "d1";
  if (tokens <= 10) return "d2";
  if (tokens <= 20) return "d3";
  return "d4";
}

const char* RuleKindName(int kind) {
  static const char* const kNames[] = {"none", "after", "before", "carried", "subject"};
  return kind >= 0 && kind < 5 ? kNames[kind] : "other";
}

const char* KindName(MentionKind k) {
  switch (k) {
    case MentionKind::kName:
      return "name";
    case MentionKind::kPronoun:
      return "pron";
    case MentionKind::kDescription:
      return "desc";
    case MentionKind::kRelative:
      return "rel";
  }
  return "?";
}

}  // namespace

SpeakerCandidates::SpeakerCandidates(std::string_view text, const std::vector<std::vector<SpeakerToken>>& paragraphs,
                                     const std::vector<QuotePiece>& pieces, const SpeakerRegistry& registry)
    : text_(text), paragraphs_(paragraphs), pieces_(pieces), registry_(registry), inventory_(paragraphs.size()) {
  // Words capitalized after another word (not at a sentence start): names
  // are, sentence words ("Typically", "Amid") are not.
  for (const Toks& t : paragraphs) {
    for (size_t i = 1; i < t.size(); ++i) {
      if (t[i].IsWord() && t[i].cap && (t[i - 1].IsWord() || t[i - 1].IsPunct(','))) {
        capitalized_mid_.insert(t[i].span.In(text));
      }
    }
  }
}

std::string SpeakerCandidates::Lw(size_t p, size_t i) const {
  const Toks& t = paragraphs_[p];
  if (i >= t.size() || !t[i].IsWord()) return "";
  return AsciiLower(t[i].span.In(text_));
}

// A reporting verb used as a verb: not a noun after a determiner or a
// possessive ("a heart attack", "Roe's call"), nor "state" before a title.
bool SpeakerCandidates::IsCue(size_t p, size_t i) const {
  const Toks& t = paragraphs_[p];
  if (i >= t.size() || !t[i].IsWord() || t[i].cap) return false;
  std::string w = Lw(p, i);
  if (SpeakerLexicon::Cue(w).strength == CueStrength::kNone) return false;
  if (i > 0 && t[i - 1].IsWord()) {
    std::string prev = Lw(p, i - 1);
    if (SpeakerLexicon::IsDeterminer(prev) || prev == "of" || prev == "for" || prev == "in" || prev == "with" ||
        EndsPossessive(prev)) {
      return false;
    }
  }
  if (w == "state" && i + 1 < t.size() && t[i + 1].IsWord() && t[i + 1].cap) return false;
  if (w.starts_with("put") && Lw(p, i + 1) != "it") return false;
  return true;
}

// The cue verb after a mention ending at token `end`: past a
// parenthetical, one appositive and verb modifiers ("Roe (D-Ore.), a
// member, also said"); -1 when none.
int SpeakerCandidates::CueAfter(size_t p, size_t end, bool* appositive) const {
  const Toks& t = paragraphs_[p];
  size_t j = end;
  *appositive = false;
  if (j < t.size() && t[j].IsPunct('(')) {
    size_t k = j + 1;
    while (k < t.size() && k - j < kMaxParenthetical && !t[k].IsPunct(')')) ++k;
    if (k < t.size() && t[k].IsPunct(')')) j = k + 1;
  }
  if (j < t.size() && t[j].IsPunct(',')) {
    size_t k = j + 1;
    while (k < t.size() && k - j < kMaxAppositive && !t[k].IsPunct(',') && !t[k].IsQuote() && !t[k].EndsSentence()) ++k;
    if (k < t.size() && t[k].IsPunct(',') && k > j + 1) {
      j = k + 1;
      *appositive = true;
    }
  }
  for (size_t m = 0; m < kMaxModifiers && j < t.size() && t[j].IsWord() && SpeakerLexicon::IsVerbModifier(Lw(p, j));
       ++m) {
    ++j;
  }
  return IsCue(p, j) ? static_cast<int>(j) : -1;
}

void SpeakerCandidates::AddNames(size_t p, Paragraph* para) {
  const Toks& t = paragraphs_[p];
  for (const NameRun& run : SpeakerRegistry::FindNameRuns(text_, t, 0, t.size())) {
    Mention m;
    m.begin = static_cast<uint32_t>(run.begin);
    m.end = static_cast<uint32_t>(run.end);
    m.kind = MentionKind::kName;
    m.canonical = registry_.LookupName(text_, t, run);
    std::string k = "k=name";
    k += run.end - run.name >= 2 ? "2" : "1";
    if (run.name > run.begin) k += "t";
    m.own.push_back(k);
    bool mid = false;  // a word of it is capitalized inside a sentence somewhere
    for (size_t i = run.name; i < run.end; ++i) mid = mid || capitalized_mid_.count(t[i].span.In(text_)) > 0;
    m.own.push_back(mid ? "capmid" : "nocapmid");
    if (run.end - run.begin == 1) {
      std::string w = Lw(p, run.begin);
      bool start = run.begin == 0 || para->sentence[run.begin] != para->sentence[run.begin - 1];
      if (!registry_.IsNameLike(text_, t, run, start)) m.own.push_back("common");
      // "Typically, …", "Acknowledging …", "Amid …": a capitalized sentence
      // word rather than a name.
      if (w.size() > 4 && (w.ends_with("ing") || w.ends_with("ly"))) m.own.push_back("shape:" + w.substr(w.size() - 2));
      if (run.end < t.size() && t[run.end].IsPunct(',')) m.own.push_back("comma1");
      const CountryNames& countries = CountryNames::Get();
      if (!countries.Country(w).empty() || !countries.CountryOfDemonym(w).empty()) m.own.push_back("country");
    }
    para->mentions.push_back(std::move(m));
  }
}

void SpeakerCandidates::AddPronouns(size_t p, Paragraph* para) {
  const Toks& t = paragraphs_[p];
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t[i].IsWord()) continue;
    std::string w = Lw(p, i);
    Gender g = Gender::kUnknown;
    bool relative = w == "who" || w == "which" || w == "that";
    if (!relative && !SpeakerLexicon::SpeakerPronoun(w, &g)) continue;
    Mention m;
    m.begin = static_cast<uint32_t>(i);
    m.end = static_cast<uint32_t>(i + 1);
    if (relative) {
      // Only before its cue: "Roe, who said …", "the report, which found".
      bool app = false;
      if (CueAfter(p, i + 1, &app) < 0 || app) continue;
      m.kind = MentionKind::kRelative;
      size_t e = i > 0 && t[i - 1].IsPunct(',') ? i - 1 : i;
      NameRun run;
      if (e > 0 && SpeakerRegistry::NameRunEndingAt(text_, t, 0, e - 1, &run)) {
        m.canonical = registry_.LookupName(text_, t, run);
      }
    } else {
      m.kind = MentionKind::kPronoun;
      if (w != "i" && w != "we") m.canonical = registry_.ResolvePronoun(t[i].span.begin, g);
    }
    m.own.push_back("k=" + std::string(KindName(m.kind)) + ":" + w);
    para->mentions.push_back(std::move(m));
  }
}

// The end of a description ending at token `end` with the phrase that
// names whose it is: "a spokesman| for the harbor board|", "an aide| to
// Ada Brill|". Up to kMaxOfPhrase words, stopping at punctuation, a
// quote, a cue or another phrase breaker.
size_t SpeakerCandidates::ExtendOverOf(size_t p, size_t end) const {
  constexpr size_t kMaxOfPhrase = 5;
  const Toks& t = paragraphs_[p];
  std::string w = Lw(p, end);
  if (!(w == "of" || w == "for" || w == "to" || w == "at" || w == "with" || w == "from")) return end;
  size_t j = end + 1;
  while (j < t.size() && j - end <= kMaxOfPhrase && t[j].IsWord() && !IsCue(p, j) &&
         (t[j].cap || SpeakerLexicon::IsDeterminer(Lw(p, j)) || !SpeakerLexicon::IsPhraseBreaker(Lw(p, j)))) {
    ++j;
  }
  return j > end + 1 ? j : end;
}

// Determiner phrases headed by a speaker noun or a title ("a spokesman",
// "the U.S. secretary of state", "the campaign"), and the bare noun subject
// of a cue ("Officials said").
void SpeakerCandidates::AddDescriptions(size_t p, Paragraph* para) {
  const Toks& t = paragraphs_[p];
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t[i].IsWord() || !SpeakerLexicon::IsDeterminer(Lw(p, i))) continue;
    size_t head = t.size();
    for (size_t j = i + 1; j < t.size() && j - i <= kMaxDescriptionWords; ++j) {
      if (!t[j].IsWord()) {
        if (j + 1 < t.size() && (t[j].IsPunct('-') || t[j].IsPunct('/')) && t[j + 1].IsWord()) continue;
        break;
      }
      std::string w = Lw(p, j);
      if (!t[j].cap && (SpeakerLexicon::IsPhraseBreaker(w) || IsCue(p, j))) {
        // "the secretary of state": a title takes "of <word>".
        if (w == "of" && j > i + 1 && TitleLexicon::IsTitleWord(Lw(p, j - 1)) && j + 1 < t.size() &&
            t[j + 1].IsWord()) {
          head = j + 1;
          ++j;
          continue;
        }
        break;
      }
      if (!t[j].cap && (SpeakerLexicon::IsSpeakerNoun(w) || TitleLexicon::IsTitleWord(w))) head = j;
    }
    if (head == t.size()) continue;
    Mention m;
    m.begin = static_cast<uint32_t>(i);
    m.end = static_cast<uint32_t>(ExtendOverOf(p, head + 1));
    m.kind = MentionKind::kDescription;
    m.canonical = registry_.ResolveDescription(text_, t, i, head + 1);
    m.own.push_back("k=desc");
    m.own.push_back("head:" + Lw(p, head));
    para->mentions.push_back(std::move(m));
  }
  // "Officials said", "Republican leaders warned": a plural noun right
  // before a cue.
  for (size_t v = 1; v < t.size(); ++v) {
    if (!IsCue(p, v)) continue;
    size_t h = v - 1;
    while (h > 0 && t[h].IsWord() && !t[h].cap && SpeakerLexicon::IsVerbModifier(Lw(p, h))) --h;
    std::string w = Lw(p, h);
    bool plural = w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us");
    if (!t[h].IsWord() || t[h].cap || !(plural || SpeakerLexicon::IsSpeakerNoun(w))) continue;
    if (SpeakerLexicon::IsPhraseBreaker(w) || SpeakerLexicon::Cue(w).strength != CueStrength::kNone) continue;
    size_t b = h;
    while (b > 0 && h - b < 2 && t[b - 1].IsWord() && !SpeakerLexicon::IsPhraseBreaker(Lw(p, b - 1)) &&
           !SpeakerLexicon::IsDeterminer(Lw(p, b - 1))) {
      --b;
    }
    bool known = false;
    for (const Mention& m : para->mentions) known = known || (m.end == h + 1 && m.begin <= b);
    if (known) continue;
    Mention m;
    m.begin = static_cast<uint32_t>(b);
    m.end = static_cast<uint32_t>(h + 1);
    m.kind = MentionKind::kDescription;
    m.own.push_back("k=desc");
    m.own.push_back("head:" + w);
    para->mentions.push_back(std::move(m));
  }
}

// The features of a mention alone: how it stands in its sentence.
void SpeakerCandidates::Describe(size_t p, Mention* m) const {
  const Toks& t = paragraphs_[p];
  const Paragraph& para = inventory_[p];
  m->sentence = para.sentence[m->begin];
  size_t s = m->begin;
  while (s > 0 && para.sentence[s - 1] == m->sentence) --s;
  size_t e = m->end;
  while (e < t.size() && para.sentence[e] == m->sentence) ++e;
  size_t subject = SpeakerRegistry::SubjectPosition(text_, t, s, e);
  if (m->begin == subject || (m->begin + 1 == subject && SpeakerLexicon::IsDeterminer(Lw(p, m->begin)))) {
    m->own.push_back("subj");
  }
  if (m->begin == s) m->own.push_back("sstart");
  bool appositive = false;
  if (m->kind != MentionKind::kRelative || m->cue < 0) m->cue = CueAfter(p, m->end, &appositive);
  if (m->cue >= 0) {
    m->own.push_back(appositive ? "cue>app" : "cue>");
    m->own.push_back("cue>:" + Lw(p, m->cue));
  }
  if (m->begin > 0) {
    const SpeakerToken& before = t[m->begin - 1];
    std::string b = Lw(p, m->begin - 1);
    if (IsCue(p, m->begin - 1)) {
      m->own.push_back("<cue");
      m->own.push_back("<cue:" + b);
      if (m->cue < 0) m->cue = static_cast<int>(m->begin - 1);
    } else if (b == "to" && Lw(p, m->begin - 2) == "according") {
      m->own.push_back("accto");
      if (m->cue < 0) m->cue = static_cast<int>(m->begin - 2);
    } else if (!before.cap && SpeakerLexicon::IsPreposition(b)) {
      m->own.push_back("prep");
    } else if (before.IsDash()) {
      m->own.push_back("dash");
    } else if (before.IsQuote()) {
      m->own.push_back("afterq");
    } else if (before.IsPunct('(')) {
      m->own.push_back("inparen");
    }
  }
  if (m->end < t.size()) {
    if (t[m->end].IsPunct(':')) m->own.push_back("colon");
    if (t[m->end].IsQuote()) m->own.push_back("beforeq");
  } else {
    m->own.push_back("pend");
  }
  if (EndsPossessive(t[m->end - 1].span.In(text_))) m->own.push_back("poss");
  if (AllCaps(t[m->begin].span.In(text_)) && m->kind == MentionKind::kName) m->own.push_back("caps");
  if (p == 0) m->own.push_back("p0");
  m->own.push_back(m->canonical.empty() ? "unknown" : "known");
}

const SpeakerCandidates::Paragraph& SpeakerCandidates::Inventory(size_t p) {
  Paragraph& para = inventory_[p];
  if (para.built) return para;
  para.built = true;
  const Toks& t = paragraphs_[p];
  para.sentence.resize(t.size());
  uint32_t s = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    para.sentence[i] = s;
    if (t[i].EndsSentence()) ++s;
    para.has_quotes = para.has_quotes || t[i].IsQuote();
  }
  AddNames(p, &para);
  AddPronouns(p, &para);
  AddDescriptions(p, &para);
  std::sort(para.mentions.begin(), para.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
  para.mentions.erase(
      std::unique(para.mentions.begin(), para.mentions.end(),
                  [](const Mention& a, const Mention& b) { return a.begin == b.begin && a.end == b.end; }),
      para.mentions.end());
  for (Mention& m : para.mentions) Describe(p, &m);
  return para;
}

// The paragraph and tokens of the rules' mention, when it lies in no
// inventory (a description the inventory does not list).
bool SpeakerCandidates::FindRuleMention(Span mention, size_t* p, Mention* m) {
  for (size_t i = 0; i < paragraphs_.size(); ++i) {
    const Toks& t = paragraphs_[i];
    if (t.empty() || t.back().span.end < mention.begin || t.front().span.begin > mention.begin) continue;
    size_t b = 0;
    while (b < t.size() && t[b].span.begin < mention.begin) ++b;
    size_t e = b;
    while (e < t.size() && t[e].span.end <= mention.end) ++e;
    if (e == b) return false;
    *p = i;
    Inventory(i);
    m->begin = static_cast<uint32_t>(b);
    m->end = static_cast<uint32_t>(e);
    m->kind = t[b].cap ? MentionKind::kName : MentionKind::kDescription;
    m->own.push_back("k=other");
    Describe(i, m);
    return true;
  }
  return false;
}

void SpeakerCandidates::Emit(std::vector<uint64_t>* out, std::string_view a, std::string_view b, std::string_view c) {
  SpeakerFeatureKey key;
  key.Add(a);
  if (!b.empty()) key.Add("&").Add(b);
  if (!c.empty()) key.Add("&").Add(c);
  uint64_t id = key.value();
  out->push_back(id);
  if (names_ != nullptr && !names_->count(id)) {
    std::string name(a);
    if (!b.empty()) name += "&" + std::string(b);
    if (!c.empty()) name += "&" + std::string(c);
    (*names_)[id] = std::move(name);
  }
}

// A candidate mention placed relative to the piece.
struct SpeakerCandidates::Placed {
  size_t paragraph;
  const Mention* mention;
  Mention owned;      // the rules' mention when no inventory holds it
  std::string where;  // scope and direction: "sb", "pa", "qb", "na", "fb"
  size_t distance;
  int rank = 0;
  bool label = false;  // a transcript label inside the piece

  const Mention& Get() const { return mention != nullptr ? *mention : owned; }
};

std::vector<SpeakerCandidate> SpeakerCandidates::For(size_t p, size_t q, const RuleChoice& rule) {
  std::vector<Placed> placed = Place(p, q);
  AddRuleMention(p, q, rule, &placed);
  RankByScope(&placed);
  std::vector<const char*> shape = PieceShape(p, q);
  bool prev_has_quotes = p > 0 && Inventory(p - 1).has_quotes;
  std::vector<SpeakerCandidate> out;
  out.reserve(placed.size());
  for (const Placed& c : placed) out.push_back(Candidate(c, p, q, rule, shape, prev_has_quotes));
  return out;
}

// The mentions around the piece at token q of paragraph p: the nearest of
// its own paragraph on either side, the end of the paragraph before and the
// first sentence of the one after.
std::vector<SpeakerCandidates::Placed> SpeakerCandidates::Place(size_t p, size_t q) {
  std::vector<Placed> placed;
  const Paragraph& here = Inventory(p);
  uint32_t sq = here.sentence[q];
  // Mentions are sorted by start: the nearest ones before and after q sit
  // on either side of the first mention starting after it.
  auto first_after =
      std::partition_point(here.mentions.begin(), here.mentions.end(), [q](const Mention& m) { return m.begin <= q; });
  size_t split = static_cast<size_t>(first_after - here.mentions.begin());
  size_t lo = split > kMaxMentionsEachWay ? split - kMaxMentionsEachWay : 0;
  size_t hi = std::min(here.mentions.size(), split + kMaxMentionsEachWay);
  for (size_t i = lo; i < hi; ++i) {
    const Mention& m = here.mentions[i];
    bool after = m.begin > q;
    std::string where = here.sentence[m.begin] == sq ? "s" : "p";
    where += after ? "a" : "b";
    placed.push_back({p, &m, {}, where, after ? m.begin - q - 1 : q - m.end});
  }
  if (p > 0) {
    const Paragraph& prev = Inventory(p - 1);
    size_t n = paragraphs_[p - 1].size();
    size_t from = prev.mentions.size() > kMaxMentionsEachWay ? prev.mentions.size() - kMaxMentionsEachWay : 0;
    for (size_t i = from; i < prev.mentions.size(); ++i) {
      placed.push_back({p - 1, &prev.mentions[i], {}, "qb", n - prev.mentions[i].end});
    }
  }
  if (p + 1 < paragraphs_.size()) {
    const Paragraph& next = Inventory(p + 1);
    size_t taken = 0;
    for (size_t i = 0; i < next.mentions.size() && taken < kMaxMentionsEachWay; ++i) {
      if (next.mentions[i].sentence != 0) break;  // sorted: sentence 0 comes first
      placed.push_back({p + 1, &next.mentions[i], {}, "na", next.mentions[i].begin});
      ++taken;
    }
  }
  return placed;
}

bool SpeakerCandidates::OverlapsRule(const Placed& c, const RuleChoice& rule) const {
  const Toks& t = paragraphs_[c.paragraph];
  const Mention& m = c.Get();
  Span s{t[m.begin].span.begin, t[m.end - 1].span.end};
  return !rule.mention.empty() && s.begin < rule.mention.end && rule.mention.begin < s.end;
}

// The rules' mention when none of the placed ones is it: a transcript
// label inside the piece ("PENCE: …"), or a mention further away.
void SpeakerCandidates::AddRuleMention(size_t p, size_t q, const RuleChoice& rule, std::vector<Placed>* placed) {
  if (rule.mention.empty()) return;
  for (const Placed& c : *placed) {
    if (OverlapsRule(c, rule)) return;
  }
  const QuotePiece& own_piece = pieces_[paragraphs_[p][q].quote];
  if (rule.mention.begin >= own_piece.text.begin && rule.mention.end <= own_piece.text.end) {
    Placed c{p, nullptr, {}, "in", 0};
    c.owned.begin = static_cast<uint32_t>(q);
    c.owned.end = static_cast<uint32_t>(q + 1);
    c.owned.kind = MentionKind::kName;
    c.owned.own.push_back("k=label");
    c.label = true;
    placed->push_back(std::move(c));
    return;
  }
  Placed c{0, nullptr, {}, "fb", 0};
  if (FindRuleMention(rule.mention, &c.paragraph, &c.owned)) {
    c.where = c.paragraph > p || (c.paragraph == p && c.owned.begin > q) ? "fa" : "fb";
    placed->push_back(std::move(c));
  }
}

// Rank by distance within each scope and direction.
void SpeakerCandidates::RankByScope(std::vector<Placed>* placed) {
  for (Placed& c : *placed) {
    int closer = 0;
    for (const Placed& o : *placed) closer += o.where == c.where && o.distance < c.distance;
    c.rank = closer;
  }
}

// The piece's shape: opening its paragraph, continuing a quote, ending
// with a comma or a sentence end, embedded in a sentence, after a colon,
// last in its paragraph.
std::vector<const char*> SpeakerCandidates::PieceShape(size_t p, size_t q) const {
  const QuotePiece& piece = pieces_[paragraphs_[p][q].quote];
  const Toks& qt = paragraphs_[p];
  char last = LastChar(text_, piece);
  std::vector<const char*> shape;
  if (q == 0) shape.push_back("qopen");
  if (piece.continues) shape.push_back("qcont");
  if (last == ',') shape.push_back("qcomma");
  if (last == '.' || last == '!' || last == '?') shape.push_back("qend");
  if (q > 0 && qt[q - 1].IsWord()) shape.push_back("qembed");
  if (q > 0 && qt[q - 1].IsPunct(':')) shape.push_back("qcolon");
  if (q + 1 == qt.size()) shape.push_back("qlast");
  return shape;
}

SpeakerCandidate SpeakerCandidates::Candidate(const Placed& c, size_t p, size_t q, const RuleChoice& rule,
                                              const std::vector<const char*>& shape, bool prev_has_quotes) {
  const Mention& m = c.Get();
  const Toks& t = paragraphs_[c.paragraph];
  SpeakerCandidate sc;
  sc.paragraph = static_cast<uint32_t>(c.paragraph);
  sc.begin = m.begin;
  sc.end = m.end;
  sc.cue = m.cue;
  sc.kind = m.kind;
  sc.mention = c.label ? rule.mention : Span{t[m.begin].span.begin, t[m.end - 1].span.end};
  sc.rule = c.label || OverlapsRule(c, rule);
  sc.same_sentence = c.where[0] == 's';
  sc.after = c.where[1] == 'a';
  sc.canonical = m.canonical;
  std::vector<uint64_t>& f = sc.features;
  const char* rank = c.rank == 0 ? "r1" : c.rank == 1 ? "r2" : "r3";
  Emit(&f, "c", c.where);
  Emit(&f, "c", c.where, DistanceBucket(c.distance));
  Emit(&f, "c", c.where, rank);
  Emit(&f, "kc", KindName(m.kind), c.where);
  for (const std::string& o : m.own) {
    Emit(&f, o);
    Emit(&f, o, c.where);
  }
  if (sc.rule) {
    Emit(&f, "rule");
    Emit(&f, "rule", RuleKindName(rule.kind));
    Emit(&f, "rule", c.where);
    if (rule.cue_adjacent) Emit(&f, "rule", "adj");
  }
  if (c.paragraph == p) {
    EmitNearPiece(c, p, q, &f);
  } else if (c.paragraph + 1 == p) {
    Emit(&f, prev_has_quotes ? "prevquotes" : "prevplain", KindName(m.kind));
  }
  if (!m.canonical.empty() && m.canonical == rule.previous_speaker) {
    Emit(&f, "prev");
    Emit(&f, "prev", c.where);
  }
  for (const char* s : shape) {
    Emit(&f, s, c.where);
    Emit(&f, s, c.where, KindName(m.kind));
  }
  return sc;
}

// Features of a mention in the piece's own paragraph.
void SpeakerCandidates::EmitNearPiece(const Placed& c, size_t p, size_t q, std::vector<uint64_t>* f) {
  const Mention& m = c.Get();
  const Toks& qt = paragraphs_[p];
  // Another quoted piece between the mention and this one: the mention
  // most likely speaks that piece.
  size_t lo = std::min<size_t>(q, m.end), hi = std::max<size_t>(q, m.begin);
  bool between = false;
  for (size_t i = lo; i < hi && !between; ++i) between = i != q && qt[i].IsQuote();
  if (between) Emit(f, "qbetween", c.where);
  // Its cue is the cue nearest the piece in the piece's sentence.
  const Paragraph& here = Inventory(p);
  if (m.cue >= 0 && here.sentence[m.cue] == here.sentence[q]) {
    bool nearest = true;
    size_t cue = static_cast<size_t>(m.cue);
    for (size_t i = std::min(cue, q) + 1; i < std::max(cue, q) && nearest; ++i) nearest = !IsCue(p, i);
    if (nearest) Emit(f, "nearcue", c.where);
  }
}

}  // namespace storyfuse
