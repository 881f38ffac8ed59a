// HtmlDocument: the project's one wrapper over libxml2's HTML parser. Parses
// a UTF-8 page leniently (libxml2's error recovery: implied html/body/p,
// auto-closed tags) into a compact, immutable DOM of elements and text nodes
// that later stages walk without ever seeing a libxml2 type.
//
// Nodes are stored in document order (pre-order), so the subtree of node i
// is the index range [i, node(i).end). Node 0 is the document itself. Only
// the attributes the extractors read are kept (see HtmlAttr); the content
// of <script> and <style> is dropped except JSON-LD scripts.
//
// Every text node records where its bytes came from in the input: when
// `verbatim` is true the text is an exact copy of input[input_begin,
// input_begin + size); otherwise (a character reference such as "&amp;",
// or bytes libxml2 repaired) input_begin is the best known position: the
// start of the reference when it can be found.
//
// Limits (libxml2's HTML parser is quadratic in both, and it runs with
// XML_PARSE_HUGE so that pages over 10 MB parse at all):
//   - kMaxAttributesPerTag: a start tag's attributes after the 64th are
//     ignored (blanked before parsing, so offsets do not move). libxml2
//     compares each attribute name with every earlier one: 1M attributes
//     on one tag took over 120 s; 64 bound that to 32 comparisons a byte.
//   - kMaxDepth: when an element would open 256 deep, parsing stops there
//     and truncated() says so; what came before is kept. libxml2 searches
//     its whole stack of open elements for each end tag that matches none
//     (100k auto-closed `<div><p>x</span>` took 8 s). 256 is libxml2's own
//     default depth limit for XML; news pages nest 20 to 60 deep.
//
// Immutable after Parse; thread-safe for reads. Parse itself is reentrant.
#ifndef STORYFUSE_INGEST_HTML_DOCUMENT_H_
#define STORYFUSE_INGEST_HTML_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace storyfuse {

// The elements the extractors tell apart; everything else is kOther.
enum class HtmlTag : uint8_t {
  kDocument,
  kText,
  kOther,
  kHtml,
  kHead,
  kBody,
  kTitle,
  kMeta,
  kLink,
  kScript,
  kStyle,
  kNoscript,
  kTemplate,
  kP,
  kDiv,
  kSpan,
  kA,
  kBr,
  kHr,
  kImg,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kUl,
  kOl,
  kLi,
  kDl,
  kDt,
  kDd,
  kTable,
  kTr,
  kTd,
  kTh,
  kCaption,
  kBlockquote,
  kPre,
  kCode,
  kFigure,
  kFigcaption,
  kPicture,
  kNav,
  kHeader,
  kFooter,
  kAside,
  kArticle,
  kMain,
  kSection,
  kAddress,
  kTime,
  kForm,
  kButton,
  kInput,
  kSelect,
  kTextarea,
  kLabel,
  kOption,
  kIframe,
  kSvg,
  kMath,
  kCanvas,
  kVideo,
  kAudio,
  kObject,
  kEmbed,
  kMenu,
  kDialog,
  kStrong,
  kB,
  kEm,
  kI,
  kU,
  kSmall,
  kSub,
  kSup,
  kCite,
  kQ,
  kMark,
  kAbbr,
  kCenter,
  kFont,
  kTbody,
  kThead,
  kTfoot,
};

// The attributes HtmlDocument keeps.
enum class HtmlAttr : uint8_t {
  kClass,
  kId,
  kRole,
  kItemprop,
  kItemtype,
  kHref,
  kRel,
  kName,
  kProperty,
  kContent,
  kLang,
  kDatetime,
  kType,
  kHidden,
  kStyle,
  kAriaHidden,
  kCharset,
};
inline constexpr int kHtmlAttrCount = 17;

struct HtmlNode {
  static constexpr uint32_t kNone = UINT32_MAX;

  HtmlTag tag = HtmlTag::kOther;
  bool verbatim = false;  // text: bytes are an exact copy of the input
  uint32_t parent = kNone;
  uint32_t end = 0;    // one past the last node of this subtree
  uint32_t depth = 0;  // the document is 0
  // Text: bytes [begin, begin+size) of the text pool. Element: attributes
  // [begin, begin+size) of the attribute table.
  uint32_t begin = 0;
  uint32_t size = 0;
  uint32_t input_begin = 0;  // text: input offset of its first byte

  bool is_text() const { return tag == HtmlTag::kText; }
};

class HtmlDocument {
 public:
  // Parses `input` (UTF-8; a <meta charset> is ignored). Returns
  // InvalidArgument for an empty or oversized (> 2 GiB) input. Malformed
  // markup is never an error: it is repaired as browsers would roughly do.
  static Result<HtmlDocument> Parse(std::string_view input);

  static constexpr int kMaxAttributesPerTag = 64;
  static constexpr uint32_t kMaxDepth = 256;

  // True when parsing stopped early at kMaxDepth; the nodes before that
  // point are complete (every open element closed at the cut).
  bool truncated() const { return truncated_; }

  uint32_t size() const { return static_cast<uint32_t>(nodes_.size()); }
  const HtmlNode& node(uint32_t i) const { return nodes_[i]; }

  // The decoded text of a text node (empty for elements).
  std::string_view Text(uint32_t i) const;
  // The value of attribute `a` of element i, entity-decoded; empty when
  // absent. Has() tells an absent attribute from an empty one.
  std::string_view Attr(uint32_t i, HtmlAttr a) const;
  bool Has(uint32_t i, HtmlAttr a) const;

  // The first element with tag `t`, in document order, or kNone.
  uint32_t Find(HtmlTag t) const;

 private:
  friend class HtmlDocumentBuilder;
  struct Attribute {
    HtmlAttr name;
    uint32_t begin;  // in pool_
    uint32_t size;
  };
  std::vector<HtmlNode> nodes_;
  std::vector<Attribute> attrs_;
  std::string pool_;  // text and attribute values
  bool truncated_ = false;
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_HTML_DOCUMENT_H_
