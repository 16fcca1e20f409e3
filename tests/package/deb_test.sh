#!/usr/bin/env bash
# Builds the Debian package with CPack and checks it: control data (Depends filled by
# dpkg-shlibdeps), the file list under /usr, and the extracted package used like an install
# (new + check + build from a folder outside the source tree).
#   deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >cpack.log 2>&1) ||
  { cat "$tmp/cpack.log"; fail "cpack -G DEB failed"; }
deb=$(ls "$tmp"/out/wijzer_*.deb)
info=$(dpkg-deb -I "$deb")
depends=$(printf '%s\n' "$info" | sed -n 's/^ Depends: //p')
[ -n "$depends" ] || fail "no Depends in the package"
for lib in libcmark-gfm libgvc libyaml-0-2 libzip4 libstemmer libstdc++6 libc6; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
printf '%s\n' "$info" | grep -q '^ Architecture: amd64\|^ Architecture: arm64' || fail "no architecture"
# Every dependency is a Debian package this (Debian 12) system knows and has installed.
for pkg in $(printf '%s\n' "$depends" | tr ',' '\n' | sed 's/(.*//; s/|.*//; s/ //g'); do
  dpkg -s "$pkg" >/dev/null 2>&1 || fail "Depends names $pkg, which is not installed here"
done
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/wijzer ./usr/share/wijzer/templates/page.mustache ./usr/share/wijzer/site-assets/layout/portal.css \
  ./usr/share/wijzer/starter/wijzer.yaml ./usr/share/man/man1/wijzer.1; do
  grep -qxF "$f" <<<"$files" || fail "$f not in the package"
done
if grep -v '^\./usr/' <<<"$files" | grep -qv '^\./$'; then fail "files outside /usr: $(grep -v '^\./usr/' <<<"$files")"; fi

dpkg-deb -x "$deb" "$tmp/pkg"
cd "$tmp"
use='"$0/pkg/usr/bin/wijzer" new portal >/dev/null && "$0/pkg/usr/bin/wijzer" check --source portal >/dev/null &&
  "$0/pkg/usr/bin/wijzer" build --source portal --out site >/dev/null'
# As root, in a mount namespace where the source and build folders are empty: proof that the
# package needs nothing from them. Otherwise as it is.
hidden="source tree visible"
if unshare -m true 2>/dev/null; then
  # The build folder first: it may lie inside the source folder.
  unshare -m sh -c "mount -t tmpfs none '$build' && mount -t tmpfs none '$source_dir' && $use" "$tmp" ||
    fail "the extracted package failed with the source tree hidden"
  hidden="source and build tree hidden"
else
  sh -c "$use" "$tmp" || fail "the extracted package failed"
fi
[ -f site/stroomschema/welke-begeleiding/index.html ] || fail "the extracted package built no flow"
echo "deb test: $(basename "$deb") new/check/build ($hidden); Depends: $depends"
