#!/usr/bin/env bash
# Crash-safe output (issue 8, part 5): `wijzer build` killed with SIGKILL at random moments must
# leave the previous output folder whole, byte for byte, and the next build must succeed and
# remove the staging folders the killed builds left.
# Usage: kill_test.sh path/to/wijzer REPO_ROOT [RUNS] [PAGES]
set -u
WIJZER=$1
ROOT=$2
RUNS=${3:-20}
PAGES=${4:-2000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }
now_ms() { date +%s%3N; }

SRC=$WORK/src OUT=$WORK/out
python3 "$ROOT/bench/gen_corpus.py" "$SRC" --pages "$PAGES" >/dev/null || { echo "kill_test: gen_corpus.py failed"; exit 1; }
cp -r "$ROOT/templates" "$ROOT/site-assets" "$SRC/"

start=$(now_ms)
"$WIJZER" build --source "$SRC" --out "$OUT" >/dev/null 2>"$WORK/err" || { echo "kill_test: first build failed"; cat "$WORK/err"; exit 1; }
duration=$(($(now_ms) - start))
previous=$(sums "$OUT")
echo "kill_test: $PAGES pages, a build takes ${duration} ms; $RUNS runs killed at random moments"

RANDOM=8  # reproducible kill moments
swapped=0 kept=0 stale=0
for run in $(seq 1 "$RUNS"); do
  # A change that touches every page (the navigation), so old and new output differ everywhere.
  printf -- '---\ntitle: Kill %s\n---\nRun %s.\n' "$run" "$run" >"$SRC/content/kill-$run.md"
  rm -f "$SRC/content/kill-$((run - 1)).md"
  delay=$((RANDOM % (duration * 15 / 10 + 1)))  # up to 1.5 builds: some kills land after the swap
  "$WIJZER" build --source "$SRC" --out "$OUT" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if [ -d "$OUT" ]; then killed=$(sums "$OUT"); else killed=missing; fi
  stale=$((stale + $(ls -a "$WORK" | grep -c "wijzer-staging")))

  # The next build succeeds, leaves no staging folder, and gives what the killed one would have.
  if "$WIJZER" build --source "$SRC" --out "$OUT" >/dev/null 2>"$WORK/err"; then ok; else fail "run $run: build after the kill failed"; cat "$WORK/err"; fi
  if ls -a "$WORK" | grep -q "wijzer-staging"; then fail "run $run: staging folder left: $(ls -a "$WORK" | grep wijzer-staging)"; else ok; fi
  current=$(sums "$OUT")
  if [ "$killed" = "$previous" ]; then kept=$((kept + 1)); ok
  elif [ "$killed" = "$current" ]; then swapped=$((swapped + 1)); ok
  else fail "run $run (killed after ${delay} ms): output is neither the previous site nor the new one ($killed)"; fi
  previous=$current
done
echo "kill_test: previous site whole in $kept runs, new site whole in $swapped runs (killed after the swap); $stale staging folders of killed builds removed by the next build"
echo "kill_test: $passed passed, $failed failed"
[ "$failed" = 0 ]
