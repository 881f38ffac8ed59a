#include "analyze/speaker_resolver.h"

#include <algorithm>
#include <cctype>

#include "analyze/speaker_lexicon.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

bool IsSentenceEnd(const SpeakerToken& t) { return t.IsPunct('.') || t.IsPunct('!') || t.IsPunct('?'); }

bool IsDash(const SpeakerToken& t) {
  return t.IsPunct(0x2014) || t.IsPunct(0x2013) || t.IsPunct(0x2015) || t.IsPunct('-');
}

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

}  // namespace

struct SpeakerResolver::Paragraph {};

std::string SpeakerResolver::Lw(size_t i) const {
  if (i >= toks_.size() || !toks_[i].IsWord()) return "";
  return AsciiLower(toks_[i].span.In(text_));
}

bool SpeakerResolver::IsCue(size_t i, bool allow_weak, bool allow_gerund) const {
  if (i >= toks_.size() || !toks_[i].IsWord() || toks_[i].cap) return false;
  CueVerb c = SpeakerLexicon::Cue(Lw(i));
  if (c.strength == CueStrength::kNone) return false;
  // A noun, not a verb: "a heart attack", "Clinton's call", "the report".
  if (i > 0 && toks_[i - 1].IsWord()) {
    std::string prev = Lw(i - 1);
    if (prev == "of" || prev == "for" || prev == "in" || prev == "with" || prev == "a" || prev == "an" ||
        prev == "the" || prev == "his" || prev == "her" || prev == "its" || prev == "their" || prev == "our" ||
        prev == "this" || prev == "my" || prev == "your" || prev.ends_with("'s") || prev.ends_with("\xE2\x80\x99s")) {
      return false;
    }
  }
  if (c.strength == CueStrength::kWeak && !allow_weak) return false;
  // "state Sen. Jane Roe": the noun before a title, not the verb.
  if (Lw(i) == "state" && i + 1 < toks_.size() && toks_[i + 1].IsWord() && toks_[i + 1].cap) return false;
  // "put" speaks only in "as she put it", not in "what Russia had put forward".
  if (Lw(i).starts_with("put") && Lw(i + 1) != "it") return false;
  return allow_gerund || !c.gerund;
}

