#include "analyze/entity_linker.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "analyze/entity_cues.h"
#include "analyze/entity_mention_reader.h"
#include "analyze/entity_recognizer.h"
#include "analyze/name_similarity.h"
#include "base/union_find.h"
#include "text/country_names.h"
#include "text/short_word_set.h"
#include "text/stopwords.h"
#include "text/unicode_text.h"
#include "text/utf8.h"
#include "text/word_lexer.h"

namespace storyfuse {
namespace {

// A lone surname is a spelling variant of another ("Zelensky",
// "Zelenskyy") only when both have six letters or more: shorter ones are
// other names ("Snoop", "Snoopy").
constexpr size_t kMinVariantLetters = 6;

}  // namespace

struct EntityLinker::State {
  const EntityRecognizer* recognizer = nullptr;  // null when the shipped model failed to load
  std::vector<std::string> articles;
  EntityMentionTable table;
};

std::string_view EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kPlace:
      return "place";
  }
  return "person";
}

EntityLinker::EntityLinker(EntityLinkerOptions options) : state_(std::make_unique<State>()) {
  state_->recognizer = options.recognizer;
  if (state_->recognizer == nullptr) {
    Result<const EntityRecognizer*> shipped = EntityRecognizer::Shipped();
    if (shipped.ok()) state_->recognizer = *shipped;
  }
}
EntityLinker::~EntityLinker() = default;

void EntityLinker::AddArticle(std::string_view id, std::string_view text) {
  AddArticle(id, text, WordLexer::Lex(text));
}

void EntityLinker::AddArticle(std::string_view id, std::string_view text, const std::vector<LexToken>& tokens) {
  uint32_t index = static_cast<uint32_t>(state_->articles.size());
  state_->articles.emplace_back(id);
  if (state_->recognizer == nullptr) return;
  EntityMentionReader::Read(index, text, tokens, state_->recognizer->Recognize(text, tokens), &state_->table);
}

namespace {

// Links the accumulated surfaces into entities.
class Linker {
 public:
  explicit Linker(const EntityLinker::State& st) : st_(st) {}

  std::vector<Entity> Run() {
    Collect();
    UnionFind uf(list_.size());
    LinkAcronyms(&uf);
    LinkReordered(&uf);
    LinkCountries(&uf);
    LinkPeople(&uf);
    return Build(&uf);
  }

 private:
  struct Item {
    const Surface* s;
    std::vector<std::string> words;
  };

  void Collect() {
    for (const auto& [key, s] : st_.table.surfaces) {
      if (st_.table.storms.count(key) > 0) continue;
      index_[key] = list_.size();
      list_.push_back({&s, SplitWords(key)});
    }
    // Deterministic order regardless of hashing.
    std::sort(list_.begin(), list_.end(), [](const Item& a, const Item& b) { return a.s->key < b.s->key; });
    for (size_t i = 0; i < list_.size(); ++i) index_[list_[i].s->key] = i;
  }

  bool IsPersonish(const Item& it) const {
    const Surface& s = *it.s;
    if (!s.country.empty() || s.acronym) return false;
    double other = std::max(s.votes[kOrgVote], s.votes[kPlaceVote]);
    return s.votes[kPersonVote] > 0 && s.votes[kPersonVote] >= other;
  }

  bool IsOrgish(const Item& it) const {
    const Surface& s = *it.s;
    return s.votes[kOrgVote] > 0 && s.votes[kOrgVote] > s.votes[kPersonVote] &&
           s.votes[kOrgVote] >= s.votes[kPlaceVote];
  }

  // "Energy Department" and "Department of Energy", "Defence Ministry" and
  // "Ministry of Defence": an organisation named by the same words around
  // "of", one of them a head word ("department", "ministry").
  void LinkReordered(UnionFind* uf) {
    std::map<std::vector<std::string>, size_t> first;
    for (size_t i = 0; i < list_.size(); ++i) {
      if (list_[i].words.size() < 2 || !IsOrgish(list_[i])) continue;
      std::vector<std::string> content;
      bool head = false;
      for (const std::string& w : list_[i].words) {
        if (IsOrgNameConnector(w)) continue;
        content.push_back(w);
        head = head || IsOrgHead(w);
      }
      if (content.size() < 2 || !head) continue;
      std::sort(content.begin(), content.end());
      auto [it, inserted] = first.emplace(std::move(content), i);
      if (!inserted) uf->Union(it->second, i);
    }
  }

  void LinkAcronyms(UnionFind* uf) {
    for (const auto& [longer, acr] : st_.table.acronym_pairs) {
      auto a = index_.find(longer), b = index_.find(acr);
      if (a != index_.end() && b != index_.end()) uf->Union(a->second, b->second);
    }
  }

