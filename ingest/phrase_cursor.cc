#include "ingest/phrase_cursor.h"

namespace storyfuse {

int PhraseCursor::EatOneOf(std::span<const std::string_view> alternatives, bool whole_word) {
  for (size_t i = 0; i < alternatives.size(); ++i) {
    PhraseCursor c = *this;
    if (!c.Eat(alternatives[i]) || (whole_word && !c.AtBoundary())) continue;
    *this = c;
    return static_cast<int>(i);
  }
  return -1;
}

bool PhraseCursor::EatDigits(size_t min, size_t max) {
  size_t n = 0;
  while (n < max && Peek(n) >= '0' && Peek(n) <= '9') ++n;
  if (n < min) return false;
  pos_ += n;
  return true;
}

bool PhraseCursor::EatLetters(size_t min) {
  size_t n = 0;
  while (Peek(n) >= 'a' && Peek(n) <= 'z') ++n;
  if (n < min) return false;
  pos_ += n;
  return true;
}

}  // namespace storyfuse
