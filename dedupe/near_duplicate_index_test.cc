#include "dedupe/near_duplicate_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "text/segmenter.h"

namespace storyfuse {
namespace {

// An invented wire story in five paragraphs.
const char* kParagraphs[] = {
    "VELMORA, Ostland (Northwind) - A cargo barge loaded with gravel struck a support pier of "
    "the Old Harbor Bridge early on Tuesday, forcing engineers to close the crossing to all "
    "traffic while divers inspected the damaged concrete below the waterline.",
    "The harbor authority said the barge had lost engine power shortly after leaving the "
    "quarry dock upstream and drifted for nearly two kilometres before the collision, which "
    "happened a little after five in the morning when the bridge was almost empty.",
    "Nobody was hurt, according to the fire service, which sent two boats to keep other "
    "vessels away from the drifting barge until a tug could take it under tow and bring it "
    "back to the eastern quay for its own inspection.",
    "Commuters were sent over the New Harbor Bridge three kilometres to the south, where "
    "queues stretched back through the market district for most of the morning as buses "
    "were rerouted and the ferry company added extra crossings to its timetable.",
    "The Old Harbor Bridge carries about forty thousand vehicles a day and was last "
    "strengthened eleven years ago. Engineers expected to decide by Thursday whether it "
    "could reopen to light traffic while repairs to the pier are planned.",
};

std::string Join(int from, int to) {
  std::string out;
  for (int i = from; i < to; ++i) out += std::string(kParagraphs[i]) + "\n\n";
  return out;
}

class NearDuplicateIndexTest : public ::testing::Test {
 protected:
  ShingleSketch Sketch(const std::string& text) { return ShingleSketcher::Sketch(text, &segmenter_); }
  Segmenter segmenter_;
  NearDuplicateIndex index_;
};

TEST_F(NearDuplicateIndexTest, RepublishedWithDifferentChromeIsACopy) {
  index_.Add(Sketch(Join(0, 5)));
  std::string republished =
      "Share this story\nMost read today\n\n" + Join(0, 5) + "Copyright Harbor Gazette. Sign up for our newsletter.\n";
  auto m = index_.FindSource(Sketch(republished));
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->doc, 0u);
  EXPECT_GT(m->new_contained, 0.8);
  EXPECT_GT(m->old_contained, 0.9);
}

TEST_F(NearDuplicateIndexTest, ShortPieceCopyingThreeParagraphsIsAPartialCopy) {
  index_.Add(Sketch(Join(0, 5)));
  std::string brief = "Morning round-up from the coast desk.\n\n" + Join(1, 4);
  auto m = index_.FindSource(Sketch(brief));
  ASSERT_TRUE(m.has_value());
  EXPECT_GT(m->new_contained, 0.7);
  EXPECT_LT(m->old_contained, 0.8);
}

TEST_F(NearDuplicateIndexTest, UpdatedVersionIsACopyOfTheFirst) {
  index_.Add(Sketch(Join(0, 3)));
  std::string update = Join(0, 3) +
                       "UPDATE: The harbor authority later said the barge's owner, a gravel "
                       "company from the upper valley, had agreed to pay for the inspection "
                       "and any repairs that the engineers might order for the pier.\n\n" +
                       Join(3, 5);
  auto m = index_.FindSource(Sketch(update));
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->doc, 0u);
  EXPECT_GT(m->old_contained, 0.9);
}

TEST_F(NearDuplicateIndexTest, SameEventInOtherWordsWithTheSameQuoteIsNotACopy) {
  std::string quote =
      "\u201CWe will not reopen the bridge until every diver has come back with the same answer "
      "about the state of that pier,\u201D said the chief engineer, Mara Lindqvist.";
  index_.Add(Sketch(Join(0, 5) + quote));
  std::string own_words =
      "A drifting gravel barge hit one of the piers holding up Velmora's Old Harbor Bridge "
      "before dawn on Tuesday, and the city shut the bridge while divers examined it.\n\n" +
      quote +
      "\n\nThe vessel had broken down after setting off from a quarry upriver, port officials "
      "told reporters. Fire crews kept other boats clear until a tug towed it away. No "
      "injuries were reported, and drivers faced long delays on the southern crossing.\n";
  EXPECT_FALSE(index_.FindSource(Sketch(own_words)).has_value());
}

// Reporting of its own about the barge, in other words than the wire's.
const char* kOwnReport =
    "A drifting gravel barge hit one of the piers holding up Velmora's Old Harbor Bridge before "
    "dawn on Tuesday, and the city shut the bridge while divers examined it. The mayor, Anton "
    "Verhoef, told the council in an emergency sitting that the city would ask the state for "
    "help with the repairs if the damage proved serious.\n\n"
    "Shopkeepers in the market district said the morning queues had kept customers away, and "
    "the chamber of commerce asked the city to run free buses until the bridge reopens. The "
    "quarry that chartered the barge declined to comment on its maintenance record.\n\n"
    "River pilots said the current had been unusually strong after a week of rain upstream, "
    "and that a barge without power could not have been stopped before the piers.\n";

TEST_F(NearDuplicateIndexTest, RunOfParagraphsPastedIntoOwnReportingIsAPartialCopy) {
  // Two of the wire's five paragraphs (about 40 % of its words) pasted
  // between the report's own paragraphs: neither text is mostly inside the
  // other, but the run is long.
  std::string own = kOwnReport;
  size_t cut = own.find("\n\n") + 2;
  std::string pasted = own.substr(0, cut) + Join(1, 3) + own.substr(cut);
  index_.Add(Sketch(Join(0, 5)));
  auto m = index_.FindSource(Sketch(pasted));
  ASSERT_TRUE(m.has_value());
  EXPECT_LT(std::max(m->new_contained, m->old_contained), 0.5);
  NearDuplicateOptions whole_only;
  whole_only.partial_containment = 1.0;
  NearDuplicateIndex strict(whole_only);
  strict.Add(Sketch(Join(0, 5)));
  EXPECT_FALSE(strict.FindSource(Sketch(pasted)).has_value());
  // The report alone shares no run with the wire.
  EXPECT_FALSE(index_.FindSource(Sketch(own)).has_value());
}

TEST_F(NearDuplicateIndexTest, EarliestSourceWins) {
  index_.Add(Sketch("Unrelated text about a violin competition held in a mountain town."));
  index_.Add(Sketch(Join(0, 5)));
  index_.Add(Sketch(Join(0, 5)));
  auto m = index_.FindSource(Sketch(Join(0, 5)));
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->doc, 1u);
}

TEST_F(NearDuplicateIndexTest, EmptySketchFindsNothing) {
  index_.Add(Sketch(Join(0, 5)));
  EXPECT_FALSE(index_.FindSource(ShingleSketch{}).has_value());
  EXPECT_FALSE(index_.FindSource(Sketch("Too short.")).has_value());
}

}  // namespace
}  // namespace storyfuse
