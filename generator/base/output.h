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

/// The file a build leaves at the root of its output, so a later build knows the folder is its own.
inline constexpr const char* kSiteMarker = ".wijzer-site";

/// Why a build may not replace `target`, or "" when it may: only an absent path, an empty folder or
/// a folder an earlier build wrote (it holds kSiteMarker) may be replaced, never other files.
std::string output_refusal(const std::filesystem::path& target);

/// The folder a build replaces: a symlinked `--out` (a web root) is followed, so the folder it
/// points at is updated and the link stays.
std::filesystem::path resolve_output(const std::filesystem::path& out);

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
  int lock_fd_ = -1;  ///< holds an flock on the staging folder while this build lives
  std::mutex dirs_mutex_;
  std::set<std::string> dirs_;  ///< folders already made in staging_ (one mkdir per folder, not per file)
};

}  // namespace wijzer
