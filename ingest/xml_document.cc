#include "ingest/xml_document.h"

#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstring>
#include <unordered_map>

namespace storyfuse {
namespace {

std::string_view View(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

std::string_view View(const xmlChar* begin, const xmlChar* end) {
  if (begin == nullptr || end == nullptr || end < begin) return {};
  return std::string_view(reinterpret_cast<const char*>(begin), static_cast<size_t>(end - begin));
}

// Without entity substitution libxml2 hands an attribute's '&' (written
// "&amp;" or "&#38;") on as the text "&#38;", so that a tree builder can
// tell it from an entity reference; nothing else is encoded that way.
void AppendAttributeValue(std::string_view v, std::string* out) {
  constexpr std::string_view kAmp = "&#38;";
  size_t at = 0;
  for (size_t hit = v.find(kAmp); hit != std::string_view::npos; hit = v.find(kAmp, at)) {
    out->append(v.substr(at, hit - at));
    out->push_back('&');
    at = hit + kAmp.size();
  }
  out->append(v.substr(at));
}

}  // namespace

// Receives libxml2's SAX2 events and appends nodes in document order.
class XmlDocumentBuilder {
 public:
  explicit XmlDocumentBuilder(XmlDocument* doc) : doc_(doc) {
    XmlNode root;
    root.kind = XmlNode::Kind::kDocument;
    doc_->nodes_.push_back(root);
    open_.push_back(0);
  }

  // False (and nothing added) when the element would be kMaxDepth deep:
  // the caller stops the parser.
  bool StartElement(std::string_view local, std::string_view ns, int nb_attributes, const xmlChar** attributes) {
    if (open_.size() >= XmlDocument::kMaxDepth) {
      too_deep_ = true;
      return false;
    }
    XmlNode n;
    n.kind = XmlNode::Kind::kElement;
    n.parent = open_.back();
    n.depth = static_cast<uint32_t>(open_.size());
    n.name = Intern(ns, local);
    n.begin = static_cast<uint32_t>(doc_->attrs_.size());
    for (int i = 0; i < nb_attributes; ++i) {
      const xmlChar** a = attributes + 5 * i;  // localname, prefix, URI, value, end
      uint32_t name = Intern(View(a[2]), View(a[0]));
      uint32_t begin = static_cast<uint32_t>(doc_->pool_.size());
      AppendAttributeValue(View(a[3], a[4]), &doc_->pool_);
      doc_->attrs_.push_back({name, begin, static_cast<uint32_t>(doc_->pool_.size()) - begin});
    }
    n.size = static_cast<uint32_t>(doc_->attrs_.size()) - n.begin;
    open_.push_back(static_cast<uint32_t>(doc_->nodes_.size()));
    doc_->nodes_.push_back(n);
    return true;
  }

  void EndElement() {
    if (open_.size() <= 1) return;
    doc_->nodes_[open_.back()].end = static_cast<uint32_t>(doc_->nodes_.size());
    open_.pop_back();
  }

  // Text directly under the document (only white space is allowed there)
  // is not kept.
  void Characters(std::string_view text) {
    if (text.empty() || open_.size() <= 1) return;
    XmlNode& last = doc_->nodes_.back();
    if (last.is_text() && last.parent == open_.back()) {
      last.size += static_cast<uint32_t>(text.size());
      doc_->pool_.append(text);
      return;
    }
    XmlNode n;
    n.kind = XmlNode::Kind::kText;
    n.parent = open_.back();
    n.depth = static_cast<uint32_t>(open_.size());
    n.begin = static_cast<uint32_t>(doc_->pool_.size());
    n.size = static_cast<uint32_t>(text.size());
    n.end = static_cast<uint32_t>(doc_->nodes_.size() + 1);
    doc_->nodes_.push_back(n);
    doc_->pool_.append(text);
  }

  void Finish() {
    while (open_.size() > 1) EndElement();
    doc_->nodes_[0].end = static_cast<uint32_t>(doc_->nodes_.size());
  }

  // The first fatal error, with where it happened.
  void Error(const xmlError* e, long byte_offset) {
    if (has_error_ || e == nullptr || e->level != XML_ERR_FATAL) return;
    has_error_ = true;
    error_line_ = e->line;
    error_column_ = e->int2;
    error_offset_ = byte_offset;
    std::string_view msg = e->message == nullptr ? "not well-formed" : e->message;
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.remove_suffix(1);
    error_message_.assign(msg);
    // libxml2 puts some details on a second line ("...indicate encoding !\n
    // Bytes: 0xE9 0x20"); an error message here is one line.
    for (char& c : error_message_) c = c == '\n' ? ' ' : c;
    if (open_.size() > 1) open_name_ = doc_->names_[doc_->nodes_[open_.back()].name].local;
  }

