#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cmark_arena.h"
#include "content.h"
#include "snippet.h"

struct cmark_node;
struct cmark_parser;

namespace wijzer {

/// A markdown body parsed by cmark-gfm (tables, strikethrough, autolinks, task lists, footnotes).
/// Owns the syntax tree, in an arena of its own; the passes below change it in place before rendering.
class Markdown {
 public:
  /// `markup`: the site's snippets (templates/markdown/, templates/glossary/) for the HTML made
  /// while rendering; borrowed, must outlive this object. Without them render() gives cmark's HTML.
  /// `every_extension`: attach all of them, also those the body cannot use (a test compares).
  explicit Markdown(const std::string& body, const Snippets* markup = nullptr, bool every_extension = false);
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

  /// The snippet named `name` (e.g. "glossary/term") for HTML a pass inserts, or nullptr.
  const Snippet* snippet(std::string_view name) const { return find_snippet(markup_, name); }

  /// The body as HTML, with `id`s on the headings returned by take_headings(). With snippets:
  /// tables in markdown/table ({{number}}, {{{table}}}), task list boxes as markdown/task-done and
  /// markdown/task-open, footnote back-links' labels as markdown/footnote-backref ({{{ref}}}: cmark's
  /// HTML) and markdown/footnote-back-to-content.
  std::string render(const std::vector<Heading>& headings) const;

 private:
  /// Headings, links, images, raw HTML and text nodes in document order: what the passes change,
  /// found in one walk (the passes keep it up to date, but replace_text, which drops it).
  const std::vector<cmark_node*>& nodes();

  std::unique_ptr<CmarkArena> arena_;  ///< all of cmark-gfm's memory for this body
  std::vector<cmark_node*> nodes_;
  bool nodes_fresh_ = false;
  cmark_parser* parser_;
  cmark_node* root_;
  const Snippets* markup_;
  /// What render() looks for in cmark's HTML, and only where the body or a pass's HTML can make it.
  struct MayHave {
    bool tables = false, task_boxes = false, footnotes = false;
  } may_have_;
};

/// Bounds on a page body that keep cmark-gfm's time and memory in check on hostile input
/// (its bracket matching is quadratic; very wide tables abort in Debian's version).
struct MarkdownLimits {
  size_t max_bytes = size_t{4} << 20;  ///< a long leidraad page is about 60 KB
  size_t max_brackets = 10000;         ///< '[' per page: links, images, footnotes
  size_t max_table_columns = 256;      ///< '|' per line
};

/// One problem of a body at a body line and column.
struct MarkdownProblem {
  int line = 1;
  int col = 1;
  bool error = true;  ///< false: a warning (the body is still parsed)
  std::string message;
};

/// Checks a page body before it is parsed. Errors mean it must not be parsed; invalid UTF-8 is a
/// warning (cmark replaces it by U+FFFD).
std::vector<MarkdownProblem> check_markdown_input(const std::string& body, const MarkdownLimits& limits = {});

}  // namespace wijzer
