#include "ingest/html_document.h"
#include "text/ascii_chars.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <unordered_map>

namespace storyfuse {
namespace {

HtmlTag TagOf(std::string_view name) {
  static const auto* const kTags = new std::unordered_map<std::string_view, HtmlTag>{
      {"html", HtmlTag::kHtml},
      {"head", HtmlTag::kHead},
      {"body", HtmlTag::kBody},
      {"title", HtmlTag::kTitle},
      {"meta", HtmlTag::kMeta},
      {"link", HtmlTag::kLink},
      {"script", HtmlTag::kScript},
      {"style", HtmlTag::kStyle},
      {"noscript", HtmlTag::kNoscript},
      {"template", HtmlTag::kTemplate},
      {"p", HtmlTag::kP},
      {"div", HtmlTag::kDiv},
      {"span", HtmlTag::kSpan},
      {"a", HtmlTag::kA},
      {"br", HtmlTag::kBr},
      {"hr", HtmlTag::kHr},
      {"img", HtmlTag::kImg},
      {"h1", HtmlTag::kH1},
      {"h2", HtmlTag::kH2},
      {"h3", HtmlTag::kH3},
      {"h4", HtmlTag::kH4},
      {"h5", HtmlTag::kH5},
      {"h6", HtmlTag::kH6},
      {"ul", HtmlTag::kUl},
      {"ol", HtmlTag::kOl},
      {"li", HtmlTag::kLi},
      {"dl", HtmlTag::kDl},
      {"dt", HtmlTag::kDt},
      {"dd", HtmlTag::kDd},
      {"table", HtmlTag::kTable},
      {"tr", HtmlTag::kTr},
      {"td", HtmlTag::kTd},
      {"th", HtmlTag::kTh},
      {"caption", HtmlTag::kCaption},
      {"blockquote", HtmlTag::kBlockquote},
      {"pre", HtmlTag::kPre},
      {"code", HtmlTag::kCode},
      {"figure", HtmlTag::kFigure},
      {"figcaption", HtmlTag::kFigcaption},
      {"picture", HtmlTag::kPicture},
      {"nav", HtmlTag::kNav},
      {"header", HtmlTag::kHeader},
      {"footer", HtmlTag::kFooter},
      {"aside", HtmlTag::kAside},
      {"article", HtmlTag::kArticle},
      {"main", HtmlTag::kMain},
      {"section", HtmlTag::kSection},
      {"address", HtmlTag::kAddress},
      {"time", HtmlTag::kTime},
      {"form", HtmlTag::kForm},
      {"button", HtmlTag::kButton},
      {"input", HtmlTag::kInput},
      {"select", HtmlTag::kSelect},
      {"textarea", HtmlTag::kTextarea},
      {"label", HtmlTag::kLabel},
      {"option", HtmlTag::kOption},
      {"iframe", HtmlTag::kIframe},
      {"svg", HtmlTag::kSvg},
      {"math", HtmlTag::kMath},
      {"canvas", HtmlTag::kCanvas},
      {"video", HtmlTag::kVideo},
      {"audio", HtmlTag::kAudio},
      {"object", HtmlTag::kObject},
      {"embed", HtmlTag::kEmbed},
      {"menu", HtmlTag::kMenu},
      {"dialog", HtmlTag::kDialog},
      {"strong", HtmlTag::kStrong},
      {"b", HtmlTag::kB},
      {"em", HtmlTag::kEm},
      {"i", HtmlTag::kI},
      {"u", HtmlTag::kU},
      {"small", HtmlTag::kSmall},
      {"sub", HtmlTag::kSub},
      {"sup", HtmlTag::kSup},
      {"cite", HtmlTag::kCite},
      {"q", HtmlTag::kQ},
      {"mark", HtmlTag::kMark},
      {"abbr", HtmlTag::kAbbr},
      {"center", HtmlTag::kCenter},
      {"font", HtmlTag::kFont},
      {"tbody", HtmlTag::kTbody},
      {"thead", HtmlTag::kThead},
      {"tfoot", HtmlTag::kTfoot},
  };
  auto it = kTags->find(name);
  return it == kTags->end() ? HtmlTag::kOther : it->second;
}

// Attribute names are matched case-insensitively by libxml2 already
// (it lower-cases HTML names); returns false for attributes not kept.
bool AttrOf(std::string_view name, HtmlAttr* out) {
  static const auto* const kAttrs = new std::unordered_map<std::string_view, HtmlAttr>{
      {"class", HtmlAttr::kClass},       {"id", HtmlAttr::kId},
      {"role", HtmlAttr::kRole},         {"itemprop", HtmlAttr::kItemprop},
      {"itemtype", HtmlAttr::kItemtype}, {"href", HtmlAttr::kHref},
      {"rel", HtmlAttr::kRel},           {"name", HtmlAttr::kName},
      {"property", HtmlAttr::kProperty}, {"content", HtmlAttr::kContent},
      {"lang", HtmlAttr::kLang},         {"datetime", HtmlAttr::kDatetime},
      {"type", HtmlAttr::kType},         {"hidden", HtmlAttr::kHidden},
      {"style", HtmlAttr::kStyle},       {"aria-hidden", HtmlAttr::kAriaHidden},
      {"charset", HtmlAttr::kCharset},
  };
  auto it = kAttrs->find(name);
  if (it == kAttrs->end()) return false;
  *out = it->second;
  return true;
}

std::string_view View(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

bool ContainsJsonLd(std::string_view type) { return type.find("ld+json") != std::string_view::npos; }

}  // namespace

// Receives libxml2's SAX events and appends nodes in document order. The
// parser's position (bytes consumed) at each event locates text in the input.
class HtmlDocumentBuilder {
 public:
  HtmlDocumentBuilder(std::string_view input, HtmlDocument* doc) : input_(input), doc_(doc) {
    HtmlNode root;
    root.tag = HtmlTag::kDocument;
    doc_->nodes_.push_back(root);
    open_.push_back(0);
  }

