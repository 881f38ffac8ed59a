#include "brief/summarizer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analyze/entity_cues.h"
#include "analyze/title_lexicon.h"
#include "brief/furniture_sentence.h"
#include "brief/stem_cache.h"
#include "text/ascii_chars.h"
#include "text/segmenter.h"
#include "text/stopwords.h"
#include "text/unicode_text.h"

namespace storyfuse {
namespace {

// A word of the story: its stem id and whether it is a function word.
struct Term {
  uint32_t id = 0;
  bool stop = false;
  bool number = false;  // digits or a number word ("50", "eight", "million")
};

// One sentence of the story with what selection needs.
struct Candidate {
  uint32_t article = 0;
  uint32_t position = 0;
  Span span;
  int words = 0;
  bool eligible = false;
  bool partial = false;            // cut at the word budget
  double prior = 0;                // position prior, in concept-weight units
  std::vector<uint32_t> concepts;  // distinct concept ids, sorted
  std::vector<uint32_t> content;   // the unigram (content-word) ones
};

// Marks a summary sentence must not carry besides furniture
// (FurnitureSentence): a separator of page parts, an elision.
constexpr std::string_view kUnsummarizable[] = {"|", "...", "\xE2\x80\xA6"};

bool HasUnsummarizableMark(std::string_view s) {
  for (std::string_view m : kUnsummarizable) {
    if (s.find(m) != std::string_view::npos) return true;
  }
  return false;
}

// A quantity's word: digits ("50", "1,200", "3.5") or a number word.
// "one" is left out: it is mostly a pronoun ("one of them").
// Years ("1998", "2025") name a time, not a quantity, and are left out.
bool IsNumberWord(std::string_view w) {
  if (w.empty()) return false;
  if (std::isdigit(static_cast<unsigned char>(w[0]))) {
    bool year = w.size() == 4 && (w.starts_with("19") || w.starts_with("20"));
    return !year;
  }
  static const auto* words = new std::unordered_set<std::string_view>{
      "two",       "three",   "four",     "five",    "six",      "seven", "eight",   "nine",     "ten",
      "eleven",    "twelve",  "twenty",   "thirty",  "forty",    "fifty", "hundred", "hundreds", "thousand",
      "thousands", "million", "millions", "billion", "billions", "dozen", "dozens"};
  return words->contains(w);
}

// Opening words that need the sentence before them to be understood.
const std::unordered_set<std::string_view>& DanglingOpeners() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "he",           "she",         "it",          "they",    "his",       "her",   "its",   "their",
      "them",         "him",         "this",        "these",   "those",     "that",  "but",   "and",
      "or",           "so",          "however",     "also",    "yet",       "still", "then",  "instead",
      "nevertheless", "moreover",    "furthermore", "besides", "otherwise", "thus",  "hence", "therefore",
      "meanwhile",    "nonetheless", "such",        "both",    "another",   "other",
  };
  return *set;
}

bool IsQuoteMark(std::string_view s, size_t i, size_t* len) {
  unsigned char c = s[i];
  if (c == '"' || c == '\'' || c == '`') {
    *len = 1;
    return true;
  }
  // “ ” ‘ ’ are E2 80 9C/9D/98/99.
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = s[i + 2];
    if (d == 0x9C || d == 0x9D || d == 0x98 || d == 0x99) {
      *len = 3;
      return true;
    }
  }
  return false;
}

// The sentence ends on a full stop or exclamation, maybe inside a quote or
// parenthesis; questions, colons and bare headlines do not qualify.
bool EndsLikeStatement(std::string_view s) {
  size_t end = s.size();
  while (end > 0) {
    size_t len = 0;
    char c = s[end - 1];
    if (c == ')' || IsAsciiSpace(c)) {
      --end;
    } else if (end >= 3 && IsQuoteMark(s, end - 3, &len) && len == 3) {
      end -= 3;
    } else if (IsQuoteMark(s, end - 1, &len)) {
      --end;
    } else {
      break;
    }
  }
  return end > 0 && (s[end - 1] == '.' || s[end - 1] == '!');
}