  void LinkCountries(UnionFind* uf) {
    std::unordered_map<std::string, size_t> first;
    for (size_t i = 0; i < list_.size(); ++i) {
      const std::string& c = list_[i].s->country;
      if (c.empty()) continue;
      auto [it, inserted] = first.emplace(c, i);
      if (!inserted) uf->Union(it->second, i);
    }
  }

  // Full names with similar first names and surnames; single words to the
  // full name whose surname (or, failing that, given name) they are.
  void LinkPeople(UnionFind* uf) {
    std::unordered_map<char, std::vector<size_t>> by_last;  // blocks by surname initial
    for (size_t i = 0; i < list_.size(); ++i) {
      if (list_[i].words.size() >= 2 && IsPersonish(list_[i])) {
        by_last[list_[i].words.back()[0]].push_back(i);
      }
    }
    for (auto& [c, block] : by_last) {
      for (size_t x = 0; x < block.size(); ++x) {
        for (size_t y = x + 1; y < block.size(); ++y) {
          if (SamePerson(list_[block[x]].words, list_[block[y]].words)) uf->Union(block[x], block[y]);
        }
      }
    }
    std::unordered_map<char, std::vector<size_t>> singles;
    for (size_t i = 0; i < list_.size(); ++i) {
      const Item& it = list_[i];
      if (it.words.size() != 1 || !IsPersonish(it) || it.words[0].size() < 3) continue;
      if (LinkSingle(i, by_last, uf)) continue;
      singles[it.words[0][0]].push_back(i);
    }
    for (auto& [c, block] : singles) {
      for (size_t x = 0; x < block.size(); ++x) {
        for (size_t y = x + 1; y < block.size(); ++y) {
          const std::string& a = list_[block[x]].words[0];
          const std::string& b = list_[block[y]].words[0];
          size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
          if (a.size() >= 6 && b.size() >= 6 && gap <= 2 && JaroWinkler(a, b) >= 0.93) {
            uf->Union(block[x], block[y]);
          }
        }
      }
    }
  }

  static bool SamePerson(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const std::string& la = a.back();
    const std::string& lb = b.back();
    if (la != lb && !(la.size() >= 5 && lb.size() >= 5 && JaroWinkler(la, lb) >= 0.93)) return false;
    const std::string& fa = a.front();
    const std::string& fb = b.front();
    if (fa == fb) return true;
    if ((fa.size() == 1 || fb.size() == 1) && fa[0] == fb[0]) return true;
    return fa.size() >= 4 && fb.size() >= 4 && JaroWinkler(fa, fb) >= 0.88;
  }

  bool LinkSingle(size_t i, std::unordered_map<char, std::vector<size_t>>& by_last, UnionFind* uf) {
    const std::string& w = list_[i].words[0];
    size_t best = SIZE_MAX;
    int best_count = 0;
    for (size_t j : by_last[w[0]]) {
      const std::string& last = list_[j].words.back();
      bool match = last == w || (w.size() >= kMinVariantLetters && last.size() >= kMinVariantLetters &&
                                 JaroWinkler(last, w) >= 0.93);
      if (match && list_[j].s->count > best_count) best = j, best_count = list_[j].s->count;
    }
    if (best == SIZE_MAX) {
      // Given name alone ("Anwar"), when exactly one full name starts so.
      int hits = 0;
      for (const auto& [c, block] : by_last) {
        for (size_t j : block) {
          if (list_[j].words.front() == w) best = j, ++hits;
        }
      }
      if (hits != 1) return false;
    }
    uf->Union(i, best);
    return true;
  }

  // ---- building the entities ----

  struct Cluster {
    std::vector<size_t> items;
    double votes[3] = {0, 0, 0};
    int count = 0;
  };

