#include "feed/feed_parser.h"

#include <nlohmann/json.hpp>

#include <unordered_set>

#include "feed/feed_date.h"
#include "feed/plain_text.h"
#include "feed/url_canonicalizer.h"
#include "feed/xml_input.h"
#include "ingest/xml_document.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

constexpr std::string_view kAtom = "http://www.w3.org/2005/Atom";
constexpr std::string_view kAtom03 = "http://purl.org/atom/ns#";
constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kRss1 = "http://purl.org/rss/1.0/";
constexpr std::string_view kRss090 = "http://my.netscape.com/rdf/simple/0.9/";
constexpr std::string_view kDc = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kContent = "http://purl.org/rss/1.0/modules/content/";

// `link` resolved against `base` when it is then an http(s) URL that
// UrlCanonicalizer accepts (so a fetcher can use it); empty otherwise (a
// mailto: or javascript: link, a bad port, a relative link without a base).
std::string AbsoluteHttp(std::string_view base, std::string_view link) {
  link = TrimAsciiSpace(link);
  if (link.empty()) return {};
  auto resolved = UrlCanonicalizer::Resolve(base, link);
  if (!resolved.ok() || !UrlCanonicalizer::Canonicalize(*resolved).ok()) return {};
  return std::move(*resolved);
}

// A permalink guid or an rdf:about used as the link: only when it is
// already an absolute http(s) URL. Many feeds leave isPermaLink out of
// guids like "12345", which must not become "https://site/12345".
std::string AbsoluteOnly(std::string_view id) {
  id = TrimAsciiSpace(id);
  return UrlCanonicalizer::Canonicalize(id).ok() ? std::string(id) : std::string();
}

// The text of an XHTML construct (Atom type="xhtml"), with a space where a
// block element starts or ends so "<p>A</p><p>B</p>" reads "A B".
std::string XhtmlText(const XmlDocument& doc, uint32_t node) {
  static constexpr std::string_view kBlocks[] = {
      "p",          "div", "br", "li",  "h1",     "h2",         "h3",      "h4",      "h5", "h6", "tr", "td",   "th",
      "blockquote", "ul",  "ol", "pre", "figure", "figcaption", "section", "article", "hr", "dt", "dd", "table"};
  std::string out;
  for (uint32_t k = node + 1; k < doc.node(node).end; ++k) {
    if (doc.node(k).is_text()) {
      out.append(doc.Text(k));
      continue;
    }
    std::string_view name = doc.LocalName(k);
    for (std::string_view b : kBlocks) {
      if (name == b) {
        out.push_back(' ');
        break;
      }
    }
  }
  return out;
}

// Adds `item` unless its guid was seen; drops items without any id.
void AddItem(FeedItem item, std::unordered_set<std::string>* seen, Feed* feed) {
  if (item.guid.empty()) item.guid = item.link;
  if (item.guid.empty() || item.guid.size() > FeedParser::kMaxGuidBytes) {
    ++feed->skipped_items;
    return;
  }
  if (!seen->insert(item.guid).second) {
    ++feed->duplicate_guids;
    return;
  }
  feed->items.push_back(std::move(item));
}

// "desk@harbour.test (Ana Varga)" -> "Ana Varga"; anything else as it is.
std::string RssAuthor(std::string_view author) {
  author = TrimAsciiSpace(author);
  size_t open = author.find(" (");
  if (open != std::string_view::npos && author.back() == ')' &&
      author.substr(0, open).find('@') != std::string_view::npos) {
    return std::string(author.substr(open + 2, author.size() - open - 3));
  }
  return std::string(author);
}

void AppendAuthor(std::string_view name, std::string* authors) {
  std::string n = PlainText::Collapse(name, FeedParser::kMaxAuthorBytes);
  if (n.empty()) return;
  if (!authors->empty()) authors->append(", ");
  authors->append(n);
  if (authors->size() > FeedParser::kMaxAuthorBytes)
    *authors = PlainText::Collapse(*authors, FeedParser::kMaxAuthorBytes);
}

// Walks one XML feed.
class XmlFeedReader {
 public:
  XmlFeedReader(const XmlDocument& doc, std::string_view feed_url, Feed* feed)
      : doc_(doc), feed_url_(feed_url), feed_(feed) {}

  Status Read() {
    uint32_t root = doc_.Root();
    std::string_view local = doc_.LocalName(root);
    std::string_view ns = doc_.Namespace(root);
    if (local == "rss" && ns.empty()) return ReadRss(root);
    if (local == "RDF" && ns == kRdf) return ReadRdf(root);
    if (local == "feed" && (ns == kAtom || ns == kAtom03)) return ReadAtom(root, ns);
    std::string what = "not a feed: the root element is <" + std::string(local) + ">";
    if (local == "urlset" || local == "sitemapindex") what += " (a sitemap)";
    if (local == "opml") what += " (an OPML list)";
    return Status::InvalidArgument(what);
  }

