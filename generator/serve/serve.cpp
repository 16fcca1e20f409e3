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
#include <random>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>

#include "diagnostics.h"
#include "offline.h"
#include "serve_http.h"
#include "portal.h"
#include "site.h"
#include "source.h"
#include "theme.h"
#include "watch.h"

namespace fs = std::filesystem;

namespace wijzer {
namespace {

using Clock = std::chrono::steady_clock;

/// What the server hands out: the last good site, and the state of the last build.
class LiveSite {
 public:
  static constexpr int kMaxPolls = 4;
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
  /// The state as JSON; waits up to `wait` while the version is still `since`. At most kMaxPolls
  /// requests wait at once (each holds a server thread, and a browser allows about six
  /// connections per host): any more are answered at once with "busy", and ask again later.
  std::string status(long long since, std::chrono::seconds wait) {
    std::unique_lock lock(mutex_);
    bool busy = false;
    if (wait.count() > 0 && static_cast<long long>(version_) == since && !stopping_) {
      if (polls_ >= kMaxPolls) {
        busy = true;
      } else {
        ++polls_;
        changed_.wait_for(lock, wait, [&] { return stopping_ || static_cast<long long>(version_) != since; });
        --polls_;
      }
    }
    nlohmann::json state{{"version", version_}, {"ok", ok_}, {"errors", errors_}, {"warnings", warnings_}};
    if (busy) state["busy"] = true;
    return state.dump();
  }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
  }
  /// The name of the zip `wijzer build` adds to the site (`name`.zip; empty: none).
  void set_zip_name(std::string name) {
    std::lock_guard lock(mutex_);
    zip_name_ = std::move(name);
  }
  /// The zip of the site served now, made the first time it is asked for (ServeContext::on_demand).
  std::optional<std::string> on_demand(const std::string& key) {
    Files files;
    std::string name;
    {
      std::lock_guard lock(mutex_);
      if (zip_name_.empty() || key != zip_name_ + ".zip" || !files_) return std::nullopt;
      if (zip_ && zip_of_ == files_) return *zip_;
      files = files_;
      name = zip_name_;
    }
    std::map<std::string, std::string> copy;
    for (const auto& [path, bytes] : *files) copy.emplace(path, *bytes);
    auto zip = std::make_shared<const std::string>(offline_zip_of(std::move(copy), name));
    std::lock_guard lock(mutex_);
    zip_of_ = std::move(files);
    zip_ = zip;
    return *zip;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  Files files_;
  unsigned long long version_ = 1;
  bool ok_ = true, stopping_ = false;
  int polls_ = 0;  ///< requests waiting in status()
  nlohmann::json errors_ = nlohmann::json::array();
  size_t warnings_ = 0;
  std::string zip_name_;
  Files zip_of_;                             ///< the files zip_ was made from
  std::shared_ptr<const std::string> zip_;
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
  LiveSite::Files snapshot() {
    const Config& config = builder_.config();
    live_.set_zip_name(offline_zip_enabled(builder_.tree(), config) ? config.offline.name : "");
    return std::make_shared<const FileStore::Map>(builder_.files().snapshot());
  }

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

/// A random hex string: the per-server token of the live-reload endpoints.
std::string random_token() {
  std::random_device random;
  std::string token;
  for (int i = 0; i < 4; ++i) {
    char part[9];
    std::snprintf(part, sizeof part, "%08x", static_cast<unsigned>(random()));
    token += part;
  }
  return token;
}

/// Every request goes through serve_respond (serve_http.h): httplib only parses and writes.
void route(httplib::Server& server, LiveSite& live, int port) {
  const std::string token = random_token();
  server.set_pre_routing_handler([&live, port, token](const httplib::Request& req, httplib::Response& res) {
    ServeRequest request;
    request.method = req.method;
    request.path = req.path;
    for (const auto& [key, value] : req.params) request.params.emplace(key, value);
    for (const auto& [key, value] : req.headers) {
      std::string name = key;
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto [it, added] = request.headers.emplace(name, value);
      if (!added) it->second += ", " + value;  // two Host headers match no loopback host
    }
    ServeContext context;
    context.files = live.files();
    context.version = live.version();
    context.port = port;
    context.token = token;
    context.status = [&live](long long since, bool wait) { return live.status(since, std::chrono::seconds(wait ? 25 : 0)); };
    context.on_demand = [&live](const std::string& key) { return live.on_demand(key); };
    ServeResponse answer = serve_respond(request, context);
    res.status = answer.status;
    for (const auto& [key, value] : answer.headers) res.set_header(key, value);
    if (!answer.content_type.empty()) res.set_content(answer.body, answer.content_type.c_str());
    return httplib::Server::HandlerResponse::Handled;
  });
}

}  // namespace

int serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  // Ctrl-C and SIGTERM arrive on a file descriptor in the main loop: blocked before any thread starts.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  const int signal_fd = signalfd(-1, &signals, SFD_CLOEXEC);

  // A folder without templates/ or site-assets/ uses the installed theme's (not watched: it does not change).
  const ThemedTree tree(options.source, installed_theme());
  std::unique_ptr<Watcher> watcher;
  try {
    // Before the first build, so no change made during it is missed.
    watcher = std::make_unique<Watcher>(options.source, std::vector<std::string>{"content", "templates", "site-assets"},
                                        std::vector<std::string>{kConfigFile});
  } catch (const std::exception& e) {
    err << "wijzer: " << e.what() << "\n";
    return 1;
  }
  SiteBuilder builder(tree, portal_features, options.threads);
  LiveSite live;
  Session session(builder, live, out, err);
  session.first_build();

  httplib::Server server;
  // A thread per open connection: live-reload polls hold at most LiveSite::kMaxPolls of them.
  server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which lets a second server share
  // a port that is in use instead of failing.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  int port = options.port;
  if (port == 0) port = server.bind_to_any_port(options.host);
  else if (!server.bind_to_port(options.host, port)) port = -1;
  if (port <= 0) {
    err << "wijzer: kan niet luisteren op " << options.host << ":" << options.port
        << " (is de poort bezet? kies een andere met --port)\n";
    return 1;
  }
  route(server, live, port);
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
