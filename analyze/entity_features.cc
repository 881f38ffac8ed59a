#include "analyze/entity_features.h"

#include <algorithm>

#include "analyze/entity_cues.h"
#include "analyze/title_lexicon.h"
#include "base/hashed_key_map.h"
#include "base/hasher.h"
#include "text/city_names.h"
#include "text/country_names.h"
#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

// Feature templates. Their numbers are part of the model format: append,
// never renumber (and bump kFeatureSetVersion when any changes meaning).
enum Template : uint64_t {
  kBias = 1,
  kForm,
  kLower,
  kPrefix,  // + length
  kSuffix,  // + length
  kShape,
  kShortShape,
  kLowerAt,       // + offset
  kShortShapeAt,  // + offset
  kShapePairBefore,
  kShapePairAfter,
  kLowerPairBefore,
  kLowerPairAfter,
  kLowerBeforeShape,
  kShapeLowerAfter,
  kPosition,
  kDocument,
  kGazetteer,
  kCountry,
  kDemonym,
  kTitleBefore,
  kTitleStart,
  kOrgHead,
  kOrgHeadNext,
  kPlaceHead,
  kPlaceHeadNext,
  kPlacePrefix,
  kSpeechNext,
  kPossessiveNext,
  kAggregate,  // + flag: a cue seen around another occurrence of the word
  kTitleInside,
  kCity,  // + part: an ICU city name covers the token
};

// Seeds of the string hashes (arbitrary constants, fixed forever).
constexpr uint64_t kLowerSeed = 0x6c6f776572000001ULL;
constexpr uint64_t kFormSeed = 0x666f726d00000002ULL;
constexpr uint64_t kShapeSeed = 0x7368617065000003ULL;
constexpr uint64_t kAffixSeed = 0x6166666978000004ULL;
constexpr uint64_t kPhraseSeed = 0x7068726173650005ULL;
// Stand-ins for the words beyond the line's edges.
constexpr uint64_t kLineStartWord = 0x3c733e0000000006ULL;
constexpr uint64_t kLineEndWord = 0x3c2f733e00000007ULL;

// Context window: two tokens either side.
constexpr int kWindow = 2;
// Affixes of one to four bytes, of words longer than the affix.
constexpr size_t kMaxAffix = 4;
// Shape runs longer than this are cut ("Xxxxxxxx" -> "Xxxx").
constexpr int kMaxShapeRun = 3;
// A line is an all-capitals headline or dateline when at least 60 % of
// its words of two or more letters are in capitals.
constexpr int kCapsLinePercent = 60;
// A line is a title-case headline when it has three words of four or more
// letters, 70 % of them capitalized, and no final period.
constexpr int kTitleLineWords = 3;
constexpr int kTitleLinePercent = 70;
// Country and city names of up to three tokens ("United Arab Emirates").
constexpr size_t kMaxCountryTokens = 3;
// Words whose cue-list lookups a thread keeps (about 8 MB).
constexpr size_t kMaxCachedWords = size_t{1} << 18;
// Titles of up to four tokens end right before the name.
constexpr size_t kMaxTitleTokens = 4;

inline uint64_t Fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

// Order matters: Mix(a, b) != Mix(b, a).
inline uint64_t Mix(uint64_t a, uint64_t b) { return Fmix((a * 0x9E3779B97F4A7C15ULL) ^ (b + 0x632BE59BD9B4E019ULL)); }

// A word with a capital first letter, or in capitals. (Inner capitals
// alone, "eBay", do not count: rare in news, and scanning every
// lower-case word for them would cost more than they bring.)
bool HasUpper(const LexToken& t) { return t.capitalized || t.all_caps; }

// FNV-1a over bytes, finished by Fmix: cheap to extend byte by byte, so
// that all prefixes (or suffixes, or a shape) of a word hash in one pass.
constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
inline uint64_t FnvStep(uint64_t h, unsigned char b) { return (h ^ b) * kFnvPrime; }

