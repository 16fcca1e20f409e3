// Builds the base site (fuzz_common.h) with extra files through build_site into memory and runs
// the security oracle on every page.
#pragma once
#include <memory>
#include <vector>

#include "feature.h"
#include "fuzz_common.h"
#include "output.h"
#include "site.h"

namespace wijzer::fuzz {

inline void build_and_check(const MemoryTree& tree, std::vector<std::unique_ptr<Feature>> features) {
  Diagnostics diags;
  MemorySink sink;
  build_site(tree, sink, diags, std::move(features), 1);
  for (const auto& d : diags.sorted()) (void)format_diagnostic(d);
  for (const auto& [path, bytes] : sink.files) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
    if (const char* what = unsafe_html(bytes, true)) finding(what, bytes);
  }
}

}  // namespace wijzer::fuzz
