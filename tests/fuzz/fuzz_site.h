// Builds the base site (fuzz_common.h) with extra files through build_site into memory and runs
// the security oracle on every page; or runs one feature on its own (run_feature).
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "assets.h"
#include "feature.h"
#include "fuzz_common.h"
#include "output.h"
#include "page_data.h"
#include "templates.h"
#include "portal.h"
#include "site.h"

namespace wijzer::fuzz {

/// Keeps the pages only: the oracle reads nothing else, and copying every asset per run costs.
class PageSink : public OutputSink {
 public:
  void write(const std::string& path, const std::string& bytes) override {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) return;
    std::lock_guard lock(mutex_);
    files[path] = bytes;
  }
  std::map<std::string, std::string> files;

 private:
  std::mutex mutex_;
};

inline void build_and_check(const SourceTree& tree, std::vector<std::unique_ptr<Feature>> features,
                            bool check_html = true) {
  Diagnostics diags;
  PageSink sink;
  build_site(tree, sink, diags, std::move(features), 1);
  for (const auto& d : diags.sorted()) (void)format_diagnostic(d);
  if (!check_html) return;
  // Most pages come out the same from one input to the next (the base site, generated pages):
  // a page checked clean before is not scanned again.
  static std::unordered_set<size_t> clean;
  if (clean.size() > 200000) clean.clear();
  for (const auto& [path, bytes] : sink.files) {
    const size_t hash = std::hash<std::string>{}(bytes);
    if (clean.count(hash)) continue;
    if (const char* what = unsafe_html(bytes, true)) finding(what, bytes);
    clean.insert(hash);
  }
}

/// The HTML a feature hands to templates: every "html" value in `data`, at any depth.
inline void check_html_values(const nlohmann::json& data) {
  if (data.is_object()) {
    for (const auto& [key, value] : data.items()) {
      if (key == "html" && value.is_string()) {
        if (const char* what = unsafe_html(value.get<std::string>(), true)) finding(what, value.get<std::string>());
      } else {
        check_html_values(value);
      }
    }
  } else if (data.is_array()) {
    for (const auto& value : data) check_html_values(value);
  }
}

/// One feature on its own, as a build runs it but without page templates or markdown rendering
/// (~100 times faster under the sanitizers; whole builds are the site target's): content,
/// load, each generated page's HTML (its content template rendered, if it has one) and each page's template data through the oracle, finish.
inline void run_feature(const MemoryTree& tree, Feature& feature) {
  static const AssetManifest assets = [] {
    Diagnostics ignored;
    return load_assets(base_tree_ref(), ignored);
  }();
  // The portal's templates: a generated page's content may be rendered by one (content_template).
  static const TemplateSources sources = [] {
    Diagnostics ignored;
    return load_templates(base_tree_ref(), ignored);
  }();
  static TemplateSet templates(sources);
  Diagnostics diags;
  ContentTree content = load_content(tree, diags);
  Models models;
  const Config config;
  {
    std::vector<std::string> bodies;  // load() sees no bodies, as in a build
    for (Page& page : content.pages) bodies.push_back(std::exchange(page.body, std::string()));
    LoadContext load(tree, config, content, models, diags, feature.provides(), feature.consumes());
    feature.load(load);
    for (size_t i = 0; i < bodies.size(); ++i) content.pages[i].body = std::move(bodies[i]);
  }
  order_tree(content);
  const BuildContext ctx{tree, config, content, assets};
  std::vector<ContributionSlot> slots(content.pages.size());
  PageDataCache shared(content, assets, config);
  for (size_t i = 0; i < content.pages.size(); ++i) {
    Page& page = content.pages[i];
    if (page.generated && !page.content_template.empty() && templates.has(page.content_template))
      page.html = templates.render(page.content_template, shared.layers(page), page_data(content, page, ""));
    if (page.generated)
      if (const char* what = unsafe_html(page.html, true)) finding(what, page.html);
    nlohmann::json data = {{"page_css", nlohmann::json::array()}, {"page_js", nlohmann::json::array()}};
    feature.extend(ctx, page, data, slots[i]);
    check_html_values(data);
  }
  MemorySink sink;
  feature.finish(ctx, PageContributions(slots), sink, diags);
  for (const auto& d : diags.sorted()) (void)format_diagnostic(d);
}

}  // namespace wijzer::fuzz
