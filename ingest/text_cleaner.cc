#include "ingest/text_cleaner.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/byline_parser.h"
#include "ingest/credit_parser.h"
#include "ingest/crumb_classifier.h"
#include "ingest/date_parser.h"
#include "ingest/dateline_parser.h"
#include "ingest/glued_heading.h"
#include "ingest/line_shape.h"
#include "ingest/photo_credit.h"
#include "ingest/site_header_parser.h"
#include "ingest/wire_agencies.h"
#include "text/unicode_text.h"

namespace storyfuse {
namespace {

// How far into the text the head-only rules (bylines, datelines, date lines)
// may reach: mastheads and bylines sit above the first paragraphs.
constexpr size_t kHeadLines = 12;
constexpr size_t kDatelineBodyLines = 4;
// A headline-shaped line sharing this share of the title's words repeats it.
constexpr double kTitleOverlap = 0.6;
// Tail lines this short and without a final stop are footer furniture.
constexpr size_t kMaxFooterWords = 6;
constexpr size_t kMaxFooterBytes = 120;
constexpr size_t kMinTailList = 4;
// A line that is only a date (with weekday, time and zone) is short.
constexpr size_t kMaxDateLineBytes = 80;
// A line after the title with this many words and no stop is a standfirst.
constexpr size_t kMinStandfirstWords = 8;
// A standfirst (dek) is one or two lines between the title and the
// byline, date or photo block; longer runs there are the story.
constexpr size_t kMaxStandfirstLines = 2;
constexpr size_t kMaxStandfirstWords = 60;
// The title and caption a video or photo block shows above its stamp
// or below its label are short.
constexpr size_t kMaxMediaCaptionLines = 2;
constexpr size_t kMaxMediaCaptionWords = 50;
// "Video (01:42)", "Now Playing: Up Next": a label, not a caption.
constexpr size_t kMaxMediaLabelWords = 6;

struct Line {
  uint32_t begin = 0;  // the trimmed line, bytes of the input
  uint32_t end = 0;
  uint32_t kb = 0;  // the part still kept in the body
  uint32_t ke = 0;
  std::string_view why;  // the kind it was dropped as (a literal), or empty
  bool kept() const { return ke > kb; }
};

// One cleaning of one article. Lines are the input's lines; each keeps a
// sub-range that shrinks as crumbs are cut from its start or end.
class CleanPass {
 public:
  CleanPass(Article* a, const BoilerplateMemory& memory, BoilerplateEvidence* evidence)
      : a_(*a), memory_(memory), evidence_(evidence) {}

  Status Run() {
    SplitLines();
    a_.text.clear();
    a_.offsets = OffsetMap();
    a_.removed.clear();
    a_.corrections.clear();
    if (lines_.empty()) return Status::InvalidArgument("no article text (empty input)");
    LabelledBylines();
    size_t body = Head();
    Body(body);
    Tail();
    Repeated();
    FinishMetadata();
    Assemble();
    std::sort(a_.removed.begin(), a_.removed.end(),
              [](const Removed& x, const Removed& y) { return x.input.begin < y.input.begin; });
    MergeCorrections();
    if (a_.text.empty()) return Status::InvalidArgument("no article text (only boilerplate)");
    return Status::Ok();
  }

  // Every non-empty input line, for the boilerplate statistics.
  std::vector<std::string_view> AllLines() const {
    std::vector<std::string_view> out;
    for (const Line& l : lines_) out.push_back(In(l.begin, l.end));
    return out;
  }

 private:
  std::string_view In(uint32_t b, uint32_t e) const { return std::string_view(a_.input).substr(b, e - b); }
  std::string_view Kept(const Line& l) const { return In(l.kb, l.ke); }

  void SplitLines() {
    std::string_view in = a_.input;
    size_t pos = 0;
    while (pos < in.size()) {
      size_t eol = in.find('\n', pos);
      if (eol == std::string_view::npos) eol = in.size();
      std::string_view raw = in.substr(pos, eol - pos);
      std::string_view t = LineShape::Trim(raw);
      if (!t.empty()) {
        uint32_t b = static_cast<uint32_t>(pos + LineShape::LeadingSpace(raw));
        uint32_t e = b + static_cast<uint32_t>(t.size());
        lines_.push_back({b, e, b, e, {}});
      }
      pos = eol + 1;
    }
  }

