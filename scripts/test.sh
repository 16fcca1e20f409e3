#!/usr/bin/env bash
# Command 2 of the README: runs every test (unit, golden, CLI, conformance, browser) through CTest.
# Expects command 1 (scripts/setup.sh) to have run once.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure --timeout 1500 "$@"
