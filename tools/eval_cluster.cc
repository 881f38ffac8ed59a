// storyfuse eval cluster [--stream [--one-pass]] FILE.jsonl...
//
// Clusters labelled articles (JSONL with a gold `label` per line), all at
// once (BatchClusterer) or, with --stream, as a stream (StoryStream, which
// keeps a recent window open and regroups it; with --one-pass, StoryIndex,
// which never revises), and prints BCubed precision, recall and F1, the number of
// stories predicted and gold, and throughput (clustering alone, and end to
// end with reading and cleaning) in CPU time of this thread, which a busy
// machine disturbs far less than wall time.
#include <time.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "cluster/batch_clusterer.h"
#include "cluster/feature_extractor.h"
#include "cluster/reference_similarity.h"
#include "cluster/story_index.h"
#include "cluster/story_linker.h"
#include "cluster/story_stream.h"
#include "eval/average_link.h"
#include "eval/bcubed.h"
#include "tools/article_source.h"
#include "tools/command.h"

namespace storyfuse {
namespace {

struct EvalClusterOptions {
  std::vector<std::string> inputs;
  bool stream = false;    // a stream instead of BatchClusterer: StoryStream, which revises a recent window ...
  bool one_pass = false;  // ... or StoryIndex, the one pass that never revises
  bool revising = false;  // accepted for old command lines: the stream revises by default
  StoryIndexOptions index;
  StoryStreamOptions stream_options;
  BatchClusterOptions batch;
  std::string predictions;       // file for "id<TAB>gold<TAB>predicted" lines, when set
  size_t orders = 1;             // the input order, then orders - 1 seeded shuffles
  bool reference = false;        // also score the offline average-link reference
  bool by_date = false;          // dated articles in publication order, undated where they arrive
  bool partition_split = false;  // the story partitions' merge step, on the dated articles (docs/scale.md)
};

// The reference holds an n x n matrix (and its working copy): 10,000
// articles take about 1.2 GB.
constexpr size_t kMaxReferenceArticles = 10000;

// `order` with its dated articles sorted by publication day (stably, so
// one day's articles keep their order) in the places dated articles hold,
// and the undated ones where they were: how a real stream arrives, where
// undated articles come whenever they are fetched.
std::vector<size_t> ByDate(const std::vector<Article>& articles, std::vector<size_t> order) {
  constexpr size_t kIsoDay = 10;  // "YYYY-MM-DD"
  std::vector<size_t> places, dated;
  for (size_t k = 0; k < order.size(); ++k) {
    if (articles[order[k]].published.iso.size() < kIsoDay) continue;
    places.push_back(k);
    dated.push_back(order[k]);
  }
  std::stable_sort(dated.begin(), dated.end(), [&articles](size_t x, size_t y) {
    return articles[x].published.iso.compare(0, kIsoDay, articles[y].published.iso, 0, kIsoDay) < 0;
  });
  for (size_t k = 0; k < places.size(); ++k) order[places[k]] = dated[k];
  return order;
}

// Each article's story and copy link when `articles` arrive in `order`,
// in the mode `opt` asks for; indexed like `articles`.
std::vector<ClusterResult> Predict(const EvalClusterOptions& opt, const std::vector<Article>& articles,
                                   std::vector<size_t> order) {
  if (opt.by_date) order = ByDate(articles, std::move(order));
  std::vector<ClusterResult> out(articles.size());
  if (opt.stream && !opt.one_pass) {
    StoryStreamOptions o = opt.stream_options;
    o.batch = opt.batch;
    StoryStream stream(o);
    for (size_t i : order) out[i] = stream.Add(articles[i]);
    stream.Revise();
    for (size_t i = 0; i < articles.size(); ++i) out[i].story_id = stream.StoryOf(articles[i].id);
  } else if (opt.stream) {
    StoryIndex index(opt.index);
    for (size_t i : order) out[i] = index.Add(articles[i]);
    for (size_t i = 0; i < articles.size(); ++i) out[i].story_id = index.StoryOf(articles[i].id);
  } else {
    BatchClusterer batch(opt.batch);
    for (size_t i : order) batch.Add(articles[i]);
    Grouping g = batch.Finish();
    for (size_t k = 0; k < order.size(); ++k) out[order[k]] = std::move(g.articles[k]);
  }
  return out;
}

// Scores of the labelled articles when `articles` arrive in `order`.
BCubedScore ScoreOrder(const EvalClusterOptions& opt, const std::vector<Article>& articles,
                       const std::vector<std::string>& labels, const std::vector<size_t>& order) {
  std::vector<ClusterResult> story = Predict(opt, articles, order);
  std::vector<std::string> predicted, gold;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (labels[i].empty()) continue;
    predicted.push_back(story[i].story_id);
    gold.push_back(labels[i]);
  }
  return BCubed::Score(predicted, gold);
}

// 0 .. n-1 shuffled by Fisher-Yates over splitmix64 seeded with `seed`:
// the same order on every platform, unlike std::shuffle.
std::vector<size_t> SeededShuffle(size_t n, uint64_t seed) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  uint64_t state = seed;
  auto next = [&state] {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[next() % i]);
  return order;
}

