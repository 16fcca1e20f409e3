#pragma once
#include <string_view>
#include <utility>
#include <vector>

namespace wijzer {

/// Turns libyaml's marks into our 1-based line and byte column: libyaml counts characters (and
/// also breaks lines at U+2028), while every other diagnostic counts bytes and '\n' (line_col).
class YamlMarks {
 public:
  explicit YamlMarks(std::string_view text);
  /// Line and column of the character with index `index` (libyaml's yaml_mark_t::index).
  std::pair<int, int> of_char(size_t index);
  /// Line and column of byte `offset`.
  std::pair<int, int> of_byte(size_t offset) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
  bool ascii_ = true;
  size_t char_ = 0;  ///< a character index whose byte offset is known (marks come mostly in order)
  size_t byte_ = 0;
};

}  // namespace wijzer
