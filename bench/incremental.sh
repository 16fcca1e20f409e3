#!/usr/bin/env bash
# Incremental rebuilds of `wijzer serve` on the benchmark corpus (bench/README.md):
# time from writing one page's markdown to its new HTML being served, and from a template
# edit to the rebuilt site being published.
#
#   bench/incremental.sh [PAGES]     (default 10000)
#
# Environment: PAGES, RUNS (page edits, default 10), TEMPLATE_RUNS (default 5),
# WIJZER (binary; default build/wijzer, built in Release when missing).
# Works on a copy (bench/scratch/incr-src) so the shared corpus stays as generated.
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$ROOT/bench/scratch
PAGES=${1:-${PAGES:-10000}}
RUNS=${RUNS:-10}
TEMPLATE_RUNS=${TEMPLATE_RUNS:-5}
SRC=$WORK/incr-src
mkdir -p "$WORK"

if [ -z "${WIJZER:-}" ]; then
  WIJZER=$ROOT/build/wijzer
  if [ ! -x "$WIJZER" ]; then
    echo "== building wijzer (Release) in build/"
    cmake -S "$ROOT" -B "$ROOT/build" -DCMAKE_BUILD_TYPE=Release > "$WORK/cmake.log" 2>&1 &&
      cmake --build "$ROOT/build" -j2 --target wijzer >> "$WORK/cmake.log" 2>&1 ||
      { echo "incremental.sh: wijzer did not build (see $WORK/cmake.log)" >&2; exit 1; }
  fi
fi

echo "== corpus ($PAGES pages)"
python3 "$ROOT/bench/gen_corpus.py" "$WORK/src" --pages "$PAGES" --if-changed || exit 1
rm -rf "$SRC"
mkdir -p "$SRC"
cp -r "$WORK/src/content" "$SRC/content"
cp -r "$ROOT/templates" "$SRC/templates"
cp -r "$ROOT/site-assets" "$SRC/site-assets"

echo "== wijzer serve ($WIJZER)"
"$WIJZER" serve --source "$SRC" --port 0 > "$WORK/serve.stdout" 2> "$WORK/serve.stderr" &
pid=$!
trap 'kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
url=
for ((i = 0; i < 1200; i++)); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$WORK/serve.stdout" | head -1)
  [ -n "$url" ] && break
  kill -0 $pid 2>/dev/null || { echo "serve exited:"; head -20 "$WORK/serve.stderr"; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "incremental.sh: serve did not start within 120 s" >&2; exit 1; }
head -1 "$WORK/serve.stdout"
python3 "$ROOT/bench/incremental.py" "$url" "$SRC" --runs "$RUNS" --template-runs "$TEMPLATE_RUNS" || exit 1

echo
echo "server's own timings (render + publish; 'afronden' = features' finish, e.g. the search index):"
grep -E '→ 1 pagina ' "$WORK/serve.stdout" | sed -E 's/.*→ /  page:     /' | head -"$RUNS"
grep -E '→ alles \(templates/' "$WORK/serve.stdout" | sed -E 's/.*\): /  template: /' | head -"$TEMPLATE_RUNS"
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
