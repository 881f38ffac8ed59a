#include "analyze/entity_mention_reader.h"

#include <algorithm>

#include "analyze/entity_cues.h"
#include "analyze/lexed_text.h"
#include "analyze/name_similarity.h"
#include "analyze/title_lexicon.h"
#include "text/country_names.h"
#include "text/stopwords.h"

namespace storyfuse {
namespace {

// Each mention the recognizer types casts one vote; an entity takes the
// type most of its mentions have.
constexpr double kModelVote = 1.0;
// Titles of up to four words ("white house press secretary"), qualifiers
// of up to three ("United Arab Emirates").
constexpr size_t kMaxTitleWords = 4;
constexpr size_t kMaxQualifierWords = 3;

class ArticleReader {
 public:
  ArticleReader(EntityMentionTable* state, uint32_t article, std::string_view text, const std::vector<LexToken>& tokens)
      : st_(*state), article_(article), text_(text), toks_(tokens), lexed_(text, tokens) {
    lower_.reserve(toks_.size());
    for (size_t i = 0; i < toks_.size(); ++i) lower_.push_back(lexed_.Low(i));
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
      if (IsWord(end - len) && TitleLexicon::TitleLength(lower_, end - len, end) == len) {
        begin = end - len;
        break;
      }
    }
    if (begin == end) return;
    // One modifier of the same case before it: "Trade Minister",
    // "treasury secretary".
    if (begin > 0 && IsWord(begin - 1) && IsCapital(begin - 1) == IsCapital(begin) && !IsStopword(Low(begin - 1)) &&
        QualifierLength(begin - 1, begin) == 0 && TitleLexicon::TitleLength(lower_, begin - 1, begin) == 0) {
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
    size_t tlen = k < stop ? TitleLexicon::TitleLength(lower_, k, stop) : 0;
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
    size_t tlen = TitleLexicon::TitleLength(lower_, k, stop);
    if (tlen == 0 && k + 1 < stop && IsWord(k + 1) && !toks_[k + 1].capitalized && !IsStopword(Low(k))) {
      // "the treasury secretary": one modifier before the title.
      size_t t = TitleLexicon::TitleLength(lower_, k + 1, stop);
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

  EntityMentionTable& st_;
  uint32_t article_;
  std::string_view text_;
  const std::vector<LexToken>& toks_;
  LexedText lexed_;                      // the lower-case text
  std::vector<std::string_view> lower_;  // per token, into lexed_; "" if not a word (TitleLength's input)
  std::vector<bool> headline_;
  std::vector<bool> named_;  // tokens inside a recognized name
};

}  // namespace

void EntityMentionReader::Read(uint32_t article, std::string_view text, const std::vector<LexToken>& tokens,
                               const std::vector<NameMention>& names, EntityMentionTable* table) {
  ArticleReader(table, article, text, tokens).Run(names);
}

}  // namespace storyfuse