// Hashes of a word's shape: "Xxxx", "X.X.", "dd-dd", "Xx'Xxxx" (letters
// and digits by class, other bytes as they are, runs cut to kMaxShapeRun)
// and its short shape (runs cut to one: "Xx", "X.X.", "d-d").
struct ShapeHashes {
  uint64_t full;
  uint64_t short_form;
};

ShapeHashes Shapes(std::string_view word) {
  uint64_t full = kFnvOffset, short_form = kFnvOffset;
  char last = 0;
  int run = 0;
  size_t pos = 0;
  while (pos < word.size()) {
    unsigned char b = static_cast<unsigned char>(word[pos]);
    char c;
    if (b < 0x80) {
      ++pos;
      c = (b >= 'A' && b <= 'Z')   ? 'X'
          : (b >= 'a' && b <= 'z') ? 'x'
          : (b >= '0' && b <= '9') ? 'd'
                                   : static_cast<char>(b);
    } else {
      char32_t cp = DecodeUtf8(word, &pos);
      c = UnicodeText::IsUpper(cp) ? 'X' : UnicodeText::IsLetter(cp) ? 'x' : '*';
    }
    run = c == last ? run + 1 : 1;
    last = c;
    if (run <= kMaxShapeRun) full = FnvStep(full, static_cast<unsigned char>(c));
    if (run == 1) short_form = FnvStep(short_form, static_cast<unsigned char>(c));
  }
  return {Fmix(full ^ kShapeSeed), Fmix(short_form ^ (kShapeSeed + 1))};
}

// A token's lower-case form as the features read it: typographic quotes,
// apostrophes and dashes as ASCII ones, every possessive as "'s".
std::string_view Normal(const LexToken& t, std::string_view lower) {
  if (t.kind == LexKind::kPossessive) return "'s";
  if (t.kind != LexKind::kPunct || lower.empty() || static_cast<unsigned char>(lower[0]) < 0x80) return lower;
  size_t pos = 0;
  switch (DecodeUtf8(lower, &pos)) {
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x00AB:  // «
    case 0x00BB:  // »
      return "\"";
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201A:  // ‚
      return "'";
    case 0x2012:  // figure dash
    case 0x2013:  // –
    case 0x2014:  // —
    case 0x2015:  // ―
      return "-";
    default:
      return lower;
  }
}

// "I'm", "We're", "Don't", "They'll": a capital opening a contraction is
// the sentence's, not a name's ("O'Neill" goes on with a capital).
bool IsContraction(std::string_view word) {
  size_t apostrophe = word.rfind('\'');
  size_t width = 1;
  if (size_t curly = word.rfind("\xE2\x80\x99");
      curly != std::string_view::npos && (apostrophe == std::string_view::npos || curly > apostrophe)) {
    apostrophe = curly, width = 3;
  }
  if (apostrophe == std::string_view::npos || apostrophe == 0) return false;
  std::string_view tail = word.substr(apostrophe + width);
  return tail == "m" || tail == "re" || tail == "ve" || tail == "ll" || tail == "d" || tail == "t" || tail == "M" ||
         tail == "RE" || tail == "VE" || tail == "LL" || tail == "D" || tail == "T";
}

enum Position : uint64_t { kMidSentence = 0, kSentenceStart = 1, kCapsLine = 2, kTitleLine = 3 };
enum CapsClass : uint64_t { kLowerCase = 0, kCapitalized = 1, kAllCaps = 2, kNotWord = 3 };

// One text's features; lives for one Extract call.
class Extractor {
 public:
  Extractor(std::string_view text, const std::vector<LexToken>& tokens, const NameGazetteer* gazetteer,
            TokenFeatures* out)
      : text_(text), toks_(tokens), gaz_(gazetteer), out_(*out), n_(tokens.size()) {}

