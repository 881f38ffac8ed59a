#include "ingest/html_blocks.h"

#include <algorithm>

#include "ingest/html_hints.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

// Script, style and the like: left out without a trace in Article::removed.
constexpr const char* kInvisible = "invisible";

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Elements whose content is never visible text.
bool IsInvisibleTag(HtmlTag t) {
  switch (t) {
    case HtmlTag::kHead:
    case HtmlTag::kTitle:
    case HtmlTag::kScript:
    case HtmlTag::kStyle:
    case HtmlTag::kNoscript:
    case HtmlTag::kTemplate:
    case HtmlTag::kSvg:
    case HtmlTag::kMath:
    case HtmlTag::kCanvas:
    case HtmlTag::kIframe:
    case HtmlTag::kObject:
    case HtmlTag::kEmbed:
    case HtmlTag::kVideo:
    case HtmlTag::kAudio:
    case HtmlTag::kSelect:
    case HtmlTag::kOption:
    case HtmlTag::kTextarea:
    case HtmlTag::kButton:
    case HtmlTag::kInput:
    case HtmlTag::kDialog:
    case HtmlTag::kMeta:
    case HtmlTag::kLink:
      return true;
    default:
      return false;
  }
}

const char* SemanticFurniture(HtmlTag t) {
  switch (t) {
    case HtmlTag::kNav:
    case HtmlTag::kMenu:
      return "navigation";
    case HtmlTag::kAside:
      return "aside";
    case HtmlTag::kFooter:
      return "footer";
    case HtmlTag::kHeader:
      return "header";
    case HtmlTag::kFigure:
    case HtmlTag::kFigcaption:
      return "caption";
    case HtmlTag::kForm:
    case HtmlTag::kLabel:
      return "form";
    default:
      return nullptr;
  }
}

const char* RoleFurniture(std::string_view role) {
  static constexpr std::string_view kRoles[] = {"navigation", "complementary", "contentinfo", "banner",      "menu",
                                                "menubar",    "search",        "dialog",      "alertdialog", "alert",
                                                "button",     "toolbar",       "tablist"};
  for (std::string_view r : kRoles) {
    if (role == r) return "navigation";
  }
  return nullptr;
}

bool ContainsNoCase(std::string_view hay, std::string_view needle) {
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return AsciiLower(a) == b; });
  return it != hay.end();
}

bool IsHidden(const HtmlDocument& doc, uint32_t i) {
  if (doc.Has(i, HtmlAttr::kHidden)) return true;
  if (doc.Attr(i, HtmlAttr::kAriaHidden) == "true") return true;
  std::string_view style = doc.Attr(i, HtmlAttr::kStyle);
  if (style.empty()) return false;
  std::string compact;
  for (char c : style) {
    if (!IsHtmlSpace(c)) compact.push_back(c);
  }
  return ContainsNoCase(compact, "display:none") || ContainsNoCase(compact, "visibility:hidden");
}

bool EndsSentence(std::string_view text) {
  while (!text.empty()) {
    unsigned char c = static_cast<unsigned char>(text.back());
    // Closing quotes and brackets may follow the full stop.
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      text.remove_suffix(1);
      continue;
    }
    if (text.ends_with("\xE2\x80\x9D") || text.ends_with("\xE2\x80\x99") || text.ends_with("\xC2\xBB")) {
      text.remove_suffix(text.ends_with("\xC2\xBB") ? 2 : 3);
      continue;
    }
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return true;
    // U+2026 ellipsis, U+3002 ideographic full stop, U+0964 danda, U+FF01, U+FF1F.
    return text.ends_with("\xE2\x80\xA6") || text.ends_with("\xE3\x80\x82") || text.ends_with("\xE0\xA5\xA4") ||
           text.ends_with("\xEF\xBC\x81") || text.ends_with("\xEF\xBC\x9F");
  }
  return false;
}

}  // namespace

bool HtmlBlocks::IsBlockTag(HtmlTag t) {
  switch (t) {
    case HtmlTag::kDocument:
    case HtmlTag::kHtml:
    case HtmlTag::kBody:
    case HtmlTag::kP:
    case HtmlTag::kDiv:
    case HtmlTag::kH1:
    case HtmlTag::kH2:
    case HtmlTag::kH3:
    case HtmlTag::kH4:
    case HtmlTag::kH5:
    case HtmlTag::kH6:
    case HtmlTag::kUl:
    case HtmlTag::kOl:
    case HtmlTag::kLi:
    case HtmlTag::kDl:
    case HtmlTag::kDt:
    case HtmlTag::kDd:
    case HtmlTag::kTable:
    case HtmlTag::kTr:
    case HtmlTag::kTd:
    case HtmlTag::kTh:
    case HtmlTag::kCaption:
    case HtmlTag::kBlockquote:
    case HtmlTag::kPre:
    case HtmlTag::kFigure:
    case HtmlTag::kFigcaption:
    case HtmlTag::kNav:
    case HtmlTag::kHeader:
    case HtmlTag::kFooter:
    case HtmlTag::kAside:
    case HtmlTag::kArticle:
    case HtmlTag::kMain:
    case HtmlTag::kSection:
    case HtmlTag::kAddress:
    case HtmlTag::kForm:
    case HtmlTag::kHr:
    case HtmlTag::kCenter:
    case HtmlTag::kTbody:
    case HtmlTag::kThead:
    case HtmlTag::kTfoot:
    case HtmlTag::kMenu:
      return true;
    default:
      return false;
  }
}

