#pragma once
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace wijzer {

/// Converts a YAML node to JSON, typing plain scalars as YAML 1.2 core does
/// (true/false, null, integers, floats); quoted scalars stay strings.
/// Nesting deeper than kMaxYamlDepth, or more than `max_nodes` values (aliases repeat their
/// anchor's nodes, so a few lines can stand for billions: "billion laughs"), throws
/// YAML::ParserException, reported like a syntax error.
constexpr int kMaxYamlDepth = 64;
nlohmann::json yaml_to_json(const YAML::Node& node, size_t max_nodes);

/// How many values a YAML text of `bytes` may expand to: far more than any real file needs
/// (aliases included), far less than an alias bomb.
inline size_t yaml_node_budget(size_t bytes) { return 100000 + 4 * bytes; }

}  // namespace wijzer