 private:
  // The text of `parent`'s first child `ns`:`local`, trimmed; empty when
  // there is none.
  std::string ChildText(uint32_t parent, std::string_view ns, std::string_view local) const {
    uint32_t c = doc_.Child(parent, ns, local);
    return c == XmlNode::kNone ? std::string() : std::string(TrimAsciiSpace(doc_.TextContent(c)));
  }

  // The base URL in force at `node`: every xml:base from the root down,
  // each resolved against the one above it, starting from the feed's URL.
  std::string BaseAt(uint32_t node) const {
    std::vector<uint32_t> chain;
    for (uint32_t n = node; n != XmlNode::kNone && n != 0; n = doc_.node(n).parent) chain.push_back(n);
    std::string base(feed_url_);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      if (!doc_.Has(*it, "base", XmlDocument::kXmlNamespace)) continue;
      auto resolved = UrlCanonicalizer::Resolve(base, doc_.Attr(*it, "base", XmlDocument::kXmlNamespace));
      if (resolved.ok()) base = std::move(*resolved);
    }
    return base;
  }

  bool Full() {
    if (feed_->items.size() + feed_->duplicate_guids + feed_->skipped_items < FeedParser::kMaxItems) return false;
    feed_->truncated = true;
    return true;
  }

  Status ReadRss(uint32_t root) {
    feed_->format = FeedFormat::kRss2;
    uint32_t channel = doc_.Child(root, "", "channel");
    if (channel == XmlNode::kNone) return Status::InvalidArgument("RSS without a <channel>");
    feed_->title = PlainText::FromHtml(ChildText(channel, "", "title"), FeedParser::kMaxTitleBytes);
    feed_->site_url = AbsoluteHttp(BaseAt(channel), ChildText(channel, "", "link"));
    std::unordered_set<std::string> seen;
    // RSS 0.91 feeds sometimes put items beside the channel, not in it.
    for (uint32_t parent : {channel, root}) {
      for (uint32_t i = doc_.FirstChild(parent); i != XmlNode::kNone; i = doc_.NextSibling(i)) {
        if (!doc_.Is(i, "", "item")) continue;
        if (Full()) return Status::Ok();
        AddItem(RssItem(i), &seen, feed_);
      }
    }
    return Status::Ok();
  }

  FeedItem RssItem(uint32_t item) const {
    FeedItem out;
    std::string base = BaseAt(item);
    out.title = PlainText::FromHtml(ChildText(item, "", "title"), FeedParser::kMaxTitleBytes);
    out.link = AbsoluteHttp(base, ChildText(item, "", "link"));
    uint32_t guid = doc_.Child(item, "", "guid");
    if (guid != XmlNode::kNone) {
      out.guid = std::string(TrimAsciiSpace(doc_.TextContent(guid)));
      // A guid is a permalink unless it says otherwise (RSS 2.0).
      if (out.link.empty() && TrimAsciiSpace(doc_.Attr(guid, "isPermaLink")) != "false")
        out.link = AbsoluteOnly(out.guid);
    }
    std::string date = ChildText(item, "", "pubDate");
    if (date.empty()) date = ChildText(item, kDc, "date");
    out.published = FeedDate::ToUtc(date);
    std::string author = ChildText(item, "", "author");
    if (!author.empty()) AppendAuthor(RssAuthor(author), &out.author);
    for (uint32_t c = doc_.FirstChild(item); c != XmlNode::kNone; c = doc_.NextSibling(c)) {
      if (doc_.Is(c, kDc, "creator")) AppendAuthor(doc_.TextContent(c), &out.author);
    }
    std::string summary = ChildText(item, "", "description");
    if (summary.empty()) summary = ChildText(item, kContent, "encoded");
    out.summary = PlainText::FromHtml(summary, FeedParser::kMaxSummaryBytes);
    return out;
  }

  Status ReadRdf(uint32_t root) {
    feed_->format = FeedFormat::kRss1;
    for (std::string_view ns : {kRss1, kRss090}) {
      uint32_t channel = doc_.Child(root, ns, "channel");
      if (channel == XmlNode::kNone) continue;
      feed_->title = PlainText::FromHtml(ChildText(channel, ns, "title"), FeedParser::kMaxTitleBytes);
      feed_->site_url = AbsoluteHttp(BaseAt(channel), ChildText(channel, ns, "link"));
      break;
    }
    std::unordered_set<std::string> seen;
    for (uint32_t i = doc_.FirstChild(root); i != XmlNode::kNone; i = doc_.NextSibling(i)) {
      std::string_view ns = doc_.Namespace(i);
      if (doc_.LocalName(i) != "item" || (ns != kRss1 && ns != kRss090)) continue;
      if (Full()) return Status::Ok();
      FeedItem out;
      std::string base = BaseAt(i);
      out.guid = std::string(TrimAsciiSpace(doc_.Attr(i, "about", kRdf)));
      out.title = PlainText::FromHtml(ChildText(i, ns, "title"), FeedParser::kMaxTitleBytes);
      out.link = AbsoluteHttp(base, ChildText(i, ns, "link"));
      if (out.link.empty()) out.link = AbsoluteOnly(out.guid);
      out.published = FeedDate::ToUtc(ChildText(i, kDc, "date"));
      for (uint32_t c = doc_.FirstChild(i); c != XmlNode::kNone; c = doc_.NextSibling(c)) {
        if (doc_.Is(c, kDc, "creator")) AppendAuthor(doc_.TextContent(c), &out.author);
      }
      std::string summary = ChildText(i, ns, "description");
      if (summary.empty()) summary = ChildText(i, kContent, "encoded");
      out.summary = PlainText::FromHtml(summary, FeedParser::kMaxSummaryBytes);
      AddItem(std::move(out), &seen, feed_);
    }
    return Status::Ok();
  }

  // An Atom text construct (title, summary, content): type "text" is plain,
  // "html" is escaped HTML, "xhtml" is markup inside a div.
  std::string AtomText(uint32_t parent, std::string_view ns, std::string_view local, size_t max) const {
    uint32_t c = doc_.Child(parent, ns, local);
    if (c == XmlNode::kNone) return {};
    std::string_view type = TrimAsciiSpace(doc_.Attr(c, "type"));
    if (type == "html" || type == "text/html") return PlainText::FromHtml(doc_.TextContent(c), max);
    if (type == "xhtml" || type == "application/xhtml+xml") return PlainText::Collapse(XhtmlText(doc_, c), max);
    return PlainText::Collapse(doc_.TextContent(c), max);
  }

  // The href of the first <link rel="alternate"> (or without rel).
  std::string AtomLink(uint32_t parent, std::string_view ns) const {
    for (uint32_t c = doc_.FirstChild(parent); c != XmlNode::kNone; c = doc_.NextSibling(c)) {
      if (!doc_.Is(c, ns, "link")) continue;
      std::string_view rel = TrimAsciiSpace(doc_.Attr(c, "rel"));
      if (!rel.empty() && rel != "alternate") continue;
      std::string link = AbsoluteHttp(BaseAt(c), doc_.Attr(c, "href"));
      if (!link.empty()) return link;
    }
    return {};
  }

  std::string AtomAuthors(uint32_t parent, std::string_view ns) const {
    std::string authors;
    for (uint32_t c = doc_.FirstChild(parent); c != XmlNode::kNone; c = doc_.NextSibling(c)) {
      if (doc_.Is(c, ns, "author")) AppendAuthor(ChildText(c, ns, "name"), &authors);
    }
    return authors;
  }

  Status ReadAtom(uint32_t root, std::string_view ns) {
    feed_->format = FeedFormat::kAtom;
    feed_->title = AtomText(root, ns, "title", FeedParser::kMaxTitleBytes);
    feed_->site_url = AtomLink(root, ns);
    std::string feed_authors = AtomAuthors(root, ns);
    std::unordered_set<std::string> seen;
    for (uint32_t e = doc_.FirstChild(root); e != XmlNode::kNone; e = doc_.NextSibling(e)) {
      if (!doc_.Is(e, ns, "entry")) continue;
      if (Full()) return Status::Ok();
      FeedItem out;
      out.guid = ChildText(e, ns, "id");
      out.link = AtomLink(e, ns);
      out.title = AtomText(e, ns, "title", FeedParser::kMaxTitleBytes);
      std::string date = ChildText(e, ns, "published");
      if (date.empty()) date = ChildText(e, ns, ns == kAtom03 ? "issued" : "updated");
      if (date.empty()) date = ChildText(e, ns, "modified");
      out.published = FeedDate::ToUtc(date);
      out.author = AtomAuthors(e, ns);
      if (out.author.empty()) out.author = feed_authors;
      out.summary = AtomText(e, ns, "summary", FeedParser::kMaxSummaryBytes);
      if (out.summary.empty()) out.summary = AtomText(e, ns, "content", FeedParser::kMaxSummaryBytes);
      AddItem(std::move(out), &seen, feed_);
    }
    return Status::Ok();
  }

  const XmlDocument& doc_;
  std::string_view feed_url_;
  Feed* feed_;
};

