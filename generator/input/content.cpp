#include "content.h"

#include <algorithm>
#include <functional>
#include <tuple>

#include "parallel.h"
#include "text.h"

namespace wijzer {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// The folder part of `path` ("" for a name at the top).
std::string_view folder_view(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::string folder_of(const std::string& path) { return std::string(folder_view(path)); }

/// Nearest section above `source`: the `_index.md` of an enclosing folder. `key` is scratch
/// (one buffer for every page of a large site, not two strings each).
int find_parent(const ContentTree& content, std::string_view source, std::string& key) {
  std::string_view folder = folder_view(source);
  if (ends_with(source, "_index.md")) {
    if (folder.empty()) return -1;  // the home page
    folder = folder_view(folder);
  }
  for (;;) {
    if (folder.empty()) key.assign("_index.md");
    else key.assign(folder).append("/_index.md");
    auto it = content.by_source.find(key);
    if (it != content.by_source.end()) return it->second;
    if (folder.empty()) return 0;
    folder = folder_view(folder);
  }
}

void order_children(ContentTree& content) {
  // Sort keys once per page: folding titles inside the comparator would repeat it n log n times.
  std::vector<std::tuple<bool, long long, std::string>> keys;
  keys.reserve(content.pages.size());
  for (const Page& p : content.pages) keys.emplace_back(p.meta.weight == 0, p.meta.weight, fold(p.meta.title));
  for (auto& page : content.pages) {
    std::sort(page.children.begin(), page.children.end(), [&](int a, int b) {
      if (keys[a] != keys[b]) return keys[a] < keys[b];
      return content.pages[a].source < content.pages[b].source;
    });
  }
}

/// Depth-first reading order, linked only within one top-level section: "Volgende" on a section's
/// last page would otherwise lead a reader into another subject without warning.
void link_reading_order(ContentTree& content) {
  std::vector<int> order;
  std::vector<int> section;  // per entry of `order`: its top-level section, -1 for the home page
  std::function<void(int, int, int)> visit = [&](int index, int depth, int top) {
    content.pages[index].depth = depth;
    if (depth == 1) top = index;
    // A page with `menu: false` (an old address that points on, the 404 page) is no reading stop.
    const auto menu = content.pages[index].meta.fields.find("menu");
    const bool listed = menu == content.pages[index].meta.fields.end() || !menu->is_boolean() || menu->get<bool>();
    if (listed) {
      order.push_back(index);
      section.push_back(top);
    }
    for (int child : content.pages[index].children) visit(child, depth + 1, top);
  };
  visit(0, 0, -1);
  for (auto& page : content.pages) page.prev = page.next = -1;
  for (size_t i = 1; i < order.size(); ++i) {
    if (section[i] < 0 || section[i] != section[i - 1]) continue;
    content.pages[order[i]].prev = order[i - 1];
    content.pages[order[i - 1]].next = order[i];
  }
}

}  // namespace

std::string output_path_for(const std::string& source) {
  std::string stem = source.substr(0, source.size() - 3);  // drop ".md"
  if (stem == "_index" || stem == "index") return "index.html";
  if (ends_with(stem, "/_index") || ends_with(stem, "/index")) return folder_of(stem) + "/index.html";
  return stem + ".html";
}

const Page* ContentTree::find(const std::string& source) const {
  int index = lookup(source);
  return index < 0 ? nullptr : &pages[index];
}

int ContentTree::lookup(const std::string& source) const {
  auto it = by_source.find(source);
  if (it != by_source.end()) return it->second;
  if (source.empty() || source.back() == '/') {
    it = by_source.find(source + "_index.md");
    if (it != by_source.end()) return it->second;
  }
  return -1;
}

/// The first folder or file name in `rel` outside the naming rule (docs/content-format.md), or "":
/// lowercase letters, digits and '-', then extensions (".md", ".form.json"); `_index.md` too.
namespace {

/// One folder or file name within the naming rule.
bool good_name(std::string_view name) {
  if (name == "_index.md") return true;
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    // A dot separates extensions: not first, not last, never two in a row.
    if (!word && !(c == '.' && i > 0 && i + 1 < name.size() && name[i - 1] != '.')) return false;
  }
  return true;
}

}  // namespace

