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

/// The section navigation of `page` as a nested list: the top section, and the children of every
/// section on the way down to the page.
std::string section_nav_html(const ContentTree& content, const Page& page);

}  // namespace wijzer
