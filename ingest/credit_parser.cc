#include "ingest/credit_parser.h"

#include <string.h>

#include <array>

#include "ingest/line_shape.h"
#include "ingest/photo_credit.h"
#include "ingest/wire_agencies.h"

namespace storyfuse {
namespace {

constexpr size_t kMaxCreditWords = 40;
constexpr size_t kMaxAgencyCreditBytes = 60;
constexpr size_t kMaxAgencyCreditWords = 6;
// "X reported from Y" as a credit line is short; a story sentence about a
// reporter runs longer.
constexpr size_t kMaxReportedFromWords = 25;  // "with inputs from Reuters and AFP"

// The first agency named in a list such as "Reuters and AFP" or "AP, AFP".
std::string AgencyIn(std::string_view names) {
  std::string text(names);
  for (std::string_view sep : {" and ", " & ", ";", "/"}) {
    for (size_t p; (p = text.find(sep)) != std::string::npos;) text.replace(p, sep.size(), ",");
  }
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string agency = WireAgencies::Canonical(std::string_view(text).substr(start, comma - start));
    if (!agency.empty()) return agency;
    start = comma + 1;
  }
  return "";
}

// The first occurrence of `needle` in `hay`, as find() gives it. memmem
// skips ahead by more than a byte; find() compares at each byte that
// matches the needle's first one, and every paragraph's spaces match " ...".
size_t FindIn(std::string_view hay, std::string_view needle) {
  const void* at = memmem(hay.data(), hay.size(), needle.data(), needle.size());
  return at == nullptr ? std::string_view::npos : static_cast<size_t>(static_cast<const char*>(at) - hay.data());
}

// The last occurrence of `needle` (not empty) in `hay`, as rfind() gives
// it, comparing only where its first byte is: rfind() calls memcmp at
// every position.
size_t RFindIn(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  for (size_t pos = hay.size() - needle.size();; --pos) {
    pos = hay.rfind(needle.front(), pos);
    if (pos == std::string_view::npos) return pos;
    if (hay.substr(pos, needle.size()) == needle) return pos;
    if (pos == 0) return std::string_view::npos;
  }
}

// Strips a leading dash ("—", "–", "--", "-") and spaces.
std::string_view StripDash(std::string_view s, bool* had_dash) {
  *had_dash = false;
  for (std::string_view d : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "-"}) {
    if (s.substr(0, d.size()) == d) {
      *had_dash = true;
      return LineShape::Trim(s.substr(d.size()));
    }
  }
  return s;
}

}  // namespace

