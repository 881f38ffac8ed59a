#include "analyze/speaker_mention_finder.h"

#include <algorithm>

#include "analyze/speaker_lexicon.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

// How far the scans reach, in tokens. Past these a phrase is no longer the
// subject a reader would connect to the verb.
constexpr size_t kMaxParenthetical = 12;    // "(D-Ore.)", "(R-Fla.)"
constexpr size_t kMaxAppositive = 40;       // one appositive between commas
constexpr int kMaxAppositives = 3;          // "Roe, the attorney general, one of the plaintiffs,"
constexpr size_t kMaxRelativeClause = 25;   // ", who served as … ," before the verb
constexpr size_t kMaxDescription = 8;       // words from a determiner to the verb
constexpr size_t kMaxHead = 4;              // words from a determiner to the head noun
constexpr size_t kMaxInvertedSubject = 10;  // words of "said 9/11 widow Jane Roe"
constexpr size_t kMaxDeterminerPhrase = 6;  // "The email went on to say"
constexpr size_t kMaxAdverbial = 20;        // an opening clause up to its comma
constexpr size_t kMaxNameRun = 12;          // titles and name words of a subject

bool EndsInApostropheS(std::string_view w) { return w.ends_with("'s") || w.ends_with("\xE2\x80\x99s"); }

}  // namespace

std::string SpeakerMentionFinder::Lower(size_t i) const {
  if (i >= toks_.size() || !toks_[i].IsWord()) return "";
  return AsciiLower(toks_[i].span.In(text_));
}

bool SpeakerMentionFinder::IsCue(size_t i, bool allow_weak, bool allow_gerund) const {
  if (i >= toks_.size() || !toks_[i].IsWord() || toks_[i].cap) return false;
  CueVerb c = SpeakerLexicon::Cue(Lower(i));
  if (c.strength == CueStrength::kNone) return false;
  // A noun, not a verb: "a heart attack", "Clinton's call", "the report".
  if (i > 0 && toks_[i - 1].IsWord()) {
    std::string prev = Lower(i - 1);
    if (prev == "of" || prev == "for" || prev == "in" || prev == "with" || prev == "a" || prev == "an" ||
        prev == "the" || prev == "his" || prev == "her" || prev == "its" || prev == "their" || prev == "our" ||
        prev == "this" || prev == "my" || prev == "your" || EndsInApostropheS(prev)) {
      return false;
    }
  }
  if (c.strength == CueStrength::kWeak && !allow_weak) return false;
  // "state Sen. Jane Roe": the noun before a title, not the verb.
  if (Lower(i) == "state" && i + 1 < toks_.size() && toks_[i + 1].IsWord() && toks_[i + 1].cap) return false;
  // "put" speaks only in "as she put it", not in "what Russia had put forward".
  if (Lower(i).starts_with("put") && Lower(i + 1) != "it") return false;
  return allow_gerund || !c.gerund;
}

// Subject of the verb at `verb`, scanning back to `lo`: a pronoun, a name
// (possibly with an appositive between it and the verb) or a descriptive
// phrase opened by a determiner.
bool SpeakerMentionFinder::Before(size_t verb, size_t lo, SpeakerMention* m) const {
  size_t i = SkipVerbModifiers(verb, lo);
  if (i <= lo) return false;
  // "Rep. Jane Roe (D-Ore.) said" / "Roe (D-Ore.), said".
  if (i - 1 > lo && toks_[i - 1].IsPunct(',') && toks_[i - 2].IsPunct(')')) --i;
  i = OpenParenBefore(i, lo);
  size_t t = i - 1;
  const SpeakerToken& tok = toks_[t];
  if (tok.IsPunct(',')) return AppositiveSubject(t, lo, m);
  if (!tok.IsWord()) return false;
  std::string lw = Lower(t);
  if (lw == "and" && t > lo) return CoordinatedSubject(t, lo, m);
  if (lw == "which" && t > lo) return WhichAntecedent(t, lo, m);
  Gender g;
  if (SpeakerLexicon::SpeakerPronoun(lw, &g)) {
    *m = {t, t + 1, SpeakerMention::kPronoun};
    return true;
  }
  NameRun run;
  if (tok.cap && SpeakerRegistry::NameRunEndingAt(text_, toks_, lo, t, &run)) {
    if (AfterPreposition(run.begin) || !registry_.IsNameLike(text_, toks_, run, StartsSentence(run.begin))) {
      return false;
    }
    *m = {run.begin, run.end, SpeakerMention::kName};
    return true;
  }
  if (RelativeClauseSubject(t, lo, m)) return true;
  if (SpeakerLexicon::IsPhraseBreaker(lw) || SpeakerLexicon::IsDeterminer(lw)) return false;
  return DescriptiveSubject(t, lo, m);
}

