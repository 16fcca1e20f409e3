#include "output.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace fs = std::filesystem;

namespace wijzer {

void MemorySink::write(const std::string& path, const std::string& bytes) {
  std::lock_guard lock(mutex_);
  if (keep_) files[path] = bytes;
  else files[path];
}

namespace {

const std::string kStagingMarker = ".wijzer-staging-";
const std::string kOldMarker = ".wijzer-old-";  ///< a replaced site, being removed in the background

/// Whether `dir` is a folder that a build wrote: it holds the marker as a regular file.
bool written_by_wijzer(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(fs::symlink_status(dir / kSiteMarker, ec));
}

/// "… : de schijf is vol" and the like: why a system call failed, in the user's words.
std::string reason(int error) {
  if (error == ENOSPC || error == EDQUOT) return "de schijf is vol";
  if (error == EACCES || error == EPERM) return "geen toestemming";
  if (error == EROFS) return "alleen-lezen bestandssysteem";
  return std::strerror(error);
}

/// Removes a folder a build wrote, its marker last: a build killed halfway leaves a folder that is
/// still marked (or empty), so the next build recognises it and finishes the job. (remove_all's own
/// order once left an unmarked half-deleted old site that no later build would touch.)
void remove_build_folder(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> entries;  // listed first: removing while reading a folder may skip entries
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().filename() != kSiteMarker) entries.push_back(entry.path());
  for (const auto& path : entries) fs::remove_all(path, ec);
  fs::remove(dir / kSiteMarker, ec);
  fs::remove(dir, ec);
}

/// Removes staging folders left by builds that were killed. A running build holds an flock on its
/// staging folder, which the kernel drops when the process dies; a pid in the name is no proof of
/// life, since pids are reused (CI saw a killed build's pid taken by another process).
/// Also removes replaced sites whose background removal died (see remove_in_background).
void remove_stale_staging(const fs::path& target) {
  std::error_code ec;
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string staging = target.filename().string() + kStagingMarker;
  const std::string old = target.filename().string() + kOldMarker;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(staging, 0) != 0 && name.rfind(old, 0) != 0) continue;
    if (!fs::is_directory(fs::symlink_status(entry.path(), ec))) continue;
    const int fd = ::open(entry.path().c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) continue;
    // Only what a build made (a staging folder gets the marker before anything else), and only
    // while no build holds it.
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && (written_by_wijzer(entry.path()) || fs::is_empty(entry.path(), ec)))
      remove_build_folder(entry.path());
    ::close(fd);
  }
}

/// Removes a replaced site in a detached process, so the build that replaced it ends without waiting
/// for 10,000 unlinks (and a build right after it is not slower than the first). The remover holds
/// an flock on the folder while it works and removes the marker last: if it dies, the folder is
/// still marked and the next build removes it (remove_stale_staging). Called after the render
/// threads have ended; without fork the folder is removed here.
void remove_in_background(const fs::path& dir) {
  const pid_t child = ::fork();
  if (child < 0) {
    remove_build_folder(dir);
    return;
  }
  if (child > 0) {  // the first child only forks the remover and exits: init reaps the remover
    int status;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    return;
  }
  ::setsid();
  if (::fork() != 0) ::_exit(0);
  // No descriptor of the build stays open: a caller reading its output until EOF must not wait
  // for the remover, and the new site's lock must go when the build ends.
  if (const int null = ::open("/dev/null", O_RDWR); null >= 0) {
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
  }
  ::syscall(SYS_close_range, 3u, ~0u, 0u);
  // Yield the CPU and the disk to whatever runs next (often the next build).
  if (::nice(19) == -1) {
  }
  ::syscall(SYS_ioprio_set, 1 /* IOPRIO_WHO_PROCESS */, 0, 3 << 13 /* IOPRIO_CLASS_IDLE */);
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0) remove_build_folder(dir);
  ::_exit(0);
}

/// Makes `dir` and locks it (see remove_stale_staging); returns the descriptor that holds the lock.
int make_locked_folder(const fs::path& dir) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::error_code ec;
    if (!fs::create_directories(dir, ec) && ec)
      throw std::runtime_error("kan map " + dir.string() + " niet maken: " + reason(ec.value()));
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("kan map " + dir.string() + " niet openen: " + reason(errno));
    if (::flock(fd, LOCK_EX) != 0) {
      const int error = errno;
      ::close(fd);
      throw std::runtime_error("kan map " + dir.string() + " niet vergrendelen: " + reason(error));
    }
    // Another build may have removed the empty folder between mkdir and flock: then make it again.
    struct stat held {}, named {};
    if (::fstat(fd, &held) == 0 && ::lstat(dir.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev)
      return fd;
    ::close(fd);
  }
  throw std::runtime_error("kan map " + dir.string() + " niet vasthouden: een andere build verwijdert hem steeds");
}

}  // namespace

