#include "portal.h"

#include "flows.h"
#include "forms.h"
#include "glossary.h"
#include "search.h"

namespace wijzer {

std::vector<std::unique_ptr<Feature>> portal_features() {
  std::vector<std::unique_ptr<Feature>> features;
  // Order is free: the pipeline loads Glossary before Search (Search consumes GlossaryModel), and
  // Search reads pages in read(), before any feature's transform changes them.
  features.push_back(std::make_unique<Glossary>());
  features.push_back(std::make_unique<Search>());
  features.push_back(std::make_unique<Forms>());
  features.push_back(std::make_unique<Flows>());
  return features;
}

BuildStats build_site(const SourceTree& tree, OutputSink& sink, Diagnostics& diags, unsigned threads) {
  return build_site(tree, sink, diags, portal_features(), threads);
}

}  // namespace wijzer
