#include "page_data.h"

#include <algorithm>

#include "frontmatter.h"
#include "paths.h"
#include "text.h"

namespace wijzer {
namespace {

mustache_data link(const ContentTree& content, const Page& from, int index) {
  const Page& to = content.pages[index];
  return MustacheObject()
      .set("title", to.meta.title)
      .set("url", relative_url(from.output, to.output))
      .set("description", to.meta.description)
      .take();
}

mustache_data table_of_contents(const Page& page, size_t& entries) {
  std::vector<mustache_data> toc;
  std::vector<mustache_data> children;
  MustacheObject current;
  bool open = false;
  auto close = [&] {
    if (!open) return;
    current.set("has_children", !children.empty());
    current.set("children", mustache_list(std::move(children)));
    children.clear();
    toc.push_back(current.take());
    current = MustacheObject();
    open = false;
  };
  for (const Heading& h : page.headings) {
    if (h.level == 2) {
      close();
      current.set("text", h.text).set("anchor", h.anchor);
      open = true;
    } else if (h.level == 3) {
      if (!open) {  // an h3 before any h2 stands on its own
        toc.push_back(MustacheObject().set("text", h.text).set("anchor", h.anchor).take());
      } else {
        children.push_back(MustacheObject().set("text", h.text).set("anchor", h.anchor).take());
      }
    }
  }
  close();
  entries = toc.size();
  return mustache_list(std::move(toc));
}

/// Index of the top-level section a page belongs to (a child of home), or -1 for home.
int top_section(const ContentTree& content, const Page& page) {
  int index = content.by_source.at(page.source);
  if (index == 0) return -1;
  while (content.pages[index].parent != 0) index = content.pages[index].parent;
  return index;
}

bool is_ancestor_or_self(const ContentTree& content, int ancestor, int index) {
  for (; index >= 0; index = content.pages[index].parent)
    if (index == ancestor) return true;
  return false;
}

}  // namespace

namespace {

/// The front matter's `menu`: absent or true (main menu and overview cards), "voet" (the site
/// footer only: privacy, accessibility) or false (no menu at all: the 404 page).
bool in_menus(const Page& page) {
  const auto it = page.meta.fields.find("menu");
  return it == page.meta.fields.end() || (it->is_boolean() && it->get<bool>());
}

/// True for a page with `menu: voet`: linked from every page's footer.
bool in_footer(const Page& page) {
  const auto it = page.meta.fields.find("menu");
  return it != page.meta.fields.end() && it->is_string() && it->get<std::string>() == "voet";
}

/// One level of the section navigation, flattened into `items` in document order; opens the branch
/// that holds `self`. A list that ends after an item adds one to that item's `ends`.
void append_nav_items(const ContentTree& content, const Page& page, int self, int section,
                      std::vector<MustacheObject>& items, std::vector<int>& ends, std::vector<int>& pages) {
  for (int child : content.pages[section].children) {
    const Page& p = content.pages[child];
    // A page kept out of the menus (`menu: false`, e.g. an old address that now points on) is
    // listed only while it is the page shown.
    if (!in_menus(p) && child != self) continue;
    const bool open = !p.children.empty() && is_ancestor_or_self(content, child, self);
    pages.push_back(child);
    items.emplace_back();
    items.back()
        .set("title", p.meta.title)
        .set("url", relative_url(page.output, p.output))
        .set("current", child == self)
        .set("open", open);
    ends.push_back(0);
    if (open) {
      append_nav_items(content, page, self, child, items, ends, pages);
      ++ends.back();  // the child's list closes after its last item
    }
  }
}

}  // namespace

mustache_data section_nav_data(const ContentTree& content, const Page& page, std::vector<int>* item_pages) {
  std::vector<int> pages;
  if (!item_pages) item_pages = &pages;
  item_pages->clear();
  const int top = top_section(content, page);
  if (top < 0 || content.pages[top].children.empty()) return mustache_data{false};
  const int self = content.by_source.at(page.source);
  const Page& section = content.pages[top];
  std::vector<MustacheObject> items;
  std::vector<int> ends;
  items.reserve(32);
  ends.reserve(32);
  append_nav_items(content, page, self, top, items, ends, *item_pages);
  std::vector<mustache_data> list;
  list.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    std::vector<mustache_data> closing(ends[i], mustache_data{mustache_data::type::object});
    items[i].set("ends", ends[i] ? mustache_list(std::move(closing)) : mustache_data{false});
    list.push_back(items[i].take());
  }
  return MustacheObject()
      .set("title", section.meta.title)
      .set("url", relative_url(page.output, section.output))
      .set("current", top == self)
      .set("items", mustache_list(std::move(list)))
      .take();
}

