#!/usr/bin/env bash
# Fuzzing (issue 8, part 3): builds the libFuzzer targets with clang (ASan + UBSan + coverage) in
# build-fuzz/ and runs each for SECONDS (default 30) over its seed corpus and regressions.
# Any crash, hang (> 10 s per input), leak, out-of-memory or sanitizer report fails the run; the
# input that caused it is kept in build-fuzz/fuzz-findings/<target>/ (copy it to
# tests/fuzz/regressions/<target>/ once fixed). Prints a table of runs and exec/s per target; with
# CI=true a target under MIN_EXEC_PER_SEC (500) fails the run too: a target that slow barely explores.
# Usage: tests/fuzz/run.sh [SECONDS] [TARGET...]      (--no-build as first argument: skip the build;
#        --build-fast: only build the targets fuzzed without ASan, see FAST below, then stop)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
build=1
if [ "${1:-}" = "--no-build" ]; then build=0; shift; fi
if [ "${1:-}" = "--build-fast" ]; then build=fast; shift; fi
SECONDS_PER_TARGET=${1:-30}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(frontmatter markdown data_file rules flows forms site serve)
MIN_EXEC_PER_SEC=${MIN_EXEC_PER_SEC:-500}
# Targets fuzzed in a second build without AddressSanitizer (UBSan and the oracle still on), each
# input they add to the corpus then replayed once under ASan. site: a whole build per input, whose
# allocations ASan's bookkeeping makes 3x slower (4.6 against 1.5 ms a run): 250 exec/s, under the
# floor of 500 that lets a target explore. The replay keeps ASan's verdict on everything it found.
FAST=(site)
is_fast() { local t; for t in "${FAST[@]}"; do [ "$t" = "$1" ] && return 0; done; return 1; }
# site: 567 exec/s before the offline, nieuw and whole-leidraad pages joined every build; since,
# 278-390 (a fresh corpus about 370; a run renders about twice the pages). Its floor is 200 until a
# run is made cheaper again (leaving out those pages' templates alone gives only 476).
declare -A MIN_EXEC=([site]=200)
# Largest input per target: small inputs keep each run fast; the seeds of every target fit.
declare -A MAX_LEN=([frontmatter]=4096 [markdown]=4096 [data_file]=4096 [rules]=2048 [flows]=8192 [forms]=8192
                    [site]=8192 [serve]=1024)
BUILD=${WIJZER_FUZZ_BUILD:-$ROOT/build-fuzz}
FAST_BUILD=${WIJZER_FUZZ_FAST_BUILD:-$ROOT/build-fuzz-fast}

if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "== apt-get install clang libclang-rt-14-dev (libFuzzer)"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev
fi

if [ $build = 1 ]; then
  echo "== build the fuzz targets (clang, ASan + UBSan + libFuzzer) in ${BUILD#$ROOT/}/"
  cmake -S . -B "$BUILD" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DWIJZER_FUZZ=ON >/dev/null || exit 1
  targets=(); for t in "${TARGETS[@]}"; do targets+=(--target "${t}_fuzz"); done
  cmake --build "$BUILD" -j2 "${targets[@]}" || exit 1
