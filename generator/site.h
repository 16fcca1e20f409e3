#pragma once
#include <cstddef>
#include <memory>
#include <vector>

#include "diagnostics.h"
#include "feature.h"
#include "output.h"
#include "source.h"

namespace wijzer {

/// What a build produced.
struct BuildStats {
  size_t pages = 0;
  size_t files = 0;  ///< pages, assets and copied content files together.
};

/// The whole pipeline: load → validate → render → write. Problems go to `diags`; the caller
/// publishes the sink's files only when there are no errors. `threads` 0 uses every core.
BuildStats build_site(const SourceTree& tree, OutputSink& sink, Diagnostics& diags, unsigned threads = 0);

/// The same with a chosen set of features (tests build with none, or one).
BuildStats build_site(const SourceTree& tree, OutputSink& sink, Diagnostics& diags,
                      std::vector<std::unique_ptr<Feature>> features, unsigned threads = 0);

}  // namespace wijzer
