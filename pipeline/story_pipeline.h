// StoryPipeline: the ingest path every StoryRepository shares:
// RawDoc -> Article (ingest/ArticleExtractor), new Article -> story
// (cluster/StoryStream: a stream that revises its recent window, with copy
// links), and a story's articles -> StoryBrief (brief/BriefBuilder).
//
// A repository feeds each new article to Cluster(), then calls Settle()
// once per batch: the stream revises its window (articles of the recent
// window may move, stories merge and split), and Settle() says which
// stories changed (joined, started, lost or gained articles) and their
// members, and which ids are gone; the repository rebuilds those briefs
// with BuildStory() and deletes the stories that are gone. Editor
// corrections (Correct) are constraints the stream keeps from then on.
//
// Story ids are StoryStream's "s-<n>": an id survives while its story
// keeps its final articles or, when it has none yet, more than half of
// its articles (docs/clustering.md). The same articles in the same order,
// with revisions and corrections at the same points (Revise, Correct:
// the store's stream log), give the same stories: that is how a store is
// reopened.
//
// Thread safety: the costly steps, Extract() and BuildBrief(), are
// thread-safe (pools of extractors sharing one boilerplate memory, and of
// brief builders), so a repository runs them outside its single writer.
// The clustering calls (Cluster, Touch, StoryOf, CopyOf, Links, Settle,
// BuildStory) are not: the repository serializes them.
#ifndef STORYFUSE_PIPELINE_STORY_PIPELINE_H_
#define STORYFUSE_PIPELINE_STORY_PIPELINE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "cluster/story_stream.h"
#include "ingest/article.h"
#include "ingest/article_extractor.h"
#include "ingest/boilerplate_memory.h"
#include "ingest/raw_doc.h"
#include "pipeline/object_pool.h"
#include "pipeline/story_repository.h"

namespace storyfuse {

class BriefBuilder;
struct StoryMember;

// A story's rendered brief and its row in the story list.
struct BuiltStory {
  nlohmann::json brief;    // the brief as a tree: the articles' views select from it
  std::string brief_json;  // the same, as `storyfuse brief --format json` prints one story
  StorySummary summary;
};

// An article of a story as the clusterer links it.
struct MemberLinks {
  std::string article_id;
  std::string copy_of;  // the article it copies, or ""
  std::string origin;   // the first article of its copy chain, or ""
};

// What changed since the last Settle().
struct SettledStories {
  std::map<std::string, std::vector<std::string>> changed;  // story id -> article ids, arrival order
  std::vector<std::string> removed;                         // ids gone (merged into others, split up)
  std::vector<StoryMove> moves;                             // the stream's revisions' moves, oldest first
  // Articles clustered when Settle revised the window, or -1 when it did not
  // (nothing new since the last revision).
  int64_t revised_after = -1;
};

class StoryPipeline {
 public:
  StoryPipeline();
  ~StoryPipeline();

  // An article's cleaned text is cut to this many bytes, at the last
  // paragraph, sentence or word break before it, so that one document
  // cannot hold the single writer for long: every stage after cleaning
  // (clustering, the brief's analyzers and aligner) costs at least linear
  // time in it. 256 KiB is about 40,000 words, longer than any news
  // article; measured on this limit, the costliest known text
  // (issue #22's weekday sentence) briefs in 0.2 s.
  static constexpr size_t kMaxArticleTextBytes = 256 * 1024;

  // InvalidArgument naming the document when it holds no article text.
  // Text over kMaxArticleTextBytes is cut (CutToLimit); `warning`, when
  // given, then says so. With `evidence`, cleaning leaves the boilerplate
  // memory to the caller (ArticleExtractor::Extract): an extract worker
  // cleans statelessly, the assigner applies the memory in input order.
  // Thread-safe.
  Result<Article> Extract(const RawDoc& doc, std::string* warning = nullptr, BoilerplateEvidence* evidence = nullptr);

  // Cuts `article`'s text to kMaxArticleTextBytes as above, and its input
  // after the source of the last kept byte (and of its corrections); a
  // warning for the client when it did, else "".
  static std::string CutToLimit(Article* article);

  // Clusters a new article; returns the story it joined or started (later
  // articles may merge it: Settle() reports the final ids).
  std::string Cluster(const Article& article);
  // Marks a stored article whose text changed: its story's brief must be
  // rebuilt at the next Settle().
  void Touch(const std::string& article_id);
  // Revises the stream's window now (a stored revision, on replay).
  void Revise();
  // Applies an editor's correction: its moves (the first, for "detach",
  // names the new story). NotFound / InvalidArgument as StoryStream's.
  // The stories it touches are settled at the next Settle().
  Result<std::vector<StoryMove>> Correct(const StoryCorrection& correction);
  // Articles clustered so far.
  int64_t clustered() const { return static_cast<int64_t>(stream_.article_count()); }
  // Forgets the revisions' moves so far (a replay: they are stored).
  void DropMoves();

  // The current story of an article, "" when unknown.
  std::string StoryOf(const std::string& article_id) const;
  // The article this one copies, "" when none.
  std::string CopyOf(const std::string& article_id) const;

  // The copy links of the articles `ids`, in order.
  std::vector<MemberLinks> Links(const std::vector<std::string>& ids) const;

  // Revises the window when articles arrived since the last revision
  // (and `revise`), then: the stories touched since the last call, with
  // their current members.
  SettledStories Settle(bool revise = true);

  // The brief of a story from its articles (in arrival order); `now` is
  // the update time recorded in the summary.
  BuiltStory BuildStory(const std::string& story_id, const std::vector<const Article*>& articles,
                        const std::string& now);
  // The same from members whose links were taken (Links) beforehand.
  // Thread-safe: a repository builds briefs outside its writer.
  BuiltStory BuildBrief(const std::string& story_id, const std::vector<StoryMember>& members, const std::string& now);

 private:
  std::shared_ptr<BoilerplateMemory> boilerplate_;  // shared by the extractors
  ObjectPool<ArticleExtractor> extractors_;
  StoryStream stream_;
  int64_t unrevised_ = 0;  // articles clustered since the last revision Settle or Revise made
  std::unique_ptr<ObjectPool<BriefBuilder>> builders_;      // brief/ headers stay out of this one
  std::unordered_map<std::string, ClusterResult> results_;  // article id -> what Cluster decided
  std::set<std::string> touched_articles_;
  std::set<std::string> touched_stories_;  // by moves
  std::set<std::string> known_stories_;    // story ids as of the last Settle
};

// n of a story id "s-<n>", 0 for any other id.
int64_t StoryNumber(const std::string& story_id);

// "2026-11-26T10:45:00Z", now.
std::string NowIso8601();

}  // namespace storyfuse

#endif  // STORYFUSE_PIPELINE_STORY_PIPELINE_H_
