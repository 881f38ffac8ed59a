// Rouge: ROUGE-1, ROUGE-2 and ROUGE-SU4 recall exactly as ROUGE-1.5.5 computes
// them with `-n 2 -2 4 -u -m -l N -c 95 -r 1000 -f A -p 0.5 -t 0 -a`
// (the definition is spelled out in ../shared/data/README.md).
//
// For each summary (peer and references alike):
//  1. each line counts as one sentence (blank lines are ignored),
//     and only its first N words are kept, a word being a field of Perl's
//     split(/\s+/) of the line (a leading blank yields an empty first word);
//  2. ASCII letters are lower-cased and every byte outside [a-z0-9] becomes
//     a space; the remaining runs are the tokens;
//  3. a token of more than 3 bytes becomes its base form when WordNet's
//     exception list has it, else its PorterStemmer stem (eval/porter_stemmer.h);
//  4. unigrams, bigrams and SU4 units (skip-bigrams at distance 1..5, plus the
//     unigrams of all tokens except the final one, as the Perl script does) are counted
//     as multisets over the whole summary.
// Per cluster (`-f A`) clipped matches and reference counts are pooled over
// the references; recall = Σ matches / Σ reference counts.
//
// A Rouge object is immutable after Create(): thread-safe for concurrent use.
#ifndef STORYFUSE_EVAL_ROUGE_H_
#define STORYFUSE_EVAL_ROUGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/status.h"

namespace storyfuse {

// Matches and reference totals of one n-gram kind, pooled over references.
struct RougeCount {
  int64_t hits = 0;
  int64_t total = 0;
  // hits / total, 0 when the references hold no such n-gram.
  double Recall() const { return total > 0 ? static_cast<double>(hits) / total : 0.0; }
};

// One cluster's (one peer against its references) counts.
struct ClusterRouge {
  RougeCount r1;
  RougeCount r2;
  RougeCount su4;
};

// A metric over a set of clusters: the plain mean of per-cluster recall and
// the script's reported "Average_R" (mean of its bootstrap means).
struct RougeFigure {
  double mean = 0;
  double bootstrap = 0;
};

struct RougeReport {
  RougeFigure r1;
  RougeFigure r2;
  RougeFigure su4;
  size_t clusters = 0;

  // Three lines, "ROUGE-1   mean 39.33  Average_R 39.30" (recall x 100).
  std::string ToString() const;
};

class Rouge {
 public:
  struct Options {
    int max_words = 100;  // -l N; 0 or less keeps every word
  };

  // Loads the WordNet exception list ("inflected base" per line) from
  // `exceptions_path`. Returns NotFound when it cannot be opened and
  // Corruption when it holds no entry.
  static Result<Rouge> Create(const std::string& exceptions_path, Options options);
  // A Rouge from entries given directly (tests); no I/O.
  Rouge(std::unordered_map<std::string, std::string> exceptions, Options options);

  // The stemmed tokens of a summary given as its file contents (steps 1-3).
  std::vector<std::string> Tokenize(std::string_view summary) const;

  // Scores one peer summary against its references (file contents).
  ClusterRouge Score(std::string_view peer, const std::vector<std::string_view>& references) const;

  // Same, on already tokenized summaries.
  static ClusterRouge ScoreTokens(const std::vector<std::string>& peer,
                                  const std::vector<std::vector<std::string>>& references);

  // Mean and bootstrap figures over clusters. `clusters` pairs each
  // cluster's name with its counts; order does not matter (the bootstrap
  // numbers clusters by sorted name, as the script does). `samples` is -r.
  static RougeReport Aggregate(std::vector<std::pair<std::string, ClusterRouge>> clusters, int samples = 1000);

  // The script's Average_R of per-cluster scores given in cluster-name
  // order: for r = 0..samples-1, seed Perl's drand48 with r, draw n cluster
  // numbers from the string-sorted list "1".."n", average; mean of averages.
  static double BootstrapMean(const std::vector<double>& scores, int samples = 1000);

 private:
  std::unordered_map<std::string, std::string> exceptions_;
  Options options_;
};

}  // namespace storyfuse

#endif  // STORYFUSE_EVAL_ROUGE_H_
