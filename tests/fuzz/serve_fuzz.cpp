// Fuzz target: one raw HTTP request ("GET /path?query HTTP/1.1", header lines) through wijzer
// serve's routing (serve_respond), in memory: httplib's own URL decoding and query parsing, then
// the oracle of issue 13.3 on the answer.
#include <httplib.h>

#include "fuzz_common.h"
#include "serve_http.h"

namespace {

using namespace wijzer;

constexpr int kPort = 4000;
const std::string kToken = "ab12cd34";

ServeContext context(bool with_site) {
  static const auto files = [] {
    auto map = std::make_shared<std::map<std::string, std::shared_ptr<const std::string>>>();
    auto put = [&](const char* path, const char* bytes) { (*map)[path] = std::make_shared<const std::string>(bytes); };
    put("index.html", "<!DOCTYPE html><html><body><h1>Start</h1></body></html>");
    put("gids/index.html", "<html><body>Gids</body></html>");
    put("gids/stap.html", "<html><body>Stap</body></html>");
    put("a b/é/index.html", "<html><body>Map</body></html>");
    put("assets/js/portal.js", "console.log(1);");
    put("gids/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    return map;
  }();
  ServeContext c;
  if (with_site) c.files = files;
  c.version = 5;
  c.port = kPort;
  c.token = kToken;
  c.status = [](long long since, bool) { return "{\"version\":5,\"ok\":true,\"since\":" + std::to_string(since) + "}"; };
  return c;
}

/// The request line and headers of `text`, as httplib would hand them over.
ServeRequest parse(const std::string& text) {
  ServeRequest r;
  size_t eol = text.find('\n');
  std::string line = text.substr(0, eol);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const size_t sp1 = line.find(' ');
  r.method = line.substr(0, sp1);
  std::string target = sp1 == std::string::npos ? "" : line.substr(sp1 + 1);
  target = target.substr(0, target.find(' '));
  const size_t q = target.find('?');
  r.path = httplib::detail::decode_url(target.substr(0, q), false);
  if (q != std::string::npos) {
    httplib::Params params;
    httplib::detail::parse_query_text(target.substr(q + 1), params);
    for (const auto& [key, value] : params) r.params.emplace(key, value);
  }
  while (eol != std::string::npos) {
    const size_t from = eol + 1;
    eol = text.find('\n', from);
    std::string h = text.substr(from, eol == std::string::npos ? std::string::npos : eol - from);
    if (!h.empty() && h.back() == '\r') h.pop_back();
    const size_t colon = h.find(':');
    if (colon == std::string::npos) continue;
    std::string name = h.substr(0, colon), value = h.substr(colon + 1);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
    auto [it, added] = r.headers.emplace(name, value);
    if (!added) it->second += ", " + value;
  }
  return r;
}

[[noreturn]] void fail(const char* what, const ServeResponse& res) {
  std::fprintf(stderr, "SECURITY FINDING: %s (status %d)\n%s\n", what, res.status, res.body.substr(0, 2000).c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ServeRequest request = parse(fuzz::input(data, size));
  auto header = [&](const char* name) {
    auto it = request.headers.find(name);
    return it == request.headers.end() ? std::string() : it->second;
  };
  const ServeContext ctx = context(header("x-fuzz-site") != "none");
  const ServeResponse res = serve_respond(request, ctx);

  const std::string host = header("host"), port = ":" + std::to_string(kPort);
  const bool ours = host == "127.0.0.1" + port || host == "localhost" + port || host == "[::1]" + port;
  if (!ours && res.status != 421) fail("foreign Host answered", res);
  if (res.header("X-Content-Type-Options") != "nosniff") fail("no nosniff", res);
  if (res.header("Cross-Origin-Resource-Policy") != "same-origin") fail("no CORP", res);
  if (res.header("Cache-Control") != "no-store") fail("cacheable", res);

  // Pages serve makes itself (all but the site's own files): escaped, with the portal's CSP.
  std::string body = res.body;
  const std::string tag = "<script src=\"/__wijzer/reload.js?v=5&amp;t=" + kToken + "\"></script>";
  if (size_t at = body.find(tag); at != std::string::npos) body.erase(at, tag.size());
  bool from_site = false;
  if (ctx.files && res.status == 200)
    for (const auto& [path, bytes] : *ctx.files) from_site = from_site || body == *bytes;
  if (res.content_type.rfind("text/html", 0) == 0 && !from_site) {
    if (res.header("Content-Security-Policy") != kPortalCsp) fail("HTML page without the portal's CSP", res);
    if (const char* what = fuzz::unsafe_html(body)) fail(what, res);
  }
  // The live state only for this server's pages.
  if (request.path == "/__wijzer/events.js" && res.status == 200) {
    auto t = request.params.find("t");
    const std::string site = header("sec-fetch-site");
    if (t == request.params.end() || t->second != kToken) fail("events.js without the token", res);
    if (!site.empty() && site != "same-origin" && site != "none") fail("events.js for another site", res);
  }
  // Redirects stay on this server and cannot split the header.
  if (const std::string location = res.header("Location"); !location.empty()) {
    if (location[0] != '/' || (location.size() > 1 && (location[1] == '/' || location[1] == '\\')))
      fail("redirect off this server", res);
    for (unsigned char c : location)
      if (c < 0x21 || c > 0x7e) fail("raw byte in Location", res);
  }
  return 0;
}