  bool too_deep() const { return too_deep_; }
  bool has_error() const { return has_error_; }

  // The Status for a document libxml2 found not well-formed.
  Status ErrorStatus(size_t input_size, int line_at_stop) const {
    if (too_deep_) {
      return Status::InvalidArgument("XML nested deeper than " + std::to_string(XmlDocument::kMaxDepth) +
                                     " elements at line " + std::to_string(line_at_stop));
    }
    if (!has_error_) return Status::InvalidArgument("malformed XML");
    // An error at the very end of the input with elements still open is
    // what a cut-off download looks like.
    if (!open_name_.empty() && error_offset_ >= 0 && static_cast<size_t>(error_offset_) >= input_size) {
      return Status::InvalidArgument("truncated XML: the input ends inside <" + open_name_ + "> (line " +
                                     std::to_string(error_line_) + ")");
    }
    return Status::InvalidArgument("malformed XML at line " + std::to_string(error_line_) + ", column " +
                                   std::to_string(error_column_) + ": " + error_message_);
  }

 private:
  uint32_t Intern(std::string_view ns, std::string_view local) {
    std::string key;
    key.reserve(ns.size() + local.size() + 1);
    key.append(ns).push_back('\n');  // '\n' occurs in neither part
    key.append(local);
    auto [it, added] = ids_.try_emplace(std::move(key), static_cast<uint32_t>(doc_->names_.size()));
    if (added) doc_->names_.push_back({std::string(ns), std::string(local)});
    return it->second;
  }

