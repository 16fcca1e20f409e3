#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "output.h"

namespace wijzer {

/// The files of a build in memory, handed to readers as cheap snapshots (`wijzer serve`).
class FileStore : public OutputSink {
 public:
  using Map = std::map<std::string, std::shared_ptr<const std::string>>;
  void write(const std::string& path, const std::string& bytes) override;
  void remove(const std::string& path);
  void clear();
  /// A copy of the file list; the file contents are shared, not copied.
  Map snapshot() const;
  /// The bytes of one file, or null.
  std::shared_ptr<const std::string> get(const std::string& path) const;
  size_t size() const;

 private:
  mutable std::mutex mutex_;
  Map files_;
};

}  // namespace wijzer