// Bracket nesting outside strings, so that a hostile "[[[[..." is refused
// before nlohmann::json builds it.
bool JsonTooDeep(std::string_view s) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > FeedParser::kMaxJsonDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

std::string JsonString(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();  // JSON Feed 1.0 allowed numeric ids
  return {};
}

std::string JsonAuthors(const nlohmann::json& obj) {
  std::string authors;
  auto add = [&authors](const nlohmann::json& a) {
    if (a.is_object()) AppendAuthor(JsonString(a, "name"), &authors);
  };
  if (auto it = obj.find("authors"); it != obj.end() && it->is_array()) {
    for (const auto& a : *it) add(a);
  }
  if (auto it = obj.find("author"); authors.empty() && it != obj.end()) add(*it);
  return authors;
}

Status ReadJsonFeed(std::string_view bytes, std::string_view feed_url, Feed* feed) {
  if (JsonTooDeep(bytes)) {
    return Status::InvalidArgument("malformed JSON: nested deeper than " + std::to_string(FeedParser::kMaxJsonDepth));
  }
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(bytes);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    size_t colon = what.rfind(": ");
    return Status::InvalidArgument("malformed JSON at byte " + std::to_string(e.byte) + ": " +
                                   (colon == std::string::npos ? what : what.substr(colon + 2)));
  } catch (const nlohmann::json::exception& e) {  // out_of_range for 1e999
    return Status::InvalidArgument(std::string("malformed JSON: ") + e.what());
  }
  if (!root.is_object() || JsonString(root, "version").find("jsonfeed.org/version/") == std::string::npos) {
    return Status::InvalidArgument("JSON but not a JSON Feed (no jsonfeed.org version)");
  }
  feed->format = FeedFormat::kJsonFeed;
  feed->title = PlainText::FromHtml(JsonString(root, "title"), FeedParser::kMaxTitleBytes);
  feed->site_url = AbsoluteHttp(feed_url, JsonString(root, "home_page_url"));
  std::string feed_authors = JsonAuthors(root);
  auto items = root.find("items");
  if (items == root.end()) return Status::Ok();
  if (!items->is_array()) return Status::InvalidArgument("JSON Feed whose \"items\" is not an array");
  std::unordered_set<std::string> seen;
  for (const auto& item : *items) {
    if (feed->items.size() + feed->duplicate_guids + feed->skipped_items >= FeedParser::kMaxItems) {
      feed->truncated = true;
      break;
    }
    if (!item.is_object()) {
      ++feed->skipped_items;
      continue;
    }
    FeedItem out;
    out.guid = std::string(TrimAsciiSpace(JsonString(item, "id")));
    out.link = AbsoluteHttp(feed_url, JsonString(item, "url"));
    if (out.link.empty()) out.link = AbsoluteHttp(feed_url, JsonString(item, "external_url"));
    out.title = PlainText::FromHtml(JsonString(item, "title"), FeedParser::kMaxTitleBytes);
    std::string date = JsonString(item, "date_published");
    if (date.empty()) date = JsonString(item, "date_modified");
    out.published = FeedDate::ToUtc(date);
    out.author = JsonAuthors(item);
    if (out.author.empty()) out.author = feed_authors;
    for (const char* key : {"summary", "content_text", "content_html"}) {
      out.summary = PlainText::FromHtml(JsonString(item, key), FeedParser::kMaxSummaryBytes);
      if (!out.summary.empty()) break;
    }
    AddItem(std::move(out), &seen, feed);
  }
  return Status::Ok();
}

}  // namespace

