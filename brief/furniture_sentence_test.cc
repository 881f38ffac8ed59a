#include "brief/furniture_sentence.h"

#include <string_view>

#include <gtest/gtest.h>

namespace storyfuse {
namespace {

struct Case {
  std::string_view name;
  std::string_view sentence;
  bool furniture;
};

// Fictional sentences: each kind of furniture, and the news sentences
// that look most like them.
constexpr Case kCases[] = {
    {"link_text_read_more", "Read more about Mara Voss's appeal here.", true},
    {"link_text_press_release", "Read our press release here.", true},
    {"link_text_verbless", "Media coverage here and here.", true},
    {"link_text_watch", "Watch the full hearing here.", true},
    {"link_text_sign_up", "Sign the harbour petition here.", true},
    {"prompt_newsletter", "Sign up for our newsletter to get the Tallow Bay briefing.", true},
    {"copyright", "Copyright 2026 The Tallow Bay Courier.", true},
    {"credit", "The mayor toured the flooded ward (Photo: Getty Images).", true},
    {"link", "Details are at www.tallowbay.example/flood.", true},
    {"reader_addressed", "If your street flooded, call the ward office.", true},
    {"news_ending_here", "The ferry talks resume here on Monday.", false},
    {"news_subject_here", "Rescue crews from three towns have gathered here.", false},
    {"news_read_verb", "Read by the clerk, the verdict cleared Mara Voss of perjury.", false},
    {"quoted_you", "\"You will see the water recede,\" said Mayor Ina Holt.", false},
    {"curly_quoted_you", "\xE2\x80\x9CYour patience is noted,\xE2\x80\x9D Holt said.", false},
    {"long_here", "See how the council, the port and the ferry union came to the deal they signed here.", false},
    {"plain_news", "The council voted 7 to 2 to rebuild the sea wall.", false},
};

TEST(FurnitureSentenceTest, Table) {
  for (const Case& c : kCases) {
    EXPECT_EQ(FurnitureSentence::Is(c.sentence), c.furniture) << c.name << ": " << c.sentence;
  }
}

}  // namespace
}  // namespace storyfuse
