#include "ingest/html_metadata.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "ingest/html_blocks.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

using Json = nlohmann::json;

// Collapses white space (and NBSP) to single spaces and trims.
std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool nbsp = s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (IsHtmlSpace(s[i]) || nbsp) {
      if (nbsp) ++i;
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(s[i]);
  }
  return out;
}

// The visible text of element e's subtree, collapsed. Text nodes are
// joined as a browser shows them: a character reference ("&#39;",
// "&eacute;") or an inline element (<b>, <a>) is its own node but part of
// the same word, so only a block element or <br> between two nodes
// separates them.
std::string TextOf(const HtmlDocument& doc, uint32_t e) {
  std::string raw;
  for (uint32_t i = e + 1; i < doc.node(e).end; ++i) {
    const HtmlNode& n = doc.node(i);
    if (!n.is_text()) {
      if (n.tag == HtmlTag::kBr || HtmlBlocks::IsBlockTag(n.tag)) raw.push_back(' ');
      continue;
    }
    HtmlTag parent = doc.node(n.parent).tag;
    if (parent == HtmlTag::kScript || parent == HtmlTag::kStyle) continue;
    raw.append(doc.Text(i));
  }
  return Collapse(raw);
}

// What the page says, before choosing among sources.
struct Found {
  std::string og_title, ld_headline, title_tag, h1;
  std::vector<std::string> ld_authors, meta_authors, byline_authors;
  std::string meta_date, ld_date, other_date, time_date;
  std::string og_site, ld_publisher, app_name;
  std::string canonical, og_url, ld_url;
  std::string lang;
};

void ReadMeta(const HtmlDocument& doc, uint32_t i, Found* f) {
  std::string key = AsciiLower(doc.Attr(i, HtmlAttr::kProperty));
  if (key.empty()) key = AsciiLower(doc.Attr(i, HtmlAttr::kName));
  if (key.empty()) key = AsciiLower(doc.Attr(i, HtmlAttr::kItemprop));
  std::string value = Collapse(doc.Attr(i, HtmlAttr::kContent));
  if (key.empty() || value.empty()) return;
  if (key == "og:title" && f->og_title.empty()) f->og_title = value;
  if (key == "og:site_name" && f->og_site.empty()) f->og_site = value;
  if (key == "application-name" && f->app_name.empty()) f->app_name = value;
  if (key == "og:url" && f->og_url.empty()) f->og_url = value;
  if ((key == "article:published_time" || key == "og:article:published_time") && f->meta_date.empty()) {
    f->meta_date = value;
  }
  if ((key == "datepublished" || key == "pubdate" || key == "publishdate" || key == "dc.date.issued" ||
       key == "dc.date" || key == "date" || key == "parsely-pub-date" || key == "sailthru.date" ||
       key == "article.published") &&
      f->other_date.empty()) {
    f->other_date = value;
  }
  if (key == "author" || key == "article:author" || key == "dc.creator" || key == "parsely-author" ||
      key == "sailthru.author" || key == "byl") {
    for (std::string& a : HtmlMetadata::SplitAuthors(value)) f->meta_authors.push_back(std::move(a));
  }
}

std::string JsonString(const Json& j) {
  if (j.is_string()) return Collapse(j.get<std::string>());
  return {};
}

// A schema.org name: "Ann Lee", {"name": "Ann Lee"}, or a list of them.
void JsonNames(const Json& j, std::vector<std::string>* out) {
  if (j.is_array()) {
    for (const Json& x : j) JsonNames(x, out);
  } else if (j.is_object()) {
    auto it = j.find("name");
    if (it != j.end()) JsonNames(*it, out);
  } else if (j.is_string()) {
    for (std::string& a : HtmlMetadata::SplitAuthors(j.get<std::string>())) out->push_back(std::move(a));
  }
}

bool IsArticleType(const Json& type) {
  if (type.is_array()) {
    for (const Json& t : type) {
      if (IsArticleType(t)) return true;
    }
    return false;
  }
  if (!type.is_string()) return false;
  const std::string& t = type.get_ref<const std::string&>();
  return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting";
}

