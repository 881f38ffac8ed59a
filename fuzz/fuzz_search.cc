// libFuzzer target: bytes as a search query, run through the word
// matcher (SearchTerms, CountMatches, Snippet) and through the SQLite
// store's full-text search over two fictional articles. Traps when the
// query reaches FTS5 as syntax (an InvalidArgument: the user's words must
// always be quoted terms), when there are more or longer terms than the
// caps, or when a snippet of valid UTF-8 is not valid UTF-8.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/search_text.h"
#include "pipeline/store_story_repository.h"
#include "pipeline/test_fixtures.h"
#include "server/api_router.h"
#include "text/utf8.h"

namespace {

using namespace storyfuse;

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

StoreStoryRepository* Store() {
  static StoreStoryRepository* store = [] {
    char dir[] = "/tmp/fuzz_search.XXXXXX";
    Check(mkdtemp(dir) != nullptr);
    auto repo = StoreStoryRepository::Open(std::string(dir) + "/fuzz.db", 2);
    Check(repo.ok());
    StoreStoryRepository* s = repo->release();
    ApiRouter router(s, nullptr);
    HttpRequest seed{"POST", "/api/articles", {}, "application/json", BridgeArticlesJson()};
    Check(router.Handle(seed).status == 200);
    return s;
  }();
  return store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string q(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> terms = SearchTerms(q);
  Check(terms.size() <= kMaxSearchTerms);
  for (const std::string& t : terms) Check(!t.empty() && t.size() <= kMaxSearchTermBytes);
  (void)CountMatches(q, terms);
  if (FindInvalidUtf8(q) == std::string_view::npos) {
    Check(FindInvalidUtf8(Snippet(q, terms, 40)) == std::string_view::npos);
  }
  auto hits = Store()->Search(q, 5, QueryControl());
  Check(hits.ok() || hits.status().code() != Status::Code::kInvalidArgument);
  StoryQuery list;
  list.q = q;
  auto stories = Store()->ListStories(list);
  Check(stories.ok() || stories.status().code() != Status::Code::kInvalidArgument);
  return 0;
}
