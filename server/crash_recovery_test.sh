#!/usr/bin/env bash
# kill -9 during a 10,000-article `storyfuse ingest`, restart it, and check
# that every article is stored exactly once and that the store is complete
# after ingest alone: every article in a story and every story's brief
# listing exactly its articles, with nothing left for `storyfuse serve` to
# repair when it opens the store (`serve --check` reports 0 repaired).
# The restarted ingest is what repairs the killed run's half-done batch.
# Exit 77 (skipped) when the ingest command is not built. Needs only bash
# and awk.
set -u
sf=${STORYFUSE:-build/tools/storyfuse}
n=${ARTICLES:-10000}
"$sf" ingest --help >/dev/null 2>&1 || { echo "SKIP: this storyfuse has no ingest command"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/crash.db

# Invented articles: n/10 stories of 10 reports each, about fictional towns.
awk -v n="$n" 'BEGIN {
  split("vel mor tal vik bran dal ser ko lin ra sto fen gar hul ost pe quin rud sal tor", syl, " ");
  split("bridge reopened|ferry strike ended|library fire was contained|harbour flooded|rail line closed", ev, "|");
  split("Harbour Daily|Coast Courier|Fjord Post|Valley Ledger|North Wire", out, "|");
  for (i = 0; i < n; i++) {
    s = int(i / 10); v = i % 10;
    town = toupper(substr(syl[s % 20 + 1], 1, 1)) substr(syl[s % 20 + 1], 2) syl[int(s / 20) % 20 + 1] syl[int(s / 400) % 20 + 1];
    printf "{\"id\": \"crash-%05d\", \"outlet\": \"%s\", \"title\": \"%s: %s\", \"text\": \"The %s in %s on Tuesday, officials said.\\n\\nThe mayor of %s said %d residents were moved overnight.\\n\\nRepairs are expected to cost %d.%d million crowns, the council said.\\n\\nReport %d: crews worked through the night near the %s square.\"}\n",
      i, out[v % 5 + 1], town, ev[s % 5 + 1], ev[s % 5 + 1], town, town, 20 + s % 70 + v % 3, 3 + s % 9, v, i, town
  }
}' > "$tmp/articles.jsonl"
[ "$(wc -l < "$tmp/articles.jsonl")" = "$n" ] || { echo "FAIL: generator wrote $(wc -l < "$tmp/articles.jsonl") lines"; exit 1; }

# 1. Start the ingest and kill -9 it once it has written part of the store.
"$sf" ingest --db "$db" "$tmp/articles.jsonl" > "$tmp/first.out" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  size=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
  [ "$size" -gt 2000000 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
if kill -0 "$pid" 2>/dev/null; then
  kill -9 "$pid"; wait "$pid" 2>/dev/null
  echo "killed the first ingest (-9) with a WAL of $(stat -c %s "$db-wal" 2>/dev/null || echo 0) bytes"
else
  echo "FAIL: the first ingest finished before it could be killed; raise ARTICLES"; exit 1
fi

# 2. Ingest everything again: what was stored is unchanged, the rest inserted.
"$sf" ingest --db "$db" "$tmp/articles.jsonl" > "$tmp/second.out" 2>&1 || { echo "FAIL: second ingest"; cat "$tmp/second.out"; exit 1; }
summary=$(tail -1 "$tmp/second.out")
echo "second ingest: $summary"
inserted=$(sed -n 's/.*: \([0-9]*\) inserted.*/\1/p' <<< "$summary")
unchanged=$(sed -n 's/.* \([0-9]*\) unchanged.*/\1/p' <<< "$summary")
dups=$(sed -n 's/.* \([0-9]*\) duplicates.*/\1/p' <<< "$summary")
[ "$unchanged" -gt 0 ] || { echo "FAIL: nothing of the killed run was kept"; exit 1; }
[ $((inserted + unchanged)) = "$n" ] && [ "$dups" = 0 ] || { echo "FAIL: $inserted + $unchanged != $n or $dups duplicates"; exit 1; }

# 3. Ingest alone left stories for every article and consistent briefs:
#    opening the store with the server finds nothing to repair.
check=$("$sf" serve --db "$db" --check 2>&1) || { echo "FAIL: $check"; exit 1; }
echo "$check"
grep -q "^$db: $n articles in [0-9]* stories" <<< "$check" || { echo "FAIL: not $n articles"; exit 1; }
grep -q ", 0 stories repaired on open: consistent" <<< "$check" || { echo "FAIL: ingest left repairs: $check"; exit 1; }

# 4. Ingest once more (nothing changes) and check again.
"$sf" ingest --db "$db" "$tmp/articles.jsonl" > "$tmp/third.out" 2>&1 || { echo "FAIL: third ingest"; exit 1; }
grep -q ": 0 inserted, 0 updated, $n unchanged, 0 duplicates" "$tmp/third.out" || { echo "FAIL: $(tail -1 "$tmp/third.out")"; exit 1; }
check=$("$sf" serve --db "$db" --check 2>&1) || { echo "FAIL: $check"; exit 1; }
grep -q ", 0 stories repaired on open: consistent" <<< "$check" || { echo "FAIL: reopening repaired again: $check"; exit 1; }
echo "ok: $n articles stored once, every brief consistent after kill -9 and restart"
