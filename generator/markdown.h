#pragma once
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content.h"

struct cmark_node;
struct cmark_parser;

namespace wijzer {

/// A markdown body parsed by cmark-gfm (tables, strikethrough, autolinks, task lists, footnotes).
/// Owns the syntax tree; the passes below change it in place before rendering.
class Markdown {
 public:
  explicit Markdown(const std::string& body);
  ~Markdown();
  Markdown(const Markdown&) = delete;
  Markdown& operator=(const Markdown&) = delete;

  /// Every heading with a unique anchor (`{#id}` at the end of a heading sets it and is removed).
  /// Lines are body lines (1-based). Anchors never take an id of `reserved` (ids the templates use).
  std::vector<Heading> take_headings(const std::set<std::string>& reserved = {});

  /// Calls `rewrite(url, line, col, is_image)` for each link and image and stores the URL it returns.
  void rewrite_links(const std::function<std::string(const std::string&, int, int, bool)>& rewrite);

  /// Turns raw HTML into visible text, calling `report(line, col)` for each occurrence.
  void neutralize_raw_html(const std::function<void(int, int)>& report);

  /// Calls `visit(literal)` for each text node outside links, code and headings; the text node is
  /// replaced by the HTML the visitor returns, or kept when it returns nothing.
  void replace_text(const std::function<std::optional<std::string>(const std::string&)>& visit);

  /// Plain text per heading section, for search: [0] is the text before the first heading, [i + 1]
  /// the text after the i-th heading of take_headings() up to the next heading (headings left out).
  /// Blocks end in '\n'; compiler-made HTML (custom nodes) is skipped. Read-only.
  std::vector<std::string> section_texts() const;

  /// The body as HTML, with `id`s on the headings returned by take_headings().
  std::string render(const std::vector<Heading>& headings) const;

 private:
  cmark_parser* parser_;
  cmark_node* root_;
};

}  // namespace wijzer
