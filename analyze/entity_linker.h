// EntityLinker: people, organisations and places named across the articles
// of one story, each with one canonical name, its aliases and every
// mention.
//
// Feed it the story's articles one by one (AddArticle), then read the
// linked entities (Entities). The names and their types come from the
// learned EntityRecognizer (analyze/entity_recognizer.h); the linker
// splits titles off people ("Foreign Minister X": X, with the title
// "foreign minister") and merges mentions across all articles: spelling
// variants and transliterations of a person's name (Jaro-Winkler on folded
// forms with a shared surname: "Sergei/Sergey Lavrov"), surname-only
// mentions ("Lavrov"), acronyms the text defines ("Association of X Y
// (AXY)", ", or AXY"; never on matching letters alone), one
// organisation's word orders ("Energy Department", "Department of
// Energy"), the forms of one country ("U.S.", "United States"), and titles
// used alone ("the foreign minister" is whoever the story calls "Foreign
// Minister X"). An entity takes the type most of its mentions have. The
// canonical name is the most complete form seen at least twice (else the
// most complete).
//
// Cost: AddArticle is linear in the article; Entities() is linear in the
// mentions plus a comparison of distinct names within blocks of names
// sharing their first letters. Not thread-safe.
#ifndef STORYFUSE_ANALYZE_ENTITY_LINKER_H_
#define STORYFUSE_ANALYZE_ENTITY_LINKER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/span.h"
#include "text/word_lexer.h"

namespace storyfuse {

enum class EntityType : uint8_t { kPerson, kOrganization, kPlace };

// "person", "organization" or "place".
std::string_view EntityTypeName(EntityType t);

struct EntityMention {
  std::string article;    // the id given to AddArticle
  Span span;              // bytes of that article's text
  bool by_title = false;  // "the secretary of state", resolved through a title
};

struct Entity {
  std::string name;  // canonical name
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;  // other forms, most frequent first
  std::vector<std::string> titles;   // a person's titles, lower case
  std::vector<EntityMention> mentions;
  std::vector<std::string> articles;  // ids of the articles naming it
  double evidence = 0;                // the recognizer's votes for the type (one per mention)
};

class EntityRecognizer;

struct EntityLinkerOptions {
  // Finds and types the names; must outlive the linker. Null: the shipped
  // model (EntityRecognizer::Shipped()); should that fail to load, no
  // names are found.
  const EntityRecognizer* recognizer = nullptr;
};

class EntityLinker {
 public:
  explicit EntityLinker(EntityLinkerOptions options = {});
  ~EntityLinker();
  EntityLinker(const EntityLinker&) = delete;
  EntityLinker& operator=(const EntityLinker&) = delete;

  // Reads one article's text. `text` need not outlive the call; spans in
  // the result refer to it by `id`.
  void AddArticle(std::string_view id, std::string_view text);
  // The same with tokens already produced by WordLexer::Lex(text), so
  // that one lexing serves all analyzers.
  void AddArticle(std::string_view id, std::string_view text, const std::vector<LexToken>& tokens);

  // The entities named so far, most mentioned first (ties by name). A
  // defined acronym the recognizer did not read as a name counts only as
  // a mention of its expansion. Can be called again
  // after more articles are added.
  std::vector<Entity> Entities() const;

  struct State;  // opaque; defined in the .cc

 private:
  std::unique_ptr<State> state_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_ANALYZE_ENTITY_LINKER_H_
