// CrumbClassifier: recognises, from one line alone, the page furniture that
// scrapers leave in article text. Rules are about shapes, not about any one
// site: a line of markup residue, a copyright notice, a prompt to comment or
// subscribe, navigation and share words, a lone tracking word, an update
// note, a feed name, a photo caption with a credit.
//
// Kinds returned (also used as Removed::kind):
//   "markup"    no letters or digits (`">`, `___`, `###`), or tag residue
//   "copyright" "© 2025 ...", "Copyright ...", "... All rights reserved."
//   "prompt"    "Sign up for our newsletter", "You must log in to comment",
//               contact lines with an e-mail address
//   "nav"       short runs of share/navigation words ("Advertisement",
//               "Share on Facebook", "Read more:", "Story continues below")
//   "tracking"  a single lower-case word on its own line ("tracking")
//   "update"    "This story has been updated ...", "Originally published ..."
//   "feed"      an outlet's syndication feed name ("The-Daily-Wire")
//   "caption"   "Photo: ...", "... /AFP", "(Image: Getty Images)"
// Credits and bylines have their own parsers (CreditParser, BylineParser).
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_INGEST_CRUMB_CLASSIFIER_H_
#define STORYFUSE_INGEST_CRUMB_CLASSIFIER_H_

#include <string_view>

namespace storyfuse {

class CrumbClassifier {
 public:
  // The crumb kind of `line` (trimmed or not), or "" when it may be text.
  // Lines that report speech ("..., she said.") are never prompts.
  static std::string_view Classify(std::string_view line);

  // True when the whole line is a photo credit ("AFP.", "Getty Images",
  // "Photo: Ana Ruiz/Reuters"): what follows a doubled caption.
  static bool IsPhotoCredit(std::string_view s);

  // True when `lower` (ASCII lower-cased) contains one of the furniture
  // phrases Classify reads: a copyright notice or a prompt to subscribe,
  // sign up, comment or share. For later stages that drop a sentence of
  // furniture the cleaner left inside a paragraph (brief/summarizer), so
  // that the project keeps one list of them.
  static bool HasFurniturePhrase(std::string_view lower);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_CRUMB_CLASSIFIER_H_
