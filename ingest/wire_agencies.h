// WireAgencies: the news agencies whose stories other outlets carry, and
// their canonical short names ("The Associated Press" -> "AP").
//
// Agencies differ from outlets in that a credit naming them says whose story
// a copy is, not who published the copy. The list is closed and small; an
// outlet's own feed ("The-CNN-Wire") is not an agency.
// Pure functions over a static table; thread-safe.
#ifndef STORYFUSE_INGEST_WIRE_AGENCIES_H_
#define STORYFUSE_INGEST_WIRE_AGENCIES_H_

#include <string>
#include <string_view>

namespace storyfuse {

class WireAgencies {
 public:
  // Canonical short name of the agency `name` denotes (surrounding white
  // space, a leading "The" and a trailing "news agency" are ignored), or ""
  // when `name` is not an agency. Acronyms match case-sensitively ("AP",
  // not "ap"); full names case-insensitively.
  static std::string Canonical(std::string_view name);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_WIRE_AGENCIES_H_
