#!/usr/bin/env bash
# Build benchmark: wijzer vs Hugo on the same synthetic corpus.
#
#   bench/run.sh [PAGES]          (or PAGES=... bench/run.sh; default 10000)
#
# Environment:
#   PAGES     number of pages in the corpus (default 10000; an argument wins)
#   RUNS      builds per tool, the median is reported (default 3)
#   WIJZER    path to a wijzer binary; if unset, build/wijzer is built (Release) first
#   HUGO      hugo binary (default /usr/bin/hugo)
#   GLOSSARY  1 = add a small begrippen/ glossary to the corpus (default 0)
#
# Reports, does not gate: exits 0 even if the targets are missed.
set -u

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
WORK=$BENCH/scratch
SRC=$WORK/src
PAGES=${1:-${PAGES:-10000}}
RUNS=${RUNS:-3}
HUGO=${HUGO:-/usr/bin/hugo}
GLOSSARY=${GLOSSARY:-0}
TIME=/usr/bin/time

# targets
SPEED_TARGET=5      # hugo time / wijzer time >= 5
MEM_TARGET=25       # wijzer peak RSS <= 25 % of hugo's

case $PAGES in ''|*[!0-9]*) echo "run.sh: PAGES must be a number, got '$PAGES'" >&2; exit 2;; esac
if [ ! -x "$TIME" ]; then echo "run.sh: $TIME is missing (apt-get install time)" >&2; exit 2; fi
mkdir -p "$WORK"

log() { printf '\n== %s\n' "$*"; }

# ---------------------------------------------------------------- wijzer binary
WIJZER_OK=1
if [ -z "${WIJZER:-}" ]; then
  BUILD=$ROOT/build
  CACHE=$BUILD/CMakeCache.txt
  if [ -f "$CACHE" ] && { ! grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$CACHE" ||
                          grep -q '^WIJZER_SANITIZE:BOOL=ON$' "$CACHE"; }; then
    # build/ is someone's Debug or sanitizer build: don't reconfigure it, use our own.
    BUILD=$ROOT/build-bench
    CACHE=$BUILD/CMakeCache.txt
  fi
  log "building wijzer (Release) in ${BUILD#$ROOT/} (log: ${WORK#$ROOT/}/cmake.log)"
  # (re)configure every time: cheap, and it recovers from an earlier failed configure
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release > "$WORK/cmake.log" 2>&1 || WIJZER_OK=0
  if [ $WIJZER_OK = 1 ]; then
    cmake --build "$BUILD" -j2 --target wijzer >> "$WORK/cmake.log" 2>&1 || WIJZER_OK=0
  fi
  WIJZER=$BUILD/wijzer
  if [ $WIJZER_OK = 0 ]; then
    echo "wijzer did not build; first 20 error lines of $WORK/cmake.log:"
    # from the first line that mentions an error (CMake puts the message on the next lines)
    { awk 'f || tolower($0) ~ /error|fatal|undefined reference/ {f = 1; print}' "$WORK/cmake.log" |
        grep . || tail -20 "$WORK/cmake.log"; } | head -20 | sed 's/^/  | /'
  fi
fi
if [ $WIJZER_OK = 1 ] && [ ! -x "$WIJZER" ]; then
  echo "wijzer binary not found at $WIJZER"
  WIJZER_OK=0
fi

# ---------------------------------------------------------------- corpus
log "corpus ($PAGES pages) in ${SRC#$ROOT/}"
GENOPTS=()
[ "$GLOSSARY" = 1 ] && GENOPTS+=(--glossary)
python3 "$BENCH/gen_corpus.py" "$SRC" --pages "$PAGES" --if-changed "${GENOPTS[@]}" || {
  echo "run.sh: corpus generation failed" >&2; exit 1; }
MD_BYTES=$(find "$SRC/content" -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s+0}')

# The real portal look: copy the repo's templates and assets next to the content.
for d in templates site-assets; do
  rm -rf "${SRC:?}/$d"
  if [ -d "$ROOT/$d" ]; then
    cp -r "$ROOT/$d" "$SRC/$d"
  else
    mkdir -p "$SRC/$d"
    echo "warning: $ROOT/$d does not exist; wijzer gets an empty $d/"
  fi
done
echo "templates: $(find "$SRC/templates" -type f | wc -l) files, site-assets: $(find "$SRC/site-assets" -type f | wc -l) files"

