#!/usr/bin/env bash
# wijzer serve on a temporary copy of the golden fixture, on a free loopback port: serves the
# site, shows a page edit and a template edit, reports an error (status and overlay data) while
# the last good page stays served, recovers, and stops cleanly on SIGINT. Every wait is bounded.
#   serve_test.sh WIJZER FIXTURES_DIR
set -u
WIJZER=$1
FIXTURES=$2
tmp=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  echo "--- serve stdout" >&2; cat "$tmp/out" >&2
  echo "--- serve stderr" >&2; cat "$tmp/err" >&2
  exit 1
}
pass() { echo "ok: $*"; }

# until_true SECONDS CMD...: runs CMD every 50 ms until it succeeds, at most SECONDS.
until_true() {
  local limit=$(( $1 * 20 )) i; shift
  for ((i = 0; i < limit; i++)); do "$@" && return 0; sleep 0.05; done
  return 1
}
page_has() { curl -sf --max-time 2 "$url$1" | grep -q -- "$2"; }
status_has() { curl -sf --max-time 2 "${url}__wijzer/status" | grep -q -- "$1"; }

"$WIJZER" serve --help | grep -q -- '--port' || fail "serve --help"
pass "serve --help"

cp -r "$FIXTURES/golden/site" "$tmp/site"
md=$tmp/site/content/gids/stap-twee.md
original=$(cat "$md")
"$WIJZER" serve --source "$tmp/site" --port 0 > "$tmp/out" 2> "$tmp/err" &
pid=$!
url=
started() { url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$tmp/out" | head -1); [ -n "$url" ]; }
until_true 20 started || fail "no startup line with the URL"
pass "listening on $url"

page=gids/stap-twee.html
page_has "$page" 'src="/__wijzer/reload.js?v=' || fail "the page is not served with the reload script"
page_has "" '<h1>Proefsite</h1>' || fail "/ does not serve index.html"
[ "$(curl -s -o /dev/null -w '%{content_type}' "${url}gids/logo.svg")" = image/svg+xml ] || fail "MIME type of .svg"
[ "$(curl -s -o /dev/null -w '%{http_code}' "${url}gids/geen.html")" = 404 ] || fail "missing page is not 404"
curl -sf "${url}__wijzer/reload.js" | grep -q __wijzerLive || fail "reload.js"
pass "pages, assets, MIME types, 404, reload script"
port=${url##*:}; port=${port%/}
token=$(curl -sf "$url$page" | grep -o 'reload\.js?v=[0-9]*&amp;t=[0-9a-f]*' | grep -o '[0-9a-f]*$')
[ -n "$token" ] || fail "the page's reload script has no token"

# Issue 13.3: the 404 page is escaped and carries the portal's CSP, in a header too.
curl -s -D "$tmp/h404" -o "$tmp/b404" "${url}gids/%3Cscript%3Ealert(1)%3C/script%3E.html"
grep -q '^HTTP/1.1 404' "$tmp/h404" || fail "404 for a path with <script>: $(head -1 "$tmp/h404")"
grep -qi "^Content-Security-Policy: default-src 'none'; script-src 'self';" "$tmp/h404" || fail "404 without a CSP header"
grep -q '<script>alert' "$tmp/b404" && fail "the 404 page prints the path unescaped: $(cat "$tmp/b404")"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$tmp/b404" || fail "the 404 page does not show the path escaped"
grep -qi '^X-Content-Type-Options: nosniff' "$tmp/h404" || fail "404 without nosniff"
pass "404: path escaped, CSP header"

# DNS rebinding: a Host other than the loopback address with this port is refused.
code_for() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@"; }
for host in "evil.example:$port" "evil.example" "127.0.0.1:$((port + 1))" "localhost"; do
  [ "$(code_for -H "Host: $host" "$url$page")" = 421 ] || fail "Host: $host is not refused"
done
for host in "127.0.0.1:$port" "localhost:$port" "[::1]:$port"; do
  [ "$(code_for -H "Host: $host" "$url$page")" = 200 ] || fail "Host: $host is refused"
done
pass "foreign Host refused (421), loopback hosts served"

# events.js is only for this server's own pages: a token from the page, no cross-origin fetch.
events="${url}__wijzer/events.js?since=-1"
[ "$(code_for "$events")" = 403 ] || fail "events.js without the token is served"
[ "$(code_for "$events&t=0$token")" = 403 ] || fail "events.js with a wrong token is served"
[ "$(code_for -H 'Sec-Fetch-Site: cross-site' "$events&t=$token")" = 403 ] || fail "cross-site events.js is served"
[ "$(code_for -H 'Sec-Fetch-Site: same-site' "$events&t=$token")" = 403 ] || fail "same-site events.js is served"
curl -s -D "$tmp/hev" -o "$tmp/bev" -H 'Sec-Fetch-Site: same-origin' "$events&t=$token"
grep -q '^HTTP/1.1 200' "$tmp/hev" || fail "same-origin events.js with the token: $(head -1 "$tmp/hev")"
grep -q '__wijzerLive(' "$tmp/bev" || fail "events.js body: $(cat "$tmp/bev")"
grep -qi '^X-Content-Type-Options: nosniff' "$tmp/hev" || fail "events.js without nosniff"
grep -qi '^Cross-Origin-Resource-Policy: same-origin' "$tmp/hev" || fail "events.js without CORP"
pass "events.js: token and same origin required; nosniff, CORP"

# 30 pending live-reload polls do not delay a page.
version=$(curl -sf "${url}__wijzer/status" | grep -o '"version":[0-9]*' | cut -d: -f2)
polls=()
for ((i = 0; i < 30; i++)); do
  curl -s -o /dev/null --max-time 30 "${url}__wijzer/events.js?since=$version&t=$token" & polls+=($!)
done
sleep 0.5
took=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 5 "$url$page")
kill "${polls[@]}" 2>/dev/null; wait "${polls[@]}" 2>/dev/null
case "$took" in "200 0."*) ;; *) fail "a page with 30 pending polls: $took (status, seconds)";; esac
pass "30 pending polls: page served in ${took#* } s"