std::string output_refusal(const fs::path& target) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(target, ec);
  if (ec || status.type() == fs::file_type::not_found) return "";
  if (status.type() != fs::file_type::directory) return "is geen map";
  if (written_by_wijzer(target)) return "";
  if (fs::is_empty(target, ec) && !ec) return "";
  return "bevat bestanden die niet door wijzer zijn gemaakt (er staat geen " + std::string(kSiteMarker) +
         " in); kies een lege of nieuwe map";
}

fs::path resolve_output(const fs::path& out) {
  std::error_code ec;
  fs::path path = out;
  // Follow a chain of links, each relative to the folder it is in; stop at a loop.
  for (int hops = 0; hops < 40 && fs::is_symlink(fs::symlink_status(path, ec)); ++hops) {
    const fs::path link = fs::read_symlink(path, ec);
    if (ec) break;
    path = link.is_absolute() ? link : path.parent_path() / link;
  }
  return path.lexically_normal();
}

StagedDirectory::StagedDirectory(fs::path target) : target_(std::move(target)) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  remove_stale_staging(target_);
  staging_ = target_;
  staging_ += kStagingMarker + std::to_string(getpid());
  std::error_code ec;
  // Our own name, but maybe not our folder (a pid reused after a reboot): remove only what a build made.
  if (fs::exists(fs::symlink_status(staging_, ec))) {
    if (!fs::is_directory(fs::symlink_status(staging_, ec)) || (!written_by_wijzer(staging_) && !fs::is_empty(staging_, ec)))
      throw std::runtime_error(staging_.string() + " bestaat al en is niet door wijzer gemaakt");
    remove_build_folder(staging_);
  }
  lock_fd_ = make_locked_folder(staging_);
  write(kSiteMarker, "Deze map is gemaakt door wijzer build en wordt bij elke build vervangen.\n");
}

StagedDirectory::~StagedDirectory() {
  if (!committed_) remove_build_folder(staging_);
  if (lock_fd_ >= 0) ::close(lock_fd_);
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
      if (!fs::create_directories(staging_ / dir, ec) && ec)
        throw std::runtime_error("kan map " + (staging_ / dir).string() + " niet maken: " + reason(ec.value()));
      std::lock_guard lock(dirs_mutex_);
      dirs_.insert(dir);
    }
  }
  // Plain system calls rather than an ofstream (locale, buffer) per file.
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  bool ok = fd >= 0;
  int error = ok ? 0 : errno;
  for (size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (!ok) error = n < 0 ? errno : ENOSPC;  // a write of 0 bytes: no room left
    done += ok ? static_cast<size_t>(n) : 0;
  }
  if (fd >= 0 && ::close(fd) != 0 && ok) {
    ok = false;
    error = errno;
  }
  if (!ok) throw std::runtime_error("kan " + file.string() + " niet schrijven: " + reason(error));
}

void StagedDirectory::commit() {
  std::error_code ec;
  // The folder may have changed while the build ran: check again right before replacing it.
  if (const std::string refusal = output_refusal(target_); !refusal.empty())
    throw std::runtime_error(target_.string() + " " + refusal);
  if (fs::exists(target_, ec)) {
    // One atomic step: the old site stays whole until the new one takes its place.
    if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0)
      throw std::runtime_error("kan " + target_.string() + " niet vervangen: " + reason(errno));
    committed_ = true;
    // Now holds the previous site: an empty folder or an earlier build (checked above). Renamed
    // first, so no staging folder is left when the build ends.
    if (written_by_wijzer(staging_) || fs::is_empty(staging_, ec)) {
      fs::path old = target_;
      old += kOldMarker + std::to_string(getpid());
      fs::rename(staging_, old, ec);
      if (ec) remove_build_folder(staging_);
      else remove_in_background(old);
    }
  } else {
    fs::rename(staging_, target_, ec);
    if (ec) throw std::runtime_error("kan " + target_.string() + " niet maken: " + reason(ec.value()));
    committed_ = true;
  }
}

}  // namespace wijzer
