#include "analyze/entity_linker.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "analyze/date_words.h"
#include "analyze/entity_cues.h"
#include "text/country_names.h"
#include "text/stopwords.h"
#include "text/unicode_text.h"
#include "text/utf8.h"
#include "text/short_word_set.h"
#include "text/word_lexer.h"

namespace storyfuse {
namespace {

enum Vote { kPersonVote = 0, kOrgVote = 1, kPlaceVote = 2 };

// Latin letters with diacritics folded to their base letter, so that
// "Hernández" and "Hernandez" are one name.
char32_t BaseLetter(char32_t cp) {
  static constexpr std::string_view kFrom = "àáâãäåāăąçćčďèéêëēėęěğìíîïīįıłñńňòóôõöøōőřśšşťùúûüūůűųýÿźżž";
  static constexpr std::string_view kTo = "aaaaaaaaacccdeeeeeeeeegiiiiiiilnnnoooooooorsssstuuuuuuuuyyzzz";
  size_t pos = 0, idx = 0;
  while (pos < kFrom.size()) {
    char32_t c = DecodeUtf8(kFrom, &pos);
    if (c == cp) return static_cast<char32_t>(kTo[idx]);
    ++idx;
  }
  return cp;
}

// Lower case, diacritics and periods removed, typographic apostrophes
// made ASCII: the key two spellings of one form share.
std::string FoldName(std::string_view s) {
  std::string folded = UnicodeText::Fold(s);
  std::string out;
  out.reserve(folded.size());
  size_t pos = 0;
  while (pos < folded.size()) {
    char32_t cp = DecodeUtf8(folded, &pos);
    if (cp == '.') continue;
    if (cp == 0x2019) cp = '\'';
    if (cp >= 0x80) cp = BaseLetter(cp);
    AppendUtf8(cp, &out);
  }
  return out;
}

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0;
  if (a == b) return 1;
  size_t window = std::max(a.size(), b.size()) / 2;
  window = window > 0 ? window - 1 : 0;
  std::vector<bool> ma(a.size()), mb(b.size());
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    size_t lo = i > window ? i - window : 0, hi = std::min(b.size(), i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (mb[j] || a[i] != b[j]) continue;
      ma[i] = mb[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0;
  size_t t = 0, k = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!ma[i]) continue;
    while (!mb[k]) ++k;
    if (a[i] != b[k]) ++t;
    ++k;
  }
  double m = static_cast<double>(matches);
  double jaro = (m / a.size() + m / b.size() + (m - t / 2.0) / m) / 3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1 - jaro);
}