// Share of letters among the non-space bytes, and of capitals among letters
// (ASCII only; other bytes count as letters, which is lenient on purpose).
bool LooksLikeProse(std::string_view s) {
  int letters = 0, upper = 0, other = 0;
  for (char ch : s) {
    unsigned char c = ch;
    if (IsAsciiSpace(ch)) continue;
    if (IsAsciiLetter(ch) || c >= 0x80) {
      ++letters;
      if (c >= 'A' && c <= 'Z') ++upper;
    } else {
      ++other;
    }
  }
  return letters >= 2 * other && upper * 2 < letters;
}

// Bytes of a wire dateline opening the sentence ("PORTVILLE, Examplia (AP) _ ",
// "LONDON (Reuters) - ", "WASHINGTON — "), or 0.
size_t DatelineLength(std::string_view s) {
  constexpr std::string_view kDashes[] = {" _ ", " -- ", " \xE2\x80\x94 ", " - ", " \xE2\x80\x93 "};
  size_t cut = std::string_view::npos, dash = 0;
  for (std::string_view d : kDashes) {
    size_t p = s.substr(0, 80).find(d);
    if (p != std::string_view::npos && p < cut) cut = p, dash = d.size();
  }
  if (cut == std::string_view::npos || cut < 3) return 0;
  std::string_view head = s.substr(0, cut);
  // The place name leads in capitals: "LONDON", "NEW YORK".
  size_t caps = 0;
  while (caps < head.size() &&
         (std::isupper(static_cast<unsigned char>(head[caps])) || head[caps] == ' ' || head[caps] == '.')) {
    ++caps;
  }
  bool wire = head.find('(') != std::string_view::npos;
  bool all_caps_place = caps == head.size() || head[caps] == ',';
  if (caps < 3 || !(wire || all_caps_place)) return 0;
  return cut + dash;
}

// Bytes of a short attribution tail closing the sentence (", officials
// said.", ", police said Tuesday.", ", according to the agency."), counted
// from its last comma, or 0. Tails with quotation marks are kept (the quote
// would lose its closing mark), as are long ones (they carry content).
size_t AttributionTailLength(std::string_view s) {
  constexpr int kMaxTailWords = 6;
  size_t end = s.size();
  while (end > 0 && IsAsciiSpace(s[end - 1])) --end;
  if (end == 0 || s[end - 1] != '.') return 0;
  size_t comma = s.rfind(", ", end);
  if (comma == std::string_view::npos || comma < 20) return 0;
  std::string_view tail = s.substr(comma + 2, end - 1 - (comma + 2));
  for (char c : tail) {
    if (c == '"' || c == '\'' || c == '(' || c == ')' || static_cast<unsigned char>(c) >= 0x80) return 0;
  }
  int words = 0;
  bool in_word = false;
  for (char c : tail) {
    bool space = IsAsciiSpace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  if (words == 0 || words > kMaxTailWords) return 0;
  std::string lower = " " + AsciiLower(tail) + " ";
  constexpr std::string_view kVerbs[] = {" said ", " says ", " reported ", " according to "};
  bool attribution = false;
  for (std::string_view v : kVerbs) attribution |= lower.find(v) != std::string::npos;
  if (!attribution) return 0;
  // The kept part must end on a word, not on a quote or bracket.
  unsigned char last = s[comma - 1];
  if (!std::isalnum(last)) return 0;
  return s.size() - comma;
}

// "The secretary of state said ...", "The minister added ...": a person
// named only by a title the reader of a summary has not been given. A
// name after the title ("The prime minister, Ann Lee,", "The president
// Ann Lee") makes it stand alone.
bool OpensOnBareTitle(std::string_view s, size_t first) {
  if (s.size() < first + 4 || AsciiLower(s.substr(first, 4)) != "the ") return false;
  std::vector<std::string_view> raw;
  size_t i = first;
  while (i < s.size() && raw.size() < 7) {
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && !IsAsciiSpace(s[i])) ++i;
    if (i > b) raw.push_back(s.substr(b, i - b));
  }
  if (raw.size() < 3 || AsciiLower(raw[0]) != "the") return false;
  std::vector<std::string> lower;
  for (std::string_view w : raw) lower.push_back(AsciiLower(w));
  // Title words run up to the first word carrying punctuation
  // ("minister," / "u.s."), which closes it.
  std::vector<std::string_view> words = {lower[0]};
  for (size_t k = 1; k < lower.size(); ++k) {
    words.push_back(lower[k]);
    bool plain = std::all_of(lower[k].begin(), lower[k].end(),
                             [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; });
    if (!plain) break;
  }
  size_t tlen = TitleLexicon::TitleLength(words, 1, words.size());
  if (tlen == 0 && words.size() > 2) {
    // One modifier before the title: "the transport minister".
    size_t t = TitleLexicon::TitleLength(words, 2, words.size());
    if (t > 0) tlen = t + 1;
  }
  if (tlen == 0) return false;
  std::string_view last = raw[tlen];
  if (!last.empty() && (last.back() == ',' || last.ends_with("\xE2\x80\x99s") || last.ends_with("'s"))) return false;
  if (tlen + 1 >= raw.size()) return false;
  return !std::isupper(static_cast<unsigned char>(raw[tlen + 1][0]));
}

