// Fuzz target: a form definition (content/gids/urencalculator.form.json, shown by a page) through
// the Forms feature: structure, rules, worked examples, the form's HTML (run_feature in
// fuzz_site.h; whole builds: the site target).
#include "forms.h"
#include "fuzz_site.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wijzer;
  MemoryTree tree;  // one page: load_content starts no thread for a single page
  tree.set("content/gids/urencalculator.form.json", fuzz::input(data, size));
  tree.set("content/gids/rekenen.md", "---\ntitle: Rekenen\nformulier: urencalculator\n---\nReken het uit.\n");
  Forms forms;
  fuzz::run_feature(tree, forms);
  return 0;
}
