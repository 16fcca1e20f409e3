#!/usr/bin/env bash
# Installs wijzer with DESTDIR into a temporary prefix and uses the INSTALLED executable from a
# folder outside the source tree: --version, new (and its refusals), check, build with the
# installed theme, and a theme folder of the portal's own overriding the installed one.
#   install_test.sh BUILD_DIR SITE_OUT
# SITE_OUT receives the starter portal's site (for tests/browser/starter.test.mjs).
set -euo pipefail
build=$(cd "$1" && pwd)
site_out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

DESTDIR="$tmp/stage" cmake --install "$build" --prefix /usr >/dev/null
w="$tmp/stage/usr/bin/wijzer"
share="$tmp/stage/usr/share/wijzer"
for f in "$w" "$share/templates/page.mustache" "$share/site-assets/layout/portal.css" \
  "$share/starter/wijzer.yaml" "$share/starter/README.md" "$tmp/stage/usr/share/man/man1/wijzer.1"; do
  [ -f "$f" ] || fail "not installed: ${f#"$tmp/stage"}"
done
# Nothing in the staging tree may point back into the source or build tree.
[ -z "$(find "$tmp/stage" -type l)" ] || fail "symbolic links in the installed tree: $(find "$tmp/stage" -type l)"

cd "$tmp"   # outside the source tree from here on
version=$("$w" --version)
[[ $version =~ ^wijzer\ [0-9]+\.[0-9]+\.[0-9]+ ]] || fail "--version printed '$version'"
version=${version#wijzer }

"$w" new mijn-wijzer >new.out || fail "wijzer new failed"
grep -q "mijn-wijzer" new.out || fail "wijzer new does not name the folder"
for f in wijzer.yaml README.md content/_index.md content/voor-clienten/_index.md content/begrippen/begrippen.json \
  content/stroomschema/welke-begeleiding.json content/hulpmiddelen/gespreksverslag.form.json; do
  [ -f "mijn-wijzer/$f" ] || fail "wijzer new made no $f"
done
[ ! -e mijn-wijzer/templates ] && [ ! -e mijn-wijzer/site-assets ] || fail "wijzer new copied the theme"

# Refusals: a non-empty folder or a file (exit 1, nothing changed), no folder given (usage, exit 2).
set +e
"$w" new mijn-wijzer 2>err.txt; code=$?
set -e
[ $code = 1 ] || fail "new into a non-empty folder exited $code, not 1"
grep -q "niet leeg" err.txt || fail "new into a non-empty folder: unclear message: $(cat err.txt)"
echo x >een-bestand
set +e
"$w" new een-bestand 2>/dev/null; code_file=$?
"$w" new 2>/dev/null; code_usage=$?
set -e
[ $code_file = 1 ] || fail "new onto a file exited $code_file, not 1"
[ "$(cat een-bestand)" = x ] || fail "new changed a file"
[ $code_usage = 2 ] || fail "new without a folder exited $code_usage, not 2"
mkdir leeg && "$w" new leeg >/dev/null || fail "new into an empty folder failed"

"$w" check --source mijn-wijzer >check.out 2>&1 || { cat check.out; fail "wijzer check failed"; }
grep -q "geen fouten, 0 waarschuwing" check.out || { cat check.out; fail "the starter has warnings"; }
(cd mijn-wijzer && "$w" build >../build.out 2>&1) || { cat build.out; fail "wijzer build failed"; }
site=mijn-wijzer/_site
for f in index.html voor-clienten/wat-doet-een-jobcoach.html begrippen/index.html \
  stroomschema/welke-begeleiding/index.html hulpmiddelen/gespreksverslag.html over.html 404.html; do
  [ -f "$site/$f" ] || fail "the build made no $f"
done
ls "$site"/assets/layout/portal.*.css >/dev/null 2>&1 || fail "no theme stylesheet in the site"
grep -q "Gemaakt met wijzer $version\." "$site/index.html" || fail "footer without 'Gemaakt met wijzer $version'"
grep -q 'Inhoud bijgewerkt tot <time datetime="2026-12-05">5 december 2026</time>' "$site/index.html" ||
  fail "footer without the content date"

# The same sources build to the same bytes (the footer's date comes from the content, not the clock).
"$w" build --source mijn-wijzer --out again >/dev/null
diff -r "$site" again >/dev/null || fail "two builds of the starter differ"

# A portal's own templates/ replaces the installed theme's templates, whole.
cp -r "$share/templates" mijn-wijzer/templates
sed -i 's/Gemaakt met wijzer/Eigen thema, wijzer/' mijn-wijzer/templates/layout/release.mustache
"$w" build --source mijn-wijzer --out eigen >/dev/null
grep -q "Eigen thema, wijzer $version" eigen/index.html || fail "the portal's own templates/ was not used"

rm -rf "$site_out"
cp -r "$site" "$site_out"
echo "install test: installed, new, check, build and theme override pass ($version)"