void ReadJsonLdObject(const Json& o, Found* f) {
  if (!o.is_object()) return;
  if (auto g = o.find("@graph"); g != o.end() && g->is_array()) {
    for (const Json& x : *g) ReadJsonLdObject(x, f);
  }
  auto type = o.find("@type");
  if (type == o.end() || !IsArticleType(*type)) return;
  if (f->ld_headline.empty() && o.contains("headline")) f->ld_headline = JsonString(o["headline"]);
  if (f->ld_authors.empty() && o.contains("author")) JsonNames(o["author"], &f->ld_authors);
  if (f->ld_date.empty() && o.contains("datePublished")) f->ld_date = JsonString(o["datePublished"]);
  if (f->ld_publisher.empty() && o.contains("publisher")) {
    std::vector<std::string> names;
    JsonNames(o["publisher"], &names);
    if (!names.empty()) f->ld_publisher = names.front();
  }
  if (f->ld_url.empty() && o.contains("url")) f->ld_url = JsonString(o["url"]);
}

void ReadJsonLd(const HtmlDocument& doc, uint32_t script, Found* f) {
  std::string text;
  for (uint32_t i = script + 1; i < doc.node(script).end; ++i) text.append(doc.Text(i));
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return;
  if (j.is_array()) {
    for (const Json& x : j) ReadJsonLdObject(x, f);
  } else {
    ReadJsonLdObject(j, f);
  }
}

bool IsByline(const HtmlDocument& doc, uint32_t i) {
  if (doc.Attr(i, HtmlAttr::kItemprop) == "author") return true;
  std::string rel = AsciiLower(doc.Attr(i, HtmlAttr::kRel));
  if (rel == "author") return true;
  std::string cls = AsciiLower(doc.Attr(i, HtmlAttr::kClass));
  return cls.find("byline") != std::string::npos;
}

void ReadElements(const HtmlDocument& doc, Found* f) {
  for (uint32_t i = 0; i < doc.size(); ++i) {
    const HtmlNode& n = doc.node(i);
    switch (n.tag) {
      case HtmlTag::kHtml:
        if (f->lang.empty()) f->lang = AsciiLower(doc.Attr(i, HtmlAttr::kLang));
        break;
      case HtmlTag::kMeta:
        ReadMeta(doc, i, f);
        break;
      case HtmlTag::kLink:
        if (f->canonical.empty() && AsciiLower(doc.Attr(i, HtmlAttr::kRel)) == "canonical") {
          f->canonical = Collapse(doc.Attr(i, HtmlAttr::kHref));
        }
        break;
      case HtmlTag::kTitle:
        if (f->title_tag.empty()) f->title_tag = TextOf(doc, i);
        break;
      case HtmlTag::kH1:
        if (f->h1.empty()) f->h1 = TextOf(doc, i);
        break;
      case HtmlTag::kTime:
        if (f->time_date.empty()) f->time_date = Collapse(doc.Attr(i, HtmlAttr::kDatetime));
        break;
      case HtmlTag::kScript:
        if (doc.Attr(i, HtmlAttr::kType).find("ld+json") != std::string_view::npos) ReadJsonLd(doc, i, f);
        break;
      default:
        break;
    }
    if (!n.is_text() && f->byline_authors.empty() && n.tag != HtmlTag::kMeta && n.tag != HtmlTag::kLink &&
        IsByline(doc, i)) {
      std::string text = TextOf(doc, i);
      if (text.size() < 120) f->byline_authors = HtmlMetadata::SplitAuthors(text);
    }
  }
}

const std::string& FirstOf(std::initializer_list<const std::string*> options) {
  for (const std::string* s : options) {
    if (!s->empty()) return *s;
  }
  return **options.begin();
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && AsciiLower(s.substr(0, prefix.size())) == prefix;
}

