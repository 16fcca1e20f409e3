// Fuzz target: a whole source tree through build_site with every portal feature (present and
// future). The input is a small archive: each file starts with a line "=== PATH" (PATH relative
// to the source root, e.g. content/begrippen/begrippen.json); it is added to the base site.
#include "content.h"
#include "flows.h"
#include "fuzz_site.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wijzer;
  const std::string text = fuzz::input(data, size);
  fuzz::OverlayTree tree;
  // Templates and site-assets/ are the site owner's code and may hold any script (a page in
  // site-assets/ is copied as it is); the oracle judges what content makes of them, so an input
  // that changes a template or adds such a page is checked for crashes only.
  bool owner_code_changed = false;
  size_t pos = text.rfind("=== ", 0) == 0 ? 0 : text.find("\n=== ");
  if (pos != 0 && pos != std::string::npos) ++pos;
  while (pos != std::string::npos && pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) break;
    std::string path = text.substr(pos + 4, eol - pos - 4);
    size_t next = text.find("\n=== ", eol);
    std::string body = text.substr(eol + 1, next == std::string::npos ? std::string::npos : next + 1 - (eol + 1));
    // Paths stay inside the tree, like files on disk would.
    if (!path.empty() && path.find("..") == std::string::npos && path[0] != '/' && path.find("//") == std::string::npos &&
        path.back() != '/') {
      tree.set(path, body);
      owner_code_changed = owner_code_changed || path.rfind("templates/", 0) == 0 ||
                           (path.rfind("site-assets/", 0) == 0 && runs_as_page_or_script(path));
    }
    pos = next == std::string::npos ? next : next + 1;
  }
  auto features = portal_features();
  for (auto& feature : features)
    if (auto* flows = dynamic_cast<Flows*>(feature.get())) flows->set_diagram_layout(false);  // see flows_fuzz.cpp
  fuzz::build_and_check(tree, std::move(features), !owner_code_changed);
  return 0;
}