  void Run() {
    out_.segments = EntityFeatures::Candidates(text_, toks_);
    if (out_.segments.empty()) return;
    lowered_ = AsciiLower(text_);
    low_.resize(n_);
    word_hash_.resize(n_);
    for (size_t j = 0; j < n_; ++j) {
      low_[j] = Normal(toks_[j], toks_[j].span.In(lowered_));
      word_hash_[j] = Hasher::Hash64(low_[j], kLowerSeed);
    }
    ClassifyLines();
    ReadDocument();
    AggregateContexts();
    short_shape_.assign(n_, 0);
    for (const CandidateSegment& seg : out_.segments) {
      FindPhrases(seg);
      for (uint32_t i = seg.begin; i < seg.end; ++i) Token(i);
    }
    out_.offsets.push_back(static_cast<uint32_t>(out_.hashes.size()));
  }

 private:
  bool IsWord(size_t j) const { return toks_[j].kind == LexKind::kWord; }

  CapsClass Caps(size_t j) const {
    const LexToken& t = toks_[j];
    if (t.kind != LexKind::kWord) return kNotWord;
    if (t.all_caps) return kAllCaps;
    return HasUpper(t) ? kCapitalized : kLowerCase;
  }

  // Line of each token, whether the line is a headline, and each token's
  // position.
  void ClassifyLines() {
    line_class_.assign(n_, kMidSentence);
    line_of_.assign(n_, 0);
    uint32_t line = 0;
    size_t b = 0;
    while (b < n_) {
      size_t e = b + 1;
      while (e < n_ && !toks_[e].line_start) ++e;
      int words = 0, caps = 0, long_words = 0, long_caps = 0;
      for (size_t k = b; k < e; ++k) {
        if (!IsWord(k) || toks_[k].span.size() < 2) continue;
        ++words;
        caps += toks_[k].all_caps;
        if (toks_[k].span.size() >= 4) {
          ++long_words;
          long_caps += toks_[k].capitalized || toks_[k].all_caps;
        }
      }
      Position p = kMidSentence;
      bool final_period = toks_[e - 1].kind == LexKind::kPunct && toks_[e - 1].Is(text_, ".");
      if (words > 0 && caps * 100 >= words * kCapsLinePercent) {
        p = kCapsLine;
      } else if (long_words >= kTitleLineWords && long_caps * 100 >= long_words * kTitleLinePercent && !final_period) {
        p = kTitleLine;
      }
      for (size_t k = b; k < e; ++k) line_class_[k] = p, line_of_[k] = line;
      ++line;
      b = e;
    }
    position_.assign(n_, kMidSentence);
    for (size_t j = 0; j < n_; ++j) {
      if (line_class_[j] != kMidSentence) {
        position_[j] = line_class_[j];
      } else if (toks_[j].sentence_start) {
        position_[j] = kSentenceStart;
      } else if (j > 0 && toks_[j - 1].kind == LexKind::kPunct && position_[j - 1] == kSentenceStart &&
                 line_of_[j - 1] == line_of_[j] && toks_[j - 1].kind != LexKind::kWord) {
        position_[j] = kSentenceStart;  // after an opening quote or bracket
      }
    }
  }

  // Where a token stands: an all-capitals or title-case line, the first
  // word of a sentence (after any opening punctuation), or inside one.
  Position PositionOf(size_t j) const { return static_cast<Position>(position_[j]); }

  // Document flags of each word: seen in lower case (bit 1), seen
  // capitalized inside a sentence of running text (bit 2).
  void ReadDocument() {
    for (size_t j = 0; j < n_; ++j) {
      if (!IsWord(j)) continue;
      CapsClass c = Caps(j);
      uint8_t bit = 0;
      if (c == kLowerCase) {
        bit = 1;
      } else if (c == kCapitalized && PositionOf(j) == kMidSentence) {
        bit = 2;
      }
      if (bit == 0) continue;
      auto [flags, inserted] = doc_.Insert(word_hash_[j], bit);
      if (!inserted) *flags |= bit;
    }
  }

