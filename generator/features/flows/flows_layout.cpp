#include "flows_layout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

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

std::string shorten(const std::string& text, size_t max_chars) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && n++ == max_chars) {
      size_t cut = text.rfind(' ', i);
      return text.substr(0, cut == std::string::npos || cut < i / 2 ? i : cut) + " …";
    }
  }
  return text;
}

}  // namespace

std::string flow_dot(const Flow& flow, const std::map<std::string, std::string>& urls) {
  std::string dot = "digraph " + quote(flow.id) + " {\n";
  dot += "  graph [rankdir=TB, nodesep=0.25, ranksep=0.45, fontname=\"Helvetica\", bgcolor=\"transparent\"];\n";
  dot += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, margin=\"0.12,0.06\", "
         "color=\"#154273\", fillcolor=\"#ffffff\", fontcolor=\"#1b1b1b\"];\n";
  dot += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#4a4a4a\", fontcolor=\"#1b1b1b\", arrowsize=0.7];\n";
  for (const Node& node : flow.nodes) {
    std::string attrs = "label=" + quote(wrap(shorten(node.title, 90), 26));
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
        dot += "  " + quote(node.id) + " -> " + quote(a.next) + " [label=" + quote(wrap(shorten(a.label, 40), 18)) +
               (a.when.is_null() ? "" : ", style=dashed") + "];\n";
    if (node.kind == Kind::info && flow.find(node.next)) dot += "  " + quote(node.id) + " -> " + quote(node.next) + ";\n";
  }
  return dot + "}\n";
}

std::string clean_svg(const std::string& svg, const std::string& id_prefix) {
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
  // <title> elements would be read out and shown as tooltips of a hidden picture: drop them.
  out = std::regex_replace(out, std::regex(R"(<title>[^<]*</title>\n?)"), "");
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
  return clean_svg(svg, "sd-" + flow.id + "-");
}

}  // namespace wijzer::flows