  // --- Removing --------------------------------------------------------

  void Drop(Line& l, std::string_view kind) {
    if (!l.kept()) return;
    a_.removed.push_back({Span{l.kb, l.ke}, std::string(kind)});
    // A correction leaves the story text but stays as data.
    if (kind == "correction") {
      a_.corrections.push_back({Span{l.kb, l.ke}, UnicodeText::Nfc(Kept(l))});
    }
    l.why = kind;
    l.kb = l.ke;
  }
  // Cuts the first n bytes of the kept part, and the white space after them.
  void DropPrefix(Line& l, size_t n, std::string_view kind) {
    uint32_t cut = l.kb + static_cast<uint32_t>(std::min<size_t>(n, l.ke - l.kb));
    std::string_view cut_text = LineShape::Trim(In(l.kb, cut));
    if (!cut_text.empty()) {
      uint32_t b = static_cast<uint32_t>(cut_text.data() - a_.input.data());
      a_.removed.push_back({Span{b, b + static_cast<uint32_t>(cut_text.size())}, std::string(kind)});
    }
    l.kb = cut + static_cast<uint32_t>(LineShape::LeadingSpace(In(cut, l.ke)));
  }
  // Cuts the kept part from byte offset `from` (relative to the kept part).
  void DropSuffix(Line& l, size_t from, std::string_view kind) {
    uint32_t cut = l.kb + static_cast<uint32_t>(from);
    std::string_view cut_text = LineShape::Trim(In(cut, l.ke));
    if (!cut_text.empty()) {
      uint32_t b = static_cast<uint32_t>(cut_text.data() - a_.input.data());
      a_.removed.push_back({Span{b, b + static_cast<uint32_t>(cut_text.size())}, std::string(kind)});
    }
    l.ke = l.kb + static_cast<uint32_t>(LineShape::Trim(In(l.kb, cut)).size());
  }

  // Correction lines that follow each other ("Correction: October 2,
  // 2031" then the text) are one correction.
  void MergeCorrections() {
    std::vector<ArticleCorrection>& c = a_.corrections;
    std::sort(c.begin(), c.end(), [](const auto& x, const auto& y) { return x.input.begin < y.input.begin; });
    std::vector<ArticleCorrection> merged;
    for (ArticleCorrection& next : c) {
      if (!merged.empty() && LineShape::Trim(In(merged.back().input.end, next.input.begin)).empty()) {
        merged.back().input.end = next.input.end;
        merged.back().text += " " + next.text;
      } else {
        merged.push_back(std::move(next));
      }
    }
    c = std::move(merged);
  }

  // --- Metadata ----------------------------------------------------------

  void SetOutlet(std::string_view outlet) {
    if (a_.outlet.empty()) a_.outlet = std::string(LineShape::Trim(outlet));
  }
  void SetAuthors(const std::vector<std::string>& authors) {
    if (a_.authors.empty()) a_.authors = authors;
  }
  void SetDate(const std::string& iso, std::string_view evidence) {
    if (a_.published.empty()) a_.published = {iso, std::string(LineShape::Trim(evidence))};
  }
  void SetWire(const std::string& agency, bool own_credit) {
    if (!agency.empty() && a_.wire.empty()) {
      a_.wire = agency;
      wire_is_own_credit_ = own_credit;
    }
  }

  // --- Passes ------------------------------------------------------------

  // "Jane Doe" next to a bare "Published by" / "By" label.
  void LabelledBylines() {
    size_t limit = std::max<size_t>(kHeadLines, lines_.size() / 3);
    for (size_t i = 0; i < lines_.size() && i < limit; ++i) {
      if (!BylineParser::IsLabel(Kept(lines_[i]))) continue;
      for (size_t j : {i - 1, i + 1}) {  // i - 1 wraps to a huge index at 0
        if (j >= lines_.size() || !lines_[j].kept()) continue;
        std::string_view name = Kept(lines_[j]);
        if (!LineShape::IsPersonName(name) || LineShape::WordCount(name) > 4) continue;
        SetAuthors({std::string(name)});
        Drop(lines_[j], "byline");
        break;
      }
      Drop(lines_[i], "byline");
    }
  }

