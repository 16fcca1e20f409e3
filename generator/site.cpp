#include "site.h"

#include <memory>

#include "assets.h"
#include "content.h"
#include "feature.h"
#include "links.h"
#include "markdown.h"
#include "page_data.h"
#include "parallel.h"
#include "templates.h"

namespace wijzer {
namespace {

using Features = std::vector<std::unique_ptr<Feature>>;

/// Drops spaces that template indentation leaves at line ends, except inside <pre>.
std::string trim_line_ends(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  size_t pos = 0;
  while (pos < html.size()) {
    size_t pre = html.find("<pre", pos);
    size_t stop = pre == std::string::npos ? html.size() : pre;
    // Copy line by line up to the next <pre>, trimming each line's end.
    while (pos < stop) {
      size_t eol = html.find('\n', pos);
      if (eol == std::string::npos || eol >= stop) {
        out.append(html, pos, stop - pos);
        pos = stop;
        break;
      }
      size_t end = eol;
      while (end > pos && (html[end - 1] == ' ' || html[end - 1] == '\t')) --end;
      out.append(html, pos, end - pos);
      out += '\n';
      pos = eol + 1;
    }
    if (pre == std::string::npos) break;
    size_t close = html.find("</pre>", pre);
    close = close == std::string::npos ? html.size() : close + 6;
    out.append(html, pre, close - pre);
    pos = close;
  }
  return out;
}

std::string template_for(const Page& page, const TemplateSources& templates) {
  if (!page.meta.template_name.empty()) return page.meta.template_name;
  if (page.source == "_index.md" && templates.templates.count("home")) return "home";
  return page.is_section ? "section" : "page";
}

void check_templates(const ContentTree& content, const TemplateSources& templates, Diagnostics& diags) {
  for (const Page& page : content.pages) {
    const std::string name = template_for(page, templates);
    if (!templates.templates.count(name) && !templates.broken.count(name))
      diags.error(page.file, 1, 1, "template '" + name + "' bestaat niet (verwacht templates/" + name + ".mustache)");
  }
}

/// Markdown → HTML with checked links, then the page template. Sets the page's own headings;
/// reads no other page's, so pages render in parallel.
std::string markdown_html(const BuildContext& ctx, Page& page, const LinkResolver& links,
                          const TemplateSources& sources, const Features& features, Diagnostics& diags,
                          std::vector<AnchorCheck>& anchor_checks) {
  Markdown md(page.body);
  page.headings = md.take_headings(sources.ids);
  for (const auto& h : page.headings) page.anchors.insert(h.anchor);
  md.neutralize_raw_html([&](int line, int col) {
    diags.warning(page.file, page.body_line + line - 1, col,
                  "ruwe HTML is niet toegestaan en wordt als tekst getoond");
  });
  md.rewrite_links([&](const std::string& url, int line, int col, bool is_image) {
    return links.resolve(page, url, line, col, is_image, diags, anchor_checks);
  });
  for (const auto& feature : features) feature->transform(ctx, page, md, diags);
  return md.render(page.headings);
}

std::string render_page(const BuildContext& ctx, Page& page, const LinkResolver& links,
                        const TemplateSources& sources, TemplateSet& templates, const Features& features,
                        Diagnostics& diags, std::vector<AnchorCheck>& anchor_checks) {
  const std::string html =
      page.generated ? page.html : markdown_html(ctx, page, links, sources, features, diags, anchor_checks);
  const std::string name = template_for(page, sources);
  if (!templates.has(name)) return "";
  mustache_data data = page_data(ctx.content, page, html, ctx.assets);
  nlohmann::json extra = {{"page_css", nlohmann::json::array()}, {"page_js", nlohmann::json::array()}};
  for (const auto& feature : features) feature->extend(ctx, page, extra);
  for (const auto& [key, value] : extra.items()) {
    data.set(key, mustache_data{false});
    *const_cast<mustache_data*>(data.get(key)) = to_mustache(value);
  }
  return trim_line_ends(templates.render(name, data));
}

}  // namespace

BuildStats build_site(const SourceTree& tree, OutputSink& sink, Diagnostics& diags, unsigned threads) {
  return build_site(tree, sink, diags, portal_features(), threads);
}

BuildStats build_site(const SourceTree& tree, OutputSink& sink, Diagnostics& diags,
                      std::vector<std::unique_ptr<Feature>> features, unsigned threads) {
  BuildStats stats;
  ContentTree content = load_content(tree, diags);
  for (auto& feature : features) feature->load(tree, content, diags);
  order_tree(content);
  const TemplateSources sources = load_templates(tree, diags);
  const AssetManifest assets = load_assets(tree, diags);
  check_templates(content, sources, diags);
  const BuildContext ctx{tree, content, assets};

  const LinkResolver links(content);
  std::vector<std::unique_ptr<TemplateSet>> workers;
  for (unsigned w = 0; w < worker_count(threads); ++w) workers.push_back(std::make_unique<TemplateSet>(sources));
  std::vector<std::vector<AnchorCheck>> anchor_checks(content.pages.size());
  parallel_for(content.pages.size(), threads, [&](size_t i, unsigned worker) {
    Page& page = content.pages[i];
    std::string html = render_page(ctx, page, links, sources, *workers[worker], features, diags, anchor_checks[i]);
    if (!html.empty()) sink.write(page.output, html);
  });
  for (size_t i = 0; i < content.pages.size(); ++i) links.check_anchors(content.pages[i], anchor_checks[i], diags);
  for (auto& feature : features) feature->finish(ctx, sink, diags);
  stats.pages = content.pages.size();

  for (const auto& asset : assets.files) sink.write(asset.output, asset.bytes);
  for (const auto& file : content.static_files)
    if (auto bytes = tree.read("content/" + file)) sink.write(file, *bytes);
  stats.files = stats.pages + assets.files.size() + content.static_files.size();
  return stats;
}

}  // namespace wijzer
