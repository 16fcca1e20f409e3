#!/usr/bin/env bash
# CLI contract of wijzer: exit codes, messages, and that a failed build leaves the old output whole.
# Usage: cli_test.sh path/to/wijzer path/to/tests/fixtures
set -u
WIJZER=$1
FIXTURES=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# version and help
expect_code 0 "--version" -- "$WIJZER" --version
contains "$WORK/out" "wijzer " "--version prints the version"
for cmd in build check eval; do
  expect_code 0 "$cmd --help" -- "$WIJZER" $cmd --help
  contains "$WORK/out" "Usage" "$cmd --help shows usage"
done
expect_code 2 "no command" -- "$WIJZER"
expect_code 2 "unknown option" -- "$WIJZER" build --bestaat-niet
expect_code 2 "source without content/" -- "$WIJZER" build --source "$WORK" --out "$WORK/x"
expect_code 2 "--out inside the sources" -- "$WIJZER" build --source "$FIXTURES/golden/site" --out "$FIXTURES/golden/site/content/x"

# a good build: summary line, files, byte-identical on a second run
site="$FIXTURES/golden/site"
expect_code 0 "build" -- "$WIJZER" build --source "$site" --out "$WORK/site"
contains "$WORK/out" "4 pagina's" "build prints a summary"
[ -f "$WORK/site/gids/stap-een.html" ] && ok || fail "build wrote gids/stap-een.html"
expect_code 0 "second build" -- "$WIJZER" build --source "$site" --out "$WORK/site2" --threads 1
if diff -r "$WORK/site" "$WORK/site2" >"$WORK/diff"; then ok; else fail "two builds are byte-identical"; head -20 "$WORK/diff"; fi
ls -a "$WORK" | grep -q "wijzer-staging" && fail "staging folder left behind" || ok

# check writes nothing
expect_code 0 "check" -- "$WIJZER" check --source "$site"
contains "$WORK/out" "geen fouten" "check reports success"

# a broken site: every error at path:line:col, exit 1, previous output untouched
cp -r "$site" "$WORK/broken"
printf -- '---\ntitle: Kapot\nweight: zwaar\n---\n[weg](nergens.md) en [anker](stap-twee.md#geen)\n' >"$WORK/broken/content/gids/kapot.md"
printf -- '---\n---\n' >"$WORK/broken/content/gids/zonder-titel.md"
before=$(cd "$WORK/site" && find . -type f -exec md5sum {} + | sort | md5sum)
expect_code 1 "broken build" -- "$WIJZER" build --source "$WORK/broken" --out "$WORK/site"
contains "$WORK/err" "broken/content/gids/kapot.md:3:1: error: 'weight' moet een geheel getal zijn" "front matter error located"
contains "$WORK/err" "broken/content/gids/kapot.md:5:1: error: link naar onbekende pagina 'nergens.md'" "unknown page located"
contains "$WORK/err" "broken/content/gids/kapot.md:5:22: error: onbekend anker '#geen' in gids/stap-twee.md" "unknown anchor located"
contains "$WORK/err" "broken/content/gids/zonder-titel.md:1:1: error: front matter mist het verplichte veld 'title'" "missing title"
contains "$WORK/err" "4 fout(en)" "all errors in one run"
after=$(cd "$WORK/site" && find . -type f -exec md5sum {} + | sort | md5sum)
[ "$before" = "$after" ] && ok || fail "previous output left whole after a failed build"
expect_code 1 "broken check" -- "$WIJZER" check --source "$WORK/broken"

# plain language: a client page (in a section with `publiek: clienten`) gets warnings
# at path:line:col; the exit code stays 0
cp -r "$site" "$WORK/plain"
mkdir -p "$WORK/plain/content/hulp"
printf -- '---\ntitle: Hulp\npubliek: clienten\n---\n' >"$WORK/plain/content/hulp/_index.md"
printf -- '---\ntitle: Bellen\n---\nDit is kort.\n\nKunt u het UWV bellen?\n\nEen twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig eenentwintig.\n' >"$WORK/plain/content/hulp/bellen.md"
expect_code 0 "check with plain-language warnings" -- "$WIJZER" check --source "$WORK/plain"
contains "$WORK/err" "plain/content/hulp/bellen.md:6:6: warning: 'u' op een pagina voor cliënten" "pronoun located"
contains "$WORK/err" "plain/content/hulp/bellen.md:6:12: warning: afkorting 'UWV' wordt bij het eerste gebruik niet uitgelegd" "abbreviation located"
contains "$WORK/err" "plain/content/hulp/bellen.md:8:1: warning: zin van 21 woorden" "long sentence located"
contains "$WORK/out" "geen fouten" "plain-language warnings are no errors"

