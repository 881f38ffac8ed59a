#include "ingest/byline_parser.h"

#include <array>

#include "ingest/date_parser.h"
#include "ingest/line_shape.h"

namespace storyfuse {
namespace {

constexpr std::array<std::string_view, 8> kLabels = {"by",       "written by", "posted by", "published by",
                                                     "words by", "story by",   "author",    "authors"};

// Length of a leading byline label ("By ", "Written by ", "Author: "), or 0.
size_t LabelLength(std::string_view line) {
  for (std::string_view label : kLabels) {
    if (!LineShape::StartsWithNoCase(line, label) || line.size() <= label.size()) continue;
    char next = line[label.size()];
    if (next == ' ' || next == ':' || next == '\t') {
      size_t n = label.size();
      while (n < line.size() && (line[n] == ' ' || line[n] == ':' || line[n] == '\t')) ++n;
      return n;
    }
  }
  return 0;
}

// Splits on separators that end the name part: " | ", " - ", " — ", " • ".
std::vector<std::string_view> SplitFields(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t len = 0;
    for (std::string_view sep : {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\xA2 ", " \xC2\xB7 "}) {
      if (s.substr(i, sep.size()) == sep) len = sep.size();
    }
    if (len == 0) continue;
    out.push_back(LineShape::Trim(s.substr(start, i - start)));
    start = i + len;
    i = start - 1;
  }
  out.push_back(LineShape::Trim(s.substr(start)));
  return out;
}

// "Tom Lee and Eve Ng" continues a list of names; "Harbor Ledger" after a
// comma is an outlet even though it is shaped like a name.
bool ListsNames(std::string_view tail) {
  return tail.find(" and ") != std::string_view::npos || tail.find(" & ") != std::string_view::npos;
}

std::string_view StripUpdated(std::string_view s) {
  for (std::string_view w : {"Updated", "Published", "Posted"}) {
    if (LineShape::StartsWithNoCase(s, w)) return LineShape::Trim(s.substr(w.size()));
  }
  return s;
}

}  // namespace

bool BylineParser::IsJobTitle(std::string_view s) {
  static constexpr std::array<std::string_view, 14> kTitleWords = {
      "reporter", "correspondent", "writer", "editor", "contributor", "columnist", "staff",
      "producer", "analyst",       "bureau", "chief",  "journalist",  "intern",    "fellow"};
  for (std::string_view w : LineShape::Words(s)) {
    std::string l = LineShape::Lower(w);
    for (std::string_view t : kTitleWords) {
      if (l.starts_with(t)) return true;
    }
  }
  return false;
}

std::optional<std::vector<std::string>> BylineParser::SplitNames(std::string_view names) {
  std::vector<std::string> out;
  std::string text(names);
  for (std::string_view sep : {" and ", " & ", " AND "}) {
    // The (count, char) form: GCC 12 warns falsely (-Wrestrict) on the
    // const char* one at -O2.
    for (size_t p; (p = text.find(sep)) != std::string::npos;) text.replace(p, sep.size(), 1, ',');
  }
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string_view part = LineShape::Trim(std::string_view(text).substr(start, comma - start));
    if (!part.empty()) {
      if (!LineShape::IsPersonName(part)) return std::nullopt;
      out.emplace_back(part);
    }
    start = comma + 1;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::optional<Byline> BylineParser::Parse(std::string_view line) {
  line = LineShape::Trim(line);
  size_t label = LabelLength(line);
  if (label == 0 || line.size() > 200 || LineShape::EndsSentence(line)) return std::nullopt;
  std::vector<std::string_view> fields = SplitFields(line.substr(label));
  Byline b;
  // The name part may end with ", Outlet" or ", Job Title".
  std::string_view names = fields[0];
  size_t comma = names.rfind(',');
  if (comma != std::string_view::npos) {
    std::string_view tail = LineShape::Trim(names.substr(comma + 1));
    if (IsJobTitle(tail)) {
      names = names.substr(0, comma);
    } else if (!tail.empty() && !(ListsNames(tail) && SplitNames(tail))) {
      b.outlet = std::string(tail);
      names = names.substr(0, comma);
    }
  }
  auto authors = SplitNames(names);
  if (!authors) return std::nullopt;
  b.authors = std::move(*authors);
  for (size_t i = 1; i < fields.size(); ++i) {
    std::string_view f = StripUpdated(fields[i]);
    if (auto d = DateParser::Find(f); d && b.date_iso.empty()) {
      b.date_iso = d->iso;
      b.date_text = std::string(fields[i]);
    } else if (b.outlet.empty() && !IsJobTitle(f) && LineShape::StartsUpper(f) && LineShape::WordCount(f) <= 5) {
      b.outlet = std::string(f);
    }
  }
  return b;
}

bool BylineParser::IsLabel(std::string_view line) {
  std::string l = LineShape::Lower(LineShape::Trim(line));
  while (!l.empty() && (l.back() == ':' || l.back() == ' ')) l.pop_back();
  for (std::string_view label : kLabels) {
    if (l == label) return true;
  }
  return false;
}

}  // namespace storyfuse