// Every word starts with a capital, a digit or a non-ASCII letter, or
// holds a dot ("Example Times", "BBC", "example.com").
bool LooksLikeName(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(' ', pos);
    if (end == std::string_view::npos) end = s.size();
    std::string_view w = s.substr(pos, end - pos);
    pos = end + 1;
    if (w.empty()) continue;
    unsigned char c = static_cast<unsigned char>(w[0]);
    bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 || w.find('.') != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

int Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::string HtmlMetadata::CleanTitle(std::string_view title, std::string_view outlet) {
  std::string t = Collapse(title);
  static constexpr std::string_view kSeparators[] = {" | ",  " - ",       " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                                                     " :: ", " \xC2\xBB "};
  for (std::string_view sep : kSeparators) {
    size_t cut = t.rfind(sep);
    if (cut == std::string::npos || cut == 0) continue;
    std::string_view tail = std::string_view(t).substr(cut + sep.size());
    size_t words = 1 + std::count(tail.begin(), tail.end(), ' ');
    // A dash also joins a title's own parts ("Budget talks - live
    // updates"): cut there only before a short Capitalized Name.
    bool pipe = sep == " | " || sep == " :: " || sep == " \xC2\xBB ";
    if (AsciiLower(tail) == AsciiLower(outlet) || (words <= 4 && (pipe || LooksLikeName(tail)))) {
      return CleanTitle(t.substr(0, cut), outlet);
    }
  }
  // A site name leading the title: "The Daily Example | Storm hits coast".
  if (!outlet.empty()) {
    for (std::string_view sep : kSeparators) {
      std::string head = std::string(outlet) + std::string(sep);
      if (StartsWithNoCase(t, AsciiLower(head))) return t.substr(head.size());
    }
  }
  return t;
}

std::string HtmlMetadata::IsoDate(std::string_view raw) {
  std::string s = Collapse(raw);
  int y = Digits(s, 0, 4), mo = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || s[4] != '-' || s[7] != '-') return {};
  char date[32];
  std::snprintf(date, sizeof(date), "%04d-%02d-%02d", y, mo, d);
  if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ')) return date;
  int h = Digits(s, 11, 2), mi = Digits(s, 14, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s[13] != ':') return date;
  size_t pos = 16;
  int sec = 0;
  if (pos < s.size() && s[pos] == ':' && Digits(s, pos + 1, 2) >= 0) {
    sec = std::min(Digits(s, pos + 1, 2), 59);
    pos += 3;
  }
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
  }
  using namespace std::chrono;
  sys_seconds t = sys_days(year{y} / month{unsigned(mo)} / day{unsigned(d)}) + hours{h} + minutes{mi} + seconds{sec};
  bool zoned = false;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    zoned = true;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh = Digits(s, pos + 1, 2);
    size_t mpos = pos + 3 + (pos + 3 < s.size() && s[pos + 3] == ':' ? 1 : 0);
    int om = Digits(s, mpos, 2);
    if (oh >= 0 && oh <= 18) {
      zoned = true;
      seconds offset = hours{oh} + minutes{om < 0 ? 0 : om};
      t = s[pos] == '+' ? t - offset : t + offset;
    }
  }
  year_month_day ymd{floor<days>(t)};
  hh_mm_ss<seconds> tod{t - floor<days>(t)};
  char out[64];
  std::snprintf(out, sizeof(out), "%04d-%02u-%02uT%02ld:%02ld:%02ld%s", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()), long(tod.hours().count()), long(tod.minutes().count()),
                long(tod.seconds().count()), zoned ? "Z" : "");
  return out;
}

std::vector<std::string> HtmlMetadata::SplitAuthors(std::string_view byline) {
  std::string s = Collapse(byline);
  if (StartsWithNoCase(s, "by ")) s.erase(0, 3);
  for (std::string_view sep : {" and ", " & ", ";", " And "}) {
    for (size_t p; (p = s.find(sep)) != std::string::npos;) s.replace(p, sep.size(), ",");
  }
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    std::string name = Collapse(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!name.empty() && name.size() <= 80 && name.find("://") == std::string::npos &&
        name.find('@') == std::string::npos && std::find(out.begin(), out.end(), name) == out.end()) {
      out.push_back(name);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

void HtmlMetadata::Fill(const HtmlDocument& doc, Article* a) {
  Found f;
  ReadElements(doc, &f);
  if (a->outlet.empty()) a->outlet = FirstOf({&f.og_site, &f.ld_publisher, &f.app_name});
  if (a->title.empty()) {
    a->title = CleanTitle(FirstOf({&f.og_title, &f.ld_headline, &f.title_tag, &f.h1}), a->outlet);
  }
  if (a->authors.empty()) {
    a->authors = !f.ld_authors.empty() ? f.ld_authors : !f.meta_authors.empty() ? f.meta_authors : f.byline_authors;
  }
  if (a->published.empty()) {
    for (const std::string* raw : {&f.meta_date, &f.ld_date, &f.other_date, &f.time_date}) {
      std::string iso = IsoDate(*raw);
      if (iso.empty()) continue;
      a->published = {iso, *raw};
      break;
    }
  }
  if (a->url.empty()) a->url = FirstOf({&f.canonical, &f.og_url, &f.ld_url});
  if (!f.lang.empty() && (a->language.empty() || a->language == "en")) {
    a->language = f.lang.substr(0, f.lang.find_first_of("-_"));
  }
}

}  // namespace storyfuse
