// bench_cluster: streaming clustering at scale on synthetic news.
//
//   bench_cluster [N] [batch] [knob=value ...]
//   bench_cluster N revising [window=N] [revise_every=N] [batch knobs]   (the StoryStream that --stream runs)
//       N defaults to 10000; run one N per process for peak RSS. `batch`
//       groups the N articles all at once (BatchClusterer) instead of
//       streaming them. Knobs change StoryIndexOptions for A/B runs:
//       query_terms, scan_postings, max_candidates, index_terms, late_factor;
//       with batch, BatchClusterOptions: the same graph knobs, neighbors,
//       cut, late_factor.
//
// Generates N articles with known stories and copies, in a news-like order
// (about 60 stories open at once; two articles a day ... 2,000 a day), feeds
// them to a StoryIndex one by one, and prints articles/s (clustering alone and
// with generation), peak RSS, BCubed P/R/F1 of the stories and
// precision/recall of the copy links.
//
// The stream: each story is an event of one of 400 kinds (an earthquake, a
// trial, ...): kind words shared with every event of that kind, plus the
// story's own people, place and numbers, so similar events run side by side
// and are told apart by who, where and the figures. Articles of a story are
// new write-ups (own words), wire copies with another site's chrome, updated
// versions (a paragraph added, a sentence changed), partial copies (three
// paragraphs of another article under an own lead), and noise articles that
// belong to no story. All text is invented from a synthetic lexicon.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/batch_clusterer.h"
#include "cluster/story_index.h"
#include "cluster/story_stream.h"
#include "eval/bcubed.h"

namespace storyfuse {
namespace {

class Rng {  // splitmix64: deterministic across platforms
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  double Unit() { return (Next() >> 11) * (1.0 / 9007199254740992.0); }

 private:
  uint64_t s_;
};

const char* kSyllables[] = {"ba", "ko",  "ri",  "ten", "mu",  "sa",  "lor", "vi",  "den", "pa",
                            "ga", "ne",  "tor", "li",  "mar", "so",  "ke",  "ran", "du",  "fe",
                            "ho", "zil", "ca",  "wen", "po",  "tri", "ma",  "sel", "ju",  "ro"};

std::string MakeWord(Rng& rng, int syllables) {
  std::string w;
  for (int i = 0; i < syllables; ++i) w += kSyllables[rng.Below(std::size(kSyllables))];
  return w;
}

std::string Capitalize(std::string w) {
  if (!w.empty()) w[0] = static_cast<char>(w[0] - 32);
  return w;
}

struct Lexicon {
  std::vector<std::string> common;              // Zipf-distributed background words
  std::vector<double> cumulative;               // Zipf CDF over `common`
  std::vector<std::vector<std::string>> kinds;  // per event kind, its words
  std::vector<std::string> names;               // people's names, reused across stories
  std::vector<std::string> places;

  explicit Lexicon(Rng& rng) {
    for (int i = 0; i < 20000; ++i) common.push_back(MakeWord(rng, 1 + static_cast<int>(rng.Below(3))));
    double sum = 0;
    for (size_t i = 0; i < common.size(); ++i) cumulative.push_back(sum += 1.0 / (i + 1));
    for (double& c : cumulative) c /= sum;
    for (int k = 0; k < 400; ++k) {
      kinds.emplace_back();
      for (int i = 0; i < 25; ++i) kinds.back().push_back(MakeWord(rng, 3));
    }
    for (int i = 0; i < 6000; ++i) names.push_back(Capitalize(MakeWord(rng, 2 + static_cast<int>(rng.Below(2)))));
    for (int i = 0; i < 2000; ++i) places.push_back(Capitalize(MakeWord(rng, 3)));
  }
  const std::string& Common(Rng& rng) const {
    auto it = std::lower_bound(cumulative.begin(), cumulative.end(), rng.Unit());
    return common[std::min<size_t>(it - cumulative.begin(), common.size() - 1)];
  }
};

struct Story {
  uint32_t gold = 0;
  size_t kind = 0;
  std::vector<std::string> people;  // "First Last"
  std::string place;
  std::vector<std::string> numbers;
  std::vector<std::string> details;  // the event's own vocabulary
  int day = 0;
  int remaining = 0;
  std::vector<size_t> originals;  // indexes into Stream::texts of own write-ups
};

struct Doc {
  Article article;
  uint32_t gold_story = 0;
  int64_t gold_copy = -1;  // article index it copies, or -1
};

class Stream {
 public:
  explicit Stream(uint64_t seed) : rng_(seed), lex_(rng_) {}

