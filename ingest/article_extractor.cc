#include "ingest/article_extractor.h"

#include <filesystem>

#include "ingest/html_extractor.h"
#include "ingest/text_cleaner.h"
#include "text/unicode_text.h"

namespace storyfuse {

struct ArticleExtractor::Impl {
  explicit Impl(std::shared_ptr<BoilerplateMemory> memory) : text_cleaner(std::move(memory)) {}
  TextCleaner text_cleaner;
  HtmlExtractor html_extractor;
};

ArticleExtractor::ArticleExtractor() : ArticleExtractor(std::make_shared<BoilerplateMemory>()) {}
ArticleExtractor::ArticleExtractor(std::shared_ptr<BoilerplateMemory> memory)
    : impl_(std::make_unique<Impl>(std::move(memory))) {}
ArticleExtractor::~ArticleExtractor() = default;

namespace {

// Container metadata (JSONL fields) is authoritative: copy it first so the
// cleaners only fill what is still missing.
void CopyContainerMetadata(const RawDoc& doc, Article* a) {
  a->id = doc.id;
  a->source = doc.source;
  a->url = doc.url;
  a->outlet = doc.outlet;
  a->title = doc.title;
  a->authors = doc.authors;
  if (!doc.published.empty()) a->published = {doc.published, "container"};
  if (!doc.language.empty()) a->language = doc.language;
}

}  // namespace

Result<Article> ArticleExtractor::Extract(const RawDoc& doc, BoilerplateEvidence* evidence) {
  Article a;
  CopyContainerMetadata(doc, &a);
  a.input = doc.bytes;
  if (evidence != nullptr) *evidence = BoilerplateEvidence();
  Status st =
      doc.format == DocFormat::kHtml ? impl_->html_extractor.Extract(&a) : impl_->text_cleaner.Clean(&a, evidence);
  if (!st.ok()) return st.WithContext(doc.source);
  if (!UnicodeText::IsNfc(a.text)) a.text = UnicodeText::Nfc(a.text);
  return a;
}

}  // namespace storyfuse