  // A date at the start of a head line: "date 2025-07-11 ...", "Published:
  // July 10, 2025", or a line that is only a date. Returns true when cut.
  bool HeadDate(Line& l) {
    std::string_view s = Kept(l);
    size_t label = 0;
    for (std::string_view p :
         {"date", "published on", "published", "updated", "posted on", "posted", "last updated", "first published"}) {
      if (LineShape::StartsWithNoCase(s, p) && s.size() > p.size() && (s[p.size()] == ' ' || s[p.size()] == ':')) {
        label = p.size();
        break;
      }
    }
    size_t start = label;
    while (start < s.size() && (s[start] == ' ' || s[start] == ':')) ++start;
    std::optional<DateMatch> d = DateParser::FindAtStart(s.substr(start));
    if (!d) return false;
    size_t end = start + d->end;
    bool whole = LineShape::Trim(s.substr(end)).empty() ||
                 (s.size() < kMaxDateLineBytes && DateParser::ParseWhole(s).has_value());
    bool numeric = std::isdigit(static_cast<unsigned char>(s[start])) != 0;
    if (!whole && label == 0 && !numeric) return false;
    SetDate(d->iso, s.substr(0, end));
    if (whole && s.size() < kMaxDateLineBytes && DateParser::ParseWhole(s)) end = s.size();
    DropPrefix(l, end, "date");
    return true;
  }

  void ApplySlashHeader(Line& l, const SlashHeader& h) {
    for (const HeaderField& f : h.fields) {
      if (f.kind == "title" && a_.title.empty()) a_.title = f.value;
      if (f.kind == "header") SetOutlet(f.value);
      if (f.kind == "byline" && a_.authors.empty()) a_.authors = {f.value};
      if (f.kind == "dateline") header_place_ = f.value;
      uint32_t b = l.kb + static_cast<uint32_t>(f.begin);
      std::string_view t = LineShape::Trim(In(b, l.kb + static_cast<uint32_t>(f.end)));
      while (!t.empty() && t.back() == '/') t = LineShape::Trim(t.substr(0, t.size() - 1));
      uint32_t tb = static_cast<uint32_t>(t.data() - a_.input.data());
      a_.removed.push_back({Span{tb, tb + static_cast<uint32_t>(t.size())}, f.kind});
    }
    uint32_t body = l.kb + static_cast<uint32_t>(h.body_begin);
    l.kb = std::min(body, l.ke);
    slash_standfirst_ = l.kept();
  }

  // Masthead, date, title, byline, standfirst: returns the first body line.
  size_t Head() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (!l.kept()) continue;
      if (i == 0) {
        if (auto h = SiteHeaderParser::ParseSlashHeader(Kept(l))) {
          ApplySlashHeader(l, *h);
          if (l.kept()) return i;
          continue;
        }
      }
      if (HeadDate(l) && !l.kept()) continue;
      std::string_view s = Kept(l);
      if (auto outlet = SiteHeaderParser::ParseDomainHeader(s); outlet && !seen_title_) {
        SetOutlet(*outlet);
        Drop(l, "header");
        continue;
      }
      if (auto b = BylineParser::Parse(s)) {
        SetAuthors(b->authors);
        if (!b->outlet.empty()) SetOutlet(b->outlet);
        if (!b->date_iso.empty()) SetDate(b->date_iso, b->date_text);
        Drop(l, "byline");
        continue;
      }
      std::string_view kind = CrumbClassifier::Classify(s);
      if (!kind.empty()) {
        Drop(l, kind);
        continue;
      }
      if (CutDateline(l)) return i;
      if (LineShape::IsProse(s) || StartsText(s)) return i;
      if (!seen_title_ && LineShape::IsHeadline(s)) {
        seen_title_ = true;
        if (a_.title.empty()) {
          a_.title = std::string(s);
          title_from_text_ = true;
        }
        Drop(l, "title");
        continue;
      }
      if (seen_title_ && LineShape::WordCount(s) >= kMinStandfirstWords) return i;
      Drop(l, "header");
    }
    return lines_.size();
  }

