#!/usr/bin/env bash
# Command 2 of the README: runs every test (unit, golden, CLI, conformance, browser) through CTest.
# Expects command 1 (scripts/setup.sh) to have run once.
#   scripts/test.sh            everything (README command 2)
#   scripts/test.sh --quick    the inner loop: build, then the tests labelled `unit` (unit, golden,
#                              CLI, conformance; no browser, no sanitizers, no fuzzing)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
quick=0
if [ "${1:-}" = "--quick" ]; then quick=1; shift; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
if [ $quick = 1 ]; then
  exec ctest --test-dir build --output-on-failure -L unit -j"$(nproc)" "$@"
fi
status=0
# Two at a time: the browser tests (one chromium each) wait on the browser half the time; serially
# they took 21 minutes once the stroomschema got a page per route (362 pages), two at a time 11.
ctest --test-dir build --output-on-failure --timeout 1500 -j2 "$@" || status=1

# Sanitizers (issue 8): one clang build with AddressSanitizer + UndefinedBehaviorSanitizer (and
# libFuzzer coverage) runs the unit, CLI, portal-build and fuzz-regression tests, then every fuzz
# target for WIJZER_FUZZ_SECONDS (default 30) seconds (tests/fuzz/README.md).
echo "== sanitizers: ASan + UBSan (clang) in build-fuzz/"
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DWIJZER_FUZZ=ON >/dev/null
cmake --build build-fuzz -j2
# The site target is fuzzed in a second build without ASan (tests/fuzz/run.sh, FAST): it compiles on
# the second core while the sanitizer tests run on the first.
WIJZER_FUZZ_FAST_JOBS=1 bash tests/fuzz/run.sh --build-fast >build-fuzz/fast-build.log 2>&1 &
fast_build=$!
# Not the package test: its extracted binary runs with the source tree hidden, suppression files too.
ASAN_OPTIONS="detect_leaks=1:suppressions=$PWD/tests/fuzz/asan.supp" \
  LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0" UBSAN_OPTIONS="print_stacktrace=1" \
  ctest --test-dir build-fuzz --output-on-failure --timeout 600 -LE 'browser|kill|package' || status=1
wait $fast_build || { cat build-fuzz/fast-build.log; status=1; }
echo "== fuzzing"
bash tests/fuzz/run.sh --no-build "${WIJZER_FUZZ_SECONDS:-30}" || status=1
exit $status
