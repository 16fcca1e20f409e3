#pragma once
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "diagnostics.h"
#include "frontmatter.h"
#include "source.h"

namespace wijzer {

/// A heading of a page body, with its anchor.
struct Heading {
  int level = 2;
  std::string text;    ///< plain text, for the table of contents.
  std::string anchor;  ///< id in the output, unique within the page.
  int line = 1;        ///< line in the source file.
  bool slug_anchor = false;  ///< anchor == slugify(text): a browser derives it from the text.
};

/// One markdown file and its place in the navigation tree.
struct Page {
  std::string source;  ///< path relative to content/, e.g. "rollen/jobcoach.md".
  std::string output;  ///< path relative to the site root, e.g. "rollen/jobcoach.html".
  std::string file;    ///< the path as diagnostics show it.
  bool is_section = false;
  FrontMatter meta;
  std::string body;
  int body_line = 1;
  int parent = -1;
  std::vector<int> children;  ///< ordered by weight, then title.
  int prev = -1, next = -1;   ///< reading order: depth-first through the tree.
  int depth = 0;
  std::vector<Heading> headings;
  std::set<std::string> anchors;  ///< every id a link may point at.

  bool generated = false;  ///< made by a feature: `html` is the content, `body` is not markdown.
  bool hidden = false;     ///< rendered, but left out of navigation, section lists and reading order.
  /// A generated page whose data a feature makes from other pages' bodies (the whole leidraad):
  /// an incremental build renders it again after any body edit.
  bool reads_bodies = false;
  std::string html;        ///< content of a generated page.
  /// A generated page whose content a template renders from `data` (a component partial, e.g.
  /// "wizard/node"): rendered with the page's template data before features' extend; the result
  /// becomes `html` (what the page template shows as page.content and what search indexes).
  std::string content_template;
  nlohmann::json data;     ///< extra template data of a generated page (`page.data`).
  /// A markdown page a feature made from a data file (add_markdown_page): that file, as
  /// diagnostics show it; empty for a page read from content/. Its `body` is markdown like a
  /// file's, but there is no file to edit: a change comes from the data file.
  std::string made_from;
  /// For such a page: per line of its made text (front matter included, 0-based) the line and
  /// column in `made_from` of the text that line shows (see locate_made_lines).
  std::vector<std::pair<int, int>> made_lines;
};

/// The pages of a site, home page first, plus the other files content/ holds.
struct ContentTree {
  std::vector<Page> pages;
  std::unordered_map<std::string, int> by_source;
  std::vector<std::string> data_files;    ///< *.json, *.yaml under content/ (read by other modules).
  std::vector<std::string> static_files;  ///< other files, copied as they are.

  const Page* find(const std::string& source) const;
  /// Index of the page for a source path; also accepts a folder ("rollen/" → "rollen/_index.md").
  int lookup(const std::string& source) const;
};

/// Reads content/ into a tree. Problems go to `diags`; the tree holds what could be read.
/// The first folder or file name in a content path (relative to content/) outside the naming rule
/// — lowercase letters, digits and '-', then extensions; `_index.md` — or "" when all follow it.
std::string bad_name_segment(const std::string& rel);

/// Whether a content file would run as a page or script in the browser (.html, .js…): such files
/// are never copied, since raw HTML must not bypass the markdown rules and the portal's CSP.
bool runs_as_page_or_script(const std::string& rel);

ContentTree load_content(const SourceTree& tree, Diagnostics& diags);

/// Adds a page made by a feature (its `source` is a virtual path under content/); reports a clash
/// with an existing page. Call order_tree() afterwards.
bool add_page(ContentTree& content, Page page, Diagnostics& diags);

/// Adds a markdown page made by a feature from a data file (`made_from` set; `source` is a virtual
/// path under content/): it renders like a page read from content/ (links, headings, search,
/// glossary). It takes the place in `pages` a file at that path would have (so indexes of later
/// pages move: call it before anything keeps page indexes, i.e. in the first feature's load).
/// Reports a clash with an existing page. Call order_tree() afterwards.
bool add_markdown_page(ContentTree& content, Page page, Diagnostics& diags);

/// Moves the diagnostics of a page made from data (made_lines) from a line of its made text to the
/// place in the data file that text came from; others stay as they are.
void locate_made_lines(const Page& page, std::vector<Diagnostic>& diags);

/// (Re)computes parents, ordered children, depth and reading order from the pages' paths.
void order_tree(ContentTree& content);

/// Where a source path is written: "a/_index.md" → "a/index.html", "a/b.md" → "a/b.html".
std::string output_path_for(const std::string& source);

}  // namespace wijzer
