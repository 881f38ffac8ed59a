#include "analyze/entity_features.h"

#include <algorithm>

#include "analyze/entity_cues.h"
#include "base/hashed_key_map.h"
#include "dedupe/hasher.h"
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
// Country names of up to three tokens ("United Arab Emirates").
constexpr size_t kMaxCountryTokens = 3;
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

bool HasUpper(std::string_view word, const LexToken& t) {
  if (t.capitalized || t.all_caps) return true;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

// "Xxxx", "X.X.", "dd-dd", "Xx'Xxxx": letters and digits by class, other
// bytes as they are, runs cut to kMaxShapeRun; `collapse` cuts them to 1.
std::string Shape(std::string_view word, bool collapse) {
  std::string out;
  char last = 0;
  int run = 0;
  size_t pos = 0;
  while (pos < word.size()) {
    unsigned char b = static_cast<unsigned char>(word[pos]);
    char c;
    if (b < 0x80) {
      ++pos;
      c = (b >= 'A' && b <= 'Z') ? 'X' : (b >= 'a' && b <= 'z') ? 'x' : (b >= '0' && b <= '9') ? 'd' : static_cast<char>(b);
    } else {
      char32_t cp = DecodeUtf8(word, &pos);
      c = UnicodeText::IsUpper(cp) ? 'X' : UnicodeText::IsLetter(cp) ? 'x' : '*';
    }
    run = c == last ? run + 1 : 1;
    last = c;
    if (run > (collapse ? 1 : kMaxShapeRun)) continue;
    out.push_back(c);
  }
  return out;
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
      low_[j] = toks_[j].span.In(lowered_);
      word_hash_[j] = EntityFeatures::WordHash(low_[j]);
    }
    ClassifyLines();
    ReadDocument();
    short_shape_.assign(n_, 0);
    for (const CandidateSegment& seg : out_.segments) {
      FindPhrases(seg);
      for (uint32_t i = seg.begin; i < seg.end; ++i) Token(seg, i);
    }
    out_.offsets.push_back(static_cast<uint32_t>(out_.hashes.size()));
  }

 private:
  bool IsWord(size_t j) const { return toks_[j].kind == LexKind::kWord; }

  CapsClass Caps(size_t j) const {
    const LexToken& t = toks_[j];
    if (t.kind != LexKind::kWord) return kNotWord;
    if (t.all_caps) return kAllCaps;
    return HasUpper(t.span.In(text_), t) ? kCapitalized : kLowerCase;
  }

  // Line of each token and whether the line is a headline.
  void ClassifyLines() {
    line_class_.assign(n_, kMidSentence);
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
      } else if (long_words >= kTitleLineWords && long_caps * 100 >= long_words * kTitleLinePercent &&
                 !final_period) {
        p = kTitleLine;
      }
      for (size_t k = b; k < e; ++k) line_class_[k] = p;
      b = e;
    }
  }

  // Where a token stands: an all-capitals or title-case line, the first
  // word of a sentence (after any opening punctuation), or inside one.
  Position PositionOf(size_t j) const {
    if (line_class_[j] != kMidSentence) return static_cast<Position>(line_class_[j]);
    size_t k = j;
    while (k > 0 && !toks_[k].sentence_start && toks_[k - 1].kind == LexKind::kPunct) --k;
    return toks_[k].sentence_start ? kSentenceStart : kMidSentence;
  }

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

  bool SameLine(size_t from, size_t to) const {
    // `to` is within the line of `from` when no line starts in (min, max].
    size_t lo = std::min(from, to), hi = std::max(from, to);
    for (size_t k = lo + 1; k <= hi; ++k) {
      if (toks_[k].line_start) return false;
    }
    return true;
  }

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
    if (short_shape_[j] == 0) short_shape_[j] = Hasher::Hash64(Shape(toks_[j].span.In(text_), true), kShapeSeed);
    return short_shape_[j];
  }

  void Add(uint64_t tmpl, uint64_t value) { out_.hashes.push_back(Mix(tmpl, value)); }
  void Add(uint64_t tmpl, uint64_t a, uint64_t b) { out_.hashes.push_back(Mix(Mix(tmpl, a), b)); }

  // Gazetteer phrases and country names starting at the segment's
  // capitalized words.
  void FindPhrases(const CandidateSegment& seg) {
    phrases_.clear();
    const CountryNames& countries = CountryNames::Get();
    for (uint32_t s = seg.begin; s < seg.end; ++s) {
      if (Caps(s) != kCapitalized && Caps(s) != kAllCaps) continue;
      uint64_t h = kPhraseSeed;
      for (uint32_t e = s + 1; e <= seg.end && e - s <= EntityFeatures::kMaxPhraseTokens; ++e) {
        h = Mix(h, word_hash_[e - 1]);
        if (gaz_ != nullptr) {
          if (uint8_t mask = gaz_->Lookup(h)) phrases_.push_back({s, e, mask, false});
        }
        if (e - s <= kMaxCountryTokens && IsWord(e - 1)) {
          std::string_view span = text_.substr(toks_[s].span.begin, toks_[e - 1].span.end - toks_[s].span.begin);
          if (!countries.Country(span).empty()) phrases_.push_back({s, e, 0, true});
        }
      }
    }
  }

  static uint64_t Part(uint32_t s, uint32_t e, uint32_t i) {
    if (e == s + 1) return 4;
    return i == s ? 1 : i + 1 == e ? 3 : 2;
  }

  void Token(const CandidateSegment& seg, uint32_t i) {
    out_.token.push_back(i);
    out_.offsets.push_back(static_cast<uint32_t>(out_.hashes.size()));
    const LexToken& t = toks_[i];
    std::string_view form = t.span.In(text_);
    std::string_view low = low_[i];
    uint64_t lower = word_hash_[i];
    uint64_t sshape = ShortShapeAt(i, 0);
    Add(kBias, 0);
    Add(kForm, Hasher::Hash64(form, kFormSeed));
    Add(kLower, lower);
    if (IsWord(i)) {
      for (size_t k = 1; k <= kMaxAffix && k < low.size(); ++k) {
        Add(kPrefix + 0, k, Hasher::Hash64(low.substr(0, k), kAffixSeed));
        Add(kSuffix + 0, k, Hasher::Hash64(low.substr(low.size() - k), kAffixSeed));
      }
    }
    Add(kShape, Hasher::Hash64(Shape(form, false), kShapeSeed));
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
      if (p.country) {
        Add(kCountry, Part(p.begin, p.end, i));
      } else {
        Add(kGazetteer, p.mask * 8 + Part(p.begin, p.end, i));
      }
    }
    if (IsWord(i)) CueFeatures(seg, i, low);
  }

  void CueFeatures(const CandidateSegment& seg, uint32_t i, std::string_view low) {
    (void)seg;
    const CountryNames& countries = CountryNames::Get();
    if (toks_[i].capitalized && (!countries.CountryOfDemonym(toks_[i].span.In(text_)).empty() ||
                                 countries.IsRegionAdjective(toks_[i].span.In(text_)))) {
      Add(kDemonym, 0);
    }
    // A title ending right before the token, or before its period
    // ("Gen. Ann Lee").
    size_t end = i;
    if (end > 0 && toks_[end - 1].kind == LexKind::kPunct && toks_[end - 1].Is(text_, ".")) --end;
    for (size_t len = 1; len <= kMaxTitleTokens && len <= end; ++len) {
      size_t b = end - len;
      if (!SameLine(b, i)) break;
      if (IsWord(b) && TitleLength(low_, b, end) == len) {
        Add(kTitleBefore, len);
        break;
      }
    }
    if (TitleLength(low_, i, std::min(n_, static_cast<size_t>(i) + kMaxTitleTokens)) > 0) Add(kTitleStart, 0);
    if (IsOrgHead(low)) Add(kOrgHead, 0);
    if (IsPlaceHead(low)) Add(kPlaceHead, 0);
    if (IsPlacePrefix(low)) Add(kPlacePrefix, 0);
    long next = At(i, 1);
    if (next >= 0) {
      std::string_view nl = low_[next];
      if (IsOrgHead(nl)) Add(kOrgHeadNext, 0);
      if (IsPlaceHead(nl)) Add(kPlaceHeadNext, 0);
      if (IsSpeechVerb(nl)) Add(kSpeechNext, 0);
      bool possessive = toks_[next].kind == LexKind::kPossessive ||
                        (toks_[next].Is(text_, "'") && At(i, 2) >= 0 && low_[i + 2] == "s");
      if (possessive) Add(kPossessiveNext, 0);
    }
  }

  struct Phrase {
    uint32_t begin, end;
    uint8_t mask;
    bool country;
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
  HashedKeyMap<uint8_t> doc_;
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

uint64_t EntityFeatures::WordHash(std::string_view lower) { return Hasher::Hash64(lower, kLowerSeed); }

uint64_t EntityFeatures::PhraseHash(const uint64_t* word_hashes, size_t count) {
  uint64_t h = kPhraseSeed;
  for (size_t k = 0; k < count; ++k) h = Mix(h, word_hashes[k]);
  return h;
}

std::vector<CandidateSegment> EntityFeatures::Candidates(std::string_view text, const std::vector<LexToken>& tokens) {
  size_t n = tokens.size();
  std::vector<uint8_t> core(n, 0);
  for (size_t j = 0; j < n; ++j) {
    core[j] = tokens[j].kind == LexKind::kWord && HasUpper(tokens[j].span.In(text), tokens[j]);
  }
  // Distance to the nearest core token before / after on the same line
  // (capped at kWindow + 1).
  constexpr int kFar = kWindow + 1;
  std::vector<uint8_t> before(n, kFar), after(n, kFar);
  for (size_t j = 1; j < n; ++j) {
    if (tokens[j].line_start) continue;
    before[j] = core[j - 1] ? 1 : static_cast<uint8_t>(std::min(kFar, before[j - 1] + 1));
  }
  for (size_t j = n; j-- > 1;) {
    if (tokens[j].line_start) continue;
    after[j - 1] = core[j] ? 1 : static_cast<uint8_t>(std::min(kFar, after[j] + 1));
  }
  std::vector<CandidateSegment> segments;
  for (size_t j = 0; j < n; ++j) {
    bool number_beside = tokens[j].kind == LexKind::kNumber && (before[j] == 1 || after[j] == 1);
    bool bridge = before[j] <= kWindow && after[j] <= kWindow;
    if (!core[j] && !number_beside && !bridge) continue;
    uint32_t idx = static_cast<uint32_t>(j);
    if (!segments.empty() && segments.back().end == idx && !tokens[j].line_start) {
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
