#include "page_data.h"

#include <functional>

#include "frontmatter.h"
#include "paths.h"
#include "text.h"

namespace wijzer {
namespace {

using nlohmann::json;

json link(const ContentTree& content, const Page& from, int index) {
  const Page& to = content.pages[index];
  return {{"title", to.meta.title}, {"url", relative_url(from.output, to.output)}, {"description", to.meta.description}};
}

json table_of_contents(const Page& page) {
  json toc = json::array();
  for (const Heading& h : page.headings) {
    if (h.level == 2) {
      toc.push_back({{"text", h.text}, {"anchor", h.anchor}, {"children", json::array()}});
    } else if (h.level == 3) {
      json entry = {{"text", h.text}, {"anchor", h.anchor}};
      if (toc.empty()) toc.push_back(entry);  // an h3 before any h2 stands on its own
      else toc.back()["children"].push_back(entry);
    }
  }
  for (auto& entry : toc) entry["has_children"] = entry.contains("children") && !entry["children"].empty();
  return toc;
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

std::string section_nav_html(const ContentTree& content, const Page& page) {
  const int top = top_section(content, page);
  if (top < 0 || content.pages[top].children.empty()) return "";
  const int self = content.by_source.at(page.source);
  std::string out;
  std::function<void(int)> list = [&](int section) {
    out += "<ul>";
    for (int child : content.pages[section].children) {
      const Page& p = content.pages[child];
      out += "<li><a href=\"" + html_escape(relative_url(page.output, p.output)) + "\"";
      if (child == self) out += " aria-current=\"page\"";
      out += ">" + html_escape(p.meta.title) + "</a>";
      if (!p.children.empty() && is_ancestor_or_self(content, child, self)) list(child);
      out += "</li>";
    }
    out += "</ul>";
  };
  const Page& section = content.pages[top];
  out += "<a class=\"sectienav__kop\" href=\"" + html_escape(relative_url(page.output, section.output)) + "\"";
  if (top == self) out += " aria-current=\"page\"";
  out += ">" + html_escape(section.meta.title) + "</a>";
  list(top);
  return out;
}

json page_data(const ContentTree& content, const Page& page, const std::string& html, const AssetManifest& assets) {
  const Page& home = content.pages[0];
  const int self = content.by_source.at(page.source);
  const std::string root = root_prefix(page.output);

  json asset_urls = json::object();
  for (const auto& [key, output] : assets.keys.items()) asset_urls[key] = root + output.get<std::string>();

  json nav = json::array();
  const int top = top_section(content, page);
  for (int index : home.children) {
    json item = link(content, page, index);
    item["current"] = index == self;
    item["active"] = index == top;
    nav.push_back(item);
  }

  json crumbs = json::array();
  for (int index = page.parent; index >= 0; index = content.pages[index].parent)
    crumbs.insert(crumbs.begin(), link(content, page, index));

  json children = json::array();
  for (int index : page.children) children.push_back(link(content, page, index));

  json toc = table_of_contents(page);
  json bronnen = page.meta.bronnen;

  json data = {
      {"site", {{"title", home.meta.title}, {"description", home.meta.description}}},
      {"root", root},
      {"home_url", relative_url(page.output, home.output)},
      {"assets", asset_urls},
      {"nav", nav},
      {"section_nav", section_nav_html(content, page)},
      {"page_css", json::array()},  // features add stylesheet URLs a page needs
      {"page_js", json::array()},   // and classic scripts (loaded with defer)
      {"page",
       {{"title", page.meta.title},
        {"description", page.meta.description},
        {"content", html},
        {"source", page.source},
        {"url", relative_url(page.output, page.output)},
        {"is_home", self == 0},
        {"is_section", page.is_section},
        {"toc", toc},
        {"has_toc", toc.size() >= 2},
        {"breadcrumbs", crumbs},
        {"has_breadcrumbs", !crumbs.empty()},
        {"children", children},
        {"has_children", !children.empty()},
        {"bronnen", bronnen},
        {"has_bronnen", !bronnen.empty()},
        {"bijgewerkt", dutch_date(page.meta.bijgewerkt)},
        {"bijgewerkt_iso", page.meta.bijgewerkt},
        {"prev", page.prev >= 0 ? link(content, page, page.prev) : json(false)},
        {"next", page.next >= 0 ? link(content, page, page.next) : json(false)},
        {"fields", page.meta.fields},
        {"data", page.data.is_null() ? json::object() : page.data}}},
  };
  return data;
}

}  // namespace wijzer