// The per-element state of one pass over the document: the block being
// filled and the run of input bytes it is copying.
struct HtmlBlockBuilder {
  HtmlBlock cur;
  bool pending_space = false;
  bool pending_newline = false;
  int link_depth = 0;
};

HtmlBlocks::HtmlBlocks(const HtmlDocument& doc) : doc_(doc) {
  uint32_t n = doc.size();
  hint_.assign(n, 0);
  furniture_.assign(n, nullptr);
  chars_.assign(n, 0);
  link_chars_.assign(n, 0);
  MarkFurniture();
  Build();
  SumSubtrees();
}

void HtmlBlocks::MarkFurniture() {
  uint32_t n = doc_.size();
  // Visible text bytes outside links per subtree: a furniture name on an
  // element holding half of them is a misnomer (the guard below).
  std::vector<uint32_t> mass(n, 0);
  std::vector<uint8_t> in_link(n, 0);
  for (uint32_t i = 1; i < n; ++i) {
    const HtmlNode& nd = doc_.node(i);
    in_link[i] = nd.tag == HtmlTag::kA || in_link[nd.parent];
    if (nd.is_text() && !in_link[i]) {
      std::string_view t = doc_.Text(i);
      mass[i] = static_cast<uint32_t>(std::count_if(t.begin(), t.end(), [](char c) { return !IsHtmlSpace(c); }));
    }
  }
  for (uint32_t i = n - 1; i >= 1; --i) {
    const HtmlNode& nd = doc_.node(i);
    if (IsInvisibleTag(nd.tag)) mass[i] = 0;
    mass[nd.parent] += mass[i];
  }
  uint32_t total = mass[0];
  std::vector<uint8_t> in_article(n, 0);
  for (uint32_t i = 1; i < n; ++i) {
    const HtmlNode& nd = doc_.node(i);
    in_article[i] = nd.tag == HtmlTag::kArticle || in_article[nd.parent];
    if (nd.is_text()) continue;
    if (IsInvisibleTag(nd.tag)) {
      furniture_[i] = kInvisible;
      continue;
    }
    if (IsHidden(doc_, i)) {
      furniture_[i] = "hidden";
      continue;
    }
    std::string_view cls = doc_.Attr(i, HtmlAttr::kClass), id = doc_.Attr(i, HtmlAttr::kId);
    HtmlHint hint;
    if (!cls.empty() || !id.empty()) hint = HtmlHints::Classify(cls, id);
    hint_[i] = hint.weight;
    const char* why = SemanticFurniture(nd.tag);
    if (why == nullptr) why = RoleFurniture(doc_.Attr(i, HtmlAttr::kRole));
    if (why == nullptr && doc_.Attr(i, HtmlAttr::kItemprop) == "author") why = "byline";
    if (why == nullptr && hint.boilerplate) why = "boilerplate";
    // An <article> inside another is, by HTML's definition, related content
    // (a teaser, a comment), not part of the outer one's text.
    if (why == nullptr && nd.tag == HtmlTag::kArticle && in_article[nd.parent]) why = "related";
    if (why == nullptr) continue;
    bool holds_article = total > 0 && uint64_t{mass[i]} * 5 >= uint64_t{total} * 2;
    if (!holds_article) furniture_[i] = why;
  }
}