# wijzer.yaml: every problem at wijzer.yaml:line:col, exit 1
cp -r "$site" "$WORK/badconfig"
printf -- 'site:\n  title: 12\n  kleur: rood\nlabels: [een]\n' >"$WORK/badconfig/wijzer.yaml"
expect_code 1 "bad wijzer.yaml" -- "$WIJZER" build --source "$WORK/badconfig" --out "$WORK/badconfig-out"
contains "$WORK/err" "badconfig/wijzer.yaml:2:3: error: verwacht tekst (/site/title)" "wrong type located"
contains "$WORK/err" "badconfig/wijzer.yaml:3:3: error: onbekende sleutel 'kleur'" "unknown key located"
contains "$WORK/err" "badconfig/wijzer.yaml:4:1: error: verwacht sleutels met tekst" "labels must be a map"
contains "$WORK/err" "3 fout(en)" "all wijzer.yaml errors in one run"

# eval
expect_code 0 "eval" -- "$WIJZER" eval '{"*":[{"var":"uren"},52,0.15]}' '{"uren":20}'
contains "$WORK/out" '{"result": 156' "eval prints the result"
expect_code 0 "eval error" -- "$WIJZER" eval '{"throw":"Kapot"}'
contains "$WORK/out" '{"error": {"type": "Kapot"}}' "eval prints the error type"
expect_code 2 "eval bad JSON" -- "$WIJZER" eval '{"+":'
expect_code 2 "eval number overflow" -- "$WIJZER" eval "[1$(printf "%0400d" 0)]"

# limits (issue 13, finding 5): hostile rules, files and thread counts end with a clean answer or a
# usage error, within bounded time and memory (before: minutes, gigabytes, or an abort).
limited() {  # run with 2 GB of address space (not under ASan: it reserves far more) and 60 s
  ( if [ -z "${ASAN_OPTIONS:-}" ]; then ulimit -v 2000000; fi; exec timeout 60 "$@" )
}
for cmd in build check serve; do
  expect_code 2 "$cmd --threads 100000" -- limited "$WIJZER" $cmd --source "$site" --threads 100000
  contains "$WORK/err" "--threads" "$cmd --threads 100000 names the option"
done
expect_code 2 "eval @/dev/zero" -- limited "$WIJZER" eval @/dev/zero
contains "$WORK/err" "rule file /dev/zero is not a regular file" "eval @/dev/zero says why"
mkfifo "$WORK/fifo"
expect_code 2 "eval DATA @fifo" -- limited "$WIJZER" eval 1 "@$WORK/fifo"
contains "$WORK/err" "is not a regular file" "eval @fifo says why"
head -c 17000000 /dev/zero | tr '\0' ' ' >"$WORK/big.json"
expect_code 2 "eval @17MB" -- limited "$WIJZER" eval "@$WORK/big.json"
contains "$WORK/err" "larger than 16 MiB" "eval of a huge file says why"
zeros=$(printf '0,%.0s' $(seq 63))0
expect_code 0 "eval nested doubling" -- limited "$WIJZER" eval \
  "{\"reduce\":[[$zeros],[{\"var\":\"accumulator\"},{\"var\":\"accumulator\"}],0]}"
contains "$WORK/out" '{"error": {"type": "Limit Exceeded"}}' "a rule doubling a nested array stops"
expect_code 0 "eval merge doubling" -- limited "$WIJZER" eval \
  "{\"reduce\":[[$zeros],{\"merge\":[{\"var\":\"accumulator\"},{\"var\":\"accumulator\"}]},[1]]}"
contains "$WORK/out" '{"error": {"type": "Limit Exceeded"}}' "a rule doubling with merge stops"
{ printf '{"s":"'; head -c 8388608 /dev/zero | tr '\0' a; printf '","r":['; seq -s, 0 49999; printf ']}'; } >"$WORK/text.json"
expect_code 0 "eval 50,000 in on 8 MiB" -- limited "$WIJZER" eval '{"map":[{"var":"r"},{"in":["b",{"val":[[2],"s"]}]}]}' "@$WORK/text.json"
contains "$WORK/out" '{"error": {"type": "Limit Exceeded"}}' "50,000 in on an 8 MiB text stop"
# substr made one string per character (8 MiB of text: 320 MB); now it fits in 150 MB of address space.
expect_code 0 "eval substr on 8 MiB" -- \
  bash -c '[ -n "${ASAN_OPTIONS:-}" ] || ulimit -v 150000; exec timeout 60 "$0" "$@"' "$WIJZER" eval '{"substr":[{"var":"s"},-3]}' "@$WORK/text.json"
contains "$WORK/out" '{"result": "aaa"}' "substr on an 8 MiB text"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
