// SegmentedText: one text's sentences and word tokens as text/segmenter
// gives them, made once and shared by the brief's stages (the sentence
// aligner and the summarizer both need them; ICU segmentation was a third
// of the brief's cost when each stage redid it).
#ifndef STORYFUSE_BRIEF_SEGMENTED_TEXT_H_
#define STORYFUSE_BRIEF_SEGMENTED_TEXT_H_

#include <vector>

#include "text/segmenter.h"
#include "text/span.h"

namespace storyfuse {

struct SegmentedText {
  std::vector<Span> sentences;             // Segmenter::Sentences(text)
  std::vector<std::vector<Token>> tokens;  // per sentence: Segmenter::Tokens of it, relative to its start
};

}  // namespace storyfuse

#endif  // STORYFUSE_BRIEF_SEGMENTED_TEXT_H_
