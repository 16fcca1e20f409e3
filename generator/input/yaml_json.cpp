#include "yaml_json.h"

#include <string_view>

#include "text.h"

namespace wijzer {
namespace {

bool digits(std::string_view s, size_t& i) {
  const size_t from = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i > from;
}

/// [-+]?[0-9]+
bool is_integer(std::string_view s) {
  size_t i = !s.empty() && (s[0] == '-' || s[0] == '+');
  return digits(s, i) && i == s.size();
}

/// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_float(std::string_view s) {
  size_t i = !s.empty() && (s[0] == '-' || s[0] == '+');
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits(s, i)) return false;
  } else {
    if (!digits(s, i)) return false;
    if (i < s.size() && s[i] == '.') digits(s, ++i);
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (!digits(s, i)) return false;
  }
  return i == s.size();
}

nlohmann::json plain_scalar(const std::string& s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (is_integer(s)) {
    try {
      return std::stoll(s);
    } catch (const std::out_of_range&) {
      return s;
    }
  }
  if (is_float(s)) {
    try {
      return std::stod(s);
    } catch (const std::out_of_range&) {
      return s;  // beyond a double: kept as the text it is
    }
  }
  return s;
}

}  // namespace

namespace {

/// The conversion with its limits: the nesting depth and the values still allowed.
nlohmann::json convert(const YAML::Node& node, int depth, size_t& budget) {
  // Hostile input can nest thousands of levels; converting it would overflow the stack.
  if (depth > kMaxYamlDepth)
    throw YAML::ParserException(node.Mark(), "te diep genest (meer dan " + std::to_string(kMaxYamlDepth) + " niveaus)");
  if (budget == 0)
    throw YAML::ParserException(node.Mark(), "te veel waarden: aliassen (*naam) herhalen hier te veel (alias-bom?)");
  --budget;
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      // Tag "!" marks a quoted scalar: always a string.
      // yaml-cpp may decode the text as UTF-16/32 or expand escapes into bytes that are not UTF-8
      // (JSON output would throw on them): replace those.
      if (node.Tag() == "!") return valid_utf8(node.Scalar());
      return plain_scalar(valid_utf8(node.Scalar()));
    case YAML::NodeType::Sequence: {
      auto out = nlohmann::json::array();
      for (const auto& item : node) out.push_back(convert(item, depth + 1, budget));
      return out;
    }
    case YAML::NodeType::Map: {
      auto out = nlohmann::json::object();
      for (const auto& kv : node) {
        if (budget == 0) throw YAML::ParserException(kv.first.Mark(), "te veel waarden (alias-bom?)");
        out[valid_utf8(kv.first.as<std::string>())] = convert(kv.second, depth + 1, budget);
      }
      return out;
    }
  }
  return nullptr;
}

}  // namespace

nlohmann::json yaml_to_json(const YAML::Node& node, size_t max_nodes) { return convert(node, 0, max_nodes); }

}  // namespace wijzer