std::string bad_name_segment(const std::string& rel) {
  const std::string_view path = rel;
  for (size_t begin = 0;;) {
    const size_t slash = path.find('/', begin);
    const std::string_view name = path.substr(begin, slash == std::string_view::npos ? std::string_view::npos : slash - begin);
    if (!good_name(name)) return std::string(name);
    if (slash == std::string_view::npos) return "";
    begin = slash + 1;
  }
}

bool runs_as_page_or_script(const std::string& rel) {
  // The extension, compared without regard to case ("X.HTML" runs as well as "x.html").
  const size_t dot = rel.rfind('.');
  if (dot == std::string::npos || rel.find('/', dot) != std::string::npos) return false;
  const std::string_view ext = std::string_view(rel).substr(dot);
  if (ext.size() > 6) return false;
  char lower[8] = {};
  for (size_t i = 0; i < ext.size(); ++i) lower[i] = static_cast<char>(ext[i] >= 'A' && ext[i] <= 'Z' ? ext[i] + 32 : ext[i]);
  const std::string_view low(lower, ext.size());
  for (const char* e : {".html", ".htm", ".xhtml", ".xht", ".shtml", ".js", ".mjs"})
    if (low == e) return true;
  return false;
}

ContentTree load_content(const SourceTree& tree, Diagnostics& diags) {
  ContentTree content;
  std::vector<std::string> markdown;
  for (const std::string& path : tree.list("content")) {
    const std::string rel = path.substr(std::string("content/").size());
    if (std::string bad = bad_name_segment(rel); !bad.empty()) {
      diags.error(tree.display(path), 1, 1,
                  "naam '" + bad + "' mag alleen kleine letters, cijfers en '-' bevatten, met een extensie als '.md' "
                  "(de naam wordt een URL); het bestand wordt overgeslagen");
      continue;
    }
    if (runs_as_page_or_script(rel)) {
      diags.error(tree.display(path), 1, 1,
                  "HTML- en scriptbestanden in content/ worden niet gepubliceerd (ze zouden zonder de "
                  "beveiliging van de portal draaien); schrijf de pagina in markdown (.md)");
      continue;
    }
    if (ends_with(rel, ".md")) {
      markdown.push_back(path);
    } else {
      const bool data = ends_with(rel, ".json") || ends_with(rel, ".yaml") || ends_with(rel, ".yml");
      (data ? content.data_files : content.static_files).push_back(rel);
    }
  }
  // Reading and parsing front matter is independent per file: do it on every core.
  // Room for the pages features add (add_page) without doubling a large site's page list; the
  // pages stay where they are parsed (a Page is large: no second list to move them into).
  std::vector<Page> parsed;
  parsed.reserve(markdown.size() + markdown.size() / 8 + 64);
  parsed.resize(markdown.size());
  std::vector<char> keep(markdown.size(), 0);
  parallel_for(markdown.size(), 0, [&](size_t i, unsigned) {
    Page& page = parsed[i];
    page.source = markdown[i].substr(std::string("content/").size());
    page.file = tree.display(markdown[i]);
    page.output = output_path_for(page.source);
    page.is_section = page.source == "_index.md" || ends_with(page.source, "/_index.md");
    auto text = tree.read(markdown[i]);
    if (!text) {
      diags.error(page.file, 1, 1, "bestand kan niet worden gelezen");
      return;
    }
    SourceDocument doc = parse_document(std::move(*text), page.file, diags);
    if (doc.meta.draft) return;
    page.meta = std::move(doc.meta);
    page.body = std::move(doc.body);
    page.body_line = doc.body_line;
    keep[i] = 1;
  });
  {
    std::unordered_map<std::string_view, size_t> outputs;  // output path → page, to catch clashes
    outputs.reserve(parsed.size());
    for (size_t i = 0; i < parsed.size(); ++i) {
      if (!keep[i]) continue;
      auto [it, fresh] = outputs.emplace(parsed[i].output, i);
      if (!fresh) {
        diags.error(parsed[i].file, 1, 1,
                    "schrijft naar dezelfde pagina (" + parsed[i].output + ") als content/" + parsed[it->second].source);
        keep[i] = 0;
      }
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < parsed.size(); ++i)
    if (keep[i]) {
      if (kept != i) parsed[kept] = std::move(parsed[i]);
      ++kept;
    }
  parsed.erase(parsed.begin() + static_cast<long>(kept), parsed.end());
  std::vector<Page> pages = std::move(parsed);
  // The home page comes first; a plain folder of markdown without one gets a generated home.
  auto home = std::find_if(pages.begin(), pages.end(), [](const Page& p) { return p.source == "_index.md"; });
  if (home == pages.end()) {
    Page generated;
    generated.source = "_index.md";
    generated.file = tree.display("content/_index.md");
    generated.output = "index.html";
    generated.is_section = true;
    generated.meta.title = "Home";
    generated.meta.fields = {{"title", "Home"}};
    pages.insert(pages.begin(), std::move(generated));
  } else {
    std::rotate(pages.begin(), home, home + 1);
  }
  content.pages = std::move(pages);
  content.by_source.reserve(content.pages.capacity());
  for (size_t i = 0; i < content.pages.size(); ++i) content.by_source[content.pages[i].source] = static_cast<int>(i);
  order_tree(content);
  return content;
}

namespace {

bool append_page(ContentTree& content, Page page, Diagnostics& diags) {
  for (const Page& other : content.pages)
    if (other.source == page.source || other.output == page.output) {
      diags.error(page.file, 1, 1, "maakt pagina " + page.output + ", maar die bestaat al (content/" + other.source + ")");
      return false;
    }
  content.by_source[page.source] = static_cast<int>(content.pages.size());
  content.pages.push_back(std::move(page));
  return true;
}

}  // namespace

bool add_page(ContentTree& content, Page page, Diagnostics& diags) {
  page.generated = true;
  return append_page(content, std::move(page), diags);
}

bool add_markdown_page(ContentTree& content, Page page, Diagnostics& diags) {
  page.generated = false;
  if (page.made_from.empty()) page.made_from = page.file;
  if (!append_page(content, std::move(page), diags)) return false;
  // Move it to where load_content would have put a file at that path (pages from files are in path
  // order, after the home page), so page order, and all that follows it (the search index), is as
  // if the page were a file.
  size_t at = 1;
  const std::string& source = content.pages.back().source;
  while (at + 1 < content.pages.size() && !content.pages[at].generated && content.pages[at].source < source) ++at;
  if (at + 1 < content.pages.size()) {
    std::rotate(content.pages.begin() + static_cast<long>(at), content.pages.end() - 1, content.pages.end());
    for (size_t i = at; i < content.pages.size(); ++i) content.by_source[content.pages[i].source] = static_cast<int>(i);
  }
  return true;
}

void locate_made_lines(const Page& page, std::vector<Diagnostic>& diags) {
  if (page.made_lines.empty()) return;
  for (Diagnostic& d : diags) {
    if (d.path != page.file || d.line < 1 || static_cast<size_t>(d.line) > page.made_lines.size()) continue;
    std::tie(d.line, d.col) = page.made_lines[d.line - 1];
  }
}

void order_tree(ContentTree& content) {
  for (auto& page : content.pages) {
    page.parent = -1;
    page.children.clear();
  }
  std::string key;
  for (size_t i = 1; i < content.pages.size(); ++i) {
    int parent = find_parent(content, content.pages[i].source, key);
    content.pages[i].parent = parent;
    if (!content.pages[i].hidden) content.pages[parent].children.push_back(static_cast<int>(i));
  }
  order_children(content);
  link_reading_order(content);
}

}  // namespace wijzer
