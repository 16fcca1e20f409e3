// The typing of plain YAML scalars (YAML 1.2 core schema), as front matter and data files use it.
#include <string_view>

#include "yaml_json.h"

namespace wijzer {
namespace {

/// Moves `i` past [0-9]*; true when it moved.
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

}  // namespace

nlohmann::json yaml_scalar(const std::string& s) {
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

}  // namespace wijzer
