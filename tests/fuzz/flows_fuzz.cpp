// Fuzz target: a stroomschema definition (content/stroomschema/f.json, or .yaml when the input
// does not start with '{') through a whole build with the Flows feature.
#include "flows.h"
#include "fuzz_site.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wijzer;
  const std::string text = fuzz::input(data, size);
  MemoryTree tree = fuzz::base_tree();
  tree.set(!text.empty() && text[0] == '{' ? "content/stroomschema/f.json" : "content/stroomschema/f.yaml", text);
  std::vector<std::unique_ptr<Feature>> features;
  features.push_back(std::make_unique<Flows>());
  fuzz::build_and_check(tree, std::move(features));
  return 0;
}
