// wijzer serve's pure parts: MIME types and the live-reload script tag (the server itself is
// tested end to end by tests/serve/serve_test.sh).
#include <catch2/catch.hpp>

#include "serve.h"
#include "watch.h"

using namespace wijzer;

TEST_CASE("serve: MIME types by extension", "[serve]") {
  CHECK(mime_type("a/b.html") == "text/html; charset=utf-8");
  CHECK(mime_type("assets/css/portal.1f2e.css") == "text/css; charset=utf-8");
  CHECK(mime_type("assets/js/search.1f2e.js") == "text/javascript; charset=utf-8");
  CHECK(mime_type("gids/logo.SVG") == "image/svg+xml");
  CHECK(mime_type("stroomschema/x/paths.json") == "application/json");
  CHECK(mime_type("a.b/README") == "application/octet-stream");
  CHECK(mime_type("bestand.onbekend") == "application/octet-stream");
}

TEST_CASE("serve: the reload script goes before the last </body>", "[serve]") {
  CHECK(inject_reload_script("<html><body><p>x</p></body></html>", 7) ==
        "<html><body><p>x</p><script src=\"/__wijzer/reload.js?v=7\"></script></body></html>");
  CHECK(inject_reload_script("<p>geen body</p>", 1) == "<p>geen body</p><script src=\"/__wijzer/reload.js?v=1\"></script>");
}

TEST_CASE("watch: editor temporary files are not sources", "[serve][watch]") {
  for (const char* name : {".jobcoach.md.swp", "jobcoach.md~", "#jobcoach.md#", ".#jobcoach.md", "4913", "x.swp", ""})
    CHECK(editor_temp_file(name));
  for (const char* name : {"jobcoach.md", "logo.svg", "begrippen.json", "_index.md"}) CHECK_FALSE(editor_temp_file(name));
}
