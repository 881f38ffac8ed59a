#include "pipeline/story_pipeline.h"

#include <algorithm>
#include <cstdint>
#include <ctime>

#include "brief/brief_builder.h"
#include "brief/brief_json.h"

namespace storyfuse {

namespace {

StorySummary SummarizeBrief(const StoryBrief& brief, const std::string& updated) {
  StorySummary s;
  s.id = brief.id;
  s.headline = brief.headline;
  s.articles = static_cast<int>(brief.articles.size());
  s.outlets = brief.outlets;
  s.independent_sources = brief.independent_sources;
  s.updated = updated;
  for (const ArticleRef& a : brief.articles) s.published = std::max(s.published, a.published);
  return s;
}

}  // namespace

StoryPipeline::StoryPipeline()
    : boilerplate_(std::make_shared<BoilerplateMemory>()),
      extractors_([memory = boilerplate_] { return std::make_unique<ArticleExtractor>(memory); }),
      builders_(std::make_unique<ObjectPool<BriefBuilder>>([] { return std::make_unique<BriefBuilder>(); })) {}
StoryPipeline::~StoryPipeline() = default;

Result<Article> StoryPipeline::Extract(const RawDoc& doc, std::string* warning, BoilerplateEvidence* evidence) {
  Result<Article> a = extractors_.Acquire()->Extract(doc, evidence);
  if (!a.ok()) return a;
  std::string cut = CutToLimit(&*a);
  if (warning != nullptr) *warning = std::move(cut);
  return a;
}

namespace {

// A word whose NFC form differs maps to its input word's start: the input
// is cut at most this far past the last mapped byte, at the word's end.
constexpr size_t kMaxWordBytes = 64;

// Cuts the input after the source of the last kept text byte (and of the
// last correction, data kept beside the text). Nothing downstream reads
// the input past it, and storing all of a 16 MB document for its first
// 256 KiB would make the single writer's step, writing the article, cost
// what the text's limit saves.
void CutInput(Article* a) {
  std::string& input = a->input;
  size_t keep = a->text.empty() ? 0 : size_t{a->offsets.ToInput(static_cast<uint32_t>(a->text.size() - 1))} + 1;
  for (const ArticleCorrection& c : a->corrections) keep = std::max<size_t>(keep, c.input.end);
  for (size_t n = 0; keep < input.size() && n < kMaxWordBytes; ++n, ++keep) {
    char c = input[keep];
    if (c == ' ' || c == '\n' || c == '\t' || c == '<') break;
  }
  while (keep < input.size() && (static_cast<unsigned char>(input[keep]) & 0xC0) == 0x80) ++keep;
  if (keep >= input.size()) return;
  input.resize(keep);
  std::erase_if(a->removed, [keep](const Removed& r) { return r.input.begin >= keep; });
  for (Removed& r : a->removed) r.input.end = std::min<uint32_t>(r.input.end, static_cast<uint32_t>(keep));
}

}  // namespace

std::string StoryPipeline::CutToLimit(Article* a) {
  std::string& text = a->text;
  size_t was = text.size();
  if (was <= kMaxArticleTextBytes) return "";
  std::string_view head = std::string_view(text).substr(0, kMaxArticleTextBytes);
  // The latest break in the second half of the allowed text: a paragraph,
  // else a sentence end, else a space, else a character boundary.
  size_t at = std::string_view::npos;
  for (std::string_view mark : {"\n\n", ". ", ".\n", " "}) {
    size_t p = head.rfind(mark);
    if (p != std::string_view::npos && p >= kMaxArticleTextBytes / 2) {
      at = mark[0] == '.' ? p + 1 : p;
      break;
    }
  }
  if (at == std::string_view::npos) {
    at = kMaxArticleTextBytes;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  }
  text.resize(at);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  CutInput(a);
  return "text cut from " + std::to_string(was) + " to " + std::to_string(text.size()) +
         " bytes (the limit for one article is " + std::to_string(kMaxArticleTextBytes) + ")";
}

std::string StoryPipeline::Cluster(const Article& article) {
  ClusterResult r = stream_.Add(article);
  ++unrevised_;
  touched_articles_.insert(article.id);
  std::string story = r.story_id;
  results_[article.id] = std::move(r);
  return story;
}

void StoryPipeline::Touch(const std::string& article_id) { touched_articles_.insert(article_id); }

std::string StoryPipeline::StoryOf(const std::string& article_id) const { return stream_.StoryOf(article_id); }

void StoryPipeline::Revise() {
  stream_.Revise();
  unrevised_ = 0;
}

void StoryPipeline::DropMoves() { stream_.TakeMoves(); }

Result<std::vector<StoryMove>> StoryPipeline::Correct(const StoryCorrection& c) {
  Result<std::vector<StoryMove>> moves = Status::InvalidArgument("unknown correction \"" + c.kind + "\"");
  if (c.kind == "merge") moves = stream_.MergeStories(c.story, c.target);
  if (c.kind == "move") moves = stream_.MoveArticle(c.article, c.target);
  if (c.kind == "detach") moves = stream_.MoveArticle(c.article, "");
  if (!moves.ok()) return moves;
  for (const StoryMove& m : *moves) touched_stories_.insert({m.from, m.to});
  return moves;
}

std::string StoryPipeline::CopyOf(const std::string& article_id) const {
  auto it = results_.find(article_id);
  return it == results_.end() ? "" : it->second.copy_of;
}

SettledStories StoryPipeline::Settle(bool revise) {
  SettledStories out;
  if (revise && unrevised_ > 0) {
    Revise();
    out.revised_after = clustered();
  }
  out.moves = stream_.TakeMoves();
  std::set<std::string> wanted = std::move(touched_stories_);
  touched_stories_.clear();
  for (const StoryMove& m : out.moves) wanted.insert({m.from, m.to});
  for (const std::string& id : touched_articles_) {
    if (std::string s = stream_.StoryOf(id); !s.empty()) wanted.insert(s);
  }
  touched_articles_.clear();
  std::set<std::string> now;
  // One pass over all stories: O(stories) per batch, never per article.
  for (StoryView& view : stream_.Stories()) {
    now.insert(view.id);
    if (wanted.count(view.id)) out.changed[view.id] = std::move(view.articles);
  }
  for (const std::string& id : known_stories_) {
    if (!now.count(id)) out.removed.push_back(id);
  }
  known_stories_ = std::move(now);
  return out;
}

std::vector<MemberLinks> StoryPipeline::Links(const std::vector<std::string>& ids) const {
  std::vector<MemberLinks> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) {
    auto it = results_.find(id);
    if (it == results_.end())
      out.push_back({id, "", ""});
    else
      out.push_back({id, it->second.copy_of, it->second.origin});
  }
  return out;
}

