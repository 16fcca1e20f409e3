#pragma once
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace wijzer {

/// Converts a YAML node to JSON, typing plain scalars as YAML 1.2 core does
/// (true/false, null, integers, floats); quoted scalars stay strings.
nlohmann::json yaml_to_json(const YAML::Node& node);

}  // namespace wijzer
