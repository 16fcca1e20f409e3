#include "portal.h"

#include "flows.h"
#include "forms.h"
#include "glossary.h"
#include "search.h"

namespace wijzer {

std::vector<std::unique_ptr<Feature>> portal_features() {
  std::vector<std::unique_ptr<Feature>> features;
  features.push_back(std::make_unique<Search>());  // first: indexes the text before others change it
  features.push_back(std::make_unique<Glossary>());
  features.push_back(std::make_unique<Forms>());
  features.push_back(std::make_unique<Flows>());
  return features;
}

BuildStats build_site(const SourceTree& tree, OutputSink& sink, Diagnostics& diags, unsigned threads) {
  return build_site(tree, sink, diags, portal_features(), threads);
}

}  // namespace wijzer