  // Cues around each capitalized word, gathered over all its occurrences
  // in the text, so that "officials in Velmora" tells about "Velmora"
  // wherever else it stands (Ratinov and Roth's context aggregation).
  enum AggregateBits : uint16_t {
    kAfterPlacePreposition = 1,
    kAfterTitle = 2,
    kBeforeSpeechVerb = 4,
    kBeforeOrgHead = 8,
    kBeforeBased = 16,
    kInParentheses = 32,
    kAfterThe = 64,
    kBeforePossessive = 128,
  };

  void AggregateContexts() {
    for (size_t j = 0; j < n_; ++j) {
      if (Caps(j) != kCapitalized && Caps(j) != kAllCaps) continue;
      uint16_t bits = 0;
      long prev = At(j, -1), next = At(j, 1);
      if (prev >= 0 && Caps(prev) == kLowerCase) {
        if (Cues(prev) & kIsPlacePreposition) bits |= kAfterPlacePreposition;
        if (low_[prev] == "the") bits |= kAfterThe;
      }
      if (TitleEndsBefore(j) > 0) bits |= kAfterTitle;
      if (next >= 0) {
        uint16_t c = Cues(next);
        if (Caps(next) == kLowerCase && (c & kIsSpeechVerb)) bits |= kBeforeSpeechVerb;
        if (c & kIsOrgHead) bits |= kBeforeOrgHead;
        if (low_[next] == "-" && At(j, 2) >= 0 && low_[j + 2] == "based") bits |= kBeforeBased;
        if (toks_[next].kind == LexKind::kPossessive) bits |= kBeforePossessive;
        if (prev >= 0 && low_[prev] == "(" && low_[next] == ")") bits |= kInParentheses;
      }
      if (bits == 0) continue;
      auto [flags, inserted] = aggregate_.Insert(word_hash_[j], bits);
      if (!inserted) *flags |= bits;
    }
  }

  // Length of the title ending right before token i, or before its
  // period ("Gen. Ann Lee"); 0 when none.
  size_t TitleEndsBefore(size_t i) const {
    size_t end = i;
    if (end > 0 && toks_[end - 1].kind == LexKind::kPunct && toks_[end - 1].Is(text_, ".")) --end;
    for (size_t len = 1; len <= kMaxTitleTokens && len <= end; ++len) {
      size_t b = end - len;
      if (!SameLine(b, i)) break;
      if (IsWord(b) && TitleLexicon::TitleLength(low_, b, end) == len) return len;
    }
    return 0;
  }

  bool SameLine(size_t a, size_t b) const { return line_of_[a] == line_of_[b]; }

  // The token `d` away from `i` on its line, or -1 beyond the line.
  long At(size_t i, int d) const {
    long j = static_cast<long>(i) + d;
    if (j < 0 || j >= static_cast<long>(n_) || !SameLine(i, static_cast<size_t>(j))) return -1;
    return j;
  }

  uint64_t LowerAt(size_t i, int d) const {
    long j = At(i, d);
    if (j < 0) return d < 0 ? kLineStartWord : kLineEndWord;
    return word_hash_[j];
  }

  uint64_t ShortShapeAt(size_t i, int d) {
    long j = At(i, d);
    if (j < 0) return d < 0 ? kLineStartWord : kLineEndWord;
    if (short_shape_[j] == 0) short_shape_[j] = Shapes(toks_[j].span.In(text_)).short_form;
    return short_shape_[j];
  }

  void Add(uint64_t tmpl, uint64_t value) { out_.hashes.push_back(Mix(tmpl, value)); }
  void Add(uint64_t tmpl, uint64_t a, uint64_t b) { out_.hashes.push_back(Mix(tmpl, a * 0xD6E8FEB86659FD93ULL ^ b)); }

