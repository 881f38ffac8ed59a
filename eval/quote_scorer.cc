#include "eval/quote_scorer.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <string>

#include <fmt/format.h>

#include "text/utf8.h"

namespace storyfuse {
namespace {

std::u32string Decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) out.push_back(DecodeUtf8(text, &pos));
  return out;
}

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2009; }

struct Annotation {
  std::string label;
  std::vector<CpSpan> spans;
};

struct Event {
  std::string type;
  std::vector<std::string> content;  // Content and Content2 ids
  std::vector<std::string> source;
};

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) return out;
    start = p + 1;
  }
}

bool ParseUint(std::string_view s, uint32_t* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// "Label 1 5;7 9" -> label and spans.
bool ParseTextBound(std::string_view field, Annotation* a) {
  size_t sp = field.find(' ');
  if (sp == std::string_view::npos) return false;
  a->label = std::string(field.substr(0, sp));
  for (std::string_view range : Split(field.substr(sp + 1), ';')) {
    std::vector<std::string_view> ends = Split(range, ' ');
    CpSpan span;
    if (ends.size() != 2 || !ParseUint(ends[0], &span.begin) || !ParseUint(ends[1], &span.end)) return false;
    a->spans.push_back(span);
  }
  return true;
}

bool ParseEvent(std::string_view field, Event* e) {
  std::vector<std::string_view> args = Split(field, ' ');
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i].empty() || args[i] == "\r") continue;
    size_t colon = args[i].find(':');
    if (colon == std::string_view::npos) return false;
    std::string_view role = args[i].substr(0, colon);
    std::string id(args[i].substr(colon + 1));
    if (i == 0) e->type = std::string(role);
    if (role == "Content" || role == "Content2") e->content.push_back(id);
    if (role == "Source") e->source.push_back(id);
  }
  return !e->type.empty();
}

