// Abbreviations: the one list of abbreviations after whose period a
// sentence goes on ("Gov. Ana Ruiz", "Fresno, Calif., said", "U.S.
// officials", "9 a.m. Friday"), and the one rule for initials ("Marco A.
// Rubio"). Every stage that decides whether a period ends a sentence or
// belongs to a word reads them here: the sentence splitter
// (text/segmenter.h), the analyzers' lexer (text/word_lexer.h) and speaker
// attribution (analyze/speaker_tokenizer.h), so that they cut the same text
// into the same sentences.
//
// Matching: an entry written with a capital ("Gov.", "Calif.") matches the
// word as written or in capitals ("GOV."), never in lower case, so that
// "fell ill." or "iron ore." still end a sentence; an entry written in
// lower case ("a.m.", "vs.") matches in any case.
//
// Thread-safe (constant data).
#ifndef STORYFUSE_TEXT_ABBREVIATIONS_H_
#define STORYFUSE_TEXT_ABBREVIATIONS_H_

#include <span>
#include <string_view>

namespace storyfuse {

// Every abbreviation as written in news copy, final period included.
std::span<const std::string_view> Abbreviations();

// True when `word` (with or without its final period) is an abbreviation
// of the list, per the matching rule above.
bool IsAbbreviation(std::string_view word);

// True when `word` (with or without its final period) is one ASCII capital
// letter: a name's initial rather than a sentence's last word.
bool IsInitial(std::string_view word);

}  // namespace storyfuse

#endif  // STORYFUSE_TEXT_ABBREVIATIONS_H_
