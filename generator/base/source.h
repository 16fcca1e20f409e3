#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <cstdint>
#include <string>
#include <vector>

struct dirent;

namespace wijzer {

class Diagnostics;

/// Read-only view of a source folder; tests use the in-memory one.
class SourceTree {
 public:
  virtual ~SourceTree() = default;
  /// Every regular file below `dir` as a '/'-separated path relative to the root, sorted.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
  /// The file's bytes, or nothing when it cannot be read.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  /// How a path is shown in diagnostics (relative to where the user ran the command).
  virtual std::string display(const std::string& path) const { return path; }
  /// Reports the entries below `dir` that list() leaves out for safety: links that lead outside
  /// the source tree (errors), special files and links to folders (warnings).
  virtual void check_entries(const std::string& /*dir*/, Diagnostics& /*diags*/) const {}
};

/// A source folder on disk. Nothing outside it is ever read: a symbolic link counts only when it
/// leads to a regular file inside the tree, and special files (FIFOs, devices) are never opened.
class DiskTree : public SourceTree {
 public:
  explicit DiskTree(std::filesystem::path root);
  ~DiskTree() override;
  std::vector<std::string> list(const std::string& dir) const override;
  std::optional<std::string> read(const std::string& path) const override;
  std::string display(const std::string& path) const override;
  void check_entries(const std::string& dir, Diagnostics& diags) const override;

  /// Files larger than this are not read (a build holds its inputs in memory).
  static constexpr uintmax_t kMaxFileBytes = uintmax_t{512} << 20;

 private:
  /// Why the entry `name` of the open folder `dir_fd` (`path` below the root) is left out, or ""
  /// when it is a file to read.
  std::string refusal(int dir_fd, const char* name, const std::string& path, bool& is_error) const;
  using Visit = std::function<void(const std::string&, const std::string&, bool)>;
  /// Calls `visit(path, refusal, is_error)` for every file and link below `dir`, hidden ones left out.
  void walk(const std::string& dir, const Visit& visit) const;
  /// walk() in the folder opened as `fd` (closed when done), which is `dir` below the root.
  void walk_folder(int fd, const std::string& dir, const Visit& visit) const;
  enum class Entry { skip, file, folder };
  /// What entry `entry` of the open folder `dir_fd` (`dir` below the root) is: skip for a hidden
  /// one, else a folder (not a link to one) or anything else, with its `path`.
  static Entry entry_of(int dir_fd, const dirent& entry, const std::string& dir, std::string& path);

  /// The file at `path` opened by the kernel strictly below the root (openat2 RESOLVE_BENEATH):
  /// one call instead of a readlink and a stat per folder on the way. -1 when it cannot say (an
  /// older kernel, a link that leads out or is absolute, a missing file): read() then checks the
  /// slow way.
  int open_beneath(const std::string& path) const;

  /// What the last list(dir) left out, for check_entries(dir) right after it (one walk of a large
  /// content/ instead of two); taken by check_entries, so a later call walks again.
  struct Refusal {
    std::string path, why;
    bool is_error;
  };
  mutable std::mutex refusals_mutex_;
  mutable std::map<std::string, std::vector<Refusal>> refusals_;

  std::filesystem::path root_;
  std::filesystem::path real_root_;  ///< root_ with every link resolved
  std::string display_root_;         ///< root_ normalised, ending in '/' (empty: shown as given)
  int root_fd_ = -1;                 ///< real_root_ opened as O_PATH, or -1
};

/// A source folder held in memory, for tests.
class MemoryTree : public SourceTree {
 public:
  MemoryTree() = default;
  explicit MemoryTree(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  void set(const std::string& path, std::string bytes) { files_[path] = std::move(bytes); }
  void remove(const std::string& path) { files_.erase(path); }
  std::vector<std::string> list(const std::string& dir) const override;
  std::optional<std::string> read(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
};

/// Reads a whole file from disk.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace wijzer
