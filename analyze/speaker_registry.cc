#include "analyze/speaker_registry.h"

#include <algorithm>
#include <unordered_set>

#include "analyze/speaker_lexicon.h"
#include "analyze/title_lexicon.h"
#include "text/ascii_chars.h"
#include "text/country_names.h"

namespace storyfuse {
namespace {

using Toks = std::vector<SpeakerToken>;

bool IsConnector(std::string_view lower) {
  static const std::unordered_set<std::string_view> k = {"of", "de", "del", "da",  "van", "von", "bin", "al",
                                                         "la", "le", "du",  "der", "ibn", "di",  "dos"};
  return k.count(lower) > 0;
}

std::string LowerWord(std::string_view text, const SpeakerToken& t) { return AsciiLower(t.span.In(text)); }

// The word without a possessive ending ("Trump's" -> "Trump").
std::string_view Bare(std::string_view w) {
  if (w.size() > 2 && (w.substr(w.size() - 2) == "'s" || w.substr(w.size() - 2) == "'S"))
    return w.substr(0, w.size() - 2);
  if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return w.substr(0, w.size() - 4);
  return w;
}

// The country one of words[0, k) names ("u.s.", "russian", "russia's"), or
// "": what qualifies a title ("the U.S. president").
std::string QualifierOf(const std::vector<std::string>& words, size_t k) {
  const CountryNames& countries = CountryNames::Get();
  for (size_t i = 0; i < k && i < words.size(); ++i) {
    std::string_view w = Bare(words[i]);
    std::string_view c = countries.Country(w);
    if (c.empty()) c = countries.CountryOfDemonym(w);
    if (!c.empty()) return std::string(c);
  }
  return "";
}

bool IsSuffixWord(std::string_view w) { return w == "Jr." || w == "Sr." || w == "II" || w == "III" || w == "Jr"; }

bool IsCapWord(const Toks& toks, size_t i) { return i < toks.size() && toks[i].IsWord() && toks[i].cap; }

bool EndsPossessive(std::string_view w) { return Bare(w).size() != w.size(); }

bool IsSentenceBreak(const SpeakerToken& t) {
  return t.IsPunct('.') || t.IsPunct('!') || t.IsPunct('?') || t.IsPunct(';') || t.IsQuote();
}

// Builds the run for capitalized tokens [b, e): drops leading sentence
// words, then splits off titles. Returns false when no name word is left.
bool MakeRun(std::string_view text, const Toks& toks, size_t b, size_t e, NameRun* run) {
  while (b < e && SpeakerLexicon::IsNonNameCapital(LowerWord(text, toks[b]))) ++b;
  if (b >= e) return false;
  size_t name = b;
  for (size_t i = b; i + 1 < e; ++i) {  // the last word is never a title ("Mr. King")
    if (!TitleLexicon::IsTitleWord(LowerWord(text, toks[i]))) continue;
    name = i + 1;
    // "Secretary of State Marco Rubio": the title takes "of <Word>".
    if (name + 1 < e && LowerWord(text, toks[name]) == "of") name += 2;
  }
  if (name >= e) return false;
  // "Foreign Ministry", "State Department": an organization keeps its
  // title-like words.
  if (e - name == 1 && SpeakerLexicon::IsOrganizationHead(LowerWord(text, toks[e - 1]))) name = b;
  *run = {b, name, e};
  return true;
}

// The lower-case word without a contraction or possessive ending ("It’s"
// -> "it", "We've" -> "we").
std::string Uncontracted(std::string_view text, const SpeakerToken& t) {
  std::string w = LowerWord(text, t);
  for (std::string_view end : {"'s", "'ve", "'m", "'re", "'ll", "'d", "\xE2\x80\x99s", "\xE2\x80\x99ve",
                               "\xE2\x80\x99m", "\xE2\x80\x99re", "\xE2\x80\x99ll",
                               "\xE2\x80\x99"
                               "d"}) {
    if (w.size() > end.size() && w.ends_with(end)) return w.substr(0, w.size() - end.size());
  }
  return w;
}

// All letters upper case, four or more: a dateline or a page label
// ("WASHINGTON", "CLOSE"), not an acronym like "FBI" or "U.S.".
bool LongAllCaps(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 4;
}

// "CNN", "NATO", "U.S.": capitals and periods only.
bool AllCapsAcronym(std::string_view w) {
  for (char c : w) {
    if (!((c >= 'A' && c <= 'Z') || c == '.' || c == '-' || (c >= '0' && c <= '9'))) return false;
  }
  return !w.empty();
}

bool StartsSentence(const Toks& toks, size_t i) {
  if (i == 0) return true;
  const SpeakerToken& t = toks[i - 1];
  return t.IsPunct('.') || t.IsPunct('!') || t.IsPunct('?') || t.IsPunct(':') || t.IsPunct(';') || t.IsQuote() ||
         t.IsPunct('(');
}

// Adjectives of party, faith or origin, capitalized before a noun
// ("Democratic leaders said", "Syrian officials"): not names.
bool IsGroupAdjective(std::string_view lower) {
  static const std::unordered_set<std::string_view> k = {
      "democratic", "republican", "democrat", "conservative", "liberal",       "progressive",  "libertarian",
      "muslim",     "christian",  "jewish",   "catholic",     "evangelical",   "hispanic",     "latino",
      "latina",     "black",      "white",    "asian",        "arab",          "western",      "eastern",
      "northern",   "southern",   "federal",  "national",     "international", "congressional"};
  if (k.count(lower) > 0) return true;
  const CountryNames& countries = CountryNames::Get();
  return !countries.CountryOfDemonym(lower).empty() && countries.Country(lower).empty();
}

// A one-word name [b, b + 1) that is a sentence word, a label or an
// adjective rather than a name: "It’s", "Citing the report",
// "Nevertheless,", "WASHINGTON —", "Democratic leaders".
bool IsSentenceWord(std::string_view text, const Toks& toks, size_t b) {
  std::string w = Uncontracted(text, toks[b]);
  if (SpeakerLexicon::IsNonNameCapital(w)) return true;
  bool next_word = b + 1 < toks.size() && toks[b + 1].IsWord();
  bool next_lower = next_word && !toks[b + 1].cap;
  if (b == 0 && LongAllCaps(toks[b].span.In(text)) && !next_word) return true;
  if (IsGroupAdjective(w) && next_lower) return true;
  if (!StartsSentence(toks, b) || w.size() <= 4) return false;
  if (w.ends_with("ly")) return true;
  // A gerund or participle opening a sentence ("Citing", "Adopted"), unless
  // a verb follows as after a name ("Fleming said").
  bool verb_next = next_lower && (SpeakerLexicon::Cue(LowerWord(text, toks[b + 1])).strength != CueStrength::kNone ||
                                  SpeakerLexicon::IsVerbModifier(LowerWord(text, toks[b + 1])));
  return (w.ends_with("ing") || w.ends_with("ed")) && !verb_next;
}

}  // namespace

bool SpeakerRegistry::NameWords(std::string_view text, const Toks& toks, const NameRun& run,
                                std::vector<std::string_view>* words) {
  size_t b = run.name;
  // "CLOSE Chris Roe": a page label before a name.
  if (b + 1 < run.end && LongAllCaps(toks[b].span.In(text)) && !LongAllCaps(toks[b + 1].span.In(text))) ++b;
  if (run.end - b == 1 && run.name == run.begin && IsSentenceWord(text, toks, b)) return false;
  // "EBOLA SURVIVORS", "STATE COLLEGE": a headline or dateline in capitals.
  bool shouted = false, all_caps = true;
  for (size_t i = b; i < run.end && all_caps; ++i) {
    std::string_view w = toks[i].span.In(text);
    all_caps = AllCapsAcronym(Bare(w)) || LongAllCaps(w);
    shouted = shouted || LongAllCaps(w);
  }
  if (all_caps && shouted && run.end - b >= 2) return false;
  words->clear();
  for (size_t i = b; i < run.end; ++i) {
    std::string_view w = Bare(toks[i].span.In(text));
    if (!words->empty() && IsSuffixWord(w)) continue;
    words->push_back(w);
  }
  return !words->empty();
}

std::vector<NameRun> SpeakerRegistry::FindNameRuns(std::string_view text, const Toks& toks, size_t lo, size_t hi) {
  std::vector<NameRun> runs;
  size_t i = lo;
  while (i < hi) {
    if (!IsCapWord(toks, i)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < hi) {
      if (EndsPossessive(toks[j - 1].span.In(text))) break;
      if (IsCapWord(toks, j)) {
        ++j;
      } else if (toks[j].IsWord() && IsConnector(LowerWord(text, toks[j])) && IsCapWord(toks, j + 1) && j + 1 < hi) {
        j += 2;
      } else {
        break;
      }
    }
    NameRun run;
    if (MakeRun(text, toks, i, j, &run)) runs.push_back(run);
    i = j;
  }
  return runs;
}

bool SpeakerRegistry::NameRunEndingAt(std::string_view text, const Toks& toks, size_t lo, size_t last, NameRun* run) {
  if (!IsCapWord(toks, last)) return false;
  size_t b = last;
  while (b > lo) {
    if (IsCapWord(toks, b - 1) && !EndsPossessive(toks[b - 1].span.In(text))) {
      --b;
    } else if (b >= lo + 2 && toks[b - 1].IsWord() && IsConnector(LowerWord(text, toks[b - 1])) &&
               IsCapWord(toks, b - 2)) {
      b -= 2;
    } else {
      break;
    }
  }
  return MakeRun(text, toks, b, last + 1, run);
}

Gender SpeakerRegistry::Person::gender() const {
  if (male > female) return Gender::kMale;
  if (female > male) return Gender::kFemale;
  return Gender::kUnknown;
}

int SpeakerRegistry::FindPerson(std::string_view text, const Toks& toks, const NameRun& run) const {
  std::vector<std::string_view> words;
  if (!NameWords(text, toks, run, &words)) return -1;
  std::string key;
  for (std::string_view w : words) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  if (auto it = by_name_.find(key); it != by_name_.end()) return it->second;
  if (words.size() == 1) {
    if (auto it = by_surname_.find(key); it != by_surname_.end()) return it->second;
    if (auto it = by_first_.find(key); it != by_first_.end() && it->second >= 0) return it->second;
  }
  return -1;
}

std::string SpeakerRegistry::LookupWord(const std::string& word) const {
  for (const auto* index : {&by_name_, &by_surname_, &by_first_}) {
    auto it = index->find(word);
    if (it != index->end() && it->second >= 0) return people_[it->second].name;
  }
  return "";
}

std::string SpeakerRegistry::LookupName(std::string_view text, const Toks& toks, const NameRun& run) const {
  int p = FindPerson(text, toks, run);
  return p < 0 ? "" : people_[p].name;
}

int SpeakerRegistry::PersonFor(std::string_view text, const Toks& toks, const NameRun& run, bool create) {
  std::vector<std::string_view> words;
  if (!NameWords(text, toks, run, &words)) return -1;
  int found = FindPerson(text, toks, run);
  if (found >= 0 || !create) return found;
  // One word that opens its sentence and that the article never
  // capitalizes inside a sentence ("Critics say", "Nevertheless,",
  // "Thirteen were"): a sentence word, nobody's name. Acronyms ("CNN")
  // are exempt.
  if (words.size() == 1 && run.name == run.begin && StartsSentence(toks, run.begin) &&
      capitalized_inside_.count(std::string(words[0])) == 0 && !AllCapsAcronym(words[0])) {
    return -1;
  }
  std::string key;
  for (std::string_view w : words) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  // "President Trump" before "Donald Trump": the full name completes the
  // person the titled surname created.
  if (words.size() >= 2) {
    auto it = by_name_.find(std::string(words.back()));
    if (it != by_name_.end() && people_[it->second].name.find(' ') == std::string::npos) {
      int id = it->second;
      people_[id].name = key;
      by_name_[key] = id;
      by_surname_.emplace(std::string(words.back()), id);
      by_first_.emplace(std::string(words.front()), id);
      return id;
    }
  }
  int id = static_cast<int>(people_.size());
  people_.push_back({key});
  by_name_[key] = id;
  if (words.size() >= 2) {
    by_surname_.emplace(std::string(words.back()), id);
    auto [it, fresh] = by_first_.emplace(std::string(words.front()), id);
    if (!fresh && it->second != id) it->second = -1;  // ambiguous first name
  }
  return id;
}

void SpeakerRegistry::AddAliases(std::string_view text, const Toks& toks, size_t b, size_t e, int person) {
  // Lower-case titles just before the run belong to it ("campaign manager").
  while (b > 0 && toks[b - 1].IsWord() && !toks[b - 1].cap && e - b < 6) {
    std::string w = LowerWord(text, toks[b - 1]);
    if (!TitleLexicon::IsTitleWord(w) && w != "of") break;
    --b;
  }
  std::vector<std::string> words;
  for (size_t i = b; i < e; ++i) words.push_back(LowerWord(text, toks[i]));
  size_t first_title = 0;
  while (first_title < words.size() && !TitleLexicon::IsTitleWord(words[first_title])) ++first_title;
  AliasUse use{toks[b].span.begin, person, QualifierOf(words, first_title)};
  for (size_t k = 0; k < words.size(); ++k) {
    if (!TitleLexicon::IsTitleWord(words[k]) && k != 0) continue;
    std::string phrase;
    for (size_t i = k; i < words.size(); ++i) phrase += (phrase.empty() ? "" : " ") + words[i];
    by_alias_[phrase].push_back(use);
    // The head of "secretary of state" alone.
    size_t of = std::find(words.begin() + k, words.end(), "of") - words.begin();
    if (of < words.size() && of > k) {
      std::string head;
      for (size_t i = k; i < of; ++i) head += (head.empty() ? "" : " ") + words[i];
      by_alias_[head].push_back(use);
    }
  }
}

bool SpeakerRegistry::IsNameLike(std::string_view text, const Toks& toks, const NameRun& run,
                                 bool sentence_start) const {
  if (run.end - run.begin != 1 || !sentence_start) return true;
  return lower_words_.count(LowerWord(text, toks[run.begin])) == 0;
}

void SpeakerRegistry::Learn(std::string_view text, const Toks& toks) {
  for (size_t i = 0; i < toks.size(); ++i) {
    const SpeakerToken& t = toks[i];
    if (t.IsWord() && !t.cap) lower_words_.insert(std::string(t.span.In(text)));
    if (t.IsWord() && t.cap && !StartsSentence(toks, i)) capitalized_inside_.insert(std::string(Bare(t.span.In(text))));
  }
  std::vector<NameRun> runs = FindNameRuns(text, toks, 0, toks.size());
  for (size_t r = 0; r < runs.size(); ++r) {
    const NameRun& run = runs[r];
    // Two name words, or one after a title ("President Trump"), make a person.
    bool full = run.end - run.name >= 2 || run.name > run.begin;
    int p = PersonFor(text, toks, run, full);
    if (p < 0) continue;
    if (run.name > run.begin || (run.begin > 0 && toks[run.begin - 1].IsWord() && !toks[run.begin - 1].cap)) {
      AddAliases(text, toks, run.begin, run.name, p);
    }
    for (size_t i = run.begin; i < run.name; ++i) {
      Gender g = TitleLexicon::TitleGender(LowerWord(text, toks[i]));
      if (g == Gender::kMale) people_[p].male += 2;
      if (g == Gender::kFemale) people_[p].female += 2;
    }
    // The first gendered pronoun after the name, before the next name.
    size_t limit = std::min(r + 1 < runs.size() ? runs[r + 1].begin : toks.size(), run.end + 30);
    for (size_t i = run.end; i < limit; ++i) {
      if (!toks[i].IsWord()) continue;
      Gender g = SpeakerLexicon::PronounGender(LowerWord(text, toks[i]));
      if (g == Gender::kMale) ++people_[p].male;
      if (g == Gender::kFemale) ++people_[p].female;
      if (g != Gender::kUnknown) break;
    }
  }
}

std::string SpeakerRegistry::ResolveName(std::string_view text, const Toks& toks, const NameRun& run) {
  int p = PersonFor(text, toks, run, true);
  return p < 0 ? "" : people_[p].name;
}

// The token where the subject of the sentence starting at `s` stands:
// after leading conjunctions and an opening adverbial clause ("When asked
// about it, he said" -> "he").
size_t SpeakerRegistry::SubjectPosition(std::string_view text, const Toks& toks, size_t s, size_t e) {
  size_t i = s;
  while (i < e && toks[i].IsWord() && SpeakerLexicon::IsSentenceAdverb(LowerWord(text, toks[i]))) ++i;
  if (i < e && toks[i].IsPunct(',')) ++i;
  if (i < e && toks[i].IsWord() && SpeakerLexicon::OpensAdverbial(LowerWord(text, toks[i]))) {
    size_t j = i;
    while (j < e && j - i < 25 && !toks[j].IsPunct(',')) ++j;
    return j < e && toks[j].IsPunct(',') ? j + 1 : e;
  }
  return AfterTitleModifier(text, toks, i, e);
}

// "Harbor master Ilse Vandermeer", "Fire chief Oda Lind": a capitalized
// modifier and a lower-case title stand before the name that is the subject.
size_t SpeakerRegistry::AfterTitleModifier(std::string_view text, const Toks& toks, size_t i, size_t e) {
  bool shape = i + 2 < e && toks[i].IsWord() && toks[i].cap && toks[i + 1].IsWord() && !toks[i + 1].cap &&
               toks[i + 2].IsWord() && toks[i + 2].cap;
  return shape && TitleLexicon::IsTitleWord(LowerWord(text, toks[i + 1])) ? i + 2 : i;
}

void SpeakerRegistry::Index(std::string_view text, const Toks& toks) {
  std::vector<NameRun> runs = FindNameRuns(text, toks, 0, toks.size());
  size_t r = 0;
  size_t s = 0;
  while (s < toks.size()) {
    size_t e = s;
    while (e < toks.size() && !IsSentenceBreak(toks[e])) ++e;
    size_t subject = SubjectPosition(text, toks, s, e);
    for (; r < runs.size() && runs[r].begin < e; ++r) {
      int p = PersonFor(text, toks, runs[r], true);
      bool at_subject = runs[r].begin == subject ||
                        (runs[r].begin == subject + 1 && SpeakerLexicon::IsDeterminer(LowerWord(text, toks[subject])));
      if (p >= 0) mentions_.push_back({toks[runs[r].begin].span.begin, p, at_subject});
    }
    // A pronoun subject stands for the person it resolves to, so that the
    // next "he" follows the chain ("Roe spoke. He said Doe left. He added").
    Gender g = Gender::kUnknown;
    if (subject < e && toks[subject].IsWord() && SpeakerLexicon::SpeakerPronoun(LowerWord(text, toks[subject]), &g) &&
        (g == Gender::kMale || g == Gender::kFemale)) {
      int p = PronounPerson(toks[subject].span.begin, g);
      if (p >= 0) {
        Mention m{toks[subject].span.begin, p, true};
        mentions_.insert(std::upper_bound(mentions_.begin(), mentions_.end(), m), m);
      }
    }
    s = e + 1;
  }
}

int SpeakerRegistry::AliasPerson(const std::vector<AliasUse>& uses, uint32_t pos, const std::string& qualifier) const {
  // The latest use before `pos` that fits, else the first after it. A use
  // fits when its qualifier is the description's; a bare description ("the
  // president") prefers a bare title, then any.
  auto pick = [&](auto fits) {
    int best = -1;
    for (const AliasUse& u : uses) {
      if (!fits(u)) continue;
      if (u.at < pos || best < 0) best = u.person;
      if (u.at >= pos) break;
    }
    return best;
  };
  int p = pick([&](const AliasUse& u) { return u.qualifier == qualifier; });
  if (p < 0 && !qualifier.empty()) p = pick([](const AliasUse& u) { return u.qualifier.empty(); });
  if (p < 0 && qualifier.empty()) p = pick([](const AliasUse&) { return true; });
  return p;
}

std::string SpeakerRegistry::ResolveDescription(std::string_view text, const Toks& toks, size_t b, size_t e) const {
  std::vector<std::string> words;
  for (size_t i = b; i < e; ++i) {
    if (!toks[i].IsWord()) continue;
    std::string w = LowerWord(text, toks[i]);
    if (words.empty() && SpeakerLexicon::IsDeterminer(w)) continue;
    words.push_back(w);
  }
  for (size_t k = 0; k < words.size(); ++k) {
    std::string phrase;
    for (size_t i = k; i < words.size(); ++i) phrase += (phrase.empty() ? "" : " ") + words[i];
    auto it = by_alias_.find(phrase);
    if (it == by_alias_.end()) continue;
    int person = AliasPerson(it->second, b < toks.size() ? toks[b].span.begin : 0, QualifierOf(words, k));
    return person < 0 ? "" : people_[person].name;
  }
  return "";
}

int SpeakerRegistry::PronounPerson(uint32_t pos, Gender gender) const {
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), Mention{pos, -1, false});
  bool gendered = gender == Gender::kMale || gender == Gender::kFemale;
  // Prefer the latest sentence subject whose gender fits, then any mention.
  for (int pass = 0; pass < 4; ++pass) {
    bool subjects_only = pass < 2;
    bool exact = pass % 2 == 0;
    int seen = 0;
    for (auto m = it; m != mentions_.begin() && seen < 12; ++seen) {
      --m;
      if (subjects_only && !m->subject) continue;
      const Person& p = people_[m->person];
      if (!gendered || p.gender() == gender || (!exact && p.gender() == Gender::kUnknown)) return m->person;
    }
  }
  return -1;
}

std::string SpeakerRegistry::ResolvePronoun(uint32_t pos, Gender gender) const {
  int p = PronounPerson(pos, gender);
  return p < 0 ? "" : people_[p].name;
}

}  // namespace storyfuse
