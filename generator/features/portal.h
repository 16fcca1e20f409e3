// The portal: the build with every feature of the portal (features/<name>/), in one place.
#pragma once
#include <memory>
#include <vector>

#include "site.h"

namespace wijzer {

/// The portal's features, in build order.
std::vector<std::unique_ptr<Feature>> portal_features();

/// build_site with the portal's features.
BuildStats build_site(const SourceTree& tree, OutputSink& sink, Diagnostics& diags, unsigned threads = 0,
                      BuilderEnd end = BuilderEnd::destroy);

}  // namespace wijzer
