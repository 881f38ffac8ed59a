#include "eval/porter_stemmer.h"

#include <cstddef>

namespace storyfuse {
namespace {

// The word being stemmed. Like the 1980 paper, "measure" m of a prefix is
// the number of vowel-run + consonant-run pairs in it ([C](VC)^m[V]).
class Word {
 public:
  explicit Word(std::string_view w) : b_(w) {}

  std::string Take() && { return std::move(b_); }
  size_t size() const { return b_.size(); }

  // 'y' is a consonant at the start or after a vowel, a vowel otherwise.
  bool IsConsonant(size_t i) const {
    switch (b_[i]) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
        return false;
      case 'y':
        return i == 0 || !IsConsonant(i - 1);
      default:
        return true;
    }
  }

  // Measure of the first `len` bytes.
  int Measure(size_t len) const {
    int m = 0;
    size_t i = 0;
    while (i < len && IsConsonant(i)) ++i;
    while (i < len) {
      while (i < len && !IsConsonant(i)) ++i;
      if (i >= len) break;
      while (i < len && IsConsonant(i)) ++i;
      ++m;
    }
    return m;
  }

  bool HasVowel(size_t len) const {
    for (size_t i = 0; i < len; ++i) {
      if (!IsConsonant(i)) return true;
    }
    return false;
  }

  // Ends in a double consonant ("tt", "ss").
  bool EndsInDoubleConsonant() const {
    size_t n = b_.size();
    return n >= 2 && b_[n - 1] == b_[n - 2] && IsConsonant(n - 1);
  }

  // The first `len` bytes end consonant-vowel-consonant, the last not w, x, y
  // ("hop" but not "snow" or "box").
  bool EndsCvc(size_t len) const {
    if (len < 3) return false;
    if (!IsConsonant(len - 1) || IsConsonant(len - 2) || !IsConsonant(len - 3)) return false;
    char c = b_[len - 1];
    return c != 'w' && c != 'x' && c != 'y';
  }

  bool EndsWith(std::string_view s) const {
    return b_.size() >= s.size() && std::string_view(b_).substr(b_.size() - s.size()) == s;
  }

  char Last() const { return b_.back(); }
  void Chop(size_t n) { b_.resize(b_.size() - n); }
  void Append(std::string_view s) { b_.append(s); }

  // When the word ends in `suffix` with a stem of measure > min_m before it,
  // replaces the suffix by `repl`. Returns whether the word ends in `suffix`
  // (whatever the measure), which ends the search for a rule in a step.
  bool Replace(std::string_view suffix, std::string_view repl, int min_m) {
    if (!EndsWith(suffix) || b_.size() == suffix.size()) return false;
    size_t stem = b_.size() - suffix.size();
    if (Measure(stem) > min_m) {
      b_.resize(stem);
      b_.append(repl);
    }
    return true;
  }

 private:
  std::string b_;
};

// Plurals and -ed / -ing.
void Step1ab(Word& w) {
  if (w.Last() == 's') {
    if (w.EndsWith("sses")) {
      w.Chop(2);
    } else if (w.EndsWith("ies")) {
      w.Chop(2);
    } else if (w.size() >= 2 && !w.EndsWith("ss")) {
      w.Chop(1);
    }
  }
  if (w.EndsWith("eed")) {
    if (w.Measure(w.size() - 3) > 0) w.Chop(1);
    return;
  }
  size_t cut = w.EndsWith("ed") ? 2 : (w.EndsWith("ing") ? 3 : 0);
  if (cut == 0 || !w.HasVowel(w.size() - cut)) return;
  w.Chop(cut);
  if (w.EndsWith("at") || w.EndsWith("bl") || w.EndsWith("iz")) {
    w.Append("e");
  } else if (w.EndsInDoubleConsonant()) {
    char c = w.Last();
    if (c != 'l' && c != 's' && c != 'z') w.Chop(1);
  } else if (w.Measure(w.size()) == 1 && w.EndsCvc(w.size())) {
    w.Append("e");
  }
}

// Terminal y -> i when there is another vowel in the stem.
void Step1c(Word& w) {
  if (w.EndsWith("y") && w.HasVowel(w.size() - 1)) {
    w.Chop(1);
    w.Append("i");
  }
}

struct Rule {
  std::string_view suffix;
  std::string_view repl;
};

// Tries the rules in order; the first suffix the word ends in decides.
void ApplyRules(Word& w, std::initializer_list<Rule> rules, int min_m) {
  for (const Rule& r : rules) {
    if (w.Replace(r.suffix, r.repl, min_m)) return;
  }
}

// Double suffixes to single ones (m > 0).
void Step2(Word& w) {
  ApplyRules(w, {{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
                 {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"}, {"eli", "e"},     {"ousli", "ous"},
                 {"ization", "ize"}, {"ation", "ate"},   {"ator", "ate"},  {"alism", "al"},  {"iveness", "ive"},
                 {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},  {"iviti", "ive"}, {"biliti", "ble"},
                 {"logi", "log"}},
             0);
}

// -ic-, -full, -ness and the like (m > 0).
void Step3(Word& w) {
  ApplyRules(
      w, {{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""}},
      0);
}

// Removes the suffix when the rest has m > 1 (returns whether it ended so).
bool RemoveIfLong(Word& w, std::string_view suffix) { return w.Replace(suffix, "", 1); }

// Residual suffixes (m > 1), in ROUGE's order: the list, then "ment", then
// "ent", and -ion only for words that do not end in "ent".
void Step4(Word& w) {
  // "ement" is the only listed suffix that can end another word's listed
  // suffix, so checking it first gives the longest match.
  ApplyRules(w,
             {{"ement", ""},
              {"al", ""},
              {"ance", ""},
              {"ence", ""},
              {"er", ""},
              {"ic", ""},
              {"able", ""},
              {"ible", ""},
              {"ant", ""},
              {"ou", ""},
              {"ism", ""},
              {"ate", ""},
              {"iti", ""},
              {"ous", ""},
              {"ive", ""},
              {"ize", ""}},
             1);
  RemoveIfLong(w, "ment");
  if (RemoveIfLong(w, "ent")) return;
  if (w.EndsWith("sion") || w.EndsWith("tion")) {
    size_t stem = w.size() - 3;
    if (w.Measure(stem) > 1) w.Chop(3);
  }
}

// Final -e and -ll.
void Step5(Word& w) {
  if (w.Last() == 'e') {
    int m = w.Measure(w.size() - 1);
    if (m > 1 || (m == 1 && !w.EndsCvc(w.size() - 1))) w.Chop(1);
  }
  if (w.EndsWith("ll") && w.Measure(w.size()) > 1) w.Chop(1);
}

}  // namespace

std::string PorterStemmer::Stem(std::string_view word) {
  if (word.size() <= 2) return std::string(word);
  Word w(word);
  Step1ab(w);
  Step1c(w);
  if (w.size() > 1) {
    Step2(w);
    Step3(w);
    Step4(w);
    Step5(w);
  }
  return std::move(w).Take();
}

}  // namespace storyfuse
