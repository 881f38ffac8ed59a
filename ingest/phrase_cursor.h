// PhraseCursor: reads a fixed wording off a lower-cased line, left to
// right, the way the furniture rules describe one ("this story has been
// updated", "published on mon...", "video (01:42) :"): literals, one word
// out of a list, digits, runs of letters, word boundaries.
//
// Why not std::regex: the rules run on every paragraph, and libstdc++'s
// regex interpreter cost a third of cleaning. Each rule is a short function
// over this cursor, so a line that fails on its first word costs a few
// comparisons.
//
// Every Eat* call advances the cursor only when it succeeds and returns
// whether it did, so an optional part is `c.Eat("been ");` and a required
// one is `if (!c.Eat("been ")) return false;`. Copy the cursor to try an
// alternative from the same place.
//
// A word byte is ASCII [A-Za-z0-9_] (what a regex's \b looks at); bytes
// >= 0x80 are never word bytes. The cursor holds a view: the text must
// outlive it. Value type; thread-compatible.
#ifndef STORYFUSE_INGEST_PHRASE_CURSOR_H_
#define STORYFUSE_INGEST_PHRASE_CURSOR_H_

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string_view>

namespace storyfuse {

class PhraseCursor {
 public:
  explicit PhraseCursor(std::string_view text, size_t pos = 0)
      : text_(text), pos_(pos < text.size() ? pos : text.size()) {}

  size_t pos() const { return pos_; }
  bool AtEnd() const { return pos_ >= text_.size(); }
  // The byte `k` places ahead, or '\0' past the end.
  char Peek(size_t k = 0) const { return pos_ + k < text_.size() ? text_[pos_ + k] : '\0'; }

  static bool IsWordByte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  // True between a word byte and a non-word byte (or the text's ends).
  bool AtBoundary() const {
    bool before = pos_ > 0 && IsWordByte(text_[pos_ - 1]);
    bool after = pos_ < text_.size() && IsWordByte(text_[pos_]);
    return before != after;
  }

  // True when the text continues with `literal` here (no move).
  bool LookingAt(std::string_view literal) const { return text_.substr(pos_).starts_with(literal); }
  bool Eat(std::string_view literal) {
    if (!LookingAt(literal)) return false;
    pos_ += literal.size();
    return true;
  }
  // The first of `alternatives` the text continues with; with
  // `whole_word`, only one followed by a boundary ("photo" is not read
  // out of "photograph"). Returns its index, or -1 (no move).
  int EatOneOf(std::span<const std::string_view> alternatives, bool whole_word = false);
  int EatOneOf(std::initializer_list<std::string_view> alternatives, bool whole_word = false) {
    return EatOneOf(std::span<const std::string_view>(alternatives.begin(), alternatives.size()), whole_word);
  }

  // Up to `max` ASCII digits, and at least `min` (greedy: a longer run
  // leaves digits for the next call to fail on).
  bool EatDigits(size_t min, size_t max);
  // One or more (`min` 1) or any number (`min` 0) of the bytes a-z.
  bool EatLetters(size_t min);

 private:
  std::string_view text_;
  size_t pos_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_PHRASE_CURSOR_H_
