#include "portal.h"

#include "build_info.h"
#include "flows.h"
#include "forms.h"
#include "glossary.h"
#include "handreiking.h"
#include "leidraad.h"
#include "news.h"
#include "offline.h"
#include "plain.h"
#include "release.h"
#include "search.h"

namespace wijzer {

std::vector<std::unique_ptr<Feature>> portal_features() {
  std::vector<std::unique_ptr<Feature>> features;
  // Order is free but for one rule: the handreiking comes first, as its load inserts markdown pages
  // at their place in the page order (add_markdown_page), which must happen before any other
  // feature keeps a page index. Forms consumes its GeneratedForms, so it loads after it anyway.
  features.push_back(std::make_unique<Handreiking>());
  // The pipeline loads Glossary before Search (Search consumes GlossaryModel), and
  // Search reads pages in read(), before any feature's transform changes them.
  features.push_back(std::make_unique<Glossary>());
  features.push_back(std::make_unique<Search>());
  // Plain consumes GlossaryModel too; it only warns.
  features.push_back(std::make_unique<Plain>());
  features.push_back(std::make_unique<Forms>());
  features.push_back(std::make_unique<Flows>());
  // The version and content date in every page's footer (template data `release`).
  features.push_back(std::make_unique<Release>(wijzer_version()));
  // Offline and News only add a page each and read front matter.
  features.push_back(std::make_unique<Offline>());
  features.push_back(std::make_unique<News>());
  features.push_back(std::make_unique<Leidraad>());
  return features;
}

BuildStats build_site(const SourceTree& tree, OutputSink& sink, Diagnostics& diags, unsigned threads, BuilderEnd end) {
  return build_site(tree, sink, diags, portal_features(), threads, end);
}

}  // namespace wijzer
