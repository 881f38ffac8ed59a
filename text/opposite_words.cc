#include "text/opposite_words.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace storyfuse {
namespace {

// One sense pair: the words of each side, base forms (regular inflections
// are generated) and irregular forms. Only pairs news reports state
// about the same subject in the same frame: a change of a figure, a
// decision, an outcome, a state.
struct SensePair {
  std::vector<std::string_view> plus;
  std::vector<std::string_view> minus;
};

const std::vector<SensePair>& Pairs() {
  static const auto* pairs = new std::vector<SensePair>{
      {{"rise", "rose", "risen", "increase", "grow", "grew", "grown", "climb", "gain", "jump", "soar", "surge", "up",
        "higher", "rebound"},
       {"fall",     "fell",   "fallen", "decrease", "decline", "drop",  "dropped",
        "dropping", "shrink", "shrank", "shrunk",   "plunge",  "slump", "sink",
        "sank",     "sunk",   "tumble", "down",     "lower",   "slide", "slid"}},
      {{"approve", "accept", "pass", "passed", "adopt", "agree", "ratify", "endorse", "authorize", "authorise",
        "grant"},
       {"reject", "refuse", "postpone", "delay", "defer", "veto", "block", "oppose", "deny", "denied", "decline",
        "disagree", "withhold", "withheld", "shelve"}},
      {{"win", "won", "winning", "victory", "beat", "defeat"}, {"lose", "lost", "losing", "loss"}},
      {{"open", "reopen", "start", "begin", "began", "begun", "launch", "resume"},
       {"close", "shut", "halt", "end", "stop", "stopped", "stopping", "suspend", "cancel", "cancelled", "cancelling",
        "abandon"}},
      {{"confirm", "admit", "acknowledge"}, {"deny", "denied", "dismiss"}},
      {{"raise", "hike", "expand", "extend", "boost"}, {"cut", "cutting", "reduce", "lower", "trim", "slash"}},
      {{"allow", "permit", "lift", "legalize", "legalise"},
       {"ban", "banned", "banning", "forbid", "forbade", "prohibit", "impose", "outlaw"}},
      {{"guilty", "convict", "convicted"}, {"innocent", "acquit", "acquitted", "acquitting"}},
      {{"alive", "survive", "rescue"}, {"dead", "die", "died", "dying", "kill", "killed", "missing"}},
      {{"hire", "appoint", "elect", "nominate"}, {"fire", "dismiss", "sack", "oust", "resign", "remove"}},
      {{"arrive", "enter", "return"}, {"leave", "left", "depart", "exit", "flee", "fled"}},
      {{"support", "favor", "favour", "welcome"}, {"oppose", "criticize", "criticise", "condemn"}},
      {{"more", "most", "many", "larger", "largest", "bigger", "biggest"},
       {"less", "least", "fewer", "fewest", "smaller", "smallest"}},
      {{"strengthen", "intensify", "escalate"}, {"weaken", "ease", "subside", "calm"}},
  };
  return *pairs;
}

// The regular inflections of a base form: -s/-es, -ed/-d, -ing (a final
// e dropped, a final consonant after one vowel doubled as a variant).
std::vector<std::string> Forms(std::string_view base) {
  std::string b(base);
  std::vector<std::string> out = {b};
  if (b.size() < 3) return out;
  char last = b.back();
  bool ends_e = last == 'e';
  out.push_back(last == 's' || last == 'h' || last == 'x' ? b + "es" : b + "s");
  if (last == 'y' && b[b.size() - 2] != 'a' && b[b.size() - 2] != 'e' && b[b.size() - 2] != 'o') {
    out.push_back(b.substr(0, b.size() - 1) + "ies");
    out.push_back(b.substr(0, b.size() - 1) + "ied");
  } else {
    out.push_back(ends_e ? b + "d" : b + "ed");
  }
  out.push_back(ends_e ? b.substr(0, b.size() - 1) + "ing" : b + "ing");
  out.push_back(b + last + "ed");
  out.push_back(b + last + "ing");
  return out;
}

const std::unordered_map<std::string, Sense>& Table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, Sense>;
    const auto& pairs = Pairs();
    for (size_t i = 0; i < pairs.size(); ++i) {
      int pair = static_cast<int>(i) + 1;
      // A word on both sides of one pair (none now) or in two pairs keeps
      // its first listing: the table is read in order.
      for (std::string_view w : pairs[i].plus) {
        for (const std::string& f : Forms(w)) t->emplace(f, Sense{pair, +1});
      }
      for (std::string_view w : pairs[i].minus) {
        for (const std::string& f : Forms(w)) t->emplace(f, Sense{pair, -1});
      }
    }
    return t;
  }();
  return *table;
}

}  // namespace

Sense OppositeWords::Of(std::string_view folded_word) {
  auto it = Table().find(std::string(folded_word));
  return it == Table().end() ? kNone : it->second;
}

}  // namespace storyfuse
