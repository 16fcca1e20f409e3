#include "flows_layout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "text.h"

#include <cstring>
#include <mutex>
#include <regex>
#include <stdexcept>

namespace wijzer::flows {
namespace {

std::mutex graphviz_mutex;

/// A DOT string literal.
std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

/// Breaks text into lines of at most `width` characters (UTF-8 aware enough: counts bytes that
/// start a character), at spaces.
std::string wrap(const std::string& text, size_t width) {
  std::string out, line, word;
  auto chars = [](const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
      if ((c & 0xC0) != 0x80) ++n;
    return n;
  };
  auto flush_word = [&] {
    if (word.empty()) return;
    if (!line.empty() && chars(line) + 1 + chars(word) > width) {
      out += (out.empty() ? "" : "\n") + line;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\n') flush_word();
    else word += c;
  }
  flush_word();
  if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
  return out;
}

/// An edge's classes: the diagram script finds the edge of a route step by "van-<from> naar-<to>";
/// "--als" marks an answer that applies only under a condition (dashed, see the legend).
std::string edge_class(const std::string& from, const std::string& to, bool conditional) {
  return "stroom-diagram__pijl" + std::string(conditional ? " stroom-diagram__pijl--als" : "") + " van-" + from +
         " naar-" + to;
}

/// Graphviz's escaping of a name inside <title>, undone.
std::string unescape_title(std::string s) {
  static const std::pair<const char*, const char*> entities[] = {
      {"&#45;", "-"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities)
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) s.replace(at, std::strlen(from), to);
  return s;
}

}  // namespace

std::string flow_dot(const Flow& flow, const std::map<std::string, std::string>& urls) {
  std::string dot = "digraph " + quote(flow.id) + " {\n";
  dot += "  graph [rankdir=TB, nodesep=0.25, ranksep=0.45, fontname=\"Helvetica\", bgcolor=\"transparent\"];\n";
  // A wider margin than Graphviz needs: browsers' sans-serif runs a little wider than its metrics.
  dot += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, margin=\"0.2,0.08\", "
         "color=\"#154273\", fillcolor=\"#ffffff\", fontcolor=\"#1b1b1b\"];\n";
  dot += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#4a4a4a\", fontcolor=\"#1b1b1b\", arrowsize=0.7];\n";
  for (const Node& node : flow.nodes) {
    // The whole title, wrapped: a label is never cut (its <title> repeats it for hover).
    std::string attrs = "label=" + quote(wrap(node.title, 26));
    if (auto it = urls.find(node.id); it != urls.end()) attrs += ", URL=" + quote(it->second);
    attrs += ", id=" + quote(node.id);
    attrs += ", class=" + quote(std::string("stroom-diagram__") + kind_name(node.kind));
    if (node.kind == Kind::outcome) attrs += ", fillcolor=\"#e8f1e8\", color=\"#00703c\", penwidth=1.5";
    else if (node.kind == Kind::info) attrs += ", fillcolor=\"#f3f6f9\", style=\"filled\"";
    if (node.id == flow.start) attrs += ", penwidth=2.5";
    dot += "  " + quote(node.id) + " [" + attrs + "];\n";
  }
  for (const Node& node : flow.nodes) {
    for (const Answer& a : node.answers)
      if (flow.find(a.next))
        dot += "  " + quote(node.id) + " -> " + quote(a.next) + " [label=" + quote(wrap(a.label, 22)) +
               ", class=" + quote(edge_class(node.id, a.next, !a.when.is_null())) +
               (a.when.is_null() ? "" : ", style=dashed") + "];\n";
    if (node.kind == Kind::info && flow.find(node.next))
      dot += "  " + quote(node.id) + " -> " + quote(node.next) + " [class=" + quote(edge_class(node.id, node.next, false)) + "];\n";
  }
  return dot + "}\n";
}

std::string clean_svg(const std::string& svg, const std::string& id_prefix, const std::map<std::string, std::string>& titles) {
  size_t start = svg.find("<svg");
  if (start == std::string::npos) throw std::runtime_error("Graphviz gaf geen SVG");
  std::string out = svg.substr(start);
  // Comments (Graphviz writes one per node and edge).
  for (size_t at = out.find("<!--"); at != std::string::npos; at = out.find("<!--", at)) {
    size_t end = out.find("-->", at);
    out.erase(at, end == std::string::npos ? std::string::npos : end + 3 - at);
  }
  out = std::regex_replace(out, std::regex(R"( style="[^"]*")"), "");
  out = std::regex_replace(out, std::regex(R"( xlink:title="[^"]*")"), "");
  out = std::regex_replace(out, std::regex(R"( xmlns:xlink="[^"]*")"), "");
  out = std::regex_replace(out, std::regex(R"( xmlns="[^"]*")"), "");
  out = std::regex_replace(out, std::regex(R"(<a xlink:href=)"), "<a tabindex=\"-1\" xlink:href=");
  out = std::regex_replace(out, std::regex(R"( id=")"), " id=\"" + id_prefix);
  // A node's <title> shows its whole text on hover (the picture is aria-hidden: nothing is read
  // out twice); Graphviz's other titles (the graph's, edges' "a->b") would be noise: dropped.
  std::string kept;
  const std::regex title(R"(<title>([^<]*)</title>\n?)");
  auto last = out.cbegin();
  for (std::sregex_iterator it(out.cbegin(), out.cend(), title), end; it != end; ++it) {
    kept.append(last, (*it)[0].first);
    if (auto found = titles.find(unescape_title((*it)[1].str())); found != titles.end())
      kept += "<title>" + html_escape(found->second) + "</title>\n";
    last = (*it)[0].second;
  }
  kept.append(last, out.cend());
  out = std::move(kept);
  out.replace(0, 4, "<svg aria-hidden=\"true\" focusable=\"false\" class=\"stroom-diagram__svg\"");
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string layout_svg(const Flow& flow, const std::map<std::string, std::string>& urls) {
  const std::string dot = flow_dot(flow, urls);
  std::lock_guard<std::mutex> lock(graphviz_mutex);
  GVC_t* gvc = gvContext();
  if (!gvc) throw std::runtime_error("Graphviz: geen context");
  Agraph_t* graph = agmemread(dot.c_str());
  if (!graph) {
    gvFreeContext(gvc);
    throw std::runtime_error("Graphviz kan de DOT-tekst niet lezen");
  }
  std::string svg;
  bool ok = gvLayout(gvc, graph, "dot") == 0;
  if (ok) {
    char* data = nullptr;
    unsigned int length = 0;
    ok = gvRenderData(gvc, graph, "svg", &data, &length) == 0 && data;
    if (ok) svg.assign(data, length);
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, graph);
  }
  agclose(graph);
  gvFreeContext(gvc);
  if (!ok) throw std::runtime_error("Graphviz: opmaak of SVG mislukt");
  std::map<std::string, std::string> titles;
  for (const Node& node : flow.nodes) titles[node.id] = node.title;
  return clean_svg(svg, "sd-" + flow.id + "-", titles);
}

}  // namespace wijzer::flows
