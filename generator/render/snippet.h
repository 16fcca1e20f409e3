#pragma once
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wijzer {

/// A fixed-shape piece of markup from a template partial, for HTML that must be made while a
/// page's markdown is rendered (a glossary term link inside a paragraph, the box around a table).
/// Only `{{name}}` (HTML-escaped, ' as &#39;) and `{{{name}}}` (as given) are filled in; any other
/// mustache tag is kept as text. Immutable once made, so worker threads share it; parsed once per
/// set of templates (TemplateSources), where kainjow would need one compiled copy per thread.
class Snippet {
 public:
  Snippet() = default;
  /// The partial's text; one final line break (the file's last newline) is dropped.
  explicit Snippet(std::string_view source);
  using Values = std::initializer_list<std::pair<std::string_view, std::string_view>>;
  /// Appends the snippet with `values` filled in; a name without a value is left empty.
  void render_to(std::string& out, Values values) const;
  std::string render(Values values) const {
    std::string out;
    render_to(out, values);
    return out;
  }

 private:
  struct Part {
    std::string text;  ///< literal text, or the placeholder's name
    enum Kind { literal, escaped, raw } kind = literal;
  };
  std::vector<Part> parts_;
};

/// Snippets by partial name ("glossary/term"): every partial of templates/ whose folder is one of
/// the snippet folders (markdown/, glossary/). A site without them gets cmark's plain HTML.
using Snippets = std::map<std::string, Snippet, std::less<>>;

/// The snippet named `name`, or nullptr (no such partial, or no snippets given).
inline const Snippet* find_snippet(const Snippets* snippets, std::string_view name) {
  if (!snippets) return nullptr;
  auto it = snippets->find(name);
  return it == snippets->end() ? nullptr : &it->second;
}

}  // namespace wijzer