// Share of the sentence's bytes inside double quotation marks (" “ ”).
// `inside` says whether a quotation is open where the sentence starts (a
// quotation of several sentences) and is left as it is where it ends.
double QuotedShare(std::string_view s, bool* open) {
  size_t quoted = 0;
  bool& inside = *open;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t len = 0;
    bool mark =
        s[i] == '"' || (IsQuoteMark(s, i, &len) && len == 3 &&
                        (static_cast<unsigned char>(s[i + 2]) == 0x9C || static_cast<unsigned char>(s[i + 2]) == 0x9D));
    if (mark) {
      inside = !inside;
      if (s[i] != '"') i += 2;
      continue;
    }
    if (inside) ++quoted;
  }
  return s.empty() ? 0 : static_cast<double>(quoted) / s.size();
}

// Whether a sentence can stand in a summary on its own.
bool Eligible(std::string_view s, const SummarizerOptions& opt, int words) {
  if (words < opt.min_sentence_words || words > opt.max_sentence_words) return false;
  if (!EndsLikeStatement(s) || s.find('?') != std::string_view::npos) return false;
  if (s.find('<') != std::string_view::npos && s.find('>') != std::string_view::npos) return false;
  if (!LooksLikeProse(s)) return false;
  size_t q = 0;
  size_t first = 0;
  while (first < s.size() && IsQuoteMark(s, first, &q)) first += q;
  if (first < s.size() && std::islower(static_cast<unsigned char>(s[first]))) return false;
  std::string lower = AsciiLower(s);
  if (HasUnsummarizableMark(s) || FurnitureSentence::IsByWords(lower)) return false;
  size_t e = first;
  while (e < lower.size() && std::isalpha(static_cast<unsigned char>(lower[e]))) ++e;
  if (DanglingOpeners().contains(std::string_view(lower).substr(first, e - first))) return false;
  return !opt.reject_bare_titles || !OpensOnBareTitle(s, first);
}

// Everything selection needs about one story.
struct Story {
  std::vector<Candidate> cands;
  std::vector<double> weights;   // per concept
  std::vector<uint8_t> numeric;  // per concept: a figure with what it counts
  uint32_t docs = 0;             // distinct articles
};

// Per-concept counts while the story is read.
struct ConceptStats {
  std::unordered_map<uint64_t, uint32_t> ids;
  std::vector<uint32_t> df, tf, last_doc;
  std::vector<uint8_t> unigram;
  std::vector<uint8_t> numeric;  // holds a number ("50 minute", "400 drone")

