#include "feed/sitemap_parser.h"

#include "feed/feed_date.h"
#include "feed/plain_text.h"
#include "feed/url_canonicalizer.h"
#include "feed/url_list_parser.h"
#include "feed/xml_input.h"
#include "ingest/gzip_reader.h"

namespace storyfuse {
namespace {

constexpr std::string_view kNews = "http://www.google.com/schemas/sitemap-news/0.9";
// Language codes and outlet names are short; these cap hostile ones.
constexpr size_t kMaxLabelBytes = 256;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// The first child of `parent` with local name `local` (any namespace but
// the news one, which only news elements use).
uint32_t SitemapChild(const XmlDocument& doc, uint32_t parent, std::string_view local) {
  for (uint32_t c = doc.FirstChild(parent); c != XmlNode::kNone; c = doc.NextSibling(c)) {
    if (doc.LocalName(c) == local && doc.Namespace(c) != kNews) return c;
  }
  return XmlNode::kNone;
}

std::string ChildText(const XmlDocument& doc, uint32_t parent, std::string_view ns, std::string_view local) {
  uint32_t c = ns.empty() ? SitemapChild(doc, parent, local) : doc.Child(parent, ns, local);
  return c == XmlNode::kNone ? std::string() : std::string(Trim(doc.TextContent(c)));
}

// `loc` made absolute http(s), or empty.
std::string Loc(std::string_view base, std::string_view loc) {
  if (loc.empty()) return {};
  auto resolved = UrlCanonicalizer::Resolve(base, loc);
  if (!resolved.ok() || !UrlCanonicalizer::Canonicalize(*resolved).ok()) return {};
  return std::move(*resolved);
}

SitemapNews ReadNews(const XmlDocument& doc, uint32_t news) {
  SitemapNews out;
  uint32_t pub = doc.Child(news, kNews, "publication");
  if (pub != XmlNode::kNone) {
    out.publication_name = PlainText::Collapse(ChildText(doc, pub, kNews, "name"), kMaxLabelBytes);
    out.language = PlainText::Collapse(ChildText(doc, pub, kNews, "language"), kMaxLabelBytes);
  }
  out.publication_date = FeedDate::ToUtc(ChildText(doc, news, kNews, "publication_date"));
  out.title = PlainText::FromHtml(ChildText(doc, news, kNews, "title"), SitemapParser::kMaxTitleBytes);
  return out;
}

Result<Sitemap> ParseXml(std::string_view bytes, std::string_view sitemap_url) {
  STORYFUSE_ASSIGN_OR_RETURN(XmlDocument doc, XmlInput::Parse(bytes, "sitemap"));
  uint32_t root = doc.Root();
  std::string_view name = doc.LocalName(root);
  Sitemap map;
  std::string_view entry_name;
  if (name == "urlset") {
    map.kind = SitemapKind::kUrlSet;
    entry_name = "url";
  } else if (name == "sitemapindex") {
    map.kind = SitemapKind::kIndex;
    entry_name = "sitemap";
  } else {
    std::string what = "not a sitemap: the root element is <" + std::string(name) + ">";
    if (name == "rss" || name == "feed" || name == "RDF") what += " (a feed)";
    return Status::InvalidArgument(what);
  }
  for (uint32_t e = doc.FirstChild(root); e != XmlNode::kNone; e = doc.NextSibling(e)) {
    if (doc.LocalName(e) != entry_name) continue;
    if (map.entries.size() >= SitemapParser::kMaxEntries) {
      map.truncated = true;
      break;
    }
    SitemapEntry entry;
    entry.loc = Loc(sitemap_url, ChildText(doc, e, "", "loc"));
    if (entry.loc.empty()) {
      ++map.skipped;
      continue;
    }
    entry.lastmod = FeedDate::ToUtc(ChildText(doc, e, "", "lastmod"));
    uint32_t news = doc.Child(e, kNews, "news");
    if (news != XmlNode::kNone && map.kind == SitemapKind::kUrlSet) {
      entry.has_news = true;
      entry.news = ReadNews(doc, news);
    }
    map.entries.push_back(std::move(entry));
  }
  return map;
}

}  // namespace

Result<Sitemap> SitemapParser::Parse(std::string_view bytes, std::string_view sitemap_url) {
  if (bytes.size() > kMaxBytes) {
    return Status::InvalidArgument("sitemap of " + std::to_string(bytes.size()) + " bytes is over the 50 MiB limit");
  }
  std::string inflated;
  if (GzipReader::IsGzip(bytes)) {
    auto out = GzipReader::Inflate(bytes, kMaxBytes);
    if (!out.ok()) return out.status().WithContext("gzip sitemap");
    inflated = std::move(*out);
    bytes = inflated;
  }
  std::string_view body = XmlInput::SkipLeadingSpace(bytes);
  if (body.empty()) return Status::InvalidArgument("empty sitemap");
  if (body.front() == '<') return ParseXml(bytes, sitemap_url);
  Sitemap map;
  map.kind = SitemapKind::kText;
  UrlList list = UrlListParser::Parse(bytes, kMaxEntries);
  for (UrlListEntry& u : list.urls) map.entries.push_back({std::move(u.url), "", false, {}});
  map.skipped = list.bad_lines;
  map.truncated = list.truncated;
  return map;
}

}  // namespace storyfuse
