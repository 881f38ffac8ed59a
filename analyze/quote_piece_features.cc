#include "analyze/quote_piece_features.h"

#include <algorithm>
#include <cctype>

#include "analyze/speaker_model.h"
#include "text/ascii_chars.h"

namespace storyfuse {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Bucket bounds: a value gets the index of the first bound above it. The
// bounds are coarse on purpose: a few hundred non-quotes on PolNeAR train
// cannot teach fine lengths.
int Bucket(size_t v, std::initializer_list<size_t> bounds) {
  int i = 0;
  for (size_t b : bounds) {
    if (v < b) return i;
    ++i;
  }
  return i;
}

// The word before byte `end` on its line (within [floor, end)), without
// trailing punctuation, lower-cased; "^" at the line start.
std::string WordBefore(std::string_view text, size_t floor, size_t end) {
  // Longer runs are no word worth learning, and bounding the scans keeps
  // the cost per piece constant (many pieces in one unbroken run).
  constexpr size_t kMaxScan = 64;
  floor = std::max(floor, end > 2 * kMaxScan ? end - 2 * kMaxScan : size_t{0});
  while (end > floor && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  size_t b = end;
  while (b > floor && !IsAsciiSpace(text[b - 1])) --b;
  if (b == end) return "^";
  std::string_view w = text.substr(b, end - b);
  while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
  return w.empty() ? "^" : AsciiLower(w);
}

// The class of the character: 'A' upper, 'a' lower, '0' digit, 'u' a
// non-ASCII byte, else the punctuation itself.
char Class(char c) {
  if (IsUpper(c)) return 'A';
  if (IsLower(c)) return 'a';
  if (c >= '0' && c <= '9') return '0';
  if (static_cast<unsigned char>(c) >= 0x80) return 'u';
  return c;
}

bool IsFirstPerson(std::string_view w) {
  static const char* const kWords[] = {"I",  "I'm", "I've", "I'll", "I'd", "we", "We",  "we're", "We're", "we've",
                                       "my", "My",  "our",  "Our",  "me",  "us", "you", "You",   "your",  "Your"};
  while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return w.starts_with("I\xE2\x80\x99") || w.starts_with("we\xE2\x80\x99") || w.starts_with("We\xE2\x80\x99");
}

class Emitter {
 public:
  Emitter(std::vector<uint64_t>* out, std::unordered_map<uint64_t, std::string>* names) : out_(out), names_(names) {}
  void Add(std::string_view name, std::string_view value = {}) {
    std::string full(name);
    if (!value.empty()) {
      full += '=';
      full += value;
    }
    uint64_t key = SpeakerFeatureId(full);
    out_->push_back(key);
    if (names_ != nullptr) (*names_)[key] = full;
  }
  void Add(std::string_view name, int value) { Add(name, std::to_string(value)); }

 private:
  std::vector<uint64_t>* out_;
  std::unordered_map<uint64_t, std::string>* names_;
};

}  // namespace

bool QuotePieceFeatures::Judges(std::string_view text, const QuotePiece& piece, const Attribution& a) {
  constexpr size_t kMinWords = 3;  // the metric's shortest quote
  if (!a.mention.empty() && a.mention.begin >= piece.text.begin && a.mention.end <= piece.text.end) return false;
  size_t words = 0;
  bool in = false;
  for (char c : piece.text.In(text)) {
    bool space = IsAsciiSpace(c);
    words += !space && !in;
    in = !space;
    if (words >= kMinWords) return true;
  }
  return false;
}

std::vector<uint64_t> QuotePieceFeatures::Compute(std::string_view text, const QuotePiece& piece, const Attribution& a,
                                                  const PieceArticle& article,
                                                  std::unordered_map<uint64_t, std::string>* names) {
  std::vector<uint64_t> out;
  Emitter f(&out, names);
  std::string_view words = piece.text.In(text);
  size_t n = 0, long_words = 0, capitalized = 0, first_person = 0, sentences = 0;
  size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && IsAsciiSpace(words[i])) ++i;
    size_t b = i;
    while (i < words.size() && !IsAsciiSpace(words[i])) ++i;
    if (i == b) break;
    std::string_view w = words.substr(b, i - b);
    ++n;
    first_person += IsFirstPerson(w);
    char last = w.back();
    if ((last == '.' || last == '?' || last == '!') && i < words.size()) ++sentences;
    size_t letters = 0;
    for (char c : w) letters += IsUpper(c) || IsLower(c);
    if (letters >= 4) {
      ++long_words;
      capitalized += IsUpper(w[0]);
    }
  }
  const int len = Bucket(n, {4, 5, 7, 10, 15, 25, 50});
  f.Add("bias");
  f.Add("words", len);
  f.Add("sentences", Bucket(sentences, {1, 2, 4}));
  f.Add("first", std::string(1, words.empty() ? '$' : Class(words.front())));
  f.Add("last", std::string(1, words.empty() ? '$' : Class(words.back())));
  // Share of capitalized long words in quarters, 4 = all of them (-1: none).
  int caps = long_words == 0 ? -1 : static_cast<int>(4 * capitalized / long_words);
  f.Add("caps", caps);
  f.Add("caps&words", std::to_string(caps) + "&" + std::to_string(len));
  f.Add("first_person", Bucket(first_person, {1, 2, 4}));
  f.Add("mark", static_cast<int>(piece.mark));
  if (piece.open) f.Add("open");
  if (piece.continues) f.Add("continues");
  const size_t para_b = piece.paragraph.begin, para_e = piece.paragraph.end;
  // Scans stop at the first other character: linear in the article
  // however many pieces share a paragraph.
  size_t k = piece.outer.begin;
  while (k > para_b && IsAsciiSpace(text[k - 1])) --k;
  const bool opens = k == para_b;
  k = piece.outer.end;
  while (k < para_e && IsAsciiSpace(text[k])) ++k;
  const bool closes = k == para_e;
  f.Add("place", std::string(opens ? "opens" : "mid") + (closes ? "&closes" : ""));
  f.Add("paragraph", Bucket(piece.paragraph_index, {1, 2, 4, 8}));
  // The character before the opening mark and after the closing one.
  size_t before = piece.outer.begin;
  while (before > para_b && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
  std::string prev_char(1, before > para_b ? Class(text[before - 1]) : '^');
  f.Add("prev_char", prev_char);
  std::string next_char(1, piece.outer.end < para_e ? Class(text[piece.outer.end]) : '$');
  f.Add("next_char", next_char);
  std::string prev = WordBefore(text, para_b, piece.outer.begin);
  f.Add("prev", prev);
  f.Add("prev&caps", prev + "&" + std::to_string(caps));
  // What the speaker rules found.
  int kind = static_cast<int>(a.kind);
  f.Add("kind", kind);
  f.Add("kind&words", std::to_string(kind) + "&" + std::to_string(len));
  f.Add("kind&caps", std::to_string(kind) + "&" + std::to_string(caps));
  if (a.cue_adjacent) f.Add("adjacent");
  if (a.split_continuation) f.Add("split");
  f.Add("speaker", a.speaker.empty() ? "none" : "named");
  if (!a.cue.empty()) f.Add("cue", AsciiLower(a.cue.In(text)));
  if (!a.mention.empty()) {
    size_t gap = a.mention.begin >= piece.outer.end   ? a.mention.begin - piece.outer.end
                 : a.mention.end <= piece.outer.begin ? piece.outer.begin - a.mention.end
                                                      : 0;
    f.Add("mention", std::string(a.mention.begin >= piece.outer.end ? "after" : "before") + "&" +
                         std::to_string(Bucket(gap, {8, 40, 120, 400})));
  }
  // The article: how many pieces, and in quarters how many are credited.
  size_t pieces = std::max<size_t>(article.pieces, 1);
  f.Add("article_pieces", Bucket(article.pieces, {2, 4, 8, 16, 32}));
  f.Add("article_adjacent", static_cast<int>(4 * article.adjacent / pieces));
  f.Add("article_credited", static_cast<int>(4 * article.credited / pieces));
  return out;
}

}  // namespace storyfuse