// A stream's quality depends on its order: `input_order` (the score of the
// pass already made), then shuffles seeded 1, 2, ..., and the mean and
// range of the scores.
void PrintOrders(const EvalClusterOptions& opt, const std::vector<Article>& articles,
                 const std::vector<std::string>& labels, const BCubedScore& input_order) {
  double p = 0, r = 0, f = 0, lo = 1, hi = 0;
  for (size_t k = 0; k < opt.orders; ++k) {
    BCubedScore s = k == 0 ? input_order : ScoreOrder(opt, articles, labels, SeededShuffle(articles.size(), k));
    p += s.precision, r += s.recall, f += s.f1;
    lo = std::min(lo, s.f1), hi = std::max(hi, s.f1);
  }
  double n = static_cast<double>(opt.orders);
  std::printf("orders       %zu: mean P %.4f  R %.4f  F1 %.4f (F1 from %.4f to %.4f)\n", opt.orders, p / n, r / n,
              f / n, lo, hi);
}

double ThreadCpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

// What a streaming pass is measured against: every pair of labelled
// articles scored at once (ReferenceSimilarity), average linkage, and the
// cut of its dendrogram that scores best against the gold labels. That cut
// is chosen on the gold, so it is a ceiling for this evidence, not a result.
void PrintReference(const EvalClusterOptions& opt, const std::vector<Article>& articles,
                    const std::vector<std::string>& labels) {
  std::vector<Article> labelled;
  std::vector<std::string> gold;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (labels[i].empty()) continue;
    labelled.push_back(articles[i]);
    gold.push_back(labels[i]);
  }
  if (labelled.size() > kMaxReferenceArticles) {
    std::printf("reference    skipped: %zu labelled articles, more than %zu\n", labelled.size(), kMaxReferenceArticles);
    return;
  }
  double start = ThreadCpuSeconds();
  std::vector<float> m = ReferenceSimilarity(opt.index).Matrix(labelled);
  std::vector<AverageLink::Merge> merges = AverageLink::Run(m, labelled.size(), 0.0);
  BCubedScore best;
  double best_cut = 0;
  for (int step = 1; step <= 60; ++step) {
    std::vector<uint32_t> cut = AverageLink::Cut(merges, labelled.size(), step / 100.0);
    std::vector<std::string> predicted;
    for (uint32_t c : cut) predicted.push_back(std::to_string(c));
    BCubedScore s = BCubed::Score(predicted, gold);
    if (s.f1 > best.f1) best = s, best_cut = step / 100.0;
  }
  std::printf("reference    offline average link, best cut %.2f: P %.4f  R %.4f  F1 %.4f, %zu stories (%.2f s CPU)\n",
              best_cut, best.precision, best.recall, best.f1, best.predicted_clusters, ThreadCpuSeconds() - start);
}

