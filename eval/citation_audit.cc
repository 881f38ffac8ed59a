#include "eval/citation_audit.h"

#include <algorithm>
#include <functional>
#include <set>

#include "base/tab_fields.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

std::string SpanKey(const SourceSpan& s) {
  return s.article + "\t" + std::to_string(s.start) + "\t" + std::to_string(s.end);
}

void AddStatement(const char* section, int item, const Statement& st,
                  const std::map<std::string, const Article*>& articles, std::vector<CitationPair>* out) {
  if (st.spans.empty()) return;
  for (size_t i = 1; i < st.spans.size(); ++i) {
    auto it = articles.find(st.spans[i].article);
    CitationPair p{section, item, st.text, st.spans[0], st.spans[i], ""};
    if (it != articles.end()) p.cited_text = CitationAudit::Slice(it->second->text, p.cited.start, p.cited.end);
    out->push_back(std::move(p));
  }
}

}  // namespace

std::string CitationPair::Key() const { return SpanKey(item_span) + "\t" + SpanKey(cited); }

std::string CitationAudit::Slice(std::string_view text, uint32_t start, uint32_t end) {
  std::string out;
  size_t pos = 0;
  uint32_t cp = 0;
  while (pos < text.size() && cp < end) {
    size_t before = pos;
    DecodeUtf8(text, &pos);
    if (cp >= start) out.append(text.substr(before, pos - before));
    ++cp;
  }
  return out;
}

std::vector<CitationPair> CitationAudit::Pairs(const StoryBrief& b,
                                               const std::map<std::string, const Article*>& articles) {
  std::vector<CitationPair> out;
  for (size_t i = 0; i < b.summary.size(); ++i)
    AddStatement("summary", static_cast<int>(i), b.summary[i], articles, &out);
  for (size_t i = 0; i < b.facts.size(); ++i) AddStatement("facts", static_cast<int>(i), b.facts[i], articles, &out);
  // A number cites, per source, the sentence stating it; the first is
  // where its text comes from.
  for (size_t i = 0; i < b.numbers.size(); ++i) {
    const BriefNumber& n = b.numbers[i];
    Statement st{n.text, n.sources, n.spans, n.independent_sources};
    if (!n.spans.empty()) {
      auto it = articles.find(n.spans[0].article);
      if (it != articles.end()) st.text = Slice(it->second->text, n.spans[0].start, n.spans[0].end);
    }
    AddStatement("numbers", static_cast<int>(i), st, articles, &out);
  }
  // A quote cites each outlet's wording; the item's own span is the
  // variant whose wording the quote shows (else the first).
  for (size_t i = 0; i < b.quotes.size(); ++i) {
    const BriefQuote& q = b.quotes[i];
    Statement st{q.text, {}, {}, q.independent_sources};
    std::vector<const QuoteVariant*> variants;
    for (const QuoteVariant& v : q.variants) {
      if (!v.span.article.empty()) variants.push_back(&v);
    }
    auto shown =
        std::find_if(variants.begin(), variants.end(), [&](const QuoteVariant* v) { return v->text == q.text; });
    if (shown != variants.end()) std::rotate(variants.begin(), shown, shown + 1);
    for (const QuoteVariant* v : variants) {
      st.sources.push_back(v->source);
      st.spans.push_back(v->span);
    }
    size_t first = out.size();
    AddStatement("quotes", static_cast<int>(i), st, articles, &out);
    // The variant's own wording: its span may be in the article's input
    // (a quotation printed only in a standfirst), not in its text.
    for (size_t k = first; k < out.size(); ++k) out[k].cited_text = variants[k - first + 1]->text;
  }
  return out;
}

std::vector<CitationPair> CitationAudit::Sample(const std::vector<CitationPair>& pairs, size_t n) {
  std::vector<std::pair<size_t, size_t>> order;  // (hash of key, index)
  for (size_t i = 0; i < pairs.size(); ++i) order.push_back({std::hash<std::string>()(pairs[i].Key()), i});
  std::sort(order.begin(), order.end());
  if (order.size() > n) order.resize(n);
  std::vector<size_t> keep;
  for (auto [h, i] : order) keep.push_back(i);
  std::sort(keep.begin(), keep.end());
  std::vector<CitationPair> out;
  for (size_t i : keep) out.push_back(pairs[i]);
  return out;
}

Result<std::vector<CitationLabel>> CitationAudit::ParseLabels(std::string_view content) {
  std::vector<CitationLabel> out;
  size_t line_no = 0;
  bool header = true;
  while (!content.empty()) {
    size_t eol = content.find('\n');
    std::string_view line = content.substr(0, eol);
    content.remove_prefix(eol == std::string_view::npos ? content.size() : eol + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string_view> f = SplitTabFields(line);
    if (f.size() != 7 || (f[6] != "0" && f[6] != "1")) {
      return Status::InvalidArgument("labels line " + std::to_string(line_no) +
                                     ": expected 6 key fields and a verdict 0/1");
    }
    std::string key;
    for (size_t i = 0; i < 6; ++i) key += (i ? "\t" : "") + std::string(f[i]);
    out.push_back({key, f[6] == "1"});
  }
  return out;
}

std::string CitationAudit::LabelLine(const CitationPair& pair, std::string_view verdict) {
  return pair.Key() + "\t" + std::string(verdict);
}

AuditReport CitationAudit::Audit(const std::vector<CitationPair>& pairs, const std::vector<CitationLabel>& labels) {
  std::map<std::string, bool> by_key;
  for (const auto& l : labels) by_key[l.key] = l.supported;
  AuditReport r;
  std::set<std::string> seen;
  for (const CitationPair& p : pairs) {
    std::string key = p.Key();
    seen.insert(key);
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      r.unlabelled.push_back(&p);
      continue;
    }
    ++r.labelled;
    r.supported += it->second;
  }
  for (const auto& [key, v] : by_key) {
    if (!seen.count(key)) r.stale.push_back(key);
  }
  return r;
}

}  // namespace storyfuse
