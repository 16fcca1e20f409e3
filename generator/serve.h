#pragma once
#include <filesystem>
#include <iosfwd>
#include <string>

namespace wijzer {

/// `wijzer serve`: builds the site into memory, serves it on http://host:port/, watches content/,
/// templates/ and site-assets/, rebuilds what a change affects (SiteBuilder) and reloads open
/// pages. A build with errors keeps the last good site online; the errors show in the terminal
/// and as an overlay in the browser. Never writes the site to disk.
struct ServeOptions {
  std::filesystem::path source = ".";
  std::string host = "127.0.0.1";
  int port = 1313;  ///< 0: any free port (the startup line names it)
  unsigned threads = 0;
};

/// Runs until SIGINT or SIGTERM; returns the exit code (0, or 1 when the server cannot start).
int serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

/// The Content-Type for a file name ("text/html; charset=utf-8" for "a/b.html").
std::string mime_type(const std::string& path);

/// `html` with the live-reload script (build `version`) before its last </body>, or at the end.
std::string inject_reload_script(const std::string& html, unsigned long long version);

}  // namespace wijzer
