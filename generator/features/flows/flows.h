#pragma once
#include <set>
#include <string>
#include <vector>

#include "feature.h"
#include "flows_model.h"
#include "flows_paths.h"

namespace wijzer {

/// Stroomschema's: decision flows in content/stroomschema/*.json|yaml (wijzer.yaml `flows.folder`),
/// each compiled into
///  - a start page with the wizard (stroomschema/<flow>/index.html; one step at a time with
///    flow.js; answers in the tab's sessionStorage, never in the URL),
///  - one plain page per route to a node (stroomschema/<flow>/<node>.html, <node>.2.html, …;
///    flows_visits.h; answers are links, so the flow works without JavaScript), <main data-node data-kind>,
///  - a diagram page (stroomschema/<flow>/schema.html) with a Graphviz SVG and a nested list,
///  - test vectors for the browser tests (stroomschema/<flow>/paths.json): every path.
/// See docs/stroomschema.md for the format and the checks.
class Flows : public Feature {
 public:
  void load(LoadContext& ctx) override;
  void extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot& out) const override;
  void finish(const BuildContext& ctx, const PageContributions& pages, OutputSink& sink, Diagnostics& diags) override;

  struct Compiled {
    flows::Flow flow;
    std::vector<flows::Path> paths;
    std::string dir;  ///< output folder, "stroomschema/<id>/"
    bool complete = true;  ///< every path enumerated, no errors (else no per-route pages)
  };
  const std::vector<Compiled>& flows() const { return flows_; }

  /// Off: diagram pages without the Graphviz picture (the fuzz targets: a layout costs more than
  /// the rest of a build, and runs Graphviz's code rather than ours).
  void set_diagram_layout(bool on) { layout_ = on; }

 private:
  bool layout_ = true;
  std::vector<Compiled> flows_;
  std::set<std::string> wizard_pages_, node_pages_, diagram_pages_;  ///< page sources
};

}  // namespace wijzer
