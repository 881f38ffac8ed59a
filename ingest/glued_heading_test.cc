#include "ingest/glued_heading.h"

#include <gtest/gtest.h>

#include <string>

namespace storyfuse {
namespace {

struct Case {
  const char* paragraph;
  const char* sentence;  // what follows the heading; "" when nothing is cut
};

TEST(GluedHeadingTest, CutsOnlyHeadingsRunIntoTheirParagraph) {
  const Case kCases[] = {
      // A kicker quote run into its paragraph.
      {"Osk: “We will rebuild the pier” Mayor Dana Osk told residents on Friday that the work "
       "would start in spring.",
       "Mayor Dana Osk told residents on Friday that the work would start in spring."},
      {"Harbour: \"No ferry until spring\" The operator told passengers on Monday that repairs "
       "would take months.",
       "The operator told passengers on Monday that repairs would take months."},
      // A headline ending in a plain noun run into a possessive.
      {"Ferry talks stall amid rising tensions Monday’s meeting in Port Elwin was the third this "
       "month, and it ended without a timetable.",
       "Monday’s meeting in Port Elwin was the third this month, and it ended without a timetable."},
      // Any other word before the possessive may take it as its object.
      {"Ferry talks stall amid rising costs Monday’s meeting in Port Elwin was the third this "
       "month, and it ended without a timetable.",
       ""},
      {"Harbour board agreed to buy Lavrenko's fleet of tugs before the winter storms reached the "
       "coast.",
       ""},
      {"Ferry talks stall amid rising tensions Monday’s vote looms.", ""},
      // Prose.
      {"Residents gathered outside the hall before Monday’s meeting in Port Elwin to protest the "
       "closure of the ferry line.",
       ""},
      {"Police arrested two men Tuesday night after a chase through the old harbour district of "
       "Velda.",
       ""},
      {"The council said the plan's cost had doubled since the spring and that Osk’s office would "
       "publish the figures.",
       ""},
      // A quote that ends a sentence is speech, not a kicker.
      {"Osk: “We will rebuild the pier.” She said the work would start in spring after the vote "
       "in the council.",
       ""},
      // A kicker before too short a sentence, or a colon too far in.
      {"Osk: “We will rebuild” Work starts soon.", ""},
      {"In a long statement on the matter the mayor wrote: “We will rebuild the pier” and "
       "residents cheered the news on the quay.",
       ""},
      {"", ""},
  };
  for (const Case& c : kCases) {
    std::string p = c.paragraph;
    size_t n = GluedHeading::Length(p);
    EXPECT_EQ(p.substr(n == 0 ? p.size() : n), c.sentence) << p;
  }
}

}  // namespace
}  // namespace storyfuse
