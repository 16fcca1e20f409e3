#pragma once
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace wijzer {

/// Where a build writes its files; safe to call from several threads for different paths.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  virtual void write(const std::string& path, const std::string& bytes) = 0;
};

/// Keeps the files in memory (tests, and `wijzer check`, which discards them).
class MemorySink : public OutputSink {
 public:
  explicit MemorySink(bool keep = true) : keep_(keep) {}
  void write(const std::string& path, const std::string& bytes) override;
  std::map<std::string, std::string> files;

 private:
  bool keep_;
  std::mutex mutex_;
};

/// Writes into a fresh folder beside `target` and swaps it in whole on commit(), so a failed or
/// killed build never leaves a half-written site. Throws std::runtime_error on I/O failure.
class StagedDirectory : public OutputSink {
 public:
  explicit StagedDirectory(std::filesystem::path target);
  ~StagedDirectory() override;
  void write(const std::string& path, const std::string& bytes) override;
  /// Atomically replaces `target` by the staged folder.
  void commit();
  const std::filesystem::path& staging() const { return staging_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
  std::mutex dirs_mutex_;
  std::set<std::string> dirs_;  ///< folders already made in staging_ (one mkdir per folder, not per file)
};

}  // namespace wijzer