BuiltStory StoryPipeline::BuildStory(const std::string& story_id, const std::vector<const Article*>& articles,
                                     const std::string& now) {
  std::vector<StoryMember> members;
  members.reserve(articles.size());
  for (const Article* a : articles) {
    auto it = results_.find(a->id);
    if (it == results_.end())
      members.push_back({a, "", ""});
    else
      members.push_back({a, it->second.copy_of, it->second.origin});
  }
  return BuildBrief(story_id, members, now);
}

BuiltStory StoryPipeline::BuildBrief(const std::string& story_id, const std::vector<StoryMember>& members,
                                     const std::string& now) {
  StoryBrief brief = builders_->Acquire()->Build(story_id, members);
  nlohmann::json j = BriefToJson(brief);
  std::string text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return {std::move(j), std::move(text), SummarizeBrief(brief, now)};
}

int64_t StoryNumber(const std::string& story_id) {
  if (story_id.size() < 3 || story_id.compare(0, 2, "s-") != 0) return 0;
  int64_t n = 0;
  for (size_t i = 2; i < story_id.size(); ++i) {
    if (story_id[i] < '0' || story_id[i] > '9' || n > (INT64_MAX - 9) / 10) return 0;
    n = n * 10 + (story_id[i] - '0');
  }
  return n;
}

std::string NowIso8601() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace storyfuse
