#include "data_file.h"

#include <yaml-cpp/yaml.h>

#include "text.h"
#include "yaml_json.h"

namespace wijzer {
namespace {

/// Where each node stands, by JSON pointer. For a .json file the YAML view of the text can differ
/// from the JSON value (yaml-cpp stops at a NUL byte, reads aliases): so the walk is bounded in
/// depth and in nodes itself; a deeper node falls back to its parent's position (DataFile::at).
void record_positions(const YAML::Node& node, const std::string& pointer, DataFile& out, int depth, size_t& budget) {
  if (depth > kMaxDataDepth || budget == 0) return;
  --budget;
  out.positions[pointer] = {node.Mark().line + 1, node.Mark().column + 1};
  if (node.IsMap()) {
    for (const auto& kv : node) {
      const std::string child = pointer + "/" + pointer_token(kv.first.Scalar());
      record_positions(kv.second, child, out, depth + 1, budget);
      out.positions[child] = {kv.first.Mark().line + 1, kv.first.Mark().column + 1};  // point at the key
    }
  } else if (node.IsSequence()) {
    for (size_t i = 0; i < node.size(); ++i)
      record_positions(node[i], pointer + "/" + std::to_string(i), out, depth + 1, budget);
  }
}

bool is_json(const std::string& path) { return path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0; }

}  // namespace

std::pair<int, int> DataFile::at(const std::string& pointer) const {
  for (std::string p = pointer;; p = p.substr(0, p.rfind('/'))) {
    auto it = positions.find(p);
    if (it != positions.end()) return it->second;
    if (p.empty()) return {1, 1};
  }
}

void DataFile::error(Diagnostics& diags, const std::string& pointer, const std::string& message) const {
  auto [line, col] = at(pointer);
  diags.error(file, line, col, message + (pointer.empty() ? "" : " (" + pointer + ")"));
}

void DataFile::warning(Diagnostics& diags, const std::string& pointer, const std::string& message) const {
  auto [line, col] = at(pointer);
  diags.warning(file, line, col, message + (pointer.empty() ? "" : " (" + pointer + ")"));
}

std::optional<DataFile> load_data_file(const SourceTree& tree, const std::string& path, Diagnostics& diags) {
  DataFile out;
  out.file = tree.display(path);
  auto text = tree.read(path);
  if (!text) {
    diags.error(out.file, 1, 1, "bestand kan niet worden gelezen");
    return std::nullopt;
  }
  if (size_t bad = invalid_utf8(*text); bad != std::string::npos) {
    auto [line, col] = line_col(*text, bad);
    diags.error(out.file, line, col, "geen geldige UTF-8 (sla het bestand op als UTF-8)");
    return std::nullopt;
  }
  if (is_json(path)) {
    // Copies and walks of a JSON value recurse: refuse hostile nesting before parsing.
    if (size_t deep = too_deeply_nested(*text, kMaxDataDepth); deep != std::string::npos) {
      auto [line, col] = line_col(*text, deep);
      diags.error(out.file, line, col, "te diep genest (meer dan " + std::to_string(kMaxDataDepth) + " niveaus)");
      return std::nullopt;
    }
    try {
      out.value = nlohmann::json::parse(*text);
    } catch (const nlohmann::json::parse_error& e) {
      auto [line, col] = line_col(*text, e.byte > 0 ? e.byte - 1 : 0);
      std::string what = e.what();
      diags.error(out.file, line, col, "ongeldige JSON: " + what.substr(what.find(':') + 2));
      return std::nullopt;
    } catch (const nlohmann::json::exception& e) {  // e.g. a number too large for a double
      std::string what = e.what();
      diags.error(out.file, 1, 1, "ongeldige JSON: " + what.substr(what.find(']') + 2));
      return std::nullopt;
    }
  }
  // yaml-cpp reads JSON too, and knows where every node stands.
  try {
    YAML::Node root = YAML::Load(*text);
    if (!is_json(path)) out.value = yaml_to_json(root, yaml_node_budget(text->size()));
    // Every JSON value takes at least one byte of text; YAML may repeat nodes through aliases.
    size_t budget = is_json(path) ? text->size() + 1 : yaml_node_budget(text->size());
    record_positions(root, "", out, 0, budget);
  } catch (const YAML::Exception& e) {
    if (!is_json(path)) {
      diags.error(out.file, e.mark.line + 1, e.mark.column + 1, "ongeldige YAML: " + e.msg);
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace wijzer
