#pragma once
// YAML (front matter, data files, wijzer.yaml) read with libyaml's event parser straight into JSON.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace wijzer {

/// Nesting deeper than this is an error: hostile input can nest thousands of levels, and every
/// walk of the JSON value afterwards recurses.
constexpr int kMaxYamlDepth = 64;

/// How many values a YAML text of `bytes` may expand to: far more than any real file needs
/// (aliases included), far less than an alias bomb ("billion laughs": aliases repeat their
/// anchor's nodes, so a few lines can stand for billions).
inline size_t yaml_node_budget(size_t bytes) { return 100000 + 4 * bytes; }

/// A syntax error or a broken limit at a 1-based line and column (bytes) of the text parsed.
struct YamlError : std::runtime_error {
  YamlError(int line_, int col_, const std::string& message) : std::runtime_error(message), line(line_), col(col_) {}
  int line;
  int col;
};

/// Where a node stands: its JSON pointer and 1-based line and column (bytes).
struct YamlPosition {
  std::string pointer;
  int line;
  int col;
};

/// Which positions parse_yaml records.
enum class YamlPositions {
  none,
  top_keys,  ///< the keys of a root map ("/title"), in file order
  all,       ///< every node, then each map member again at its key: a later entry wins
};

/// What parse_yaml does besides checking the syntax.
struct YamlOptions {
  size_t max_nodes = 0;  ///< values allowed, aliases counted again each time (yaml_node_budget)
  bool values = true;    ///< build the JSON value (off: only positions, for a .json file)
  bool map_root_only = false;  ///< a root that is no map gives no value and no limit error
  YamlPositions positions = YamlPositions::none;
};

/// The first document of a YAML text.
struct YamlDocument {
  nlohmann::json value;  ///< null for an empty text; typed as in yaml_scalar
  enum class Root { empty, scalar, sequence, map } root = Root::empty;
  std::vector<YamlPosition> positions;
};

/// Parses `text` (valid UTF-8); throws YamlError for invalid YAML, nesting deeper than
/// kMaxYamlDepth, more than `max_nodes` values, an unknown alias or a key that is no text.
YamlDocument parse_yaml(std::string_view text, const YamlOptions& options);

/// A plain (unquoted) scalar typed as YAML 1.2's core schema does: true/false, null, integers,
/// floats; anything else stays text. Quoted scalars never come here.
nlohmann::json yaml_scalar(const std::string& s);

}  // namespace wijzer