# 1. A page edit is served within a bounded time.
printf '%s\n\nEen nieuwe zin: serve-test-een.\n' "$original" > "$md"
until_true 10 page_has "$page" 'serve-test-een' || fail "the page edit did not show within 10 s"
pass "page edit served"

# 2. An error: the status carries path:line:col and the message; the last good page stays.
printf '%s\n\nEen nieuwe zin: serve-test-twee. [kapot](bestaat-niet.md)\n' "$original" > "$md"
until_true 10 status_has '"ok":false' || fail "the error did not show in the status within 10 s"
status=$(curl -sf "${url}__wijzer/status")
echo "$status" | grep -q 'stap-twee.md","line":' || fail "status has no file and line: $status"
echo "$status" | grep -q "bestaat-niet.md" || fail "status has no message: $status"
curl -sf "${url}__wijzer/events.js?since=-1&t=$token" | grep -q '__wijzerLive({.*"ok":false' || fail "events.js has no error state"
page_has "$page" 'serve-test-een' || fail "the last good page is no longer served"
page_has "$page" 'serve-test-twee' && fail "the broken page is served"
grep -q 'stap-twee.md:[0-9]*:[0-9]*: error: link naar onbekende pagina' "$tmp/err" || fail "the terminal does not show the error"
pass "error in status, events and terminal; last good page still served"

# 3. Fixed: served again, status ok.
printf '%s\n\nEen nieuwe zin: serve-test-drie.\n' "$original" > "$md"
until_true 10 page_has "$page" 'serve-test-drie' || fail "the fix did not show within 10 s"
status_has '"ok":true' || fail "status not ok after the fix"
pass "fix served"

# 4. A template edit reaches every page.
tpl=$tmp/site/templates/page.mustache
sed -i 's|</body>|<p>serve-test-sjabloon</p></body>|' "$tpl"
grep -q serve-test-sjabloon "$tpl" || fail "test setup: page.mustache has no </body>"
until_true 10 page_has "gids/stap-een.html" 'serve-test-sjabloon' || fail "the template edit did not show within 10 s"
page_has "$page" 'serve-test-sjabloon' || fail "the template edit did not reach $page"
pass "template edit served"

# 5. A new folder with a page; the long poll answers when the build changes.
version=$(curl -sf "${url}__wijzer/status" | grep -o '"version":[0-9]*' | cut -d: -f2)
curl -sf --max-time 20 "${url}__wijzer/status?since=$version" > "$tmp/poll" &
poll=$!
mkdir -p "$tmp/site/content/nieuw"
printf -- '---\ntitle: Nieuw\n---\nNieuwe map: serve-test-map.\n' > "$tmp/site/content/nieuw/pagina.md"
until_true 10 page_has "nieuw/pagina.html" 'serve-test-map' || fail "a page in a new folder did not show within 10 s"
wait $poll || fail "the long poll failed"
polled=$(grep -o '"version":[0-9]*' "$tmp/poll" | cut -d: -f2)
[ -n "$polled" ] && [ "$polled" -gt "$version" ] || fail "long poll: $(cat "$tmp/poll")"
pass "new folder watched; long poll answered"

# 5b. wijzer.yaml in the source root is watched: a change rebuilds every page; an error shows.
printf 'site:\n  title: serve-test-config\n' > "$tmp/site/wijzer.yaml"
until_true 10 page_has "gids/stap-een.html" 'serve-test-config' || fail "a wijzer.yaml edit did not show within 10 s"
page_has "$page" 'serve-test-config' || fail "the wijzer.yaml edit did not reach $page"
printf 'site:\n  titel: x\n' > "$tmp/site/wijzer.yaml"
until_true 10 status_has '"ok":false' || fail "a bad wijzer.yaml did not show as an error within 10 s"
status_has 'wijzer.yaml' || fail "the error does not name wijzer.yaml"
rm "$tmp/site/wijzer.yaml"
until_true 10 status_has '"ok":true' || fail "removing wijzer.yaml did not clear the error"
pass "wijzer.yaml watched"

# 6. A second server on the same port fails (exit 1) instead of sharing it.
timeout 60 "$WIJZER" serve --source "$tmp/site" --port "$port" > "$tmp/out2" 2>&1; code=$?
[ "$code" = 1 ] || fail "a second server on port $port: exit $code, not 1 ($(cat "$tmp/out2"))"
grep -q "kan niet luisteren" "$tmp/out2" || fail "a second server on port $port: no message"
pass "port in use: exit 1"

# 7. Ctrl-C stops the server cleanly.
kill -INT "$pid"
for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
kill -0 "$pid" 2>/dev/null && fail "still running 5 s after SIGINT"
wait "$pid"; code=$?
pid=
[ "$code" = 0 ] || fail "exit code $code after SIGINT"
pass "SIGINT: exit 0"
[ -e "$tmp/site/_site" ] && fail "serve wrote _site"
echo "serve: all checks passed"
