#!/usr/bin/env bash
# Command 1 of the README: installs what is missing (Debian 12), builds build/wijzer and
# generates the portal into _site/. Safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(
  build-essential cmake pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev catch2 libcli11-dev
  libyaml-dev libkainjow-mustache-dev libjemalloc-dev libgraphviz-dev
  libstemmer-dev libcpp-httplib-dev curl python3
  file   # cpack -G DEB: CPackDeb finds the binaries for dpkg-shlibdeps with it (tests/package)
  libzip-dev unzip   # the site's zip (docs/offline.md) and its browser test
  cmark-gfm time   # bench/run.sh: the markdown library's CLI (the CPU floor), /usr/bin/time
  clang libclang-rt-14-dev   # sanitizer and fuzz build (scripts/test.sh, tests/fuzz/run.sh)
  nodejs npm chromium firefox-esr
  poppler-utils   # pdftotext, pdfinfo: the print reports (tests/browser/reports.test.mjs)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A node from elsewhere (nvm, NodeSource) is fine too.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs/}"); missing=("${missing[@]/npm/}")
fi
read -r -a missing <<<"${missing[*]}"
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "== apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "setup: Node.js $(node --version) is too old for the browser tests; install Node.js 20 or newer" >&2
  exit 1
fi

echo "== npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "== build build/wijzer"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"

echo "== generate _site/"
./build/wijzer build
