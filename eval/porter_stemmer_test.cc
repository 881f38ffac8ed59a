#include "eval/porter_stemmer.h"

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

struct StemCase {
  const char* word;
  const char* stem;
};

// Expected stems worked out by hand from the 1980 paper's rules, plus the
// reference implementation's bli/logi departures and ROUGE's step 4.
const StemCase kCases[] = {
    // Step 1a: plurals.
    {"caresses", "caress"},
    {"ponies", "poni"},
    {"ties", "ti"},
    {"caress", "caress"},
    {"cats", "cat"},
    // Step 1b: -eed, -ed, -ing and the repairs after them.
    {"feed", "feed"},
    {"agreed", "agre"},
    {"plastered", "plaster"},
    {"bled", "bled"},
    {"motoring", "motor"},
    {"sing", "sing"},
    {"conflated", "conflat"},
    {"troubled", "troubl"},
    {"sized", "size"},
    {"hopping", "hop"},
    {"tanned", "tan"},
    {"falling", "fall"},
    {"hissing", "hiss"},
    {"fizzed", "fizz"},
    {"failing", "fail"},
    {"filing", "file"},
    {"hoping", "hope"},
    // Step 1c: y -> i.
    {"happy", "happi"},
    {"sky", "sky"},
    // Step 2, including bli -> ble and logi -> log.
    {"relational", "relat"},
    {"conditional", "condit"},
    {"rational", "ration"},
    {"valenci", "valenc"},
    {"digitizer", "digit"},
    {"possibly", "possibl"},
    {"archaeology", "archaeolog"},
    {"generalization", "gener"},
    {"hopefulness", "hope"},
    {"sensitiviti", "sensit"},
    // Step 3.
    {"triplicate", "triplic"},
    {"electrical", "electr"},
    {"goodness", "good"},
    {"formative", "form"},
    // Step 4 with ROUGE's order: list, then "ment", then "ent", then -ion.
    {"adjustment", "adjust"},
    {"replacement", "replac"},
    {"government", "govern"},
    {"dependent", "depend"},
    {"agreement", "agreem"},
    {"settlement", "settlem"},
    {"adoption", "adopt"},
    {"explosion", "explos"},
    {"onion", "onion"},
    {"communism", "commun"},
    {"activate", "activ"},
    // Step 5.
    {"probate", "probat"},
    {"rate", "rate"},
    {"cease", "ceas"},
    {"controlling", "control"},
    {"roll", "roll"},
    {"yelling", "yell"},
    // Short words are left alone.
    {"is", "is"},
    {"a", "a"},
    {"", ""},
};

TEST(PorterStemmerTest, KnownPairs) {
  for (const StemCase& c : kCases) {
    EXPECT_EQ(PorterStemmer::Stem(c.word), c.stem) << c.word;
  }
}

TEST(PorterStemmerTest, DigitsAreConsonants) {
  EXPECT_EQ(PorterStemmer::Stem("1990s"), "1990");
  EXPECT_EQ(PorterStemmer::Stem("2004"), "2004");
}

}  // namespace
}  // namespace storyfuse
