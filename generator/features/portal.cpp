#include "portal.h"

#include "flows.h"
#include "forms.h"
#include "glossary.h"
#include "handreiking.h"
#include "search.h"

namespace wijzer {

std::vector<std::unique_ptr<Feature>> portal_features() {
  std::vector<std::unique_ptr<Feature>> features;
  // The handreiking first: its load adds markdown pages (Search's load counts every page's text)
  // and a form definition that Forms reads in its load.
  auto generated_forms = std::make_shared<GeneratedForms>();
  features.push_back(std::make_unique<Handreiking>(generated_forms));
  features.push_back(std::make_unique<Search>());  // before the others: indexes the text before they change it
  features.push_back(std::make_unique<Glossary>());
  features.push_back(std::make_unique<Forms>(generated_forms));
  features.push_back(std::make_unique<Flows>());
  return features;
}

BuildStats build_site(const SourceTree& tree, OutputSink& sink, Diagnostics& diags, unsigned threads) {
  return build_site(tree, sink, diags, portal_features(), threads);
}

}  // namespace wijzer
