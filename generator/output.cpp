#include "output.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace wijzer {

void MemorySink::write(const std::string& path, const std::string& bytes) {
  std::lock_guard lock(mutex_);
  if (keep_) files[path] = bytes;
  else files[path];
}

namespace {

const std::string kStagingMarker = ".wijzer-staging-";

/// Removes staging folders left by builds that were killed (their process is gone).
void remove_stale_staging(const fs::path& target) {
  std::error_code ec;
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string prefix = target.filename().string() + kStagingMarker;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    pid_t pid = static_cast<pid_t>(std::strtol(pid_text.c_str(), nullptr, 10));
    if (pid > 0 && pid != getpid() && kill(pid, 0) == 0) continue;  // another build is running
    fs::remove_all(entry.path(), ec);
  }
}

}  // namespace

StagedDirectory::StagedDirectory(fs::path target) : target_(std::move(target)) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  remove_stale_staging(target_);
  staging_ = target_;
  staging_ += kStagingMarker + std::to_string(getpid());
  std::error_code ec;
  fs::remove_all(staging_, ec);
  if (!fs::create_directories(staging_, ec) && ec)
    throw std::runtime_error("kan map " + staging_.string() + " niet maken: " + ec.message());
}

StagedDirectory::~StagedDirectory() {
  std::error_code ec;
  if (!committed_) fs::remove_all(staging_, ec);
}

void StagedDirectory::write(const std::string& path, const std::string& bytes) {
  const fs::path file = staging_ / path;
  if (const size_t slash = path.rfind('/'); slash != std::string::npos) {
    const std::string dir = path.substr(0, slash);
    bool made;
    {
      std::lock_guard lock(dirs_mutex_);
      made = dirs_.count(dir) > 0;
    }
    if (!made) {
      std::error_code ec;
      fs::create_directories(staging_ / dir, ec);
      std::lock_guard lock(dirs_mutex_);
      dirs_.insert(dir);
    }
  }
  // Plain system calls rather than an ofstream (locale, buffer) per file.
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  bool ok = fd >= 0;
  for (size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    done += ok ? static_cast<size_t>(n) : 0;
  }
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (!ok) throw std::runtime_error("kan " + file.string() + " niet schrijven");
}

void StagedDirectory::commit() {
  std::error_code ec;
  if (fs::exists(target_, ec)) {
    // One atomic step: the old site stays whole until the new one takes its place.
    if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0)
      throw std::runtime_error("kan " + target_.string() + " niet vervangen: " + std::strerror(errno));
    committed_ = true;
    fs::remove_all(staging_, ec);  // now holds the previous site
  } else {
    fs::rename(staging_, target_, ec);
    if (ec) throw std::runtime_error("kan " + target_.string() + " niet maken: " + ec.message());
    committed_ = true;
  }
}

}  // namespace wijzer