// Back past adverbs, auxiliaries and time words before the verb ("also
// said", "Trump Thursday said"); a capitalized "May" is a name.
size_t SpeakerMentionFinder::SkipVerbModifiers(size_t verb, size_t lo) const {
  size_t i = verb;
  while (i > lo && toks_[i - 1].IsWord() && !toks_[i - 1].cap && SpeakerLexicon::IsVerbModifier(Lower(i - 1))) --i;
  while (i > lo && toks_[i - 1].IsWord() && toks_[i - 1].cap && SpeakerLexicon::IsVerbModifier(Lower(i - 1)) &&
         Lower(i - 1) != "may") {
    --i;
  }
  return i;
}

// The token of the "(" that opens a parenthetical closing just before
// token `end`, or `end` when there is none.
size_t SpeakerMentionFinder::OpenParenBefore(size_t end, size_t lo) const {
  if (!toks_[end - 1].IsPunct(')')) return end;
  size_t o = end - 1;
  while (o > lo && end - o < kMaxParenthetical && !toks_[o].IsPunct('(')) --o;
  return toks_[o].IsPunct('(') && o > lo ? o : end;
}

// Appositive before the comma at `comma`: "Jane Roe, a spokeswoman for the
// group, said"; up to three of them ("Roe, the attorney general, one of
// the plaintiffs,"), or the name is the appositive itself ("His wife, Jane
// Roe, said" / "His niece, state Sen. Jane Roe, said").
bool SpeakerMentionFinder::AppositiveSubject(size_t comma, size_t lo, SpeakerMention* m) const {
  size_t j = comma;
  for (int segment = 0; segment < kMaxAppositives; ++segment) {
    size_t end = j;
    while (j > lo && j + kMaxAppositive > comma) {
      --j;
      if (toks_[j].IsQuote() || toks_[j].EndsSentence()) return false;
      if (toks_[j].IsPunct(',')) break;
    }
    if (!toks_[j].IsPunct(',') || j == lo) return false;
    NameRun run;
    // "Rep. Jane Roe (D-Ore.), a member, said": past the parenthetical.
    size_t name_end = OpenParenBefore(j, lo);
    if (SpeakerRegistry::NameRunEndingAt(text_, toks_, lo, name_end - 1, &run) && !AfterPreposition(run.begin)) {
      *m = {run.begin, run.end, SpeakerMention::kName};
      return true;
    }
    if (segment == 0 && end > j + 1 && SpeakerRegistry::NameRunEndingAt(text_, toks_, j + 1, end - 1, &run) &&
        (run.begin == j + 1 || (run.name > run.begin && run.begin <= j + 3 && LowerWordsBetween(j + 1, run.begin)))) {
      *m = {run.begin, run.end, SpeakerMention::kName};
      return true;
    }
  }
  return false;
}