// Subject of the verb at `verb`, scanning back to `lo`: a pronoun, a name
// (possibly with an appositive between it and the verb) or a descriptive
// phrase opened by a determiner.
bool SpeakerResolver::MentionBefore(size_t verb, size_t lo, Mention* m) const {
  size_t i = verb;
  while (i > lo && toks_[i - 1].IsWord() && !toks_[i - 1].cap && SpeakerLexicon::IsVerbModifier(Lw(i - 1))) --i;
  while (i > lo && toks_[i - 1].IsWord() && toks_[i - 1].cap && SpeakerLexicon::IsVerbModifier(Lw(i - 1)) &&
         Lw(i - 1) != "may") {
    --i;  // "Trump Thursday said"
  }
  if (i <= lo) return false;
  // "Rep. Jane Roe (D-Ore.) said" / "Roe (D-Ore.), said".
  if (i - 1 > lo && toks_[i - 1].IsPunct(',') && toks_[i - 2].IsPunct(')')) --i;
  if (toks_[i - 1].IsPunct(')')) {
    size_t j = i - 1;
    while (j > lo && i - j < 12 && !toks_[j].IsPunct('(')) --j;
    if (toks_[j].IsPunct('(') && j > lo) i = j;
  }
  size_t t = i - 1;
  const SpeakerToken& tok = toks_[t];
  if (tok.IsPunct(',')) {
    // Appositive: "Jane Roe, a spokeswoman for the group, said"; up to
    // three of them ("Roe, the attorney general, one of the plaintiffs,").
    size_t j = t;
    for (int segment = 0; segment < 3; ++segment) {
      size_t end = j;
      while (j > lo && j + 40 > t) {
        --j;
        if (toks_[j].IsQuote() || IsSentenceEnd(toks_[j])) return false;
        if (toks_[j].IsPunct(',')) break;
      }
      if (!toks_[j].IsPunct(',') || j == lo) return false;
      NameRun run;
      // "Rep. Jane Roe (D-Ore.), a member, said": past the parenthetical.
      size_t name_end = j;
      if (toks_[j - 1].IsPunct(')')) {
        size_t o = j - 1;
        while (o > lo && j - o < 12 && !toks_[o].IsPunct('(')) --o;
        if (toks_[o].IsPunct('(') && o > lo) name_end = o;
      }
      if (SpeakerRegistry::NameRunEndingAt(text_, toks_, lo, name_end - 1, &run) && !AfterPreposition(run.begin)) {
        *m = {run.begin, run.end, Mention::kName};
        return true;
      }
      // "His wife, Jane Roe, said" / "His niece, state Sen. Jane Roe, said":
      // the name is the appositive itself.
      if (segment == 0 && end > j + 1 && SpeakerRegistry::NameRunEndingAt(text_, toks_, j + 1, end - 1, &run) &&
          (run.begin == j + 1 || (run.name > run.begin && run.begin <= j + 3 && LowerWordsBetween(j + 1, run.begin)))) {
        *m = {run.begin, run.end, Mention::kName};
        return true;
      }
    }
    return false;
  }
  if (!tok.IsWord()) return false;
  Gender g;
  std::string lw = Lw(t);
  if (lw == "and" && t > lo) return CoordinatedSubject(t, lo, m);
  if (lw == "which" && t > lo) {
    size_t e = toks_[t - 1].IsPunct(',') ? t - 1 : t;
    NameRun run;
    if (e > lo && SpeakerRegistry::NameRunEndingAt(text_, toks_, lo, e - 1, &run)) {
      *m = {run.begin, run.end, Mention::kName};
      return true;
    }
    return false;
  }
  if (SpeakerLexicon::SpeakerPronoun(lw, &g)) {
    *m = {t, t + 1, Mention::kPronoun};
    return true;
  }
  NameRun run;
  if (tok.cap && SpeakerRegistry::NameRunEndingAt(text_, toks_, lo, t, &run)) {
    if (AfterPreposition(run.begin) || !registry_.IsNameLike(text_, toks_, run, StartsSentence(run.begin))) {
      return false;
    }
    *m = {run.begin, run.end, Mention::kName};
    return true;
  }
  // "Jane Roe, who served as chief of staff in the Clinton years, told":
  // the name before a relative clause that runs up to the verb.
  for (size_t j = t; j > lo + 1 && t - j < 25; --j) {
    if (toks_[j].IsQuote() || IsSentenceEnd(toks_[j])) break;
    if (Lw(j) != "who" || !toks_[j - 1].IsPunct(',')) continue;
    NameRun rel;
    if (j >= lo + 2 && SpeakerRegistry::NameRunEndingAt(text_, toks_, lo, j - 2, &rel) &&
        !AfterPreposition(rel.begin)) {
      *m = {rel.begin, rel.end, Mention::kName};
      return true;
    }
    break;
  }
  if (SpeakerLexicon::IsPhraseBreaker(lw) || SpeakerLexicon::IsDeterminer(lw)) return false;
  // Descriptive phrase: back to a determiner or a possessive.
  size_t j = t;
  bool opened = false;
  while (j > lo && t - j < 8) {
    const SpeakerToken& p = toks_[j - 1];
    if (!p.IsWord()) break;
    std::string pw = Lw(j - 1);
    if (SpeakerLexicon::IsDeterminer(pw)) {
      --j;
      opened = true;
      break;
    }
    // Capitalized words are modifiers here ("the top US diplomat").
    if (!p.cap && (SpeakerLexicon::IsPhraseBreaker(pw) || SpeakerLexicon::Cue(pw).strength != CueStrength::kNone)) {
      break;
    }
    --j;
    std::string_view w = p.span.In(text_);
    if (p.cap && (w.ends_with("'s") || w.ends_with("\xE2\x80\x99s"))) {
      opened = true;
      break;
    }
  }
  if (!opened && t - j > 2) j = t - 1;
  bool plural = lw.size() > 3 && lw.back() == 's' && !lw.ends_with("ss") && !lw.ends_with("us");
  if (!opened && !SpeakerLexicon::IsSpeakerNoun(lw) && !plural) return false;
  // "The crowd on the quay chanted": a phrase after a preposition modifies
  // the noun before it, which heads the subject.
  constexpr size_t kMaxHead = 4;  // words from a determiner to the head noun
  if (opened && j >= lo + 3 && AfterPreposition(j) && toks_[j - 2].IsWord() && !toks_[j - 2].cap) {
    for (size_t d = j - 2; d > lo && j - 2 - d < kMaxHead; --d) {
      if (!toks_[d - 1].IsWord()) break;
      if (SpeakerLexicon::IsDeterminer(Lw(d - 1))) {
        *m = {d - 1, t + 1, Mention::kDescription};
        return true;
      }
      if (SpeakerLexicon::IsPhraseBreaker(Lw(d - 1)) && !toks_[d - 1].cap) break;
    }
  }
  *m = {j, t + 1, Mention::kDescription};
  return true;
}

