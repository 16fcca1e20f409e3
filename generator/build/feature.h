#pragma once
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "assets.h"
#include "content.h"
#include "diagnostics.h"
#include "output.h"
#include "source.h"

namespace wijzer {

class Markdown;

/// What every feature may read while pages render.
struct BuildContext {
  const SourceTree& tree;
  const ContentTree& content;
  const AssetManifest& assets;
};

/// A part of the portal built from data in content/ (glossary, flows, forms, search…).
/// The build calls the stages in order; a feature whose data is absent does nothing, so a plain
/// folder of markdown still builds.
class Feature {
 public:
  virtual ~Feature() = default;
  /// Reads and checks the feature's data; may add generated pages (see add_page) or set
  /// templates of existing pages. Runs once, before the tree is ordered.
  virtual void load(const SourceTree& tree, ContentTree& content, Diagnostics& diags) = 0;
  /// Changes a markdown page's syntax tree before it is rendered. Runs in parallel.
  virtual void transform(const BuildContext&, const Page&, Markdown&, Diagnostics&) const {}
  /// Adds top-level template data for a page: `data` starts as {"page_css": [], "page_js": []}
  /// (URLs of stylesheets and scripts the page needs); keys set here sit beside `page`, `nav`…
  /// in the template data. Runs in parallel.
  virtual void extend(const BuildContext&, const Page&, nlohmann::json& data) const { (void)data; }
  /// Runs once all pages are rendered: late checks, extra files (indexes, test vectors).
  virtual void finish(const BuildContext&, OutputSink&, Diagnostics&) {}
};

}  // namespace wijzer
