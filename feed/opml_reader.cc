#include "feed/opml_reader.h"

#include <unordered_set>

#include "feed/plain_text.h"
#include "feed/url_canonicalizer.h"
#include "feed/url_list_parser.h"
#include "feed/xml_input.h"

namespace storyfuse {
namespace {

// Titles and categories are labels; 256 bytes hold any real one.
constexpr size_t kMaxTitleBytes = 256;

class OutlineWalker {
 public:
  OutlineWalker(const XmlDocument& doc, SubscriptionList* list) : doc_(doc), list_(list) {}

  // Visits the outlines under `parent` in document order. Recursion depth
  // is bounded by XmlDocument::kMaxDepth.
  void Walk(uint32_t parent, const std::string& category) {
    for (uint32_t o = doc_.FirstChild(parent); o != XmlNode::kNone && !list_->truncated; o = doc_.NextSibling(o)) {
      if (doc_.LocalName(o) != "outline") continue;
      std::string title = PlainText::Collapse(doc_.Attr(o, "title"), kMaxTitleBytes);
      if (title.empty()) title = PlainText::Collapse(doc_.Attr(o, "text"), kMaxTitleBytes);
      std::string_view url = XmlUrl(o);
      if (!url.empty()) Add(url, title, o, category);
      std::string inner = category;
      if (url.empty() && !title.empty()) inner = category.empty() ? title : category + "/" + title;
      Walk(o, inner);
    }
  }

 private:
  std::string_view XmlUrl(uint32_t o) const {
    for (std::string_view spelling : {"xmlUrl", "xmlURL", "xmlurl", "XMLURL"}) {
      if (doc_.Has(o, spelling)) return doc_.Attr(o, spelling);
    }
    return {};
  }

  void Add(std::string_view url, const std::string& title, uint32_t o, const std::string& category) {
    auto canonical = UrlCanonicalizer::Canonicalize(url);
    if (!canonical.ok()) {
      if (list_->errors.size() < UrlListParser::kMaxErrors) {
        list_->errors.push_back("outline \"" + title + "\": " + canonical.status().message());
      }
      return;
    }
    if (!seen_.insert(*canonical).second) {
      ++list_->duplicates;
      return;
    }
    if (list_->feeds.size() >= OpmlReader::kMaxFeeds) {
      list_->truncated = true;
      return;
    }
    Subscription s;
    size_t b = url.find_first_not_of(" \t\r\n");
    size_t e = url.find_last_not_of(" \t\r\n");
    s.url.assign(url.substr(b, e - b + 1));
    s.title = title;
    s.category = category;
    std::string_view html = doc_.Attr(o, "htmlUrl");
    if (!html.empty() && UrlCanonicalizer::Canonicalize(html).ok()) s.site_url.assign(html);
    list_->feeds.push_back(std::move(s));
  }

  const XmlDocument& doc_;
  SubscriptionList* list_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

Result<SubscriptionList> OpmlReader::Parse(std::string_view bytes) {
  if (bytes.size() > kMaxBytes) {
    return Status::InvalidArgument("subscription list of " + std::to_string(bytes.size()) +
                                   " bytes is over the 4 MiB limit");
  }
  std::string_view body = XmlInput::SkipLeadingSpace(bytes);
  SubscriptionList list;
  if (body.empty() || body.front() != '<') {
    UrlList urls = UrlListParser::Parse(bytes, kMaxFeeds);
    for (UrlListEntry& u : urls.urls) list.feeds.push_back({std::move(u.url), "", "", ""});
    list.errors = std::move(urls.errors);
    list.duplicates = urls.duplicates;
    list.truncated = urls.truncated;
    return list;
  }
  STORYFUSE_ASSIGN_OR_RETURN(XmlDocument doc, XmlInput::Parse(bytes, "OPML list"));
  uint32_t root = doc.Root();
  std::string_view name = doc.LocalName(root);
  if (name != "opml") {
    std::string what = "not an OPML list: the root element is <" + std::string(name) + ">";
    if (name == "rss" || name == "feed" || name == "RDF") what += " (a feed)";
    return Status::InvalidArgument(what);
  }
  uint32_t body_node = XmlNode::kNone;
  for (uint32_t c = doc.FirstChild(root); c != XmlNode::kNone; c = doc.NextSibling(c)) {
    if (doc.LocalName(c) == "body") body_node = c;
  }
  if (body_node == XmlNode::kNone) return Status::InvalidArgument("OPML without a <body>");
  OutlineWalker walker(doc, &list);
  walker.Walk(body_node, "");
  return list;
}

}  // namespace storyfuse
