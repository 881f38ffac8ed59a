#include "tools/article_source.h"

#include <cstdio>

#include "ingest/article_extractor.h"
#include "ingest/input_reader.h"
#include "tools/progress.h"

namespace storyfuse {
namespace {

void Report(const Status& st) { std::fprintf(stderr, "storyfuse: %s\n", st.message().c_str()); }

}  // namespace

size_t ArticleSource::ForEach(const std::vector<std::string>& inputs,
                              const std::function<void(Article&&, const RawDoc&)>& fn) {
  ArticleExtractor extractor;
  return Read(inputs, "articles", [&](RawDoc&& doc) {
    Result<Article> a = extractor.Extract(doc);
    if (!a.ok()) {
      Fail(a.status());
      return false;
    }
    fn(std::move(a).value(), doc);
    return true;
  });
}

size_t ArticleSource::ForEachDoc(const std::vector<std::string>& inputs, const std::function<void(RawDoc&&)>& fn) {
  return Read(inputs, "documents", [&](RawDoc&& doc) {
    fn(std::move(doc));
    return true;
  });
}

size_t ArticleSource::Read(const std::vector<std::string>& inputs, const char* unit,
                           const std::function<bool(RawDoc&&)>& take) {
  Progress progress(unit);
  size_t count = 0;
  InputReader reader(
      [&](RawDoc&& doc) {
        if (!take(std::move(doc))) return;
        ++count;
        progress.Tick();
      },
      [this](const Status& st) { Fail(st); });
  for (const auto& input : inputs) {
    Status st = reader.Read(input);
    if (!st.ok()) Fail(st);
  }
  return count;
}

void ArticleSource::Fail(const Status& st) {
  had_errors_ = true;
  Report(st);
}

std::vector<Article> ArticleSource::ReadAll(const std::vector<std::string>& inputs) {
  std::vector<Article> out;
  ForEach(inputs, [&](Article&& a, const RawDoc&) { out.push_back(std::move(a)); });
  return out;
}

}  // namespace storyfuse