  // A short sentence ("It was inevitable.") or a lead-in ending in ":" or
  // "," opens the text as surely as a long paragraph does.
  static bool StartsText(std::string_view s) {
    size_t words = LineShape::WordCount(s);
    if (LineShape::EndsSentence(s)) return words >= 1;
    return (s.back() == ':' || s.back() == ',') && words >= 2;
  }

  // Cuts a dateline opening `l`. Returns true when one was found.
  bool CutDateline(Line& l) {
    std::optional<Dateline> d = DatelineParser::Parse(Kept(l));
    if (!d) return false;
    dateline_seen_ = true;
    std::string agency = WireAgencies::Canonical(d->credit);
    if (!agency.empty()) {
      SetWire(agency, true);
    } else if (!d->credit.empty()) {
      SetOutlet(d->credit);
    }
    if (!d->place.empty() && a_.dateline.empty()) a_.dateline = d->place;
    DropPrefix(l, d->length, "dateline");
    return true;
  }

  // Removes a doubled caption: a line, then the same line with a credit.
  bool DoubledCaption(size_t i) {
    size_t j = i + 1;
    while (j < lines_.size() && !lines_[j].kept()) ++j;
    if (j >= lines_.size()) return false;
    std::string_view first = Kept(lines_[i]);
    std::string_view second = Kept(lines_[j]);
    if (second.size() <= first.size() || second.substr(0, first.size()) != first) return false;
    if (!CrumbClassifier::IsPhotoCredit(second.substr(first.size()))) return false;
    Drop(lines_[i], "caption");
    Drop(lines_[j], "caption");
    return true;
  }

  bool RepeatsTitle(std::string_view s) const {
    if (a_.title.empty() || !LineShape::IsHeadline(s)) return false;
    std::vector<std::string> t = LineShape::Terms(a_.title);
    std::vector<std::string> u = LineShape::Terms(s);
    std::set<std::string> ts(t.begin(), t.end());
    std::set<std::string> us(u.begin(), u.end());
    size_t common = 0;
    for (const std::string& w : us) common += ts.count(w);
    // Short titles ("NEW YORK |") share words with too much by chance.
    if (ts.size() < 4 || us.size() > 2 * ts.size()) return false;
    size_t smaller = std::min(ts.size(), us.size());
    return static_cast<double>(common) / static_cast<double>(smaller) >= kTitleOverlap;
  }

  // "- Label: value" bullets without sentences, and the heading above them.
  bool IsFactLine(std::string_view s) const {
    bool bullet = s.starts_with("- ") || s.starts_with("* ") || s.starts_with("\xE2\x80\xA2 ");
    size_t colon = s.find(':');
    return bullet && colon != std::string_view::npos && colon < 40 && !LineShape::EndsSentence(s) &&
           LineShape::WordCount(s) <= 15;
  }

  void FactBoxes(size_t from) {
    for (size_t i = from; i < lines_.size(); ++i) {
      size_t j = i;
      while (j < lines_.size() && lines_[j].kept() && IsFactLine(Kept(lines_[j]))) ++j;
      if (j - i < 2) continue;
      size_t h = i;
      while (h > from && !lines_[h - 1].kept()) --h;
      if (h > from) {
        std::string_view head = Kept(lines_[h - 1]);
        if (!LineShape::IsProse(head) && LineShape::WordCount(head) <= 8) Drop(lines_[h - 1], "factbox");
      }
      for (size_t k = i; k < j; ++k) Drop(lines_[k], "factbox");
      i = j;
    }
  }

