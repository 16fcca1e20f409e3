// The installed default theme: templates/ and site-assets/ for a source folder that has none.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>

#include "source.h"

namespace wijzer {

/// The installed share/wijzer folder (templates/, site-assets/, starter/), found next to the running
/// executable: <bin>/../share/wijzer when installed (any prefix, also a DESTDIR staging), or
/// <build>/share/wijzer in a build tree. Nothing when neither exists.
std::optional<std::filesystem::path> installed_theme();

/// A source folder whose templates/ and site-assets/ come from the theme when it has no folder of
/// that name. The decision is per folder: a source folder with its own templates/ uses only those
/// templates, never a mix. content/ and wijzer.yaml always come from the source folder.
class ThemedTree : public SourceTree {
 public:
  ThemedTree(const std::filesystem::path& source, const std::optional<std::filesystem::path>& theme);
  std::vector<std::string> list(const std::string& dir) const override;
  std::optional<std::string> read(const std::string& path) const override;
  std::string display(const std::string& path) const override;
  void check_entries(const std::string& dir, Diagnostics& diags) const override;

 private:
  /// The tree that holds `path`: the theme's for a themed folder, else the source folder's.
  const SourceTree& owner(const std::string& path) const;

  DiskTree source_;
  std::unique_ptr<DiskTree> templates_, site_assets_;  ///< null: the source folder's own
};

}  // namespace wijzer
