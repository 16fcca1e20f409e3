#include "snippet.h"

#include "text.h"

namespace wijzer {

namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/// The name between `open` and `close` at `at` (spaces around it allowed), or "" when it is not one.
std::string_view tag_name(std::string_view text, size_t at, size_t open, std::string_view close, size_t& end) {
  size_t i = at + open;
  while (i < text.size() && text[i] == ' ') ++i;
  const size_t begin = i;
  while (i < text.size() && name_char(text[i])) ++i;
  const size_t name_end = i;
  while (i < text.size() && text[i] == ' ') ++i;
  if (name_end == begin || text.compare(i, close.size(), close) != 0) return {};
  end = i + close.size();
  return text.substr(begin, name_end - begin);
}

}  // namespace

Snippet::Snippet(std::string_view source) {
  if (!source.empty() && source.back() == '\n') source.remove_suffix(1);
  if (!source.empty() && source.back() == '\r') source.remove_suffix(1);
  std::string literal;
  size_t pos = 0;
  while (pos < source.size()) {
    const size_t at = source.find("{{", pos);
    if (at == std::string_view::npos) break;
    size_t end = 0;
    const bool triple = source.compare(at, 3, "{{{") == 0;
    std::string_view name = triple ? tag_name(source, at, 3, "}}}", end) : tag_name(source, at, 2, "}}", end);
    if (name.empty()) {  // not a placeholder: keep the braces as text
      literal.append(source, pos, at + 2 - pos);
      pos = at + 2;
      continue;
    }
    literal.append(source, pos, at - pos);
    if (!literal.empty()) parts_.push_back({std::move(literal), Part::literal});
    literal.clear();
    parts_.push_back({std::string(name), triple ? Part::raw : Part::escaped});
    pos = end;
  }
  literal.append(source, pos);
  if (!literal.empty()) parts_.push_back({std::move(literal), Part::literal});
}

void Snippet::render_to(std::string& out, Values values) const {
  for (const Part& part : parts_) {
    if (part.kind == Part::literal) {
      out += part.text;
      continue;
    }
    for (const auto& [name, value] : values)
      if (name == part.text) {
        if (part.kind == Part::raw) out += value;
        else append_html_escaped(out, value);
        break;
      }
  }
}

}  // namespace wijzer
