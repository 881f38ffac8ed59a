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

// "YYYY-MM-DD" is a day; a longer ISO value has a time too.
constexpr size_t kIsoDayLength = 10;

// The listing's metadata where the page gave none, or (for the date) gave
// only the day the listing names with its time: the page wins where it
// says more, the listing fills in where it says more.
void FillFromListing(const RawDoc& doc, Article* a) {
  if (a->title.empty()) a->title = doc.listed_title;
  if (a->authors.empty()) a->authors = doc.listed_authors;
  const std::string& listed = doc.listed_published;
  if (listed.empty()) return;
  bool page_day_only = a->published.iso.size() == kIsoDayLength;
  if (a->published.empty() ||
      (page_day_only && listed.size() > kIsoDayLength && listed.starts_with(a->published.iso))) {
    a->published = {listed, "feed"};
  }
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
  FillFromListing(doc, &a);
  // TextCleaner's body is NFC already (kept lines are NFC or normalized
  // word by word, joined at line breaks, where normalization never
  // reaches); checking it again cost 2 % of eval cluster (issue 21).
  if (doc.format == DocFormat::kHtml && !UnicodeText::IsNfc(a.text)) a.text = UnicodeText::Nfc(a.text);
  return a;
}

}  // namespace storyfuse