// "The Roe campaign, which said": the name before "which".
bool SpeakerMentionFinder::WhichAntecedent(size_t which, size_t lo, SpeakerMention* m) const {
  size_t e = toks_[which - 1].IsPunct(',') ? which - 1 : which;
  NameRun run;
  if (e > lo && SpeakerRegistry::NameRunEndingAt(text_, toks_, lo, e - 1, &run)) {
    *m = {run.begin, run.end, SpeakerMention::kName};
    return true;
  }
  return false;
}

// The subject of a verb coordinated with "and" at token `and_tok` ("I
// laughed and said", "she shook her head and added"): the nearest subject
// pronoun before it in its clause, with no name between.
bool SpeakerMentionFinder::CoordinatedSubject(size_t and_tok, size_t lo, SpeakerMention* m) const {
  constexpr size_t kMaxClause = 8;  // words of "shook her head" before "and"
  for (size_t k = and_tok; k > lo && and_tok - k < kMaxClause; --k) {
    size_t i = k - 1;
    if (!toks_[i].IsWord() || Lower(i) == "and") return false;
    Gender g;
    if (SpeakerLexicon::SpeakerPronoun(Lower(i), &g) && Lower(i) != "it" && Lower(i) != "who") {
      *m = {i, i + 1, SpeakerMention::kPronoun};
      return true;
    }
    if (toks_[i].cap) return false;  // a name may be an object: the sentence subject decides
  }
  return false;
}

// "Jane Roe, who served as chief of staff in the Clinton years, told":
// the name before a relative clause that runs up to the verb at t + 1.
bool SpeakerMentionFinder::RelativeClauseSubject(size_t t, size_t lo, SpeakerMention* m) const {
  for (size_t j = t; j > lo + 1 && t - j < kMaxRelativeClause; --j) {
    if (toks_[j].IsQuote() || toks_[j].EndsSentence()) break;
    if (Lower(j) != "who" || !toks_[j - 1].IsPunct(',')) continue;
    NameRun rel;
    if (j >= lo + 2 && SpeakerRegistry::NameRunEndingAt(text_, toks_, lo, j - 2, &rel) &&
        !AfterPreposition(rel.begin)) {
      *m = {rel.begin, rel.end, SpeakerMention::kName};
      return true;
    }
    break;
  }
  return false;
}

// Descriptive phrase ending at token t ("a spokesman", "the top US
// diplomat", "officials"): back to a determiner or a possessive.
bool SpeakerMentionFinder::DescriptiveSubject(size_t t, size_t lo, SpeakerMention* m) const {
  bool opened = false;
  size_t j = DescriptionStart(t, lo, &opened);
  std::string lw = Lower(t);
  bool plural = lw.size() > 3 && lw.back() == 's' && !lw.ends_with("ss") && !lw.ends_with("us");
  if (!opened && !SpeakerLexicon::IsSpeakerNoun(lw) && !plural) return false;
  if (opened && HeadBeforePreposition(j, t, lo, m)) return true;
  *m = {j, t + 1, SpeakerMention::kDescription};
  return true;
}

// The first token of a descriptive phrase ending at t; `opened` tells
// whether a determiner or a possessive name opens it.
size_t SpeakerMentionFinder::DescriptionStart(size_t t, size_t lo, bool* opened) const {
  size_t j = t;
  while (j > lo && t - j < kMaxDescription) {
    const SpeakerToken& p = toks_[j - 1];
    if (!p.IsWord()) break;
    std::string pw = Lower(j - 1);
    if (SpeakerLexicon::IsDeterminer(pw)) {
      --j;
      *opened = true;
      break;
    }
    // Capitalized words are modifiers here ("the top US diplomat").
    if (!p.cap && (SpeakerLexicon::IsPhraseBreaker(pw) || SpeakerLexicon::Cue(pw).strength != CueStrength::kNone)) {
      break;
    }
    --j;
    if (p.cap && EndsInApostropheS(p.span.In(text_))) {
      *opened = true;
      break;
    }
  }
  if (!*opened && t - j > 2) j = t - 1;
  return j;
}

