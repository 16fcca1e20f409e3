#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "assets.h"
#include "content.h"
#include "templates.h"

namespace wijzer {

/// Everything a template may show for one page (see docs/templates.md), built straight into
/// mustache data: this runs for every page, so no JSON in between.
mustache_data page_data(const ContentTree& content, const Page& page, const std::string& html,
                        const AssetManifest& assets);

/// The section navigation of `page` as data for templates/layout/section-nav.mustache (false on the
/// home page and in a section without pages): the top section (`title`, `url`, `current`) and
/// `items`, the children of every section on the way down to the page, flattened in document order
/// (`title`, `url`, `current`, `open`: its children follow; `ends`: one entry per list that ends
/// after it). Flat, because partials are inlined and cannot recurse.
mustache_data section_nav_data(const ContentTree& content, const Page& page);

}  // namespace wijzer
