// Entity cues: the closed word lists that tell what a capitalized name is
// (organisation and place head words, speech verbs, place prepositions;
// titles are TitleLexicon's). General English, never names of any
// particular story.
//
// All functions take lower-case words; pure and thread-safe.
#ifndef STORYFUSE_ANALYZE_ENTITY_CUES_H_
#define STORYFUSE_ANALYZE_ENTITY_CUES_H_

#include <string>
#include <string_view>
#include <vector>

namespace storyfuse {

// Last or inner words that make a name an organisation ("ministry",
// "association", "council", "party", "inc", "agency", "news", ...).
bool IsOrgHead(std::string_view word);

// Trades that end company names ("shipping", "freight", "logistics");
// evidence only as a name's last word.
bool IsTradeHead(std::string_view word);

// Common nouns for an organisation that appear beside its name
// ("company", "firm", "operator", "carrier").
bool IsOrgNoun(std::string_view word);

// Last words that make a name a place ("city", "river", "province", ...).
bool IsPlaceHead(std::string_view word);

// First words of multi-word place names ("new", "san", "port", "north").
bool IsPlacePrefix(std::string_view word);

// Verbs that follow (or precede) a person's name: every finite form of the
// reporting verbs (SpeakerLexicon) and a few verbs of persons ("met",
// "visited", "wants").
bool IsSpeechVerb(std::string_view word);

// Prepositions that introduce places ("in", "from", "to", "near", ...).
bool IsPlacePreposition(std::string_view word);

// Words that open a storm's name ("hurricane", "typhoon", "cyclone"):
// the name is an event's, not a person's or a place's.
bool IsStormWord(std::string_view word);

// Lower-case name particles inside a person's name ("de", "van", "bin").
bool IsNameParticle(std::string_view word);

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_ENTITY_CUES_H_
