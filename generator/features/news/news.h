// "Wat is er nieuw": the pages with a `bijgewerkt` date, newest first, and an Atom feed of them.
#pragma once
#include <string>
#include <vector>

#include "feature.h"

namespace wijzer {

/// Adds nieuw.html (template `nieuw`: `page.data.months`, each `month` and its `pages` with
/// `title`, `url`, `section`, `date`, `date_iso`, `description`) and writes nieuw.xml, an Atom feed
/// of the same pages; the page gets `feed` (`url`) for its `<link rel="alternate">`. On when
/// templates/nieuw.mustache exists.
class News : public Feature {
 public:
  /// One changed page, in the order the page and the feed list them.
  struct Change {
    int page = -1;
    std::string date;     ///< ISO
    std::string section;  ///< title of its top-level section ("" for a top-level page)
  };

  void load(LoadContext& ctx) override;
  void extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot& out) const override;
  void finish(const BuildContext& ctx, const PageContributions& pages, OutputSink& sink, Diagnostics& diags) override;

 private:
  bool enabled_ = false;
  std::string feed_title_;
};

/// The pages with a `bijgewerkt` date, newest first (then by section and title), drafts and
/// hidden pages left out.
std::vector<News::Change> changes(const ContentTree& content);

}  // namespace wijzer
