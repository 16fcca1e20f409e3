#pragma once
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace wijzer {

/// Converts a YAML node to JSON, typing plain scalars as YAML 1.2 core does
/// (true/false, null, integers, floats); quoted scalars stay strings.
/// Nesting deeper than kMaxYamlDepth throws YAML::ParserException (reported like a syntax error).
constexpr int kMaxYamlDepth = 64;
nlohmann::json yaml_to_json(const YAML::Node& node, int depth = 0);

}  // namespace wijzer