// Story partitions (docs/scale.md) simulated on the labelled dated
// articles: split at the median publication day into an earlier and a
// later window, one StoryIndex each (in date order, as each partition's
// assigner sees its articles), then the merge step (StoryLinker). Prints
// BCubed of one index over the same articles, of the two partitions, and
// of the partitions with the linked stories joined, and how many links
// join stories whose gold labels differ (each story taken as its most
// common gold label).
void PrintPartitionSplit(const EvalClusterOptions& opt, const std::vector<Article>& articles,
                         const std::vector<std::string>& labels) {
  std::vector<size_t> dated;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (!labels[i].empty() && FeatureExtractor::DayOf(articles[i].published.iso) != kNoDay) dated.push_back(i);
  }
  std::stable_sort(dated.begin(), dated.end(), [&](size_t x, size_t y) {
    return FeatureExtractor::DayOf(articles[x].published.iso) < FeatureExtractor::DayOf(articles[y].published.iso);
  });
  if (dated.size() < 2) {
    std::printf("partitions   %zu labelled dated articles: nothing to split\n", dated.size());
    return;
  }
  int32_t boundary = FeatureExtractor::DayOf(articles[dated[dated.size() / 2]].published.iso);
  StoryIndex one(opt.index), side[2] = {StoryIndex(opt.index), StoryIndex(opt.index)};
  std::vector<int> side_of(articles.size(), 0);
  for (size_t i : dated) {
    one.Add(articles[i]);
    side_of[i] = FeatureExtractor::DayOf(articles[i].published.iso) >= boundary;
    side[side_of[i]].Add(articles[i]);
  }
  StoryLinker linker(opt.index);
  for (size_t i : dated) {
    linker.Add(articles[i], side_of[i] ? StoryLinker::kLater : StoryLinker::kEarlier,
               side[side_of[i]].StoryOf(articles[i].id));
  }
  std::vector<StoryLink> links = linker.Links();
  std::map<std::string, std::string> joined;  // later story -> earlier story
  for (const StoryLink& l : links) joined[l.later] = l.earlier;
  std::vector<std::string> gold, by_one, before, after;
  std::map<std::string, std::map<std::string, int>> labels_of;  // "side:story" -> gold label counts
  std::set<std::string> gold_sides[2];
  for (size_t i : dated) {
    std::string story = side[side_of[i]].StoryOf(articles[i].id);
    gold.push_back(labels[i]);
    by_one.push_back(one.StoryOf(articles[i].id));
    before.push_back(std::to_string(side_of[i]) + ":" + story);
    after.push_back(side_of[i] && joined.count(story) ? "0:" + joined[story] : before.back());
    ++labels_of[before.back()][labels[i]];
    gold_sides[side_of[i]].insert(labels[i]);
  }
  auto main_label = [&](const std::string& key) {
    std::string best;
    for (const auto& [label, n] : labels_of[key]) {
      if (best.empty() || n > labels_of[key][best]) best = label;
    }
    return best;
  };
  size_t wrong = 0;
  for (const StoryLink& l : links) wrong += main_label("0:" + l.earlier) != main_label("1:" + l.later);
  size_t crossing = 0;
  for (const std::string& g : gold_sides[0]) crossing += gold_sides[1].count(g);
  BCubedScore s1 = BCubed::Score(by_one, gold), s2 = BCubed::Score(before, gold), s3 = BCubed::Score(after, gold);
  std::printf("partitions   %zu labelled dated articles split at day %s: %zu gold stories on both sides\n",
              dated.size(), articles[dated[dated.size() / 2]].published.iso.substr(0, 10).c_str(), crossing);
  std::printf("  one index      P %.4f  R %.4f  F1 %.4f, %zu stories\n", s1.precision, s1.recall, s1.f1,
              s1.predicted_clusters);
  std::printf("  two partitions P %.4f  R %.4f  F1 %.4f, %zu stories\n", s2.precision, s2.recall, s2.f1,
              s2.predicted_clusters);
  std::printf(
      "  merge step     P %.4f  R %.4f  F1 %.4f, %zu stories: %zu links (%zu stories compared), %zu joining "
      "stories of different gold labels\n",
      s3.precision, s3.recall, s3.f1, s3.predicted_clusters, links.size(), linker.compared(), wrong);
}

// One line per labelled article, for error analysis. False when `path`
// cannot be written.
bool WritePredictions(const std::string& path, const std::vector<std::string>& ids,
                      const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) return false;
  for (size_t i = 0; i < ids.size(); ++i) {
    std::fprintf(out, "%s\t%s\t%s\n", ids[i].c_str(), gold[i].c_str(), predicted[i].c_str());
  }
  return std::fclose(out) == 0;
}

