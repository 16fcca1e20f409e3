#include "source.h"

#include <algorithm>
#include <fstream>
#include <sstream>

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

DiskTree::DiskTree(fs::path root) : root_(std::move(root)) {}

std::vector<std::string> DiskTree::list(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  const fs::path base = root_ / dir;
  if (!fs::is_directory(base, ec)) return out;
  const size_t base_length = base.generic_string().size() + 1;  // paths below start with base + '/'

  for (auto it = fs::recursive_directory_iterator(base, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    // Editor swap files and hidden folders are not content.
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) out.push_back(dir + "/" + it->path().generic_string().substr(base_length));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> DiskTree::read(const std::string& path) const { return read_file(root_ / path); }

std::string DiskTree::display(const std::string& path) const {
  if (root_.empty() || root_ == ".") return path;
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