  uint32_t Intern(uint64_t key, bool is_unigram, bool is_numeric) {
    auto [it, inserted] = ids.emplace(key, static_cast<uint32_t>(df.size()));
    if (inserted) {
      df.push_back(0);
      tf.push_back(0);
      last_doc.push_back(UINT32_MAX);
      unigram.push_back(is_unigram);
      numeric.push_back(is_numeric);
    }
    return it->second;
  }
  // Counts a sentence's distinct concepts for article `doc`.
  void Count(const std::vector<uint32_t>& concepts, uint32_t doc) {
    for (uint32_t k : concepts) {
      ++tf[k];
      if (last_doc[k] != doc) last_doc[k] = doc, ++df[k];
    }
  }
};

// Concept weights: document frequency at or above a floor that grows with
// the story (a quarter of its articles, at least 2), so single-report
// details weigh nothing; in stories of up to three articles, where document
// frequency says little, repetition across sentences adds weight too.
std::vector<double> ConceptWeights(const ConceptStats& st, uint32_t docs, const SummarizerOptions& opt) {
  uint32_t min_df = std::max<uint32_t>(2, static_cast<uint32_t>(std::lround(docs * 0.25)));
  std::vector<double> w(st.df.size(), 0);
  for (size_t k = 0; k < w.size(); ++k) {
    double v = st.df[k] >= min_df ? st.df[k] : 0.0;
    if (docs <= 3 && st.tf[k] >= 2) v += opt.repeat_weight * (st.tf[k] - st.df[k]);
    w[k] = v * (st.unigram[k] ? opt.unigram_share : 1.0) * (st.numeric[k] ? opt.number_boost : 1.0);
  }
  return w;
}

// Per-sentence prior in concept-weight units: the story's average concept
// weight per word, times the sentence's words, times a lead factor that
// decays with its position p in its article as 1 / (1 + p)^lead_decay (news
// puts the gist first). `share` scales it against coverage.
void SetPriors(std::vector<Candidate>& cands, const std::vector<double>& weights, double share, double lead_decay) {
  double total_weight = 0, total_words = 0;
  for (const Candidate& c : cands) {
    if (!c.eligible) continue;
    for (uint32_t k : c.concepts) total_weight += weights[k];
    total_words += c.words;
  }
  if (total_words == 0) return;
  double per_word = total_weight / total_words;
  for (Candidate& c : cands) {
    c.prior = share * per_word * c.words / std::pow(1.0 + c.position, lead_decay);
  }
}

// The chosen sentences and the objective they reach: the weight of the
// concepts they cover, each counted once however many sentences state it
// (the redundancy control), plus the chosen sentences' priors.
class Selection {
 public:
  explicit Selection(const Story& story)
      : cands_(story.cands),
        weights_(story.weights),
        numeric_(story.numeric),
        cover_(story.weights.size(), 0),
        chosen_(story.cands.size(), 0) {}

  // Objective gained by adding `s`: its uncovered concepts and its prior.
  double Gain(uint32_t s) const {
    double g = cands_[s].prior;
    for (uint32_t c : cands_[s].concepts) {
      if (cover_[c] == 0) g += weights_[c];
    }
    return g;
  }
  // Objective lost by removing chosen `s`.
  double Loss(uint32_t s) const {
    double l = cands_[s].prior;
    for (uint32_t c : cands_[s].concepts) {
      if (cover_[c] == 1) l += weights_[c];
    }
    return l;
  }
  // Gain of adding `add` once chosen `removed` is gone.
  double GainWithout(uint32_t add, uint32_t removed) {
    Uncover(removed);
    double g = Gain(add);
    Cover(removed);
    return g;
  }
  // The largest share of the concept weight of `s` that one chosen sentence
  // states too: how much of a repeat `s` would be.
  double Covered(uint32_t s) const {
    double most = 0;
    for (uint32_t t : list_) most = std::max(most, Overlap(s, t));
    return most;
  }

