#include "source.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>

#include "diagnostics.h"
#include "parallel.h"
#include "paths.h"

namespace fs = std::filesystem;

namespace wijzer {

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(buffer).str();
}

DiskTree::DiskTree(fs::path root) : root_(std::move(root)) {
  std::error_code ec;
  real_root_ = fs::canonical(root_, ec);
  if (ec) real_root_ = fs::absolute(root_, ec).lexically_normal();
  // display(): the root as lexically_normal() would begin a path below it ("site/", "../x/").
  display_root_ = root_.lexically_normal().generic_string();
  if (display_root_ == "." || display_root_ == "./") display_root_.clear();
  else if (!display_root_.empty() && display_root_.back() != '/') display_root_ += '/';
  root_fd_ = ::open(real_root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
}

DiskTree::~DiskTree() {
  if (root_fd_ >= 0) ::close(root_fd_);
}

int DiskTree::open_beneath(const std::string& path) const {
#ifdef SYS_openat2
  if (root_fd_ < 0 || path.empty() || path[0] == '/') return -1;
  // RESOLVE_BENEATH fails on "..", a link or an absolute link that leaves the root: what the
  // slow way refuses too, except absolute links back into the tree, which it then still allows.
  open_how how{};
  how.flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  return static_cast<int>(::syscall(SYS_openat2, root_fd_, path.c_str(), &how, sizeof how));
#else
  (void)path;
  return -1;
#endif
}

std::string DiskTree::refusal(int dir_fd, const char* name, const std::string& path, bool& is_error) const {
  is_error = false;
  std::error_code ec;
  struct stat own;  // one lstat, relative to the open folder: type and size of everything but a link
  if (::fstatat(dir_fd, name, &own, AT_SYMLINK_NOFOLLOW) != 0) return "kan niet worden gelezen";
  uintmax_t size = static_cast<uintmax_t>(own.st_size);
  if (S_ISLNK(own.st_mode)) {
    const fs::path target = fs::canonical(root_ / path, ec);
    if (ec) return "symbolische link die nergens heen wijst; overgeslagen";
    if (!path_within(target, real_root_)) {
      is_error = true;
      return "symbolische link naar " + target.string() +
             ", buiten de bronmap; wijzer leest alleen bestanden in de bronmap";
    }
    const fs::file_status status = fs::status(target, ec);
    if (fs::is_directory(status)) return "symbolische link naar een map wordt niet gevolgd; overgeslagen";
    if (!fs::is_regular_file(status)) return "geen gewoon bestand (FIFO, socket of apparaat); overgeslagen";
    size = fs::file_size(target, ec);
  } else if (S_ISDIR(own.st_mode)) {
    return "";
  } else if (!S_ISREG(own.st_mode)) {
    return "geen gewoon bestand (FIFO, socket of apparaat); overgeslagen";
  }
  if (size > kMaxFileBytes) {
    is_error = true;
    return "bestand is groter dan " + std::to_string(kMaxFileBytes >> 20) + " MB en wordt niet gelezen";
  }
  return "";
}

void DiskTree::walk(const std::string& dir, const Visit& visit) const {
  std::error_code ec;
  const fs::path base = root_ / dir;
  if (!fs::is_directory(base, ec)) return;
  const int fd = ::open(base.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  DIR* folder = ::fdopendir(fd);
  if (!folder) {
    ::close(fd);
    return;
  }
  // The folders right below `dir` are walked side by side (a large content/ has a folder per
  // subject, each with hundreds of pages, and the build waits for the list); what each finds
  // goes to `visit` afterwards, in the order of a walk on one core. A folder is opened only when
  // its turn comes: a content/ of thousands of folders must not hold a descriptor for each.
  struct Item {
    std::string path;
    std::string name;            ///< a folder to walk, or "" for a file (its refusal below)
    std::vector<Refusal> found;  ///< the visits of the entry, why "" for a file to read
  };
  std::vector<Item> items;
  const int at = ::dirfd(folder);
  while (const dirent* entry = ::readdir(folder)) {
    Item item;
    const Entry kind = entry_of(at, *entry, dir, item.path);
    if (kind == Entry::skip) continue;
    if (kind == Entry::folder) {
      item.name = entry->d_name;
    } else {
      bool is_error;
      std::string why = refusal(at, entry->d_name, item.path, is_error);
      item.found.push_back({item.path, std::move(why), is_error});
    }
    items.push_back(std::move(item));
  }
  parallel_for(items.size(), 0, [&](size_t i, unsigned) {
    Item& item = items[i];
    if (item.name.empty()) return;
    const int sub = ::openat(at, item.name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub >= 0)
      walk_folder(sub, item.path, [&](const std::string& path, const std::string& why, bool is_error) {
        item.found.push_back({path, why, is_error});
      });
  });
  ::closedir(folder);
  for (const Item& item : items)
    for (const Refusal& r : item.found) visit(r.path, r.why, r.is_error);
}

DiskTree::Entry DiskTree::entry_of(int dir_fd, const dirent& entry, const std::string& dir, std::string& path) {
  const char* name = entry.d_name;
  if (name[0] == '.') return Entry::skip;  // ".", ".." and hidden entries: editor swap files, .git/
  path = dir;
  path.append(1, '/').append(name);
  bool is_folder = entry.d_type == DT_DIR;
  if (entry.d_type == DT_UNKNOWN) {  // a file system without types in its folders
    struct stat own;
    is_folder = ::fstatat(dir_fd, name, &own, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(own.st_mode);
  }
  return is_folder ? Entry::folder : Entry::file;
}

void DiskTree::walk_folder(int fd, const std::string& dir, const Visit& visit) const {
  // readdir's type and a stat relative to the open folder, not std::filesystem's stat of the whole
  // path per entry: listing 10,000 pages took 50 ms of a build that waits for it.
  DIR* folder = ::fdopendir(fd);
  if (!folder) {
    ::close(fd);
    return;
  }
  const int at = ::dirfd(folder);
  while (const dirent* entry = ::readdir(folder)) {
    std::string path;
    const Entry kind = entry_of(at, *entry, dir, path);
    if (kind == Entry::skip) continue;
    if (kind == Entry::folder) {
      // Depth first, a folder's entries right after it; one that cannot be opened lists nothing.
      const int sub = ::openat(at, entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub >= 0) walk_folder(sub, path, visit);
      continue;
    }
    bool is_error;
    const std::string why = refusal(at, entry->d_name, path, is_error);
    visit(path, why, is_error);
  }
  ::closedir(folder);
}

std::vector<std::string> DiskTree::list(const std::string& dir) const {
  std::vector<std::string> out;
  std::vector<Refusal> refused;
  walk(dir, [&](const std::string& path, const std::string& why, bool is_error) {
    if (why.empty()) out.push_back(path);
    else refused.push_back({path, why, is_error});
  });
  std::sort(out.begin(), out.end());
  std::lock_guard lock(refusals_mutex_);
  refusals_[dir] = std::move(refused);
  return out;
}

void DiskTree::check_entries(const std::string& dir, Diagnostics& diags) const {
  auto report = [&](const std::string& path, const std::string& why, bool is_error) {
    if (why.empty()) return;
    if (is_error) diags.error(display(path), 1, 1, why);
    else diags.warning(display(path), 1, 1, why);
  };
  std::optional<std::vector<Refusal>> listed;
  {
    std::lock_guard lock(refusals_mutex_);
    if (auto it = refusals_.find(dir); it != refusals_.end()) {
      listed = std::move(it->second);
      refusals_.erase(it);
    }
  }
  if (!listed) return walk(dir, report);
  for (const Refusal& r : *listed) report(r.path, r.why, r.is_error);
}

std::optional<std::string> DiskTree::read(const std::string& path) const {
  // The resolved file must lie inside the tree (a link anywhere on the way, too); fstat below
  // refuses everything but a regular file within the size limit. O_NONBLOCK: a FIFO swapped in
  // after the check must not hang the build; fstat decides.
  int fd = open_beneath(path);
  if (fd < 0) {
    std::error_code ec;
    const fs::path real = fs::canonical(root_ / path, ec);
    if (ec || !path_within(real, real_root_)) return std::nullopt;
    fd = ::open(real.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return std::nullopt;
  }
  struct stat info;
  std::optional<std::string> bytes;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && static_cast<uintmax_t>(info.st_size) <= kMaxFileBytes) {
    std::string text(static_cast<size_t>(info.st_size), '\0');
    size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    text.resize(done);  // a file that shrank while read
    bytes = std::move(text);
  }
  ::close(fd);
  return bytes;
}

namespace {

/// A relative path whose every part is a name: no "", "." or ".." between its slashes.
bool clean_relative(std::string_view path) {
  for (size_t begin = 0;;) {
    const size_t slash = path.find('/', begin);
    const std::string_view part = path.substr(begin, slash == std::string_view::npos ? std::string_view::npos : slash - begin);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string_view::npos) return true;
    begin = slash + 1;
  }
}

}  // namespace

std::string DiskTree::display(const std::string& path) const {
  if (root_.empty() || root_ == ".") return path;
  // Listed paths are clean ("content/a/b.md"): joined as text, without std::filesystem's
  // normalising (a build names every page this way).
  if (!display_root_.empty() && clean_relative(path)) return display_root_ + path;
  return (root_ / path).lexically_normal().generic_string();
}

std::vector<std::string> MemoryTree::list(const std::string& dir) const {
  std::vector<std::string> out;
  const std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [path, bytes] : files_)
    if (path.compare(0, prefix.size(), prefix) == 0) out.push_back(path);
  return out;
}

std::optional<std::string> MemoryTree::read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

}  // namespace wijzer