  // Gazetteer phrases and country names starting at the segment's
  // capitalized words.
  void FindPhrases(const CandidateSegment& seg) {
    phrases_.clear();
    const CountryNames& countries = CountryNames::Get();
    for (uint32_t s = seg.begin; s < seg.end; ++s) {
      if (Caps(s) != kCapitalized && Caps(s) != kAllCaps) continue;
      uint64_t h = kPhraseSeed;
      bool may_country = Cues(s) & kMayStartCountry;
      bool may_city = Cues(s) & kMayStartCity;
      for (uint32_t e = s + 1; e <= seg.end && e - s <= EntityFeatures::kMaxPhraseTokens; ++e) {
        h = Mix(h, word_hash_[e - 1]);
        if (gaz_ != nullptr) {
          if (uint8_t mask = gaz_->Lookup(h)) phrases_.push_back({s, e, mask, kFromGazetteer});
        }
        if ((may_country || may_city) && e - s <= kMaxCountryTokens && IsWord(e - 1)) {
          std::string_view span = text_.substr(toks_[s].span.begin, toks_[e - 1].span.end - toks_[s].span.begin);
          if (may_country && !countries.Country(span).empty()) phrases_.push_back({s, e, 0, kFromCountries});
          if (may_city && CityNames::Get().IsCity(span)) phrases_.push_back({s, e, 0, kFromCities});
        }
      }
    }
  }

  static uint64_t Part(uint32_t s, uint32_t e, uint32_t i) {
    if (e == s + 1) return 4;
    return i == s ? 1 : i + 1 == e ? 3 : 2;
  }

  void Token(uint32_t i) {
    out_.token.push_back(i);
    out_.offsets.push_back(static_cast<uint32_t>(out_.hashes.size()));
    const LexToken& t = toks_[i];
    std::string_view form = t.span.In(text_);
    std::string_view low = low_[i];
    uint64_t lower = word_hash_[i];
    ShapeHashes shapes = Shapes(form);
    short_shape_[i] = shapes.short_form;
    uint64_t sshape = shapes.short_form;
    Add(kBias, 0);
    Add(kForm, toks_[i].kind == LexKind::kWord ? Hasher::Hash64(form, kFormSeed) : lower);
    Add(kLower, lower);
    if (IsWord(i)) {
      uint64_t prefix = kFnvOffset, suffix = kFnvOffset;
      for (size_t k = 1; k <= kMaxAffix && k < low.size(); ++k) {
        prefix = FnvStep(prefix, static_cast<unsigned char>(low[k - 1]));
        suffix = FnvStep(suffix, static_cast<unsigned char>(low[low.size() - k]));
        Add(kPrefix, k, prefix);
        Add(kSuffix, k, suffix);
      }
    }
    Add(kShape, shapes.full);
    Add(kShortShape, sshape);
    for (int d = -kWindow; d <= kWindow; ++d) {
      if (d == 0) continue;
      Add(kLowerAt, static_cast<uint64_t>(d + kWindow), LowerAt(i, d));
    }
    uint64_t ss_before = ShortShapeAt(i, -1), ss_after = ShortShapeAt(i, 1);
    Add(kShortShapeAt, 0, ss_before);
    Add(kShortShapeAt, 1, ss_after);
    Add(kShapePairBefore, ss_before, sshape);
    Add(kShapePairAfter, sshape, ss_after);
    uint64_t low_before = LowerAt(i, -1), low_after = LowerAt(i, 1);
    Add(kLowerPairBefore, low_before, lower);
    Add(kLowerPairAfter, lower, low_after);
    Add(kLowerBeforeShape, low_before, sshape);
    Add(kShapeLowerAfter, sshape, low_after);
    Position pos = PositionOf(i);
    CapsClass caps = Caps(i);
    Add(kPosition, pos * 4 + caps, sshape);
    const uint8_t* flags = IsWord(i) ? doc_.Find(lower) : nullptr;
    Add(kDocument, (flags ? *flags : 0) * 16 + pos * 4 + caps);
    for (const Phrase& p : phrases_) {
      if (i < p.begin || i >= p.end) continue;
      switch (p.source) {
        case kFromGazetteer:
          Add(kGazetteer, p.mask * 8 + Part(p.begin, p.end, i));
          break;
        case kFromCountries:
          Add(kCountry, Part(p.begin, p.end, i));
          break;
        case kFromCities:
          Add(kCity, Part(p.begin, p.end, i));
          break;
      }
    }
    if (IsWord(i)) CueFeatures(i);
  }

