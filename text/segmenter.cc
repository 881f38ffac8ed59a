#include "text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <string>

#include "text/abbreviations.h"
#include "text/ascii_chars.h"
#include "text/ascii_words.h"
#include "text/unicode_text.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

bool IsSpaceAt(std::string_view text, size_t pos, size_t* next) {
  size_t p = pos;
  char32_t cp = DecodeUtf8(text, &p);
  *next = p;
  return UnicodeText::IsSpace(cp) || cp == 0xA0;
}

Span Trim(std::string_view text, size_t begin, size_t end) {
  size_t next;
  while (begin < end && IsSpaceAt(text, begin, &next)) begin = next;
  while (end > begin) {
    size_t p = end - 1;
    while (p > begin && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    if (!IsSpaceAt(text, p, &next)) break;
    end = p;
  }
  return Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

std::unique_ptr<UText, UTextCloser> OpenUtf8(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  return std::unique_ptr<UText, UTextCloser>(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
}

// True when the word ending at `end` is a name's initial followed by a
// period ("Marco A. Rubio") rather than a sentence's last word.
bool EndsWithInitial(std::string_view text, size_t end) {
  Span s = Trim(text, 0, end);
  if (s.end < 2 || text[s.end - 1] != '.') return false;
  bool word_start = s.end == 2 || text[s.end - 3] == ' ' || text[s.end - 3] == '.';
  return word_start && IsInitial(text.substr(s.end - 2, 2));
}

// True when the word ending at `end` is an abbreviation of the shared list
// ("9 a.m. Friday"): ICU's filter misses some (those with inner periods
// before a capital), and the analyzers' lexer never breaks there.
bool EndsWithAbbreviation(std::string_view text, size_t end) {
  Span s = Trim(text, 0, end);
  if (s.end < 2 || text[s.end - 1] != '.') return false;
  size_t begin = s.end;
  while (begin > 0 && (IsAsciiLetter(text[begin - 1]) || text[begin - 1] == '.')) --begin;
  return IsAbbreviation(text.substr(begin, s.end - begin));
}

// True when `chunk` starts with a character that UAX #29 (WB4) attaches to
// the white space before it, so that the chunk read alone may split
// differently.
bool AttachesBackward(std::string_view chunk) {
  if (chunk.empty() || static_cast<unsigned char>(chunk[0]) < 0x80) return false;
  size_t p = 0;
  int32_t wb = u_getIntPropertyValue(static_cast<UChar32>(DecodeUtf8(chunk, &p)), UCHAR_WORD_BREAK);
  return wb == U_WB_EXTEND || wb == U_WB_FORMAT || wb == U_WB_ZWJ;
}

}  // namespace

struct Segmenter::Impl {
  SegmenterOptions options;
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> words;

  // ICU's tokens of `text` (words, numbers, and punctuation when
  // `with_punct`), appended to `out` shifted by `base`.
  void IcuTokens(std::string_view text, uint32_t base, bool with_punct, std::vector<Token>* out);
  // Tokens chunk by chunk; false (and `out` partly filled) when a chunk
  // cannot be read alone.
  bool ChunkTokens(std::string_view text, bool with_punct, std::vector<Token>* out);
  void AppendChunk(std::string_view chunk, uint32_t base, bool with_punct, std::vector<Token>* out);
};

void Segmenter::Impl::IcuTokens(std::string_view text, uint32_t base, bool with_punct, std::vector<Token>* out) {
  auto ut = OpenUtf8(text);
  UErrorCode status = U_ZERO_ERROR;
  words->setText(ut.get(), status);
  if (U_FAILURE(status)) return;
  int32_t begin = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; begin = end, end = words->next()) {
    int32_t rule = words->getRuleStatus();
    Span span{base + static_cast<uint32_t>(begin), base + static_cast<uint32_t>(end)};
    if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
      out->push_back({span, TokenKind::kNumber});
    } else if (rule >= UBRK_WORD_LETTER) {
      out->push_back({span, TokenKind::kWord});
    } else if (with_punct) {
      size_t next;
      if (!IsSpaceAt(text, begin, &next)) out->push_back({span, TokenKind::kPunct});
    }
  }
}

bool Segmenter::Impl::ChunkTokens(std::string_view text, bool with_punct, std::vector<Token>* out) {
  size_t i = 0, n = text.size();
  while (i < n) {
    while (i < n && IsAsciiSpace(text[i])) ++i;
    size_t begin = i;
    while (i < n && !IsAsciiSpace(text[i])) ++i;
    if (begin == i) break;
    std::string_view chunk = text.substr(begin, i - begin);
    if (begin > 0 && AttachesBackward(chunk)) return false;
    AppendChunk(chunk, static_cast<uint32_t>(begin), with_punct, out);
  }
  return true;
}

void Segmenter::Impl::AppendChunk(std::string_view chunk, uint32_t base, bool with_punct, std::vector<Token>* out) {
  if (IsAscii(chunk)) return AppendAsciiTokens(chunk, base, with_punct, out);
  IcuTokens(chunk, base, with_punct, out);
}

Segmenter::Segmenter(SegmenterOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale en = icu::Locale::getEnglish();
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(en, status));
  // Only the forms as written: ICU matches a suppression as the end of any
  // word ("MS." would hold "CMS. These"); EndsWithAbbreviation reads whole
  // words for the rest, such as capitals ("GOV.").
  for (std::string_view abbr : Abbreviations()) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(icu::StringPiece(abbr.data(), abbr.size())), status);
  }
  impl_->sentences.reset(
      builder->wrapIteratorWithFilter(icu::BreakIterator::createSentenceInstance(en, status), status));
  impl_->words.reset(icu::BreakIterator::createWordInstance(en, status));
}

Segmenter::~Segmenter() = default;

std::vector<Span> Segmenter::Sentences(std::string_view text) {
  std::vector<Span> out;
  auto ut = OpenUtf8(text);
  UErrorCode status = U_ZERO_ERROR;
  impl_->sentences->setText(ut.get(), status);
  if (U_FAILURE(status)) return out;
  size_t begin = 0;
  for (int32_t end = impl_->sentences->next(); end != icu::BreakIterator::DONE; end = impl_->sentences->next()) {
    bool newline = end > 0 && text[end - 1] == '\n';
    bool abbreviation = EndsWithInitial(text, end) || EndsWithAbbreviation(text, end);
    if (!newline && abbreviation && static_cast<size_t>(end) < text.size()) continue;
    Span s = Trim(text, begin, end);
    if (!s.empty()) out.push_back(s);
    begin = end;
  }
  return out;
}

std::vector<Token> Segmenter::Tokens(std::string_view text, bool with_punct) {
  // Room for the tokens of ordinary prose at once (a word and its space
  // take about six bytes): grown one doubling at a time, a news article's
  // token list was copied about nine times.
  constexpr size_t kBytesPerToken = 6;
  std::vector<Token> out;
  out.reserve(text.size() / kBytesPerToken + 1);
  if (impl_->options.chunked && impl_->ChunkTokens(text, with_punct, &out)) return out;
  out.clear();
  impl_->IcuTokens(text, 0, with_punct, &out);
  return out;
}

}  // namespace storyfuse
