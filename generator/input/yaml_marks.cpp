#include "yaml_marks.h"

#include <algorithm>

namespace wijzer {

YamlMarks::YamlMarks(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
    if (static_cast<unsigned char>(text[i]) >= 0x80) ascii_ = false;
  }
}

std::pair<int, int> YamlMarks::of_char(size_t index) {
  if (ascii_) return of_byte(index);
  // Walk from the last mark: the text is valid UTF-8, so a byte 10xxxxxx continues a character.
  auto continuation = [&](size_t i) { return (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80; };
  while (char_ < index && byte_ < text_.size()) {
    ++byte_;
    while (byte_ < text_.size() && continuation(byte_)) ++byte_;
    ++char_;
  }
  while (char_ > index && byte_ > 0) {
    --byte_;
    while (byte_ > 0 && continuation(byte_)) --byte_;
    --char_;
  }
  return of_byte(byte_);
}

std::pair<int, int> YamlMarks::of_byte(size_t offset) const {
  offset = std::min(offset, text_.size());
  const size_t line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin();
  return {static_cast<int>(line), static_cast<int>(offset - line_starts_[line - 1]) + 1};
}

}  // namespace wijzer
