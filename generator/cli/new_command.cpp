#include "new_command.h"

#include <ostream>

namespace fs = std::filesystem;

namespace wijzer {

namespace {

/// Why `dir` cannot receive a new portal, or "" when it is absent or an empty folder.
std::string refusal(const fs::path& dir) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(dir, ec);
  if (!fs::exists(status)) return "";
  if (!fs::is_directory(fs::status(dir, ec))) return "bestaat al en is geen map";
  if (!fs::is_empty(dir, ec) || ec) return "is niet leeg; wijzer new schrijft alleen in een nieuwe of lege map";
  return "";
}

}  // namespace

int run_new(const fs::path& starter, const fs::path& dir, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_directory(starter / "content", ec)) {
    err << "wijzer: geen startportal gevonden in " << starter.string()
        << " (is wijzer geïnstalleerd? zie docs/install.md)\n";
    return 1;
  }
  if (const std::string why = refusal(dir); !why.empty()) {
    err << "wijzer: " << dir.string() << " " << why << "\n";
    return 1;
  }
  fs::create_directories(dir, ec);
  // The starter's real path: in a build tree share/wijzer/starter is a link to the sources.
  if (!ec) fs::copy(fs::canonical(starter, ec), dir, fs::copy_options::recursive, ec);
  if (ec) {
    err << "wijzer: kan " << dir.string() << " niet vullen: " << ec.message() << "\n";
    return 1;
  }
  out << "Nieuwe portal in " << dir.string() << ". Lees " << (dir / "README.md").string()
      << " en bouw de site met:\n  wijzer build --source " << dir.string() << " --out "
      << (dir / "_site").string() << "\n";
  return 0;
}

}  // namespace wijzer
