#include "feed/plain_text.h"

#include "ingest/html_document.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

// Elements that end a line in a browser: their text must not glue to the
// next element's ("<p>Ferry</p><p>sinks</p>" is two words).
bool SeparatesWords(HtmlTag t) {
  switch (t) {
    case HtmlTag::kP:
    case HtmlTag::kDiv:
    case HtmlTag::kBr:
    case HtmlTag::kLi:
    case HtmlTag::kH1:
    case HtmlTag::kH2:
    case HtmlTag::kH3:
    case HtmlTag::kH4:
    case HtmlTag::kH5:
    case HtmlTag::kH6:
    case HtmlTag::kTr:
    case HtmlTag::kTd:
    case HtmlTag::kTh:
    case HtmlTag::kBlockquote:
    case HtmlTag::kUl:
    case HtmlTag::kOl:
    case HtmlTag::kTable:
    case HtmlTag::kFigure:
    case HtmlTag::kFigcaption:
    case HtmlTag::kHr:
    case HtmlTag::kImg:
    case HtmlTag::kSection:
    case HtmlTag::kArticle:
    case HtmlTag::kPre:
    case HtmlTag::kDt:
    case HtmlTag::kDd:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string PlainText::Collapse(std::string_view text, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool nbsp = static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
                static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (IsAsciiSpace(text[i]) || nbsp) {
      space = !out.empty();
      if (nbsp) ++i;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(text[i]);
    if (out.size() > max_bytes) break;
  }
  if (out.size() > max_bytes) {
    size_t cut = max_bytes;
    // Back up over continuation bytes so no character is split.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    while (!out.empty() && out.back() == ' ') out.pop_back();
  }
  return out;
}

std::string PlainText::FromHtml(std::string_view html, size_t max_bytes) {
  if (html.find_first_of("<&") == std::string_view::npos) return Collapse(html, max_bytes);
  auto doc = HtmlDocument::Parse(html);
  if (!doc.ok()) return Collapse(html, max_bytes);
  std::string text;
  // Collapse later cuts to max_bytes; stop gathering well before the whole
  // of a large description is copied.
  const size_t gather_limit = max_bytes * 2 + 64;
  for (uint32_t i = 1; i < doc->size() && text.size() < gather_limit; ++i) {
    const HtmlNode& n = doc->node(i);
    if (n.is_text()) {
      if (n.parent != HtmlNode::kNone && doc->node(n.parent).tag == HtmlTag::kTitle) continue;
      text.append(doc->Text(i));
    } else if (SeparatesWords(n.tag)) {
      text.push_back(' ');
    }
  }
  return Collapse(text, max_bytes);
}

}  // namespace storyfuse
