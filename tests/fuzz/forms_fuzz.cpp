// Fuzz target: a form definition (content/gids/urencalculator.form.json, shown by a page) through
// a whole build with the Forms feature: structure, rules, worked examples, HTML.
#include "forms.h"
#include "fuzz_site.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wijzer;
  MemoryTree tree = fuzz::base_tree();
  tree.set("content/gids/urencalculator.form.json", fuzz::input(data, size));
  tree.set("content/gids/rekenen.md", "---\ntitle: Rekenen\nformulier: urencalculator\n---\nReken het uit.\n");
  std::vector<std::unique_ptr<Feature>> features;
  features.push_back(std::make_unique<Forms>());
  fuzz::build_and_check(tree, std::move(features));
  return 0;
}