  Doc Next(size_t index) {
    day_ = static_cast<int>(index / 2000);
    while (open_.size() < 60) Open();
    Doc doc;
    doc.article.id = "a" + std::to_string(index);
    if (rng_.Unit() < 0.08) return Noise(index, std::move(doc));
    size_t pick = rng_.Below(open_.size());
    Story& s = open_[pick];
    doc.gold_story = s.gold;
    Write(s, index, &doc);
    if (--s.remaining == 0) {
      for (size_t o : s.originals) texts_[o].clear();  // the story is over
      open_[pick] = std::move(open_.back());
      open_.pop_back();
    }
    return doc;
  }

 private:
  void Open() {
    Story s;
    s.gold = next_gold_++;
    s.kind = rng_.Below(lex_.kinds.size());
    for (int i = 0; i < 3; ++i) {
      s.people.push_back(lex_.names[rng_.Below(lex_.names.size())] + " " + lex_.names[rng_.Below(lex_.names.size())]);
    }
    s.place = lex_.places[rng_.Below(lex_.places.size())];
    for (int i = 0; i < 3; ++i) s.numbers.push_back(std::to_string(10 + rng_.Below(5000)));
    for (int i = 0; i < 12; ++i) s.details.push_back(lex_.common[500 + rng_.Below(lex_.common.size() - 500)]);
    s.day = day_;
    s.remaining = 1 + static_cast<int>(-std::log(1 - rng_.Unit()) * 6);  // mean about 6.5
    open_.push_back(std::move(s));
  }

  std::string Sentence(const Story& s) {
    std::string out;
    int words = 12 + static_cast<int>(rng_.Below(10));
    for (int i = 0; i < words; ++i) {
      double r = rng_.Unit();
      std::string w;
      if (r < 0.55) {
        w = lex_.Common(rng_);
      } else if (r < 0.67) {
        const auto& kw = lex_.kinds[s.kind];
        w = kw[rng_.Below(kw.size())];
      } else if (r < 0.85 && !s.details.empty()) {
        w = s.details[rng_.Below(s.details.size())];
      } else if (r < 0.94) {
        w = s.people[rng_.Below(s.people.size())];
      } else if (r < 0.97) {
        w = s.place;
      } else {
        w = s.numbers[rng_.Below(s.numbers.size())];
      }
      if (i > 0) out += ' ';
      out += i == 0 ? Capitalize(w) : w;
    }
    out += ". ";
    return out;
  }

  std::string Paragraph(const Story& s) {
    std::string p;
    for (int i = 0, n = 2 + static_cast<int>(rng_.Below(2)); i < n; ++i) p += Sentence(s);
    p.back() = '\n';
    return p + "\n";
  }

  std::string Chrome() { return "Site " + std::to_string(rng_.Below(300)) + " | Home | World | Sign in\n\n"; }

  void Write(Story& s, size_t index, Doc* doc) {
    Article& a = doc->article;
    a.outlet = "Outlet " + std::to_string(rng_.Below(500));
    if (rng_.Unit() < 0.8) a.published.iso = Iso(day_ + static_cast<int>(rng_.Below(2)));
    double r = rng_.Unit();
    if (!s.originals.empty() && r < 0.30) {
      size_t from = s.originals[rng_.Below(s.originals.size())];
      const std::string& orig = texts_[from];
      doc->gold_copy = static_cast<int64_t>(from);
      if (r < 0.18) {  // wire copy under other chrome
        a.text = Chrome() + orig + "Copyright " + a.outlet + ".\n";
        a.wire = "Wire";
      } else if (r < 0.24) {  // updated version
        a.text = orig + "UPDATE: " + Paragraph(s);
      } else {  // partial copy: three paragraphs under an own lead
        a.text = Paragraph(s) + Paragraphs(orig, 1, 4);
      }
      texts_.push_back(std::string());
      return;
    }
    for (int i = 0, n = 4 + static_cast<int>(rng_.Below(3)); i < n; ++i) a.text += Paragraph(s);
    texts_.push_back(a.text);
    s.originals.push_back(index);
  }

