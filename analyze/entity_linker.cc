#include "analyze/entity_linker.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "analyze/entity_cues.h"
#include "analyze/entity_recognizer.h"
#include "text/country_names.h"
#include "text/short_word_set.h"
#include "text/stopwords.h"
#include "text/unicode_text.h"
#include "text/utf8.h"
#include "text/word_lexer.h"

namespace storyfuse {
namespace {

// Votes for a type, indexed like NameKind.
enum Vote { kPersonVote = 0, kOrgVote = 1, kPlaceVote = 2 };
// Each mention the recognizer types casts one vote; an entity takes the
// type most of its mentions have.
constexpr double kModelVote = 1.0;
// Titles of up to four words ("white house press secretary"), qualifiers
// of up to three ("United Arab Emirates").
constexpr size_t kMaxTitleWords = 4;
constexpr size_t kMaxQualifierWords = 3;
// A lone surname is a spelling variant of another ("Zelensky",
// "Zelenskyy") only when both have six letters or more: shorter ones are
// other names ("Snoop", "Snoopy").
constexpr size_t kMinVariantLetters = 6;

// Lower case, diacritics and periods removed, typographic apostrophes
// made ASCII: the key two spellings of one form share.
std::string FoldName(std::string_view s) {
  std::string folded = UnicodeText::FoldMarks(s);
  std::string out;
  out.reserve(folded.size());
  size_t pos = 0;
  while (pos < folded.size()) {
    char32_t cp = DecodeUtf8(folded, &pos);
    if (cp == '.') continue;
    if (cp == 0x2019) cp = '\'';
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

bool IsConnector(std::string_view w) { return w == "of" || w == "for" || w == "the" || w == "and"; }

// Whether `acronym` can abbreviate the name of `words` (folded): the
// initials of its words but "of", "for", "the", "and" appear in it in
// order, and it is spelled by letters of the name in order ("asean" of
// "association of southeast asian nations").
bool Abbreviates(const std::string& acronym, const std::vector<std::string>& words) {
  std::string initials, letters;
  for (const std::string& w : words) {
    if (IsConnector(w) || w.empty()) continue;
    initials += w[0];
    letters += w;
  }
  if (initials.size() < 2 || initials[0] != acronym[0]) return false;
  auto subsequence = [](const std::string& small, const std::string& big) {
    size_t k = 0;
    for (char c : big) {
      if (k < small.size() && small[k] == c) ++k;
    }
    return k == small.size();
  };
  return subsequence(initials, acronym) && subsequence(acronym, letters);
}

struct RawMention {
  uint32_t article;
  Span span;
};

struct Surface {
  std::string key;
  std::map<std::string, int> forms;  // display form -> count
  double votes[3] = {0, 0, 0};
  int count = 0;
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

}  // namespace

struct EntityLinker::State {
  const EntityRecognizer* recognizer = nullptr;  // null when the shipped model failed to load
  std::vector<std::string> articles;
  std::unordered_map<std::string, Surface> surfaces;
  std::vector<std::pair<std::string, std::string>> acronym_pairs;
  std::vector<TitleMention> title_mentions;
  std::unordered_set<std::string> storms;  // folded names of storms ("delia")
  // title (plain or qualified) -> surface key -> uses
  std::unordered_map<std::string, std::map<std::string, int>> title_index;
};

namespace {

// Reads one article: takes the recognizer's names, splits titles and
// qualifiers off the people, and records surfaces, title mentions and
// acronym definitions into the State.
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
    MarkHeadlines();
  }

  void Run(const std::vector<NameMention>& names) {
    named_.assign(toks_.size(), false);
    for (const NameMention& m : names) {
      if (m.kind == NameKind::kMisc) continue;
      for (uint32_t k = m.first; k < m.last; ++k) named_[k] = true;
    }
    size_t next = 0;
    size_t i = 0;
    while (i < toks_.size()) {
      while (next < names.size() && names[next].last <= i) ++next;  // behind what was read
      if (next < names.size() && names[next].first <= i) {
        const NameMention& m = names[next++];
        TakeName(m);
        // A MISC name ("German") may qualify a title: read on through it.
        if (m.kind != NameKind::kMisc) i = m.last;
        continue;
      }
      // Titles and their qualifiers run up to the next name but MISC
      // ones: "the German president".
      size_t stop = toks_.size();
      for (size_t k = next; k < names.size(); ++k) {
        if (names[k].kind != NameKind::kMisc) {
          stop = names[k].first;
          break;
        }
      }
      if (WordIs(i, "the") && !headline_[i]) {
        if (size_t n = LowerTitleMention(i, stop)) {
          i += n;
          continue;
        }
      }
      if (size_t n = CapitalTitleMention(i, stop)) {
        i += n;
        continue;
      }
      ++i;
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
  bool IsCapital(size_t i) const { return IsWord(i) && (toks_[i].capitalized || toks_[i].all_caps); }
  bool WordIs(size_t i, std::string_view w) const { return IsWord(i) && lower_[i] == w; }

  // Title-case lines (headlines, section heads): a title there is a
  // headline's word, not a mention of its holder.
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

  // ---- names ----

  void TakeName(const NameMention& m) {
    size_t b = m.first, e = m.last;
    // "Hurricane Delia", "Typhoon Mawar": a storm's name is an event's,
    // and so is "Delia" alone afterwards.
    if (IsStormWord(Low(b))) {
      if (e > b + 1) st_.storms.insert(FoldName(SpanText(b + 1, e)));
      return;
    }
    if (b > 0 && IsStormWord(Low(b - 1)) && IsCapital(b - 1)) {
      st_.storms.insert(FoldName(SpanText(b, e)));
      return;
    }
    if (m.kind == NameKind::kMisc) return;
    Surface* s = AddSurface(b, e);
    if (s == nullptr) return;
    s->votes[static_cast<int>(m.kind)] += kModelVote;
    if (m.kind == NameKind::kPerson) TitleBefore(b, s);
    AcronymAfter(b, e);
  }

  // The title right before a person's name ("Secretary of State Marco
  // Rubio", "Trade Minister X", "the Russian foreign minister X", "envoy
  // X", "Gen. X"), with its qualifier ("Russian"): recorded as the
  // person's title and indexed for "the secretary of state".
  void TitleBefore(size_t name, Surface* s) {
    size_t end = name;
    if (end > 0 && PunctIs(end - 1, ".")) --end;  // "Gen. Ann Lee"
    size_t begin = end;
    for (size_t len = std::min<size_t>(kMaxTitleWords, end); len >= 1; --len) {
      if (IsWord(end - len) && TitleLength(lower_, end - len, end) == len) {
        begin = end - len;
        break;
      }
    }
    if (begin == end) return;
    // One modifier of the same case before it: "Trade Minister",
    // "treasury secretary".
    if (begin > 0 && IsWord(begin - 1) && IsCapital(begin - 1) == IsCapital(begin) && !IsStopword(Low(begin - 1)) &&
        QualifierLength(begin - 1, begin) == 0 && TitleLength(lower_, begin - 1, begin) == 0) {
      --begin;
    }
    std::string qualifier = QualifierBefore(begin);
    std::string title = TitleText(begin, end);
    s->titles[title]++;
    st_.title_index[qualifier.empty() ? title : qualifier + " " + title][s->key]++;
  }

  // The country a qualifier right before `pos` names ("Russian", "U.S."),
  // folded, or "".
  std::string QualifierBefore(size_t pos) const {
    for (size_t q = 1; q <= kMaxQualifierWords && q <= pos; ++q) {
      if (QualifierLength(pos - q, pos) != q) continue;
      std::string text(SpanText(pos - q, pos));
      const CountryNames& cn = CountryNames::Get();
      std::string_view country = cn.Country(text);
      return FoldName(country.empty() ? cn.CountryOfDemonym(text) : country);
    }
    return "";
  }

  // "Secretary of State" (or "U.S. Secretary of State") with no name
  // after it, before `stop`: a title standing for a person. Returns the
  // tokens taken (0: none).
  size_t CapitalTitleMention(size_t b, size_t stop) {
    if (!IsCapital(b) || headline_[b]) return 0;
    size_t q = QualifierLength(b, std::min(stop, b + kMaxQualifierWords));
    size_t k = b + q;
    size_t tlen = k < stop ? TitleLength(lower_, k, stop) : 0;
    if (tlen == 0 || !IsCapital(k)) return 0;
    size_t e = k + tlen;
    // A name follows: its title is read with it.
    if (e == stop || IsCapital(e) || PunctIs(e, "-")) return 0;
    std::string title = TitleText(k, e);
    if (!IsUniqueTitle(title)) return 0;
    std::string qualifier = q > 0 ? QualifierBefore(k) : QualifierBefore(b);
    size_t first = b > 0 && WordIs(b - 1, "the") ? b - 1 : b;
    st_.title_mentions.push_back({article_, SpanOf(first, e), title, qualifier});
    return e - b;
  }

  // "the secretary of state", "the Russian foreign minister": a title
  // standing for a person. Returns the tokens taken (0: none).
  size_t LowerTitleMention(size_t the, size_t stop) {
    size_t k = the + 1;
    std::string qualifier;
    if (size_t q = QualifierLength(k, std::min(stop, k + kMaxQualifierWords)); q > 0) {
      std::string text(SpanText(k, k + q));
      const CountryNames& cn = CountryNames::Get();
      std::string_view country = cn.Country(text);
      qualifier = FoldName(country.empty() ? cn.CountryOfDemonym(text) : country);
      k += q;
    }
    if (k >= stop || !IsWord(k) || toks_[k].capitalized) return 0;
    size_t tlen = TitleLength(lower_, k, stop);
    if (tlen == 0 && k + 1 < stop && IsWord(k + 1) && !toks_[k + 1].capitalized && !IsStopword(Low(k))) {
      // "the treasury secretary": one modifier before the title.
      size_t t = TitleLength(lower_, k + 1, stop);
      if (t > 0) tlen = t + 1;
    }
    // A name right after the title is the person's: "the foreign minister
    // Sergey Lavrov".
    if (tlen == 0 || k + tlen == stop || IsCapital(k + tlen) || PunctIs(k + tlen, "-")) return 0;
    std::string title = TitleText(k, k + tlen);
    if (!IsUniqueTitle(title)) return 0;
    st_.title_mentions.push_back({article_, SpanOf(the, k + tlen), title, qualifier});
    return k + tlen - the;
  }

  // Titles one person holds at a time, so that "the X" can name them.
  static bool IsUniqueTitle(std::string_view title) {
    if (title.find(' ') != std::string_view::npos) return true;
    return title == "president" || title == "chancellor" || title == "pope" || title == "king" || title == "queen" ||
           title == "premier" || title == "mayor" || title == "governor" || title == "secretary-general";
  }

  static std::string_view StripDot(std::string_view w) {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return w;
  }

  // Tokens of a country name or demonym at `pos` (0 if none).
  size_t QualifierLength(size_t pos, size_t e) const {
    if (pos >= e || !IsWord(pos) || !(toks_[pos].capitalized || toks_[pos].all_caps)) return 0;
    const CountryNames& cn = CountryNames::Get();
    for (size_t len = std::min<size_t>(kMaxQualifierWords, e - pos); len >= 1; --len) {
      std::string text(SpanText(pos, pos + len));
      if (!cn.Country(text).empty() || !cn.CountryOfDemonym(text).empty()) return len;
      if (len == 1 && cn.IsRegionAdjective(text)) return 1;
    }
    return 0;
  }

  std::string_view SpanText(size_t b, size_t e) const {
    return text_.substr(toks_[b].span.begin, toks_[e - 1].span.end - toks_[b].span.begin);
  }

  std::string TitleText(size_t b, size_t e) const {
    std::string out;
    for (size_t k = b; k < e; ++k) {
      if (!IsWord(k)) continue;
      if (!out.empty()) out += ' ';
      out += StripDot(Low(k));
    }
    return out;
  }

  // ---- recording ----

  Span SpanOf(size_t b, size_t e) const { return Span{toks_[b].span.begin, toks_[e - 1].span.end}; }

  // Records the name [b, e).
  Surface* AddSurface(size_t b, size_t e) {
    std::string display(SpanText(b, e));
    std::string key = FoldName(display);
    if (key.size() < 2) return nullptr;
    Surface& s = st_.surfaces[key];
    if (s.key.empty()) s.key = key;
    s.forms[display]++;
    s.count++;
    s.mentions.push_back({article_, SpanOf(b, e)});
    std::string_view country = CountryNames::Get().Country(display);
    if (e == b + 1 && Raw(b) == "Us") country = {};  // the pronoun, not "US"
    if (!country.empty()) s.country = std::string(country);
    if (e == b + 1 && toks_[b].all_caps && Raw(b).size() >= 2) s.acronym = true;
    return &s;
  }

  // "Long Name (LN)" and "Long Name, or LN": the acronym is an alias. The
  // only way two names are joined by their letters: the text says so.
  void AcronymAfter(size_t b, size_t e) {
    size_t a = 0;
    if (PunctIs(e, "(") && IsWord(e + 1) && toks_[e + 1].all_caps && PunctIs(e + 2, ")")) {
      a = e + 1;
    } else if (PunctIs(e, ",") && WordIs(e + 1, "or") && IsWord(e + 2) && toks_[e + 2].all_caps) {
      a = e + 2;
    }
    if (a == 0 || e - b < 2) return;
    std::string acronym = FoldName(Raw(a));
    // "Todd Martin (U.S.)" gives a country, not an acronym.
    if (acronym.size() < 2 || !Abbreviates(acronym, SplitWords(FoldName(SpanText(b, e))))) return;
    // A defined acronym the recognizer missed is still a mention of it.
    if (!named_[a]) AddSurface(a, a + 1);
    st_.acronym_pairs.emplace_back(FoldName(SpanText(b, e)), acronym);
  }

  EntityLinker::State& st_;
  uint32_t article_;
  std::string_view text_;
  const std::vector<LexToken>& toks_;
  std::string lowered_;                  // ASCII lower case copy of text_
  std::vector<std::string_view> lower_;  // per token, into lowered_; "" if not a word
  std::vector<bool> headline_;
  std::vector<bool> named_;  // tokens inside a recognized name
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

EntityLinker::EntityLinker(EntityLinkerOptions options) : state_(std::make_unique<State>()) {
  state_->recognizer = options.recognizer;
  if (state_->recognizer == nullptr) {
    Result<const EntityRecognizer*> shipped = EntityRecognizer::Shipped();
    if (shipped.ok()) state_->recognizer = *shipped;
  }
}
EntityLinker::~EntityLinker() = default;

void EntityLinker::AddArticle(std::string_view id, std::string_view text) {
  AddArticle(id, text, WordLexer::Lex(text));
}

void EntityLinker::AddArticle(std::string_view id, std::string_view text, const std::vector<LexToken>& tokens) {
  uint32_t index = static_cast<uint32_t>(state_->articles.size());
  state_->articles.emplace_back(id);
  if (state_->recognizer == nullptr) return;
  ArticleReader(state_.get(), index, text, tokens).Run(state_->recognizer->Recognize(text, tokens));
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
    LinkReordered(&uf);
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
      if (st_.storms.count(key) > 0) continue;
      index_[key] = list_.size();
      list_.push_back({&s, SplitWords(key)});
    }
    // Deterministic order regardless of hashing.
    std::sort(list_.begin(), list_.end(), [](const Item& a, const Item& b) { return a.s->key < b.s->key; });
    for (size_t i = 0; i < list_.size(); ++i) index_[list_[i].s->key] = i;
  }

  bool IsPersonish(const Item& it) const {
    const Surface& s = *it.s;
    if (!s.country.empty() || s.acronym) return false;
    double other = std::max(s.votes[kOrgVote], s.votes[kPlaceVote]);
    return s.votes[kPersonVote] > 0 && s.votes[kPersonVote] >= other;
  }

  bool IsOrgish(const Item& it) const {
    const Surface& s = *it.s;
    return s.votes[kOrgVote] > 0 && s.votes[kOrgVote] > s.votes[kPersonVote] &&
           s.votes[kOrgVote] >= s.votes[kPlaceVote];
  }

  // "Energy Department" and "Department of Energy", "Defence Ministry" and
  // "Ministry of Defence": an organisation named by the same words around
  // "of", one of them a head word ("department", "ministry").
  void LinkReordered(UnionFind* uf) {
    std::map<std::vector<std::string>, size_t> first;
    for (size_t i = 0; i < list_.size(); ++i) {
      if (list_[i].words.size() < 2 || !IsOrgish(list_[i])) continue;
      std::vector<std::string> content;
      bool head = false;
      for (const std::string& w : list_[i].words) {
        if (IsConnector(w)) continue;
        content.push_back(w);
        head = head || IsOrgHead(w);
      }
      if (content.size() < 2 || !head) continue;
      std::sort(content.begin(), content.end());
      auto [it, inserted] = first.emplace(std::move(content), i);
      if (!inserted) uf->Union(it->second, i);
    }
  }

  void LinkAcronyms(UnionFind* uf) {
    for (const auto& [longer, acr] : st_.acronym_pairs) {
      auto a = index_.find(longer), b = index_.find(acr);
      if (a != index_.end() && b != index_.end()) uf->Union(a->second, b->second);
    }
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
      bool match = last == w || (w.size() >= kMinVariantLetters && last.size() >= kMinVariantLetters &&
                                 JaroWinkler(last, w) >= 0.93);
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
                     (ContainsAll(words, frequent_words) || JaroWinkler(words.back(), frequent_words.back()) >= 0.93);
      int nwords = static_cast<int>(words.size());
      std::tuple<int, int, int, int> score{n >= 2 || max_count < 2 || extends, !(caps && nwords > 1), nwords, n};
      if (score > best_score) best_score = score, best = f;
    }
    return best;
  }

  void ResolveTitles(const std::unordered_map<std::string, size_t>& entity_of_key, std::vector<Entity>* out) const {
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
