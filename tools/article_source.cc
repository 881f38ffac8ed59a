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
  Progress progress("articles");
  size_t count = 0;
  auto on_error = [this](const Status& st) {
    had_errors_ = true;
    Report(st);
  };
  InputReader reader(
      [&](RawDoc&& doc) {
        Result<Article> a = extractor.Extract(doc);
        if (!a.ok()) return on_error(a.status());
        fn(std::move(a).value(), doc);
        ++count;
        progress.Tick();
      },
      on_error);
  for (const auto& input : inputs) {
    Status st = reader.Read(input);
    if (!st.ok()) on_error(st);
  }
  return count;
}

size_t ArticleSource::ForEachDoc(const std::vector<std::string>& inputs, const std::function<void(RawDoc&&)>& fn) {
  Progress progress("documents");
  size_t count = 0;
  auto on_error = [this](const Status& st) {
    had_errors_ = true;
    Report(st);
  };
  InputReader reader(
      [&](RawDoc&& doc) {
        fn(std::move(doc));
        ++count;
        progress.Tick();
      },
      on_error);
  for (const auto& input : inputs) {
    Status st = reader.Read(input);
    if (!st.ok()) on_error(st);
  }
  return count;
}

std::vector<Article> ArticleSource::ReadAll(const std::vector<std::string>& inputs) {
  std::vector<Article> out;
  ForEach(inputs, [&](Article&& a, const RawDoc&) { out.push_back(std::move(a)); });
  return out;
}

}  // namespace storyfuse
