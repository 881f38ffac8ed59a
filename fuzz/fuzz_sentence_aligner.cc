// libFuzzer target: the sentence aligner over stories generated from the
// input. Bytes pick 1-6 articles of sentences made from a small shared
// vocabulary (so that articles really overlap), numbers and the input's
// own bytes; the aligner must give every sentence exactly one group, keep
// spans inside their article, never link two sentences of one article
// directly, and give similarities in [0, 1].
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "brief/sentence_aligner.h"

namespace {

using namespace storyfuse;

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

constexpr const char* kWords[] = {
    "the",   "harbour", "bridge", "reopened", "Monday", "after",  "repairs", "mayor",  "Brandvik", "said",
    "cost",  "million", "crowns", "council",  "ferry",  "strike", "ended",   "crews",  "voted",    "contract",
    "storm", "closed",  "roads",  "Velmora",  "police", "fire",   "three",   "people", "injured",  "on"};
constexpr size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);
constexpr size_t kMaxArticles = 6;

// Reads the story: byte 0 picks the article count; then each byte is a
// word, a number, a sentence end, an article break or (0xF0+) a raw byte.
std::vector<std::string> Story(const uint8_t* data, size_t size) {
  std::vector<std::string> articles(1);
  size_t wanted = size > 0 ? 1 + data[0] % kMaxArticles : 1;
  for (size_t i = 1; i < size; ++i) {
    uint8_t b = data[i];
    std::string& a = articles.back();
    if (b < 0xC0) {
      a += kWords[b % kWordCount];
      a += ' ';
    } else if (b < 0xD0) {
      a += std::to_string((b - 0xC0) * 37) + ' ';
    } else if (b < 0xE0) {
      if (!a.empty() && a.back() == ' ') a.pop_back();
      a += ". ";
    } else if (b < 0xF0) {
      if (articles.size() < wanted)
        articles.emplace_back();
      else
        a += "\n\n";
    } else if (i + 1 < size) {
      a += static_cast<char>(data[++i]);
    }
  }
  return articles;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> story = Story(data, size);
  SentenceAligner aligner;
  for (const std::string& a : story) aligner.AddArticle(a);
  Alignment al = aligner.Align();
  std::vector<int> seen(al.sentences.size(), 0);
  for (uint32_t g = 0; g < al.groups.size(); ++g) {
    for (uint32_t s : al.groups[g]) {
      Check(s < al.sentences.size() && al.sentences[s].group == g);
      ++seen[s];
    }
  }
  for (size_t s = 0; s < al.sentences.size(); ++s) {
    const AlignedSentence& x = al.sentences[s];
    Check(seen[s] == 1);
    Check(x.article < story.size() && x.span.begin <= x.span.end && x.span.end <= story[x.article].size());
    if (s >= al.neighbours.size()) continue;
    for (const auto& [t, sim] : al.neighbours[s]) {
      Check(t < al.sentences.size() && al.sentences[t].article != x.article);
      Check(sim >= 0.0f && sim <= 1.0001f);
    }
  }
  return 0;
}