  // Whether `s` would repeat a chosen sentence: it shares more than
  // `max_repeat` of its content words with one, and states no figure the
  // summary lacks ("a 50-minute meeting" after "the meeting").
  bool Repeats(uint32_t s, double max_repeat) const { return Covered(s) > max_repeat && !AddsFigure(s); }

  void Add(uint32_t s) {
    Cover(s);
    chosen_[s] = 1;
    list_.push_back(s);
    words_ += cands_[s].words;
  }
  void Remove(uint32_t s) {
    Uncover(s);
    chosen_[s] = 0;
    list_.erase(std::find(list_.begin(), list_.end(), s));
    words_ -= cands_[s].words;
  }
  bool Has(uint32_t s) const { return chosen_[s] != 0; }

  double Value() const {
    double v = 0;
    for (size_t c = 0; c < cover_.size(); ++c) {
      if (cover_[c] > 0) v += weights_[c];
    }
    for (uint32_t s : list_) v += cands_[s].prior;
    return v;
  }
  const std::vector<uint32_t>& list() const { return list_; }
  int words() const { return words_; }

 private:
  // Share of the content words of `s` that `t` has too: paraphrases share
  // their words more than their bigrams. Unweighted on purpose: in a small
  // story the weight sits on a few names every sentence repeats.
  double Overlap(uint32_t s, uint32_t t) const {
    const std::vector<uint32_t>& a = cands_[s].content;
    const std::vector<uint32_t>& b = cands_[t].content;
    size_t shared = 0, j = 0;
    for (uint32_t c : a) {
      while (j < b.size() && b[j] < c) ++j;
      if (j < b.size() && b[j] == c) ++shared;
    }
    return a.empty() ? 0 : static_cast<double>(shared) / a.size();
  }
  bool AddsFigure(uint32_t s) const {
    for (uint32_t c : cands_[s].concepts) {
      if (numeric_[c] && weights_[c] > 0 && cover_[c] == 0) return true;
    }
    return false;
  }
  void Cover(uint32_t s) {
    for (uint32_t c : cands_[s].concepts) ++cover_[c];
  }
  void Uncover(uint32_t s) {
    for (uint32_t c : cands_[s].concepts) --cover_[c];
  }

  const std::vector<Candidate>& cands_;
  const std::vector<double>& weights_;
  const std::vector<uint8_t>& numeric_;
  std::vector<int> cover_;
  std::vector<uint8_t> chosen_;
  std::vector<uint32_t> list_;
  int words_ = 0;
};

// Budgeted greedy: repeatedly adds the sentence of best gain per word^r
// that still fits.
void Greedy(const std::vector<uint32_t>& pool, const std::vector<Candidate>& cands, int budget, double r,
            double max_repeat, Selection* sel) {
  std::vector<double> cost(cands.size(), 1);
  for (uint32_t s : pool) cost[s] = std::pow(static_cast<double>(cands[s].words), r);
  while (true) {
    double best = 0;
    int pick = -1;
    for (uint32_t s : pool) {
      if (sel->Has(s) || sel->words() + cands[s].words > budget) continue;
      double g = sel->Gain(s);
      if (g <= 0) continue;
      double score = g / cost[s];
      if (score > best && !sel->Repeats(s, max_repeat)) best = score, pick = static_cast<int>(s);
    }
    if (pick < 0) return;
    sel->Add(static_cast<uint32_t>(pick));
  }
}

