#include "analyze/quote_extractor.h"

#include <cctype>

#include "analyze/quote_finder.h"
#include "analyze/quote_piece_features.h"
#include "ingest/crumb_classifier.h"
#include "ingest/line_shape.h"
#include "text/ascii_chars.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = IsAsciiSpace(c);
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

bool IsSmallWord(std::string_view w) {
  static const char* const kWords[] = {"with",  "from", "into",  "over", "that", "this",  "than",  "upon",
                                       "about", "your", "their", "what", "when", "where", "under", "after"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// Calls fn on each white-space separated word of `s` until it returns
// false; returns false when it stopped early.
template <typename Fn>
bool ForEachWord(std::string_view s, Fn&& fn) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && !IsAsciiSpace(s[i])) ++i;
    if (i == b) break;
    if (!fn(s.substr(b, i - b))) return false;
  }
  return true;
}

// True when most words of four or more letters start with a capital: the
// shape of a title or a name, not of speech.
bool LooksLikeTitle(std::string_view s) {
  size_t long_words = 0, capitalized = 0, words = 0;
  ForEachWord(s, [&](std::string_view w) {
    ++words;
    size_t letters = 0;
    for (char c : w) letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letters < 4 || IsSmallWord(w)) return true;
    ++long_words;
    if (w[0] >= 'A' && w[0] <= 'Z') ++capitalized;
    return true;
  });
  return words <= 10 && long_words >= 2 && capitalized == long_words;
}

// "Fox and Friends", "Fox & Friends": two or more capitalized words joined
// only by short function words, up to six words.
bool LooksLikeShortName(std::string_view s) {
  static const char* const kJoiners[] = {"and", "&", "of", "the", "for", "in", "on", "a", "to", "with", "at"};
  size_t words = 0, capitalized = 0;
  bool joined = ForEachWord(s, [&](std::string_view w) {
    ++words;
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') {
      ++capitalized;
      return true;
    }
    bool joiner = false;
    for (const char* j : kJoiners) joiner = joiner || w == j;
    return joiner;
  });
  return joined && words <= 6 && capitalized >= 2;
}

// The lower-cased word ending just before byte `pos` (within its line).
std::string WordBefore(std::string_view text, size_t* pos) {
  size_t e = *pos;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  size_t b = e;
  while (b > 0 && !IsAsciiSpace(text[b - 1])) --b;
  *pos = b;
  return AsciiLower(text.substr(b, e - b));
}

// Nouns of works and of the people who make or host them: a title-shaped
// piece after one ("the podcast “So, Then”", "host of “Late Talk”") names
// a work, not words someone said.
bool IsWorkNoun(std::string_view w) {
  static const char* const kWords[] = {
      "show",    "shows",       "program",  "programme", "podcast", "book",      "books",  "memoir", "novel",  "movie",
      "film",    "documentary", "series",   "sitcom",    "episode", "broadcast", "album",  "song",   "anthem", "play",
      "musical", "column",      "magazine", "newspaper", "channel", "network",   "host",   "hosts",  "author", "star",
      "edition", "segment",     "classic",  "drama",     "comedy",  "blog",      "website"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// The piece is named as a work or venue by the words before it: a
// possessive ("ABC's “…”"), a work noun among the three words before
// ("the HuffPost podcast “…”", "episode of “…”"), or "on", "at", "via"
// ("appeared on “…”").
bool NamedAsWork(std::string_view text, const QuotePiece& piece) {
  size_t pos = piece.outer.begin;
  if (pos <= piece.paragraph.begin) return false;
  std::string w = WordBefore(text, &pos);
  while (!w.empty() && (w.back() == ',' || w.back() == ':')) w.pop_back();
  if (w.ends_with("'s") || w.ends_with("\xE2\x80\x99s")) return true;
  if (w == "on" || w == "at" || w == "via") return true;
  for (int k = 0; k < 3 && !w.empty(); ++k) {
    if (IsWorkNoun(w)) return true;
    if (pos <= piece.paragraph.begin) break;
    w = WordBefore(text, &pos);
  }
  return false;
}

// Quotation marks inside a piece with a cue verb between them ("…," she
// said. "…"): the piece spans two quotations and the attribution between
// them, typed with mixed marks. No annotator marks such a span as one
// quote.
bool HoldsAnAttribution(std::string_view words) {
  static const char* const kCues[] = {"said",  "says",      "told",      "asked",    "added",
                                      "wrote", "continued", "explained", "according"};
  auto is_mark = [&](size_t i) {
    return words[i] == '"' || (words.compare(i, 3, "\xE2\x80\x9C") == 0 || words.compare(i, 3, "\xE2\x80\x9D") == 0);
  };
  constexpr size_t kMaxBetween = 80;  // bytes of an attribution between two marks
  size_t last = std::string_view::npos;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!is_mark(i)) continue;
    if (last != std::string_view::npos && i - last < kMaxBetween) {
      std::string_view between = words.substr(last, i - last);
      for (const char* c : kCues) {
        size_t at = between.find(c);
        size_t n = std::string_view(c).size();
        if (at != std::string_view::npos && at > 0 && between[at - 1] == ' ' &&
            (at + n == between.size() || !std::isalpha(static_cast<unsigned char>(between[at + n])))) {
          return true;
        }
      }
    }
    last = i;
  }
  return false;
}

