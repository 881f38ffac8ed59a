#include "brief/quote_table.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "text/unicode_text.h"

namespace storyfuse {
namespace {

constexpr size_t kMaxQuotes = 30;
// Share of the shorter quote's word bigrams found in the longer one for the
// two to be one quote, cut or worded differently.
constexpr double kSameQuote = 0.5;

// Word bigrams of the folded quote: wording, not vocabulary, tells two
// quotes apart (any long quote holds the words of a short one).
std::set<std::string> Bigrams(std::string_view text) {
  std::vector<std::string> words(1);
  for (char c : UnicodeText::Fold(text)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      words.back() += c;
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  std::set<std::string> bigrams;
  for (size_t i = 1; i < words.size(); ++i) bigrams.insert(words[i - 1] + " " + words[i]);
  return bigrams;
}

// Share of the shorter quote's bigrams found in the longer one.
double Overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  const auto& small = a.size() < b.size() ? a : b;
  const auto& large = a.size() < b.size() ? b : a;
  if (small.size() < 2) return 0;
  size_t shared = 0;
  for (const auto& w : small) shared += large.count(w);
  return static_cast<double>(shared) / small.size();
}

struct Group {
  std::set<std::string> words;  // bigrams of the longest variant
  BriefQuote quote;
  std::map<std::string, int> speakers;  // canonical speaker -> votes
  size_t first_seen;
};

// The entity a speaker name belongs to, by name or alias; else the name.
std::string Canonical(const std::string& speaker, const std::vector<BriefEntity>& entities) {
  if (speaker.empty()) return speaker;
  for (const auto& e : entities) {
    if (e.type != "person") continue;
    if (e.name == speaker || std::find(e.aliases.begin(), e.aliases.end(), speaker) != e.aliases.end()) return e.name;
  }
  return speaker;
}

void AddToGroup(Group* g, const std::string& id, const std::string& text, const std::string& speaker) {
  bool new_source = std::find(g->quote.sources.begin(), g->quote.sources.end(), id) == g->quote.sources.end();
  if (new_source) {
    g->quote.sources.push_back(id);
    g->quote.variants.push_back({text, id});
  }
  if (text.size() > g->quote.text.size()) {
    g->quote.text = text;
    g->words = Bigrams(text);
  }
  if (!speaker.empty()) ++g->speakers[speaker];
}

std::string TopSpeaker(const Group& g) {
  std::string best;
  int votes = 0;
  for (const auto& [name, n] : g.speakers) {
    if (n > votes) best = name, votes = n;
  }
  return best;
}

}  // namespace

std::vector<BriefQuote> QuoteTable::Build(const AlignedStory& v, const std::vector<BriefEntity>& entities) {
  std::vector<Group> groups;
  for (uint32_t a = 0; a < v.members().size(); ++a) {
    const Article& article = v.article(a);
    for (const Quote& q : extractor_.Extract(article.text)) {
      std::string text(q.text.In(article.text));
      std::set<std::string> words = Bigrams(text);
      std::string speaker = Canonical(q.speaker, entities);
      auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return Overlap(g.words, words) >= kSameQuote; });
      if (it == groups.end()) it = groups.insert(groups.end(), Group{words, {}, {}, groups.size()});
      AddToGroup(&*it, article.id, text, speaker);
    }
  }
  std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
    return a.quote.sources.size() > b.quote.sources.size();
  });
  std::vector<BriefQuote> out;
  for (Group& g : groups) {
    g.quote.speaker = TopSpeaker(g);
    out.push_back(std::move(g.quote));
    if (out.size() >= kMaxQuotes) break;
  }
  return out;
}

}  // namespace storyfuse