std::optional<Credit> CreditParser::ParseClosing(std::string_view raw) {
  std::string_view line = LineShape::Trim(raw);
  size_t lead = LineShape::LeadingSpace(raw);
  if (line.empty()) return std::nullopt;
  bool dashed = false;
  std::string_view whole = StripDash(line, &dashed);
  if (whole.front() == '(' && whole.back() == ')') whole = whole.substr(1, whole.size() - 2);
  for (std::string_view p : {"with inputs from ", "inputs from ", "with "}) {
    if (LineShape::StartsWithNoCase(whole, p)) whole.remove_prefix(p.size());
  }
  // "REUTERS/Ana Ruiz" credits a photo, not the story.
  if (PhotoCredit::IsSlashCredit(whole)) return std::nullopt;
  if (whole.size() <= kMaxAgencyCreditBytes &&
      LineShape::WordCount(whole, kMaxAgencyCreditWords + 1) <= kMaxAgencyCreditWords) {
    if (std::string a = AgencyIn(whole); !a.empty()) return Credit{0, a};
  }
  if (line.back() == ')') {
    size_t open = line.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      std::string_view inner = line.substr(open + 1, line.size() - open - 2);
      if (inner.size() > kMaxAgencyCreditBytes) return std::nullopt;
      for (std::string_view p : {"with inputs from ", "inputs from ", "with "}) {
        if (LineShape::StartsWithNoCase(inner, p)) inner.remove_prefix(p.size());
      }
      if (PhotoCredit::IsSlashCredit(inner)) return std::nullopt;
      std::string a = AgencyIn(inner);
      if (!a.empty() && LineShape::WordCount(inner, kMaxAgencyCreditWords + 1) <= kMaxAgencyCreditWords) {
        size_t b = open;
        while (b > 0 && line[b - 1] == ' ') --b;
        return Credit{lead + b, a};
      }
    }
  }
  // "... said. — AFP" / "... said. -- AP". The credit is at most a few
  // words at the very end, and every dash below has a '-' or an 0xE2 byte:
  // most paragraphs end without either.
  size_t from = line.size() > kMaxAgencyCreditBytes ? line.size() - kMaxAgencyCreditBytes : 0;
  std::string_view tail = line.substr(from);
  if (tail.find('-') == std::string_view::npos && tail.find('\xE2') == std::string_view::npos) return std::nullopt;
  for (std::string_view d : {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- ", " - "}) {
    size_t p = RFindIn(tail, d);
    if (p == std::string_view::npos) continue;
    p += from;
    std::string_view after = line.substr(p + d.size());
    std::string a = WireAgencies::Canonical(after);
    if (!a.empty() && LineShape::EndsSentence(line.substr(0, p))) return Credit{lead + p, a};
  }
  return std::nullopt;
}

std::optional<Credit> CreditParser::ParseContribution(std::string_view raw) {
  std::string_view line = LineShape::Trim(raw);
  if (line.empty() || LineShape::WordCount(line, kMaxCreditWords + 1) > kMaxCreditWords) return std::nullopt;
  std::string lower = LineShape::Lower(line);
  if (lower.front() == '(') lower.erase(0, 1);
  static constexpr std::array<std::string_view, 4> kContributed = {
      " contributed to this report", " contributed reporting", " contributed to this story",
      " contributed to this article"};
  // Each of them starts so: one search rules them all out.
  constexpr std::string_view kContributedHead = " contributed ";
  if (FindIn(lower, kContributedHead) != std::string::npos) {
    for (std::string_view c : kContributed) {
      size_t p = FindIn(lower, c);
      if (p == std::string::npos) continue;
      std::string_view subject = line.substr(line.front() == '(' ? 1 : 0, p);
      return Credit{0, AgencyIn(subject)};
    }
  }
  // "Ana Ruiz reported from Lima, and Tom Lee reported from Quito."
  if (size_t p = FindIn(lower, " reported from ");
      p != std::string::npos && p > 0 &&
      LineShape::WordCount(line, kMaxReportedFromWords + 1) <= kMaxReportedFromWords &&
      LineShape::IsPersonName(line.substr(0, p), /*allow_single=*/true) && line.find('"') == std::string_view::npos) {
    return Credit{0, ""};
  }
  static constexpr std::array<std::string_view, 8> kLeads = {"additional reporting by ",
                                                             "reporting by ",
                                                             "writing by ",
                                                             "editing by ",
                                                             "compiled by ",
                                                             "with reporting by ",
                                                             "with additional reporting by ",
                                                             "additional reporting from "};
  for (std::string_view l : kLeads) {
    if (!lower.starts_with(l)) continue;
    std::string_view who = line.substr(l.size() + (line.front() == '(' ? 1 : 0));
    size_t semi = who.find(';');
    if (semi != std::string_view::npos) who = who.substr(0, semi);
    while (!who.empty() && (who.back() == '.' || who.back() == ')')) who.remove_suffix(1);
    // "Reporting by Ana Ruiz in Lima" names a reporter, not an agency.
    std::string agency = l.starts_with("additional") || l.starts_with("with") ? AgencyIn(who) : "";
    return Credit{0, agency};
  }
  return std::nullopt;
}

}  // namespace storyfuse
