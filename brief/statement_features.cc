#include "brief/statement_features.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "analyze/date_words.h"
#include "analyze/number_extractor.h"
#include "analyze/speaker_lexicon.h"
#include "analyze/title_lexicon.h"
#include "brief/stem_cache.h"
#include "text/ascii_chars.h"
#include "text/opposite_words.h"
#include "text/stopwords.h"
#include "text/unicode_text.h"
#include "text/word_lexer.h"

namespace storyfuse {
namespace {

// Letters a "loose stem" keeps: derivations Snowball leaves apart
// ("acquire" / "acquisition", "announce" / "announcement") share them.
constexpr size_t kPrefixLetters = 5;
// Character n-grams: long enough to skip chance overlap, short enough to
// match a word's inflections.
constexpr size_t kCharGram = 4;
// Counts of missing names or numbers are capped here: past three, one
// more says nothing new.
constexpr float kCountCap = 3;
// A clause of one plain word ("..., but rarely") is a qualifier the
// containment share already weighs; two make a claim of its own.
constexpr size_t kMinClauseWords = 2;
// Two figures are the same value within this relative difference (floating
// point noise from scales: 2.5 billion vs 2,500 million).
constexpr double kSameValue = 1e-9;
// A rounded figure stands for one within this share of it (296 -> 300);
// past it two figures differ however they were rounded (8 vs 10 feet).
constexpr double kRoundingShare = 0.05;
// Significant digits looked at to find where a figure was rounded.
constexpr int kMaxDigits = 15;
// Runs of unmatched words are capped here: a longer one is a different
// sentence anyway.
constexpr float kMaxRun = 10;

uint64_t Hash(std::string_view s) { return std::hash<std::string_view>()(s); }
uint64_t Combine(uint64_t a, uint64_t b) { return a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull + (a >> 7)); }

template <typename T>
void SortUnique(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// Words that hedge a statement: a span that says a thing "appears" or
// "may" be so states less than a claim that it is.
bool IsHedge(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"appear",   "appears",     "appeared",   "seem",       "seems",
                                                "seemed",   "may",         "might",      "perhaps",    "possibly",
                                                "probably", "reportedly",  "allegedly",  "apparently", "likely",
                                                "unlikely", "purportedly", "supposedly", "presumably"};
  for (std::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

// Words that open a clause of their own after a comma: what follows them
// is a second claim ("..., but the plot failed").
bool IsContrast(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"but", "yet", "while", "although", "though", "whereas"};
  for (std::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

bool IsNegation(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"not",     "no",  "never",  "nobody",  "none",   "nothing",
                                                "neither", "nor", "cannot", "without", "nowhere"};
  for (std::string_view w : kWords) {
    if (lower == w) return true;
  }
  return lower.ends_with("n't") || lower.ends_with("n\xE2\x80\x99t");
}

// Straight (") or curly (“ ”) double quotation mark.
enum class Mark { kNone, kStraight, kOpen, kClose };
Mark QuoteMark(std::string_view s) {
  if (s == "\"") return Mark::kStraight;
  if (s == "\xE2\x80\x9C") return Mark::kOpen;
  if (s == "\xE2\x80\x9D") return Mark::kClose;
  return Mark::kNone;
}

// One word token of a sentence, read.
struct Word {
  std::string folded;
  uint64_t hash = 0;  // of `folded`
  uint64_t stem = 0;  // hash of the stem ("#<digits>" for a number)
  float idf = 0;      // of the stem, for content words
  bool number = false;
  bool content = false;  // a content word or a number
  bool capitalized = false;
  bool first = false;   // first word of the sentence
  bool quoted = false;  // inside quotation marks
  bool clause = false;  // opens a clause: after ";" or a comma and a contrast ("but", "while")
};

// Lower case, with a fast path for ASCII (most news words).
void FoldInto(std::string_view text, std::string* out) {
  bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) {
    *out = UnicodeText::Fold(text);
    return;
  }
  out->assign(text);
  for (char& c : *out) c = AsciiLower(c);
}

// The sentence's words and numbers. `idf` (when given) weighs content
// stems; `stems` (when given) receives the content stems as text.
std::vector<Word> Words(std::string_view sentence, const std::vector<LexToken>& lex, const IdfTable* idf,
                        std::vector<std::string>* stems) {
  std::vector<Word> out;
  out.reserve(lex.size());
  bool inside = false;
  bool semicolon = false, comma = false;  // the punctuation since the last word
  std::string stem;
  for (const LexToken& t : lex) {
    std::string_view text = t.span.In(sentence);
    if (t.kind == LexKind::kPunct) {
      Mark m = QuoteMark(text);
      if (m == Mark::kStraight) inside = !inside;
      if (m == Mark::kOpen) inside = true;
      if (m == Mark::kClose) inside = false;
      semicolon |= text == ";";
      comma |= text == ",";
      continue;
    }
    if (t.kind == LexKind::kPossessive) continue;
    Word& w = out.emplace_back();
    w.number = t.kind == LexKind::kNumber;
    if (w.number) {
      for (char c : text) {
        if (c != ',') w.folded += c;
      }
      stem = "#" + w.folded;
      w.content = true;
    } else {
      FoldInto(text, &w.folded);
      w.content = w.folded.size() >= 2 && !IsStopword(w.folded);
      stem = w.content ? StemCache::Stem(w.folded) : w.folded;
    }
    w.hash = Hash(w.folded);
    w.stem = Hash(stem);
    if (w.content && idf != nullptr) w.idf = idf->Idf(stem);
    if (w.content && stems != nullptr) stems->push_back(stem);
    w.capitalized = t.capitalized;
    w.first = out.size() == 1;
    w.quoted = inside;
    w.clause = !w.first && (semicolon || (comma && IsContrast(w.folded)));
    semicolon = comma = false;
  }
  return out;
}

bool Content(const Word& w) { return w.content; }

// A capitalized word that names someone or something: not the sentence's
// first word (capitalized anyway), not a title or a calendar word.
bool NameWord(const Word& w) {
  if (!w.capitalized || w.first || w.number) return false;
  return !IsStopword(w.folded) && !SpeakerLexicon::IsNonNameCapital(w.folded) && !TitleLexicon::IsTitleWord(w.folded);
}

uint64_t Loose(std::string_view folded) { return Hash(folded.substr(0, kPrefixLetters)); }

// In a sentence quoting someone, the name beside a speech verb outside the
// quotation: "said Ana Ruiz" (after an invertible verb) or "Ana Ruiz
// said", titles skipped ("said Mayor Ana Ruiz"). "He said" names no one:
// empty. Only quotations count: without one, "state" or "report" are as
// often nouns ("a U.S. state") as speech verbs.
std::vector<uint64_t> Speaker(const std::vector<Word>& words) {
  std::vector<uint64_t> out;
  if (std::none_of(words.begin(), words.end(), [](const Word& w) { return w.quoted; })) return out;
  for (size_t i = 0; i < words.size() && out.empty(); ++i) {
    if (words[i].quoted) continue;
    CueVerb cue = SpeakerLexicon::Cue(words[i].folded);
    if (cue.strength != CueStrength::kStrong) continue;
    for (size_t j = i + 1; cue.invertible && j < words.size() && !words[j].quoted; ++j) {
      if (TitleLexicon::IsTitleWord(words[j].folded) && words[j].capitalized) continue;
      if (!NameWord(words[j])) break;
      out.push_back(Loose(words[j].folded));
    }
    for (size_t j = i; j-- > 0 && !words[j].quoted;) {
      if (!words[j].capitalized || words[j].number || TitleLexicon::IsTitleWord(words[j].folded)) break;
      if (SpeakerLexicon::IsNonNameCapital(words[j].folded) || IsStopword(words[j].folded)) break;
      out.push_back(Loose(words[j].folded));
    }
  }
  SortUnique(&out);
  return out;
}

// "Owens said ...", "Ana Ruiz told ...": the sentence's first word when
// it is capitalized, could be a name, and a strong speech verb follows it
// (or follows one more capitalized word). A claim credited to someone is
// not stated by a span that does not name them.
std::vector<uint64_t> LeadSpeaker(const std::vector<Word>& words) {
  auto could_name = [](const Word& w) {
    return w.capitalized && !w.number && !IsStopword(w.folded) && !SpeakerLexicon::IsNonNameCapital(w.folded) &&
           !TitleLexicon::IsTitleWord(w.folded);
  };
  auto speech = [](const Word& w) { return SpeakerLexicon::Cue(w.folded).strength == CueStrength::kStrong; };
  if (words.size() < 2 || !could_name(words[0]) || words[0].quoted) return {};
  if (speech(words[1]) || (words.size() > 2 && could_name(words[1]) && speech(words[2]))) return {words[0].hash};
  return {};
}

std::vector<double> Numbers(std::string_view sentence, const std::vector<LexToken>& lex) {
  std::vector<double> out;
  std::vector<Quantity> quantities = NumberExtractor::Extract(sentence, lex);
  for (const Quantity& q : quantities) {
    out.push_back(q.value);
    if (q.range) out.push_back(q.max);
  }
  // Figures the extractor leaves out (years, days of the month, times)
  // still tell two statements apart.
  for (const LexToken& t : lex) {
    if (t.kind != LexKind::kNumber) continue;
    bool covered = std::any_of(quantities.begin(), quantities.end(), [&](const Quantity& q) {
      return t.span.begin >= q.figure.begin && t.span.end <= q.figure.end;
    });
    if (covered) continue;
    std::string digits;
    for (char c : t.span.In(sentence)) {
      if (c != ',') digits += c;
    }
    out.push_back(std::strtod(digits.c_str(), nullptr));
  }
  SortUnique(&out);
  return out;
}

// |a ∩ b| of two sorted unique vectors.
template <typename T>
size_t Shared(const std::vector<T>& a, const std::vector<T>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

float Ratio(size_t part, size_t whole) { return whole == 0 ? 0 : static_cast<float>(part) / whole; }

// Coverage of each side by the other: (shared / |a|, shared / |b|) as
// (min, max).
template <typename T>
std::pair<float, float> Coverage(const std::vector<T>& a, const std::vector<T>& b) {
  size_t n = Shared(a, b);
  float x = Ratio(n, a.size()), y = Ratio(n, b.size());
  return {std::min(x, y), std::max(x, y)};
}

bool Contains(const std::vector<uint64_t>& sorted, uint64_t h) {
  return std::binary_search(sorted.begin(), sorted.end(), h);
}

// What `a` says that `b` lacks: the heaviest missing content stem's idf and
// the summed idf of all missing ones.
std::pair<float, float> Missing(const MatchSentence& a, const MatchSentence& b) {
  float heaviest = 0, sum = 0;
  size_t j = 0;
  for (auto [h, w] : a.content) {
    while (j < b.content.size() && b.content[j].first < h) ++j;
    if (j < b.content.size() && b.content[j].first == h) continue;
    heaviest = std::max(heaviest, w);
    sum += w;
  }
  return {heaviest, sum};
}

// Idf weight of a's content found in b, and the dot product of the two
// idf vectors.
std::pair<float, float> WeightedShared(const MatchSentence& a, const MatchSentence& b) {
  float shared = 0, dot = 0;
  size_t i = 0, j = 0;
  while (i < a.content.size() && j < b.content.size()) {
    if (a.content[i].first < b.content[j].first) {
      ++i;
    } else if (b.content[j].first < a.content[i].first) {
      ++j;
    } else {
      shared += a.content[i].second;
      dot += a.content[i].second * b.content[j].second;
      ++i, ++j;
    }
  }
  return {shared, dot};
}

size_t Lcs(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::vector<size_t> row(b.size() + 1, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    size_t diagonal = 0;
    for (size_t j = 0; j < b.size(); ++j) {
      size_t above = row[j + 1];
      row[j + 1] = a[i] == b[j] ? diagonal + 1 : std::max(row[j], above);
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The place of a figure's last non-zero digit: 100 for 300, 1 for 296,
// 0.1 for 64.7; what it was rounded to.
double Precision(double v) {
  v = std::fabs(v);
  if (v == 0) return 1;
  double p = std::pow(10.0, std::floor(std::log10(v)));
  for (int i = 0; i < kMaxDigits; ++i, p /= 10) {
    double q = v / p;
    if (std::fabs(q - std::round(q)) <= kSameValue * q) return p;
  }
  return p;
}

// The same figure, or one the rounded form of the other: "300 people" and
// "296 people", "$65 billion" and "$64.7 billion". The rounding may not
// move the figure by more than kRoundingShare, so 8 and 10 stay apart.
bool SameFigure(double x, double y) {
  double big = std::max(std::fabs(x), std::fabs(y));
  if (std::fabs(x - y) <= kSameValue * big) return true;
  if (std::fabs(x - y) > kRoundingShare * big) return false;
  double px = Precision(x), py = Precision(y);
  double coarse = std::max(px, py), fine = px >= py ? y : x, rounded = px >= py ? x : y;
  return std::fabs(std::round(fine / coarse) * coarse - rounded) <= kSameValue * big;
}

// Values of `a` that `b` does not state.
int UnmatchedNumbers(const std::vector<double>& a, const std::vector<double>& b) {
  int n = 0;
  for (double x : a) n += std::none_of(b.begin(), b.end(), [&](double y) { return SameFigure(x, y); });
  return n;
}

// Names of `a` that appear nowhere in `b` (in any case).
int UnmatchedNames(const MatchSentence& a, const MatchSentence& b) {
  int n = 0;
  for (uint64_t h : a.names) n += !Contains(b.tokens, h);
  return n;
}

// Content words of `a` (not names, not numbers) that `b` lacks even as
// loose stems: the plain words one side adds.
int UnmatchedWords(const MatchSentence& a, const MatchSentence& b) {
  int n = 0;
  for (uint64_t h : a.plain) n += !Contains(b.prefixes, h);
  return n;
}

// The longest run of consecutive words of `sequence` whose stems `b` lacks:
// an added clause ("as he screamed in pain") rather than scattered
// rewording.
size_t UnmatchedRun(const std::vector<uint64_t>& sequence, const MatchSentence& b) {
  size_t run = 0, longest = 0;
  for (uint64_t h : sequence) {
    run = Contains(b.stems, h) ? 0 : run + 1;
    longest = std::max(longest, run);
  }
  return longest;
}

size_t EditDistance(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 0; i < a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i + 1;
    for (size_t j = 0; j < b.size(); ++j) {
      size_t above = row[j + 1];
      row[j + 1] = std::min({above + 1, row[j] + 1, diagonal + (a[i] == b[j] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

template <typename T>
bool Disjoint(const std::vector<T>& a, const std::vector<T>& b) {
  return !a.empty() && !b.empty() && Shared(a, b) == 0;
}

float Cap(float x) { return std::min(x, kCountCap); }

}  // namespace

std::vector<std::string> StatementFeatures::ContentStems(std::string_view sentence) {
  std::vector<LexToken> lex = WordLexer::Lex(sentence);
  std::vector<std::string> out;
  Words(sentence, lex, nullptr, &out);
  return out;
}

MatchSentence StatementFeatures::Read(std::string_view sentence, const IdfTable& idf) {
  MatchSentence m;
  std::vector<LexToken> lex = WordLexer::Lex(sentence);
  std::vector<Word> words = Words(sentence, lex, &idf, nullptr);
  m.words = static_cast<int>(words.size());
  std::string joined;
  uint64_t last_content = 0;
  std::vector<std::pair<uint64_t, uint64_t>> loose_of;  // (stem, loose stem) of content words
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    uint64_t h = w.hash;
    m.tokens.push_back(h);
    m.sequence.push_back(w.stem);
    m.stems.push_back(w.stem);
    if (i >= 1) m.bigrams.push_back(Combine(words[i - 1].hash, h));
    if (i >= 2) m.trigrams.push_back(Combine(Combine(words[i - 2].hash, words[i - 1].hash), h));
    if (Content(w)) {
      m.content.push_back({w.stem, w.idf});
      if (last_content != 0) m.content_bigrams.push_back(Combine(last_content, w.stem));
      last_content = w.stem;
      if (!w.number && !NameWord(w)) m.plain.push_back(Loose(w.folded));
      if (!w.number) {
        m.prefixes.push_back(Loose(w.folded));
        loose_of.push_back({w.stem, m.prefixes.back()});
      }
      if (w.quoted) m.quoted.push_back(w.stem);
    }
    if (NameWord(w)) m.names.push_back(h);
    if (IsNegation(w.folded)) ++m.negations;
    if (IsHedge(w.folded) && !w.capitalized) ++m.hedges;  // "in May" is a month
    if (w.clause) m.clauses.emplace_back();
    if (!m.clauses.empty() && Content(w) && !w.number && !NameWord(w)) m.clauses.back().push_back(Loose(w.folded));
    if (double v = NumberExtractor::WordValue(w.folded); v > 0) m.word_numbers.push_back(v);
    if (Sense sense = OppositeWords::Of(w.folded); sense.pair > 0)
      m.senses.push_back(2 * sense.pair + (sense.side > 0));
    if (!w.number) {
      if (int day = WeekdayFromWord(w.folded); day >= 0 && w.capitalized) m.weekdays.push_back(day);
      bool abbreviated = false;
      if (int month = MonthFromWord(w.folded, &abbreviated); month > 0 && w.capitalized && !abbreviated) {
        m.months.push_back(month);
      }
    }
    if (!joined.empty()) joined += ' ';
    joined += w.folded;
  }
  // A 4- or 3-byte gram is its own key: its bytes packed in an integer.
  uint64_t gram = 0;
  for (size_t i = 0; i < joined.size(); ++i) {
    gram = (gram << 8 | static_cast<unsigned char>(joined[i])) & 0xFFFFFFFFull;
    if (i + 1 >= kCharGram) m.chars.push_back(gram);
    if (i + 1 >= 3) m.chars3.push_back(gram & 0xFFFFFF);
  }
  std::sort(m.content.begin(), m.content.end());
  m.content.erase(
      std::unique(m.content.begin(), m.content.end(), [](const auto& x, const auto& y) { return x.first == y.first; }),
      m.content.end());
  std::sort(loose_of.begin(), loose_of.end());
  for (auto [h, w] : m.content) {
    auto it = std::lower_bound(loose_of.begin(), loose_of.end(), std::make_pair(h, uint64_t{0}));
    m.content_loose.push_back(it != loose_of.end() && it->first == h ? it->second : 0);
    m.weight += w;
    m.norm += w * w;
  }
  m.norm = std::sqrt(m.norm);
  for (auto* v : {&m.tokens, &m.prefixes, &m.bigrams, &m.trigrams, &m.chars, &m.chars3, &m.names, &m.quoted,
                  &m.content_bigrams, &m.plain, &m.stems}) {
    SortUnique(v);
  }
  SortUnique(&m.weekdays);
  SortUnique(&m.senses);
  SortUnique(&m.months);
  m.speaker = Speaker(words);
  m.lead_speaker = LeadSpeaker(words);
  m.numbers = Numbers(sentence, lex);
  return m;
}

// Each side's speaker is named nowhere in the other sentence: "said Ana
// Ruiz" against "Ruiz, the mayor, said" or "Mayor Ruiz told" is the same
// speaker however each outlet words the attribution (and spells it:
// names are compared by their first letters).
bool StatementFeatures::DifferentSpeakers(const MatchSentence& a, const MatchSentence& b) {
  if (a.speaker.empty() || b.speaker.empty()) return false;
  return Shared(a.speaker, b.prefixes) == 0 && Shared(b.speaker, a.prefixes) == 0;
}

// Each side states a figure the other does not ("800,000 copies in its
// first week" / "11 million copies worldwide"), or they name different
// weekdays or months: whatever else they share, they report different
// quantities or different days.
bool StatementFeatures::DifferentFacts(const MatchSentence& a, const MatchSentence& b) {
  if (UnmatchedNumbers(a.numbers, b.numbers) > 0 && UnmatchedNumbers(b.numbers, a.numbers) > 0) return true;
  return Disjoint(a.weekdays, b.weekdays) || Disjoint(a.months, b.months);
}

ClaimCoverage StatementFeatures::Covers(const MatchSentence& claim, const MatchSentence& span) {
  ClaimCoverage c;
  float found = 0;
  // A content word found only as a loose stem ("disappointment" for
  // "disappointed") counts as found.
  for (size_t i = 0; i < claim.content.size(); ++i) {
    auto [h, w] = claim.content[i];
    uint64_t loose = claim.content_loose[i];
    if (Contains(span.stems, h) || (loose != 0 && Contains(span.prefixes, loose))) found += w;
  }
  c.weight_share = claim.weight > 0 ? found / claim.weight : 0;
  c.missing_words = UnmatchedWords(claim, span);
  c.missing_names = UnmatchedNames(claim, span);
  for (uint64_t h : claim.lead_speaker) c.missing_names += !Contains(span.tokens, h);
  c.extra_names = UnmatchedNames(span, claim);
  c.missing_numbers = UnmatchedNumbers(claim.numbers, span.numbers);
  // A number word the extractor reads as no figure ("six others died")
  // still must be in the span, as a word or in digits.
  std::vector<double> span_values = span.numbers;
  span_values.insert(span_values.end(), span.word_numbers.begin(), span.word_numbers.end());
  c.missing_numbers += UnmatchedNumbers(claim.word_numbers, span_values);
  auto lacks = [](const std::vector<int>& a, const std::vector<int>& b) {
    return std::any_of(a.begin(), a.end(), [&](int x) { return !std::binary_search(b.begin(), b.end(), x); });
  };
  c.missing_calendar = lacks(claim.weekdays, span.weekdays) || lacks(claim.months, span.months);
  c.negation_differs = (claim.negations > 0) != (span.negations > 0);
  c.hedged = span.hedges > 0 && claim.hedges == 0;
  for (const std::vector<uint64_t>& clause : claim.clauses) {
    if (clause.size() < kMinClauseWords) continue;
    c.missing_clause |=
        std::none_of(clause.begin(), clause.end(), [&](uint64_t h) { return Contains(span.prefixes, h); });
  }
  for (int s : claim.senses) {
    int opposite = s ^ 1;
    if (std::binary_search(span.senses.begin(), span.senses.end(), opposite) &&
        !std::binary_search(span.senses.begin(), span.senses.end(), s)) {
      c.opposite = true;
    }
  }
  c.different_speakers = DifferentSpeakers(claim, span);
  return c;
}

const std::vector<std::string>& StatementFeatures::FeatureNames() {
  static const auto* names = new std::vector<std::string>{
      "tokens_min",
      "tokens_max",
      "content_min",
      "content_max",
      "idf_min",
      "idf_max",
      "loose_min",
      "loose_max",
      "bigrams_min",
      "bigrams_max",
      "trigrams_min",
      "trigrams_max",
      "chars_min",
      "chars_max",
      "lcs_min",
      "lcs_max",
      "cosine",
      "length_ratio",
      "length_min",
      "missing_heaviest_min",
      "missing_heaviest_max",
      "missing_sum_min",
      "missing_sum_max",
      "numbers_either",
      "numbers_both",
      "numbers_unmatched_min",
      "numbers_unmatched_max",
      "numbers_disjoint",
      "names_unmatched_min",
      "names_unmatched_max",
      "speaker_differs",
      "quoted_both",
      "quoted_min",
      "negation_differs",
      "weekday_differs",
      "month_differs",
      "content_bigrams_min",
      "content_bigrams_max",
      "unmatched_words_min",
      "unmatched_words_max",
      "edit_distance",
      "chars3_min",
      "chars3_max",
      "idf_min_sq",
      "idf_max_sq",
      "idf_product",
      "lcs_product",
      "chars_product",
      "bigrams_product",
      "unmatched_run_min",
      "unmatched_run_max",
      "cosine_sq",
      "content_product",
      "tokens_product",
  };
  return *names;
}

std::vector<float> StatementFeatures::Compare(const MatchSentence& a, const MatchSentence& b) {
  std::vector<float> f;
  f.reserve(FeatureNames().size());
  auto add = [&](std::pair<float, float> p) {
    f.push_back(p.first);
    f.push_back(p.second);
  };
  add(Coverage(a.tokens, b.tokens));
  std::vector<uint64_t> ca, cb;
  for (auto [h, w] : a.content) ca.push_back(h);
  for (auto [h, w] : b.content) cb.push_back(h);
  add(Coverage(ca, cb));
  auto [shared_a, dot] = WeightedShared(a, b);
  auto [shared_b, dot_b] = WeightedShared(b, a);
  float wa = a.weight > 0 ? shared_a / a.weight : 0, wb = b.weight > 0 ? shared_b / b.weight : 0;
  add({std::min(wa, wb), std::max(wa, wb)});
  add(Coverage(a.prefixes, b.prefixes));
  add(Coverage(a.bigrams, b.bigrams));
  add(Coverage(a.trigrams, b.trigrams));
  add(Coverage(a.chars, b.chars));
  size_t lcs = Lcs(a.sequence, b.sequence);
  float la = Ratio(lcs, a.sequence.size()), lb = Ratio(lcs, b.sequence.size());
  add({std::min(la, lb), std::max(la, lb)});
  f.push_back(a.norm > 0 && b.norm > 0 ? dot / (a.norm * b.norm) : 0);
  float na = std::max(1, a.words), nb = std::max(1, b.words);
  f.push_back(std::fabs(std::log(na / nb)));
  f.push_back(std::log(std::min(na, nb)));
  auto [heavy_a, sum_a] = Missing(a, b);
  auto [heavy_b, sum_b] = Missing(b, a);
  add({std::min(heavy_a, heavy_b), std::max(heavy_a, heavy_b)});
  add({std::log1p(std::min(sum_a, sum_b)), std::log1p(std::max(sum_a, sum_b))});
  f.push_back(!a.numbers.empty() || !b.numbers.empty());
  f.push_back(!a.numbers.empty() && !b.numbers.empty());
  int ua = UnmatchedNumbers(a.numbers, b.numbers), ub = UnmatchedNumbers(b.numbers, a.numbers);
  add({Cap(std::min(ua, ub)), Cap(std::max(ua, ub))});
  bool disjoint = !a.numbers.empty() && !b.numbers.empty() && ua == static_cast<int>(a.numbers.size()) &&
                  ub == static_cast<int>(b.numbers.size());
  f.push_back(disjoint);
  float ma = Cap(UnmatchedNames(a, b)), mb = Cap(UnmatchedNames(b, a));
  add({std::min(ma, mb), std::max(ma, mb)});
  f.push_back(DifferentSpeakers(a, b));
  bool quoted = !a.quoted.empty() && !b.quoted.empty();
  f.push_back(quoted);
  f.push_back(quoted ? Coverage(a.quoted, b.quoted).first : 0);
  f.push_back((a.negations > 0) != (b.negations > 0));
  f.push_back(Disjoint(a.weekdays, b.weekdays));
  f.push_back(Disjoint(a.months, b.months));
  add(Coverage(a.content_bigrams, b.content_bigrams));
  float xa = Cap(UnmatchedWords(a, b)), xb = Cap(UnmatchedWords(b, a));
  add({std::min(xa, xb), std::max(xa, xb)});
  f.push_back(static_cast<float>(EditDistance(a.sequence, b.sequence)) /
              std::max<size_t>(1, std::max(a.sequence.size(), b.sequence.size())));
  add(Coverage(a.chars3, b.chars3));
  f.push_back(f[4] * f[4]);
  f.push_back(f[5] * f[5]);
  f.push_back(f[4] * f[5]);
  f.push_back(f[14] * f[15]);
  f.push_back(f[12] * f[13]);
  f.push_back(f[8] * f[9]);
  float ra = std::min(kMaxRun, static_cast<float>(UnmatchedRun(a.sequence, b))),
        rb = std::min(kMaxRun, static_cast<float>(UnmatchedRun(b.sequence, a)));
  add({std::min(ra, rb), std::max(ra, rb)});
  f.push_back(f[16] * f[16]);
  f.push_back(f[2] * f[3]);
  f.push_back(f[0] * f[1]);
  return f;
}

}  // namespace storyfuse
