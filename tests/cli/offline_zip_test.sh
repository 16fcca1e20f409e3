#!/usr/bin/env bash
# The zip of the site (docs/offline.md) is reproducible: two builds of the same sources, in
# different time zones, give the same bytes; SOURCE_DATE_EPOCH is the time in it; `offline.zip:
# false` in wijzer.yaml leaves it out. Prints the zip's size and the time it adds to a build.
# Usage: offline_zip_test.sh path/to/wijzer path/to/repository
set -u
WIJZER=$1
REPO=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ZIP=begeleidingswijzer.zip

ms() { date +%s%N | cut -c1-13; }
t0=$(ms)
TZ=UTC expect_code 0 "first build" -- "$WIJZER" build --source "$REPO" --out "$WORK/a" --threads 2
t1=$(ms)
TZ=Pacific/Auckland expect_code 0 "second build" -- "$WIJZER" build --source "$REPO" --out "$WORK/b" --threads 2
[ -f "$WORK/a/$ZIP" ] && ok || fail "no $ZIP in the site"
cmp -s "$WORK/a/$ZIP" "$WORK/b/$ZIP" && ok || fail "two builds gave different zips"
grep -qF "zip-bestand, " "$WORK/a/offline.html" && ok || fail "offline.html does not name the zip's size"
grep -qF "wijzer:zipgrootte" "$WORK/a/offline.html" && fail "the size mark is left in offline.html" || ok

SOURCE_DATE_EPOCH=1800000000 expect_code 0 "build with SOURCE_DATE_EPOCH" -- "$WIJZER" build --source "$REPO" --out "$WORK/c" --threads 2
cmp -s "$WORK/a/$ZIP" "$WORK/c/$ZIP" && fail "SOURCE_DATE_EPOCH did not change the zip's time" || ok

# offline.zip: false → no zip, no download page, no footer link
mkdir "$WORK/src"
for d in content templates site-assets; do cp -r "$REPO/$d" "$WORK/src/$d"; done
{ cat "$REPO/wijzer.yaml"; printf 'offline:\n  zip: false\n'; } >"$WORK/src/wijzer.yaml"
t2=$(ms)
expect_code 0 "build without zip" -- "$WIJZER" build --source "$WORK/src" --out "$WORK/d" --threads 2
t3=$(ms)
[ -e "$WORK/d/$ZIP" ] || [ -e "$WORK/d/offline.html" ] && fail "offline.zip: false still wrote the zip or its page" || ok
grep -qF "Download voor offline gebruik" "$WORK/d/index.html" && fail "footer links a zip that is not there" || ok

echo "# zip: $(stat -c %s "$WORK/a/$ZIP") bytes, $(unzip -Z1 "$WORK/a/$ZIP" 2>/dev/null | wc -l) entries; build with zip $((t1 - t0)) ms, without $((t3 - t2)) ms"
echo "offline zip: $passed passed, $failed failed"
[ "$failed" = 0 ]
