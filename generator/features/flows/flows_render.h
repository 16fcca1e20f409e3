#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "content.h"
#include "flows_model.h"
#include "flows_paths.h"

namespace wijzer::flows {

/// What the renderers need: the flow, its paths and where its pages are written.
struct RenderInput {
  const Flow& flow;
  const ContentTree& content;
  const std::vector<Path>& paths;
  std::map<std::string, int> to_go;  ///< steps_to_go(paths)
  std::string dir;                   ///< output folder, e.g. "stroomschema/welke-begeleiding/"
};

/// Output file of a node page, of the wizard (the flow's own page) and of the diagram page.
std::string node_output(const RenderInput& in, const std::string& node_id);
std::string wizard_output(const RenderInput& in);
std::string diagram_output(const RenderInput& in);

/// Content of a node page (without <main>, <h1>: the flow-node template adds them): the question
/// and its answers as plain links, an info text with a link onward, or an outcome with its
/// trajecten, next steps and the routes that lead to it.
std::string node_html(const RenderInput& in, const Node& node);

/// Content of the flow's page: introduction, a start link for reading page by page, and the
/// wizard (hidden until flow.js runs): every step, with its data as JSON for the script.
std::string wizard_html(const RenderInput& in);

/// Content of the diagram page: the SVG in a scrollable region, and the flow as a nested list.
std::string diagram_html(const RenderInput& in, const std::string& svg);

/// The flow as a nested list from the start, each node linking to its page; a node that was
/// already listed is referred to instead of repeated.
std::string text_list_html(const RenderInput& in);

/// The wizard's data: start, and per node kind, title, next, answers (id, label, next, als), rest.
nlohmann::json wizard_data(const RenderInput& in);

}  // namespace wijzer::flows
