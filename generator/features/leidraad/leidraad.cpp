#include "leidraad.h"

#include <map>

#include "audience.h"
#include "leidraad_html.h"
#include "markdown.h"
#include "component_page.h"
#include "paths.h"
#include "templates.h"

namespace wijzer {
namespace {

constexpr const char* kPageSource = "leidraad.md";

bool included(const ContentTree& content, const Config& config, int index) {
  const Page& page = content.pages[index];
  return !page.generated && !page.hidden && !page.meta.draft && !for_clients(content, index) &&
         !page.meta.fields.contains(config.forms.field) && page.source != config.glossary.page;
}

/// Depth-first through the tree below `index`, numbering the included pages.
void walk(const ContentTree& content, const Config& config, int index, const std::string& number, int level,
          std::vector<Leidraad::Part>& out) {
  out.push_back({index, number, level});
  int n = 0;
  for (int child : content.pages[index].children) {
    if (!included(content, config, child)) continue;
    walk(content, config, child, number + "." + std::to_string(++n), 3, out);
  }
}

/// The anchor a part's title gets ("d7"): ids of templates and pages never look like this.
std::string part_id(size_t i) {
  std::string id = "d";
  id += std::to_string(i + 1);
  return id;
}

/// Strips a URL's "#fragment" into `fragment`.
std::string split_fragment(const std::string& url, std::string& fragment) {
  const size_t hash = url.find('#');
  fragment = hash == std::string::npos ? "" : url.substr(hash + 1);
  return hash == std::string::npos ? url : url.substr(0, hash);
}

bool external(const std::string& url) {
  const size_t colon = url.find(':');
  return colon != std::string::npos && url.find('/') > colon;  // a scheme: https:, mailto:, tel:
}

}  // namespace

std::vector<Leidraad::Part> leidraad_parts(const ContentTree& content, const Config& config) {
  std::vector<Leidraad::Part> out;
  if (content.pages.empty()) return out;
  int n = 0;
  for (int top : content.pages[0].children)
    if (content.pages[top].is_section && included(content, config, top))
      walk(content, config, top, std::to_string(++n), 2, out);
  return out;
}

void Leidraad::load(LoadContext& ctx) {
  enabled_ = ctx.tree.read("templates/leidraad.mustache").has_value();
  if (!enabled_) return;
  Page page = component_page(ctx.tree, kPageSource, "leidraad");
  page.reads_bodies = true;  // shows every page's body: rendered again after any body edit
  Diagnostics again;  // the pipeline reports the templates' problems itself
  snippets_ = load_templates(ctx.tree, again).snippets;
  if (!add_page(ctx.content, std::move(page), ctx.diags)) enabled_ = false;
}

void Leidraad::extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot&) const {
  if (!enabled_) return;
  const std::string root = root_prefix(page.output);
  data["leidraad"] = {{"url", root + output_path_for(kPageSource)}};
  if (page.source != kPageSource) return;
  if (auto css = ctx.assets.output_of("leidraad/leidraad.css"); !css.empty()) data["page_css"].push_back(root + css);

  const std::vector<Part> parts = leidraad_parts(ctx.content, ctx.config);
  std::map<int, size_t> part_of;  // page index → part
  for (size_t i = 0; i < parts.size(); ++i) part_of[parts[i].page] = i;
  std::map<std::string, std::string> number_of;  // part id → its number
  for (size_t i = 0; i < parts.size(); ++i) number_of[part_id(i)] = parts[i].number;
  auto reference = [&](const std::string& target) {
    const std::string id = target.substr(0, target.find('-'));
    auto it = number_of.find(id);
    return it == number_of.end() ? std::string() : " (§ " + it->second + ")";
  };

  nlohmann::json list = nlohmann::json::array();
  for (size_t i = 0; i < parts.size(); ++i) {
    const Page& source = ctx.content.pages[parts[i].page];
    std::string html;
    bool parse = true;
    for (const MarkdownProblem& p : check_markdown_input(source.body)) parse = parse && !p.error;
    if (parse) {  // a page with an input error is reported where it renders itself
      Markdown md(source.body, &snippets_);
      const std::vector<Heading> headings = md.take_headings();
      md.neutralize_raw_html([](int, int) {});
      md.rewrite_links([&](const std::string& url, int, int, bool) -> std::string {
        if (url.empty() || external(url)) return url;
        std::string fragment;
        const std::string path = split_fragment(url, fragment);
        if (path.empty()) return url;  // "#x": this page's own heading, prefixed below
        const auto resolved = resolve_relative(source.source, path);
        if (!resolved) return url;
        const int target = ctx.content.lookup(*resolved);
        if (target >= 0) {
          if (auto it = part_of.find(target); it != part_of.end())
            return std::string("#") + kDocumentLink + part_id(it->second) + (fragment.empty() ? "" : "-" + fragment);
          return relative_url(page.output, ctx.content.pages[target].output) + (fragment.empty() ? "" : "#" + fragment);
        }
        return relative_url(page.output, *resolved);  // a file beside the pages (a PDF, an image)
      });
      // Body headings go under the part's title: h2 → one level below it.
      html = into_document(md.render(headings), parts[i].level - 1, part_id(i), " (§ " + parts[i].number + ")", reference);
    }
    list.push_back({{"id", part_id(i)},
                    {"number", parts[i].number},
                    {"title", source.meta.title},
                    {"description", source.meta.description},
                    {"url", relative_url(page.output, source.output)},
                    {"top", parts[i].level == 2},
                    {"html", html}});
  }
  data["leidraad"]["parts"] = list;
  data["leidraad"]["count"] = std::to_string(parts.size());
}

}  // namespace wijzer
