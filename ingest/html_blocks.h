// HtmlBlocks: the visible text of an HtmlDocument cut into blocks (the text
// of one paragraph, heading, list item, table cell or bare div run), with
// the statistics content scoring needs and the way back to input offsets.
//
// Furniture never becomes a block: invisible elements (script, style,
// hidden, aria-hidden, display:none), semantic page furniture (nav, aside,
// footer, header, figure, forms' controls, ARIA navigation roles) and
// elements whose class or id names furniture (HtmlHints). As a guard
// against a misnamed wrapper ("page has-sidebar"), an element holding at
// least 40% of the page's text outside links is never furniture by its name or
// semantic tag alone.
//
// Immutable after construction; holds a reference to the document, which
// must outlive it. Thread-safe for reads.
#ifndef STORYFUSE_INGEST_HTML_BLOCKS_H_
#define STORYFUSE_INGEST_HTML_BLOCKS_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ingest/html_document.h"
#include "text/span.h"

namespace storyfuse {

// Bytes [text_begin, text_begin+length) of a block's text came from input
// bytes starting at input_begin (exactly when `exact`, else from a
// character reference there).
struct HtmlTextPiece {
  uint32_t text_begin;
  uint32_t input_begin;
  uint32_t length;
  bool exact;
};

struct HtmlBlock {
  uint32_t node = 0;              // nearest block-level element holding the text
  HtmlTag tag = HtmlTag::kOther;  // that element's tag
  std::string text;               // white space collapsed to one space; <br> is '\n'
  uint32_t chars = 0;             // code points other than white space
  uint32_t link_chars = 0;        // of those, inside <a href>
  uint32_t words = 0;
  uint32_t commas = 0;
  bool ends_sentence = false;  // last character closes a sentence
  uint32_t piece_begin = 0;    // pieces of text -> input, see Pieces()
  uint32_t piece_count = 0;

  double link_density() const { return chars == 0 ? 0.0 : double(link_chars) / chars; }
};

// An element left out as furniture, and why, for Article::removed.
struct HtmlRemoval {
  uint32_t node;
  const char* kind;
  Span input;  // from its first to its last text byte  // "navigation", "aside", "footer", "header", "figure",
               // "hidden", "boilerplate", ...
};

struct HtmlBlockBuilder;

class HtmlBlocks {
 public:
  explicit HtmlBlocks(const HtmlDocument& doc);

  const HtmlDocument& doc() const { return doc_; }
  const std::vector<HtmlBlock>& blocks() const { return blocks_; }
  std::span<const HtmlTextPiece> Pieces(const HtmlBlock& b) const {
    return std::span<const HtmlTextPiece>(pieces_).subspan(b.piece_begin, b.piece_count);
  }
  // Per element: class/id hint weight, and subtree totals over blocks.
  int hint(uint32_t node) const { return hint_[node]; }
  uint32_t chars(uint32_t node) const { return chars_[node]; }
  uint32_t link_chars(uint32_t node) const { return link_chars_[node]; }
  // Why element `node` itself is furniture ("navigation", "boilerplate",
  // ...), or nullptr when it is not (its ancestors may still be).
  const char* furniture(uint32_t node) const { return furniture_[node]; }
  // Furniture subtrees that held text, in document order.
  const std::vector<HtmlRemoval>& removals() const { return removals_; }

  // True for tags that start a new block.
  static bool IsBlockTag(HtmlTag t);

 private:
  void MarkFurniture();
  void Build();
  void AppendText(uint32_t node, HtmlBlockBuilder* b);
  void AddPiece(uint32_t out, uint32_t in, bool exact, HtmlBlockBuilder* b);
  void SumSubtrees();
  Span TextExtent(uint32_t node) const;

  const HtmlDocument& doc_;
  std::vector<HtmlBlock> blocks_;
  std::vector<HtmlTextPiece> pieces_;
  std::vector<int> hint_;
  std::vector<const char*> furniture_;  // per node: why it is furniture, or nullptr
  std::vector<uint32_t> chars_;
  std::vector<uint32_t> link_chars_;
  std::vector<HtmlRemoval> removals_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_HTML_BLOCKS_H_