  std::vector<Entity> Build(UnionFind* uf) {
    std::map<size_t, Cluster> clusters;
    for (size_t i = 0; i < list_.size(); ++i) {
      Cluster& c = clusters[uf->Find(i)];
      c.items.push_back(i);
      for (int v = 0; v < 3; ++v) c.votes[v] += list_[i].s->votes[v];
      c.count += list_[i].s->count;
    }
    std::vector<Entity> out;
    std::unordered_map<std::string, size_t> entity_of_key;
    for (auto& [root, c] : clusters) {
      int best = 0;
      for (int v = 1; v < 3; ++v) {
        if (c.votes[v] > c.votes[best]) best = v;
      }
      if (c.votes[best] <= 0) continue;
      Entity e = MakeEntity(c, static_cast<EntityType>(best));
      for (size_t i : c.items) entity_of_key[list_[i].s->key] = out.size();
      out.push_back(std::move(e));
    }
    ResolveTitles(entity_of_key, &out);
    for (Entity& e : out) Finish(&e);
    std::sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
      if (a.mentions.size() != b.mentions.size()) return a.mentions.size() > b.mentions.size();
      return a.name < b.name;
    });
    return out;
  }

  Entity MakeEntity(const Cluster& c, EntityType type) const {
    Entity e;
    e.type = type;
    e.evidence = c.votes[static_cast<int>(type)];
    std::map<std::string, int> forms, titles;
    for (size_t i : c.items) {
      const Surface& s = *list_[i].s;
      for (const auto& [f, n] : s.forms) forms[f] += n;
      for (const auto& [t, n] : s.titles) titles[t] += n;
      for (const RawMention& m : s.mentions) e.mentions.push_back({st_.articles[m.article], m.span, false});
    }
    e.name = Canonical(c, forms);
    std::vector<std::pair<int, std::string>> ranked;
    std::unordered_set<std::string> seen = {FoldName(e.name)};
    for (const auto& [f, n] : forms) ranked.emplace_back(-n, f);
    std::sort(ranked.begin(), ranked.end());
    for (const auto& [n, f] : ranked) {
      if (seen.insert(FoldName(f)).second) e.aliases.push_back(f);
    }
    if (type == EntityType::kPerson) {
      for (const auto& [t, n] : titles) e.titles.push_back(t);
    }
    return e;
  }

  static bool ContainsAll(const std::vector<std::string>& words, const std::vector<std::string>& part) {
    for (const std::string& p : part) {
      if (std::find(words.begin(), words.end(), p) == words.end()) return false;
    }
    return true;
  }

  // The most complete form seen at least twice (else the most complete);
  // a country's ICU name when the cluster is a country.
  std::string Canonical(const Cluster& c, const std::map<std::string, int>& forms) const {
    for (size_t i : c.items) {
      if (!list_[i].s->country.empty()) return list_[i].s->country;
    }
    int max_count = 0;
    std::string frequent;
    for (const auto& [f, n] : forms) {
      if (n > max_count) max_count = n, frequent = FoldName(f);
    }
    std::vector<std::string> frequent_words = SplitWords(frequent);
    std::string best;
    std::tuple<int, int, int, int> best_score{-1, -1, -1, -1};
    for (const auto& [f, n] : forms) {
      std::vector<std::string> words = SplitWords(FoldName(f));
      bool caps = std::none_of(f.begin(), f.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      // A full name that extends the most frequent form ("Anwar" ->
      // "Anwar Ibrahim") is complete enough even when seen once.
      bool extends = words.size() > frequent_words.size() && !frequent_words.empty() &&
                     (ContainsAll(words, frequent_words) || JaroWinkler(words.back(), frequent_words.back()) >= 0.93);
      int nwords = static_cast<int>(words.size());
      std::tuple<int, int, int, int> score{n >= 2 || max_count < 2 || extends, !(caps && nwords > 1), nwords, n};
      if (score > best_score) best_score = score, best = f;
    }
    return best;
  }

  void ResolveTitles(const std::unordered_map<std::string, size_t>& entity_of_key, std::vector<Entity>* out) const {
    for (const TitleMention& t : st_.table.title_mentions) {
      std::string key = t.qualified.empty() ? t.title : t.qualified + " " + t.title;
      auto it = st_.table.title_index.find(key);
      if (it == st_.table.title_index.end()) it = st_.table.title_index.find(t.title);
      if (it == st_.table.title_index.end()) continue;
      const std::string* best = nullptr;
      int best_n = 0, total = 0;
      for (const auto& [k, n] : it->second) {
        total += n;
        if (n > best_n) best = &k, best_n = n;
      }
      if (best == nullptr || best_n * 10 < total * 6) continue;
      auto e = entity_of_key.find(*best);
      if (e == entity_of_key.end()) continue;
      (*out)[e->second].mentions.push_back({st_.articles[t.article], t.span, true});
    }
  }

  void Finish(Entity* e) const {
    std::sort(e->mentions.begin(), e->mentions.end(), [&](const EntityMention& a, const EntityMention& b) {
      if (a.article != b.article) return ArticleIndex(a.article) < ArticleIndex(b.article);
      return a.span.begin < b.span.begin;
    });
    for (const EntityMention& m : e->mentions) {
      if (e->articles.empty() || e->articles.back() != m.article) e->articles.push_back(m.article);
    }
  }

  size_t ArticleIndex(const std::string& id) const {
    if (article_index_.empty()) {
      for (size_t i = 0; i < st_.articles.size(); ++i) article_index_.emplace(st_.articles[i], i);
    }
    return article_index_.at(id);
  }

  const EntityLinker::State& st_;
  std::vector<Item> list_;
  std::unordered_map<std::string, size_t> index_;
  mutable std::unordered_map<std::string, size_t> article_index_;
};

}  // namespace

std::vector<Entity> EntityLinker::Entities() const { return Linker(*state_).Run(); }

}  // namespace storyfuse
