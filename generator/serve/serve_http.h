#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace wijzer {

/// The portal's Content-Security-Policy (templates/layout/head.mustache, docs/templates.md):
/// sent as a header with every HTML page `wijzer serve` makes itself (404, overlay, status).
extern const char* const kPortalCsp;

/// One HTTP request as serve's routing sees it: the decoded path, query parameters, and headers
/// with lower-case names (a repeated header's values joined with ", ").
struct ServeRequest {
  std::string method = "GET";
  std::string path = "/";
  std::map<std::string, std::string> params;
  std::map<std::string, std::string> headers;
};

/// The answer: status, Content-Type, extra headers, body.
struct ServeResponse {
  int status = 200;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// The value of header `name` (exact name), or "" when absent.
  std::string header(const std::string& name) const;
};

/// What routing needs to know of the running server: the site, its build version, the port it
/// listens on, its secret, and the build state.
struct ServeContext {
  std::shared_ptr<const std::map<std::string, std::shared_ptr<const std::string>>> files;  ///< null: no good build yet
  unsigned long long version = 1;
  int port = 0;
  /// Random per server; pages carry it to reload.js, events.js answers only requests with it,
  /// so a page of another origin cannot read the build state through a <script> element.
  std::string token;
  /// The build state as JSON; with `wait`, may wait (bounded) until the version is not `since`.
  std::function<std::string(long long since, bool wait)> status;
  /// A file `wijzer build` adds after the build (the site's zip), made when it is asked for:
  /// its bytes, or nothing when the site has no file `key`.
  std::function<std::optional<std::string>(const std::string& key)> on_demand;
};

/// Routes one request: a pure function of the request and the context (no sockets), so it can be
/// tested and fuzzed in memory. Refuses a foreign Host (DNS rebinding) with 421, cross-origin
/// reads of the live-reload endpoints with 403; every page it makes itself is escaped and sent
/// with the portal's CSP.
ServeResponse serve_respond(const ServeRequest& request, const ServeContext& context);

/// Whether `host` (a Host header) names the loopback address with `port`: 127.0.0.1:PORT,
/// localhost:PORT or [::1]:PORT.
bool loopback_host(const std::string& host, int port);

/// The Content-Type for a file name ("text/html; charset=utf-8" for "a/b.html").
std::string mime_type(const std::string& path);

/// `html` with the live-reload script (build `version`, server `token`) before its last
/// </body>, or at the end.
std::string inject_reload_script(const std::string& html, unsigned long long version, const std::string& token);

}  // namespace wijzer