int RunEvalCluster(const EvalClusterOptions& opt) {
  double start = ThreadCpuSeconds();
  ArticleSource source;
  std::vector<Article> articles;
  std::vector<std::string> labels;
  source.ForEach(opt.inputs, [&](Article&& a, const RawDoc& doc) {
    articles.push_back(std::move(a));
    labels.push_back(doc.label);
  });
  double t0 = ThreadCpuSeconds();
  std::vector<size_t> order(articles.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<ClusterResult> story = Predict(opt, articles, order);
  double clustering = ThreadCpuSeconds() - t0;
  double total = ThreadCpuSeconds() - start;
  std::vector<std::string> ids, gold, predicted;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (labels[i].empty()) continue;
    ids.push_back(articles[i].id);
    gold.push_back(labels[i]);
    predicted.push_back(story[i].story_id);
  }
  size_t copies = 0;
  for (const ClusterResult& r : story) copies += !r.copy_of.empty();
  if (ids.empty()) {
    std::fprintf(stderr, "storyfuse: eval cluster: no labelled articles in the input\n");
    return kExitBadInput;
  }
  if (!opt.predictions.empty() && !WritePredictions(opt.predictions, ids, gold, predicted)) {
    std::fprintf(stderr, "storyfuse: eval cluster: cannot write %s\n", opt.predictions.c_str());
    return kExitBadInput;
  }
  BCubedScore s = BCubed::Score(predicted, gold);
  size_t n = articles.size();
  std::printf("mode         %s\n", !opt.stream    ? "batch (all at once)"
                                   : opt.one_pass ? "stream (one pass)"
                                                  : "stream (revising a recent window)");
  std::printf("articles     %zu (%zu labelled), copy links %zu\n", n, ids.size(), copies);
  std::printf("stories      predicted %zu, gold %zu\n", s.predicted_clusters, s.gold_clusters);
  std::printf("BCubed       P %.4f  R %.4f  F1 %.4f\n", s.precision, s.recall, s.f1);
  std::printf("throughput   %.0f articles/s clustering (%.3f s CPU), %.0f articles/s end to end (%.3f s CPU)\n",
              n / std::max(clustering, 1e-9), clustering, n / std::max(total, 1e-9), total);
  if (opt.orders > 1) PrintOrders(opt, articles, labels, s);
  if (opt.reference) PrintReference(opt, articles, labels);
  if (opt.partition_split) PrintPartitionSplit(opt, articles, labels);
  return source.had_errors() ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterEvalCluster(CLI::App& eval, int* exit_code) {
  auto opt = std::make_shared<EvalClusterOptions>();
  CLI::App* cmd = eval.add_subcommand("cluster", "BCubed scores of story clustering on labelled JSONL");
  cmd->add_option("inputs", opt->inputs, "JSONL files with id, text, label")->required();
  cmd->add_flag("--stream", opt->stream,
                "Cluster as a stream that revises a recent window (StoryStream) instead of all at once");
  cmd->add_flag("--one-pass", opt->one_pass, "With --stream: the one pass that never revises (StoryIndex)");
  cmd->add_flag("--revising", opt->revising, "With --stream: the default now (kept for old command lines)");
  cmd->add_option("--window", opt->stream_options.window, "Stream: recent arrivals that may still move")
      ->capture_default_str();
  cmd->add_option("--window-days", opt->stream_options.window_days,
                  "Stream: days before the newest an article may still move")
      ->capture_default_str();
  cmd->add_option("--story-link", opt->stream_options.story_link,
                  "Stream: centroid score linking an article to a final story")
      ->capture_default_str();
  cmd->add_option("--story-link-weight", opt->stream_options.story_link_weight,
                  "Stream: factor on a final story's link in a revision")
      ->capture_default_str();
  cmd->add_flag("--story-link-mean", opt->stream_options.story_link_mean,
                "Stream: score final-story links by mean similarity to the story's articles");
  cmd->add_option("--freeze-by-day", opt->stream_options.freeze_by_day,
                  "Stream: also freeze articles published window-days before the newest (0: by arrivals only)")
      ->capture_default_str();
  cmd->add_flag("--by-date", opt->by_date,
                "Feed dated articles in publication order, undated ones where they arrive (each order)");
  cmd->add_option("--revise-every", opt->stream_options.revise_every, "Stream: arrivals between two revisions")
      ->capture_default_str();
  // Batch settings, for studying their effect (the defaults are the library's).
  cmd->add_option("--cut", opt->batch.cut, "Batch: average linkage stops below this")->capture_default_str();
  cmd->add_option("--neighbors", opt->batch.graph.neighbors, "Batch: strongest links kept per article")
      ->capture_default_str();
  cmd->add_option("--graph-query-terms", opt->batch.graph.query_terms, "Batch: strongest terms an article looks up")
      ->capture_default_str();
  cmd->add_option("--graph-index-terms", opt->batch.graph.index_terms, "Batch: strongest terms an article is found by")
      ->capture_default_str();
  cmd->add_option("--graph-scan", opt->batch.graph.scan_postings, "Batch: postings read per looked-up term")
      ->capture_default_str();
  cmd->add_option("--graph-candidates", opt->batch.graph.candidates, "Batch: articles scored exactly per article")
      ->capture_default_str();
  cmd->add_option("--context-neighbors", opt->batch.context_neighbors,
                  "Batch: links forming an article's neighbourhood")
      ->capture_default_str();
  cmd->add_option("--context-weight", opt->batch.context_weight, "Batch: weight of the neighbourhood cosine")
      ->capture_default_str();
  cmd->add_option("--batch-conflict-factor", opt->batch.conflict_factor, "Batch: score factor on name conflict")
      ->capture_default_str();
  cmd->add_option("--batch-late-factor", opt->batch.late_factor, "Batch: score factor for dated articles far apart")
      ->capture_default_str();
  cmd->add_option("--batch-name-boost", opt->batch.name_boost, "Batch: weight of names")->capture_default_str();
  cmd->add_option("--batch-number-boost", opt->batch.number_boost, "Batch: weight of numbers")->capture_default_str();
  cmd->add_option("--batch-lead-tokens", opt->batch.lead_tokens, "Batch: leading tokens counted twice")
      ->capture_default_str();
  // Clustering parameters, for studying their effect (defaults are the library's).
  cmd->add_option("--scan-postings", opt->index.scan_postings, "Newest stories looked at per query term")
      ->capture_default_str();
  cmd->add_option("--late-factor", opt->index.late_factor,
                  "Score factor for a story more than --max-gap-days away (0: no join)")
      ->capture_default_str();
  cmd->add_option("--max-candidates", opt->index.max_candidates, "Candidate stories scored per article")
      ->capture_default_str();
  cmd->add_option("--join-threshold", opt->index.join_threshold, "Cosine to join a story")->capture_default_str();
  cmd->add_option("--merge-threshold", opt->index.merge_threshold, "Cosine to merge two stories")
      ->capture_default_str();
  cmd->add_option("--name-boost", opt->index.name_boost, "Weight of name features")->capture_default_str();
  cmd->add_option("--conflict-factor", opt->index.conflict_factor, "Score factor on name conflict")
      ->capture_default_str();
  cmd->add_option("--conflict-names", opt->index.conflict_names, "Strongest names compared for a join conflict")
      ->capture_default_str();
  cmd->add_option("--salient-names", opt->index.salient_names, "Story names that must lead the other story to merge")
      ->capture_default_str();
  cmd->add_option("--lead-tokens", opt->index.lead_tokens, "Leading tokens counted twice")->capture_default_str();
  cmd->add_option("--number-boost", opt->index.number_boost, "Weight of number features")->capture_default_str();
  cmd->add_option("--max-gap-days", opt->index.max_gap_days, "Days a dated article may lie outside a story's span")
      ->capture_default_str();
  cmd->add_option("--merge-names", opt->index.merge_names, "Leading story names checked before a merge")
      ->capture_default_str();
  cmd->add_option("--orders", opt->orders, "Also score N orders (input order, then seeded shuffles): mean and range")
      ->capture_default_str();
  cmd->add_flag(
      "--reference", opt->reference,
      "Also print the offline average-link reference on the same evidence, cut where it scores best (quadratic)");
  cmd->add_flag("--partition-split", opt->partition_split,
                "Also simulate two story partitions split at the labelled dated articles' median day, and the "
                "merge step across them (docs/scale.md)");
  cmd->add_option("--predictions", opt->predictions, "Write id, gold and predicted story per line to FILE");
  cmd->callback([opt, exit_code] { *exit_code = RunEvalCluster(*opt); });
}

}  // namespace storyfuse
