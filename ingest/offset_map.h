// OffsetMap: leads byte offsets of a cleaned text back to byte offsets of
// the input it was cleaned from.
//
// Cleaning copies runs of input bytes into the output; each run is recorded
// as a segment. Offsets inside a run map exactly; an offset in text that
// cleaning inserted (a joining space) maps to the end of the previous run.
// Copyable value; thread-safe for reads.
#ifndef STORYFUSE_INGEST_OFFSET_MAP_H_
#define STORYFUSE_INGEST_OFFSET_MAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace storyfuse {

class OffsetMap {
 public:
  // Records that output bytes [out_begin, out_begin+length) are copies of
  // input bytes [in_begin, in_begin+length). Segments must be added in
  // increasing out_begin order.
  void Add(uint32_t out_begin, uint32_t in_begin, uint32_t length);

  // Input byte offset of output byte offset `out`. An empty map is the
  // identity.
  uint32_t ToInput(uint32_t out) const;

  bool empty() const { return segments_.empty(); }
  size_t size() const { return segments_.size(); }

 private:
  struct Segment {
    uint32_t out_begin;
    uint32_t in_begin;
    uint32_t length;
  };
  std::vector<Segment> segments_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_OFFSET_MAP_H_