// "The crowd on the quay chanted": an opened phrase [j, t] after a
// preposition modifies the noun before it, which heads the subject.
bool SpeakerMentionFinder::HeadBeforePreposition(size_t j, size_t t, size_t lo, SpeakerMention* m) const {
  if (!(j >= lo + 3 && AfterPreposition(j) && toks_[j - 2].IsWord() && !toks_[j - 2].cap)) return false;
  for (size_t d = j - 2; d > lo && j - 2 - d < kMaxHead; --d) {
    if (!toks_[d - 1].IsWord()) break;
    if (SpeakerLexicon::IsDeterminer(Lower(d - 1))) {
      *m = {d - 1, t + 1, SpeakerMention::kDescription};
      return true;
    }
    if (SpeakerLexicon::IsPhraseBreaker(Lower(d - 1)) && !toks_[d - 1].cap) break;
  }
  return false;
}

// True when toks_[b, e) are all lower-case words ("state", "former").
bool SpeakerMentionFinder::LowerWordsBetween(size_t b, size_t e) const {
  for (size_t i = b; i < e; ++i) {
    if (!toks_[i].IsWord() || toks_[i].cap) return false;
  }
  return true;
}

// Subject after an inverted verb: "said Jane Roe", "said a spokesman".
bool SpeakerMentionFinder::After(size_t verb, size_t hi, SpeakerMention* m) const {
  size_t j = verb + 1;
  if (j >= hi || !toks_[j].IsWord()) return false;
  // "said in a phone interview": a circumstance, not a speaker.
  if (!toks_[j].cap && SpeakerLexicon::IsPreposition(Lower(j))) return false;
  Gender g;
  if (SpeakerLexicon::SpeakerPronoun(Lower(j), &g) && Lower(j) != "who") {
    *m = {j, j + 1, SpeakerMention::kPronoun};
    return true;
  }
  return PhraseAfter(j, hi, m);
}

// A name or a descriptive phrase opening at token j ("Jane Roe", "9/11
// widow Jane Roe", "a spokesman for the group").
bool SpeakerMentionFinder::PhraseAfter(size_t j, size_t hi, SpeakerMention* m) const {
  size_t k = j;
  // Words, and slashes or hyphens between them ("said 9/11 widow Jane Roe").
  auto in_phrase = [&](size_t x) {
    if (toks_[x].IsWord()) return true;
    return x > j && x + 1 < hi && (toks_[x].IsPunct('/') || toks_[x].IsPunct('-')) && toks_[x + 1].IsWord();
  };
  while (k < hi && k - j < kMaxInvertedSubject && in_phrase(k)) {
    if (!toks_[k].IsWord()) {
      ++k;
      continue;
    }
    if (toks_[k].cap) {
      std::vector<NameRun> runs = SpeakerRegistry::FindNameRuns(text_, toks_, k, hi);
      if (!runs.empty() && runs[0].begin <= k + 1) {
        *m = {j, runs[0].end, SpeakerMention::kName};
        if (runs[0].begin > j && !SpeakerLexicon::IsDeterminer(Lower(j))) m->begin = runs[0].begin;
        return true;
      }
      // "reads a Wednesday editorial": a weekday inside a determiner phrase.
      if (SpeakerLexicon::IsNonNameCapital(Lower(k)) && !(k > j && SpeakerLexicon::IsDeterminer(Lower(j)))) {
        return false;
      }
    } else if (k > j && SpeakerLexicon::IsPhraseBreaker(Lower(k))) {
      break;
    }
    ++k;
  }
  if (k == j) return false;
  if (!SpeakerLexicon::IsDeterminer(Lower(j)) && !SpeakerLexicon::IsSpeakerNoun(Lower(k - 1))) return false;
  *m = {j, k, SpeakerMention::kDescription};
  return true;
}

