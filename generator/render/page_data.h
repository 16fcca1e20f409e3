#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "assets.h"
#include "config.h"
#include "content.h"
#include "templates.h"

namespace wijzer {

/// A page's own data for templates (docs/templates.md): `page` (title, content, table of
/// contents, breadcrumbs, children, …). What pages share is in the layers of PageDataCache; a
/// template sees the page's data on top of them, as one object.
mustache_data page_data(const ContentTree& content, const Page& page, const std::string& html);

/// The data many pages share, built once per folder instead of once per page (a large site's
/// pages are mostly alike here, and kainjow's data is costly to build and to free). One per
/// worker thread; valid while the content, assets and configuration stay as they are.
class PageDataCache {
 public:
  PageDataCache(const ContentTree& content, const AssetManifest& assets, const Config& config);
  /// The layers under `page`'s own data, bottom first: one, the chrome (`site`, `root`,
  /// `home_url`, `assets`, `nav`, `footer_nav`, `labels`) and `section_nav`. Valid until the next
  /// call.
  std::vector<const mustache_data*> layers(const Page& page);
  /// page_data(page, html) and, beside `page`, the features' keys for templates (`features`, a
  /// JSON object: page_css, nieuw, …; never `page`), refilled in place: what the last page's data
  /// holds is reused, so a page's values mostly go where the last page's were instead of into new
  /// allocations, and a feature's key is converted again only when its JSON changed. Valid until
  /// the next call.
  const mustache_data& own(const Page& page, const std::string& html, const nlohmann::json& features);

 private:
  const ContentTree& content_;
  const AssetManifest& assets_;
  const Config& config_;
  std::string chrome_key_;
  mustache_data chrome_{mustache_data::type::object};
  std::string nav_key_;
  std::vector<int> nav_pages_;                      ///< the page of each item of chrome_'s section_nav
  int nav_self_ = -1;                               ///< the page section_nav marks as current
  mustache_data own_{mustache_data::type::object};  ///< own()'s data, refilled page after page
  nlohmann::json features_;                          ///< the features' keys own_ holds now
};

/// The section navigation of `page` as data for templates/layout/section-nav.mustache (false on the
/// home page and in a section without pages): the top section (`title`, `url`, `current`) and
/// `items`, the children of every section on the way down to the page, flattened in document order
/// (`title`, `url`, `current`, `open`: its children follow; `ends`: one entry per list that ends
/// after it). Flat, because partials are inlined and cannot recurse. `item_pages`, when given, gets
/// the page of each item, in order.
mustache_data section_nav_data(const ContentTree& content, const Page& page, std::vector<int>* item_pages = nullptr);

}  // namespace wijzer