void HtmlBlocks::Build() {
  uint32_t n = doc_.size();
  HtmlBlockBuilder b;
  std::vector<uint32_t> open;  // open elements, innermost last
  auto container = [&]() -> uint32_t {
    for (auto it = open.rbegin(); it != open.rend(); ++it) {
      if (IsBlockTag(doc_.node(*it).tag)) return *it;
    }
    return 0;
  };
  auto flush = [&](uint32_t next_container) {
    HtmlBlock& c = b.cur;
    if (!c.text.empty()) {
      c.tag = doc_.node(c.node).tag;
      c.ends_sentence = EndsSentence(c.text);
      c.words = 1 + static_cast<uint32_t>(
                        std::count_if(c.text.begin(), c.text.end(), [](char x) { return x == ' ' || x == '\n'; }));
      c.piece_count = static_cast<uint32_t>(pieces_.size()) - c.piece_begin;
      blocks_.push_back(std::move(c));
    }
    c = HtmlBlock();
    c.node = next_container;
    c.piece_begin = static_cast<uint32_t>(pieces_.size());
    b.pending_space = b.pending_newline = false;
  };
  auto close = [&](uint32_t e) {
    HtmlTag t = doc_.node(e).tag;
    if (t == HtmlTag::kA && b.link_depth > 0) --b.link_depth;
    open.pop_back();
    if (IsBlockTag(t)) flush(container());
  };
  flush(0);
  for (uint32_t i = 1; i < n;) {
    while (!open.empty() && doc_.node(open.back()).end <= i) close(open.back());
    const HtmlNode& nd = doc_.node(i);
    if (nd.is_text()) {
      AppendText(i, &b);
      ++i;
      continue;
    }
    if (furniture_[i] != nullptr) {
      if (furniture_[i] != kInvisible) {
        Span extent = TextExtent(i);
        if (!extent.empty()) removals_.push_back({i, furniture_[i], extent});
      }
      i = std::max(nd.end, i + 1);
      continue;
    }
    if (IsBlockTag(nd.tag)) flush(i);
    if (nd.tag == HtmlTag::kA) ++b.link_depth;
    if (nd.tag == HtmlTag::kBr && !b.cur.text.empty()) b.pending_space = b.pending_newline = true;
    open.push_back(i);
    ++i;
  }
  while (!open.empty()) close(open.back());
  flush(0);
}

void HtmlBlocks::AppendText(uint32_t i, HtmlBlockBuilder* b) {
  const HtmlNode& nd = doc_.node(i);
  std::string_view t = doc_.Text(i);
  HtmlBlock& c = b->cur;
  for (size_t k = 0; k < t.size(); ++k) {
    char ch = t[k];
    bool nbsp = ch == '\xC2' && k + 1 < t.size() && t[k + 1] == '\xA0';
    if (IsHtmlSpace(ch) || nbsp) {
      if (nbsp) ++k;
      if (!c.text.empty()) b->pending_space = true;
      continue;
    }
    if (b->pending_space) {
      if (!c.text.empty()) c.text.push_back(b->pending_newline ? '\n' : ' ');
      b->pending_space = b->pending_newline = false;
    }
    uint32_t out = static_cast<uint32_t>(c.text.size());
    uint32_t in = nd.verbatim ? nd.input_begin + static_cast<uint32_t>(k) : nd.input_begin;
    c.text.push_back(ch);
    AddPiece(out, in, nd.verbatim, b);
    if (IsContinuation(ch)) continue;
    ++c.chars;
    if (b->link_depth > 0) ++c.link_chars;
    if (ch == ',') ++c.commas;
  }
}

void HtmlBlocks::AddPiece(uint32_t out, uint32_t in, bool exact, HtmlBlockBuilder* b) {
  HtmlBlock& c = b->cur;
  if (pieces_.size() > c.piece_begin) {
    HtmlTextPiece& last = pieces_.back();
    if (last.text_begin + last.length == out &&
        (exact ? last.exact && last.input_begin + last.length == in : !last.exact && last.input_begin == in)) {
      ++last.length;
      return;
    }
  }
  pieces_.push_back({out, in, 1, exact});
}

void HtmlBlocks::SumSubtrees() {
  for (const HtmlBlock& b : blocks_) {
    chars_[b.node] += b.chars;
    link_chars_[b.node] += b.link_chars;
  }
  for (uint32_t i = doc_.size() - 1; i >= 1; --i) {
    uint32_t p = doc_.node(i).parent;
    chars_[p] += chars_[i];
    link_chars_[p] += link_chars_[i];
  }
}

// The input bytes from the first to the last visible text byte of a subtree.
Span HtmlBlocks::TextExtent(uint32_t node) const {
  const HtmlNode& e = doc_.node(node);
  Span s;
  bool found = false;
  for (uint32_t i = node; i < e.end; ++i) {
    const HtmlNode& t = doc_.node(i);
    if (!t.is_text() || doc_.node(t.parent).tag == HtmlTag::kScript || doc_.node(t.parent).tag == HtmlTag::kStyle) {
      continue;
    }
    std::string_view text = doc_.Text(i);
    if (text.find_first_not_of(" \t\r\n\f") == std::string_view::npos) continue;
    if (!found) s.begin = t.input_begin;
    s.end = std::max(s.end, t.input_begin + (t.verbatim ? t.size : 1));
    found = true;
  }
  if (!found) return Span();
  return s;
}

}  // namespace storyfuse