// The subject of a verb coordinated with "and" at token `and_tok` ("I
// laughed and said", "she shook her head and added"): the nearest subject
// pronoun before it in its clause, with no name between.
bool SpeakerResolver::CoordinatedSubject(size_t and_tok, size_t lo, Mention* m) const {
  for (size_t k = and_tok; k > lo && and_tok - k < 8; --k) {
    size_t i = k - 1;
    if (!toks_[i].IsWord() || Lw(i) == "and") return false;
    Gender g;
    if (SpeakerLexicon::SpeakerPronoun(Lw(i), &g) && Lw(i) != "it" && Lw(i) != "who") {
      *m = {i, i + 1, Mention::kPronoun};
      return true;
    }
    if (toks_[i].cap) return false;  // a name may be an object: the sentence subject decides
  }
  return false;
}

// True when toks_[b, e) are all lower-case words ("state", "former").
bool SpeakerResolver::LowerWordsBetween(size_t b, size_t e) const {
  for (size_t i = b; i < e; ++i) {
    if (!toks_[i].IsWord() || toks_[i].cap) return false;
  }
  return true;
}

// Subject after an inverted verb: "said Jane Roe", "said a spokesman".
bool SpeakerResolver::MentionAfter(size_t verb, size_t hi, Mention* m) const {
  size_t j = verb + 1;
  if (j >= hi || !toks_[j].IsWord()) return false;
  // "said in a phone interview": a circumstance, not a speaker.
  if (!toks_[j].cap && SpeakerLexicon::IsPreposition(Lw(j))) return false;
  Gender g;
  if (SpeakerLexicon::SpeakerPronoun(Lw(j), &g) && Lw(j) != "who") {
    *m = {j, j + 1, Mention::kPronoun};
    return true;
  }
  size_t k = j;
  // Words, and slashes or hyphens between them ("said 9/11 widow Jane Roe").
  auto in_phrase = [&](size_t x) {
    if (toks_[x].IsWord()) return true;
    return x > j && x + 1 < hi && (toks_[x].IsPunct('/') || toks_[x].IsPunct('-')) && toks_[x + 1].IsWord();
  };
  while (k < hi && k - j < 10 && in_phrase(k)) {
    if (!toks_[k].IsWord()) {
      ++k;
      continue;
    }
    if (toks_[k].cap) {
      std::vector<NameRun> runs = SpeakerRegistry::FindNameRuns(text_, toks_, k, hi);
      if (!runs.empty() && runs[0].begin <= k + 1) {
        *m = {j, runs[0].end, Mention::kName};
        if (runs[0].begin > j && !SpeakerLexicon::IsDeterminer(Lw(j))) m->begin = runs[0].begin;
        return true;
      }
      // "reads a Wednesday editorial": a weekday inside a determiner phrase.
      if (SpeakerLexicon::IsNonNameCapital(Lw(k)) && !(k > j && SpeakerLexicon::IsDeterminer(Lw(j)))) return false;
    } else if (k > j && SpeakerLexicon::IsPhraseBreaker(Lw(k))) {
      break;
    }
    ++k;
  }
  if (k == j) return false;
  if (!SpeakerLexicon::IsDeterminer(Lw(j)) && !SpeakerLexicon::IsSpeakerNoun(Lw(k - 1))) return false;
  *m = {j, k, Mention::kDescription};
  return true;
}

bool SpeakerResolver::SentenceSubject(size_t s, size_t hi, Mention* m) const {
  size_t i = s;
  while (i < hi && toks_[i].IsWord() && SpeakerLexicon::IsSentenceAdverb(Lw(i))) ++i;
  if (i < hi && toks_[i].IsWord() && SpeakerLexicon::OpensAdverbial(Lw(i))) {
    size_t j = i;
    while (j < hi && j - i < 20 && !toks_[j].IsPunct(',')) ++j;
    if (j < hi && toks_[j].IsPunct(',')) return SubjectAt(j + 1, hi, m);
    // No comma: "When he returned he began ...": the first person-like word.
    for (size_t k = i + 1; k < hi; ++k) {
      if (SubjectAt(k, hi, m)) return true;
    }
    return false;
  }
  return SubjectAt(i, hi, m);
}

// A pronoun or a name starting at token i.
bool SpeakerResolver::SubjectAt(size_t i, size_t hi, Mention* m) const {
  if (i >= hi || !toks_[i].IsWord()) return false;
  Gender g;
  if (SpeakerLexicon::SpeakerPronoun(Lw(i), &g) && Lw(i) != "it" && Lw(i) != "who") {
    *m = {i, i + 1, Mention::kPronoun};
    return true;
  }
  if (SpeakerLexicon::IsDeterminer(Lw(i))) {
    // "The email went on to say": a determiner and a speaker noun.
    for (size_t k = i + 1; k < hi && k < i + 6 && toks_[k].IsWord(); ++k) {
      std::string w = Lw(k);
      if (SpeakerLexicon::IsPhraseBreaker(w)) break;
      if (!SpeakerLexicon::IsSpeakerNoun(w) && SpeakerLexicon::Cue(w).strength != CueStrength::kNone) break;
      if (SpeakerLexicon::IsSpeakerNoun(w) &&
          (k + 1 >= hi || !toks_[k + 1].IsWord() || !SpeakerLexicon::IsSpeakerNoun(Lw(k + 1)))) {
        *m = {i, k + 1, Mention::kDescription};
        return true;
      }
    }
    return false;
  }
  if (!toks_[i].cap) return false;
  i = SpeakerRegistry::AfterTitleModifier(text_, toks_, i, hi);
  std::vector<NameRun> runs = SpeakerRegistry::FindNameRuns(text_, toks_, i, std::min(hi, i + 12));
  if (runs.empty() || runs[0].begin > i + 1) return false;
  if (!registry_.IsNameLike(text_, toks_, runs[0], StartsSentence(runs[0].begin))) return false;
  *m = {runs[0].begin, runs[0].end, Mention::kName};
  return true;
}

