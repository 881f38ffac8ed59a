// UrlCanonicalizer: resolves relative URLs (RFC 3986 section 5) and reduces
// http(s) URLs to one canonical spelling, so that the same article reached
// through two feeds, or with and without a campaign tag, has one identity.
//
// Why a small resolver of our own: Debian 12's URL libraries (uriparser,
// libcurl's curl_url) are not yet dependencies, and the part needed here is
// RFC 3986's reference-resolution algorithm, ~80 lines checked against the
// RFC's own examples (section 5.4) in the test. The page's rel=canonical is
// read elsewhere; this class only rewrites the URL it is given.
//
// Canonicalize, in order (RFC 3986 section 6.2.2 syntax normalization plus
// news-specific removals):
//   - surrounding ASCII white space trimmed; only http and https accepted;
//   - scheme and host lower-cased; trailing dots of the host dropped; a
//     host with bytes a host name may not hold (non-ASCII: IDNs must come
//     in punycode) is an error;
//   - the default port (:80 for http, :443 for https) and an empty port
//     dropped; user info kept, its escapes normalized as the path's;
//   - dot segments removed, an empty path becomes "/";
//   - percent escapes upper-cased, escapes of unreserved characters
//     decoded (%7E -> ~), and bytes not allowed in a URL (spaces, controls,
//     non-ASCII, "<>\"{}|\\^`") percent-encoded;
//   - tracking parameters removed from the query (IsTrackingParameter); the
//     other parameters keep their order and spelling; an empty query is
//     dropped;
//   - the fragment dropped.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_FEED_URL_CANONICALIZER_H_
#define STORYFUSE_FEED_URL_CANONICALIZER_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace storyfuse {

class UrlCanonicalizer {
 public:
  // Longer URLs are refused: browsers and servers commonly stop near 8 KiB,
  // and a feed field that long is not a link.
  static constexpr size_t kMaxUrlBytes = 8192;

  // Resolves `reference` against the absolute URL `base` (RFC 3986 5.2.2,
  // strict: a reference with a scheme is taken as it is). Surrounding white
  // space of both is trimmed. Errors (InvalidArgument): an empty reference,
  // a relative reference with a base that has no scheme, inputs over
  // kMaxUrlBytes. The result is not canonicalized.
  static Result<std::string> Resolve(std::string_view base, std::string_view reference);

  // The canonical form of the absolute http(s) URL `url` (see above).
  // Errors (InvalidArgument, naming the problem): not absolute, a scheme
  // other than http/https, no host, a host with a character a host name may
  // not hold, a port that is not a number or over 65535, over kMaxUrlBytes.
  // Idempotent: the canonical form of a canonical URL is itself.
  static Result<std::string> Canonicalize(std::string_view url);

  // True for query parameters that only track a click or a campaign:
  // utm_* (Google Analytics campaign tags), fbclid (Facebook), gclid, dclid,
  // gbraid, wbraid (Google Ads), msclkid (Microsoft Ads), yclid (Yandex),
  // twclid (X/Twitter), ttclid (TikTok), igshid (Instagram), li_fat_id
  // (LinkedIn), mc_cid, mc_eid (Mailchimp), _ga, _gl (Google Analytics
  // linker), _hsenc, _hsmi (HubSpot), mkt_tok (Marketo), oly_anon_id,
  // oly_enc_id (Omeda), vero_id, vero_conv (Vero), wickedid (Wicked
  // Reports). Case-insensitive. None of them selects content.
  static bool IsTrackingParameter(std::string_view name);
};

}  // namespace storyfuse

#endif  // STORYFUSE_FEED_URL_CANONICALIZER_H_
