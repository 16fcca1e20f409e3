#include "component_page.h"

namespace wijzer {

std::string template_text(const SourceTree& tree, const std::string& path) {
  std::string text = tree.read(path).value_or("");
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

Page component_page(const SourceTree& tree, const std::string& source, const std::string& component) {
  Page page;
  page.source = source;
  page.output = output_path_for(source);
  page.file = "content/" + source;
  page.generated = true;
  page.hidden = true;
  page.meta.title = template_text(tree, "templates/" + component + "/title.mustache");
  page.meta.description = template_text(tree, "templates/" + component + "/description.mustache");
  page.meta.template_name = component;
  return page;
}

}  // namespace wijzer
