#include "serve_http.h"

#include <cctype>

#include "text.h"

namespace wijzer {

const char* const kPortalCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'none'; "
    "form-action 'self'; base-uri 'none'; object-src 'none'";

namespace {

// The browser side of live reload: a classic script from the server itself (the portal's
// Content-Security-Policy allows script-src 'self'), long-polling with <script> elements, so
// connect-src 'none' holds too. Served only by `wijzer serve`, never part of a build. The page's
// script tag carries the server's token (t=); events.js answers only requests that carry it.
constexpr const char* kReloadJs = R"JS(// wijzer serve: reloads the page after a rebuild; shows build errors.
(function () {
  'use strict';
  var me = document.currentScript;
  var src = me ? me.src : '';
  var match = /[?&]v=(\d+)/.exec(src);
  var loaded = match ? Number(match[1]) : -1;
  var token = (/[?&]t=([0-9a-f]+)/.exec(src) || [])[1] || '';
  var since = -1;
  var wait = 0;
  var box = null;
  var css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = '/__wijzer/reload.css';
  document.head.appendChild(css);

  function hide() {
    if (box) box.remove();
    box = null;
  }
  function show(state) {
    hide();
    box = document.createElement('div');
    box.className = 'wijzer-bouwfout';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-wijzer-version', String(state.version));
    var title = document.createElement('h2');
    title.textContent = 'Bouwfout: je ziet de laatste goede versie van de site';
    var help = document.createElement('p');
    help.textContent = state.errors.length === 1 ? 'Herstel deze fout; de pagina laadt daarna vanzelf opnieuw.'
                                                  : 'Herstel deze ' + state.errors.length + ' fouten; de pagina laadt daarna vanzelf opnieuw.';
    var list = document.createElement('ul');
    state.errors.forEach(function (e) {
      var item = document.createElement('li');
      var where = document.createElement('code');
      where.textContent = e.file + ':' + e.line + ':' + e.col;
      item.append(where, ' ' + e.message);
      list.append(item);
    });
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Sluiten';
    close.addEventListener('click', hide);
    box.append(title, help, list, close);
    document.body.append(box);
  }
  window.__wijzerLive = function (state) {
    // busy: the server holds enough open polls already; ask again a little later.
    wait = state.busy ? 2000 : 0;
    if (!state.ok) show(state);
    else if (state.version !== loaded) return location.reload();
    else hide();
    since = state.version;
  };
  function poll() {
    var s = document.createElement('script');
    s.src = '/__wijzer/events.js?since=' + since + '&t=' + token;
    s.onload = s.onerror = function (event) {
      s.remove();
      setTimeout(poll, event.type === 'error' ? 1000 : wait);
    };
    document.head.append(s);
  }
  // A pending script delays the load event: start polling once the page has loaded.
  if (document.readyState === 'complete') poll();
  else window.addEventListener('load', poll);
})();
)JS";

constexpr const char* kReloadCss = R"CSS(.wijzer-bouwfout {
  position: fixed; left: 1rem; right: 1rem; bottom: 1rem; max-height: 60vh; overflow: auto;
  z-index: 2147483647; background: #fff; color: #1a1a1a; border: 3px solid #b00020;
  border-radius: 6px; padding: 1rem 1.25rem; box-shadow: 0 4px 24px rgba(0, 0, 0, .3);
  font: 16px/1.5 system-ui, sans-serif; text-align: left;
}
.wijzer-bouwfout h2 { margin: 0 0 .5rem; font-size: 1.2rem; color: #b00020; }
.wijzer-bouwfout ul { margin: .5rem 0; padding-left: 1.25rem; }
.wijzer-bouwfout code { font-family: ui-monospace, monospace; background: #f3f3f3; padding: 0 .25rem; }
.wijzer-bouwfout button { font: inherit; padding: .25rem .75rem; }
)CSS";

std::string header_of(const ServeRequest& request, const char* name) {
  auto it = request.headers.find(name);
  return it == request.headers.end() ? "" : it->second;
}

/// A page serve makes itself: `title` and `text` are plain text (escaped here); the portal's CSP
/// in a <meta> and, by the caller, as a header.
ServeResponse html_page(int status, const std::string& title, const std::string& text, const ServeContext& context) {
  ServeResponse res;
  res.status = status;
  res.content_type = "text/html; charset=utf-8";
  res.headers.emplace_back("Content-Security-Policy", kPortalCsp);
  const std::string t = html_escape(valid_utf8(title));
  res.body = inject_reload_script("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
                                  "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
                                      html_escape(kPortalCsp) + "\"><title>" + t + "</title></head><body><h1>" + t +
                                      "</h1><p>" + html_escape(valid_utf8(text)) + "</p></body></html>\n",
                                  context.version, context.token);
  return res;
}

/// A short plain-text refusal that echoes nothing of the request.
ServeResponse refusal(int status, const char* text) {
  ServeResponse res;
  res.status = status;
  res.content_type = "text/plain; charset=utf-8";
  res.body = std::string(text) + "\n";
  return res;
}

/// `path` percent-encoded for a Location header: only unreserved characters and '/' stay.
std::string url_path(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

long long since_of(const ServeRequest& request) {
  auto it = request.params.find("since");
  if (it == request.params.end()) return -1;
  try {
    return std::stoll(it->second);
  } catch (...) {
    return -1;
  }
}

/// The live-reload endpoints (/__wijzer/...): only for pages of this server's own origin.
ServeResponse live_endpoint(const ServeRequest& request, const ServeContext& context) {
  // Sec-Fetch-Site (every current browser): a request from a page of another origin, even
  // another port on 127.0.0.1 ("same-site"), is refused; "none" is the address bar.
  const std::string site = header_of(request, "sec-fetch-site");
  if (!site.empty() && site != "same-origin" && site != "none") return refusal(403, "Alleen voor pagina's van deze server.");
  const std::string& path = request.path;
  ServeResponse res;
  if (path == "/__wijzer/reload.js") {
    res.content_type = "text/javascript; charset=utf-8";
    res.body = kReloadJs;
  } else if (path == "/__wijzer/reload.css") {
    res.content_type = "text/css; charset=utf-8";
    res.body = kReloadCss;
  } else if (path == "/__wijzer/events.js") {
    // Loaded with <script>, which any page may do: the token is the proof of a page of ours.
    auto t = request.params.find("t");
    if (context.token.empty() || t == request.params.end() || t->second != context.token)
      return refusal(403, "Alleen voor pagina's van deze server.");
    res.content_type = "text/javascript; charset=utf-8";
    res.body = "window.__wijzerLive && window.__wijzerLive(" +
               (context.status ? context.status(since_of(request), true) : std::string("{}")) + ");\n";
  } else if (path == "/__wijzer/status") {
    res.content_type = "application/json";
    res.body = context.status ? context.status(since_of(request), request.params.count("since") > 0) : "{}";
  } else {
    return html_page(404, "Niet gevonden", "Deze server heeft geen " + path + ".", context);
  }
  return res;
}

/// A file of the site, a redirect to a folder's index, or a 404 page.
ServeResponse site_file(const ServeRequest& request, const ServeContext& context) {
  if (!context.files)
    return html_page(503, "Nog geen site", "De eerste bouw had fouten: zie de terminal.", context);
  const std::string& path = request.path;
  std::string key = path.size() > 1 ? path.substr(1) : "";
  if (key.empty() || key.back() == '/') key += "index.html";
  auto it = context.files->find(key);
  if (it == context.files->end()) {
    if (auto bytes = context.on_demand ? context.on_demand(key) : std::nullopt) {
      ServeResponse res;
      res.content_type = mime_type(key);
      res.body = std::move(*bytes);
      return res;
    }
    if (context.files->count(key + "/index.html")) {
      ServeResponse res;
      res.status = 302;
      res.headers.emplace_back("Location", url_path(path) + "/");
      return res;
    }
    return html_page(404, "Niet gevonden", "Deze site heeft geen " + key + ".", context);
  }
  ServeResponse res;
  res.content_type = mime_type(key);
  if (res.content_type.rfind("text/html", 0) == 0) res.body = inject_reload_script(*it->second, context.version, context.token);
  else res.body = *it->second;
  return res;
}

}  // namespace

std::string ServeResponse::header(const std::string& name) const {
  for (const auto& [key, value] : headers)
    if (key == name) return value;
  return "";
}

bool loopback_host(const std::string& host, int port) {
  const size_t colon = host.rfind(':');
  if (colon == std::string::npos || host.compare(colon + 1, std::string::npos, std::to_string(port)) != 0) return false;
  const std::string_view name(host.data(), colon);
  return name == "127.0.0.1" || name == "localhost" || name == "[::1]";
}

ServeResponse serve_respond(const ServeRequest& request, const ServeContext& context) {
  ServeResponse res;
  if (!loopback_host(header_of(request, "host"), context.port)) {
    // DNS rebinding: a page of evil.example whose name now points at 127.0.0.1 sends its own Host.
    res = refusal(421, "Deze server antwoordt alleen op 127.0.0.1, localhost en [::1] met zijn eigen poort.");
  } else if (request.method != "GET" && request.method != "HEAD") {
    res = refusal(405, "Alleen GET en HEAD.");
    res.headers.emplace_back("Allow", "GET, HEAD");
  } else if (request.path.empty() || request.path[0] != '/') {
    res = refusal(400, "Een pad begint met /.");  // else "x" would redirect to a relative "x/"
  } else if (request.path.rfind("/__wijzer/", 0) == 0) {
    res = live_endpoint(request, context);
  } else {
    res = site_file(request, context);
  }
  res.headers.emplace_back("Cache-Control", "no-store");
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("Cross-Origin-Resource-Policy", "same-origin");
  return res;
}

std::string mime_type(const std::string& path) {
  static const std::map<std::string, std::string> types = {
      {"html", "text/html; charset=utf-8"},  {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"}, {"mjs", "text/javascript; charset=utf-8"},
      {"json", "application/json"},          {"svg", "image/svg+xml"},
      {"png", "image/png"},                  {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},                {"gif", "image/gif"},
      {"webp", "image/webp"},                {"avif", "image/avif"},
      {"ico", "image/x-icon"},               {"pdf", "application/pdf"},
      {"txt", "text/plain; charset=utf-8"},  {"md", "text/plain; charset=utf-8"},
      {"xml", "application/xml"},            {"woff", "font/woff"},
      {"woff2", "font/woff2"},               {"ttf", "font/ttf"},
      {"csv", "text/csv; charset=utf-8"},    {"map", "application/json"},
      {"webmanifest", "application/manifest+json"}, {"zip", "application/zip"}};
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "application/octet-stream";
  std::string ext = path.substr(dot + 1);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

std::string inject_reload_script(const std::string& html, unsigned long long version, const std::string& token) {
  const std::string tag =
      "<script src=\"/__wijzer/reload.js?v=" + std::to_string(version) + "&amp;t=" + html_escape(token) + "\"></script>";
  const size_t body = html.rfind("</body>");
  if (body == std::string::npos) return html + tag;
  std::string out;
  out.reserve(html.size() + tag.size());
  out.append(html, 0, body).append(tag).append(html, body, std::string::npos);
  return out;
}

}  // namespace wijzer
