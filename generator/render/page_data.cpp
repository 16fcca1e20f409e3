#include "page_data.h"

#include <algorithm>

#include "frontmatter.h"
#include "paths.h"
#include "text.h"

namespace wijzer {
namespace {

// The page's own data is refilled in place from page to page (PageDataCache::own): kainjow makes
// every value on the heap, and most of a page's values fit where the last page's were. Each put_*
// leaves a slot as a fresh build would make it (MustacheObject's "" is false included); an object
// slot keeps only the keys its role always has, so no key of the last page stays behind.
using mustache_list_items = kainjow::mustache::basic_list<std::string>;

/// `slot` as the text `text`, "" as false (MustacheObject::set), in the slot's own buffer.
void put_text(mustache_data& slot, std::string_view text) {
  if (text.empty()) {
    if (!slot.is_false()) slot = mustache_data{false};
  } else if (slot.is_string()) {
    const_cast<std::string&>(slot.string_value()).assign(text.data(), text.size());
  } else {
    slot = mustache_data{std::string(text)};
  }
}

/// `slot` as the text `text`, also when it is "" (a list item made from a string).
void put_string(mustache_data& slot, const std::string& text) {
  if (slot.is_string()) const_cast<std::string&>(slot.string_value()).assign(text);
  else slot = mustache_data{text};
}

void put_bool(mustache_data& slot, bool flag) {
  if (flag ? !slot.is_true() : !slot.is_false()) slot = mustache_data{flag};
}

/// `slot` as the text `a` + `b`, "" as false.
void put_joined(mustache_data& slot, const std::string& a, const std::string& b) {
  if (!slot.is_string()) slot = mustache_data{std::string()};
  auto& text = const_cast<std::string&>(slot.string_value());
  text.assign(a).append(b);
  if (text.empty()) slot = mustache_data{false};
}

/// `slot` as relative_url(from, to), "" as false.
void put_url(mustache_data& slot, const std::string& from, const std::string& to) {
  if (!slot.is_string()) slot = mustache_data{std::string()};
  auto& url = const_cast<std::string&>(slot.string_value());
  url.clear();
  append_relative_url(url, from, to);
  if (url.empty()) slot = mustache_data{false};
}

/// `slot` as a list of `count` items: those it had stay (to be refilled), new ones are empty objects.
mustache_list_items& put_list(mustache_data& slot, size_t count) {
  if (!slot.is_list()) slot = mustache_data{mustache_data::type::list};
  auto& items = const_cast<mustache_list_items&>(slot.list_value());
  items.resize(count);
  return items;
}

/// `slot` as an object; an empty one when it is none or has `stray`, a key this use must not have.
mustache_data& put_object(mustache_data& slot, const char* stray = nullptr) {
  if (!slot.is_object() || (stray && slot.get(stray))) slot = mustache_data{mustache_data::type::object};
  return slot;
}

/// `slot` as the link from page `from` to page `index`: title, url, description.
void put_link(mustache_data& slot, const ContentTree& content, const Page& from, int index) {
  const Page& to = content.pages[index];
  mustache_data& link = put_object(slot);
  put_text(link["title"], to.meta.title);
  put_url(link["url"], from.output, to.output);
  put_text(link["description"], to.meta.description);
}

/// `slot` as a table of contents entry: text and anchor.
mustache_data& put_entry(mustache_data& slot, const Heading& h, const char* stray) {
  mustache_data& entry = put_object(slot, stray);
  put_text(entry["text"], h.text);
  put_text(entry["anchor"], h.anchor);
  return entry;
}

/// The table of contents: an entry per h2 (text, anchor, has_children, children: its h3s), and an
/// entry of its own (text, anchor) for an h3 before the first h2. Returns the number of entries.
size_t put_table_of_contents(mustache_data& slot, const Page& page) {
  const std::vector<Heading>& headings = page.headings;
  size_t count = 0;
  bool open = false;
  for (const Heading& h : headings) {
    if (h.level == 2) ++count, open = true;
    else if (h.level == 3 && !open) ++count;
  }
  mustache_list_items& entries = put_list(slot, count);
  size_t k = 0;
  open = false;
  for (size_t i = 0; i < headings.size(); ++i) {
    const Heading& h = headings[i];
    if (h.level == 3 && !open) {
      put_entry(entries[k++], h, "children");
    } else if (h.level == 2) {
      open = true;
      size_t children = 0;
      for (size_t j = i + 1; j < headings.size() && headings[j].level != 2; ++j) children += headings[j].level == 3;
      mustache_data& entry = put_entry(entries[k++], h, nullptr);
      put_bool(entry["has_children"], children > 0);
      mustache_list_items& items = put_list(entry["children"], children);
      size_t c = 0;
      for (size_t j = i + 1; j < headings.size() && headings[j].level != 2; ++j)
        if (headings[j].level == 3) put_entry(items[c++], headings[j], nullptr);
    }
  }
  return count;
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

/// One item of the section navigation: its page, whether its branch is open, and how many lists
/// end after it.
struct NavItem {
  int page;
  bool open;
  int ends;
};

/// One level of the section navigation, flattened into `items` in document order; opens the branch
/// that holds `self`. A list that ends after an item adds one to that item's `ends`.
void append_nav_items(const ContentTree& content, int self, int section, std::vector<NavItem>& items) {
  for (int child : content.pages[section].children) {
    const Page& p = content.pages[child];
    // A page kept out of the menus (`menu: false`, e.g. an old address that now points on) is
    // listed only while it is the page shown.
    if (!in_menus(p) && child != self) continue;
    const bool open = !p.children.empty() && is_ancestor_or_self(content, child, self);
    items.push_back({child, open, 0});
    if (open) {
      append_nav_items(content, self, child, items);
      ++items.back().ends;  // the child's list closes after its last item
    }
  }
}

/// `slot` as section_nav_data(), refilled in place like the page's own data.
void put_section_nav(mustache_data& slot, const ContentTree& content, const Page& page, std::vector<int>& item_pages) {
  item_pages.clear();
  const int top = top_section(content, page);
  if (top < 0 || content.pages[top].children.empty()) return put_bool(slot, false);
  const int self = content.by_source.at(page.source);
  const Page& section = content.pages[top];
  thread_local std::vector<NavItem> items;
  items.clear();
  append_nav_items(content, self, top, items);
  mustache_data& nav = put_object(slot);
  put_text(nav["title"], section.meta.title);
  put_url(nav["url"], page.output, section.output);
  put_bool(nav["current"], top == self);
  mustache_list_items& list = put_list(nav["items"], items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    const Page& p = content.pages[items[i].page];
    item_pages.push_back(items[i].page);
    mustache_data& item = put_object(list[i]);
    put_text(item["title"], p.meta.title);
    put_url(item["url"], page.output, p.output);
    put_bool(item["current"], items[i].page == self);
    put_bool(item["open"], items[i].open);
    if (items[i].ends) put_list(item["ends"], static_cast<size_t>(items[i].ends));  // empty objects
    else put_bool(item["ends"], false);
  }
}

}  // namespace

mustache_data section_nav_data(const ContentTree& content, const Page& page, std::vector<int>* item_pages) {
  std::vector<int> pages;
  mustache_data out{false};
  put_section_nav(out, content, page, item_pages ? *item_pages : pages);
  return out;
}

namespace {

/// Fills `out` with `page`'s own data ({page: …}, docs/templates.md), reusing what it holds.
void fill_page_data(mustache_data& out, const ContentTree& content, const Page& page, const std::string& html) {
  const int self = content.by_source.at(page.source);
  mustache_data& p = put_object(out["page"]);
  put_text(p["title"], page.meta.title);
  put_text(p["description"], page.meta.description);
  put_text(p["content"], html);
  put_text(p["source"], page.source);
  put_url(p["url"], page.output, page.output);
  put_bool(p["is_home"], self == 0);
  put_bool(p["is_section"], page.is_section);
  put_bool(p["has_toc"], put_table_of_contents(p["toc"], page) >= 2);

  size_t depth = 0;
  for (int index = page.parent; index >= 0; index = content.pages[index].parent) ++depth;
  mustache_list_items& crumbs = put_list(p["breadcrumbs"], depth);
  for (int index = page.parent; index >= 0; index = content.pages[index].parent) put_link(crumbs[--depth], content, page, index);
  put_bool(p["has_breadcrumbs"], !crumbs.empty());

  size_t shown = 0;
  for (int index : page.children) shown += in_menus(content.pages[index]);
  mustache_list_items& children = put_list(p["children"], shown);
  shown = 0;
  for (int index : page.children)
    if (in_menus(content.pages[index])) put_link(children[shown++], content, page, index);
  put_bool(p["has_children"], !children.empty());

  mustache_list_items& bronnen = put_list(p["bronnen"], page.meta.bronnen.size());
  for (size_t i = 0; i < bronnen.size(); ++i) put_string(bronnen[i], page.meta.bronnen[i]);
  put_bool(p["has_bronnen"], !bronnen.empty());

  put_text(p["bijgewerkt"], dutch_date(page.meta.bijgewerkt));
  put_text(p["bijgewerkt_iso"], page.meta.bijgewerkt);
  if (page.prev >= 0) put_link(p["prev"], content, page, page.prev);
  else put_bool(p["prev"], false);
  if (page.next >= 0) put_link(p["next"], content, page, page.next);
  else put_bool(p["next"], false);
  p["fields"] = to_mustache(page.meta.fields);
  p["data"] = page.data.is_null() ? mustache_data{mustache_data::type::object} : to_mustache(page.data);
}

}  // namespace

mustache_data page_data(const ContentTree& content, const Page& page, const std::string& html) {
  mustache_data out{mustache_data::type::object};
  fill_page_data(out, content, page, html);
  return out;
}

const mustache_data& PageDataCache::own(const Page& page, const std::string& html, const nlohmann::json& features) {
  // Other feature keys than the last page's (the news page's feed): start afresh, so none stays.
  auto same_keys = [](const nlohmann::json& a, const nlohmann::json& b) {
    if (!a.is_object() || !b.is_object() || a.size() != b.size()) return false;
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
      if (i.key() != j.key()) return false;
    return true;
  };
  if (!same_keys(features, features_)) {
    own_ = mustache_data{mustache_data::type::object};
    features_ = nullptr;
  }
  fill_page_data(own_, content_, page, html);
  if (features != features_) {
    for (const auto& [key, value] : features.items())
      if (key != "page" && (features_.is_null() || features_.at(key) != value)) own_[key] = to_mustache(value);
    features_ = features;
  }
  return own_;
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
    // Refilled in place: every key is set each time, so none of another folder's stays.
    const std::string root = root_prefix(page.output);
    mustache_data& site = put_object(chrome_["site"]);
    put_text(site["title"], config_.site.title.empty() ? home.meta.title : config_.site.title);
    put_text(site["description"], home.meta.description);
    put_string(site["language"], config_.site.language);
    put_text(chrome_["root"], root);
    put_url(chrome_["home_url"], page.output, home.output);
    mustache_data& asset_urls = put_object(chrome_["assets"]);
    for (const auto& [name, output] : assets_.keys.items()) put_joined(asset_urls[name], root, output.get_ref<const std::string&>());
    size_t shown = 0, footer = 0;
    for (int index : home.children) shown += in_menus(content.pages[index]), footer += in_footer(content.pages[index]);
    mustache_list_items& nav = put_list(chrome_["nav"], shown);
    mustache_list_items& footer_nav = put_list(chrome_["footer_nav"], footer);
    shown = footer = 0;
    for (int index : home.children) {
      const Page& to = content.pages[index];
      if (in_footer(to)) put_link(footer_nav[footer++], content, page, index);
      if (!in_menus(to)) continue;
      mustache_data& item = put_object(nav[shown++]);
      put_text(item["title"], to.meta.title);
      put_url(item["url"], page.output, to.output);
      put_text(item["description"], to.meta.description);
      put_bool(item["current"], index == self);
      put_bool(item["active"], index == top);
    }
    // wijzer.yaml: the site's language and (when set) its title; the interface's labels.
    mustache_data& labels = put_object(chrome_["labels"]);
    for (const auto& [name, text] : config_.labels) put_string(labels[name], text);
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
    put_section_nav(chrome_["section_nav"], content, page, nav_pages_);
    nav_self_ = self;
  } else if (auto* section = const_cast<mustache_data*>(chrome_.get("section_nav"));
             nav_self_ != self && section && section->is_object()) {
    auto& items = const_cast<kainjow::mustache::basic_list<std::string>&>(section->get("items")->list_value());
    for (size_t i = 0; i < nav_pages_.size() && i < items.size(); ++i)
      if (nav_pages_[i] == nav_self_ || nav_pages_[i] == self) items[i]["current"] = mustache_data{nav_pages_[i] == self};
    (*section)["current"] = mustache_data{top == self};
    nav_self_ = self;
  }
  // One layer: each layer a name is not in costs its lookup a miss.
  return {&chrome_};
}

}  // namespace wijzer
