#include "feature.h"
#include "glossary.h"

namespace wijzer {

std::vector<std::unique_ptr<Feature>> portal_features() {
  std::vector<std::unique_ptr<Feature>> features;
  features.push_back(std::make_unique<Glossary>());
  return features;
}

}  // namespace wijzer
