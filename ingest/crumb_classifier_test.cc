#include "ingest/crumb_classifier.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

// The wordings the furniture rules read word by word, and the near misses
// each must leave alone. (Lines around a story: text_cleaner_test.cc.)
TEST(CrumbClassifierTest, WordingsAndNearMisses) {
  struct Case {
    const char* line;
    const char* kind;  // "" for story text
  } cases[] = {
      // update notes
      {"This story has been updated with comment from the harbor authority.", "update"},
      {"The article and its headline were changed after publication.", "update"},
      {"This page was amended on Monday.", "update"},
      {"The story and the photos have been corrected.", "update"},
      {"Originally published on the Harbor Ledger.", "update"},
      {"(Last updated 9:14 a.m.)", "update"},
      {"Updated: Nov. 19, 2031", "update"},
      {"Updated at 10:15 ET", "update"},
      {"This story first appeared in the Harbor Ledger.", "update"},
      {"Article was originally published at harborledger.example.", "update"},
      {"The story is updated every hour by the harbor staff.", ""},
      {"Updated plans for the terminal were shown to the council.", ""},
      // corrections
      {"Correction: An earlier version misstated the cost.", "correction"},
      {"CORRECTIONS - The ferry leaves at 9 a.m.", "correction"},
      {"Clarification (May 2): The terminal reopens in June.", "correction"},
      {"Correction \xE2\x80\x94 The pier is 80 meters long.", "correction"},
      {"Editor's note: An earlier version of this story gave the wrong date.", "correction"},
      {"A previous version of this article misspelled Castell's name.", "correction"},
      {"This story was revised to reflect the following correction: the pier is 80 meters long.", "correction"},
      {"The article incorrectly said the terminal would close in May.", "correction"},
      {"Corrections officers said the inmate had been moved.", ""},
      {"An earlier version of the plan was rejected by the council.", ""},
      // media durations and stamps
      {"Video (01:42) : Crews lift the pilings.", "media"},
      {"Watch: 2:05", "media"},
      {"(0:59)", "media"},
      {"The ferry left at 10:15 and docked at 11:40.", ""},
      {"(Published Monday, March 3, 2031)", "date"},
      {"Posted on: Nov. 19, 2031", "date"},
      {"Publish Date March 2, 2031.", "date"},
      {"First aired Sunday, March 2, 2031", "date"},
      {"Tuesday, March 4, 2031 | 10:15am ET", "date"},
      {"March 4th, 2031 - 9:14 a.m.", "date"},
      {"Tuesday, March 4 \xE2\x80\x94 2031", ""},  // an em dash is not a date word
      {"Published reports said the pier was unsafe in 2031.", ""},
      // embedded posts
      {"Posted by Harbor Ledger on Monday, March 3, 2031", "embed"},
      {"A photo shared by Ana Pereira (@anapereira) on Jun 2, 2031 at 9:14am PDT", "embed"},
      {"Posted by Castell. She said on Monday that it was fine.", ""},
      // disclaimers and promos
      {"The views expressed here are solely those of the author.", "disclaimer"},
      {"Opinions expressed in this commentary are the opinions of the contributor.", "disclaimer"},
      {"The views expressed at the meeting were those of the council.", ""},
      {"Watch the full interview with Mira Castell on Harbor Tonight.", "prompt"},
      {"Catch the rest of the harbor special on Sunday.", "prompt"},
      {"See the complete list of closures below", ""},
      // caption cues
      {"Mira Castell is pictured at the terminal on Monday.", "caption"},
      {"Tobias Renn, pictured in 2029, leads the crew.", "caption"},
      {"This pictured scene is from the harbor.", ""},
      {"Crews lift the pilings in this undated file photo.", "caption"},
      {"Ferry passengers wait in this undated handout photo.", "caption"},
      {"In this photograph, the pier is seen from the sea wall.", "caption"},
      {"In this photography course, students learn to frame.", ""},
      {"In this city, photographers work for the harbor.", ""},
      {"A promotional photo for the harbor authority's open day.", "caption"},
      {"The handout image released by the authority on Monday.", "caption"},
      {"A photo of the pier was shown to the council.", ""},  // a verb follows
      {"Harbor Master Mira Castell walks past the gate in Port Elwin, Tuesday, March 4, 2031. Crews began...",
       "caption"},
      {"Harbor Master Mira Castell walks past the gate in Port Elwin, Tuesday, Mar. 4, 2031. Crews began...", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CrumbClassifier::Classify(c.line), c.kind) << c.line;
}

}  // namespace
}  // namespace storyfuse
