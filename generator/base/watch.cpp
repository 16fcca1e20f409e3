#include "watch.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace fs = std::filesystem;

namespace wijzer {

namespace {
constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB |
                           IN_DELETE_SELF;
}

bool editor_temp_file(const std::string& name) {
  if (name.empty()) return true;
  if (name[0] == '.' || name[0] == '#' || name.back() == '~' || name == "4913") return true;
  const auto ends = [&](const char* suffix) {
    const size_t n = std::strlen(suffix);
    return name.size() >= n && name.compare(name.size() - n, n, suffix) == 0;
  };
  return ends(".swp") || ends(".swx") || ends(".swpx");
}

Watcher::Watcher(fs::path root, const std::vector<std::string>& dirs, const std::vector<std::string>& root_files)
    : root_(std::move(root)), root_files_(root_files) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) throw std::runtime_error(std::string("inotify: ") + std::strerror(errno));
  if (!root_files_.empty()) root_wd_ = inotify_add_watch(fd_, root_.c_str(), kMask);
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (fs::is_directory(root_ / dir, ec)) add_tree(dir, nullptr);
  }
}

Watcher::~Watcher() {
  if (fd_ >= 0) close(fd_);
}

void Watcher::add_tree(const std::string& rel, std::vector<std::string>* files) {
  const int wd = inotify_add_watch(fd_, (root_ / rel).c_str(), kMask);
  if (wd < 0) {
    if (errno == ENOSPC)
      throw std::runtime_error("inotify: te weinig watches (verhoog fs.inotify.max_user_watches)");
    return;  // the folder went away already
  }
  dirs_[wd] = rel;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_ / rel, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.empty() && name[0] == '.') continue;
    if (entry.is_directory(ec)) add_tree(rel + "/" + name, files);
    else if (files && !editor_temp_file(name)) files->push_back(rel + "/" + name);
  }
}

std::vector<std::string> Watcher::read_changes(bool& overflow) {
  std::vector<std::string> changed;
  alignas(inotify_event) char buffer[64 * 1024];
  for (;;) {
    const ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: nothing more pending
    for (char* p = buffer; p < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(p);
      p += sizeof(inotify_event) + event->len;
      if (event->mask & IN_Q_OVERFLOW) {
        overflow = true;
        continue;
      }
      if (event->wd == root_wd_ && root_wd_ >= 0) {  // only the named files directly in the root
        const std::string name = event->len ? std::string(event->name) : "";
        if (!(event->mask & IN_ISDIR) && std::find(root_files_.begin(), root_files_.end(), name) != root_files_.end())
          changed.push_back(name);
        continue;
      }
      auto dir = dirs_.find(event->wd);
      if (dir == dirs_.end()) continue;
      if (event->mask & IN_IGNORED) {  // the folder itself is gone
        dirs_.erase(dir);
        continue;
      }
      if (event->mask & IN_DELETE_SELF) continue;
      const std::string name = event->len ? std::string(event->name) : "";
      if (name.empty()) continue;
      const std::string path = dir->second + "/" + name;
      if (event->mask & IN_ISDIR) {
        if (name[0] == '.') continue;
        if (event->mask & (IN_CREATE | IN_MOVED_TO)) add_tree(path, &changed);
        else if (event->mask & (IN_DELETE | IN_MOVED_FROM)) changed.push_back(path + "/");
        continue;
      }
      if (editor_temp_file(name)) continue;
      changed.push_back(path);
    }
  }
  return changed;
}

}  // namespace wijzer
