// PhotoCredit: the credit line of a photo or video as scrapers leave it in
// article text, found by its shape:
//
//   "... in Pyongyang on March 11, 2016. REUTERS/KCNA/Files"
//   "... at the Capitol in Washington. REUTERS/Ana Ruiz"
//   "Ana Ruiz/The Daily Planet"    "Ana Ruiz/AFP/Getty Images"
//   "... in Dallas. (AP Photo/Ana Ruiz, File)"   "(Photo by Ana Ruiz/Getty)"
//
// A slash credit joins a photo source (an agency, Getty, EPA, Pool, File,
// Handout, ...) and a photographer's name, or a photographer's name and an
// outlet, with no space around the slash; a parenthesized credit names a
// photo ("AP Photo/", "Photo by", "Photo:", "Image:", "Getty Images").
// A line ending in such a credit is a caption, never the story, and the
// agency in it says who took the picture, not whose story the copy is: a
// photo credit never sets Article::wire.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_INGEST_PHOTO_CREDIT_H_
#define STORYFUSE_INGEST_PHOTO_CREDIT_H_

#include <cstddef>
#include <string_view>

namespace storyfuse {

class PhotoCredit {
 public:
  // Byte offset in `line` where a photo credit closing it starts, or
  // std::string_view::npos when it does not end in one.
  static size_t TrailingStart(std::string_view line);

  // True when `s` (a whole, trimmed piece) is a slash credit such as
  // "REUTERS/Ana Ruiz" or "Ana Ruiz/Getty Images": an agency named there
  // credits a picture.
  static bool IsSlashCredit(std::string_view s);

  // Bytes of a slash credit opening `line` and followed by a capitalized
  // word ("Ana Ruiz/Getty The ferry leaves ..."): scrapers print a photo's
  // credit before its caption. 0 when the line does not open with one.
  static size_t LeadingLength(std::string_view line);

  // Bytes of `line` taken by a caption that opens it and ends in a
  // parenthesized photo credit, with story text after it ("In this file
  // photo, ... (AP Photo/Ana Ruiz, File) The harbor ..."); 0 when none.
  static size_t CaptionPrefixLength(std::string_view line);
};

}  // namespace storyfuse

#endif  // STORYFUSE_INGEST_PHOTO_CREDIT_H_
