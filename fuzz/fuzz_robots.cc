// libFuzzer target: arbitrary bytes as a robots.txt, asked about fixed
// paths and about a path made of the input's last bytes. No crash, hang or
// sanitizer report; /robots.txt is always allowed; a crawl delay is never
// negative.
//
//   build-fuzz/fuzz/fuzz_robots -dict=fuzz/robots.dict -max_len=4096 corpus/
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feed/robots_txt.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  storyfuse::RobotsTxt robots = storyfuse::RobotsTxt::Parse(text);
  constexpr size_t kTailBytes = 64;
  std::string_view tail = text.substr(text.size() > kTailBytes ? text.size() - kTailBytes : 0);
  for (std::string_view agent : {"storyfuse", "*", "StoryFuse/0.1 (+https://fuzz.test/)", ""}) {
    for (std::string_view path : {"/", "/a/b.html?x=1", "https://fuzz.test/private/x.pdf", "", "/%7Ea%2f"}) {
      (void)robots.IsAllowed(agent, path);
    }
    (void)robots.IsAllowed(agent, tail);
    if (!robots.IsAllowed(agent, "/robots.txt")) __builtin_trap();
    auto delay = robots.CrawlDelay(agent);
    if (delay && !(*delay >= 0)) __builtin_trap();
  }
  return 0;
}