// A show, paper or work named where one appears or is told: "told “Fox
// and Friends”", "appeared on “Meet the Press”", "an interview with “The
// Daily Show”".
bool NamesAVenue(std::string_view text, const QuotePiece& piece) {
  size_t pos = piece.outer.begin;
  std::string w = WordBefore(text, &pos);
  bool venue = w == "on" || w == "told" || w == "with" || w == "to" || w == "in" || w == "at" || w == "via";
  return venue && LooksLikeShortName(piece.text.In(text));
}

// “The Harbor to close in May,” by Jane Roe: the headline of a work and
// its byline.
bool HeadlineWithByline(std::string_view text, const QuotePiece& piece) {
  // The comma sets the byline apart ("…,” by Jane Roe), unlike a passive's
  // agent ("“raised for these times” by God").
  std::string_view words = piece.text.In(text);
  bool comma = !words.empty() && words.back() == ',';
  size_t i = piece.outer.end;
  if (i < text.size() && text[i] == ',') {
    comma = true;
    ++i;
  }
  while (i < text.size() && text[i] == ' ') ++i;
  if (!comma || text.substr(i, 3) != "by ") return false;
  return i + 3 < text.size() && text[i + 3] >= 'A' && text[i + 3] <= 'Z';
}

// True when the piece opens its paragraph or follows ". ", ": " or ", ".
bool StartsSentence(std::string_view text, const QuotePiece& piece) {
  size_t i = piece.outer.begin;
  while (i > piece.paragraph.begin && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i == piece.paragraph.begin) return true;
  char c = text[i - 1];
  return c == '.' || c == ':' || c == '!' || c == '?';
}

// Straight marks paired the wrong way round: the "opening" mark was a
// closing one (the piece starts with a space: 'his systems" including …'),
// a curly opening mark inside is never closed ('"his “personal notes.
// The …'), or follows a stray closing one ('"notes” and the “papers.”'),
// showing that a quotation starts within it. The piece
// spans text between two quotations, not a quotation. Curly marks that
// pair up are a quotation nested in a block quote ('"The law isn’t about
// “Equal Justice” at all…'), and a curly closing mark alone is one
// quotation typed with mixed marks ('"more hours” before'): both stay.
bool MispairedStraightMarks(std::string_view words, const QuotePiece& piece) {
  if (piece.mark != QuoteMark::kStraightDouble || words.empty()) return false;
  if (words[0] == ' ' || words[0] == '\t') return true;
  int depth = 0;
  bool stray_close = false;  // a ” with no “ before it
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    if (words.compare(i, 3, "\xE2\x80\x9C") == 0) {
      if (stray_close) return true;  // '"notes” and the “papers.”': two quotations
      ++depth;
    }
    if (words.compare(i, 3, "\xE2\x80\x9D") == 0) {
      if (depth == 0) stray_close = true;
      depth = depth > 0 ? depth - 1 : 0;
    }
  }
  return depth > 0;
}

// A whole paragraph in quotation marks that is page furniture ("Follow X
// on Twitter @x."): some scrapes quote such lines.
bool QuotedCrumb(std::string_view text, const QuotePiece& piece) {
  std::string_view paragraph = LineShape::Trim(piece.paragraph.In(text));
  std::string_view outer = piece.outer.In(text);
  return paragraph == outer && !CrumbClassifier::Classify(piece.text.In(text)).empty();
}

}  // namespace

QuoteExtractor::QuoteExtractor(Options options) : options_(options) {
  if (options_.rank_speakers) {
    resolver_.set_model(options_.speaker_model != nullptr ? options_.speaker_model : SpeakerModel::Shipped());
  }
  if (options_.classify_pieces) {
    piece_model_ = options_.piece_model != nullptr ? options_.piece_model : QuotePieceModel::Shipped();
  }
}