  XmlDocument* doc_;
  std::vector<uint32_t> open_;  // open elements, the document at the bottom
  std::unordered_map<std::string, uint32_t> ids_;
  bool too_deep_ = false;
  bool has_error_ = false;
  int error_line_ = 0;
  int error_column_ = 0;
  long error_offset_ = -1;
  std::string error_message_;
  std::string open_name_;
};

namespace {

XmlDocumentBuilder* BuilderOf(void* ctx) {
  return static_cast<XmlDocumentBuilder*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
}

void OnStartElementNs(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar* uri, int, const xmlChar**,
                      int nb_attributes, int, const xmlChar** attributes) {
  if (!BuilderOf(ctx)->StartElement(View(localname), View(uri), nb_attributes, attributes)) {
    xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
  }
}

void OnEndElementNs(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) { BuilderOf(ctx)->EndElement(); }

void OnCharacters(void* ctx, const xmlChar* ch, int len) {
  if (len > 0)
    BuilderOf(ctx)->Characters(std::string_view(reinterpret_cast<const char*>(ch), static_cast<size_t>(len)));
}

// Only the predefined entities (&amp; &lt; &gt; &quot; &apos;) exist: an
// entity the document declares is never looked up, so never expanded.
xmlEntityPtr OnGetEntity(void*, const xmlChar* name) { return xmlGetPredefinedEntity(name); }

void OnStructuredError(void* ctx, xmlErrorPtr error) {
  auto* parser = static_cast<xmlParserCtxtPtr>(ctx);
  if (parser == nullptr || parser->_private == nullptr) return;
  BuilderOf(ctx)->Error(error, xmlByteConsumed(parser));
}

void OnMessage(void*, const char*, ...) {}

}  // namespace

Result<XmlDocument> XmlDocument::Parse(std::string_view input) {
  if (input.empty()) return Status::InvalidArgument("empty XML document");
  if (input.size() > kMaxInputBytes || input.size() > static_cast<size_t>(INT_MAX)) {
    return Status::InvalidArgument("XML document over 1 GiB");
  }
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(input.data(), static_cast<int>(input.size()));
  if (ctxt == nullptr) return Status::Internal("cannot create the XML parser");
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof(sax));
  sax.initialized = XML_SAX2_MAGIC;  // namespaced SAX2 events, no tree
  sax.startElementNs = OnStartElementNs;
  sax.endElementNs = OnEndElementNs;
  sax.characters = OnCharacters;
  sax.ignorableWhitespace = OnCharacters;
  sax.cdataBlock = OnCharacters;
  sax.getEntity = OnGetEntity;
  sax.serror = OnStructuredError;
  sax.warning = OnMessage;
  sax.error = OnMessage;
  sax.fatalError = OnMessage;
  // xmlCreateMemoryParserCtxt installed libxml2's default handler; the
  // context owns ctxt->sax, so it is overwritten in place.
  *ctxt->sax = sax;
  ctxt->userData = ctxt;
  XmlDocument doc;
  XmlDocumentBuilder builder(&doc);
  ctxt->_private = &builder;
  // No XML_PARSE_NOENT (entities are not substituted), no DTDLOAD, no
  // HUGE: libxml2's default size limits stay on.
  xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  *ctxt->sax = sax;  // xmlCtxtUseOptions may reset handlers; keep ours
  xmlParseDocument(ctxt);
  bool well_formed = ctxt->wellFormed != 0 && !builder.too_deep();
  int line = ctxt->input != nullptr ? ctxt->input->line : 0;
  if (ctxt->myDoc != nullptr) xmlFreeDoc(ctxt->myDoc);
  xmlFreeParserCtxt(ctxt);
  if (!well_formed) return builder.ErrorStatus(input.size(), line);
  builder.Finish();
  if (doc.Root() == XmlNode::kNone) return Status::InvalidArgument("malformed XML: no root element");
  return doc;
}

uint32_t XmlDocument::Root() const { return nodes_.empty() ? XmlNode::kNone : FirstChild(0); }

std::string_view XmlDocument::LocalName(uint32_t i) const {
  return nodes_[i].is_element() ? std::string_view(names_[nodes_[i].name].local) : std::string_view();
}

std::string_view XmlDocument::Namespace(uint32_t i) const {
  return nodes_[i].is_element() ? std::string_view(names_[nodes_[i].name].ns) : std::string_view();
}

bool XmlDocument::Is(uint32_t i, std::string_view ns, std::string_view local) const {
  if (!nodes_[i].is_element()) return false;
  const Name& n = names_[nodes_[i].name];
  return n.local == local && n.ns == ns;
}

std::string_view XmlDocument::Attr(uint32_t i, std::string_view local, std::string_view ns) const {
  const XmlNode& n = nodes_[i];
  if (!n.is_element()) return {};
  for (uint32_t k = n.begin; k < n.begin + n.size; ++k) {
    const Name& name = names_[attrs_[k].name];
    if (name.local == local && name.ns == ns) return std::string_view(pool_).substr(attrs_[k].begin, attrs_[k].size);
  }
  return {};
}

bool XmlDocument::Has(uint32_t i, std::string_view local, std::string_view ns) const {
  const XmlNode& n = nodes_[i];
  if (!n.is_element()) return false;
  for (uint32_t k = n.begin; k < n.begin + n.size; ++k) {
    const Name& name = names_[attrs_[k].name];
    if (name.local == local && name.ns == ns) return true;
  }
  return false;
}

std::string_view XmlDocument::Text(uint32_t i) const {
  const XmlNode& n = nodes_[i];
  if (n.is_text()) return std::string_view(pool_).substr(n.begin, n.size);
  // An element holding a single text node (the common case) needs no copy.
  if (n.is_element() && n.end == i + 2 && nodes_[i + 1].is_text()) return Text(i + 1);
  return {};
}

std::string XmlDocument::TextContent(uint32_t i) const {
  if (nodes_[i].is_text()) return std::string(Text(i));
  std::string out;
  for (uint32_t k = i + 1; k < nodes_[i].end; ++k) {
    if (nodes_[k].is_text()) out.append(Text(k));
  }
  return out;
}

uint32_t XmlDocument::FirstChild(uint32_t i) const {
  for (uint32_t k = i + 1; k < nodes_[i].end; k = nodes_[k].end) {
    if (nodes_[k].is_element()) return k;
  }
  return XmlNode::kNone;
}

uint32_t XmlDocument::NextSibling(uint32_t i) const {
  uint32_t parent = nodes_[i].parent;
  if (parent == XmlNode::kNone) return XmlNode::kNone;
  for (uint32_t k = nodes_[i].end; k < nodes_[parent].end; k = nodes_[k].end) {
    if (nodes_[k].is_element()) return k;
  }
  return XmlNode::kNone;
}

uint32_t XmlDocument::Child(uint32_t i, std::string_view ns, std::string_view local) const {
  for (uint32_t k = FirstChild(i); k != XmlNode::kNone; k = NextSibling(k)) {
    if (Is(k, ns, local)) return k;
  }
  return XmlNode::kNone;
}

}  // namespace storyfuse