  void Body(size_t first) {
    FactBoxes(first);
    size_t body_lines = 0;
    std::string_view previous;
    for (size_t i = first; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (!l.kept()) continue;
      if (i < kHeadLines && HeadDate(l) && !l.kept()) continue;
      // A caption run into the paragraph after it ends at its credit.
      if (size_t n = PhotoCredit::CaptionPrefixLength(Kept(l))) DropPrefix(l, n, "caption");
      std::string_view s = Kept(l);
      std::string_view kind = CrumbClassifier::Classify(s);
      // A lone lower-case word inside an unfinished sentence is a broken line.
      if (kind == "tracking" && !previous.empty() && !LineShape::EndsSentence(previous)) kind = "";
      if (!kind.empty()) {
        Drop(l, kind);
        continue;
      }
      if (auto c = CreditParser::ParseContribution(s)) {
        SetWire(c->agency, false);
        Drop(l, "credit");
        continue;
      }
      if (auto c = CreditParser::ParseClosing(s); c && c->begin == 0) {
        SetWire(c->agency, true);
        Drop(l, "wire");
        continue;
      }
      if (DoubledCaption(i)) continue;
      if (s == previous) {
        Drop(l, "duplicate");
        continue;
      }
      if (i < kHeadLines) {
        if (auto b = BylineParser::Parse(s)) {
          SetAuthors(b->authors);
          if (!b->outlet.empty()) SetOutlet(b->outlet);
          Drop(l, "byline");
          continue;
        }
        if (auto iso = s.size() < kMaxDateLineBytes ? DateParser::ParseWhole(s) : std::nullopt) {
          SetDate(*iso, s);
          Drop(l, "date");
          continue;
        }
      }
      if (RepeatsTitle(s)) {
        Drop(l, "title");
        continue;
      }
      if (body_lines < kDatelineBodyLines && a_.dateline.empty() && !dateline_seen_) {
        CutDateline(l);
        s = Kept(l);
      }
      if (size_t n = GluedHeading::Length(s)) {
        DropPrefix(l, n, "subheading");
        s = Kept(l);
      }
      previous = s;
      ++body_lines;
    }
    MediaCaptions(first);
    Standfirst(first);
  }

  size_t KeptWords(const Line& l) const { return LineShape::WordCount(Kept(l), kMaxMediaCaptionWords + 1); }

  // The title and caption of a video or photo block: the one or two
  // short lines above a parenthesized stamp ("(Published Monday, Nov.
  // 19, 2031)") when furniture or a headline-shaped title tops them, and
  // the headline-shaped line right under a media label ("Video",
  // "Watch", "Now Playing").
  void MediaCaptions(size_t first) {
    for (size_t i = first; i < lines_.size(); ++i) {
      if (lines_[i].kept()) continue;
      if (IsMediaLabel(lines_[i])) {
        size_t j = NextKept(i);
        if (j < lines_.size() && LineShape::IsHeadline(Kept(lines_[j])) &&
            KeptWords(lines_[j]) <= kMaxMediaCaptionWords) {
          Drop(lines_[j], "caption");
        }
        continue;
      }
      std::string_view text = In(lines_[i].begin, lines_[i].end);
      if (lines_[i].why != "date" || text.front() != '(') continue;
      // Walk back over the caption lines the stamp closes, up to the
      // furniture above them (or the head).
      std::vector<size_t> caption;
      bool bounded = false;
      for (size_t j = i; j-- > 0;) {
        if (j < first || (!lines_[j].kept() && IsFurnitureAbove(lines_[j]))) {
          bounded = true;
          break;
        }
        if (!lines_[j].kept()) continue;
        if (caption.size() == kMaxMediaCaptionLines || KeptWords(lines_[j]) > kMaxMediaCaptionWords) break;
        caption.push_back(j);
      }
      // A video block's title tops it: a headline-shaped line.
      if (!caption.empty() && LineShape::IsHeadline(Kept(lines_[caption.back()]))) bounded = true;
      if (!bounded || caption.empty() || NextKept(i) >= lines_.size()) continue;  // never the story's last lines
      for (size_t j : caption) Drop(lines_[j], "caption");
    }
  }