uint32_t QuoteExtractor::Rules(std::string_view text, const QuotePiece& piece, const Attribution& a) const {
  std::string_view words = piece.text.In(text);
  uint32_t r = 0;
  auto fire = [&r](QuoteRule rule) { r |= 1u << static_cast<int>(rule); };
  if (CountWords(words) < options_.min_words) fire(QuoteRule::kTooShort);
  bool letters = false;
  for (char c : words)
    letters = letters || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              static_cast<unsigned char>(c) >= 0x80;
  if (!letters) fire(QuoteRule::kNoLetters);
  if (piece.outer.begin > 0 && text[piece.outer.begin - 1] == '=') fire(QuoteRule::kMarkupValue);
  if (MispairedStraightMarks(words, piece)) fire(QuoteRule::kMispairedMarks);
  if (HoldsAnAttribution(words)) fire(QuoteRule::kTwoQuotations);
  if (QuotedCrumb(text, piece)) fire(QuoteRule::kQuotedCrumb);
  if (piece.mark == QuoteMark::kSingle && !a.cue_adjacent) fire(QuoteRule::kSingleWithoutCue);
  // ''…'' is found so that the single marks inside stay inside, but not
  // reported: the PolNeAR metric our figures rest on reads only “…” and
  // "…" (its NYT articles write ''…'', which would all score as false
  // positives; docs/quotes.md).
  if (piece.mark == QuoteMark::kDoubleApostrophe) fire(QuoteRule::kDoubleApostrophe);
  // A title is kept as a sentence of its own with a cue ("“Make Roads
  // Great,” Roe said") and wherever nothing names it as a work or venue:
  // annotators count chants, signs and slogans ("chanting “Feel the Bern”").
  if (LooksLikeTitle(words) && NamedAsWork(text, piece) &&
      !((a.cue_adjacent || a.split_continuation) && StartsSentence(text, piece))) {
    fire(QuoteRule::kTitleOfWork);
  }
  if (NamesAVenue(text, piece)) fire(QuoteRule::kVenue);
  if (HeadlineWithByline(text, piece)) fire(QuoteRule::kHeadlineByline);
  return r;
}

uint32_t QuoteExtractor::Applied() const { return ~options_.disabled_rules; }

std::vector<JudgedPiece> QuoteExtractor::Judge(std::string_view text) {
  std::vector<QuotePiece> pieces = QuoteFinder::Find(text);
  std::vector<Attribution> attributions = resolver_.Resolve(text, pieces);
  std::vector<JudgedPiece> out;
  out.reserve(pieces.size());
  for (size_t i = 0; i < pieces.size(); ++i) {
    out.push_back({pieces[i], attributions[i], Rules(text, pieces[i], attributions[i])});
  }
  if (piece_model_ == nullptr) return out;
  // The classifier reads only pieces the applied rules keep (its training
  // examples; and it spares the cost of features for the rest).
  const uint32_t applied = Applied();
  PieceArticle article;
  for (const JudgedPiece& j : out) {
    if ((j.rules & applied) == 0) article.Count(j.attribution);
  }
  for (JudgedPiece& j : out) {
    if ((j.rules & applied) != 0 || !QuotePieceFeatures::Judges(text, j.piece, j.attribution)) continue;
    double p = piece_model_->Probability(QuotePieceFeatures::Compute(text, j.piece, j.attribution, article));
    if (!piece_model_->Keeps(p)) j.rules |= 1u << static_cast<int>(QuoteRule::kPieceModel);
  }
  return out;
}

std::vector<Quote> QuoteExtractor::Extract(std::string_view text) {
  std::vector<Quote> out;
  uint32_t applied = Applied();
  for (const JudgedPiece& j : Judge(text)) {
    if (j.rules & applied) continue;
    const Attribution& a = j.attribution;
    out.push_back({j.piece.text, a.mention, a.speaker, a.cue, a.kind, a.cue_adjacent});
  }
  return out;
}

const char* QuoteRuleName(QuoteRule rule) {
  static const char* const kNames[] = {"too-short",      "no-letters",   "markup-value",       "mispaired-marks",
                                       "two-quotations", "quoted-crumb", "single-without-cue", "double-apostrophe",
                                       "title-of-work",  "venue",        "headline-byline",    "piece-model"};
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<size_t>(QuoteRule::kCount));
  return rule < QuoteRule::kCount ? kNames[static_cast<int>(rule)] : "?";
}

}  // namespace storyfuse