std::vector<std::string> SplitWords(const std::string& key) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < key.size()) {
    size_t e = key.find(' ', b);
    if (e == std::string::npos) e = key.size();
    if (e > b) out.push_back(key.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

// Words that open sentences and are never the start of a name.
bool IsOpener(std::string_view w) {
  static const auto* kOpeners = new ShortWordSet{
      "the", "a", "an", "throughout", "despite", "following", "amid", "among", "although",
      "though", "while", "whereas", "unless", "until", "since", "after", "before", "when",
      "meanwhile", "however", "moreover", "furthermore", "instead", "indeed", "still", "yet",
      "also", "even", "just", "only", "perhaps", "maybe", "today", "yesterday", "tomorrow",
      "tonight", "now", "then", "here", "there", "thus", "hence", "nonetheless", "nevertheless",
      "earlier", "later", "last", "next", "this", "that", "these", "those", "some", "many",
      "most", "several", "both", "each", "every", "all", "any", "such", "what", "which", "who",
      "why", "how", "where", "if", "as", "at", "by", "for", "from", "in", "into", "of", "on",
      "to", "with", "without", "under", "over", "about", "against", "per", "via", "like"};
  return kOpeners->Contains(w);
}

bool IsCorporateSuffix(std::string_view w) {
  return w == "inc" || w == "corp" || w == "co" || w == "ltd" || w == "llc" || w == "plc" ||
         w == "wire" || w == "group";
}

bool IsConnector(std::string_view w) { return w == "of" || w == "for" || w == "the" || w == "and"; }

struct RawMention {
  uint32_t article;
  Span span;
};

struct Surface {
  std::string key;
  std::map<std::string, int> forms;  // display form -> count
  double votes[3] = {0, 0, 0};
  int count = 0;
  int initial = 0;  // single-word mentions opening a sentence
  bool acronym = false;
  std::string country;
  std::map<std::string, int> titles;
  std::vector<RawMention> mentions;
};

struct TitleMention {
  uint32_t article;
  Span span;
  std::string title;      // "secretary of state"
  std::string qualified;  // "russia foreign minister", or ""
};

struct WeakMention {
  uint32_t article;
  Span span;
  std::string key;
};

}  // namespace

struct EntityLinker::State {
  std::vector<std::string> articles;
  std::unordered_map<std::string, Surface> surfaces;
  std::unordered_set<std::string> common_openers;  // sentence openers also seen in lower case
  std::vector<std::pair<std::string, std::string>> acronym_pairs;
  std::vector<TitleMention> title_mentions;
  std::vector<WeakMention> weak_mentions;
  // title (plain or qualified) -> surface key -> uses
  std::unordered_map<std::string, std::map<std::string, int>> title_index;
};

namespace {

// Reads one article: finds name runs, splits titles and qualifiers off
// them, and records surfaces with their evidence into the State.
class ArticleReader {
 public:
  ArticleReader(EntityLinker::State* state, uint32_t article, std::string_view text,
                const std::vector<LexToken>& tokens)
      : st_(*state), article_(article), text_(text), toks_(tokens) {
    lowered_ = AsciiLower(text_);
    lower_.reserve(toks_.size());
    for (const LexToken& t : toks_) {
      lower_.push_back(t.kind == LexKind::kWord ? t.span.In(lowered_) : std::string_view());
    }
    FindCommonOpeners();
    MarkHeadlines();
  }

  void Run() {
    size_t i = 0;
    while (i < toks_.size()) {
      if (WordIs(i, "the") && !headline_[i]) {
        if (size_t n = LowerTitleMention(i)) {
          i += n;
          continue;
        }
      }
      if (!IsNameToken(i)) {
        ++i;
        continue;
      }
      size_t e = RunEnd(i);
      if (headline_[i]) {
        RecordWeak(i, e);
      } else {
        ProcessRun(i, e);
      }
      i = e;
    }
  }

 private:
  // ---- tokens ----
  bool InRange(size_t i) const { return i < toks_.size(); }
  bool IsWord(size_t i) const { return InRange(i) && toks_[i].kind == LexKind::kWord; }
  std::string_view Raw(size_t i) const { return InRange(i) ? toks_[i].span.In(text_) : ""; }
  std::string_view Low(size_t i) const { return InRange(i) ? std::string_view(lower_[i]) : ""; }
  bool PunctIs(size_t i, std::string_view p) const {
    return InRange(i) && toks_[i].kind == LexKind::kPunct && Raw(i) == p;
  }
  bool IsNameToken(size_t i) const {
    return IsWord(i) && (toks_[i].capitalized || toks_[i].all_caps) &&
           (toks_[i].span.In(text_).size() > 1 || Raw(i + 1) == ".");
  }

  // Sentence-opening capitalized words that the article also uses in
  // lower case ("Speaking", "Following"): common words, not names.
  void FindCommonOpeners() {
    ShortWordSet openers;
    for (size_t i = 0; i < toks_.size(); ++i) {
      if (toks_[i].sentence_start && IsWord(i) && toks_[i].capitalized) openers.Insert(lower_[i]);
    }
    if (openers.empty()) return;
    for (size_t i = 0; i < toks_.size(); ++i) {
      if (!IsWord(i) || toks_[i].capitalized || !openers.Contains(lower_[i])) continue;
      if (common_.insert(lower_[i]).second) st_.common_openers.insert(FoldName(lower_[i]));
    }
  }

  // Title-case lines (headlines, section heads): their capitals carry no
  // evidence, so their names only count when known from running text.
  void MarkHeadlines() {
    headline_.assign(toks_.size(), false);
    size_t b = 0;
    while (b < toks_.size()) {
      size_t e = b + 1;
      while (e < toks_.size() && !toks_[e].line_start) ++e;
      int words = 0, caps = 0;
      for (size_t k = b; k < e; ++k) {
        if (!IsWord(k) || Raw(k).size() < 4) continue;
        ++words;
        caps += toks_[k].capitalized;
      }
      bool byline = WordIs(b, "by");
      bool title_case = words >= 3 && caps * 10 >= words * 7 && !PunctIs(e - 1, ".") && !byline;
      for (size_t k = b; k < e; ++k) headline_[k] = title_case;
      b = e;
    }
  }

  // "the secretary of state", "the Russian foreign minister": a title
  // standing for a person. Returns the tokens taken (0: none).
  size_t LowerTitleMention(size_t the) {
    size_t k = the + 1;
    std::string qualifier;
    if (size_t q = QualifierLength(k, std::min(toks_.size(), k + 3)); q > 0) {
      std::string text(SpanText(k, k + q));
      const CountryNames& cn = CountryNames::Get();
      std::string_view country = cn.Country(text);
      qualifier = FoldName(country.empty() ? cn.CountryOfDemonym(text) : country);
      k += q;
    }
    if (!IsWord(k) || toks_[k].capitalized) return 0;
    size_t tlen = TitleLength(lower_, k, toks_.size());
    if (tlen == 0 && IsWord(k + 1) && !toks_[k + 1].capitalized && !IsStopword(Low(k))) {
      // "the treasury secretary": one modifier before the title.
      size_t t = TitleLength(lower_, k + 1, toks_.size());
      if (t > 0) tlen = t + 1;
    }
    if (tlen == 0 || IsNameToken(k + tlen) || PunctIs(k + tlen, "-")) return 0;
    std::string title = TitleText(k, k + tlen);
    if (!IsUniqueTitle(title)) return 0;
    st_.title_mentions.push_back({article_, SpanOf(the, k + tlen), title, qualifier});
    return k + tlen - the;
  }

  // Titles one person holds at a time, so that "the X" can name them.
  static bool IsUniqueTitle(std::string_view title) {
    if (title.find(' ') != std::string_view::npos) return true;
    return title == "president" || title == "chancellor" || title == "pope" || title == "king" ||
           title == "queen" || title == "premier" || title == "mayor" || title == "governor" ||
           title == "secretary-general";
  }

  // One past the last token of the name run starting at `b`.
  size_t RunEnd(size_t b) const {
    size_t e = b + 1;
    bool joins_of = false;
    while (e < toks_.size() && !toks_[e].line_start && !toks_[e].sentence_start) {
      if (TitleLength(lower_, e - 1, e) > 0 || IsOrgHead(Low(e - 1))) joins_of = true;
      if (IsNameToken(e)) {
        if (PunctIs(e - 1, ".") && false) break;
        ++e;
        continue;
      }
      if (PunctIs(e, ".") && e == b + 1 && IsHonorific(Low(b)) && IsNameToken(e + 1)) {
        e += 1;  // "Mr." keeps going
        continue;
      }
      if (IsWord(e) && !toks_[e].capitalized && IsNameToken(e + 1)) {
        std::string_view w = Low(e);
        if (IsNameParticle(w)) {
          ++e;
          continue;
        }
        if ((w == "of" || w == "for") && joins_of) {
          size_t k = e + 1;
          if (WordIs(k, "the")) ++k;
          if (IsNameToken(k)) {
            e = k;
            continue;
          }
        }
      }
      break;
    }
    return e;
  }

  bool WordIs(size_t i, std::string_view w) const { return IsWord(i) && lower_[i] == w; }

  // ---- runs ----

  void ProcessRun(size_t b, size_t e) {
    b = StripLeading(b, e);
    if (b >= e) return;
    std::string qualifier;
    size_t pos = b;
    // Qualifiers before a title: "Russian", "U.S.", "Malaysian".
    while (pos < e) {
      size_t len = QualifierLength(pos, e);
      if (len == 0 || TitleLength(lower_, pos + len, e) == 0) break;
      const CountryNames& cn = CountryNames::Get();
      std::string text(SpanText(pos, pos + len));
      std::string_view country = cn.Country(text);
      if (!country.empty()) AddSurface(pos, pos + len, /*context=*/false);
      qualifier = FoldName(country.empty() ? cn.CountryOfDemonym(text) : country);
      pos += len;
    }
    size_t tlen = HasOrgHead(pos, e) ? 0 : TitleLength(lower_, pos, e);
    if (tlen == 0 && !HasOrgHead(pos, e)) {
      // "Trade Minister X", "Freedonian President X": modifiers + title.
      for (size_t p = pos + 1; p <= pos + 2 && p < e; ++p) {
        size_t t = TitleLength(lower_, p, e);
        if (t > 0 && p + t < e && t != 0 && !IsHonorific(StripDot(Low(p)))) {
          tlen = p + t - pos;
          break;
        }
      }
    }
    if (tlen > 0) {
      std::string title = TitleText(pos, pos + tlen);
      if (pos + tlen >= e) {
        if (IsUniqueTitle(title)) AddTitleMention(b, e, title, qualifier);
        return;
      }
      AddPerson(pos + tlen, e, title, qualifier, IsHonorific(StripDot(Low(pos))) ? 3 : 3);
      return;
    }
    if (pos > b) {
      AddSurface(pos, e, true);
      return;
    }
    // A lower-case title or role right before the run: "envoy Ann Lee".
    if (b > 0 && IsWord(b - 1) && !toks_[b - 1].capitalized && TitleLength(lower_, b - 1, b) == 1 &&
        !HasOrgHead(b, e) && CountryNames::Get().Country(SpanText(b, e)).empty()) {
      AddPerson(b, e, std::string(Low(b - 1)), "", 2);
      return;
    }
    AddSurface(b, e, true);
    AcronymAfter(b, e);
  }

  static std::string_view StripDot(std::string_view w) {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return w;
  }

  // Drops sentence-opening words that are common words ("Speaking",
  // "Following"), articles and function words before a name.
  size_t StripLeading(size_t b, size_t e) const {
    while (b < e) {
      std::string_view w = Low(b);
      if (TitleLength(lower_, b, e) > 0 && !toks_[b].all_caps) return b;
      if (!CountryNames::Get().Country(Raw(b)).empty()) return b;
      bool function = IsStopword(w) || IsOpener(w);
      // A month or weekday opens no name ("Throughout November", "Monday
      // Rubio"); "April", "May", "June" are also first names.
      bool calendar = (MonthFromWord(w) != 0 && w != "april" && w != "may" && w != "june" &&
                       w.size() > 3) ||
                      WeekdayFromWord(w) >= 0;
      function = function || calendar;
      bool common = toks_[b].sentence_start && common_.count(w) > 0;
      bool opener = toks_[b].sentence_start && (w.ends_with("ing") || w.ends_with("ly")) && e > b + 1;
      if (!function && !common && !opener) return b;
      ++b;
      if (PunctIs(b, ".")) ++b;
    }
    return b;
  }

  // Tokens of a country name or demonym at `pos` (0 if none).
  size_t QualifierLength(size_t pos, size_t e) const {
    if (pos >= e || !IsWord(pos) || !(toks_[pos].capitalized || toks_[pos].all_caps)) return 0;
    const CountryNames& cn = CountryNames::Get();
    for (size_t len = std::min<size_t>(3, e - pos); len >= 1; --len) {
      std::string text(SpanText(pos, pos + len));
      if (!cn.Country(text).empty() || !cn.CountryOfDemonym(text).empty()) return len;
      if (len == 1 && cn.IsRegionAdjective(text)) return 1;
    }
    return 0;
  }

  bool HasOrgHead(size_t b, size_t e) const {
    for (size_t k = b; k < e; ++k) {
      if (IsOrgHead(Low(k))) return true;
    }
    return false;
  }

  std::string_view SpanText(size_t b, size_t e) const {
    return text_.substr(toks_[b].span.begin, toks_[e - 1].span.end - toks_[b].span.begin);
  }

  std::string TitleText(size_t b, size_t e) const {
    std::string out;
    for (size_t k = b; k < e; ++k) {
      if (!out.empty()) out += ' ';
      out += StripDot(Low(k));
    }
    return out;
  }

  // ---- recording ----

  void AddPerson(size_t b, size_t e, const std::string& title, const std::string& qualifier,
                 double weight) {
    if (PunctIs(b, ".")) ++b;
    if (b >= e) return;
    Surface* s = AddSurface(b, e, true);
    if (s == nullptr) return;
    s->votes[kPersonVote] += weight;
    s->titles[title]++;
    if (qualifier.empty()) {
      st_.title_index[title][s->key]++;
    } else {
      st_.title_index[qualifier + " " + title][s->key]++;
    }
  }

  void AddTitleMention(size_t b, size_t e, const std::string& title, const std::string& qualifier) {
    size_t first = b;
    if (b > 0 && WordIs(b - 1, "the")) first = b - 1;
    st_.title_mentions.push_back({article_, SpanOf(first, e), title, qualifier});
  }

  Span SpanOf(size_t b, size_t e) const { return Span{toks_[b].span.begin, toks_[e - 1].span.end}; }

  // Records the name [b, e) with the evidence of its words and context.
  Surface* AddSurface(size_t b, size_t e, bool context) {
    std::string display(SpanText(b, e));
    std::string key = FoldName(display);
    if (key.size() < 2) return nullptr;
    Surface& s = st_.surfaces[key];
    if (s.key.empty()) s.key = key;
    s.forms[display]++;
    s.count++;
    if (e == b + 1 && toks_[b].sentence_start) s.initial++;
    s.mentions.push_back({article_, SpanOf(b, e)});
    WordEvidence(b, e, &s);
    if (context) ContextEvidence(b, e, &s);
    return &s;
  }

  void WordEvidence(size_t b, size_t e, Surface* s) const {
    std::string_view country = CountryNames::Get().Country(SpanText(b, e));
    if (e == b + 1 && Raw(b) == "Us") country = {};  // the pronoun, not "US"
    if (!country.empty()) {
      s->country = std::string(country);
      s->votes[kPlaceVote] += 5;
      return;
    }
    bool org = false;
    for (size_t k = b; k < e; ++k) org = org || IsOrgHead(Low(k));
    org = org || (e > b + 1 && IsTradeHead(Low(e - 1)));
    if (org) s->votes[kOrgVote] += 3;
    if (!org && IsPlaceHead(Low(e - 1)) && e > b + 1) s->votes[kPlaceVote] += 3;
    if (!org && e > b + 1 && IsPlacePrefix(Low(b))) s->votes[kPlaceVote] += 1;
    if (e == b + 1 && toks_[b].all_caps && Raw(b).size() >= 2) {
      s->acronym = true;
      s->votes[kOrgVote] += 1;
    }
    if (!org && e >= b + 2 && e <= b + 3 && PlainName(b, e)) s->votes[kPersonVote] += 0.5;
  }

  // Two or three capitalized words, none all capitals, no connector.
  bool PlainName(size_t b, size_t e) const {
    for (size_t k = b; k < e; ++k) {
      if (!IsWord(k) || !toks_[k].capitalized || toks_[k].all_caps) return false;
    }
    return true;
  }

  void ContextEvidence(size_t b, size_t e, Surface* s) const {
    std::string_view prev = b > 0 && IsWord(b - 1) ? Low(b - 1) : "";
    std::string_view next = IsWord(e) ? Low(e) : "";
    bool lower_prev = b > 0 && IsWord(b - 1) && !toks_[b - 1].capitalized;
    bool possessive = InRange(e) && toks_[e].kind == LexKind::kPossessive;
    if (lower_prev && IsPlacePreposition(prev) && !possessive) s->votes[kPlaceVote] += 1;
    if (PunctIs(e, "-") && WordIs(e + 1, "based")) s->votes[kPlaceVote] += 2;
    // "X said" makes X a person unless X is a preposition's object
    // ("officials in X said").
    bool object = lower_prev && (IsPlacePreposition(prev) || IsStopword(prev));
    if (IsSpeechVerb(next) && !object) s->votes[kPersonVote] += 1;
    if (lower_prev && IsSpeechVerb(prev) && (PunctIs(e, ",") || PunctIs(e, "."))) {
      s->votes[kPersonVote] += 1;
    }
    if (IsHonorific(StripDot(prev))) s->votes[kPersonVote] += 3;
    if (LineStartsWithBy(b)) s->votes[kPersonVote] += 2;
    if (b > 0 && PunctIs(b - 1, "(") && PunctIs(e, ")") && e == b + 1) s->votes[kOrgVote] += 2;
    if (toks_[b].line_start && toks_[b].all_caps && PunctIs(e, ",")) s->votes[kPlaceVote] += 3;
    bool hyphen = PunctIs(e, "-") && !toks_[e].space_before;
    if (prev == "the" && lower_prev && !hyphen && (!InRange(e) || toks_[e].kind == LexKind::kPunct ||
                                        IsStopword(Low(e)) || IsSpeechVerb(Low(e)))) {
      s->votes[kOrgVote] += 0.5;
    }
    if (WordIs(e, "news") || WordIs(e, "reported")) s->votes[kOrgVote] += 0.5;
    if (OrgApposition(b, e)) s->votes[kOrgVote] += 2;
  }

  // "shipping firm X", "the company X", "X, the firm's owner", "X, a
  // carrier": a common noun for an organisation beside the name.
  bool OrgApposition(size_t b, size_t e) const {
    if (b > 0 && IsWord(b - 1) && !toks_[b - 1].capitalized && IsOrgNoun(Low(b - 1))) return true;
    if (!PunctIs(e, ",")) return false;
    size_t k = e + 1;
    if (!(WordIs(k, "the") || WordIs(k, "a") || WordIs(k, "an") || WordIs(k, "its"))) return false;
    for (size_t j = k + 1; j <= k + 3 && IsWord(j) && !toks_[j].capitalized; ++j) {
      if (IsOrgNoun(Low(j))) return true;
    }
    return false;
  }

  bool LineStartsWithBy(size_t b) const {
    // Only a "By" at most 8 tokens back counts, so look no further: a scan
    // to the line's start for every name was quadratic in a long line.
    size_t k = b;
    while (k > 0 && !toks_[k].line_start && b - k < 8) --k;
    return (k == 0 || toks_[k].line_start) && WordIs(k, "by");
  }

  // "Long Name (LN)" and "Long Name, or LN": the acronym is an alias.
  void AcronymAfter(size_t b, size_t e) {
    size_t a = 0;
    if (PunctIs(e, "(") && IsWord(e + 1) && toks_[e + 1].all_caps && PunctIs(e + 2, ")")) {
      a = e + 1;
    } else if (PunctIs(e, ",") && WordIs(e + 1, "or") && IsWord(e + 2) && toks_[e + 2].all_caps) {
      a = e + 2;
    }
    if (a == 0 || e - b < 2) return;
    Surface* s = AddSurface(a, a + 1, false);
    if (s == nullptr) return;
    st_.acronym_pairs.emplace_back(FoldName(SpanText(b, e)), s->key);
  }

  void RecordWeak(size_t b, size_t e) {
    for (size_t k = b; k < e; ++k) {
      if (k + 1 < e) st_.weak_mentions.push_back({article_, SpanOf(k, k + 2), FoldName(SpanText(k, k + 2))});
      st_.weak_mentions.push_back({article_, SpanOf(k, k + 1), FoldName(Raw(k))});
    }
  }

  EntityLinker::State& st_;
  uint32_t article_;
  std::string_view text_;
  const std::vector<LexToken>& toks_;
  std::string lowered_;                 // ASCII lower case copy of text_
  std::vector<std::string_view> lower_;  // per token, into lowered_; "" if not a word
  std::unordered_set<std::string_view> common_;
  std::vector<bool> headline_;
};

}  // namespace

std::string_view EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kPlace:
      return "place";
  }
  return "person";
}