  // "Video", "Watch", "Now Playing": a line announcing a player.
  bool IsMediaLabel(const Line& l) const {
    // A player line that carries its own caption labels nothing below it.
    if (l.why == "media")
      return LineShape::WordCount(In(l.begin, l.end), kMaxMediaLabelWords + 1) <= kMaxMediaLabelWords;
    if (l.why != "nav") return false;
    std::string lower = LineShape::Lower(In(l.begin, l.end));
    while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
    for (std::string_view w : {"video", "watch", "watch video", "play video", "photo", "photos", "gallery", "listen"}) {
      if (lower == w) return true;
    }
    return false;
  }

  static bool IsFurnitureAbove(const Line& l) {
    for (std::string_view k : {"media", "caption", "nav", "title", "header", "byline", "date", "prompt"}) {
      if (l.why == k) return true;
    }
    return false;
  }

  size_t NextKept(size_t i) const {
    size_t j = i + 1;
    while (j < lines_.size() && !lines_[j].kept()) ++j;
    return j;
  }

  // A standfirst (dek): the line or two between the title and a byline or
  // date line further down the head ("Title / dek / photo / By Ana Ruiz /
  // story"), and the prose a slash masthead ends with when the story
  // follows it. The byline below it proves the dek is not the lead.
  void Standfirst(size_t first) {
    if (first >= lines_.size()) return;
    if (slash_standfirst_ && first == 0 && lines_[0].kept() && NextKept(0) < lines_.size()) {
      Drop(lines_[0], "standfirst");
      return;
    }
    if (!seen_title_ && a_.title.empty()) return;
    size_t closing = lines_.size();
    for (size_t i = first + 1; i < lines_.size() && i < kHeadLines; ++i) {
      if (!lines_[i].kept() && (lines_[i].why == "byline" || lines_[i].why == "date")) closing = i;
    }
    if (closing == lines_.size() || NextKept(closing) >= lines_.size()) return;
    std::vector<size_t> dek;
    for (size_t i = first; i < closing; ++i) {
      if (lines_[i].kept()) dek.push_back(i);
    }
    if (dek.empty() || dek.size() > kMaxStandfirstLines) return;
    for (size_t i : dek) {
      if (LineShape::WordCount(Kept(lines_[i]), kMaxStandfirstWords + 1) > kMaxStandfirstWords) return;
    }
    for (size_t i : dek) Drop(lines_[i], "standfirst");
  }

  // Footer furniture after the last sentence, and a closing wire credit.
  // Four or more short trailing lines, most without links, are a list that
  // belongs to the story (results, a table) and stay.
  void Tail() {
    std::vector<size_t> run;
    size_t last = lines_.size();
    for (size_t i = lines_.size(); i-- > 0;) {
      if (!lines_[i].kept()) continue;
      if (!IsFooterShape(Kept(lines_[i]))) {
        last = i;
        break;
      }
      run.push_back(i);
    }
    if (last == lines_.size() && !run.empty()) run.pop_back();  // never the only text
    size_t links =
        static_cast<size_t>(std::count_if(run.begin(), run.end(), [&](size_t i) { return HasLink(Kept(lines_[i])); }));
    bool list = run.size() >= kMinTailList && 2 * links < run.size();
    for (size_t i : run) {
      if (!list || HasLink(Kept(lines_[i]))) Drop(lines_[i], "footer");
    }
    if (last == lines_.size() || list) return;
    Line& l = lines_[last];
    if (auto c = CreditParser::ParseClosing(Kept(l)); c && c->begin > 0) {
      SetWire(c->agency, true);
      DropSuffix(l, c->begin, "wire");
    }
  }

  static bool IsFooterShape(std::string_view s) {
    return !LineShape::EndsSentence(s) && LineShape::WordCount(s) <= kMaxFooterWords &&
           (s.size() <= kMaxFooterBytes || HasLink(s));
  }

  static bool HasLink(std::string_view s) {
    if (s.find("http") != std::string_view::npos || s.find('@') != std::string_view::npos) return true;
    for (std::string_view w : LineShape::Words(s)) {
      if (SiteHeaderParser::IsDomain(w)) return true;
    }
    return false;
  }

