#!/usr/bin/env bash
# Clustering CPU time on the two labelled dev files, the figure behind the
# "50x the scikit-learn reach" bar of docs/benchmarks.md.
#
#   scripts/bench_dev_cluster.sh [RUNS] [BINARY...]
#
# For each binary (default build/tools/storyfuse), runs `eval cluster` on
# duc-multinews-dev and ecbplus-dev RUNS times (default 5), binaries
# interleaved so a busy spell hits all of them alike, and prints the best
# total of the two clustering CPU times and its ratio to scikit-learn's 16 s.
set -euo pipefail
runs=${1:-5}
shift || true
bins=("$@")
[ ${#bins[@]} -eq 0 ] && bins=(build/tools/storyfuse)
data=${STORYFUSE_SHARED_DIR:-../shared}/data/clustering
for f in duc-multinews-dev ecbplus-dev; do
  [ -r "$data/$f.jsonl" ] || { echo "bench_dev_cluster: $data/$f.jsonl not found (set STORYFUSE_SHARED_DIR)" >&2; exit 2; }
done
declare -A best
for ((i = 0; i < runs; i++)); do
  for b in "${bins[@]}"; do
    total=0
    for f in duc-multinews-dev ecbplus-dev; do
      # ecbplus has two articles without text: eval reports them and exits 2.
      s=$( ("$b" eval cluster "$data/$f.jsonl" 2>/dev/null || true) | sed -n 's/.*clustering (\([0-9.]*\) s CPU).*/\1/p')
      total=$(awk -v a="$total" -v b="$s" 'BEGIN { print a + b }')
    done
    best[$b]=$(awk -v a="${best[$b]:-1e9}" -v b="$total" 'BEGIN { print (b < a) ? b : a }')
  done
done
for b in "${bins[@]}"; do
  awk -v b="$b" -v t="${best[$b]}" 'BEGIN { printf "%s: best %.3f s CPU of %d runs, %.0fx the scikit-learn reach (16 s)\n", b, t, '"$runs"', 16 / t }'
done
