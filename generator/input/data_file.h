#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "diagnostics.h"
#include "source.h"
#include "text.h"  // pointer_token

namespace wijzer {

/// A JSON or YAML data file, with the line and column of every value, so checks can point at
/// `path:line:col` of the exact node (addressed by JSON pointer, e.g. "/begrippen/3/term").
/// The deepest nesting of arrays and objects a data file may have (a JSON Logic rule in a form
/// needs about ten levels).
constexpr int kMaxDataDepth = 64;

struct DataFile {
  std::string file;  ///< path as diagnostics show it
  nlohmann::json value;
  std::map<std::string, std::pair<int, int>> positions;  ///< JSON pointer → (line, col)

  /// Position of `pointer`, or of its nearest ancestor that has one.
  std::pair<int, int> at(const std::string& pointer) const;
  void error(Diagnostics& diags, const std::string& pointer, const std::string& message) const;
  void warning(Diagnostics& diags, const std::string& pointer, const std::string& message) const;
};

/// Reads `path` (relative to the source root; .json, .yaml or .yml). Syntax errors are reported
/// at their position and give nothing.
std::optional<DataFile> load_data_file(const SourceTree& tree, const std::string& path, Diagnostics& diags);


}  // namespace wijzer