  // What the project's word lists say of token j's word; looked up once
  // per distinct word of the text.
  enum CueBits : uint16_t {
    kIsDemonym = 1,
    kIsOrgHead = 2,
    kIsPlaceHead = 4,
    kIsPlacePrefix = 8,
    kIsSpeechVerb = 16,
    kMayStartCountry = 32,
    kIsPlacePreposition = 64,
    kMayStartCity = 128,
  };
  uint16_t Cues(size_t j) {
    if (!IsWord(j)) return 0;
    // Kept per thread across texts: most words recur from one article to
    // the next, and the lists cost a few string lookups per word.
    thread_local HashedKeyMap<uint16_t> cache;
    if (const uint16_t* bits = cache.Find(word_hash_[j])) return *bits;
    if (cache.size() >= kMaxCachedWords) cache = HashedKeyMap<uint16_t>();
    std::string_view w = low_[j];
    const CountryNames& countries = CountryNames::Get();
    uint16_t bits = 0;
    if (!countries.CountryOfDemonym(w).empty() || countries.IsRegionAdjective(w)) bits |= kIsDemonym;
    if (IsOrgHead(w) || IsTradeHead(w)) bits |= kIsOrgHead;
    if (IsPlaceHead(w)) bits |= kIsPlaceHead;
    if (IsPlacePrefix(w)) bits |= kIsPlacePrefix;
    if (IsSpeechVerb(w)) bits |= kIsSpeechVerb;
    if (countries.MayStartCountry(w)) bits |= kMayStartCountry;
    if (IsPlacePreposition(w)) bits |= kIsPlacePreposition;
    if (CityNames::Get().MayStartCity(w)) bits |= kMayStartCity;
    cache.Insert(word_hash_[j], bits);
    return bits;
  }

  void CueFeatures(uint32_t i) {
    uint16_t cues = Cues(i);
    if (toks_[i].capitalized && (cues & kIsDemonym)) Add(kDemonym, 0);
    if (size_t len = TitleEndsBefore(i)) Add(kTitleBefore, len);
    if (const uint16_t* agg = aggregate_.Find(word_hash_[i])) {
      for (uint16_t bit = 1; bit != 0 && bit <= *agg; bit = static_cast<uint16_t>(bit << 1)) {
        if (*agg & bit) Add(kAggregate, bit);
      }
    }
    if (TitleLexicon::TitleLength(low_, i, std::min(n_, static_cast<size_t>(i) + kMaxTitleTokens)) > 0)
      Add(kTitleStart, 0);
    // Inside a title of several words: "Energy" in "Secretary of Energy".
    for (size_t back = 1; back < kMaxTitleTokens && back <= i; ++back) {
      size_t b = i - back;
      if (!SameLine(b, i)) break;
      if (IsWord(b) && TitleLexicon::TitleLength(low_, b, std::min(n_, b + kMaxTitleTokens)) > back) {
        Add(kTitleInside, 0);
        break;
      }
    }
    if (cues & kIsOrgHead) Add(kOrgHead, 0);
    if (cues & kIsPlaceHead) Add(kPlaceHead, 0);
    if (cues & kIsPlacePrefix) Add(kPlacePrefix, 0);
    long next = At(i, 1);
    if (next >= 0) {
      uint16_t next_cues = Cues(next);
      if (next_cues & kIsOrgHead) Add(kOrgHeadNext, 0);
      if (next_cues & kIsPlaceHead) Add(kPlaceHeadNext, 0);
      if (next_cues & kIsSpeechVerb) Add(kSpeechNext, 0);
      bool possessive = toks_[next].kind == LexKind::kPossessive ||
                        (toks_[next].Is(text_, "'") && At(i, 2) >= 0 && low_[i + 2] == "s");
      if (possessive) Add(kPossessiveNext, 0);
    }
  }

  enum PhraseSource : uint8_t { kFromGazetteer, kFromCountries, kFromCities };
  struct Phrase {
    uint32_t begin, end;
    uint8_t mask;  // kinds, for gazetteer phrases
    PhraseSource source;
  };

