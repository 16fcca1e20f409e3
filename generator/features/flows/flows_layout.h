#pragma once
#include <map>
#include <string>

#include "flows_model.h"

namespace wijzer::flows {

/// Lays the flow out with Graphviz (dot, through libgvc; never a shell-out) and returns an SVG
/// that is valid inline in HTML: no XML prolog, doctype or comments, no style attributes, ids
/// prefixed with "sd-<flow>-", each node a link (xlink:href, tabindex="-1") to `urls[node id]`.
/// The SVG is aria-hidden: the nested list beside it carries the same content and links.
/// Graphviz is not thread-safe: calls are serialised. Throws std::runtime_error on failure.
std::string layout_svg(const Flow& flow, const std::map<std::string, std::string>& urls);

/// The DOT text layout_svg() hands to Graphviz (for tests).
std::string flow_dot(const Flow& flow, const std::map<std::string, std::string>& urls);

/// Makes Graphviz's SVG output fit for inlining (see layout_svg). `titles`: node id → its whole
/// text, which becomes that node's <title> (hover); every other <title> is dropped.
std::string clean_svg(const std::string& svg, const std::string& id_prefix,
                      const std::map<std::string, std::string>& titles = {});

}  // namespace wijzer::flows
