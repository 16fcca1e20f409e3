// wijzer serve's pure parts: MIME types, the live-reload script tag and the routing of requests
// (serve_respond; the server itself is tested end to end by tests/serve/serve_test.sh).
#include <catch2/catch.hpp>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

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
  CHECK(inject_reload_script("<html><body><p>x</p></body></html>", 7, "ab12") ==
        "<html><body><p>x</p><script src=\"/__wijzer/reload.js?v=7&amp;t=ab12\"></script></body></html>");
  CHECK(inject_reload_script("<p>geen body</p>", 1, "ab12") ==
        "<p>geen body</p><script src=\"/__wijzer/reload.js?v=1&amp;t=ab12\"></script>");
}

namespace {

/// A running server's context in memory: three files, port 4000, token "ab12".
ServeContext context() {
  auto files = std::make_shared<std::map<std::string, std::shared_ptr<const std::string>>>();
  (*files)["index.html"] = std::make_shared<const std::string>("<html><body><h1>Start</h1></body></html>");
  (*files)["a b/index.html"] = std::make_shared<const std::string>("<html><body>map</body></html>");
  (*files)["logo.svg"] = std::make_shared<const std::string>("<svg/>");
  ServeContext c;
  c.files = files;
  c.version = 3;
  c.port = 4000;
  c.token = "ab12";
  c.status = [](long long since, bool wait) { return "{\"since\":" + std::to_string(since) + (wait ? ",\"wait\":1}" : "}"); };
  return c;
}

ServeRequest get(const std::string& path, std::map<std::string, std::string> params = {}) {
  ServeRequest r;
  r.path = path;
  r.params = std::move(params);
  r.headers["host"] = "127.0.0.1:4000";
  return r;
}

}  // namespace