bool SpeakerResolver::IsPossessive(size_t i) const {
  if (i >= toks_.size() || !toks_[i].IsWord()) return false;
  std::string w = Lw(i);
  return w == "his" || w == "her" || w == "their" || w.ends_with("'s") || w.ends_with("\xE2\x80\x99s");
}

bool SpeakerResolver::StartsSentence(size_t i) const {
  return i == 0 || IsSentenceEnd(toks_[i - 1]) || toks_[i - 1].IsQuote() || toks_[i - 1].IsPunct(':');
}

bool SpeakerResolver::AfterPreposition(size_t i) const {
  static const char* const kWords[] = {"in",      "at",     "from",  "on",      "to",     "of",
                                       "for",     "with",   "by",    "into",    "near",   "across",
                                       "outside", "inside", "about", "against", "toward", "towards"};
  std::string w = Lw(i > 0 ? i - 1 : toks_.size());
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

size_t SpeakerResolver::SentenceStart(size_t q) const {
  size_t s = q;
  while (s > 0) {
    const SpeakerToken& p = toks_[s - 1];
    if (IsSentenceEnd(p) || p.IsQuote()) break;
    --s;
  }
  return s;
}

std::string SpeakerResolver::Canonical(const Mention& m) {
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

Attribution SpeakerResolver::Make(const Mention& m, size_t cue_b, size_t cue_e, AttributionKind kind) {
  Attribution a;
  a.kind = kind;
  a.mention = {toks_[m.begin].span.begin, toks_[m.end - 1].span.end};
  if (cue_b != kNone) a.cue = {toks_[cue_b].span.begin, toks_[cue_e - 1].span.end};
  a.speaker = Canonical(m);
  return a;
}

// Words that open a new clause: after them, a cue verb is not the quote's.
bool SpeakerResolver::OpensClause(size_t i) const {
  static const char* const kWords[] = {"and",    "but", "while", "as", "which",  "that",     "because", "when", "after",
                                       "before", "so",  "if",    "or", "though", "although", "until",   "where"};
  std::string w = Lw(i);
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// The last character of piece token q's words, past closing marks (of
// any style, nested ones too: “… ‘no.’”) and blanks; 0 when none.
char SpeakerResolver::LastChar(size_t q) const {
  std::string_view inner = (*pieces_)[toks_[q].quote].text.In(text_);
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
bool SpeakerResolver::EndsSentence(size_t q) const {
  char c = LastChar(q);
  return c == '.' || c == '!' || c == '?';
}

// True when the piece's words end with a comma ("…,”").
bool SpeakerResolver::EndsWithComma(size_t q) const { return LastChar(q) == ','; }

bool SpeakerResolver::BareAttribution(size_t v) const {
  if (SpeakerLexicon::Cue(Lw(v)).strength != CueStrength::kStrong) return false;
  for (size_t i = v + 1; i < toks_.size(); ++i) {
    if (toks_[i].IsQuote() || toks_[i].IsPunct(':')) return false;
    if (IsSentenceEnd(toks_[i])) return true;
    // "Roe said he plans to …", "Roe said that …": a clause of its own.
    std::string w = Lw(i);
    Gender g;
    if (w == "that" || (SpeakerLexicon::SpeakerPronoun(w, &g) && w != "who")) return false;
  }
  return true;
}

bool SpeakerResolver::MatchAfter(size_t q, Attribution* a) {
  size_t k = q + 1;
  while (k < toks_.size() && (toks_[k].IsPunct(',') || IsDash(toks_[k]))) ++k;
  if (k >= toks_.size() || toks_[k].IsQuote()) return false;
  bool new_sentence = k == q + 1 && toks_[k].cap && EndsSentence(q);
  Mention m;
  if (IsCue(k, false, false) && SpeakerLexicon::Cue(Lw(k)).invertible && MentionAfter(k, toks_.size(), &m)) {
    *a = Make(m, k, k + 1, AttributionKind::kAfter);
    a->cue_adjacent = true;
    return true;
  }
  // "“This is fantastic!” beamed Jane Roe": a verb in -ed we do not list,
  // inverted before a full name, still credits the piece it touches.
  if (k <= q + 2 && toks_[k].IsWord() && !toks_[k].cap && Lw(k).size() > 4 && Lw(k).ends_with("ed")) {
    std::vector<NameRun> runs = SpeakerRegistry::FindNameRuns(text_, toks_, k + 1, std::min(toks_.size(), k + 8));
    if (!runs.empty() && runs[0].begin == k + 1 && runs[0].end - runs[0].name >= 2) {
      *a = Make({runs[0].begin, runs[0].end, Mention::kName}, k, k + 1, AttributionKind::kAfter);
      a->cue_adjacent = true;
      return true;
    }
  }
  // "“…” ― Jane Roe": a dash and a name that end the attribution.
  if (k > q + 1 && IsDash(toks_[k - 1]) && toks_[k].cap) {
    std::vector<NameRun> runs = SpeakerRegistry::FindNameRuns(text_, toks_, k, std::min(toks_.size(), k + 8));
    if (!runs.empty() && runs[0].begin == k && (runs[0].end == toks_.size() || !toks_[runs[0].end].IsWord())) {
      *a = Make({runs[0].begin, runs[0].end, Mention::kName}, kNone, kNone, AttributionKind::kAfter);
      a->cue_adjacent = true;
      return true;
    }
  }
  if (Lw(k) == "according" && Lw(k + 1) == "to" && MentionAfter(k + 1, toks_.size(), &m)) {
    *a = Make(m, k, k + 2, AttributionKind::kAfter);
    a->cue_adjacent = true;
    return true;
  }
  if (Lw(k) == "as" && !new_sentence) ++k;  // "…,” as Roe said."
  for (size_t v = k; v < toks_.size() && v < k + 40; ++v) {
    // "Jane Roe, who served as chief of staff, told": past the relative clause.
    if (Lw(v) == "who" && v > k && toks_[v - 1].IsPunct(',')) {
      size_t c = v + 1;
      while (c < toks_.size() && c < v + 25 && !toks_[c].IsPunct(',') && !toks_[c].IsQuote() &&
             !IsSentenceEnd(toks_[c]))
        ++c;
      if (c < toks_.size() && toks_[c].IsPunct(',')) {
        v = c;
        continue;
      }
    }
    if (toks_[v].IsQuote() || IsSentenceEnd(toks_[v]) || (OpensClause(v) && (v == k || Lw(v) != "and"))) break;
    if (!IsCue(v, true, false)) continue;
    if (!MentionBefore(v, k, &m)) break;
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
  // "“…” that Roe can win, said Jane Doe.": an inverted cue closing the
  // sentence the quote is part of.
  if (new_sentence) return false;
  for (size_t v = k; v + 1 < toks_.size(); ++v) {
    if (toks_[v].IsQuote() || IsSentenceEnd(toks_[v])) break;
    if (!toks_[v].IsPunct(',') || !IsCue(v + 1, false, false) || !SpeakerLexicon::Cue(Lw(v + 1)).invertible) continue;
    if (MentionAfter(v + 1, toks_.size(), &m) && m.kind != Mention::kPronoun) {
      *a = Make(m, v + 1, v + 2, AttributionKind::kAfter);
      return true;
    }
  }
  return false;
}

bool SpeakerResolver::MatchBefore(size_t q, size_t s, Attribution* a) {
  Mention m;
  // "Pollster Jane Roe: “…”" / "From the report: “…”".
  if (q >= 2 && q - 1 > s && toks_[q - 1].IsPunct(':')) {
    NameRun run;
    if (SpeakerRegistry::NameRunEndingAt(text_, toks_, s, q - 2, &run)) {
      *a = Make({run.begin, run.end, Mention::kName}, kNone, kNone, AttributionKind::kBefore);
      return true;
    }
    if (toks_[q - 2].IsWord() && SpeakerLexicon::IsSpeakerNoun(Lw(q - 2))) {
      size_t j = q - 2;
      while (j > s && q - 2 - j < 5 && toks_[j - 1].IsWord() && !SpeakerLexicon::IsPhraseBreaker(Lw(j - 1))) --j;
      *a = Make({j, q - 1, Mention::kDescription}, kNone, kNone, AttributionKind::kBefore);
      return true;
    }
  }
  for (size_t v = q; v > s; --v) {
    size_t i = v - 1;
    if (Lw(i) == "according" && Lw(i + 1) == "to" && MentionAfter(i + 1, q, &m)) {
      *a = Make(m, i, i + 2, AttributionKind::kBefore);
      return true;
    }
    if (i > s && toks_[i].IsWord() && IsSpeechNoun(Lw(i)) && IsPossessive(i - 1)) {
      NameRun run;
      if (SpeakerRegistry::NameRunEndingAt(text_, toks_, s, i - 1, &run)) {
        *a = Make({run.begin, run.end, Mention::kName}, kNone, kNone, AttributionKind::kBefore);
        return true;
      }
      Gender g;
      if (SpeakerLexicon::PronounGender(Lw(i - 1)) != Gender::kUnknown || Lw(i - 1) == "their") {
        (void)g;
        *a = Make({i - 1, i, Mention::kPronoun}, kNone, kNone, AttributionKind::kBefore);
        return true;
      }
    }
    if (!IsCue(i, true, true)) continue;
    if (SpeakerLexicon::Cue(Lw(i)).gerund) {
      // "…, saying “…”": the subject belongs to the clause before.
      if (SentenceSubject(s, i, &m)) {
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
      continue;
    }
    if (MentionBefore(i, s, &m)) {
      *a = Make(m, i, i + 1, AttributionKind::kBefore);
      a->cue_adjacent = i + 3 >= q;
      return true;
    }
    if (SpeakerLexicon::Cue(Lw(i)).strength == CueStrength::kStrong && !SpeakerLexicon::Cue(Lw(i)).invertible &&
        SentenceSubject(s, i, &m)) {
      *a = Make(m, i, i + 1, AttributionKind::kBefore);
      return true;
    }
    if (SpeakerLexicon::Cue(Lw(i)).invertible && MentionAfter(i, q, &m) &&
        (m.end == q || toks_[m.end].IsPunct(',') || toks_[m.end].IsPunct(':'))) {
      *a = Make(m, i, i + 1, AttributionKind::kBefore);
      return true;
    }
    if (SpeakerLexicon::Cue(Lw(i)).strength == CueStrength::kStrong && SentenceSubject(s, i, &m)) {
      *a = Make(m, i, i + 1, AttributionKind::kBefore);
      return true;
    }
  }
  return false;
}

// The attribution of a sentence without quotes ending at token `end` (its
// final punctuation), when it is a speech clause: "Roe told CBS News."
bool SpeakerResolver::PreviousClause(size_t end, Attribution* a) {
  size_t s = end;
  while (s > 0 && !IsSentenceEnd(toks_[s - 1]) && !toks_[s - 1].IsQuote()) --s;
  if (s > 0 && toks_[s - 1].IsQuote()) return false;  // the quote's own attribution
  for (size_t v = end; v > s; --v) {
    if (!IsCue(v - 1, true, false)) continue;
    Mention m;
    bool strong = SpeakerLexicon::Cue(Lw(v - 1)).strength == CueStrength::kStrong;
    // A weak cue ("Roe called him a master at it.") introduces the next
    // quote only when a name is its subject.
    if (MentionBefore(v - 1, s, &m) && (strong || m.kind == Mention::kName)) {
      *a = Make(m, v - 1, v, AttributionKind::kCarried);
      return true;
    }
    return false;
  }
  return false;
}

// A paragraph that only credits the quote above it: "— Jane Roe." or
// "- Jane Roe, Center for Studies."
bool SpeakerResolver::CreditLine(Attribution* a) {
  if (toks_.size() < 2 || toks_.size() > 20 || !(IsDash(toks_[0]) || toks_[0].IsPunct('/'))) return false;
  for (const SpeakerToken& t : toks_) {
    if (t.IsQuote()) return false;
  }
  std::vector<NameRun> runs = SpeakerRegistry::FindNameRuns(text_, toks_, 1, toks_.size());
  if (runs.empty() || runs[0].begin != 1) return false;
  *a = Make({runs[0].begin, runs[0].end, Mention::kName}, kNone, kNone, AttributionKind::kAfter);
  return true;
}

// A dash and a name that end the paragraph: "… .” ― Jane Roe".
bool SpeakerResolver::TrailingCredit(Attribution* a) {
  size_t e = toks_.size();
  while (e > 0 && (toks_[e - 1].IsPunct('.') || toks_[e - 1].IsPunct(','))) --e;
  if (e < 3) return false;
  NameRun run;
  if (!SpeakerRegistry::NameRunEndingAt(text_, toks_, 0, e - 1, &run) || run.begin == 0) return false;
  if (!IsDash(toks_[run.begin - 1])) return false;
  *a = Make({run.begin, run.end, Mention::kName}, kNone, kNone, AttributionKind::kAfter);
  return true;
}

// The speaker an introduction ending at token `end` (exclusive) announces:
// "Roe told the crowd:".
bool SpeakerResolver::IntroBefore(size_t end, Attribution* a) {
  if (end == 0) return false;
  size_t s = end - 1;
  while (s > 0 && !IsSentenceEnd(toks_[s - 1]) && !toks_[s - 1].IsQuote()) --s;
  if (MatchBefore(end, s, a)) return true;
  Mention m;
  if (SentenceSubject(s, end, &m)) {
    *a = Make(m, kNone, kNone, AttributionKind::kSubject);
    return true;
  }
  return false;
}

// A transcript turn quoted whole ("PENCE: Well, look, …", "MR. ROE: No."):
// the label of capitals before the colon is the speaker, resolved to the
// person the article names ("Pence" -> Mike Pence).
bool SpeakerResolver::TranscriptLabel(size_t q, Attribution* a) {
  constexpr size_t kMaxLabel = 24;  // bytes of "SECRETARY CLINTON"
  const QuotePiece& piece = (*pieces_)[toks_[q].quote];
  std::string_view words = piece.text.In(text_);
  size_t colon = words.find(':');
  if (colon == std::string_view::npos || colon < 2 || colon > kMaxLabel) return false;
  std::string_view label = words.substr(0, colon);
  size_t letters = 0;
  for (char c : label) {
    if (c >= 'A' && c <= 'Z')
      ++letters;
    else if (c != ' ' && c != '.' && c != '-' && c != '\'')
      return false;
  }
  if (letters < 2 || (colon + 1 < words.size() && words[colon + 1] != ' ')) return false;
  // The last word of the label, in the article's case: "PENCE" -> "Pence".
  size_t last = label.rfind(' ');
  std::string_view word = label.substr(last == std::string_view::npos ? 0 : last + 1);
  std::string name(word);
  for (size_t i = 1; i < name.size(); ++i) name[i] = AsciiLower(name[i]);
  // "VIDEO:", "UPDATE:", "EDITOR'S NOTE:": page furniture, not a speaker.
  static const char* const kFurniture[] = {
      "video", "photo", "photos",  "update",    "updated", "watch",      "breaking", "correction", "editor's",
      "note",  "read",  "related", "exclusive", "excerpt", "transcript", "partial",  "source",     "advertisement"};
  std::string first = AsciiLower(label.substr(0, label.find(' ')));
  for (const char* f : kFurniture) {
    if (first == f) return false;
  }
  *a = Attribution();
  a->kind = AttributionKind::kBefore;
  a->mention = {piece.text.begin, static_cast<uint32_t>(piece.text.begin + colon)};
  a->speaker = registry_.LookupWord(name);
  if (a->speaker.empty()) a->speaker = name;
  a->cue_adjacent = true;
  return true;
}

// The learned ranker's choice among each piece's candidates; the rules'
// attribution stands when the ranker agrees with it or finds nobody.
void SpeakerResolver::Rank(std::vector<std::vector<SpeakerToken>>* tokens, const std::vector<QuotePiece>& pieces,
                           std::vector<Attribution>* out, std::vector<std::vector<SpeakerCandidate>>* candidates) {
  SpeakerCandidates finder(text_, *tokens, pieces, registry_);
  if (names_ != nullptr) finder.RecordNames(names_);
  if (candidates != nullptr) candidates->assign(pieces.size(), {});
  std::string previous;  // the rules' speaker of the piece before
  for (size_t p = 0; p < tokens->size(); ++p) {
    for (size_t q = 0; q < (*tokens)[p].size(); ++q) {
      const SpeakerToken& t = (*tokens)[p][q];
      if (!t.IsQuote()) continue;
      Attribution& a = (*out)[t.quote];
      RuleChoice rule{a.mention, static_cast<int>(a.kind), a.cue_adjacent, previous};
      previous = a.speaker;
      std::vector<SpeakerCandidate> list = finder.For(p, q, rule);
      if (model_ != nullptr && !list.empty()) {
        size_t best = 0;
        double best_score = model_->Score(list[0].features);
        for (size_t i = 1; i < list.size(); ++i) {
          double s = model_->Score(list[i].features);
          if (s > best_score) {
            best = i;
            best_score = s;
          }
        }
        if (!list[best].rule) a = FromCandidate(list[best], tokens, a);
      }
      if (candidates != nullptr) (*candidates)[t.quote] = std::move(list);
    }
  }
}

Attribution SpeakerResolver::FromCandidate(const SpeakerCandidate& c, std::vector<std::vector<SpeakerToken>>* tokens,
                                           const Attribution& rule) {
  toks_.swap((*tokens)[c.paragraph]);
  Mention m{c.begin, c.end, Mention::kDescription};
  if (c.kind == MentionKind::kName) m.kind = Mention::kName;
  if (c.kind == MentionKind::kPronoun) m.kind = Mention::kPronoun;
  AttributionKind kind = !c.same_sentence ? AttributionKind::kCarried
                         : c.after        ? AttributionKind::kAfter
                                          : AttributionKind::kBefore;
  Attribution a = c.cue >= 0 ? Make(m, c.cue, c.cue + 1, kind) : Make(m, kNone, kNone, kind);
  if (c.kind == MentionKind::kRelative) a.speaker = c.canonical;
  toks_.swap((*tokens)[c.paragraph]);
  a.cue_adjacent = rule.cue_adjacent;
  a.split_continuation = rule.split_continuation;
  return a;
}

std::vector<Attribution> SpeakerResolver::Resolve(std::string_view text, const std::vector<QuotePiece>& pieces,
                                                  std::vector<std::vector<SpeakerCandidate>>* candidates) {
  text_ = text;
  pieces_ = &pieces;
  registry_ = SpeakerRegistry();
  std::vector<Attribution> out(pieces.size());
  // Paragraph spans, with the range of their pieces.
  struct Para {
    Span span;
    size_t first, last;
  };
  std::vector<Para> paras;
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
  std::vector<std::vector<SpeakerToken>> tokens(paras.size());
  for (size_t i = 0; i < paras.size(); ++i) {
    SpeakerTokenizer::Tokenize(text, paras[i].span, pieces, paras[i].first, paras[i].last, &tokens[i]);
    registry_.Learn(text, tokens[i]);
  }
  Attribution prev_last;          // last attributed piece of the previous paragraph
  Attribution prev_intro;         // what a colon-ended previous paragraph announces
  std::vector<int> unattributed;  // pieces of the previous paragraph nobody was credited with
  for (size_t pi = 0; pi < paras.size(); ++pi) {
    toks_ = std::move(tokens[pi]);
    registry_.Index(text, toks_);
    Attribution credit;
    if (!unattributed.empty() && CreditLine(&credit)) {
      for (int i : unattributed) out[i] = credit;
    }
    unattributed.clear();
    Attribution last;
    for (size_t q = 0; q < toks_.size(); ++q) {
      if (!toks_[q].IsQuote()) continue;
      Attribution a;
      next_clause_ = Attribution();
      size_t s = SentenceStart(q);
      bool embedded = q > s && toks_[q - 1].IsWord();
      bool found;
      Attribution after;
      if (TranscriptLabel(q, &a)) {
        // "PENCE: Well, look, …": a transcript turn names its speaker.
        found = true;
      } else if (embedded && EndsWithComma(q) && MatchAfter(q, &after) && after.cue_adjacent) {
        // "When Doe said “…,” Roe noted.": a quote closed by a comma and a
        // touching cue is the cue's, whatever speech verb precedes it.
        a = after;
        found = true;
      } else {
        found = embedded ? (MatchBefore(q, s, &a) || MatchAfter(q, &a)) : (MatchAfter(q, &a) || MatchBefore(q, s, &a));
      }
      Mention m;
      if (!found && s < q && SentenceSubject(s, q, &m)) {
        a = Make(m, kNone, kNone, AttributionKind::kSubject);
        found = true;
      }
      if (!found && s == q && q > 0 && IsSentenceEnd(toks_[q - 1]) && PreviousClause(q - 1, &a)) {
        a.kind = AttributionKind::kCarried;
        found = true;
      }
      if (!found && last.kind != AttributionKind::kNone) {
        a = last;
        a.kind = AttributionKind::kCarried;
        a.split_continuation = last.cue_adjacent && s == q;
        a.cue_adjacent = false;
        found = true;
      }
      if (!found && next_clause_.kind != AttributionKind::kNone) {
        a = next_clause_;
        found = true;
      }
      bool weak = !found;  // a credit line below may still name the speaker
      if (!found && q == 0) {
        const Attribution& from = prev_intro.kind != AttributionKind::kNone ? prev_intro : prev_last;
        if (from.kind != AttributionKind::kNone) {
          a = from;
          a.kind = AttributionKind::kCarried;
          a.cue_adjacent = false;
          found = true;
        }
      }
      out[toks_[q].quote] = a;
      if (found) last = a;
      if (weak) unattributed.push_back(toks_[q].quote);
    }
    // “… “hell” than … .” ― Jane Roe: a credit closing the paragraph names
    // the speaker of the pieces nothing else credited.
    Attribution trailing;
    if (!unattributed.empty() && TrailingCredit(&trailing)) {
      for (int i : unattributed) out[i] = trailing;
      unattributed.clear();
      last = trailing;
    }
    prev_last = last;
    prev_intro = Attribution();
    if (!toks_.empty() && toks_.back().IsPunct(':')) IntroBefore(toks_.size() - 1, &prev_intro);
    tokens[pi] = std::move(toks_);
  }
  if (model_ != nullptr || candidates != nullptr) Rank(&tokens, pieces, &out, candidates);
  return out;
}

}  // namespace storyfuse
