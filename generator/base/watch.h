#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace wijzer {

/// Watches folders below a root recursively with inotify (Linux), adding new sub-folders as
/// they appear. Paths it reports are relative to the root, '/'-separated ("content/a/b.md"); a
/// folder that was removed or moved away is reported with a trailing '/' ("content/a/").
class Watcher {
 public:
  /// Watches `dirs` (relative to `root`) that exist, and the files named `root_files` directly in
  /// `root` (e.g. wijzer.yaml; reported by name). Throws std::runtime_error when inotify fails.
  Watcher(std::filesystem::path root, const std::vector<std::string>& dirs,
          const std::vector<std::string>& root_files = {});
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// For poll(): readable when changes are pending.
  int fd() const { return fd_; }
  /// Reads the pending events (does not block). Files in a new folder count as changed.
  /// `overflow` is set when the kernel dropped events: then anything may have changed.
  std::vector<std::string> read_changes(bool& overflow);

 private:
  void add_tree(const std::string& rel, std::vector<std::string>* files);

  std::filesystem::path root_;
  int fd_ = -1;
  std::map<int, std::string> dirs_;  ///< watch descriptor → folder relative to the root
  int root_wd_ = -1;                 ///< the root itself, for root_files_ only
  std::vector<std::string> root_files_;
};

/// Editor leftovers that are never sources: hidden files (.x.swp, .#x), x~, #x#, vim's 4913.
bool editor_temp_file(const std::string& name);

}  // namespace wijzer
