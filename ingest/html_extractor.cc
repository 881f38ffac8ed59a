#include "ingest/html_extractor.h"

#include "ingest/html_blocks.h"
#include "ingest/html_content.h"
#include "ingest/html_document.h"
#include "ingest/html_metadata.h"
#include "ingest/line_shape.h"
#include "text/unicode_text.h"

namespace storyfuse {
namespace {

// Appends block b's text to article->text, mapping its bytes back to input.
void AppendBlock(const HtmlBlocks& blocks, const HtmlBlock& b, Article* a) {
  if (!a->text.empty()) a->text.append("\n\n");
  uint32_t base = static_cast<uint32_t>(a->text.size());
  a->text.append(b.text);
  for (const HtmlTextPiece& p : blocks.Pieces(b)) {
    a->offsets.Add(base + p.text_begin, p.input_begin, p.exact ? p.length : 1);
  }
}

// The input bytes a block's text came from: its first to its last piece.
Span BlockInput(const HtmlBlocks& blocks, const HtmlBlock& b) {
  auto pieces = blocks.Pieces(b);
  if (pieces.empty()) return {};
  const HtmlTextPiece& last = pieces.back();
  return {pieces.front().input_begin, last.input_begin + (last.exact ? last.length : 1)};
}

// The title and caption of a video block above its stamp ("(Published
// Monday, Nov. 18, 2031)"): up to two short blocks, topped by a
// headline-shaped title or by furniture (the rule of the text cleaner).
constexpr size_t kMaxVideoCaptionBlocks = 2;
constexpr uint32_t kMaxVideoCaptionWords = 50;

void MarkVideoCaptions(const HtmlBlocks& blocks, const std::vector<uint32_t>& chosen,
                       std::vector<std::string_view>* kinds) {
  for (size_t k = 1; k < chosen.size(); ++k) {
    if ((*kinds)[k] != "date" || blocks.blocks()[chosen[k]].text.front() != '(') continue;
    std::vector<size_t> caption;
    bool bounded = false;
    for (size_t j = k; j-- > 0;) {
      if (!(*kinds)[j].empty()) {
        bounded = true;
        break;
      }
      const HtmlBlock& b = blocks.blocks()[chosen[j]];
      if (caption.size() == kMaxVideoCaptionBlocks || b.words > kMaxVideoCaptionWords) break;
      caption.push_back(j);
    }
    if (!caption.empty() && LineShape::IsHeadline(blocks.blocks()[chosen[caption.back()]].text)) bounded = true;
    if (!bounded || k + 1 == chosen.size()) continue;
    for (size_t j : caption) (*kinds)[j] = "caption";
  }
}

void RecordRemovals(const HtmlBlocks& blocks, Article* a) {
  for (const HtmlRemoval& r : blocks.removals()) a->removed.push_back({r.input, r.kind});
}

}  // namespace

Status HtmlExtractor::Extract(Article* article) {
  STORYFUSE_ASSIGN_OR_RETURN(HtmlDocument doc, HtmlDocument::Parse(article->input));
  HtmlMetadata::Fill(doc, article);
  HtmlBlocks blocks(doc);
  std::vector<uint32_t> chosen = HtmlContent::Select(blocks, article->title);
  article->text.clear();
  article->offsets = OffsetMap();
  // Captions, player lines, stamps, promos and corrections inside the
  // chosen elements are furniture by their words, as in scraped text.
  std::vector<std::string_view> kinds;
  for (uint32_t i : chosen) kinds.push_back(HtmlContent::FurnitureKind(blocks.blocks()[i]));
  MarkVideoCaptions(blocks, chosen, &kinds);
  for (size_t k = 0; k < chosen.size(); ++k) {
    const HtmlBlock& b = blocks.blocks()[chosen[k]];
    if (kinds[k].empty()) {
      AppendBlock(blocks, b, article);
      continue;
    }
    Span input = BlockInput(blocks, b);
    article->removed.push_back({input, std::string(kinds[k])});
    if (kinds[k] == "correction") article->corrections.push_back({input, UnicodeText::Nfc(b.text)});
  }
  RecordRemovals(blocks, article);
  if (article->text.empty()) return Status::InvalidArgument("no article text in HTML");
  return Status::Ok();
}

}  // namespace storyfuse
