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
#   LONG      1 = also the second corpus: 100 sections x 100 pages, longer pages (default 1)
#   CALLGRIND 1 = also instructions per page under callgrind, 1,000 pages (default 0; ~1 min)
#   CMARK     the cmark-gfm command-line tool, the CPU floor (default /usr/bin/cmark-gfm)
#   OFFLINE   1 = keep the site zip and the whole-leidraad page, which Hugo does not make (default 0)
#   SCRATCH   the folder for corpora, outputs and logs (default bench/scratch). On a file system
#             mounted with `discard`, deleting earlier outputs makes creating files slow for
#             minutes: a folder on a tmpfs (/dev/shm/…) keeps the runs comparable.
#
# Reports, does not gate: exits 0 even if the targets are missed.
set -u

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
WORK=${SCRATCH:-$BENCH/scratch}
SRC=$WORK/src
PAGES=${1:-${PAGES:-10000}}
RUNS=${RUNS:-3}
HUGO=${HUGO:-/usr/bin/hugo}
GLOSSARY=${GLOSSARY:-0}
LONG=${LONG:-1}
CALLGRIND=${CALLGRIND:-0}
CMARK=${CMARK:-/usr/bin/cmark-gfm}
TIME=/usr/bin/time

# targets (issue 18)
SPEED_TARGET=4      # hugo wall / wijzer wall >= 4 (the project's corpus)
CPU_TARGET=2.7      # wijzer cpu <= 2.7 x the cmark-gfm CLI's cpu on the same markdown
MEM_TARGET=15       # wijzer peak RSS <= 15 % of hugo's
SECOND_SLACK=1.10   # second build (replacing the first's site) <= 1.10 x the first's wall: noise
IR_TARGET=1000000   # callgrind instructions per page, 1,000 pages, --threads 1

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

# ---------------------------------------------------------------- corpora
# make_corpus DIR GENOPTS... : generates DIR/content and copies the repo's templates and assets
make_corpus() {
  local dir=$1 d; shift
  python3 "$BENCH/gen_corpus.py" "$dir" --if-changed "$@" || {
    echo "run.sh: corpus generation failed" >&2; exit 1; }
  # The real portal look: copy the repo's templates and assets next to the content.
  for d in templates site-assets; do
    rm -rf "${dir:?}/$d"
    if [ -d "$ROOT/$d" ]; then
      cp -r "$ROOT/$d" "$dir/$d"
    else
      mkdir -p "$dir/$d"
      echo "warning: $ROOT/$d does not exist; wijzer gets an empty $d/"
    fi
  done
  # The same work as Hugo: no zip of the whole site and no whole-leidraad document (on 10,000
  # pages a 52 MB zip and a 40 MB page, 4.7 s and 2.5 s here). Each feature is off without its
  # page template (docs/offline.md); OFFLINE=1 keeps them.
  if [ "${OFFLINE:-0}" != 1 ]; then rm -f "$dir/templates/offline.mustache" "$dir/templates/leidraad.mustache"; fi
}
md_bytes() { find "$1/content" -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }

log "corpus ($PAGES pages) in ${SRC#$ROOT/}"
GENOPTS=()
[ "$GLOSSARY" = 1 ] && GENOPTS+=(--glossary)
make_corpus "$SRC" --pages "$PAGES" "${GENOPTS[@]}"
MD_BYTES=$(md_bytes "$SRC")
echo "templates: $(find "$SRC/templates" -type f | wc -l) files, site-assets: $(find "$SRC/site-assets" -type f | wc -l) files"
LONG_SRC=$WORK/src-long
if [ "$LONG" = 1 ]; then
  log "second corpus (100 sections x 100 pages, longer pages) in ${LONG_SRC#$ROOT/}"
  make_corpus "$LONG_SRC" --pages "${LONG_PAGES:-10000}" --sections 100 --length 3
fi

