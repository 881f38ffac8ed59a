#include "server/json_response.h"

namespace storyfuse {

HttpResponse JsonResponse(const nlohmann::json& body, int status) {
  // Stored text is UTF-8 already; a stray byte from a bad input must not
  // turn an answer into an exception.
  return JsonTextResponse(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), status);
}

HttpResponse JsonTextResponse(std::string body, int status) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  // Stories change as articles arrive: a cached answer would hide them.
  r.cache_control = "no-store";
  return r;
}

}  // namespace storyfuse
