// ViterbiDecoder: the best BILOU tag sequence of one segment under a
// first-order model (tag scores per token plus a score per pair of
// successive tags), among the sequences EntityLabels allows: a name opened
// by B goes on with I and ends with L; the segment's edges count as O on
// either side, so a segment never starts inside or ends before the end of
// a name.
//
// Stateless; thread-safe. Linear in the segment's length (times the
// square of the tag count).
#ifndef STORYFUSE_ANALYZE_VITERBI_DECODER_H_
#define STORYFUSE_ANALYZE_VITERBI_DECODER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace storyfuse {

class ViterbiDecoder {
 public:
  // `emissions` holds n rows of kNumLabels scores; `transitions[p *
  // kNumLabels + q]` scores tag q after tag p (p = O also for the start,
  // q = O also for the end). Writes n tags to `labels`. n may be 0.
  static void Decode(const float* emissions, size_t n, const float* transitions, uint8_t* labels);

  // Working memory that Decode reuses across calls.
  struct Scratch {
    std::vector<float> score;
    std::vector<uint8_t> back;
  };
  static void Decode(const float* emissions, size_t n, const float* transitions, uint8_t* labels, Scratch* scratch);
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_VITERBI_DECODER_H_