mustache_data page_data(const ContentTree& content, const Page& page, const std::string& html) {
  const int self = content.by_source.at(page.source);

  std::vector<mustache_data> crumbs;
  for (int index = page.parent; index >= 0; index = content.pages[index].parent) crumbs.push_back(link(content, page, index));
  std::reverse(crumbs.begin(), crumbs.end());
  const bool has_crumbs = !crumbs.empty();

  std::vector<mustache_data> children;
  for (int index : page.children)
    if (in_menus(content.pages[index])) children.push_back(link(content, page, index));
  const bool has_children = !children.empty();

  std::vector<mustache_data> bronnen;
  for (const auto& bron : page.meta.bronnen) bronnen.emplace_back(bron);
  const bool has_bronnen = !bronnen.empty();

  size_t toc_entries = 0;
  mustache_data toc = table_of_contents(page, toc_entries);

  MustacheObject p;
  p.set("title", page.meta.title)
      .set("description", page.meta.description)
      .set("content", html)
      .set("source", page.source)
      .set("url", relative_url(page.output, page.output))
      .set("is_home", self == 0)
      .set("is_section", page.is_section)
      .set("toc", std::move(toc))
      .set("has_toc", toc_entries >= 2)
      .set("breadcrumbs", mustache_list(std::move(crumbs)))
      .set("has_breadcrumbs", has_crumbs)
      .set("children", mustache_list(std::move(children)))
      .set("has_children", has_children)
      .set("bronnen", mustache_list(std::move(bronnen)))
      .set("has_bronnen", has_bronnen)
      .set("bijgewerkt", dutch_date(page.meta.bijgewerkt))
      .set("bijgewerkt_iso", page.meta.bijgewerkt)
      .set("prev", page.prev >= 0 ? link(content, page, page.prev) : mustache_data{false})
      .set("next", page.next >= 0 ? link(content, page, page.next) : mustache_data{false})
      .set("fields", to_mustache(page.meta.fields))
      .set("data", page.data.is_null() ? mustache_data{mustache_data::type::object} : to_mustache(page.data));
  return MustacheObject().set("page", p.take()).take();
}

PageDataCache::PageDataCache(const ContentTree& content, const AssetManifest& assets, const Config& config)
    : content_(content), assets_(assets), config_(config) {}

namespace {

/// The folder of an output path, with its trailing '/' ("" at the root): relative URLs from a
/// page depend on nothing else of its path.
std::string_view folder_of(const std::string& output) {
  const size_t slash = output.rfind('/');
  return slash == std::string::npos ? std::string_view() : std::string_view(output).substr(0, slash + 1);
}

void append_key(std::string& key, int value) {
  key += std::to_string(value);
  key += '\0';
}

}  // namespace

std::vector<const mustache_data*> PageDataCache::layers(const Page& page) {
  const ContentTree& content = content_;
  const Page& home = content.pages[0];
  const int self = content.by_source.at(page.source);
  const int top = top_section(content, page);
  const bool top_level = std::find(home.children.begin(), home.children.end(), self) != home.children.end();

  // The chrome: the same for every page of a folder, but for the main menu's `current`/`active`.
  std::string key(folder_of(page.output));
  key += '\0';
  append_key(key, top);
  append_key(key, top_level ? self : -1);
  if (key != chrome_key_) {
    chrome_key_ = key;
    const std::string root = root_prefix(page.output);
    MustacheObject asset_urls;
    for (const auto& [name, output] : assets_.keys.items()) asset_urls.set(name, root + output.get_ref<const std::string&>());
    std::vector<mustache_data> nav;
    for (int index : home.children) {
      const Page& to = content.pages[index];
      if (!in_menus(to)) continue;
      nav.push_back(MustacheObject()
                        .set("title", to.meta.title)
                        .set("url", relative_url(page.output, to.output))
                        .set("description", to.meta.description)
                        .set("current", index == self)
                        .set("active", index == top)
                        .take());
    }
    std::vector<mustache_data> footer_nav;
    for (int index : home.children)
      if (in_footer(content.pages[index])) footer_nav.push_back(link(content, page, index));
    // wijzer.yaml: the site's language and (when set) its title; the interface's labels.
    MustacheObject site;
    site.set("title", config_.site.title.empty() ? home.meta.title : config_.site.title)
        .set("description", home.meta.description)
        .set("language", mustache_data{config_.site.language});
    MustacheObject labels;
    for (const auto& [name, text] : config_.labels) labels.set(name, mustache_data{text});
    chrome_ = MustacheObject()
                  .set("site", site.take())
                  .set("root", root)
                  .set("home_url", relative_url(page.output, home.output))
                  .set("assets", asset_urls.take())
                  .set("nav", mustache_list(std::move(nav)))
                  .set("footer_nav", mustache_list(std::move(footer_nav)))
                  .set("labels", labels.take())
                  .take();
  }

  // The section navigation: the same for the pages whose open branch ends at the same section
  // (siblings), but for which item is `current`. A page kept out of the menus is listed only on
  // itself, so its navigation is its own.
  key.assign(folder_of(page.output));
  key += '\0';
  append_key(key, top);
  append_key(key, page.children.empty() ? page.parent : self);
  if (!in_menus(page)) key.clear();
  if (key.empty() || key != nav_key_) {
    nav_key_ = key;
    nav_ = MustacheObject().set("section_nav", section_nav_data(content, page, &nav_pages_)).take();
    nav_self_ = self;
  } else if (auto* section = const_cast<mustache_data*>(nav_.get("section_nav"));
             nav_self_ != self && section && section->is_object()) {
    auto& items = const_cast<kainjow::mustache::basic_list<std::string>&>(section->get("items")->list_value());
    for (size_t i = 0; i < nav_pages_.size() && i < items.size(); ++i)
      if (nav_pages_[i] == nav_self_ || nav_pages_[i] == self) items[i]["current"] = mustache_data{nav_pages_[i] == self};
    (*section)["current"] = mustache_data{top == self};
    nav_self_ = self;
  }
  return {&chrome_, &nav_};
}

}  // namespace wijzer