  // Paragraphs [from, to) of `text` ("\n\n"-separated).
  static std::string Paragraphs(const std::string& text, int from, int to) {
    std::string out;
    size_t pos = 0;
    for (int i = 0; i < to && pos < text.size(); ++i) {
      size_t end = text.find("\n\n", pos);
      end = end == std::string::npos ? text.size() : end + 2;
      if (i >= from) out += text.substr(pos, end - pos);
      pos = end;
    }
    return out;
  }

  Doc Noise(size_t index, Doc doc) {
    Story s;
    s.kind = rng_.Below(lex_.kinds.size());
    s.people = {lex_.names[rng_.Below(lex_.names.size())]};
    s.place = lex_.places[rng_.Below(lex_.places.size())];
    s.numbers = {std::to_string(rng_.Below(100000))};
    for (int i = 0; i < 3; ++i) doc.article.text += Paragraph(s);
    doc.gold_story = next_gold_++;
    texts_.push_back(std::string());
    (void)index;
    return doc;
  }

  static std::string Iso(int day) {
    // Day 0 is 2024-01-01; months of 30 days are close enough for a stream.
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 2024 + day / 360, 1 + day % 360 / 30, 1 + day % 30);
    return buf;
  }

  Rng rng_;
  Lexicon lex_;
  std::vector<Story> open_;
  std::vector<std::string> texts_;  // per article: its text while its story is open, if original
  uint32_t next_gold_ = 0;
  int day_ = 0;
};

// CPU time of this thread: the machine may be shared, and the target is
// throughput on one core.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

void PrintQuality(const std::vector<std::string>& predicted, const std::vector<std::string>& gold,
                  const std::vector<int64_t>& gold_copy, const std::vector<int64_t>& predicted_copy) {
  size_t n = gold.size();
  BCubedScore s = BCubed::Score(predicted, gold);
  size_t links = 0, gold_links = 0, right = 0;
  for (size_t i = 0; i < n; ++i) {
    links += predicted_copy[i] >= 0;
    gold_links += gold_copy[i] >= 0;
    right += predicted_copy[i] >= 0 && predicted_copy[i] == gold_copy[i];
  }
  std::printf("  stories predicted %zu gold %zu; BCubed P %.4f R %.4f F1 %.4f\n", s.predicted_clusters, s.gold_clusters,
              s.precision, s.recall, s.f1);
  std::printf("  copy links predicted %zu gold %zu; precision %.4f recall %.4f\n", links, gold_links,
              links ? static_cast<double>(right) / links : 0.0,
              gold_links ? static_cast<double>(right) / gold_links : 0.0);
  // FNV-1a over every article's story id and copy link, in order: two runs
  // with the same digest grouped every article the same way, which F1 and
  // the story count alone do not prove (a speed change must keep stories).
  uint64_t digest = 0xcbf29ce484222325ULL;
  auto mix = [&](std::string_view bytes) {
    for (char c : bytes) digest = (digest ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  };
  for (size_t i = 0; i < n; ++i) {
    mix(predicted[i]);
    mix(" ");
    mix(std::to_string(predicted_copy[i]));
    mix("\n");
  }
  std::printf("  grouping digest %016llx\n", static_cast<unsigned long long>(digest));
}

// The same stream grouped all at once: articles are generated first (not
// timed), then added and grouped.
int RunBatch(size_t n, const BatchClusterOptions& options) {
  Stream stream(42);
  std::vector<Doc> docs;
  docs.reserve(n);
  for (size_t i = 0; i < n; ++i) docs.push_back(stream.Next(i));
  double c0 = ThreadCpuSeconds();
  BatchClusterer batch(options);
  for (const Doc& d : docs) batch.Add(d.article);
  double added = ThreadCpuSeconds();
  Grouping g = batch.Finish();
  double done = ThreadCpuSeconds();
  std::vector<std::string> gold, predicted;
  std::vector<int64_t> gold_copy, predicted_copy;
  for (size_t i = 0; i < n; ++i) {
    gold.push_back(std::to_string(docs[i].gold_story));
    gold_copy.push_back(docs[i].gold_copy);
    predicted.push_back(g.articles[i].story_id);
    const std::string& c = g.articles[i].copy_of;
    predicted_copy.push_back(c.empty() ? -1 : std::stoll(c.substr(1)));
  }
  std::printf(
      "N %zu batch: %.1f s CPU (%.1f s reading features and copies, %.1f s grouping), %.0f articles/s, "
      "peak RSS %.0f MB\n",
      n, done - c0, added - c0, done - added, n / (done - c0), PeakRssKb() / 1024.0);
  PrintQuality(predicted, gold, gold_copy, predicted_copy);
  return 0;
}

// The same stream through the StoryStream that revises its window (what
// --stream runs): CPU of Add, revisions included, and the final revision.
int RunRevising(size_t n, const StoryStreamOptions& options) {
  Stream stream(42);
  StoryStream revising(options);
  std::vector<std::string> gold, ids;
  std::vector<int64_t> gold_copy, predicted_copy;
  double cluster_cpu = 0;
  for (size_t i = 0; i < n; ++i) {
    Doc d = stream.Next(i);
    double c0 = ThreadCpuSeconds();
    ClusterResult r = revising.Add(d.article);
    cluster_cpu += ThreadCpuSeconds() - c0;
    ids.push_back(d.article.id);
    gold.push_back(std::to_string(d.gold_story));
    gold_copy.push_back(d.gold_copy);
    predicted_copy.push_back(r.copy_of.empty() ? -1 : std::stoll(r.copy_of.substr(1)));
  }
  double c0 = ThreadCpuSeconds();
  revising.Revise();
  cluster_cpu += ThreadCpuSeconds() - c0;
  std::vector<std::string> predicted;
  for (const std::string& id : ids) predicted.push_back(revising.StoryOf(id));
  std::printf("N %zu revising: clustering %.0f articles/s of CPU time (%.1f s), peak RSS %.0f MB, stream %.0f MB\n", n,
              n / cluster_cpu, cluster_cpu, PeakRssKb() / 1024.0, revising.MemoryBytes() / 1048576.0);
  PrintQuality(predicted, gold, gold_copy, predicted_copy);
  return 0;
}

int Run(size_t n, const StoryIndexOptions& options) {
  Stream stream(42);
  StoryIndex index(options);
  std::vector<std::string> gold;
  std::vector<int64_t> gold_copy, predicted_copy;
  std::vector<std::string> ids;
  double cluster_seconds = 0, cluster_cpu = 0;
  auto start = std::chrono::steady_clock::now();
  for (size_t i = 0; i < n; ++i) {
    Doc d = stream.Next(i);
    auto t0 = std::chrono::steady_clock::now();
    double c0 = ThreadCpuSeconds();
    ClusterResult r = index.Add(d.article);
    cluster_cpu += ThreadCpuSeconds() - c0;
    cluster_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ids.push_back(d.article.id);
    gold.push_back(std::to_string(d.gold_story));
    gold_copy.push_back(d.gold_copy);
    predicted_copy.push_back(r.copy_of.empty() ? -1 : std::stoll(r.copy_of.substr(1)));
  }
  double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<std::string> predicted;
  for (const std::string& id : ids) predicted.push_back(index.StoryOf(id));
  std::printf(
      "N %zu: clustering %.0f articles/s of CPU time (%.0f wall; %.0f wall with generation), "
      "peak RSS %.0f MB, index %.0f MB\n",
      n, n / cluster_cpu, n / cluster_seconds, n / total, PeakRssKb() / 1024.0, index.MemoryBytes() / 1048576.0);
  PrintQuality(predicted, gold, gold_copy, predicted_copy);
  return 0;
}

}  // namespace
}  // namespace storyfuse

