// Name similarity: the folded key that two spellings of one name share,
// and the measures the entity linker compares names with. Pure functions
// of their arguments; thread-safe.
#ifndef STORYFUSE_ANALYZE_NAME_SIMILARITY_H_
#define STORYFUSE_ANALYZE_NAME_SIMILARITY_H_

#include <string>
#include <string_view>
#include <vector>

namespace storyfuse {

// Case-folded and diacritics removed (UnicodeText::FoldMarks), periods
// dropped, the typographic apostrophe made ASCII: "Sergéy O’Neil Jr." and
// "sergey o'neil jr" share one key. UTF-8 in, UTF-8 out.
std::string FoldName(std::string_view s);

// Jaro-Winkler similarity of two byte strings in [0, 1] (prefix scale 0.1,
// up to 4 bytes); 0 when either is empty, 1 when they are equal.
double JaroWinkler(std::string_view a, std::string_view b);

// The words of a folded key, split on single spaces; empty words dropped.
std::vector<std::string> SplitWords(const std::string& key);

// "of", "for", "the", "and": the words an organisation's name may drop or
// move ("Department of Energy", "Energy Department").
bool IsOrgNameConnector(std::string_view w);

// Whether `acronym` (folded) can abbreviate the name of `words` (folded):
// the initials of its words but the connectors appear in it in order, and
// it is spelled by letters of the name in order ("asean" of "association of
// southeast asian nations"). Needs at least two initials.
bool Abbreviates(const std::string& acronym, const std::vector<std::string>& words);

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_NAME_SIMILARITY_H_