EntityLinker::EntityLinker() : state_(std::make_unique<State>()) {}
EntityLinker::~EntityLinker() = default;

void EntityLinker::AddArticle(std::string_view id, std::string_view text) {
  AddArticle(id, text, WordLexer::Lex(text));
}

void EntityLinker::AddArticle(std::string_view id, std::string_view text,
                              const std::vector<LexToken>& tokens) {
  uint32_t index = static_cast<uint32_t>(state_->articles.size());
  state_->articles.emplace_back(id);
  ArticleReader(state_.get(), index, text, tokens).Run();
}

namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) {
    a = Find(a), b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

// Links the accumulated surfaces into entities.
class Linker {
 public:
  explicit Linker(const EntityLinker::State& st) : st_(st) {}

  std::vector<Entity> Run() {
    Collect();
    UnionFind uf(list_.size());
    LinkAcronyms(&uf);
    LinkCountries(&uf);
    LinkPeople(&uf);
    return Build(&uf);
  }

 private:
  struct Item {
    const Surface* s;
    std::vector<std::string> words;
  };

  void Collect() {
    for (const auto& [key, s] : st_.surfaces) {
      if (!Keep(s)) continue;
      index_[key] = list_.size();
      list_.push_back({&s, SplitWords(key)});
    }
    // Deterministic order regardless of hashing.
    std::sort(list_.begin(), list_.end(), [](const Item& a, const Item& b) { return a.s->key < b.s->key; });
    for (size_t i = 0; i < list_.size(); ++i) index_[list_[i].s->key] = i;
  }

  bool Keep(const Surface& s) const {
    const std::string& k = s.key;
    bool single = k.find(' ') == std::string::npos;
    if (single && s.country.empty() && IsStopword(k)) return false;
    if (single && s.initial == s.count && st_.common_openers.count(k) > 0) return false;
    const CountryNames& cn = CountryNames::Get();
    std::string_view kv = k;
    std::string_view last = kv.substr(kv.rfind(' ') == std::string_view::npos ? 0 : kv.rfind(' ') + 1);
    if (s.country.empty() && (!cn.CountryOfDemonym(last).empty() || cn.IsRegionAdjective(last))) {
      return false;  // "Russian", "Southeast Asian": adjectives, not names
    }
    if (single && (MonthFromWord(k) != 0 || WeekdayFromWord(k) >= 0)) return false;
    if (single && IsCorporateSuffix(k)) return false;
    return true;
  }

  bool IsPersonish(const Item& it) const {
    const Surface& s = *it.s;
    if (!s.country.empty() || s.acronym) return false;
    double other = std::max(s.votes[kOrgVote], s.votes[kPlaceVote]);
    return s.votes[kPersonVote] >= other || other < 3;
  }

  void LinkAcronyms(UnionFind* uf) {
    for (const auto& [longer, acr] : st_.acronym_pairs) {
      auto a = index_.find(longer), b = index_.find(acr);
      if (a != index_.end() && b != index_.end()) uf->Union(a->second, b->second);
    }
    // Implicit: an acronym whose letters cover a long name's initials.
    for (size_t i = 0; i < list_.size(); ++i) {
      const Surface& s = *list_[i].s;
      if (!s.acronym || s.key.size() < 3 || !s.country.empty()) continue;
      std::vector<size_t> hits;
      for (size_t j = 0; j < list_.size(); ++j) {
        const Surface& t = *list_[j].s;
        bool orgish = t.votes[kOrgVote] > t.votes[kPersonVote] && t.votes[kOrgVote] >= t.votes[kPlaceVote];
        if (list_[j].words.size() >= 2 && orgish && CoversInitials(s.key, list_[j].words)) hits.push_back(j);
      }
      if (hits.size() == 1) uf->Union(i, hits[0]);
    }
  }

  static bool CoversInitials(const std::string& acr, const std::vector<std::string>& words) {
    std::string initials, letters;
    for (const std::string& w : words) {
      if (IsConnector(w)) continue;
      initials += w[0];
      letters += w;
    }
    if (initials.size() < 2 || initials[0] != acr[0]) return false;
    auto subsequence = [](const std::string& small, const std::string& big) {
      size_t k = 0;
      for (char c : big) {
        if (k < small.size() && small[k] == c) ++k;
      }
      return k == small.size();
    };
    return subsequence(initials, acr) && subsequence(acr, letters);
  }

  void LinkCountries(UnionFind* uf) {
    std::unordered_map<std::string, size_t> first;
    for (size_t i = 0; i < list_.size(); ++i) {
      const std::string& c = list_[i].s->country;
      if (c.empty()) continue;
      auto [it, inserted] = first.emplace(c, i);
      if (!inserted) uf->Union(it->second, i);
    }
  }

  // Full names with similar first names and surnames; single words to the
  // full name whose surname (or, failing that, given name) they are.
  void LinkPeople(UnionFind* uf) {
    std::unordered_map<char, std::vector<size_t>> by_last;  // blocks by surname initial
    for (size_t i = 0; i < list_.size(); ++i) {
      if (list_[i].words.size() >= 2 && IsPersonish(list_[i])) {
        by_last[list_[i].words.back()[0]].push_back(i);
      }
    }
    for (auto& [c, block] : by_last) {
      for (size_t x = 0; x < block.size(); ++x) {
        for (size_t y = x + 1; y < block.size(); ++y) {
          if (SamePerson(list_[block[x]].words, list_[block[y]].words)) uf->Union(block[x], block[y]);
        }
      }
    }
    std::unordered_map<char, std::vector<size_t>> singles;
    for (size_t i = 0; i < list_.size(); ++i) {
      const Item& it = list_[i];
      if (it.words.size() != 1 || !IsPersonish(it) || it.words[0].size() < 3) continue;
      if (LinkSingle(i, by_last, uf)) continue;
      singles[it.words[0][0]].push_back(i);
    }
    for (auto& [c, block] : singles) {
      for (size_t x = 0; x < block.size(); ++x) {
        for (size_t y = x + 1; y < block.size(); ++y) {
          const std::string& a = list_[block[x]].words[0];
          const std::string& b = list_[block[y]].words[0];
          size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
          if (a.size() >= 6 && b.size() >= 6 && gap <= 2 && JaroWinkler(a, b) >= 0.93) {
            uf->Union(block[x], block[y]);
          }
        }
      }
    }
  }

  static bool SamePerson(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const std::string& la = a.back();
    const std::string& lb = b.back();
    if (la != lb && !(la.size() >= 5 && lb.size() >= 5 && JaroWinkler(la, lb) >= 0.93)) return false;
    const std::string& fa = a.front();
    const std::string& fb = b.front();
    if (fa == fb) return true;
    if ((fa.size() == 1 || fb.size() == 1) && fa[0] == fb[0]) return true;
    return fa.size() >= 4 && fb.size() >= 4 && JaroWinkler(fa, fb) >= 0.88;
  }

  bool LinkSingle(size_t i, std::unordered_map<char, std::vector<size_t>>& by_last, UnionFind* uf) {
    const std::string& w = list_[i].words[0];
    size_t best = SIZE_MAX;
    int best_count = 0;
    for (size_t j : by_last[w[0]]) {
      const std::string& last = list_[j].words.back();
      bool match = last == w || (w.size() >= 5 && JaroWinkler(last, w) >= 0.93);
      if (match && list_[j].s->count > best_count) best = j, best_count = list_[j].s->count;
    }
    if (best == SIZE_MAX) {
      // Given name alone ("Anwar"), when exactly one full name starts so.
      int hits = 0;
      for (const auto& [c, block] : by_last) {
        for (size_t j : block) {
          if (list_[j].words.front() == w) best = j, ++hits;
        }
      }
      if (hits != 1) return false;
    }
    uf->Union(i, best);
    return true;
  }

  // ---- building the entities ----

  struct Cluster {
    std::vector<size_t> items;
    double votes[3] = {0, 0, 0};
    int count = 0;
  };

  std::vector<Entity> Build(UnionFind* uf) {
    std::map<size_t, Cluster> clusters;
    for (size_t i = 0; i < list_.size(); ++i) {
      Cluster& c = clusters[uf->Find(i)];
      c.items.push_back(i);
      for (int v = 0; v < 3; ++v) c.votes[v] += list_[i].s->votes[v];
      c.count += list_[i].s->count;
    }
    std::vector<Entity> out;
    std::unordered_map<std::string, size_t> entity_of_key;
    for (auto& [root, c] : clusters) {
      int best = 0;
      for (int v = 1; v < 3; ++v) {
        if (c.votes[v] > c.votes[best]) best = v;
      }
      if (c.votes[best] <= 0) continue;
      Entity e = MakeEntity(c, static_cast<EntityType>(best));
      for (size_t i : c.items) entity_of_key[list_[i].s->key] = out.size();
      out.push_back(std::move(e));
    }
    ResolveTitles(entity_of_key, &out);
    ResolveWeak(entity_of_key, &out);
    for (Entity& e : out) Finish(&e);
    std::sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
      if (a.mentions.size() != b.mentions.size()) return a.mentions.size() > b.mentions.size();
      return a.name < b.name;
    });
    return out;
  }

  Entity MakeEntity(const Cluster& c, EntityType type) const {
    Entity e;
    e.type = type;
    e.evidence = c.votes[static_cast<int>(type)];
    std::map<std::string, int> forms, titles;
    for (size_t i : c.items) {
      const Surface& s = *list_[i].s;
      for (const auto& [f, n] : s.forms) forms[f] += n;
      for (const auto& [t, n] : s.titles) titles[t] += n;
      for (const RawMention& m : s.mentions) e.mentions.push_back({st_.articles[m.article], m.span, false});
    }
    e.name = Canonical(c, forms);
    std::vector<std::pair<int, std::string>> ranked;
    std::unordered_set<std::string> seen = {FoldName(e.name)};
    for (const auto& [f, n] : forms) ranked.emplace_back(-n, f);
    std::sort(ranked.begin(), ranked.end());
    for (const auto& [n, f] : ranked) {
      if (seen.insert(FoldName(f)).second) e.aliases.push_back(f);
    }
    if (type == EntityType::kPerson) {
      for (const auto& [t, n] : titles) e.titles.push_back(t);
    }
    return e;
  }

  static bool ContainsAll(const std::vector<std::string>& words, const std::vector<std::string>& part) {
    for (const std::string& p : part) {
      if (std::find(words.begin(), words.end(), p) == words.end()) return false;
    }
    return true;
  }

  // The most complete form seen at least twice (else the most complete);
  // a country's ICU name when the cluster is a country.
  std::string Canonical(const Cluster& c, const std::map<std::string, int>& forms) const {
    for (size_t i : c.items) {
      if (!list_[i].s->country.empty()) return list_[i].s->country;
    }
    int max_count = 0;
    std::string frequent;
    for (const auto& [f, n] : forms) {
      if (n > max_count) max_count = n, frequent = FoldName(f);
    }
    std::vector<std::string> frequent_words = SplitWords(frequent);
    std::string best;
    std::tuple<int, int, int, int> best_score{-1, -1, -1, -1};
    for (const auto& [f, n] : forms) {
      std::vector<std::string> words = SplitWords(FoldName(f));
      bool caps = std::none_of(f.begin(), f.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      // A full name that extends the most frequent form ("Anwar" ->
      // "Anwar Ibrahim") is complete enough even when seen once.
      bool extends = words.size() > frequent_words.size() && !frequent_words.empty() &&
                     (ContainsAll(words, frequent_words) ||
                      JaroWinkler(words.back(), frequent_words.back()) >= 0.93);
      int nwords = static_cast<int>(words.size());
      std::tuple<int, int, int, int> score{n >= 2 || max_count < 2 || extends, !(caps && nwords > 1),
                                           nwords, n};
      if (score > best_score) best_score = score, best = f;
    }
    return best;
  }

  void ResolveTitles(const std::unordered_map<std::string, size_t>& entity_of_key,
                     std::vector<Entity>* out) const {
    for (const TitleMention& t : st_.title_mentions) {
      std::string key = t.qualified.empty() ? t.title : t.qualified + " " + t.title;
      auto it = st_.title_index.find(key);
      if (it == st_.title_index.end()) it = st_.title_index.find(t.title);
      if (it == st_.title_index.end()) continue;
      const std::string* best = nullptr;
      int best_n = 0, total = 0;
      for (const auto& [k, n] : it->second) {
        total += n;
        if (n > best_n) best = &k, best_n = n;
      }
      if (best == nullptr || best_n * 10 < total * 6) continue;
      auto e = entity_of_key.find(*best);
      if (e == entity_of_key.end()) continue;
      (*out)[e->second].mentions.push_back({st_.articles[t.article], t.span, true});
    }
  }

  void ResolveWeak(const std::unordered_map<std::string, size_t>& entity_of_key,
                   std::vector<Entity>* out) const {
    Span last{};
    uint32_t last_article = UINT32_MAX;
    for (const WeakMention& w : st_.weak_mentions) {
      if (w.article == last_article && w.span.begin < last.end) continue;  // inside a bigram hit
      auto e = entity_of_key.find(w.key);
      if (e == entity_of_key.end()) continue;
      (*out)[e->second].mentions.push_back({st_.articles[w.article], w.span, false});
      last = w.span;
      last_article = w.article;
    }
  }

  void Finish(Entity* e) const {
    std::sort(e->mentions.begin(), e->mentions.end(), [&](const EntityMention& a, const EntityMention& b) {
      if (a.article != b.article) return ArticleIndex(a.article) < ArticleIndex(b.article);
      return a.span.begin < b.span.begin;
    });
    for (const EntityMention& m : e->mentions) {
      if (e->articles.empty() || e->articles.back() != m.article) e->articles.push_back(m.article);
    }
  }

  size_t ArticleIndex(const std::string& id) const {
    if (article_index_.empty()) {
      for (size_t i = 0; i < st_.articles.size(); ++i) article_index_.emplace(st_.articles[i], i);
    }
    return article_index_.at(id);
  }

  const EntityLinker::State& st_;
  std::vector<Item> list_;
  std::unordered_map<std::string, size_t> index_;
  mutable std::unordered_map<std::string, size_t> article_index_;
};

}  // namespace

std::vector<Entity> EntityLinker::Entities() const { return Linker(*state_).Run(); }

}  // namespace storyfuse
