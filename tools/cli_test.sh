#!/usr/bin/env bash
# End-to-end tests of the storyfuse binary: exit codes, formats, errors.
set -u
sf=${STORYFUSE:-build/tools/storyfuse}
fail=0
check() {  # check NAME EXPECTED_CODE CMD...
  local name=$1 want=$2; shift 2
  "$@" >/tmp/sf_out.$$ 2>/tmp/sf_err.$$
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, want $want"; cat /tmp/sf_err.$$; fail=1
  else
    echo "ok   $name"
  fi
}
check "help" 0 "$sf" --help
check "brief help" 0 "$sf" brief --help
check "no subcommand is a usage error" 2 "$sf"
check "unknown flag is a usage error" 2 "$sf" brief --nope examples
check "missing input is bad input" 1 "$sf" extract /nonexistent/file.txt
check "brief on examples" 0 "$sf" brief examples
check "brief json on examples" 0 "$sf" brief --format json examples
grep -q '"stories"' /tmp/sf_out.$$ || { echo "FAIL brief json has no stories"; fail=1; }
# cluster: all at once by default, --stream as a stream; copy links and
# origins are the same either way.
check "cluster on examples" 0 "$sf" cluster examples
sed 's/"story":"[^"]*",//' /tmp/sf_out.$$ > /tmp/sf_batch.$$
check "cluster --stream on examples" 0 "$sf" cluster --stream examples
sed 's/"story":"[^"]*",//' /tmp/sf_out.$$ | cmp -s - /tmp/sf_batch.$$ || { echo "FAIL copy links differ between modes"; fail=1; }
check "brief --stream on examples" 0 "$sf" brief --stream examples
rm -f /tmp/sf_batch.$$
# A text over the one-article limit is cut, with a warning naming the file,
# and briefed in bounded time (issue #22).
for i in $(seq 4000); do printf 'The ferry to Lowmere resumed on Tuesday after a storm, the operator said. '; done > /tmp/sf_huge.$$.txt
check "brief of a text over the limit" 0 "$sf" brief /tmp/sf_huge.$$.txt
grep -q "sf_huge.$$.txt: text cut from" /tmp/sf_err.$$ || { echo "FAIL the cut is not reported with the file's name"; fail=1; }
rm -f /tmp/sf_huge.$$.txt
check "extract jsonl on examples" 0 "$sf" extract --format jsonl examples
printf '{"id":"a","text":"Fine."}\n{broken\n' > /tmp/sf_bad.$$.jsonl
check "malformed jsonl line is bad input" 1 "$sf" extract --format jsonl /tmp/sf_bad.$$.jsonl
grep -q ':2: malformed JSON' /tmp/sf_err.$$ || { echo "FAIL error does not name the line"; fail=1; }
grep -q '"id":"a"' /tmp/sf_out.$$ || { echo "FAIL good line before a bad one was lost"; fail=1; }
# ingest: idempotent, one summary line; a second run changes nothing.
d=$(mktemp -d)
printf '{"id":"i1","text":"The ferry to Port Ellis resumed service on Monday after a two-week strike by harbour crews, the operator said."}\n' > "$d/in.jsonl"
check "ingest stores articles" 0 "$sf" ingest --db "$d/s.db" "$d/in.jsonl"
grep -q '1 inserted' /tmp/sf_out.$$ || { echo "FAIL ingest did not insert"; fail=1; }
check "ingest again changes nothing" 0 "$sf" ingest --db "$d/s.db" "$d/in.jsonl"
grep -q '1 unchanged' /tmp/sf_out.$$ || { echo "FAIL second ingest was not idempotent"; fail=1; }
check "ingest without --db is a usage error" 2 "$sf" ingest "$d/in.jsonl"
# A correction the article prints is stored with it and shown in the brief
# that serve reads from the store (docs/store.md, schema 4).
cat > "$d/corr.jsonl" <<'JSONL'
{"id":"c1","outlet":"Harbour Gazette","title":"Port Ellis ferry resumes","text":"The ferry to Port Ellis resumed service on Monday after a two-week strike by harbour crews, the operator said.\n\nThe first boat left at 7 a.m. with 140 passengers on board, according to the harbour master.\n\nCorrection: An earlier version of this story said the strike lasted three weeks. It lasted two weeks."}
{"id":"c2","outlet":"Coast Courier","title":"Ferry back after strike","text":"Ferry service to Port Ellis resumed on Monday after a two-week strike by harbour crews ended, the operator said.\n\nThe first boat carried 140 passengers, the harbour master said."}
JSONL
check "ingest an article with a correction" 0 "$sf" ingest --db "$d/c.db" "$d/corr.jsonl"
# correct: an editor's corrections from a file, one JSON object a line.
check "ingest the articles to correct" 0 "$sf" ingest --db "$d/e.db" "$d/corr.jsonl"
printf '# c2 is another crossing\n\n{"kind":"detach","article":"c2","note":"test"}\n' > "$d/fix.jsonl"
check "correct applies a file of corrections" 0 "$sf" correct --db "$d/e.db" "$d/fix.jsonl"
grep -q '"line":3,.*"status":"applied"' /tmp/sf_out.$$ || { echo "FAIL correct did not apply line 3"; fail=1; }
printf '{"kind":"merge","story":"s-404","into":"s-1"}\n' > "$d/bad.jsonl"
check "a correction naming an unknown story is bad input" 1 "$sf" correct --db "$d/e.db" "$d/bad.jsonl"
grep -q 'bad.jsonl:1: ' /tmp/sf_err.$$ || { echo "FAIL correct does not name the refused line"; fail=1; }
printf '{"kind":"split"}\n' > "$d/worse.jsonl"
check "a malformed correction file is bad input" 1 "$sf" correct --db "$d/e.db" "$d/worse.jsonl"
check "correct without --db is a usage error" 2 "$sf" correct "$d/fix.jsonl"
if command -v curl >/dev/null; then
  "$sf" serve --db "$d/c.db" --port 0 2> "$d/serve.err" &
  serve_pid=$!
  port=""
  for _ in $(seq 1 100); do
    port=$(sed -n 's#.*http://[^:]*:\([0-9]*\)/.*#\1#p' "$d/serve.err")
    [ -n "$port" ] && break
    sleep 0.1
  done
  story=$(curl -s "localhost:$port/api/stories" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -s "localhost:$port/api/stories/$story" > "$d/brief.json"
  # The environment refusing is exit 3, not bad input (1).
  check "a second writer on a locked store is unavailable" 3 "$sf" ingest --db "$d/c.db" "$d/corr.jsonl"
  check "a port in use is unavailable" 3 "$sf" serve --db "$d/other.db" --port "$port"
  kill "$serve_pid"; wait "$serve_pid" 2>/dev/null
  if grep -q '"corrections":\[{[^]]*"source":"c1"[^]]*It lasted two weeks' "$d/brief.json"; then
    echo "ok   served brief shows the stored correction"
  else
    echo "FAIL served brief of story '$story' shows no correction"; head -c 400 "$d/brief.json"; echo; fail=1
  fi
else
  echo "skip served brief shows the stored correction (no curl)"
fi
rm -rf "$d"
rm -f /tmp/sf_out.$$ /tmp/sf_err.$$ /tmp/sf_bad.$$.jsonl
exit $fail