TEST_CASE("serve: pages it makes itself are escaped and carry the portal's CSP (issue 13.3)", "[serve][security]") {
  auto res = serve_respond(get("/<script>alert(1)</script>\"'&.html"), context());
  CHECK(res.status == 404);
  CHECK(res.body.find("<script>alert") == std::string::npos);
  CHECK(res.body.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;.html") != std::string::npos);
  CHECK(res.header("Content-Security-Policy") == kPortalCsp);
  CHECK(res.body.find("<meta http-equiv=\"Content-Security-Policy\"") != std::string::npos);
  CHECK(res.header("X-Content-Type-Options") == "nosniff");
  // Before the first good build: 503, also escaped and with the CSP.
  ServeContext none = context();
  none.files = nullptr;
  auto first = serve_respond(get("/<b>"), none);
  CHECK(first.status == 503);
  CHECK(first.header("Content-Security-Policy") == kPortalCsp);
  // Unknown live-reload endpoint.
  auto unknown = serve_respond(get("/__wijzer/<img src=x>"), context());
  CHECK(unknown.status == 404);
  CHECK(unknown.body.find("<img") == std::string::npos);
  CHECK(unknown.header("Content-Security-Policy") == kPortalCsp);
}

TEST_CASE("serve: the CSP it sends is the portal's (templates/layout/head.mustache)", "[serve][security]") {
  std::ifstream in(std::string(WIJZER_TEST_DIR) + "/../templates/layout/head.mustache");
  std::stringstream head;
  head << in.rdbuf();
  CHECK(head.str().find("http-equiv=\"Content-Security-Policy\" content=\"" + std::string(kPortalCsp) + "\"") !=
        std::string::npos);
}

TEST_CASE("serve: only the loopback address with its own port as Host (DNS rebinding)", "[serve][security]") {
  for (const char* host : {"127.0.0.1:4000", "localhost:4000", "[::1]:4000"}) {
    auto r = get("/");
    r.headers["host"] = host;
    CHECK(serve_respond(r, context()).status == 200);
  }
  for (const char* host : {"evil.example:4000", "evil.example", "127.0.0.1:4001", "127.0.0.1", "localhost",
                           "127.0.0.1:4000, evil.example", "127.0.0.1:40000", "", "LOCALHOST:4000x"}) {
    auto r = get("/");
    r.headers["host"] = host;
    auto res = serve_respond(r, context());
    CHECK(res.status == 421);
    CHECK(res.body.find("Start") == std::string::npos);
  }
  auto r = get("/__wijzer/status");
  r.headers.erase("host");
  CHECK(serve_respond(r, context()).status == 421);
}

TEST_CASE("serve: events.js only for this server's own pages", "[serve][security]") {
  auto events = [](std::map<std::string, std::string> params, const char* site) {
    auto r = get("/__wijzer/events.js", std::move(params));
    if (site) r.headers["sec-fetch-site"] = site;
    return serve_respond(r, context());
  };
  CHECK(events({{"since", "3"}}, nullptr).status == 403);
  CHECK(events({{"since", "3"}, {"t", "ab1"}}, nullptr).status == 403);
  CHECK(events({{"since", "3"}, {"t", ""}}, "same-origin").status == 403);
  CHECK(events({{"since", "3"}, {"t", "ab12"}}, "cross-site").status == 403);
  CHECK(events({{"since", "3"}, {"t", "ab12"}}, "same-site").status == 403);
  auto ok = events({{"since", "3"}, {"t", "ab12"}}, "same-origin");
  CHECK(ok.status == 200);
  CHECK(ok.body == "window.__wijzerLive && window.__wijzerLive({\"since\":3,\"wait\":1});\n");
  CHECK(ok.header("X-Content-Type-Options") == "nosniff");
  CHECK(ok.header("Cross-Origin-Resource-Policy") == "same-origin");
  CHECK(events({{"t", "ab12"}}, nullptr).status == 200);  // curl, older browsers: the token suffices
  // A server without a token answers nobody.
  ServeContext c = context();
  c.token.clear();
  auto r = get("/__wijzer/events.js", {{"t", ""}});
  CHECK(serve_respond(r, c).status == 403);
  // The status is JSON (not a script); cross-origin requests are refused all the same.
  auto status = get("/__wijzer/status");
  status.headers["sec-fetch-site"] = "cross-site";
  CHECK(serve_respond(status, context()).status == 403);
  CHECK(serve_respond(get("/__wijzer/status"), context()).body == "{\"since\":-1}");
}

TEST_CASE("serve: pages carry the reload token; folders redirect with an encoded Location", "[serve]") {
  auto page = serve_respond(get("/"), context());
  CHECK(page.status == 200);
  CHECK(page.body.find("reload.js?v=3&amp;t=ab12") != std::string::npos);
  CHECK(page.header("Content-Security-Policy").empty());  // the site's own pages carry their own
  auto svg = serve_respond(get("/logo.svg"), context());
  CHECK(svg.content_type == "image/svg+xml");
  CHECK(svg.body == "<svg/>");
  auto folder = serve_respond(get("/a b"), context());
  CHECK(folder.status == 302);
  CHECK(folder.header("Location") == "/a%20b/");
  // Found by the serve fuzz target: a request path without its leading '/' redirected to "gids/".
  CHECK(serve_respond(get("xa b"), context()).status == 400);  // was 302 to "xa%20b/"
  CHECK(serve_respond(get(""), context()).status == 400);
  auto post = get("/");
  post.method = "POST";
  CHECK(serve_respond(post, context()).status == 405);
}

TEST_CASE("serve: a file the build adds afterwards (the site's zip) is made when asked for", "[serve]") {
  ServeContext c = context();
  std::vector<std::string> asked;
  c.on_demand = [&asked](const std::string& key) -> std::optional<std::string> {
    asked.push_back(key);
    if (key == "portal.zip") return std::string("PK zip");
    return std::nullopt;
  };
  auto zip = serve_respond(get("/portal.zip"), c);
  CHECK(zip.status == 200);
  CHECK(zip.content_type == "application/zip");
  CHECK(zip.body == "PK zip");
  CHECK(serve_respond(get("/ander.zip"), c).status == 404);
  // Files of the site are served as they are, without asking.
  CHECK(serve_respond(get("/logo.svg"), c).body == "<svg/>");
  CHECK(asked == std::vector<std::string>{"portal.zip", "ander.zip"});
}

TEST_CASE("watch: editor temporary files are not sources", "[serve][watch]") {
  for (const char* name : {".jobcoach.md.swp", "jobcoach.md~", "#jobcoach.md#", ".#jobcoach.md", "4913", "x.swp", ""})
    CHECK(editor_temp_file(name));
  for (const char* name : {"jobcoach.md", "logo.svg", "begrippen.json", "_index.md"}) CHECK_FALSE(editor_temp_file(name));
}
