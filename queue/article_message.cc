#include "queue/article_message.h"

#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "queue/doc_message.h"

namespace storyfuse {

using nlohmann::json;

namespace {

json ArticleJson(const Article& a) {
  json corrections = json::array();
  for (const ArticleCorrection& c : a.corrections) {
    corrections.push_back({{"begin", c.input.begin}, {"end", c.input.end}, {"text", c.text}});
  }
  return {{"id", a.id},
          {"source", a.source},
          {"url", a.url},
          {"outlet", a.outlet},
          {"title", a.title},
          {"authors", a.authors},
          {"published", a.published.iso},
          {"published_evidence", a.published.evidence},
          {"dateline", a.dateline},
          {"language", a.language},
          {"wire", a.wire},
          {"text", a.text},
          {"input", a.input},
          {"corrections", std::move(corrections)}};
}

bool ReadArticle(const json& j, Article* a) {
  if (!j.is_object()) return false;
  auto str = [&](const char* name, std::string* out) {
    auto it = j.find(name);
    if (it == j.end() || !it->is_string()) return false;
    *out = it->get<std::string>();
    return true;
  };
  if (!str("id", &a->id) || !str("text", &a->text)) return false;
  str("source", &a->source);
  str("url", &a->url);
  str("outlet", &a->outlet);
  str("title", &a->title);
  str("published", &a->published.iso);
  str("published_evidence", &a->published.evidence);
  str("dateline", &a->dateline);
  str("language", &a->language);
  str("wire", &a->wire);
  str("input", &a->input);
  if (auto it = j.find("authors"); it != j.end() && it->is_array()) {
    for (const json& s : *it) {
      if (s.is_string()) a->authors.push_back(s.get<std::string>());
    }
  }
  if (auto it = j.find("corrections"); it != j.end() && it->is_array()) {
    for (const json& c : *it) {
      if (!c.is_object()) return false;
      ArticleCorrection& out = a->corrections.emplace_back();
      out.input.begin = c.value("begin", 0u);
      out.input.end = c.value("end", 0u);
      out.text = c.value("text", "");
    }
  }
  return true;
}

std::string Hashes(const std::vector<uint64_t>& hashes) {
  std::string out;
  char buf[24];
  for (uint64_t h : hashes) {
    std::snprintf(buf, sizeof buf, "%s%llx", out.empty() ? "" : " ", static_cast<unsigned long long>(h));
    out += buf;
  }
  return out;
}

bool ReadHashes(const std::string& s, std::vector<uint64_t>* out) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    if (*p == ' ') {
      ++p;
      continue;
    }
    uint64_t h = 0;
    auto [next, ec] = std::from_chars(p, end, h, 16);
    if (ec != std::errc()) return false;
    out->push_back(h);
    p = next;
  }
  return true;
}

constexpr const char* kRawPrefix = "raw.";

}  // namespace

StreamFields ArticleMessage::Encode() const {
  StreamFields f = {{"v", std::to_string(kVersion)}, {"seq", std::to_string(seq)}, {"doc", doc_id}};
  if (!editor.empty()) {
    f.emplace_back("editor", editor);
  } else if (rejected) {
    f.emplace_back("rejected", reason);
  } else {
    f.emplace_back("article", ArticleJson(article).dump(-1, ' ', false, json::error_handler_t::replace));
  }
  if (!warning.empty()) f.emplace_back("warning", warning);
  if (batch > 0) f.emplace_back("batch", std::to_string(batch));
  if (last) f.emplace_back("last", "1");
  if (!partition.empty()) f.emplace_back("partition", partition);
  if (boilerplate.cleaned) {
    f.emplace_back("bp.check", boilerplate.check_outlet);
    f.emplace_back("bp.kept", Hashes(boilerplate.kept));
    f.emplace_back("bp.learn", boilerplate.learn_outlet);
    f.emplace_back("bp.lines", Hashes(boilerplate.lines));
  }
  if (doc) {
    for (auto& [k, v] : DocMessage::Encode(*doc)) f.emplace_back(kRawPrefix + k, std::move(v));
  }
  return f;
}

Result<ArticleMessage> ArticleMessage::Decode(const StreamEntry& e) {
  auto bad = [&](const std::string& why) { return Status::InvalidArgument("queue entry " + e.id + ": " + why); };
  if (e.Field("v") != std::to_string(kVersion)) {
    return bad("message version \"" + e.Field("v") + "\", this build reads " + std::to_string(kVersion));
  }
  ArticleMessage m;
  std::string seq = e.Field("seq");
  auto [end, ec] = std::from_chars(seq.data(), seq.data() + seq.size(), m.seq);
  if (ec != std::errc() || end != seq.data() + seq.size() || m.seq <= 0) return bad("no sequence number");
  m.doc_id = e.Field("doc");
  m.warning = e.Field("warning");
  std::string batch = e.Field("batch");
  std::from_chars(batch.data(), batch.data() + batch.size(), m.batch);
  m.last = e.Field("last") == "1";
  m.partition = e.Field("partition");
  StreamEntry raw;
  raw.id = e.id;
  for (const auto& [k, v] : e.fields) {
    if (k.rfind(kRawPrefix, 0) == 0) raw.fields.emplace_back(k.substr(4), v);
    if (k == "bp.check") {
      m.boilerplate.cleaned = true;
      m.boilerplate.check_outlet = v;
    }
  }
  if (m.boilerplate.cleaned) {
    m.boilerplate.learn_outlet = e.Field("bp.learn");
    if (!ReadHashes(e.Field("bp.kept"), &m.boilerplate.kept) || !ReadHashes(e.Field("bp.lines"), &m.boilerplate.lines))
      return bad("malformed boilerplate evidence");
  }
  if (!raw.fields.empty()) {
    Result<RawDoc> doc = DocMessage::Decode(raw);
    if (!doc.ok()) return bad("malformed document: " + doc.status().message());
    m.doc = std::move(doc).value();
  }
  m.editor = e.Field("editor");
  if (!m.editor.empty()) return m;
  std::string article = e.Field("article");
  if (article.empty()) {
    m.rejected = true;
    m.reason = e.Field("rejected");
    return m;
  }
  if (!ReadArticle(json::parse(article, nullptr, false), &m.article)) return bad("malformed article");
  return m;
}

}  // namespace storyfuse