fi
if [ $build = 1 ] || [ $build = fast ]; then
  fast=(); for t in "${TARGETS[@]}"; do is_fast "$t" && fast+=(--target "${t}_fuzz"); done
  if [ ${#fast[@]} -gt 0 ]; then
    echo "== build ${FAST[*]} without ASan (UBSan + libFuzzer) in ${FAST_BUILD#$ROOT/}/"
    cmake -S . -B "$FAST_BUILD" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DWIJZER_FUZZ=ON -DWIJZER_FUZZ_ASAN=OFF \
      -DWIJZER_SANITIZE=OFF >/dev/null || exit 1
    cmake --build "$FAST_BUILD" -j"${WIJZER_FUZZ_FAST_JOBS:-2}" "${fast[@]}" || exit 1
  fi
  [ $build = fast ] && exit 0
fi

# A smaller quarantine and shorter allocation stacks: each run allocates afresh, and the defaults
# (256 MB, 30 frames) spend a third of a run in page faults and stack unwinding.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:quarantine_size_mb=64:malloc_context_size=10:suppressions=$ROOT/tests/fuzz/asan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/tests/fuzz/lsan.supp:print_suppressions=0}
# CI fuzzes from a fixed seed, so whether a change lands does not hang on the luck of one 30 s run;
# locally (or with WIJZER_FUZZ_SEED=0) every run draws a new seed and explores further.
seed=${WIJZER_FUZZ_SEED:-$([ "${CI:-}" = true ] && echo 1 || echo 0)}
seed_arg=()
[ "$seed" != 0 ] && seed_arg=(-seed="$seed")

passed=0 failed=0
summary=()
for t in "${TARGETS[@]}"; do
  bin=$BUILD/fuzz/${t}_fuzz
  is_fast "$t" && bin=$FAST_BUILD/fuzz/${t}_fuzz
  if [ ! -x "$bin" ]; then
    failed=$((failed + 1)); summary+=("FAIL  $t: ${bin#$ROOT/} is not built (run.sh without --no-build builds it)"); continue
  fi
  work=$BUILD/fuzz-work/$t findings=$BUILD/fuzz-findings/$t
  rm -rf "$work"; mkdir -p "$work" "$findings"
  log=$BUILD/fuzz-work/$t.log
  echo "== fuzz $t for ${SECONDS_PER_TARGET} s"
  # New inputs go to a scratch corpus; the seeds and regressions are read, never changed.
  dict=(); [ -f "$ROOT/tests/fuzz/dict/$t.dict" ] && dict=(-dict="$ROOT/tests/fuzz/dict/$t.dict")
  "$bin" "$work" "$ROOT/tests/fuzz/corpus/$t" "$ROOT/tests/fuzz/regressions/$t" \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len="${MAX_LEN[$t]:-4096}" \
    -print_final_stats=1 -artifact_prefix="$findings/" "${dict[@]}" "${seed_arg[@]}" >"$log" 2>&1
  code=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  replayed=""
  if is_fast "$t" && [ $code = 0 ]; then
    # Every input the run kept, once more under ASan (-runs=0: execute the corpus, then stop).
    "$BUILD/fuzz/${t}_fuzz" "$work" -runs=0 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$findings/" >"$log.asan" 2>&1
    code=$?
    grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SECURITY FINDING' "$log.asan" && code=1
    [ $code = 0 ] || log=$log.asan
    replayed=" (ASan replay of $(ls "$work" | wc -l) inputs)"
  fi
  line=$(printf '%-12s %10s %8s  %s%s' "$t" "${runs:-?}" "${speed:-?}" "${cov:-}" "$replayed")
  if [ $code = 0 ] && ! grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SECURITY FINDING' "$log"; then
    floor=${MIN_EXEC[$t]:-$MIN_EXEC_PER_SEC}
    if [ "${CI:-}" = true ] && [ "${speed:-0}" -lt "$floor" ]; then
      failed=$((failed + 1)); summary+=("SLOW  $line (under $floor exec/s; log ${log#$ROOT/})")
    else
      passed=$((passed + 1)); summary+=("ok    $line")
    fi
  else
    failed=$((failed + 1)); summary+=("FAIL  $line (exit $code; log ${log#$ROOT/})")
    grep -m1 -B2 -A25 -E 'ERROR: |runtime error:|SECURITY FINDING|==[0-9]+==' "$log" | head -60
    ls "$findings" | sed 's/^/    finding: /'
  fi
done
echo "== fuzz summary ($SECONDS_PER_TARGET s per target)"
printf '      %-12s %10s %8s  %s\n' target runs exec/s coverage
printf '%s\n' "${summary[@]}"
echo "fuzz: $passed passed, $failed failed"
[ $failed = 0 ]
