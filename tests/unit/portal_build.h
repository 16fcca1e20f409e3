// A build in memory of a small site with the portal's real templates, assets and features, with
// files added (tests of what content can and cannot do to the output).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>

#ifndef WIJZER_SOURCE_DIR
#define WIJZER_SOURCE_DIR WIJZER_TEST_DIR "/.."
#endif
#include "../fuzz/fuzz_common.h"
#include "output.h"
#include "portal.h"
#include "site.h"

namespace wijzer::test {

/// The files and diagnostics of one build.
struct BuiltSite {
  Diagnostics diags;
  MemorySink sink;
  /// Every error, one per line (for INFO).
  std::string errors() const {
    std::string out;
    for (const auto& d : diags.sorted())
      if (d.severity == Severity::error) out += format_diagnostic(d) + "\n";
    return out;
  }
  /// The first diagnostic at `path` whose message holds `text`.
  std::optional<Diagnostic> find(const std::string& path, const std::string& text) const {
    for (const auto& d : diags.sorted())
      if (d.path == path && d.message.find(text) != std::string::npos) return d;
    return std::nullopt;
  }
  bool error_at(const std::string& path, const std::string& text) const {
    auto d = find(path, text);
    return d && d->severity == Severity::error;
  }
};

/// The fuzzers' base site (fuzz_common.h) with `files` added, built on one thread.
inline std::unique_ptr<BuiltSite> build_with(const std::map<std::string, std::string>& files) {
  MemoryTree tree = fuzz::base_tree();
  for (const auto& [path, bytes] : files) tree.set(path, bytes);
  auto out = std::make_unique<BuiltSite>();
  build_site(tree, out->sink, out->diags, 1);
  return out;
}

}  // namespace wijzer::test
