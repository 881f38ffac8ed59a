#include "ingest/html_extractor.h"

#include "ingest/html_blocks.h"
#include "ingest/html_content.h"
#include "ingest/html_document.h"
#include "ingest/html_metadata.h"

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

void RecordRemovals(const HtmlBlocks& blocks, Article* a) {
  for (const HtmlRemoval& r : blocks.removals()) a->removed.push_back({r.input, r.kind});
}

}  // namespace

Status HtmlExtractor::Extract(Article* article) {
  Result<HtmlDocument> doc = HtmlDocument::Parse(article->input);
  if (!doc.ok()) return doc.status();
  HtmlMetadata::Fill(*doc, article);
  HtmlBlocks blocks(*doc);
  std::vector<uint32_t> chosen = HtmlContent::Select(blocks, article->title);
  article->text.clear();
  article->offsets = OffsetMap();
  for (uint32_t i : chosen) AppendBlock(blocks, blocks.blocks()[i], article);
  RecordRemovals(blocks, article);
  if (article->text.empty()) return Status::InvalidArgument("no article text in HTML");
  return Status::Ok();
}

}  // namespace storyfuse