# ---------------------------------------------------------------- measuring
TRASH=$WORK/trash   # earlier outputs, deleted once all runs are done
rm -rf "$TRASH" "$WORK"/out-*
sync; sleep 6       # let ext4 forget those deletions (see below)
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# timed NAME CMD... : one run under /usr/bin/time -> T M C (wall s, peak KB, user+sys s); 1 on failure
timed() {
  local name=$1 u sy; shift
  if ! "$TIME" -f '%e %M %U %S' -o "$WORK/$name.time" "$@" > "$WORK/$name.stdout" 2> "$WORK/$name.stderr"; then
    echo "$name failed; first 20 error lines:"
    if [ -s "$WORK/$name.stderr" ]; then head -20 "$WORK/$name.stderr"; else head -20 "$WORK/$name.stdout"; fi | sed 's/^/  | /'
    return 1
  fi
  read -r T M u sy < <(tail -1 "$WORK/$name.time")
  C=$(awk -v u="$u" -v s="$sy" 'BEGIN{printf "%.2f", u + s}')
}
# aside DIR: moves an earlier output out of the way (deleted at the end), then syncs
aside() {
  if [ -e "$1" ]; then mkdir -p "$TRASH" && mv "$1" "$TRASH/$(basename "$1").$RANDOM.$$"; fi
  sync
}
# run_once NAME OUTDIR RUN CMD...  -> one timed run (T C M), its line printed; 1 on failure
run_once() {
  local name=$1 out=$2 run=$3; shift 3
  # Move the last output aside rather than delete it: right after 10,000 files are deleted, ext4
  # (seen without a journal) scans the freed inodes on every file it creates for some seconds,
  # which times the file system instead of the tool. sync: no run starts with another's writeback.
  aside "$out"
  timed "$name" "$@" || return 1
  printf '  %-7s run %d: %6.2f s wall  %6.2f s cpu  %7.1f MB\n' "$name" "$run" "$T" "$C" \
    "$(awk -v k="$M" 'BEGIN{print k/1024}')"
}

# medians PREFIX OUTDIR "TIMES" "CPUS" "MEMS": one tool's runs -> PREFIX_TIME/CPU/MEM (medians),
# PREFIX_FILES (pages in its last output) and PREFIX_OK=1
medians() {
  local prefix=$1 out=$2
  printf -v "${prefix}_TIME" %s "$(printf '%s\n' $3 | median)"
  printf -v "${prefix}_CPU" %s "$(printf '%s\n' $4 | median)"
  printf -v "${prefix}_MEM" %s "$(printf '%s\n' $5 | median)"
  printf -v "${prefix}_FILES" %s "$(find "$out" -name '*.html' | wc -l)"
  printf -v "${prefix}_OK" 1
}

# bench_corpus KEY SRC: wijzer and hugo on one corpus -> KEY_W_* and KEY_H_* (OK TIME CPU MEM FILES)
# The two take turns (wijzer, hugo, wijzer, …): on a shared machine whose speed drifts over
# minutes, both then see the same conditions, and the ratio of the medians is fair.
bench_corpus() {
  local key=$1 src=$2 v i w_ok=$WIJZER_OK h_ok=0
  local wt=() wc=() wm=() ht=() hc=() hm=() pairs=()
  for v in W_OK H_OK; do printf -v "${key}_$v" 0; done
  if [ -x "$HUGO" ]; then h_ok=1; else echo "hugo not found at $HUGO"; fi
  log "wijzer ($WIJZER) and hugo ($($HUGO version 2>/dev/null | awk '{print $2}')), x$RUNS each, taking turns, on ${src#$ROOT/}"
  for ((i = 1; i <= RUNS; i++)); do
    if [ $w_ok = 1 ]; then
      if run_once wijzer "$WORK/out-wijzer-$key" "$i" "$WIJZER" build --source "$src" --out "$WORK/out-wijzer-$key"; then
        wt+=("$T") wc+=("$C") wm+=("$M")
      else
        w_ok=0
      fi
    fi
    if [ $h_ok = 1 ]; then
      if HUGO_RESOURCEDIR=$WORK/hugo-resources \
         run_once hugo "$WORK/out-hugo-$key" "$i" "$HUGO" --source "$BENCH/hugo" --contentDir "$src/content" \
           --destination "$WORK/out-hugo-$key" --cacheDir "$WORK/hugo-cache" --noBuildLock --quiet; then
        ht+=("$T") hc+=("$C") hm+=("$M")
        # this run's ratio, when wijzer ran just before it
        [ $w_ok = 1 ] && pairs+=("$(awk -v h="$T" -v w="${wt[-1]}" 'BEGIN{printf "%.3f", (w > 0) ? h / w : 0}')")
      else
        h_ok=0
      fi
    fi
  done
  [ $w_ok = 1 ] && medians "${key}_W" "$WORK/out-wijzer-$key" "${wt[*]}" "${wc[*]}" "${wm[*]}"
  [ $h_ok = 1 ] && medians "${key}_H" "$WORK/out-hugo-$key" "${ht[*]}" "${hc[*]}" "${hm[*]}"
  printf -v "${key}_PAIRS" %s "${pairs[*]:-}"
}