std::string_view FeedFormatName(FeedFormat format) {
  switch (format) {
    case FeedFormat::kRss2:
      return "rss2";
    case FeedFormat::kRss1:
      return "rss1";
    case FeedFormat::kAtom:
      return "atom";
    case FeedFormat::kJsonFeed:
      return "jsonfeed";
  }
  return "unknown";
}

Result<Feed> FeedParser::Parse(std::string_view bytes, std::string_view feed_url) {
  if (bytes.size() > kMaxFeedBytes) {
    return Status::InvalidArgument("feed of " + std::to_string(bytes.size()) + " bytes is over the 16 MiB limit");
  }
  std::string_view body = XmlInput::SkipLeadingSpace(bytes);
  if (body.empty()) return Status::InvalidArgument("empty feed");
  Feed feed;
  if (body.front() == '{' || body.front() == '[') {
    STORYFUSE_RETURN_IF_ERROR(ReadJsonFeed(body, feed_url, &feed));
    return feed;
  }
  STORYFUSE_ASSIGN_OR_RETURN(XmlDocument doc, XmlInput::Parse(bytes, "feed"));
  XmlFeedReader reader(doc, feed_url, &feed);
  STORYFUSE_RETURN_IF_ERROR(reader.Read());
  return feed;
}

}  // namespace storyfuse
