#include "ingest/site_header_parser.h"

#include <array>
#include <cctype>

#include "ingest/line_shape.h"

namespace storyfuse {
namespace {

constexpr size_t kMaxHeaderWords = 10;
constexpr size_t kMaxFieldWords = 6;

bool IsSectionWord(std::string_view w) {
  static constexpr std::array<std::string_view, 30> kSections = {
      "edition", "morning", "evening",   "daily",         "weekly",        "world",   "politics", "business",
      "opinion", "sports",  "news",      "latest",        "breaking",      "live",    "update",   "updates",
      "home",    "top",     "stories",   "national",      "international", "local",   "tech",     "science",
      "health",  "culture", "lifestyle", "entertainment", "briefing",      "analysis"};
  std::string l = LineShape::Lower(w);
  for (std::string_view s : kSections) {
    if (l == s) return true;
  }
  return false;
}

bool AllSectionWords(std::string_view field) {
  std::vector<std::string_view> words = LineShape::Words(field);
  if (words.empty()) return false;
  for (std::string_view w : words) {
    if (!IsSectionWord(w)) return false;
  }
  return true;
}

bool HasInitial(std::string_view field) {
  for (std::string_view w : LineShape::Words(field)) {
    if (w.size() == 2 && w[1] == '.' && LineShape::StartsUpper(w)) return true;
  }
  return false;
}

// Classifies one middle field of a slash header.
std::string FieldKind(std::string_view f, bool have_outlet) {
  if (AllSectionWords(f)) return "section";
  if (LineShape::IsAllCaps(f) && LineShape::WordCount(f) <= 3) return "dateline";
  if (HasInitial(f) && LineShape::IsPersonName(f)) return "byline";
  if (!have_outlet) return "header";
  if (LineShape::IsPersonName(f)) return "byline";
  return "section";
}

}  // namespace

bool SiteHeaderParser::IsDomain(std::string_view w) {
  while (!w.empty() && (w.back() == '/' || w.back() == ',')) w.remove_suffix(1);
  size_t dot = w.rfind('.');
  if (dot == std::string_view::npos || dot < 2 || w.size() - dot - 1 < 2 || w.size() - dot - 1 > 6) {
    return false;
  }
  for (size_t i = dot + 1; i < w.size(); ++i) {
    if (!std::islower(static_cast<unsigned char>(w[i]))) return false;
  }
  size_t letters = 0;
  for (size_t i = 0; i < dot; ++i) {
    unsigned char c = w[i];
    if (std::isalnum(c)) {
      ++letters;
    } else if (c != '.' && c != '-') {
      return false;
    }
  }
  return letters >= 2;
}

std::optional<std::string> SiteHeaderParser::ParseDomainHeader(std::string_view line) {
  line = LineShape::Trim(line);
  std::vector<std::string_view> words = LineShape::Words(line, kMaxHeaderWords + 1);
  if (words.empty() || words.size() > kMaxHeaderWords || LineShape::EndsSentence(line)) return std::nullopt;
  for (std::string_view w : words) {
    if (!IsDomain(w)) continue;
    if (LineShape::StartsWithNoCase(w, "www.")) w.remove_prefix(4);
    while (!w.empty() && w.back() == '/') w.remove_suffix(1);
    return std::string(w);
  }
  return std::nullopt;
}

std::optional<SlashHeader> SiteHeaderParser::ParseSlashHeader(std::string_view line) {
  // Field boundaries: "/ " not preceded by a space (so "and/ or" inside prose
  // is rare, and URLs "a/b" never split).
  std::vector<std::pair<size_t, size_t>> fields;  // [begin, end) without separator
  size_t start = 0;
  for (size_t i = 1; i + 1 < line.size(); ++i) {
    if (line[i] == '/' && line[i + 1] == ' ' && line[i - 1] != ' ') {
      fields.emplace_back(start, i);
      start = i + 2;
    }
  }
  fields.emplace_back(start, line.size());
  if (fields.size() < 4) return std::nullopt;
  SlashHeader h;
  h.body_begin = line.size();
  bool have_outlet = false;
  for (size_t i = 0; i < fields.size(); ++i) {
    auto [b, e] = fields[i];
    std::string_view f = LineShape::Trim(line.substr(b, e - b));
    bool last = i + 1 == fields.size();
    if (last && LineShape::IsProse(f)) {
      h.body_begin = b + LineShape::LeadingSpace(line.substr(b));
      break;
    }
    if (i > 0 && LineShape::WordCount(f) > kMaxFieldWords) return std::nullopt;
    if (i == 0 && (f.empty() || LineShape::IsProse(f))) return std::nullopt;
    std::string kind = i == 0 ? "title" : FieldKind(f, have_outlet);
    have_outlet |= kind == "header";
    size_t sep_end = last ? e : std::min(line.size(), e + 2);
    h.fields.push_back({b, sep_end, kind, std::string(f)});
  }
  return h;
}

}  // namespace storyfuse
