#include "diagnostics.h"

#include <algorithm>
#include <tuple>
#include <utility>

namespace wijzer {

void Diagnostics::error(const std::string& path, int line, int col, std::string message) {
  add({path, line, col, Severity::error, std::move(message)});
}

void Diagnostics::warning(const std::string& path, int line, int col, std::string message) {
  add({path, line, col, Severity::warning, std::move(message)});
}

void Diagnostics::add(Diagnostic d) {
  std::lock_guard lock(mutex_);
  items_.push_back(std::move(d));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

size_t Diagnostics::warning_count() const {
  std::lock_guard lock(mutex_);
  return items_.size() - std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
           return d.severity == Severity::error;
         });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard lock(mutex_);
    out = items_;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.line, a.col, a.message) < std::tie(b.path, b.line, b.col, b.message);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return a.path == b.path && a.line == b.line && a.col == b.col &&
                                 a.message == b.message;
                        }),
            out.end());
  return out;
}

std::vector<Diagnostic> Diagnostics::take() {
  std::lock_guard lock(mutex_);
  return std::exchange(items_, {});
}

std::string format_diagnostic(const Diagnostic& d) {
  return d.path + ":" + std::to_string(d.line) + ":" + std::to_string(d.col) + ": " +
         (d.severity == Severity::error ? "error: " : "warning: ") + d.message;
}

}  // namespace wijzer
