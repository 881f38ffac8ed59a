// Invented news for the cluster tests: fictional places, people and
// outlets. Test-only; included by *_test.cc.
#ifndef STORYFUSE_CLUSTER_TEST_STORIES_H_
#define STORYFUSE_CLUSTER_TEST_STORIES_H_

#include <string>
#include <utility>

#include "ingest/article.h"

namespace storyfuse {
namespace test_stories {

inline Article Make(std::string id, std::string text, std::string date = "", std::string outlet = "",
                    std::string wire = "") {
  Article a;
  a.id = std::move(id);
  a.text = std::move(text);
  a.published.iso = std::move(date);
  a.outlet = std::move(outlet);
  a.wire = std::move(wire);
  return a;
}

// Invented events. Two earthquakes of the same kind, told apart by place,
// people, magnitude and date, and a bridge accident as unrelated news.
inline const char* kQuakeA1 =
    "A magnitude 6.4 earthquake shook the mountain province of Doravia on Saturday, toppling "
    "old stone houses in the town of Brenmoor and cutting power to thousands of homes. The "
    "regional governor, Ilse Varga, said rescue teams from Brenmoor and Tallis were searching "
    "collapsed buildings and that at least 14 people had died. The quake struck at a depth of "
    "ten kilometres, the Doravia seismic office said, and was followed by more than 30 "
    "aftershocks through the night as families slept outside in the cold.";
inline const char* kQuakeA2 =
    "Rescuers in Brenmoor pulled survivors from the rubble on Sunday after Saturday's 6.4 "
    "magnitude quake in Doravia killed at least 14 people. Governor Ilse Varga told reporters "
    "that field hospitals were being set up near Tallis and asked for more tents and blankets. "
    "Aftershocks continued to rattle the province, and the seismic office warned residents of "
    "Brenmoor not to return to damaged houses until engineers had checked them.";
inline const char* kQuakeB1 =
    "An earthquake of magnitude 5.1 hit the coastal region of Kelmont on Tuesday, damaging "
    "the harbor wall in Port Aster and cracking roads along the coast. Mayor Tomas Oyelaran "
    "said two fishermen were injured when a jetty collapsed. The quake was centred under the "
    "sea, the Kelmont geological survey said, and no tsunami warning was issued. Schools in "
    "Port Aster were closed while engineers inspected the buildings.";
inline const char* kQuakeB2 =
    "Engineers in Port Aster inspected schools and the damaged harbor wall on Wednesday, a day "
    "after a 5.1 magnitude earthquake struck off the Kelmont coast. Mayor Tomas Oyelaran said "
    "the two injured fishermen were recovering in hospital. The geological survey in Kelmont "
    "recorded a dozen small aftershocks but said a larger quake was unlikely.";
inline const char* kQuakeFollowUp =
    "Two months after the magnitude 6.4 earthquake that killed 14 people in Brenmoor, governor "
    "Ilse Varga reopened the town's school on Monday and said 300 families in Brenmoor and "
    "Tallis were still living in tents. The Doravia seismic office said aftershocks had "
    "stopped, and engineers had checked most of the damaged stone houses in the province.";
inline const char* kBridge =
    "A cargo barge loaded with gravel struck a support pier of the Old Harbor Bridge in "
    "Velmora early on Tuesday, forcing engineers to close the crossing while divers "
    "inspected the damaged concrete below the waterline. The harbor authority said the barge "
    "had lost engine power shortly after leaving the quarry dock upstream and drifted for "
    "nearly two kilometres before the collision. Commuters were sent over the New Harbor "
    "Bridge to the south, where queues stretched through the market district all morning.";

// Two meetings of the same two ministers, a month apart: one cast, one
// subject, other places, figures and outcomes; the later reports recall the
// first meeting.
inline const char* kTalksFeb1 =
    "Doravia's foreign minister Velda Marsh and her Estmark counterpart Ilan Korr met for three "
    "hours in Port Sable on Tuesday, their first talks since fighting broke out along the river "
    "border last autumn. Marsh said the two sides agreed to reopen the grain corridor through "
    "the Selk valley for 60 days and to exchange 120 prisoners. Korr called the meeting frank "
    "and said his government wanted international monitors at the Selk crossing.";
inline const char* kTalksFeb2 =
    "Ministers Velda Marsh of Doravia and Ilan Korr of Estmark agreed in Port Sable on Tuesday "
    "to reopen the Selk valley grain corridor for 60 days, officials said after the talks. The "
    "deal includes an exchange of 120 prisoners before the end of the month. Korr told "
    "reporters in Port Sable that monitors would be needed at the crossing, and Marsh said "
    "the talks had been difficult but useful.";
inline const char* kTalksMar1 =
    "Velda Marsh and Ilan Korr met again on Thursday, this time in the lakeside city of "
    "Lindqvist, a month after their talks in Port Sable. The foreign ministers of Doravia and "
    "Estmark failed to agree on extending the grain corridor, and Korr accused Doravian "
    "troops of shelling two villages near Hollen. Marsh said her government would send 40 "
    "observers to Hollen and proposed a new round of talks in April.";
inline const char* kTalksMar2 =
    "Talks in Lindqvist between Doravia's Velda Marsh and Estmark's Ilan Korr ended on Thursday "
    "without a deal to extend the grain corridor. Korr said the shelling of villages near "
    "Hollen had poisoned the meeting. Marsh offered to send 40 observers to Hollen, and "
    "officials in Lindqvist said the ministers might meet again in April.";

}  // namespace test_stories
}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_TEST_STORIES_H_
