// JsonResponse: the one way the API answers with JSON: the body dumped
// compactly (invalid UTF-8 replaced, never thrown), `no-store` caching.
#ifndef STORYFUSE_SERVER_JSON_RESPONSE_H_
#define STORYFUSE_SERVER_JSON_RESPONSE_H_

#include <string>

#include <nlohmann/json.hpp>

#include "server/http_types.h"

namespace storyfuse {

HttpResponse JsonResponse(const nlohmann::json& body, int status = 200);

// The same answer for JSON already serialized (a stored brief or article
// view), sent as it is.
HttpResponse JsonTextResponse(std::string body, int status = 200);

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_JSON_RESPONSE_H_
