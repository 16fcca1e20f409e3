#include "file_store.h"

namespace wijzer {

void FileStore::write(const std::string& path, const std::string& bytes) {
  auto shared = std::make_shared<const std::string>(bytes);
  std::lock_guard lock(mutex_);
  files_[path] = std::move(shared);
}

void FileStore::remove(const std::string& path) {
  std::lock_guard lock(mutex_);
  files_.erase(path);
}

void FileStore::clear() {
  std::lock_guard lock(mutex_);
  files_.clear();
}

FileStore::Map FileStore::snapshot() const {
  std::lock_guard lock(mutex_);
  return files_;
}

std::shared_ptr<const std::string> FileStore::get(const std::string& path) const {
  std::lock_guard lock(mutex_);
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : it->second;
}

size_t FileStore::size() const {
  std::lock_guard lock(mutex_);
  return files_.size();
}

}  // namespace wijzer
