// XmlDocument: the project's one wrapper over libxml2's XML parser (the HTML
// parser is wrapped by HtmlDocument, beside it). Parses an untrusted XML
// document (a feed, a sitemap, an OPML list) strictly, with namespaces, into
// a compact, immutable DOM of elements and text nodes that later stages walk
// without ever seeing a libxml2 type.
//
// Safety (the input comes from the network):
//   - No network access (XML_PARSE_NONET), no external DTD or entity is
//     loaded, and no entity declared in the document is ever expanded: only
//     the five predefined entities and character references are decoded. A
//     "billion laughs" document therefore costs its own size.
//   - Depth: an element opening kMaxDepth deep is an error (libxml2's own
//     default limit; feeds nest under 15 deep).
//   - Size: inputs over kMaxInputBytes are refused before parsing; callers
//     set tighter limits for their formats.
// The encoding comes from the BOM or the XML declaration (UTF-8 when none),
// as XML specifies; text in the DOM is UTF-8.
//
// Nodes are stored in document order (pre-order), so the subtree of node i
// is the index range [i, node(i).end). Node 0 is the document itself.
// Comments and processing instructions are dropped; CDATA sections become
// text; adjacent text runs merge.
//
// Immutable after Parse; thread-safe for reads. Parse itself is reentrant.
#ifndef STORYFUSE_INGEST_XML_DOCUMENT_H_
#define STORYFUSE_INGEST_XML_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace storyfuse {

struct XmlNode {
  static constexpr uint32_t kNone = UINT32_MAX;
  enum class Kind : uint8_t { kDocument, kElement, kText };

  Kind kind = Kind::kElement;
  uint32_t parent = kNone;
  uint32_t end = 0;    // one past the last node of this subtree
  uint32_t depth = 0;  // the document is 0
  uint32_t name = 0;   // element: index of its (namespace, local name)
  // Text: bytes [begin, begin+size) of the text pool. Element: attributes
  // [begin, begin+size) of the attribute table.
  uint32_t begin = 0;
  uint32_t size = 0;

  bool is_element() const { return kind == Kind::kElement; }
  bool is_text() const { return kind == Kind::kText; }
};

class XmlDocument {
 public:
  // The namespace of xml:base and xml:lang.
  static constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";
  static constexpr uint32_t kMaxDepth = 256;
  static constexpr size_t kMaxInputBytes = size_t{1} << 30;  // libxml2 takes an int size

  // Parses `input`. Errors (InvalidArgument), each naming what was wrong:
  //   "empty XML document"; "XML document over 1 GiB";
  //   "malformed XML at line L, column C: <libxml2's reason>";
  //   "truncated XML: the input ends inside <name> (line L)" when the input
  //   stops before its open elements are closed;
  //   "XML nested deeper than 256 elements at line L".
  // An undefined namespace prefix is not an error: the element's namespace
  // is then empty.
  static Result<XmlDocument> Parse(std::string_view input);

  uint32_t size() const { return static_cast<uint32_t>(nodes_.size()); }
  const XmlNode& node(uint32_t i) const { return nodes_[i]; }

  // The first element child of the document, or kNone (never for a
  // document Parse accepted).
  uint32_t Root() const;

  // Element i's local name and namespace URI (empty when none); empty for
  // text and the document.
  std::string_view LocalName(uint32_t i) const;
  std::string_view Namespace(uint32_t i) const;
  // True when element i has local name `local` and namespace `ns`.
  bool Is(uint32_t i, std::string_view ns, std::string_view local) const;

  // The value of element i's attribute with local name `local` and
  // namespace `ns` (unprefixed attributes have none), entity-decoded; empty
  // when absent. Has() tells an absent attribute from an empty one.
  std::string_view Attr(uint32_t i, std::string_view local, std::string_view ns = {}) const;
  bool Has(uint32_t i, std::string_view local, std::string_view ns = {}) const;

  // The text of text node i; for an element, all text in its subtree
  // concatenated in document order (markup dropped).
  std::string_view Text(uint32_t i) const;
  std::string TextContent(uint32_t i) const;

  // Element children of element i, in order: FirstChild(i), then
  // NextSibling(child) until kNone.
  uint32_t FirstChild(uint32_t i) const;
  uint32_t NextSibling(uint32_t i) const;
  // The first element child with that name, or kNone.
  uint32_t Child(uint32_t i, std::string_view ns, std::string_view local) const;

 private:
  friend class XmlDocumentBuilder;
  struct Name {
    std::string ns;
    std::string local;
  };
  struct Attribute {
    uint32_t name;   // index into names_
    uint32_t begin;  // in pool_
    uint32_t size;
  };
  std::vector<XmlNode> nodes_;
  std::vector<Name> names_;
  std::vector<Attribute> attrs_;
  std::string pool_;  // text and attribute values
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_XML_DOCUMENT_H_