// True for "T12" / "E3" style ids; span texts may run over several lines,
// and their continuation lines are not annotation lines.
bool IsId(std::string_view s, char kind) {
  if (s.size() < 2 || s[0] != kind) return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool Inside(CpSpan piece, CpSpan content) { return piece.begin + 1 >= content.begin && piece.end <= content.end + 1; }

uint32_t Overlap(CpSpan a, CpSpan b) {
  uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

}  // namespace

std::vector<CpSpan> FindMetricPieces(std::string_view text) {
  std::u32string t = Decode(text);
  std::vector<CpSpan> pieces;
  size_t line_start = 0;
  while (line_start <= t.size()) {
    size_t line_end = t.find(U'\n', line_start);
    if (line_end == std::u32string::npos) line_end = t.size();
    for (size_t i = line_start; i < line_end; ++i) {
      if (t[i] != U'\u201C' && t[i] != U'"') continue;
      char32_t close = t[i] == U'"' ? U'"' : U'\u201D';
      size_t j = t.find(close, i + 1);
      if (j == std::u32string::npos || j > line_end) j = line_end;
      pieces.push_back({static_cast<uint32_t>(i + 1), static_cast<uint32_t>(j)});
      i = j;
    }
    line_start = line_end + 1;
  }
  return pieces;
}

size_t CountWords(std::string_view text, CpSpan span) {
  std::u32string t = Decode(text);
  size_t words = 0;
  bool in_word = false;
  for (uint32_t i = span.begin; i < span.end && i < t.size(); ++i) {
    bool space = IsSpace(t[i]);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

namespace {

using Bounds = std::map<std::string, Annotation, std::less<>>;

// The text-bound (T) and event (E) lines of a brat annotation.
Status ParseAnnotation(std::string_view ann, Bounds* bounds, std::vector<Event>* events) {
  for (std::string_view line : Split(ann, '\n')) {
    std::vector<std::string_view> fields = Split(line, '\t');
    if (fields.size() < 2) continue;
    if (IsId(fields[0], 'T')) {
      Annotation a;
      if (!ParseTextBound(fields[1], &a)) return Status::Corruption("bad span line: " + std::string(line));
      (*bounds)[std::string(fields[0])] = std::move(a);
    } else if (IsId(fields[0], 'E')) {
      Event e;
      if (!ParseEvent(fields[1], &e)) return Status::Corruption("bad event line: " + std::string(line));
      events->push_back(std::move(e));
    }
  }
  return Status::Ok();
}

// The metric counts attributions, with or without a source; the
// annotators' Discard and Discuss marks are not attributions.
bool IsAttribution(const Event& e) { return e.type == "Attribution" || e.type == "Attribution-no-source"; }

}  // namespace

Result<std::vector<CpSpan>> ReadPolnearContents(std::string_view ann) {
  Bounds bounds;
  std::vector<Event> events;
  if (Status s = ParseAnnotation(ann, &bounds, &events); !s.ok()) return s;
  std::vector<CpSpan> contents;
  for (const Event& e : events) {
    if (!IsAttribution(e)) continue;
    for (const std::string& id : e.content) {
      auto it = bounds.find(id);
      if (it != bounds.end()) contents.insert(contents.end(), it->second.spans.begin(), it->second.spans.end());
    }
  }
  return contents;
}

UnmatchedCause ClassifyUnmatched(CpSpan piece, const std::vector<CpSpan>& contents) {
  size_t overlapping = 0;
  for (CpSpan c : contents) {
    if (Inside(piece, c)) return UnmatchedCause::kInsideContent;
    if (Overlap(piece, c) > 0) ++overlapping;
  }
  if (overlapping == 0) return UnmatchedCause::kUnannotated;
  return overlapping > 1 ? UnmatchedCause::kSplitContents : UnmatchedCause::kPartialContent;
}

std::string_view UnmatchedCauseName(UnmatchedCause c) {
  switch (c) {
    case UnmatchedCause::kUnannotated:
      return "unannotated";
    case UnmatchedCause::kSplitContents:
      return "split-contents";
    case UnmatchedCause::kPartialContent:
      return "partial-content";
    case UnmatchedCause::kInsideContent:
      return "inside-content";
  }
  return "";
}

Result<std::vector<GoldQuote>> ReadPolnearGold(std::string_view text, std::string_view ann) {
  Bounds bounds;
  std::vector<Event> events;
  if (Status s = ParseAnnotation(ann, &bounds, &events); !s.ok()) return s;
  std::vector<GoldQuote> gold;
  for (CpSpan piece : FindMetricPieces(text)) {
    if (CountWords(text, piece) < 3) continue;
    for (const Event& e : events) {
      if (!IsAttribution(e)) continue;
      bool inside = false;
      for (const std::string& id : e.content) {
        auto it = bounds.find(id);
        if (it == bounds.end()) continue;
        for (CpSpan c : it->second.spans) inside = inside || Inside(piece, c);
      }
      if (!inside) continue;
      GoldQuote g{piece, {}};
      for (const std::string& id : e.source) {
        auto it = bounds.find(id);
        if (it != bounds.end()) g.source.insert(g.source.end(), it->second.spans.begin(), it->second.spans.end());
      }
      gold.push_back(std::move(g));
      break;
    }
  }
  return gold;
}

double QuoteScores::Precision() const { return predicted ? double(matched) / predicted : 0; }
double QuoteScores::Recall() const { return gold ? double(matched) / gold : 0; }
double QuoteScores::F1() const {
  double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}
double QuoteScores::SpeakerAccuracy() const { return speaker_total ? double(speaker_correct) / speaker_total : 0; }

void QuoteScores::Merge(const QuoteScores& other) {
  gold += other.gold;
  predicted += other.predicted;
  matched += other.matched;
  speaker_total += other.speaker_total;
  speaker_correct += other.speaker_correct;
}

std::string QuoteScores::Summary() const {
  return fmt::format("P {:.4f} R {:.4f} F1 {:.4f} speaker accuracy {:.4f} ({}/{})", Precision(), Recall(), F1(),
                     SpeakerAccuracy(), speaker_correct, speaker_total);
}

std::vector<int> QuoteScorer::Add(const std::vector<GoldQuote>& gold, const std::vector<PredictedQuote>& predicted) {
  std::vector<int> match(predicted.size(), -1);
  std::vector<bool> used(gold.size(), false);
  scores_.gold += gold.size();
  scores_.predicted += predicted.size();
  for (size_t p = 0; p < predicted.size(); ++p) {
    CpSpan q = predicted[p].quote;
    for (size_t g = 0; g < gold.size(); ++g) {
      if (used[g]) continue;
      uint32_t longer = std::max(q.end - q.begin, gold[g].quote.end - gold[g].quote.begin);
      if (2 * Overlap(q, gold[g].quote) < longer) continue;
      used[g] = true;
      match[p] = static_cast<int>(g);
      ++scores_.matched;
      if (!gold[g].source.empty()) {
        ++scores_.speaker_total;
        bool hit = false;
        for (CpSpan s : gold[g].source) hit = hit || Overlap(s, predicted[p].speaker) > 0;
        if (hit) ++scores_.speaker_correct;
      }
      break;
    }
  }
  return match;
}

}  // namespace storyfuse
