#include "data_file.h"

#include "text.h"
#include "yaml_json.h"

namespace wijzer {
namespace {

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
  // JSON is YAML too: the YAML parser knows where every node stands (nlohmann::json does not).
  try {
    YamlOptions options;
    options.values = !is_json(path);
    // Every JSON value takes at least one byte of text; YAML may repeat nodes through aliases.
    options.max_nodes = is_json(path) ? text->size() + 1 : yaml_node_budget(text->size());
    options.positions = YamlPositions::all;
    YamlDocument doc = parse_yaml(*text, options);
    if (!is_json(path)) out.value = std::move(doc.value);
    for (const auto& p : doc.positions) out.positions[p.pointer] = {p.line, p.col};  // a later one wins
  } catch (const YamlError& e) {
    // A .json file that the YAML parser cannot read keeps its value; its errors point at 1:1.
    if (!is_json(path)) {
      diags.error(out.file, e.line, e.col, std::string("ongeldige YAML: ") + e.what());
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace wijzer