  std::string_view text_;
  const std::vector<LexToken>& toks_;
  const NameGazetteer* gaz_;
  TokenFeatures& out_;
  size_t n_;
  std::string lowered_;
  std::vector<std::string_view> low_;
  std::vector<uint64_t> word_hash_;
  std::vector<uint64_t> short_shape_;
  std::vector<uint8_t> line_class_;
  std::vector<uint32_t> line_of_;
  std::vector<uint8_t> position_;
  HashedKeyMap<uint8_t> doc_;
  HashedKeyMap<uint16_t> aggregate_;  // word hash -> AggregateBits
  std::vector<Phrase> phrases_;
};

}  // namespace

void TokenFeatures::Clear() {
  segments.clear();
  token.clear();
  offsets.clear();
  hashes.clear();
}

EntityFeatures::EntityFeatures(const NameGazetteer* gazetteer) : gazetteer_(gazetteer) {}

std::vector<uint64_t> EntityFeatures::WordHashes(std::string_view text, const std::vector<LexToken>& tokens) {
  std::string lowered = AsciiLower(text);
  std::vector<uint64_t> out;
  out.reserve(tokens.size());
  for (const LexToken& t : tokens) out.push_back(Hasher::Hash64(Normal(t, t.span.In(lowered)), kLowerSeed));
  return out;
}

uint64_t EntityFeatures::PhraseHash(const uint64_t* word_hashes, size_t count) {
  uint64_t h = kPhraseSeed;
  for (size_t k = 0; k < count; ++k) h = Mix(h, word_hashes[k]);
  return h;
}

std::vector<CandidateSegment> EntityFeatures::Candidates(std::string_view text, const std::vector<LexToken>& tokens) {
  size_t n = tokens.size();
  std::vector<uint8_t> core(n, 0);
  for (size_t j = 0; j < n; ++j) {
    core[j] = tokens[j].kind == LexKind::kWord && HasUpper(tokens[j]) && !IsContraction(tokens[j].span.In(text));
  }
  // A name never runs over a line's start, nor over a sentence's after a
  // punctuation mark: "in Washington. However, ..." is two segments. (After
  // initials the lexer's sentence starts are often wrong: "D.A. Weibring".)
  auto opens = [&](size_t j) {
    return tokens[j].line_start || (tokens[j].sentence_start && j > 0 && tokens[j - 1].kind == LexKind::kPunct);
  };
  // Distance to the nearest core token before / after in the same
  // sentence (capped at kWindow + 1).
  constexpr int kFar = kWindow + 1;
  std::vector<uint8_t> before(n, kFar), after(n, kFar);
  for (size_t j = 1; j < n; ++j) {
    if (opens(j)) continue;
    before[j] = core[j - 1] ? 1 : static_cast<uint8_t>(std::min(kFar, before[j - 1] + 1));
  }
  for (size_t j = n; j-- > 1;) {
    if (opens(j)) continue;
    after[j - 1] = core[j] ? 1 : static_cast<uint8_t>(std::min(kFar, after[j] + 1));
  }
  std::vector<CandidateSegment> segments;
  for (size_t j = 0; j < n; ++j) {
    bool number_beside = tokens[j].kind == LexKind::kNumber && (before[j] == 1 || after[j] == 1);
    bool bridge = before[j] <= kWindow && after[j] <= kWindow;
    if (!core[j] && !number_beside && !bridge) continue;
    uint32_t idx = static_cast<uint32_t>(j);
    if (!segments.empty() && segments.back().end == idx && !opens(j)) {
      segments.back().end = idx + 1;
    } else {
      segments.push_back({idx, idx + 1});
    }
  }
  return segments;
}

void EntityFeatures::Extract(std::string_view text, const std::vector<LexToken>& tokens, TokenFeatures* out) const {
  out->Clear();
  Extractor(text, tokens, gazetteer_, out).Run();
  if (out->offsets.empty()) out->offsets.push_back(0);
}

}  // namespace storyfuse