bool SpeakerMentionFinder::SentenceSubject(size_t s, size_t hi, SpeakerMention* m) const {
  size_t i = s;
  while (i < hi && toks_[i].IsWord() && SpeakerLexicon::IsSentenceAdverb(Lower(i))) ++i;
  if (i < hi && toks_[i].IsWord() && SpeakerLexicon::OpensAdverbial(Lower(i))) {
    size_t j = i;
    while (j < hi && j - i < kMaxAdverbial && !toks_[j].IsPunct(',')) ++j;
    if (j < hi && toks_[j].IsPunct(',')) return SubjectAt(j + 1, hi, m);
    // No comma: "When he returned he began ...": the first person-like word.
    for (size_t k = i + 1; k < hi; ++k) {
      if (SubjectAt(k, hi, m)) return true;
    }
    return false;
  }
  return SubjectAt(i, hi, m);
}

// A pronoun, a name or a determiner with a speaker noun starting at token i.
bool SpeakerMentionFinder::SubjectAt(size_t i, size_t hi, SpeakerMention* m) const {
  if (i >= hi || !toks_[i].IsWord()) return false;
  Gender g;
  if (SpeakerLexicon::SpeakerPronoun(Lower(i), &g) && Lower(i) != "it" && Lower(i) != "who") {
    *m = {i, i + 1, SpeakerMention::kPronoun};
    return true;
  }
  if (SpeakerLexicon::IsDeterminer(Lower(i))) {
    // "The email went on to say": a determiner and a speaker noun.
    for (size_t k = i + 1; k < hi && k < i + kMaxDeterminerPhrase && toks_[k].IsWord(); ++k) {
      std::string w = Lower(k);
      if (SpeakerLexicon::IsPhraseBreaker(w)) break;
      if (!SpeakerLexicon::IsSpeakerNoun(w) && SpeakerLexicon::Cue(w).strength != CueStrength::kNone) break;
      if (SpeakerLexicon::IsSpeakerNoun(w) &&
          (k + 1 >= hi || !toks_[k + 1].IsWord() || !SpeakerLexicon::IsSpeakerNoun(Lower(k + 1)))) {
        *m = {i, k + 1, SpeakerMention::kDescription};
        return true;
      }
    }
    return false;
  }
  if (!toks_[i].cap) return false;
  i = SpeakerRegistry::AfterTitleModifier(text_, toks_, i, hi);
  std::vector<NameRun> runs = SpeakerRegistry::FindNameRuns(text_, toks_, i, std::min(hi, i + kMaxNameRun));
  if (runs.empty() || runs[0].begin > i + 1) return false;
  if (!registry_.IsNameLike(text_, toks_, runs[0], StartsSentence(runs[0].begin))) return false;
  *m = {runs[0].begin, runs[0].end, SpeakerMention::kName};
  return true;
}

bool SpeakerMentionFinder::IsPossessive(size_t i) const {
  if (i >= toks_.size() || !toks_[i].IsWord()) return false;
  std::string w = Lower(i);
  return w == "his" || w == "her" || w == "their" || EndsInApostropheS(w);
}

bool SpeakerMentionFinder::StartsSentence(size_t i) const {
  return i == 0 || toks_[i - 1].EndsSentence() || toks_[i - 1].IsQuote() || toks_[i - 1].IsPunct(':');
}

bool SpeakerMentionFinder::AfterPreposition(size_t i) const {
  static const char* const kWords[] = {"in",      "at",     "from",  "on",      "to",     "of",
                                       "for",     "with",   "by",    "into",    "near",   "across",
                                       "outside", "inside", "about", "against", "toward", "towards"};
  std::string w = Lower(i > 0 ? i - 1 : toks_.size());
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

size_t SpeakerMentionFinder::SentenceStart(size_t q) const {
  size_t s = q;
  while (s > 0) {
    const SpeakerToken& p = toks_[s - 1];
    if (p.EndsSentence() || p.IsQuote()) break;
    --s;
  }
  return s;
}

}  // namespace storyfuse
