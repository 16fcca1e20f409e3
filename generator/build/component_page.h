#pragma once

#include <string>

#include "content.h"
#include "source.h"

namespace wijzer {

/// A template file's text without its final line breaks ("" when absent): a component's words
/// (templates/<component>/title.mustache…) live in the theme, not in the compiler.
std::string template_text(const SourceTree& tree, const std::string& path);

/// A page a feature adds at `source` (relative to content/, e.g. "nieuw.md"): generated, left out
/// of navigation, rendered by the page template `component`, titled and described by
/// templates/<component>/title.mustache and description.mustache.
Page component_page(const SourceTree& tree, const std::string& source, const std::string& component);

}  // namespace wijzer
