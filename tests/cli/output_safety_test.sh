#!/usr/bin/env bash
# `wijzer build --out` replaces only what it may (issue 13, finding 1): an absent path, an empty
# folder or a folder an earlier build wrote. Anything else is a usage error that changes nothing.
# Usage: output_safety_test.sh path/to/wijzer path/to/tests/fixtures
set -u
WIJZER=$1
FIXTURES=$2
WORK=$(mktemp -d)
trap 'umount "$WORK/small" 2>/dev/null; rm -rf "$WORK"' EXIT
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
fingerprint() { (cd "$1" && find . -exec stat -c '%n %s %Y' {} + | sort | md5sum); }

cp -r "$FIXTURES/golden/site" "$WORK/src"
src="$WORK/src"

# 1. a folder with someone's files
mkdir -p "$WORK/werk/sub" && echo "mijn verslag" >"$WORK/werk/verslag.txt" && echo x >"$WORK/werk/sub/y"
before=$(fingerprint "$WORK/werk")
expect_code 2 "non-empty foreign folder" -- "$WIJZER" build --source "$src" --out "$WORK/werk"
contains "$WORK/err" "werk bevat bestanden die niet door wijzer zijn gemaakt" "the refusal names the folder"
[ "$before" = "$(fingerprint "$WORK/werk")" ] && ok || fail "foreign folder changed"
ls -a "$WORK" | grep -q "wijzer-staging" && fail "staging folder left behind after a refusal" || ok

# 2. the source's own .git and generator-like folders
mkdir -p "$src/.git/objects" "$src/generator" && echo "ref: refs/heads/main" >"$src/.git/HEAD" && echo "int main(){}" >"$src/generator/main.cpp"
before=$(fingerprint "$src")
expect_code 2 "--out .git" -- "$WIJZER" build --source "$src" --out "$src/.git"
expect_code 2 "--out generator" -- "$WIJZER" build --source "$src" --out "$src/generator"
[ "$before" = "$(fingerprint "$src")" ] && ok || fail "source tree changed"

# 3. a file
echo "niet weggooien" >"$WORK/a-file.txt"
expect_code 2 "--out a file" -- "$WIJZER" build --source "$src" --out "$WORK/a-file.txt"
contains "$WORK/err" "a-file.txt is geen map" "the refusal says it is not a folder"
[ -f "$WORK/a-file.txt" ] && [ "$(cat "$WORK/a-file.txt")" = "niet weggooien" ] && ok || fail "the file was replaced"

# 4. the real folder behind a symlinked content/
cp -r "$src" "$WORK/linked" && mv "$WORK/linked/content" "$WORK/real-content" && ln -s "$WORK/real-content" "$WORK/linked/content"
before=$(fingerprint "$WORK/real-content")
expect_code 2 "--out = real path of a symlinked content/" -- "$WIJZER" build --source "$WORK/linked" --out "$WORK/real-content"
expect_code 2 "--out inside the real content/" -- "$WIJZER" build --source "$WORK/linked" --out "$WORK/real-content/x"
[ "$before" = "$(fingerprint "$WORK/real-content")" ] && ok || fail "real content folder changed"

# 5. what may be replaced: absent, empty, an earlier build
expect_code 0 "absent folder" -- "$WIJZER" build --source "$src" --out "$WORK/new"
[ -f "$WORK/new/.wijzer-site" ] && ok || fail "a build leaves its marker"
mkdir "$WORK/empty"
expect_code 0 "empty folder" -- "$WIJZER" build --source "$src" --out "$WORK/empty"
expect_code 0 "own output again" -- "$WIJZER" build --source "$src" --out "$WORK/new"
[ -f "$WORK/new/gids/stap-een.html" ] && ok || fail "rebuild wrote the site"