# ---------------------------------------------------------------- measuring
TRASH=$WORK/trash   # earlier outputs, deleted once all runs are done
rm -rf "$TRASH" "$WORK/out-wijzer" "$WORK/out-hugo"
sync; sleep 6       # let ext4 forget those deletions (see below)
# run_tool NAME OUTDIR CMD...  -> sets RES_TIME RES_CPU RES_MEM RES_FILES RES_OK
run_tool() {
  local name=$1 out=$2; shift 2
  local times=() cpus=() mems=() i t m u sy c
  RES_OK=1
  for ((i = 1; i <= RUNS; i++)); do
    # Move the last output aside rather than delete it: right after 10,000 files are deleted, ext4
    # (seen without a journal) scans the freed inodes on every file it creates for some seconds,
    # which times the file system instead of the tool. sync: no run starts with another's writeback.
    if [ -e "$out" ]; then mkdir -p "$TRASH" && mv "$out" "$TRASH/$name.$i.$$"; fi
    sync
    if ! "$TIME" -f '%e %M %U %S' -o "$WORK/$name.time" "$@" > "$WORK/$name.stdout" 2> "$WORK/$name.stderr"; then
      echo "$name failed (run $i); first 20 error lines:"
      if [ -s "$WORK/$name.stderr" ]; then head -20 "$WORK/$name.stderr"; else head -20 "$WORK/$name.stdout"; fi | sed 's/^/  | /'
      RES_OK=0
      return
    fi
    read -r t m u sy < <(tail -1 "$WORK/$name.time")
    c=$(awk -v u="$u" -v s="$sy" 'BEGIN{printf "%.2f", u + s}')
    printf '  %-7s run %d: %6.2f s wall  %6.2f s cpu  %7.1f MB\n' "$name" "$i" "$t" "$c" \
      "$(awk -v k="$m" 'BEGIN{print k/1024}')"
    times+=("$t"); cpus+=("$c"); mems+=("$m")
  done
  RES_TIME=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  RES_CPU=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  RES_MEM=$(printf '%s\n' "${mems[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  RES_FILES=$(find "$out" -name '*.html' | wc -l)
}

W_OK=0 H_OK=0
if [ $WIJZER_OK = 1 ]; then
  log "wijzer build x$RUNS ($WIJZER)"
  run_tool wijzer "$WORK/out-wijzer" "$WIJZER" build --source "$SRC" --out "$WORK/out-wijzer"
  if [ $RES_OK = 1 ]; then W_OK=1 W_TIME=$RES_TIME W_CPU=$RES_CPU W_MEM=$RES_MEM W_FILES=$RES_FILES; fi
fi

if [ -x "$HUGO" ]; then
  log "hugo x$RUNS ($($HUGO version 2>/dev/null | awk '{print $2}'))"
  HUGO_RESOURCEDIR=$WORK/hugo-resources \
    run_tool hugo "$WORK/out-hugo" "$HUGO" --source "$BENCH/hugo" --contentDir "$SRC/content" \
    --destination "$WORK/out-hugo" --cacheDir "$WORK/hugo-cache" --noBuildLock --quiet
  if [ $RES_OK = 1 ]; then H_OK=1 H_TIME=$RES_TIME H_CPU=$RES_CPU H_MEM=$RES_MEM H_FILES=$RES_FILES; fi
else
  echo "hugo not found at $HUGO"
fi

rm -rf "$TRASH"

# ---------------------------------------------------------------- report
mb() { awk -v k="$1" 'BEGIN{printf "%.1f", k/1024}'; }
log "results (median of $RUNS)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB RAM", $2/1048576}' /proc/meminfo)"
echo "corpus:  $(find "$SRC/content" -name '*.md' | wc -l) pages, $(awk -v b="$MD_BYTES" 'BEGIN{printf "%.1f", b/1e6}') MB markdown"
echo
printf '%-8s %10s %10s %10s %12s\n' tool "wall s" "peak MB" "cpu s" "html files"
printf '%-8s %10s %10s %10s %12s\n' -------- ---------- ---------- ---------- ------------
if [ $W_OK = 1 ]; then printf '%-8s %10.2f %10s %10.2f %12s\n' wijzer "$W_TIME" "$(mb "$W_MEM")" "$W_CPU" "$W_FILES"
else printf '%-8s %10s %10s %10s %12s\n' wijzer failed - - -; fi
if [ $H_OK = 1 ]; then printf '%-8s %10.2f %10s %10.2f %12s\n' hugo "$H_TIME" "$(mb "$H_MEM")" "$H_CPU" "$H_FILES"
else printf '%-8s %10s %10s %10s %12s\n' hugo failed - - -; fi
echo
if [ $W_OK = 1 ] && [ $H_OK = 1 ]; then
  awk -v ht="$H_TIME" -v wt="$W_TIME" -v hm="$H_MEM" -v wm="$W_MEM" \
      -v st="$SPEED_TARGET" -v mt="$MEM_TARGET" 'BEGIN {
    speed = (wt > 0) ? ht / wt : 1e9
    mem = (hm > 0) ? 100 * wm / hm : 1e9
    printf "speed:  hugo/wijzer time  = %6.1fx   (target >= %dx)    %s\n", speed, st, (speed >= st) ? "PASS" : "FAIL"
    printf "memory: wijzer/hugo peak  = %6.1f%%   (target <= %d%%)   %s\n", mem, mt, (mem <= mt) ? "PASS" : "FAIL"
  }'
else
  echo "speed:  n/a (target >= ${SPEED_TARGET}x)   not measured: wijzer and hugo must both run"
  echo "memory: n/a (target <= ${MEM_TARGET}%)   not measured"
fi
echo "(targets judge wall and peak; cpu = user+sys, less sensitive to a busy machine)"
echo "(wall = /usr/bin/time %e, peak = max RSS %M, cpu = %U+%S; output dirs moved aside and synced before every run; logs in ${WORK#$ROOT/}/)"
exit 0