// Local search after the greedy: adds a sentence that fits, or swaps one
// in for the chosen sentence whose exchange gains most, while the objective
// grows. A few passes over the pool suffice in practice.
void Improve(const std::vector<uint32_t>& pool, const std::vector<Candidate>& cands, int budget, double max_repeat,
             Selection* sel) {
  constexpr double kEps = 1e-9;
  for (int pass = 0; pass < 4; ++pass) {
    bool changed = false;
    for (uint32_t add : pool) {
      // Conservative: judged against the whole selection, before any swap.
      if (sel->Has(add) || sel->Repeats(add, max_repeat)) continue;
      if (sel->words() + cands[add].words <= budget && sel->Gain(add) > kEps) {
        sel->Add(add);
        changed = true;
        continue;
      }
      double best = kEps;
      int out = -1;
      for (uint32_t drop : sel->list()) {
        if (sel->words() - cands[drop].words + cands[add].words > budget) continue;
        double delta = sel->GainWithout(add, drop) - sel->Loss(drop);
        if (delta > best) best = delta, out = static_cast<int>(drop);
      }
      if (out >= 0) {
        sel->Remove(static_cast<uint32_t>(out));
        sel->Add(add);
        changed = true;
      }
    }
    if (!changed) return;
  }
}

// The best of greedy + local search runs with cost exponents 0.5 and 1
// (favouring longer and denser sentences respectively).
std::vector<uint32_t> Select(const Story& story, int budget, double max_repeat) {
  std::vector<uint32_t> pool;
  for (uint32_t s = 0; s < story.cands.size(); ++s) {
    if (story.cands[s].eligible && story.cands[s].words <= budget) pool.push_back(s);
  }
  std::vector<uint32_t> best;
  double best_value = -1;
  for (double r : {0.5, 1.0}) {
    Selection sel(story);
    Greedy(pool, story.cands, budget, r, max_repeat, &sel);
    Improve(pool, story.cands, budget, max_repeat, &sel);
    double v = sel.Value();
    if (v > best_value) best_value = v, best = sel.list();
  }
  return best;
}

// The tokens of `sentence` (relative to its start) that lie inside `part`
// (a trimmed piece of it), relative to the start of `part`.
std::vector<Token> TokensWithin(const std::vector<Token>& tokens, Span sentence, Span part) {
  std::vector<Token> out;
  out.reserve(tokens.size());
  for (Token t : tokens) {
    uint32_t b = t.span.begin + sentence.begin, e = t.span.end + sentence.begin;
    if (b < part.begin || e > part.end) continue;
    t.span = Span{b - part.begin, e - part.begin};
    out.push_back(t);
  }
  return out;
}

// Bytes of the first `words` white-space fields of `t` (without trailing
// space), and how many fields that is (fewer when `t` is shorter).
size_t PrefixBytes(std::string_view t, int words, int* count) {
  int n = 0;
  bool in_word = false;
  size_t end = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    bool space = IsAsciiSpace(t[i]);
    if (!space && !in_word && n++ == words) break;
    if (!space) end = i + 1;
    in_word = !space;
  }
  *count = std::min(n, words);
  return end;
}

}  // namespace

struct Summarizer::Impl {
  Segmenter segmenter;
  // Token bytes -> term, kept across calls (news vocabulary saturates).
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, Term, Hash, std::equal_to<>> terms;
  std::unordered_map<std::string, uint32_t> stems;

  Term TermOf(std::string_view token) {
    auto it = terms.find(token);
    if (it != terms.end()) return it->second;
    if (terms.size() > 1'000'000) terms.clear(), stems.clear();
    std::string folded = UnicodeText::Fold(token);
    Term t;
    t.stop = IsStopword(folded);
    t.number = IsNumberWord(folded);
    auto [sit, inserted] = stems.emplace(StemCache::Stem(folded), static_cast<uint32_t>(stems.size()));
    t.id = sit->second;
    terms.emplace(std::string(token), t);
    return t;
  }

