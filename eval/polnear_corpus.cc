#include "eval/polnear_corpus.h"

#include <algorithm>
#include <filesystem>

#include "base/file.h"
#include "text/utf8.h"

namespace storyfuse {
namespace {

namespace fs = std::filesystem;

// The first annotation file of `doc` in sorted order, or "".
fs::path GoldAnnotation(const std::vector<fs::path>& annotations, const std::string& doc) {
  for (const fs::path& p : annotations) {
    std::string name = p.filename().string();
    if (name.size() > doc.size() + 5 && name.compare(0, doc.size() + 1, doc + "_") == 0 &&
        name.find('_', doc.size() + 1) == std::string::npos) {
      return p;
    }
  }
  return fs::path();
}

}  // namespace

Result<std::vector<PolnearDoc>> ReadPolnearCorpus(const std::string& dir, std::vector<std::string>* errors) {
  fs::path text_dir = fs::path(dir) / "text", ann_dir = fs::path(dir) / "attributions";
  std::error_code ec;
  if (!fs::is_directory(text_dir, ec) || !fs::is_directory(ann_dir, ec)) {
    return Status::InvalidArgument(dir + ": expected text/ and attributions/ folders");
  }
  std::vector<fs::path> texts, annotations;
  for (const auto& e : fs::directory_iterator(text_dir, ec)) {
    if (e.path().extension() == ".txt") texts.push_back(e.path());
  }
  for (const auto& e : fs::directory_iterator(ann_dir, ec)) {
    if (e.path().extension() == ".ann") annotations.push_back(e.path());
  }
  std::sort(texts.begin(), texts.end());
  std::sort(annotations.begin(), annotations.end());
  std::vector<PolnearDoc> docs;
  std::vector<std::string> strict;  // collects into here when the caller gave no list
  if (errors == nullptr) errors = &strict;
  for (const fs::path& path : texts) {
    PolnearDoc doc;
    doc.id = path.stem().string();
    fs::path ann_path = GoldAnnotation(annotations, doc.id);
    Result<std::string> text = ReadWholeFile(path.string());
    if (!text.ok() || ann_path.empty()) {
      errors->push_back(path.string() + ": cannot read the text or find its annotation");
      continue;
    }
    Result<std::string> ann = ReadWholeFile(ann_path.string());
    if (!ann.ok()) {
      errors->push_back(ann_path.string() + ": " + ann.status().message());
      continue;
    }
    Result<std::vector<GoldQuote>> gold = ReadPolnearGold(*text, *ann);
    if (!gold.ok()) {
      errors->push_back(ann_path.string() + ": " + gold.status().message());
      continue;
    }
    Result<std::vector<CpSpan>> contents = ReadPolnearContents(*ann);
    if (!contents.ok()) {  // unreachable once the gold parsed; kept for the contract
      errors->push_back(ann_path.string() + ": " + contents.status().message());
      continue;
    }
    doc.text = std::move(*text);
    doc.gold = std::move(*gold);
    doc.contents = std::move(*contents);
    docs.push_back(std::move(doc));
  }
  if (!strict.empty()) return Status::InvalidArgument(strict.front());
  return docs;
}

std::vector<PredictedQuote> ToPredictedQuotes(std::string_view text, const std::vector<Quote>& quotes) {
  CodePointIndex cps(text);
  std::vector<PredictedQuote> pred;
  pred.reserve(quotes.size());
  for (const Quote& q : quotes) {
    PredictedQuote p{{cps.ToCodePoint(q.text.begin), cps.ToCodePoint(q.text.end)}, {0, 0}};
    if (!q.speaker_mention.empty()) {
      p.speaker = {cps.ToCodePoint(q.speaker_mention.begin), cps.ToCodePoint(q.speaker_mention.end)};
    }
    pred.push_back(p);
  }
  return pred;
}

}  // namespace storyfuse
