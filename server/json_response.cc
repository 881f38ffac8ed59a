#include "server/json_response.h"

namespace storyfuse {

HttpResponse JsonResponse(const nlohmann::json& body, int status) {
  HttpResponse r;
  r.status = status;
  // Stored text is UTF-8 already; a stray byte from a bad input must not
  // turn an answer into an exception.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // Stories change as articles arrive: a cached answer would hide them.
  r.cache_control = "no-store";
  return r;
}

}  // namespace storyfuse