namespace {

// Sets the batch knob named before '=' in `arg`; false when unknown or
// malformed.
bool SetBatchKnob(const std::string& arg, storyfuse::BatchClusterOptions* o) {
  size_t eq = arg.find('=');
  if (eq == std::string::npos) return false;
  std::string name = arg.substr(0, eq);
  double value = std::strtod(arg.c_str() + eq + 1, nullptr);
  if (name == "cut") return o->cut = value, true;
  if (name == "late_factor") return o->late_factor = value, true;
  if (value < 1) return false;
  size_t* knob = name == "query_terms"         ? &o->graph.query_terms
                 : name == "index_terms"       ? &o->graph.index_terms
                 : name == "scan_postings"     ? &o->graph.scan_postings
                 : name == "max_candidates"    ? &o->graph.candidates
                 : name == "neighbors"         ? &o->graph.neighbors
                 : name == "context_neighbors" ? &o->context_neighbors
                                               : nullptr;
  if (knob == nullptr) return false;
  *knob = static_cast<size_t>(value);
  return true;
}

// Sets the knob named before '=' in `arg`; false when unknown or malformed.
bool SetKnob(const std::string& arg, storyfuse::StoryIndexOptions* o) {
  size_t eq = arg.find('=');
  if (eq == std::string::npos) return false;
  std::string name = arg.substr(0, eq);
  if (name == "late_factor") {
    o->late_factor = std::strtod(arg.c_str() + eq + 1, nullptr);
    return true;
  }
  size_t value = std::strtoull(arg.c_str() + eq + 1, nullptr, 10);
  size_t* knob = name == "query_terms"      ? &o->query_terms
                 : name == "scan_postings"  ? &o->scan_postings
                 : name == "max_candidates" ? &o->max_candidates
                 : name == "index_terms"    ? &o->index_terms
                                            : nullptr;
  if (knob == nullptr || value == 0) return false;
  *knob = value;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10000;
  storyfuse::StoryIndexOptions options;
  storyfuse::BatchClusterOptions batch_options;
  bool ok = n > 0;
  bool batch = argc > 2 && std::string(argv[2]) == "batch";
  if (argc > 2 && std::string(argv[2]) == "revising") {
    // Knobs: window=N, revise_every=N.
    storyfuse::StoryStreamOptions o;
    for (int i = 3; i < argc; ++i) {
      std::string arg = argv[i];
      size_t eq = arg.find('=');
      size_t value = eq == std::string::npos ? 0 : std::strtoull(arg.c_str() + eq + 1, nullptr, 10);
      if (arg.rfind("window=", 0) == 0) {
        o.window = value;
      } else if (arg.rfind("revise_every=", 0) == 0) {
        o.revise_every = value;
      } else if (SetBatchKnob(arg, &o.batch)) {
        // The evidence and graph knobs of batch, as the stream's window uses them.
      } else {
        std::fprintf(stderr, "usage: bench_cluster N revising [window|revise_every|<batch knob>=VALUE ...]\n");
        return 2;
      }
    }
    return storyfuse::RunRevising(n, o);
  }
  for (int i = batch ? 3 : 2; i < argc && ok; ++i) {
    ok = batch ? SetBatchKnob(argv[i], &batch_options) : SetKnob(argv[i], &options);
  }
  if (!ok) {
    std::fprintf(
        stderr,
        "usage: bench_cluster [N] [query_terms|scan_postings|max_candidates|index_terms|late_factor=VALUE ...]\n"
        "       bench_cluster N batch "
        "[query_terms|index_terms|scan_postings|max_candidates|neighbors|context_neighbors|cut|"
        "late_factor=VALUE ...]\n");
    return 2;
  }
  return batch ? storyfuse::RunBatch(n, batch_options) : storyfuse::Run(n, options);
}
