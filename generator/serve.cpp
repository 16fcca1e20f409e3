#include "serve.h"

#include <httplib.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "diagnostics.h"
#include "site.h"
#include "source.h"
#include "watch.h"

namespace fs = std::filesystem;

namespace wijzer {
namespace {

using Clock = std::chrono::steady_clock;

// The browser side of live reload: a classic script from the server itself (the portal's
// Content-Security-Policy allows script-src 'self'), long-polling with <script> elements, so
// connect-src 'none' holds too. Served only by `wijzer serve`, never part of a build.
constexpr const char* kReloadJs = R"JS(// wijzer serve: reloads the page after a rebuild; shows build errors.
(function () {
  'use strict';
  var me = document.currentScript;
  var match = /[?&]v=(\d+)/.exec(me ? me.src : '');
  var loaded = match ? Number(match[1]) : -1;
  var since = -1;
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
    if (!state.ok) show(state);
    else if (state.version !== loaded) return location.reload();
    else hide();
    since = state.version;
  };
  function poll() {
    var s = document.createElement('script');
    s.src = '/__wijzer/events.js?since=' + since;
    s.onload = s.onerror = function (event) {
      s.remove();
      setTimeout(poll, event.type === 'error' ? 1000 : 0);
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

/// What the server hands out: the last good site, and the state of the last build.
class LiveSite {
 public:
  using Files = std::shared_ptr<const FileStore::Map>;

  /// `files` null keeps the site served now. `bump` tells open pages to look again.
  void set(Files files, bool ok, nlohmann::json errors, size_t warnings, bool bump) {
    {
      std::lock_guard lock(mutex_);
      if (files) files_ = std::move(files);
      if (bump) ++version_;
      ok_ = ok;
      errors_ = std::move(errors);
      warnings_ = warnings;
    }
    changed_.notify_all();
  }
  Files files() const {
    std::lock_guard lock(mutex_);
    return files_;
  }
  unsigned long long version() const {
    std::lock_guard lock(mutex_);
    return version_;
  }
  /// The state as JSON; waits up to `wait` while the version is still `since`.
  std::string status(long long since, std::chrono::seconds wait) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, wait, [&] { return stopping_ || static_cast<long long>(version_) != since; });
    return nlohmann::json{{"version", version_}, {"ok", ok_}, {"errors", errors_}, {"warnings", warnings_}}.dump();
  }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  Files files_;
  unsigned long long version_ = 1;
  bool ok_ = true, stopping_ = false;
  nlohmann::json errors_ = nlohmann::json::array();
  size_t warnings_ = 0;
};

std::string milliseconds(Clock::duration d) {
  const double ms = std::chrono::duration<double, std::milli>(d).count();
  char buf[32];
  if (ms < 1000) std::snprintf(buf, sizeof buf, "%.0f ms", ms);
  else std::snprintf(buf, sizeof buf, "%.2f s", ms / 1000);
  std::string out = buf;
  for (auto& c : out)
    if (c == '.') c = ',';
  return out;
}

std::string clock_time() {
  std::time_t now = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", std::localtime(&now));
  return buf;
}

std::string html_page(const std::string& title, const std::string& text) {
  return "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body><h1>" + title + "</h1><p>" + text + "</p></body></html>\n";
}

/// Runs the builds and reports them: terminal lines and the state the browser sees.
class Session {
 public:
  Session(SiteBuilder& builder, LiveSite& live, std::ostream& out, std::ostream& err)
      : builder_(builder), live_(live), out_(out), err_(err) {}

  void first_build() {
    const auto start = Clock::now();
    try {
      builder_.build();
    } catch (const std::exception& e) {
      failed(e);
      return;
    }
    const bool ok = !builder_.has_errors();
    report(ok, true);
    out_ << builder_.page_count() << " pagina's gebouwd in " << milliseconds(Clock::now() - start)
         << (ok ? "" : " (met fouten)") << "\n";
  }

  void rebuild(const std::vector<std::string>& changed, bool overflow) {
    const auto start = Clock::now();
    ChangePlan plan;
    try {
      if (overflow) {
        plan.scope = ChangeScope::everything;
        plan.reason = "(te veel wijzigingen tegelijk)";
      } else {
        plan = builder_.plan(changed);
      }
      if (plan.scope == ChangeScope::none) return;
      const size_t pages = builder_.update(plan);
      std::string what = changed.empty() ? plan.reason : changed.front();
      if (changed.size() > 1) what += " (+" + std::to_string(changed.size() - 1) + ")";
      if (plan.scope == ChangeScope::pages) {
        // The page first: it is visible before features' late work (e.g. a search index) is done.
        const bool ok = !builder_.has_errors(false);
        if (ok) live_.set(snapshot(), true, nlohmann::json::array(), 0, true);
        const auto shown = Clock::now();
        builder_.finish();
        const bool all_ok = !builder_.has_errors();
        report(all_ok, ok ? !all_ok : true);
        out_ << "[" << clock_time() << "] " << what << " → " << pages << (pages == 1 ? " pagina" : " pagina's")
             << " in " << milliseconds(shown - start) << " (afronden " << milliseconds(Clock::now() - shown) << ")\n";
      } else {
        report(!builder_.has_errors(), true);
        out_ << "[" << clock_time() << "] " << what << " → "
             << (plan.scope == ChangeScope::files ? "bestand gekopieerd"
                                                  : "alles (" + plan.reason + "): " + std::to_string(pages) + " pagina's")
             << " in " << milliseconds(Clock::now() - start) << "\n";
      }
    } catch (const std::exception& e) {
      failed(e);
    }
    out_.flush();
  }

 private:
  LiveSite::Files snapshot() { return std::make_shared<const FileStore::Map>(builder_.files().snapshot()); }

  /// Prints what is new since the last build (every error, new warnings) and updates the browser.
  void report(bool ok, bool bump) {
    Diagnostics diags;
    builder_.report(diags);
    std::set<std::string> now;
    nlohmann::json errors = nlohmann::json::array();
    size_t warnings = 0;
    for (const auto& d : diags.sorted()) {
      const std::string line = format_diagnostic(d);
      now.insert(line);
      if (d.severity == Severity::error) {
        err_ << line << "\n";
        if (errors.size() < 100) errors.push_back({{"file", d.path}, {"line", d.line}, {"col", d.col}, {"message", d.message}});
      } else {
        ++warnings;
        if (!printed_.count(line)) err_ << line << "\n";
      }
    }
    printed_ = std::move(now);
    if (!ok)
      err_ << diags.error_count() << " fout(en): de laatste goede versie blijft zichtbaar\n";
    err_.flush();
    live_.set(ok ? snapshot() : nullptr, ok, std::move(errors), warnings, bump);
  }

  void failed(const std::exception& e) {
    err_ << "wijzer: " << e.what() << "\n";
    live_.set(nullptr, false,
              nlohmann::json::array({{{"file", "wijzer"}, {"line", 1}, {"col", 1}, {"message", e.what()}}}), 0, true);
  }

  SiteBuilder& builder_;
  LiveSite& live_;
  std::ostream& out_;
  std::ostream& err_;
  std::set<std::string> printed_;
};

void route(httplib::Server& server, LiveSite& live) {
  auto no_store = [](httplib::Response& res) { res.set_header("Cache-Control", "no-store"); };
  server.Get("/__wijzer/reload.js", [=](const httplib::Request&, httplib::Response& res) {
    no_store(res);
    res.set_content(kReloadJs, "text/javascript; charset=utf-8");
  });
  server.Get("/__wijzer/reload.css", [=](const httplib::Request&, httplib::Response& res) {
    no_store(res);
    res.set_content(kReloadCss, "text/css; charset=utf-8");
  });
  auto since_of = [](const httplib::Request& req) {
    try {
      return req.has_param("since") ? std::stoll(req.get_param_value("since")) : -1LL;
    } catch (...) {
      return -1LL;
    }
  };
  // Long poll: answers when the build state changes (or after 25 s); since=-1 answers at once.
  server.Get("/__wijzer/events.js", [&live, since_of, no_store](const httplib::Request& req, httplib::Response& res) {
    no_store(res);
    res.set_content("window.__wijzerLive && window.__wijzerLive(" + live.status(since_of(req), std::chrono::seconds(25)) + ");\n",
                    "text/javascript; charset=utf-8");
  });
  server.Get("/__wijzer/status", [&live, since_of, no_store](const httplib::Request& req, httplib::Response& res) {
    no_store(res);
    res.set_content(live.status(since_of(req), std::chrono::seconds(req.has_param("since") ? 25 : 0)),
                    "application/json");
  });
  server.Get(R"(/.*)", [&live, no_store](const httplib::Request& req, httplib::Response& res) {
    no_store(res);
    const auto files = live.files();
    const unsigned long long version = live.version();
    if (!files) {
      res.status = 503;
      res.set_content(inject_reload_script(html_page("Nog geen site", "De eerste bouw had fouten: zie de terminal."), version),
                      "text/html; charset=utf-8");
      return;
    }
    std::string key = req.path.empty() ? "" : req.path.substr(1);
    if (key.empty() || key.back() == '/') key += "index.html";
    auto it = files->find(key);
    if (it == files->end()) {
      if (files->count(key + "/index.html")) {
        res.set_redirect(req.path + "/");
        return;
      }
      res.status = 404;
      res.set_content(inject_reload_script(html_page("Niet gevonden", "Deze site heeft geen " + key + "."), version),
                      "text/html; charset=utf-8");
      return;
    }
    const std::string type = mime_type(key);
    if (type.rfind("text/html", 0) == 0) res.set_content(inject_reload_script(*it->second, version), type.c_str());
    else res.set_content(*it->second, type.c_str());
  });
}

}  // namespace

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
      {"webmanifest", "application/manifest+json"}};
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "application/octet-stream";
  std::string ext = path.substr(dot + 1);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

std::string inject_reload_script(const std::string& html, unsigned long long version) {
  const std::string tag = "<script src=\"/__wijzer/reload.js?v=" + std::to_string(version) + "\"></script>";
  const size_t body = html.rfind("</body>");
  if (body == std::string::npos) return html + tag;
  std::string out;
  out.reserve(html.size() + tag.size());
  out.append(html, 0, body).append(tag).append(html, body, std::string::npos);
  return out;
}

int serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  // Ctrl-C and SIGTERM arrive on a file descriptor in the main loop: blocked before any thread starts.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  const int signal_fd = signalfd(-1, &signals, SFD_CLOEXEC);

