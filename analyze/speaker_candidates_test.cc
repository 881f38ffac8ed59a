#include "analyze/speaker_candidates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/speaker_resolver.h"

namespace storyfuse {
namespace {

#define LQ "\xE2\x80\x9C"
#define RQ "\xE2\x80\x9D"

struct CandidateCase {
  const char* name;
  std::string text;                   // invented; the first quoted piece is examined
  const char* mention;                // a candidate it must hold
  std::vector<const char*> features;  // which that candidate must carry
};

const CandidateCase kCases[] = {
    {"a name and its cue after the piece",
     LQ "The pier reopens on Monday," RQ " Mayor Lena Ortiz said.",
     "Mayor Lena Ortiz",
     {"k=name2t", "cue>", "cue>:said", "c&sa", "rule"}},
    {"an inverted cue before the name",
     LQ "The pier reopens on Monday," RQ " said Tomas Varga.",
     "Tomas Varga",
     {"<cue", "<cue:said", "c&sa"}},
    {"according to", LQ "The vote was never in doubt," RQ " according to Ivan Holt.", "Ivan Holt", {"accto"}},
    {"a pronoun resolved to a name the article knows",
     "Governor Ruth Ames spoke first. " LQ "Nobody loses a job here," RQ " she said.",
     "she",
     {"k=pron:she", "known", "cue>"}},
    {"the subject of the sentence before the piece",
     "Rosa Lind met the board on Friday. She told them: " LQ "We will not sell the pier." RQ,
     "Rosa Lind",
     {"subj", "c&pb"}},
    {"a speaker description",
     LQ "The ferry is safe," RQ " a spokesman for the harbor said.",
     "a spokesman for the harbor",
     {"k=desc", "head:spokesman", "cue>"}},
    {"a relative pronoun before its cue",
     "It was Dora Quint, who said " LQ "the quay must stay open all year." RQ,
     "who",
     {"k=rel:who", "cue>"}},
    {"the paragraph before",
     "Nina Park told the crowd:\n\n" LQ "First, we fix the roads in every town." RQ,
     "Nina Park",
     {"c&qb", "cue>:told", "prevplain&name"}},
    {"a sentence word is marked as one",
     "Typically, the ferry runs late. " LQ "We never wait long," RQ " Ada Brill said.",
     "Typically",
     {"shape:ly", "comma1", "nocapmid"}},
    {"another piece between the mention and this one",
     LQ "We are done," RQ " Ada Brill said. " LQ "No, we are not." RQ " " LQ "Wait for me here," RQ " Ned Wale said.",
     "Ada Brill",
     {"cue>"}},
};

TEST(SpeakerCandidatesTest, ListsMentionsWithTheirFeatures) {
  for (const CandidateCase& c : kCases) {
    std::vector<QuotePiece> pieces = QuoteFinder::Find(c.text);
    ASSERT_FALSE(pieces.empty()) << c.name;
    std::unordered_map<uint64_t, std::string> names;
    SpeakerResolver resolver;
    resolver.RecordFeatureNames(&names);
    std::vector<std::vector<SpeakerCandidate>> candidates;
    resolver.Resolve(c.text, pieces, &candidates);
    ASSERT_EQ(candidates.size(), pieces.size()) << c.name;
    const SpeakerCandidate* found = nullptr;
    for (const SpeakerCandidate& sc : candidates[0]) {
      if (sc.mention.In(c.text) == c.mention) found = &sc;
    }
    ASSERT_NE(found, nullptr) << c.name << ": no candidate " << c.mention;
    std::vector<std::string> have;
    for (uint64_t f : found->features) have.push_back(names[f]);
    for (const char* f : c.features) {
      EXPECT_NE(std::find(have.begin(), have.end(), f), have.end()) << c.name << ": " << c.mention << " lacks " << f;
    }
  }
}

// The last case's third piece: the mention before the piece in between is
// marked as separated from it.
TEST(SpeakerCandidatesTest, MarksMentionsBehindAnotherPiece) {
  const CandidateCase& c = kCases[std::size(kCases) - 1];
  std::vector<QuotePiece> pieces = QuoteFinder::Find(c.text);
  ASSERT_EQ(pieces.size(), 3u);
  std::unordered_map<uint64_t, std::string> names;
  SpeakerResolver resolver;
  resolver.RecordFeatureNames(&names);
  std::vector<std::vector<SpeakerCandidate>> candidates;
  resolver.Resolve(c.text, pieces, &candidates);
  bool marked = false;
  for (const SpeakerCandidate& sc : candidates[2]) {
    if (sc.mention.In(c.text) != "Ada Brill") continue;
    for (uint64_t f : sc.features) marked = marked || names[f].starts_with("qbetween");
  }
  EXPECT_TRUE(marked);
}

}  // namespace
}  // namespace storyfuse
