// "De hele leidraad": every professional page in one document, to print (docs/offline.md).
#pragma once
#include <string>
#include <vector>

#include "feature.h"
#include "snippet.h"

namespace wijzer {

/// Adds leidraad.html (template `leidraad`): the leidraad's pages in reading order, each numbered
/// ("3.2") with its body below its title, headings shifted under it, ids made unique, links
/// between included pages turned into in-document links followed by "(§ 3.2)". Left out: the home
/// page, top-level pages, client pages, pages with a form, generated pages (flows' steps,
/// search), the glossary page. On when templates/leidraad.mustache exists.
class Leidraad : public Feature {
 public:
  /// One page in the document.
  struct Part {
    int page = -1;
    std::string number;  ///< "3.2"
    int level = 2;       ///< heading level of its title: 2 for a top-level section, 3 below
  };

  void load(LoadContext& ctx) override;
  void extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot& out) const override;

 private:
  bool enabled_ = false;
  /// The site's markdown snippets (tables, task boxes, footnote labels): the parts look as the
  /// pages do.
  Snippets snippets_;
};

/// The pages the document holds, in reading order, numbered.
std::vector<Leidraad::Part> leidraad_parts(const ContentTree& content, const Config& config);

}  // namespace wijzer
