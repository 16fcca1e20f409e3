#include "theme.h"

#include "build_info.h"

namespace fs = std::filesystem;

namespace wijzer {

std::optional<fs::path> installed_theme() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  const fs::path bin = exe.parent_path();
  for (const fs::path& candidate : {bin / theme_dir_from_executable(), bin / "share" / "wijzer"})
    if (fs::is_directory(candidate / "templates", ec)) return candidate.lexically_normal();
  return std::nullopt;
}

namespace {

/// A DiskTree that reads `<theme>/<folder>/…` as "<folder>/…". Rooted at the folder's real parent:
/// in a build tree share/wijzer/templates is a link to the sources' templates/, and a DiskTree
/// reads nothing outside its root.
std::unique_ptr<DiskTree> theme_folder(const fs::path& source, const std::optional<fs::path>& theme,
                                       const char* folder) {
  std::error_code ec;
  if (!theme || fs::exists(fs::symlink_status(source / folder, ec))) return nullptr;
  const fs::path real = fs::canonical(*theme / folder, ec);
  if (ec || real.filename() != folder) return nullptr;
  return std::make_unique<DiskTree>(real.parent_path());
}

bool in_folder(const std::string& path, const std::string& folder) {
  return path == folder || path.compare(0, folder.size() + 1, folder + "/") == 0;
}

}  // namespace

ThemedTree::ThemedTree(const fs::path& source, const std::optional<fs::path>& theme)
    : source_(source),
      templates_(theme_folder(source, theme, "templates")),
      site_assets_(theme_folder(source, theme, "site-assets")) {}

const SourceTree& ThemedTree::owner(const std::string& path) const {
  if (templates_ && in_folder(path, "templates")) return *templates_;
  if (site_assets_ && in_folder(path, "site-assets")) return *site_assets_;
  return source_;
}

std::vector<std::string> ThemedTree::list(const std::string& dir) const { return owner(dir).list(dir); }

std::optional<std::string> ThemedTree::read(const std::string& path) const { return owner(path).read(path); }

std::string ThemedTree::display(const std::string& path) const { return owner(path).display(path); }

void ThemedTree::check_entries(const std::string& dir, Diagnostics& diags) const {
  owner(dir).check_entries(dir, diags);
}

}  // namespace wijzer
