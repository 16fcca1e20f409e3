#include "flows.h"

#include <stdexcept>

#include "flows_layout.h"
#include "flows_render.h"
#include "flows_visits.h"
#include "paths.h"
#include "snippet.h"

namespace wijzer {
namespace {

bool has_suffix(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string stem_of(const std::string& path) {
  std::string name = path.substr(path.rfind('/') + 1);
  return name.substr(0, name.rfind('.'));
}

Page generated(const SourceTree& tree, const std::string& flow_file, const std::string& source, const std::string& title,
               const std::string& template_name, bool hidden) {
  Page page;
  page.source = source;
  page.output = output_path_for(source);
  page.file = tree.display(flow_file);
  page.is_section = has_suffix(source, "/_index.md");
  page.hidden = hidden;
  page.meta.title = title;
  page.meta.template_name = template_name;
  page.meta.fields = {{"title", title}};
  return page;
}

}  // namespace

void Flows::load(LoadContext& ctx) {
  const SourceTree& tree = ctx.tree;
  ContentTree& content = ctx.content;
  Diagnostics& diags = ctx.diags;
  const std::string& folder = ctx.config.flows.folder;
  const std::string prefix = folder + "/";
  const std::string out_dir = folder.substr(8) + "/";  // the folder's path under content/ is its output path
  for (const std::string& path : tree.list(folder)) {
    const std::string rest = path.substr(prefix.size());
    if (rest.find('/') != std::string::npos) continue;  // only files directly in the folder
    if (!has_suffix(path, ".json") && !has_suffix(path, ".yaml") && !has_suffix(path, ".yml")) continue;
    auto file = load_data_file(tree, path, diags);
    if (!file) continue;
    auto flow = flows::read_flow(path, std::move(*file), content, diags);
    if (!flow) continue;
    if (!flow->id.empty() && flow->id != stem_of(path))
      flow->file.error(diags, "/id", "het id '" + flow->id + "' moet gelijk zijn aan de bestandsnaam ('" + stem_of(path) + "')");
    for (const auto& other : flows_)
      if (other.flow.id == flow->id) flow->file.error(diags, "/id", "dubbel stroomschema-id '" + flow->id + "' (ook " + other.flow.file.file + ")");
    Compiled compiled{std::move(*flow), {}, out_dir + stem_of(path) + "/"};
    const size_t errors_before = diags.error_count();
    compiled.paths = flows::enumerate_paths(compiled.flow, diags);
    compiled.complete = diags.error_count() == errors_before;
    flows_.push_back(std::move(compiled));
  }

  // Pages: only once every flow is read, so each RenderInput sees the final vectors.
  for (const Compiled& c : flows_) {
    const flows::Flow& flow = c.flow;
    if (flow.nodes.empty()) continue;
    flows::RenderInput in{flow, content, c.paths, flows::steps_to_go(c.paths), c.dir};
    const std::string base = c.dir;  // source paths mirror the output paths
    // The audience's label: wijzer.yaml `audiences`, else the words of templates/wizard/audience.
    const std::string audience = ctx.config.audience_label(flow.audience);
    const bool professionals = flow.audience == "professionals";
    // Every page's content is rendered by a template of templates/wizard/ or templates/diagram/
    // from its page.data (docs/templates.md lists the keys).
    Page wizard = generated(tree, flow.source, base + "_index.md", flow.title, "flow-wizard", false);
    wizard.meta.description = flow.description;
    wizard.content_template = "wizard/page";
    wizard.data = flows::wizard_page_data(in);
    wizard.data["audience"] = audience;
    wizard.data["audience_professionals"] = professionals;
    if (add_page(content, std::move(wizard), diags)) wizard_pages_.insert(base + "_index.md");

    // Pages without JavaScript: one per visit (a node as reached by one route, see flows_visits.h);
    // a node no route reaches still gets its page, so the diagram's links hold.
    // Only from a complete walk: paths cut off at a limit would give pages with answers missing.
    if (c.complete) in.visits = flows::visits_of(flow, c.paths);
    if (in.visits.size() > flows::kMaxVisits) {
      flow.file.error(diags, "/knopen", "stroomschema: " + std::to_string(in.visits.size()) + " pagina's zonder JavaScript (hoogstens " +
                                            std::to_string(flows::kMaxVisits) + "): splits het stroomschema");
      in.visits.clear();
    }
    auto add_node_page = [&](const flows::Node& node, const flows::Visit* visit) {
      const std::string name = visit ? visit->page.substr(0, visit->page.size() - 5) : node.id;
      Page page = generated(tree, flow.source, base + name + ".md", node.title, "flow-node", true);
      page.content_template = "wizard/node";
      page.data = flows::node_data(in, node, visit);
      page.data["audience"] = audience;
      page.data["audience_professionals"] = professionals;
      if (add_page(content, std::move(page), diags)) node_pages_.insert(base + name + ".md");
    };
    std::set<std::string> visited;
    for (const flows::Visit& visit : in.visits)
      if (const flows::Node* node = flow.find(visit.node)) {
        visited.insert(visit.node);
        add_node_page(*node, &visit);
      }
    for (const flows::Node& node : flow.nodes)
      if (!visited.count(node.id)) add_node_page(node, nullptr);

    std::map<std::string, std::string> urls;
    for (const flows::Node& node : flow.nodes) urls[node.id] = node.id + ".html";
    std::string svg;
    try {
      if (layout_) svg = flows::layout_svg(flow, urls);
    } catch (const std::exception& e) {
      flow.file.error(diags, "", std::string("diagram: ") + e.what());
    }
    // Its title (also <title> and the search index) from templates/diagram/title.mustache.
    const Snippet title_words(ctx.tree.read("templates/diagram/title.mustache").value_or("{{{titel}}}"));
    Page diagram = generated(tree, flow.source, base + "schema.md", title_words.render({{"titel", flow.title}}),
                             "flow-diagram", true);
    diagram.content_template = "diagram/page";
    diagram.data = flows::diagram_data(in, svg);
    diagram.data["audience"] = audience;
    diagram.data["audience_professionals"] = professionals;
    // The diagram script scrolls the start into view: the id its box has in the SVG.
    diagram.data["start_node"] = "sd-" + flow.id + "-" + flow.start;
    if (add_page(content, std::move(diagram), diags)) diagram_pages_.insert(base + "schema.md");
  }
}

void Flows::extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot&) const {
  const bool wizard = wizard_pages_.count(page.source), node = node_pages_.count(page.source),
             diagram = diagram_pages_.count(page.source);
  const std::string root = root_prefix(page.output);
  auto asset = [&](const char* key) -> std::string {
    auto it = ctx.assets.keys.find(key);
    return it != ctx.assets.keys.end() && it->is_string() ? root + it->get<std::string>() : "";
  };
  // The home page carries the entry for clients (templates/wizard/home-entry.mustache): its style.
  if (page.output == "index.html" && !flows_.empty())
    if (auto css = asset("wizard_entry_css"); !css.empty()) data["page_css"].push_back(css);
  if (!wizard && !node && !diagram) return;
  if (auto css = asset("wizard_flow_css"); !css.empty()) data["page_css"].push_back(css);
  if (diagram) {
    // Zoom, fit, legend behaviour and the route (site-assets/diagram/).
    if (auto css = asset("diagram_diagram_css"); !css.empty()) data["page_css"].push_back(css);
    if (auto js = asset("diagram_diagram_js"); !js.empty()) data["page_js"].push_back(js);
  }
  if (wizard || node) {
    if (wizard)
      if (auto logic = asset("rules_jsonlogic_js"); !logic.empty()) data["page_js"].push_back(logic);
    if (auto js = asset("wizard_flow_js"); !js.empty()) data["page_js"].push_back(js);
  }
}

void Flows::finish(const BuildContext& ctx, const PageContributions&, OutputSink& sink, Diagnostics& diags) {
  for (const Compiled& c : flows_) {
    // Anchors of linked pages are known only now.
    auto check = [&](const flows::PageRef& ref) {
      if (ref.page >= 0 && !ref.fragment.empty() && !ctx.content.pages[ref.page].anchors.count(ref.fragment))
        c.flow.file.error(diags, ref.pointer, "onbekend anker '#" + ref.fragment + "' in " + ctx.content.pages[ref.page].source);
    };
    for (const auto& node : c.flow.nodes) {
      for (const auto& ref : node.links) check(ref);
      for (const auto& ref : node.trajecten) check(ref);
    }
    if (!c.flow.nodes.empty()) sink.write(c.dir + "paths.json", flows::test_vectors(c.flow, c.paths).dump(1) + "\n");
  }
}

}  // namespace wijzer