  // Distinct concepts of one sentence: content-word unigrams and bigrams of
  // adjacent words that are not both function words.
  std::vector<uint32_t> Concepts(std::string_view sentence, ConceptStats* st) {
    return Concepts(sentence, segmenter.Tokens(sentence), st);
  }
  // The same over the sentence's tokens (spans relative to `sentence`).
  std::vector<uint32_t> Concepts(std::string_view sentence, const std::vector<Token>& toks, ConceptStats* st) {
    std::vector<Term> ts;
    ts.reserve(toks.size());
    for (const Token& t : toks) ts.push_back(TermOf(t.span.In(sentence)));
    std::vector<uint32_t> out;
    for (size_t i = 0; i < ts.size(); ++i) {
      if (!ts[i].stop) out.push_back(st->Intern(uint64_t{ts[i].id} + 1, true, false));
      if (i + 1 < ts.size() && !(ts[i].stop && ts[i + 1].stop)) {
        // A number with what it counts: "50 minute", "400 drone".
        bool numeric = ts[i].number && !ts[i + 1].stop && !ts[i + 1].number;
        out.push_back(st->Intern((uint64_t{ts[i].id} + 1) << 32 | ts[i + 1].id, false, numeric));
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // The unchosen eligible sentence whose first `words` words gain most
  // (their uncovered concepts, plus the prior in proportion), cut there and
  // marked partial; -1 when none. Scoring the prefix, not the whole
  // sentence, matters: only the prefix reaches the reader.
  int PartialLast(Story& story, const std::vector<uint32_t>& chosen, int words, double max_repeat,
                  const std::vector<const Article*>& articles, ConceptStats* st) {
    Selection sel(story);
    for (uint32_t s : chosen) sel.Add(s);
    std::vector<uint8_t> covered(story.weights.size(), 0);
    for (uint32_t s : chosen) {
      for (uint32_t k : story.cands[s].concepts) covered[k] = 1;
    }
    double best = 0;
    int pick = -1, pick_words = 0;
    size_t pick_bytes = 0;
    for (uint32_t s = 0; s < story.cands.size(); ++s) {
      const Candidate& c = story.cands[s];
      if (!c.eligible || sel.Has(s) || sel.Repeats(s, max_repeat)) continue;
      std::string_view t = c.span.In(articles[c.article]->text);
      int n = 0;
      size_t bytes = PrefixBytes(t, words, &n);
      double g = c.prior * n / std::max(1, c.words);
      // Interning may add concepts no article counted: they weigh nothing.
      for (uint32_t k : Concepts(t.substr(0, bytes), st)) {
        if (k < covered.size() && !covered[k]) g += story.weights[k];
      }
      if (g > best) best = g, pick = static_cast<int>(s), pick_words = n, pick_bytes = bytes;
    }
    if (pick < 0) return -1;
    Candidate& c = story.cands[pick];
    c.span.end = c.span.begin + static_cast<uint32_t>(pick_bytes);
    c.words = pick_words;
    c.partial = true;
    return pick;
  }

  // Reads one article's sentences into the story.
  // `seg`, when given, is the text's segmentation, made by the caller.
  void AddArticle(std::string_view text, uint32_t index, const SummarizerOptions& opt, const SegmentedText* seg,
                  Story* story, ConceptStats* st) {
    std::vector<Span> own;
    if (seg == nullptr) own = segmenter.Sentences(text);
    const std::vector<Span>& spans = seg != nullptr ? seg->sentences : own;
    bool quote_open = false;  // within a paragraph, a quotation may span sentences
    uint32_t prev_end = 0;
    for (uint32_t p = 0; p < spans.size(); ++p) {
      if (text.substr(prev_end, spans[p].begin - prev_end).find('\n') != std::string_view::npos) {
        quote_open = false;
      }
      prev_end = spans[p].end;
      bool starts_inside = quote_open;  // a later piece of a quotation
      double quoted = QuotedShare(spans[p].In(text), &quote_open);
      // A piece of a quotation split across sentences, its first (it ends
      // inside the quotation) or a later one, is half a quote, never a
      // statement of its own.
      if ((starts_inside || quote_open) && opt.max_quoted_share < 1) quoted = 1;
      Candidate c;
      c.article = index;
      c.position = p;
      c.span = spans[p];
      c.span.begin += static_cast<uint32_t>(DatelineLength(spans[p].In(text)));
      std::string_view sentence = c.span.In(text);
      // Eligibility is judged on the whole sentence (its end mark), the
      // words and concepts on what remains after trimming.
      c.eligible = Eligible(sentence, opt, CountWords(sentence)) && quoted <= opt.max_quoted_share;
      if (opt.trim_attribution) {
        c.span.end -= static_cast<uint32_t>(AttributionTailLength(sentence));
        sentence = c.span.In(text);
      }
      c.words = CountWords(sentence);
      c.eligible = c.eligible && c.words >= opt.min_sentence_words;
      c.concepts = seg != nullptr ? Concepts(sentence, TokensWithin(seg->tokens[p], spans[p], c.span), st)
                                  : Concepts(sentence, st);
      for (uint32_t k : c.concepts) {
        if (st->unigram[k]) c.content.push_back(k);
      }
      st->Count(c.concepts, index);
      story->cands.push_back(std::move(c));
    }
  }
};

Summarizer::Summarizer(SummarizerOptions options) : options_(options), impl_(std::make_unique<Impl>()) {}

Summarizer::~Summarizer() = default;

int Summarizer::CountWords(std::string_view text) {
  int n = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = IsAsciiSpace(c);
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::vector<SummarySentence> Summarizer::Summarize(const std::vector<const Article*>& articles, int max_words) {
  return Summarize(articles, max_words, {});
}

std::vector<SummarySentence> Summarizer::Summarize(const std::vector<const Article*>& articles, int max_words,
                                                   const std::vector<const SegmentedText*>& segmented) {
  std::vector<SummarySentence> out;
  if (max_words <= 0) return out;
  Story story;
  ConceptStats stats;
  size_t bytes = 0;
  for (const Article* a : articles) bytes += a != nullptr ? a->text.size() : 0;
  stats.ids.reserve(bytes / 4);
  std::unordered_set<std::string_view> seen;
  for (uint32_t a = 0; a < articles.size(); ++a) {
    if (articles[a] == nullptr || articles[a]->text.empty()) continue;
    if (!seen.insert(articles[a]->text).second) continue;  // a verbatim copy counts once
    ++story.docs;
    const SegmentedText* seg = a < segmented.size() ? segmented[a] : nullptr;
    impl_->AddArticle(articles[a]->text, a, options_, seg, &story, &stats);
  }
  story.weights = ConceptWeights(stats, story.docs, options_);
  story.numeric = stats.numeric;
  SetPriors(story.cands, story.weights, options_.prior_weight, options_.lead_decay);

  std::vector<uint32_t> chosen = Select(story, max_words, options_.max_repeat);
  int used = 0;
  for (uint32_t s : chosen) used += story.cands[s].words;
  if (options_.allow_partial_last && used < max_words) {
    int s = impl_->PartialLast(story, chosen, max_words - used, options_.max_repeat, articles, &stats);
    if (s >= 0) chosen.push_back(static_cast<uint32_t>(s));
  }

  // Reading order: article date when both are known, then article, then
  // position within the article.
  const std::vector<Candidate>& cands = story.cands;
  std::sort(chosen.begin(), chosen.end(), [&](uint32_t x, uint32_t y) {
    const Candidate& a = cands[x];
    const Candidate& b = cands[y];
    const std::string& da = articles[a.article]->published.iso;
    const std::string& db = articles[b.article]->published.iso;
    if (!da.empty() && !db.empty() && da != db) return da < db;
    if (a.article != b.article) return a.article < b.article;
    return a.position < b.position;
  });
  for (uint32_t s : chosen) {
    const Candidate& c = cands[s];
    out.push_back({articles[c.article], c.article, c.position, c.span, c.words, c.partial});
  }
  return out;
}

}  // namespace storyfuse