bench_corpus A "$SRC"
[ "$LONG" = 1 ] && bench_corpus B "$LONG_SRC"

# The floor: Debian's cmark-gfm CLI renders the same markdown (front matter included, all pages
# concatenated) with the extensions and options wijzer uses, on one core.
CM_OK=0
if [ -x "$CMARK" ]; then
  log "cmark-gfm CLI x$RUNS on the concatenated corpus ($($CMARK --version 2>/dev/null | head -1))"
  find "$SRC/content" -name '*.md' | sort | xargs cat > "$WORK/corpus.md"
  cpus=()
  for ((i = 1; i <= RUNS; i++)); do
    timed cmark "$CMARK" --smart --validate-utf8 -e footnotes -e table -e strikethrough -e autolink \
      -e tasklist "$WORK/corpus.md" || break
    printf '  cmark   run %d: %6.2f s wall  %6.2f s cpu\n' "$i" "$T" "$C"
    cpus+=("$C")
  done
  if [ ${#cpus[@]} = "$RUNS" ]; then CM_OK=1 CM_CPU=$(printf '%s\n' "${cpus[@]}" | median); fi
  rm -f "$WORK/corpus.md"
else
  echo "cmark-gfm CLI not found at $CMARK (apt-get install cmark-gfm)"
fi

# The kernel's share: bench/write_floor.py writes the files wijzer's last build wrote (same folders,
# names and bytes, one open/write/close each, on one core), which costs what creating and filling
# them costs any tool on this file system.
CP_OK=0
if [ -d "$WORK/out-wijzer-A" ]; then
  log "writing the same files again (bench/write_floor.py) x$RUNS"
  cpus=() walls=()
  for ((i = 1; i <= RUNS; i++)); do
    aside "$WORK/out-copy"
    read -r T U S < <(python3 "$ROOT/bench/write_floor.py" "$WORK/out-wijzer-A" "$WORK/out-copy") || break
    C=$(awk -v u="$U" -v s="$S" 'BEGIN{printf "%.2f", u + s}')
    printf '  write   run %d: %6.2f s wall  %6.2f s cpu (%s s in the kernel)\n' "$i" "$T" "$C" "$S"
    cpus+=("$C") walls+=("$T")
  done
  if [ ${#cpus[@]} = "$RUNS" ]; then
    CP_OK=1 CP_CPU=$(printf '%s\n' "${cpus[@]}" | median) CP_WALL=$(printf '%s\n' "${walls[@]}" | median)
  fi
  aside "$WORK/out-copy"
fi

# A second build right after the first replaces the first's site (and removes it): it must not be
# slower than the first, which wrote into a fresh folder.
SB_OK=0
if [ $WIJZER_OK = 1 ]; then
  log "wijzer first + second build x$RUNS on ${SRC#$ROOT/}"
  firsts=() seconds=()
  for ((i = 1; i <= RUNS; i++)); do
    aside "$WORK/out-wijzer-2nd"
    timed wijzer "$WIJZER" build --source "$SRC" --out "$WORK/out-wijzer-2nd" || break
    first=$T
    timed wijzer "$WIJZER" build --source "$SRC" --out "$WORK/out-wijzer-2nd" || break
    printf '  run %d: first %6.2f s wall, second %6.2f s wall\n' "$i" "$first" "$T"
    firsts+=("$first"); seconds+=("$T")
    # The replaced site may still be being removed (in the background): wait, so it does not
    # slow the next pair, then let ext4 forget the deletions (as before the first run), or the next
    # pair's first build would pay for this pair's second.
    for ((w = 0; w < 120; w++)); do
      compgen -G "$WORK/out-wijzer-2nd.wijzer-*" > /dev/null || break
      sleep 0.5
    done
    sync; sleep 6
  done
  if [ ${#seconds[@]} = "$RUNS" ]; then
    SB_OK=1
    SB_FIRST=$(printf '%s\n' "${firsts[@]}" | median)
    SB_SECOND=$(printf '%s\n' "${seconds[@]}" | median)
  fi
fi

IR_OK=0
if [ "$CALLGRIND" = 1 ] && [ $WIJZER_OK = 1 ]; then
  if command -v valgrind > /dev/null; then
    log "callgrind: wijzer build --threads 1 on 1,000 pages"
    make_corpus "$WORK/src-1000" --pages 1000
    aside "$WORK/out-callgrind"
    if valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" "$WIJZER" build --threads 1 \
         --source "$WORK/src-1000" --out "$WORK/out-callgrind" > "$WORK/callgrind.log" 2>&1; then
      IR=$(awk '/^(summary|totals):/ {print $2; exit}' "$WORK/callgrind.out")
      [ -n "$IR" ] && IR_OK=1
    else
      echo "callgrind run failed; see ${WORK#$ROOT/}/callgrind.log"
    fi
  else
    echo "valgrind not found (apt-get install valgrind)"
  fi
fi

rm -rf "$TRASH"

# ---------------------------------------------------------------- report
mb() { awk -v k="$1" 'BEGIN{printf "%.1f", k/1024}'; }
pf() { if [ "$1" = 1 ]; then echo PASS; else echo FAIL; fi; }
row() {  # row NAME OK TIME MEM CPU FILES
  if [ "$2" = 1 ]; then printf '%-8s %10.2f %10s %10.2f %12s\n' "$1" "$3" "$(mb "$4")" "$5" "$6"
  else printf '%-8s %10s %10s %10s %12s\n' "$1" failed - - -; fi
}
table() {  # table KEY SRC TITLE
  local k=$1 v; local wo=${k}_W_OK ho=${k}_H_OK
  echo "$3: $(find "$2/content" -name '*.md' | wc -l) pages, $(awk -v b="$(md_bytes "$2")" 'BEGIN{printf "%.1f", b/1e6}') MB markdown"
  printf '%-8s %10s %10s %10s %12s\n' tool "wall s" "peak MB" "cpu s" "html files"
  printf '%-8s %10s %10s %10s %12s\n' -------- ---------- ---------- ---------- ------------
  local w=${k}_W_ h=${k}_H_; local wt=${w}TIME wm=${w}MEM wc=${w}CPU wf=${w}FILES ht=${h}TIME hm=${h}MEM hc=${h}CPU hf=${h}FILES
  row wijzer "${!wo}" "${!wt:-}" "${!wm:-}" "${!wc:-}" "${!wf:-}"
  row hugo "${!ho}" "${!ht:-}" "${!hm:-}" "${!hc:-}" "${!hf:-}"
  echo
}
log "results (median of $RUNS)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB RAM", $2/1048576}' /proc/meminfo), load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
table A "$SRC" "corpus"
[ "$LONG" = 1 ] && table B "$LONG_SRC" "second corpus (100 sections x 100 pages, longer pages)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", (b > 0) ? a / b : 1e9}'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN{exit !(a >= b)}' && echo 1 || echo 0; }
le() { awk -v a="$1" -v b="$2" 'BEGIN{exit !(a <= b)}' && echo 1 || echo 0; }
if [ "$A_W_OK" = 1 ] && [ "$A_H_OK" = 1 ]; then
  s=$(ratio "$A_H_TIME" "$A_W_TIME")
  printf 'wall:    hugo/wijzer              = %6.2fx  (target >= %dx)       %s\n' "$s" "$SPEED_TARGET" "$(pf "$(ge "$s" "$SPEED_TARGET")")"
  # The runs took turns: each Hugo run over the wijzer run just before it, less moved by a
  # machine whose speed drifts (a figure beside the target's ratio of medians, not instead of it).
  if [ -n "$A_PAIRS" ]; then
    printf 'wall:    hugo/wijzer, run by run  = %6.2fx  (median of: %s; figure)\n' \
      "$(printf '%s\n' $A_PAIRS | median)" "$A_PAIRS"
  fi
  m=$(awk -v w="$A_W_MEM" -v h="$A_H_MEM" 'BEGIN{printf "%.1f", (h > 0) ? 100 * w / h : 1e9}')
  printf 'memory:  wijzer/hugo peak         = %6.1f%%   (target <= %d%%)      %s\n' "$m" "$MEM_TARGET" "$(pf "$(le "$m" "$MEM_TARGET")")"
else
  echo "wall:    n/a (target >= ${SPEED_TARGET}x)   not measured: wijzer and hugo must both run"
  echo "memory:  n/a (target <= ${MEM_TARGET}%)   not measured"
fi
if [ "$LONG" = 1 ]; then
  if [ "$B_W_OK" = 1 ] && [ "$B_H_OK" = 1 ]; then
    printf 'wall:    hugo/wijzer, 2nd corpus  = %6.1fx   (figure, no target)\n' "$(ratio "$B_H_TIME" "$B_W_TIME")"
  else
    echo "wall:    2nd corpus n/a: wijzer and hugo must both run"
  fi
fi
if [ "$A_W_OK" = 1 ] && [ $CM_OK = 1 ]; then
  c=$(ratio "$A_W_CPU" "$CM_CPU")
  printf 'cpu:     wijzer/cmark-gfm CLI     = %6.2fx   (target <= %sx)     %s   (wijzer %.2f s, cmark-gfm %.2f s)\n' \
    "$c" "$CPU_TARGET" "$(pf "$(le "$c" "$CPU_TARGET")")" "$A_W_CPU" "$CM_CPU"
else
  echo "cpu:     n/a (target <= ${CPU_TARGET}x the cmark-gfm CLI)   not measured"
fi
if [ $SB_OK = 1 ]; then
  r=$(ratio "$SB_SECOND" "$SB_FIRST")
  printf 'second:  second/first build wall  = %6.2fx   (target <= %s: not slower) %s   (first %.2f s, second %.2f s)\n' \
    "$r" "$SECOND_SLACK" "$(pf "$(le "$r" "$SECOND_SLACK")")" "$SB_FIRST" "$SB_SECOND"
else
  echo "second:  n/a (second build not slower than the first)   not measured"
fi
if [ "$CALLGRIND" = 1 ]; then
  if [ $IR_OK = 1 ]; then
    ip=$(awk -v i="$IR" 'BEGIN{printf "%.0f", i / 1000}')
    printf 'callgrind: instructions per page  = %6.2f M  (target <= %.1f M)    %s\n' \
      "$(awk -v i="$ip" 'BEGIN{printf "%.2f", i / 1e6}')" "$(awk -v t="$IR_TARGET" 'BEGIN{print t / 1e6}')" "$(pf "$(le "$ip" "$IR_TARGET")")"
  else
    echo "callgrind: n/a (target <= 1.0 M instructions per page)"
  fi
fi
if [ $CP_OK = 1 ]; then
  printf 'floor:   writing the same files again = %.2f s wall, %.2f s cpu (bench/write_floor.py, one core)\n' "$CP_WALL" "$CP_CPU"
fi
if [ $IR_OK = 1 ]; then
  python3 "$ROOT/bench/floor.py" "$WORK/callgrind.out" 1000 | sed 's/^/floor:   /'
fi
echo "(wall = /usr/bin/time %e, peak = max RSS %M, cpu = %U+%S; cold builds: output dirs moved aside and synced before"
echo " every run except the second build; figures are noisy while other jobs run: compare medians on a quiet machine;"
echo " logs in ${WORK#$ROOT/}/)"
exit 0