  size_t KeptLines() const {
    return static_cast<size_t>(std::count_if(lines_.begin(), lines_.end(), [](const Line& l) { return l.kept(); }));
  }

  // Lines this outlet used in earlier articles; never the whole body.
  void Repeated() {
    if (a_.outlet.empty()) return;
    if (evidence_ != nullptr) {
      evidence_->check_outlet = a_.outlet;
      for (const Line& l : lines_) {
        if (l.kept()) evidence_->kept.push_back(BoilerplateMemory::Hash(Kept(l)));
      }
    }
    std::vector<size_t> hits;
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].kept() && memory_.IsRepeated(a_.outlet, Kept(lines_[i]))) hits.push_back(i);
    }
    if (hits.size() >= KeptLines()) return;
    for (size_t i : hits) Drop(lines_[i], "repeated");
  }

  void FinishMetadata() {
    if (a_.dateline.empty() && !header_place_.empty()) a_.dateline = header_place_;
    // A copy whose only source named is an agency's own credit ("... (ANI)",
    // "LONDON (Reuters) -") is that agency's copy.
    if (a_.outlet.empty() && wire_is_own_credit_) a_.outlet = a_.wire;
  }

  void Assemble() {
    for (const Line& l : lines_) {
      if (!l.kept()) continue;
      if (!a_.text.empty()) a_.text += "\n\n";
      if (UnicodeText::IsNfc(Kept(l))) {
        Append(l.kb, Kept(l));
      } else {
        AppendNfc(l.kb, Kept(l));
      }
    }
  }

  void Append(uint32_t in_begin, std::string_view piece) {
    a_.offsets.Add(static_cast<uint32_t>(a_.text.size()), in_begin, static_cast<uint32_t>(piece.size()));
    a_.text += piece;
  }

  // The body is NFC. Normalization never reaches across a space, so each
  // word is normalized alone: unchanged words map exactly, a changed word
  // maps to the start of its input word.
  void AppendNfc(uint32_t in_begin, std::string_view piece) {
    size_t pos = 0;
    while (pos < piece.size()) {
      size_t end = piece.find(' ', pos + 1);
      if (end == std::string_view::npos) end = piece.size();
      std::string_view word = piece.substr(pos, end - pos);
      uint32_t in = in_begin + static_cast<uint32_t>(pos);
      if (UnicodeText::IsNfc(word)) {
        Append(in, word);
      } else {
        std::string nfc = UnicodeText::Nfc(word);
        a_.offsets.Add(static_cast<uint32_t>(a_.text.size()), in, 1);
        a_.text += nfc;
      }
      pos = end;
    }
  }

  Article& a_;
  const BoilerplateMemory& memory_;
  BoilerplateEvidence* evidence_;  // null unless the caller keeps the memory (TextCleaner::Clean)
  std::vector<Line> lines_;
  std::string header_place_;
  bool seen_title_ = false;
  bool title_from_text_ = false;
  bool dateline_seen_ = false;
  bool wire_is_own_credit_ = false;
  bool slash_standfirst_ = false;  // line 0 keeps the standfirst of a slash masthead
};

}  // namespace

TextCleaner::TextCleaner() : memory_(std::make_shared<BoilerplateMemory>()) {}
TextCleaner::TextCleaner(std::shared_ptr<BoilerplateMemory> memory) : memory_(std::move(memory)) {}

Status TextCleaner::Clean(Article* article, BoilerplateEvidence* evidence) {
  if (evidence != nullptr) *evidence = BoilerplateEvidence();
  CleanPass pass(article, *memory_, evidence);
  Status st = pass.Run();
  if (evidence == nullptr) {
    memory_->Learn(article->outlet, pass.AllLines());
  } else {
    evidence->cleaned = true;
    evidence->learn_outlet = article->outlet;
    evidence->lines = BoilerplateMemory::DistinctHashes(pass.AllLines());
  }
  return st;
}

}  // namespace storyfuse
