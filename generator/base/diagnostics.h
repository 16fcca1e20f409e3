#pragma once
#include <mutex>
#include <string>
#include <vector>

namespace wijzer {

enum class Severity { error, warning };

/// One problem found in the input, pointing at `path:line:col` (1-based).
struct Diagnostic {
  std::string path;
  int line = 1;
  int col = 1;
  Severity severity = Severity::error;
  std::string message;
};

/// Collects every problem of a run, so all of them are reported at once.
/// Thread-safe: pages are checked and rendered in parallel.
class Diagnostics {
 public:
  void error(const std::string& path, int line, int col, std::string message);
  void warning(const std::string& path, int line, int col, std::string message);
  void add(Diagnostic d);

  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  /// All diagnostics ordered by path, line, column (deterministic output).
  std::vector<Diagnostic> sorted() const;
  /// Every diagnostic as added, unsorted; leaves this collection empty.
  std::vector<Diagnostic> take();

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
};

/// `path:line:col: error: message`, the format editors and IDEs understand.
std::string format_diagnostic(const Diagnostic& d);

}  // namespace wijzer