  DiskTree tree(options.source);
  std::unique_ptr<Watcher> watcher;
  try {
    // Before the first build, so no change made during it is missed.
    watcher = std::make_unique<Watcher>(options.source, std::vector<std::string>{"content", "templates", "site-assets"});
  } catch (const std::exception& e) {
    err << "wijzer: " << e.what() << "\n";
    return 1;
  }
  SiteBuilder builder(tree, portal_features, options.threads);
  LiveSite live;
  Session session(builder, live, out, err);
  session.first_build();

  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(24); };
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which lets a second server share
  // a port that is in use instead of failing.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  route(server, live);
  int port = options.port;
  if (port == 0) port = server.bind_to_any_port(options.host);
  else if (!server.bind_to_port(options.host, port)) port = -1;
  if (port <= 0) {
    err << "wijzer: kan niet luisteren op " << options.host << ":" << options.port
        << " (is de poort bezet? kies een andere met --port)\n";
    return 1;
  }
  std::thread listener([&] { server.listen_after_bind(); });
  out << "wijzer serve: http://" << options.host << ":" << port << "/  (bron: " << options.source.string()
      << "; wijzigingen worden direct zichtbaar; Ctrl-C stopt)" << std::endl;

  // Changes come in bursts (an editor writes a temporary file and renames it; a checkout touches
  // many files): wait until the source has been quiet for kQuiet, at most kMaxWait in all.
  constexpr auto kQuiet = std::chrono::milliseconds(30), kMaxWait = std::chrono::milliseconds(500);
  for (bool running = true; running;) {
    pollfd fds[2] = {{watcher->fd(), POLLIN, 0}, {signal_fd, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[1].revents & POLLIN) break;
    if (!(fds[0].revents & POLLIN)) continue;
    bool overflow = false;
    std::vector<std::string> changed = watcher->read_changes(overflow);
    const auto first = Clock::now();
    for (;;) {
      const auto left = std::min(kQuiet, std::chrono::duration_cast<std::chrono::milliseconds>(first + kMaxWait - Clock::now()));
      if (left.count() <= 0) break;
      int ready = poll(fds, 2, static_cast<int>(left.count()));
      if (ready <= 0) break;
      if (fds[1].revents & POLLIN) {
        running = false;
        break;
      }
      auto more = watcher->read_changes(overflow);
      changed.insert(changed.end(), more.begin(), more.end());
    }
    if (!running) break;
    if (changed.empty() && !overflow) continue;
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    session.rebuild(changed, overflow);
  }
  out << "\nwijzer serve: gestopt" << std::endl;
  live.stop();
  server.stop();
  listener.join();
  if (signal_fd >= 0) close(signal_fd);
  return 0;
}

}  // namespace wijzer
