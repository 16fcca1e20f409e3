#pragma once
#include <filesystem>
#include <iosfwd>
#include <string>

#include "serve_http.h"

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

}  // namespace wijzer
