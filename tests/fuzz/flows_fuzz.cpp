// Fuzz target: a stroomschema definition (content/stroomschema/f.json, or .yaml when the input
// does not start with '{') through the Flows feature: reading, checks, paths, the wizard, node and
// diagram pages' HTML (their data rendered by the portal's templates/wizard/ and templates/diagram/), the test vectors (run_feature in fuzz_site.h; whole builds: the site target).
#include "flows.h"
#include "fuzz_site.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wijzer;
  const std::string text = fuzz::input(data, size);
  // One page for links to point at (../gids/stap.md): load_content starts no thread for one page.
  MemoryTree tree;
  tree.set("content/gids/stap.md", "---\ntitle: Stap\n---\n## Eerste stap\n\nTekst.\n");
  tree.set(!text.empty() && text[0] == '{' ? "content/stroomschema/f.json" : "content/stroomschema/f.yaml", text);
  Flows flows;
  flows.set_diagram_layout(false);  // Graphviz's layout: slower than the whole rest of a build
  fuzz::run_feature(tree, flows);
  return 0;
}
