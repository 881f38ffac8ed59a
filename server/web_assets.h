// WebAssets: the web page's static files, embedded in the binary at build
// time from web/ (server/embed_web_assets.cmake writes them into a
// generated .cc), so `storyfuse serve` needs no files and no CDN.
#ifndef STORYFUSE_SERVER_WEB_ASSETS_H_
#define STORYFUSE_SERVER_WEB_ASSETS_H_

#include <cstddef>
#include <string_view>

namespace storyfuse {

struct WebAsset {
  std::string_view path;          // "/index.html", "/app.js", ...
  std::string_view content_type;  // with charset
  std::string_view body;
};

// The asset served at `path` ("/" is /index.html), or nullptr.
const WebAsset* FindWebAsset(std::string_view path);

// Defined in the generated web_assets_data.cc.
extern const WebAsset kWebAssets[];
extern const size_t kWebAssetCount;

}  // namespace storyfuse

#endif  // STORYFUSE_SERVER_WEB_ASSETS_H_