# 6. a symlinked --out (a web root) is followed: the link stays, its target is updated
mkdir "$WORK/webroot" && ln -s "$WORK/webroot" "$WORK/public"
expect_code 0 "symlinked --out, first build" -- "$WIJZER" build --source "$src" --out "$WORK/public"
expect_code 0 "symlinked --out, second build" -- "$WIJZER" build --source "$src" --out "$WORK/public"
[ -L "$WORK/public" ] && ok || fail "the symlink was replaced by a folder"
[ -f "$WORK/webroot/gids/stap-een.html" ] && ok || fail "the link's target holds the site"
ln -s "$WORK/werk" "$WORK/to-foreign"
expect_code 2 "symlink to a foreign folder" -- "$WIJZER" build --source "$src" --out "$WORK/to-foreign"
[ -f "$WORK/werk/verslag.txt" ] && ok || fail "foreign folder behind a link changed"

# 7. a stale staging folder that is not ours stays
mkdir -p "$WORK/new.wijzer-staging-999999" && echo "bewaar" >"$WORK/new.wijzer-staging-999999/notitie.txt"
expect_code 0 "build beside a foreign 'staging' folder" -- "$WIJZER" build --source "$src" --out "$WORK/new"
[ -f "$WORK/new.wijzer-staging-999999/notitie.txt" ] && ok || fail "a folder without the marker was removed as stale staging"

# 7b. a killed build's staging folder goes even when its pid now belongs to a live process (pids are
# reused: CI saw one kept for a whole run); one that a running build holds (its flock) stays
stale="$WORK/new.wijzer-staging-$$"
mkdir -p "$stale/gids" && echo x >"$stale/.wijzer-site" && echo oud >"$stale/gids/a.html"
held="$WORK/new.wijzer-staging-1"
mkdir -p "$held" && echo x >"$held/.wijzer-site"
( exec 9<"$held" && flock 9 && exec sleep 30 ) &
holder=$!
for _ in $(seq 1 50); do flock -n "$held" true 2>/dev/null || break; sleep 0.1; done
expect_code 0 "build beside stale and held staging folders" -- "$WIJZER" build --source "$src" --out "$WORK/new"
[ -e "$stale" ] && fail "a killed build's staging folder stayed because its pid is in use" || ok
[ -f "$held/.wijzer-site" ] && ok || fail "the staging folder of a running build was removed"
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
expect_code 0 "build after the holder ended" -- "$WIJZER" build --source "$src" --out "$WORK/new"
[ -e "$held" ] && fail "a staging folder no build holds stayed" || ok

# 7c. the replaced site is removed in the background (marker last), the build does not wait for it;
# a replaced site whose remover died (marked, no flock) goes with the next build, a foreign one stays
expect_code 0 "build that replaces a site" -- "$WIJZER" build --source "$src" --out "$WORK/new"
for _ in $(seq 1 100); do ls -a "$WORK" | grep -q "new.wijzer-old-" || break; sleep 0.1; done
ls -a "$WORK" | grep -q "new.wijzer-old-" && fail "the replaced site was not removed: $(ls -a "$WORK" | grep wijzer-old)" || ok
[ -f "$WORK/new/.wijzer-site" ] && [ -f "$WORK/new/gids/stap-een.html" ] && ok || fail "the new site is not whole"
dead="$WORK/new.wijzer-old-$$"
mkdir -p "$dead/gids" && echo x >"$dead/.wijzer-site" && echo oud >"$dead/gids/a.html"
mkdir -p "$WORK/new.wijzer-old-999999" && echo "bewaar" >"$WORK/new.wijzer-old-999999/notitie.txt"
expect_code 0 "build beside a replaced site whose remover died" -- "$WIJZER" build --source "$src" --out "$WORK/new"
[ -e "$dead" ] && fail "a replaced site whose remover died stayed" || ok
[ -f "$WORK/new.wijzer-old-999999/notitie.txt" ] && ok || fail "a folder without the marker was removed as a replaced site"

# 8. a full disk says so (needs a tmpfs mount: root in a namespace that allows it)
mkdir "$WORK/small"
if mount -t tmpfs -o size=16k tmpfs "$WORK/small" 2>/dev/null; then
  expect_code 1 "disk full" -- "$WIJZER" build --source "$src" --out "$WORK/small/site"
  contains "$WORK/err" "de schijf is vol" "disk-full error says why"
  umount "$WORK/small"
else
  skipped=$((skipped + 1)); echo "skipped: disk-full case (cannot mount a tmpfs here)"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