  // False (and nothing added) when the element would be deeper than
  // kMaxDepth: the caller stops the parser.
  bool StartElement(std::string_view name, const xmlChar** atts) {
    if (open_.size() >= HtmlDocument::kMaxDepth) {
      doc_->truncated_ = true;
      return false;
    }
    HtmlNode n;
    n.tag = TagOf(name);
    n.parent = open_.back();
    n.depth = static_cast<uint32_t>(open_.size());
    n.begin = static_cast<uint32_t>(doc_->attrs_.size());
    for (int i = 0; atts != nullptr && atts[i] != nullptr; i += 2) AddAttribute(atts[i], atts[i + 1]);
    n.size = static_cast<uint32_t>(doc_->attrs_.size()) - n.begin;
    open_.push_back(static_cast<uint32_t>(doc_->nodes_.size()));
    doc_->nodes_.push_back(n);
    return true;
  }

  bool stopped() const { return doc_->truncated_; }

  void EndElement() {
    if (open_.size() <= 1) return;  // unbalanced close: nothing open
    doc_->nodes_[open_.back()].end = static_cast<uint32_t>(doc_->nodes_.size());
    open_.pop_back();
  }

  // `pos` is the parser's input position when the event fired: at or just
  // before the end of the run of `len` decoded bytes.
  void Characters(const xmlChar* ch, int len, size_t pos) {
    if (len <= 0) return;
    HtmlTag parent = doc_->nodes_[open_.back()].tag;
    if (parent == HtmlTag::kStyle) return;
    if (parent == HtmlTag::kScript && !keep_script_) return;
    std::string_view text(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
    uint32_t input_begin = 0;
    bool verbatim = Locate(text, pos, &input_begin);
    AppendText(text, input_begin, verbatim);
  }

  void Finish() {
    while (open_.size() > 1) EndElement();
    doc_->nodes_[0].end = static_cast<uint32_t>(doc_->nodes_.size());
  }

  void set_keep_script(bool keep) { keep_script_ = keep; }

 private:
  void AddAttribute(const xmlChar* name, const xmlChar* value) {
    HtmlAttr a;
    if (!AttrOf(View(name), &a)) return;
    std::string_view v = View(value);
    doc_->attrs_.push_back({a, static_cast<uint32_t>(doc_->pool_.size()), static_cast<uint32_t>(v.size())});
    doc_->pool_.append(v);
  }

  // Finds the input bytes of a decoded run: a plain run is a copy of the
  // input ending at `pos` or one character later (libxml2 flushes long runs
  // before advancing past the last character it copied). Anything else came
  // from a character reference, which starts at the last '&' before pos.
  bool Locate(std::string_view text, size_t pos, uint32_t* input_begin) const {
    size_t ends[2] = {pos, pos < input_.size() ? pos + CharLength(pos) : pos};
    for (size_t end : ends) {
      if (end >= text.size() && end <= input_.size() && input_.compare(end - text.size(), text.size(), text) == 0) {
        *input_begin = static_cast<uint32_t>(end - text.size());
        return true;
      }
    }
    // Clamped inside the input: a caller maps the run to [begin, begin+1].
    size_t last = input_.size() - 1;
    size_t at = std::min(pos, last);
    size_t amp = input_.rfind('&', at);
    *input_begin = static_cast<uint32_t>(amp != std::string_view::npos && at - amp <= 40 ? amp : at);
    return false;
  }

  size_t CharLength(size_t pos) const {
    unsigned char c = static_cast<unsigned char>(input_[pos]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return std::min(n, input_.size() - pos);
  }

  // Contiguous verbatim runs in the same element merge into one node.
  void AppendText(std::string_view text, uint32_t input_begin, bool verbatim) {
    HtmlNode& last = doc_->nodes_.back();
    if (last.is_text() && last.parent == open_.back() && last.verbatim && verbatim &&
        last.input_begin + last.size == input_begin) {
      last.size += static_cast<uint32_t>(text.size());
      last.end = static_cast<uint32_t>(doc_->nodes_.size());
      doc_->pool_.append(text);
      return;
    }
    HtmlNode n;
    n.tag = HtmlTag::kText;
    n.verbatim = verbatim;
    n.parent = open_.back();
    n.depth = static_cast<uint32_t>(open_.size());
    n.begin = static_cast<uint32_t>(doc_->pool_.size());
    n.size = static_cast<uint32_t>(text.size());
    n.input_begin = input_begin;
    n.end = static_cast<uint32_t>(doc_->nodes_.size() + 1);
    doc_->nodes_.push_back(n);
    doc_->pool_.append(text);
  }

  std::string_view input_;
  HtmlDocument* doc_;
  std::vector<uint32_t> open_;  // open elements, the document at the bottom
  bool keep_script_ = false;
};

namespace {

HtmlDocumentBuilder* BuilderOf(void* ctx) {
  return static_cast<HtmlDocumentBuilder*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
}

size_t Position(void* ctx) {
  xmlParserInputPtr in = static_cast<htmlParserCtxtPtr>(ctx)->input;
  return static_cast<size_t>(in->consumed) + static_cast<size_t>(in->cur - in->base);
}

void OnStartElement(void* ctx, const xmlChar* name, const xmlChar** atts) {
  HtmlDocumentBuilder* b = BuilderOf(ctx);
  if (b->stopped()) return;
  std::string_view n = View(name);
  if (!b->StartElement(n, atts)) {
    xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
    return;
  }
  bool json_ld = false;
  if (n == "script") {
    for (int i = 0; atts != nullptr && atts[i] != nullptr; i += 2) {
      if (View(atts[i]) == "type" && ContainsJsonLd(View(atts[i + 1]))) json_ld = true;
    }
  }
  b->set_keep_script(json_ld);
}

void OnEndElement(void* ctx, const xmlChar*) {
  if (BuilderOf(ctx)->stopped()) return;
  BuilderOf(ctx)->EndElement();
  BuilderOf(ctx)->set_keep_script(false);
}

void OnCharacters(void* ctx, const xmlChar* ch, int len) {
  if (BuilderOf(ctx)->stopped()) return;
  BuilderOf(ctx)->Characters(ch, len, Position(ctx));
}

// Scans the start tag whose '<' is at `lt` the way libxml2 reads one (name,
// then attributes `name`, `name=value`, `name="value"` up to '>'); returns
// one past its end and sets *cut to the first byte of the attribute after
// the kMaxAttributesPerTag-th, or npos when there are not that many.
size_t ScanStartTag(std::string_view in, size_t lt, size_t* cut) {
  *cut = std::string_view::npos;
  size_t i = lt + 1;
  while (i < in.size() && !IsHtmlSpace(in[i]) && in[i] != '>' && in[i] != '/') ++i;
  int count = 0;
  while (i < in.size()) {
    while (i < in.size() && (IsHtmlSpace(in[i]) || in[i] == '/')) ++i;
    if (i >= in.size() || in[i] == '>') break;
    if (++count > HtmlDocument::kMaxAttributesPerTag && *cut == std::string_view::npos) *cut = i;
    while (i < in.size() && !IsHtmlSpace(in[i]) && in[i] != '=' && in[i] != '>') ++i;
    while (i < in.size() && IsHtmlSpace(in[i])) ++i;
    if (i >= in.size() || in[i] != '=') continue;
    ++i;
    while (i < in.size() && IsHtmlSpace(in[i])) ++i;
    if (i < in.size() && (in[i] == '"' || in[i] == '\'')) {
      size_t close = in.find(in[i], i + 1);
      i = close == std::string_view::npos ? in.size() : close + 1;
    } else {
      while (i < in.size() && !IsHtmlSpace(in[i]) && in[i] != '>') ++i;
    }
  }
  return i;
}

// `input` with every start tag's attributes past kMaxAttributesPerTag
// turned into spaces (same length, so every offset stays valid); empty
// when no tag has that many. One pass over the input.
std::string BlankExcessAttributes(std::string_view input) {
  std::string out;
  for (size_t lt = input.find('<'); lt != std::string_view::npos; lt = input.find('<', lt + 1)) {
    if (lt + 1 >= input.size() || !IsAsciiLetter(input[lt + 1])) continue;
    size_t cut = 0;
    size_t end = ScanStartTag(input, lt, &cut);
    if (cut != std::string_view::npos) {
      if (out.empty()) out.assign(input);
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(cut), out.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    }
    lt = end > lt ? end - 1 : lt;
  }
  return out;
}

void OnMessage(void*, const char*, ...) {}

}  // namespace

Result<HtmlDocument> HtmlDocument::Parse(std::string_view input) {
  if (input.empty()) return Status::InvalidArgument("empty HTML document");
  if (input.size() > static_cast<size_t>(INT_MAX)) return Status::InvalidArgument("HTML document over 2 GiB");
  std::string blanked = BlankExcessAttributes(input);
  if (!blanked.empty()) input = blanked;
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(input.data(), static_cast<int>(input.size()));
  if (ctxt == nullptr) return Status::Internal("cannot create the HTML parser");
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof(sax));
  sax.startElement = OnStartElement;
  sax.endElement = OnEndElement;
  sax.characters = OnCharacters;
  sax.ignorableWhitespace = OnCharacters;
  sax.cdataBlock = OnCharacters;  // <script> and <style> content
  sax.warning = OnMessage;
  sax.error = OnMessage;
  sax.fatalError = OnMessage;
  sax.initialized = 1;  // SAX1 events; keeps libxml2 from building its own tree
  *ctxt->sax = sax;
  HtmlDocument doc;
  HtmlDocumentBuilder builder(input, &doc);
  ctxt->_private = &builder;
  // The input is already UTF-8: a <meta charset> must not re-decode it.
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOERROR |
                               HTML_PARSE_NOWARNING | XML_PARSE_HUGE);
  // Declares UTF-8 without installing a converter, so parser positions stay
  // byte offsets into `input` (libxml2 would otherwise guess Latin-1).
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  if (ctxt->myDoc != nullptr) xmlFreeDoc(ctxt->myDoc);
  htmlFreeParserCtxt(ctxt);
  builder.Finish();
  return doc;
}

std::string_view HtmlDocument::Text(uint32_t i) const {
  const HtmlNode& n = nodes_[i];
  if (!n.is_text()) return {};
  return std::string_view(pool_).substr(n.begin, n.size);
}

std::string_view HtmlDocument::Attr(uint32_t i, HtmlAttr a) const {
  const HtmlNode& n = nodes_[i];
  if (n.is_text() || n.tag == HtmlTag::kDocument) return {};
  for (uint32_t k = n.begin; k < n.begin + n.size; ++k) {
    if (attrs_[k].name == a) return std::string_view(pool_).substr(attrs_[k].begin, attrs_[k].size);
  }
  return {};
}

bool HtmlDocument::Has(uint32_t i, HtmlAttr a) const {
  const HtmlNode& n = nodes_[i];
  if (n.is_text() || n.tag == HtmlTag::kDocument) return false;
  for (uint32_t k = n.begin; k < n.begin + n.size; ++k) {
    if (attrs_[k].name == a) return true;
  }
  return false;
}

uint32_t HtmlDocument::Find(HtmlTag t) const {
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].tag == t) return i;
  }
  return HtmlNode::kNone;
}

}  // namespace storyfuse
