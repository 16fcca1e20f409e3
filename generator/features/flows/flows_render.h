#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "content.h"
#include "flows_model.h"
#include "flows_paths.h"
#include "flows_visits.h"

namespace wijzer::flows {

/// What the renderers need: the flow, its paths and where its pages are written.
struct RenderInput {
  const Flow& flow;
  const ContentTree& content;
  const std::vector<Path>& paths;
  std::map<std::string, int> to_go;  ///< steps_to_go(paths)
  std::string dir;                   ///< output folder, e.g. "stroomschema/welke-begeleiding/"
  std::vector<Visit> visits = {};    ///< visits_of(flow, paths): the pages without JavaScript
};

/// File name of a node's page: its first visit's, "<node>.html".
std::string node_page(const std::string& node_id);

/// Output file of a node page, of the wizard (the flow's own page) and of the diagram page.
std::string node_output(const RenderInput& in, const std::string& node_id);
std::string wizard_output(const RenderInput& in);
std::string diagram_output(const RenderInput& in);

/// The compiler gives data; the templates write the markup and the words (templates/wizard/,
/// templates/diagram/; every key is listed in docs/templates.md). Each function below returns a
/// page's `page.data`.

/// A node page (templates/wizard/node.mustache) for one visit: the question with the answers that
/// hold there as plain links to the next visits, an info text with a link onward, or an outcome
/// with the answers given, its steps, contacts and trajecten; a back link to the visit before.
/// Without a visit (a node no enumerated path reaches): every answer, with its condition in words.
nlohmann::json node_data(const RenderInput& in, const Node& node, const Visit* visit);

/// The flow's page (templates/wizard/page.mustache): introduction, a start link for reading page
/// by page, and the wizard (hidden until flow.js runs): every step, with its data as JSON for the
/// script (`script_json`).
nlohmann::json wizard_page_data(const RenderInput& in);

/// The diagram page (templates/diagram/page.mustache): the SVG and the flow as a list.
nlohmann::json diagram_data(const RenderInput& in, const std::string& svg);

/// The flow as a nested list from the start, flattened into rows (templates/diagram/list.mustache):
/// each row is a node reached by an answer (or the start); a node already listed is referred to
/// instead of repeated. A row says which lists it opens and, in `close`, which it closes after it.
nlohmann::json text_list(const RenderInput& in);

/// The wizard's data: start, and per node kind, title, next, answers (id, label, next, als), rest.
nlohmann::json wizard_data(const RenderInput& in);

/// `value` as JSON text for a <script type="application/json"> element: no '<' at all.
std::string script_json(const nlohmann::json& value);

}  // namespace wijzer::flows
