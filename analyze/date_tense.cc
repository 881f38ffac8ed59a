#include "analyze/date_tense.h"

#include "text/short_word_set.h"

namespace storyfuse {
namespace {

const ShortWordSet& FutureWords() {
  static const auto* kWords =
      new ShortWordSet{"will",      "shall",    "would",    "must",    "should", "could", "might",    "can",
                       "scheduled", "upcoming", "expected", "expects", "due",    "next",  "tomorrow", "soon"};
  return *kWords;
}

const ShortWordSet& Modals() {
  static const auto* kWords =
      new ShortWordSet{"will", "would", "must", "should", "could", "might", "may", "can", "shall"};
  return *kWords;
}

// Intentions, future when they govern "to" or an object ("planned to
// leave", "planned a demonstration"); else mostly nouns and adjectives
// ("vacation plans", "a hastily planned trip").
const ShortWordSet& IntentionWords() {
  static const auto* kWords =
      new ShortWordSet{"plan", "plans", "planned", "planning", "intend", "intends", "intended", "intending"};
  return *kWords;
}

const ShortWordSet& ObjectOpeners() {
  static const auto* kWords = new ShortWordSet{"to", "a", "an", "the", "his", "her", "its", "their", "our"};
  return *kWords;
}

// Future only when "to" follows ("set to meet", "going to vote").
const ShortWordSet& FutureBeforeTo() {
  static const auto* kWords = new ShortWordSet{"set", "going", "is", "are", "hopes", "hoped", "aims", "aimed"};
  return *kWords;
}

const ShortWordSet& PastWords() {
  static const auto* kWords = new ShortWordSet{
      "was",        "were",   "had",     "did",      "said",       "met",       "told",  "took",  "came",
      "went",       "began",  "made",    "gave",     "held",       "spoke",     "saw",   "lost",  "sent",
      "led",        "left",   "won",     "struck",   "fought",     "wrote",     "got",   "ran",   "knew",
      "grew",       "rose",   "fell",    "sank",     "became",     "broke",     "fled",  "hit",   "ended",
      "been",       "ago",    "since",   "earlier",  "previously", "yesterday", "last",  "found", "brought",
      "bought",     "caught", "thought", "sought",   "taught",     "felt",      "kept",  "paid",  "heard",
      "stood",      "sat",    "shot",    "spent",    "built",      "chose",     "drove", "flew",  "forgot",
      "froze",      "hid",    "hung",    "meant",    "put",        "quit",      "rang",  "rode",  "sold",
      "shook",      "slid",   "split",   "spread",   "stole",      "stuck",     "swore", "threw", "tore",
      "understood", "woke",   "wore",    "withdrew", "overcame",   "undertook", "arose"};
  return *kWords;
}

// Words in -ed that are not past forms.
const ShortWordSet& NotPastEd() {
  static const auto* kWords =
      new ShortWordSet{"hundred", "indeed", "sacred", "naked", "wicked", "kindred", "rugged", "ragged", "beloved"};
  return *kWords;
}

bool EndsWithLl(std::string_view w) { return w.size() > 3 && (w.ends_with("'ll") || w.ends_with("\xE2\x80\x99ll")); }

const ShortWordSet& ScheduleVerbs() {
  static const auto* kWords = new ShortWordSet{"opens",   "begins", "starts",  "ends",    "closes",   "arrives",
                                               "departs", "leaves", "resumes", "expires", "convenes", "reopens"};
  return *kWords;
}

// Verbs that put an event off to a later date ("postponed until Tuesday").
const ShortWordSet& DeferralVerbs() {
  static const auto* kWords =
      new ShortWordSet{"postponed", "delayed", "deferred", "adjourned", "recessed", "extended", "suspended", "off"};
  return *kWords;
}

// "postponed until Tuesday", "put off till Monday": `k` is "until" or
// "till" right after a deferral verb, which points past the report.
bool DefersTo(const LexedText& t, size_t k) {
  return (t.WordIs(k, "until") || t.WordIs(k, "till")) && DeferralVerbs().Contains(t.Prev(k));
}

// Verbs that attribute a clause to its source ("..., a spokesman said").
bool IsReportingVerb(std::string_view w) {
  return w == "said" || w == "told" || w == "added" || w == "reported" || w == "announced" || w == "stated";
}

// Punctuation or the sentence's end at `k`: the word before closes its clause.
bool ClosesClause(const LexedText& t, size_t k) { return k >= t.size() || k > t.SentenceEnd(k - 1) || !t.IsWord(k); }

// "was", "were", "had": auxiliaries that put what follows in the past.
bool IsPastAuxiliary(std::string_view w) { return w == "was" || w == "were" || w == "had"; }

// The word after a past auxiliary starts a future ("planning to",
// "expected to", "set to", "due", "scheduled").
bool FutureAfterPastAux(const LexedText& t, size_t k);

}  // namespace

Tense DateTense::CueAt(const LexedText& t, size_t k) {
  if (!t.IsWord(k)) return Tense::kNone;
  std::string_view w = t.Low(k);
  // A capital inside a sentence makes a name ("United States", "Will
  // Smith", the month May), not a verb.
  if (t.Capitalized(k) && !t.at(k).sentence_start) return Tense::kNone;
  // "could have emerged", "would have seen": a modal perfect is past.
  if (Modals().Contains(w) && t.WordIs(k + 1, "have")) return Tense::kPast;
  // "could not be reached", "could not say": a failed attempt, which news
  // reports after the fact.
  if (w == "could" && t.WordIs(k + 1, "not")) return Tense::kPast;
  if (w == "couldn't" || w == "couldn\xE2\x80\x99t") return Tense::kPast;
  // "May" opening a sentence is mostly the month.
  if (w == "may") return t.Capitalized(k) ? Tense::kNone : Tense::kFuture;
  // "next to the embassy" is a place, not a time ahead.
  if (w == "next" && t.WordIs(k + 1, "to")) return Tense::kNone;
  if (FutureWords().Contains(w) || EndsWithLl(w)) return Tense::kFuture;
  // "planned for early March", "set for April": a plan or a schedule for
  // a date, ahead even when told in the past ("was planned for"). Not the
  // noun: "vacation plans for the trip".
  if ((w == "planned" || w == "set" || w == "slated") && t.WordIs(k + 1, "for")) return Tense::kFuture;
  if (IntentionWords().Contains(w)) return ObjectOpeners().Contains(t.Low(k + 1)) ? Tense::kFuture : Tense::kNone;
  if (FutureBeforeTo().Contains(w)) return t.WordIs(k + 1, "to") ? Tense::kFuture : Tense::kNone;
  if (w == "now" && t.WordIs(k + 1, "and")) return Tense::kFuture;  // "between now and Feb. 10"
  bool past_form = PastWords().Contains(w);
  if (!past_form && w.size() > 4 && w.ends_with("ed") && !NotPastEd().Contains(w)) {
    // "need", "proceed": -eed words are mostly not past forms.
    past_form = !w.ends_with("eed") || w == "agreed" || w == "freed";
  }
  if (!past_form) return Tense::kNone;
  // After "to" or a modal a word is a bare verb, even when it is spelled
  // like a past form ("expected to last until Friday", "will hit").
  std::string_view before = t.Prev(k);
  if (before == "to" || Modals().Contains(before)) return Tense::kNone;
  // "were planning to march", "was expected to land": a past auxiliary of
  // a future intention is a future seen from the past, which news writes
  // of events still ahead; the intention word is the cue.
  if (IsPastAuxiliary(w) && t.InRange(k + 1) && FutureAfterPastAux(t, k + 1)) return Tense::kNone;
  // A participle after a present or bare auxiliary is not past ("must be
  // returned", "when the case is heard"); after "was" it is, and "was"
  // is a cue of its own.
  std::string_view aux = t.Prev(k);
  if (aux == "be" || aux == "being" || aux == "is" || aux == "are" || aux == "am") return Tense::kNone;
  return Tense::kPast;
}

Tense DateTense::Around(const LexedText& t, size_t first, size_t last) {
  if (first >= t.size()) return Tense::kNone;
  Tense near = Nearest(t, first, last, kBefore, kAfter);
  if (near != Tense::kNone) return near;
  // A fronted date ("In January, a week after the anniversary, a bomb
  // killed ...") dates the main clause, whose verb follows its subject.
  bool fronted = first <= t.SentenceBegin(first) + kMaxFrontedOffset && t.PunctIs(last + 1, ",");
  return fronted ? Nearest(t, first, last, 0, kFrontedReach) : Tense::kNone;
}

Tense DateTense::OfPhrase(const LexedText& t, size_t first, size_t last) {
  if (first >= t.size()) return Tense::kNone;
  size_t begin = t.SentenceBegin(first);
  if (first >= begin + kBefore) begin = first - kBefore;
  size_t end = std::min(t.SentenceEnd(last), last + kAfter);
  for (size_t k = begin; k <= end; ++k) {
    if ((k < first || k > last) && (t.WordIs(k, "since") || t.WordIs(k, "ago"))) return Tense::kPast;
  }
  return Tense::kNone;
}

Tense DateTense::Nearest(const LexedText& t, size_t first, size_t last, size_t before, size_t after) {
  size_t begin = t.SentenceBegin(first);
  if (first >= begin + before) begin = first - before;
  size_t end = std::min(t.SentenceEnd(last), last + after);
  Tense best = Tense::kNone;
  size_t best_dist = SIZE_MAX;
  // "will hear the case on Oct. 5, a spokesman said": an attribution after
  // a comma that closes its clause tells when it was said, not when the
  // clause's event is, so it is no cue ("the hearing is on Sept. 14, the
  // lawyer said" is ahead). "Monday, the minister said he would ..." is
  // no attribution: the date is the saying's.
  bool comma_after = false;
  for (size_t k = begin; k <= end; ++k) {
    if (k >= first && k <= last) continue;
    if (k > last && t.PunctIs(k, ",")) comma_after = true;
    Tense cue = CueAt(t, k);
    // A timetable in the present right before its date ("the show opens
    // Friday", "resumes on Monday"): news writes the present of a schedule
    // for what is ahead. Farther away the verb may be another clause's
    // ("before Oct. 9, when financing expires, ...").
    if (k < first && first - k <= kScheduleReach && ScheduleVerbs().Contains(t.Low(k))) cue = Tense::kFuture;
    // A deferral right before its date ("postponed until Tuesday"): the
    // event was moved to a day still ahead, whatever tense tells it.
    if (k + 1 == first && DefersTo(t, k)) cue = Tense::kFuture;
    if (cue == Tense::kNone) continue;
    // "since" and "ago" put the date itself in the past, whatever the verb.
    if (t.WordIs(k, "since") || t.WordIs(k, "ago")) return Tense::kPast;
    if (comma_after && IsReportingVerb(t.Low(k)) && ClosesClause(t, k + 1)) continue;
    size_t dist = k > last ? k - last : first - k;
    if (dist < best_dist) best = cue, best_dist = dist;
  }
  return best;
}

namespace {

bool FutureAfterPastAux(const LexedText& t, size_t k) {
  if (t.WordIs(k, "not")) ++k;  // "were not expected to"
  // Another auxiliary is no intention, and stopping there keeps "was was
  // was ..." from recursing down a hostile text.
  if (IsPastAuxiliary(t.Low(k))) return false;
  return DateTense::CueAt(t, k) == Tense::kFuture;
}

}  // namespace

}  // namespace storyfuse
