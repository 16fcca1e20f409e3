// SiteBuilder::plan: what a set of changed source files needs (docs/architecture.md, "Incremental
// builds"): nothing, copying files again, rendering pages again, or a full build.
#include <algorithm>
#include <set>

#include "config.h"
#include "frontmatter.h"
#include "site.h"
#include "watch.h"

namespace wijzer {
namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

/// Hidden files and folders and editor leftovers (watch.h) are not sources.
bool ignored_path(const std::string& path) {
  size_t begin = 0;
  for (;;) {
    size_t slash = path.find('/', begin);
    const std::string name = path.substr(begin, slash == std::string::npos ? std::string::npos : slash - begin);
    if (!name.empty() && name[0] == '.') return true;
    if (slash == std::string::npos) return editor_temp_file(name);
    begin = slash + 1;
  }
}

}  // namespace

ChangePlan SiteBuilder::plan(const std::vector<std::string>& changed) const {
  ChangePlan plan;
  auto everything = [&](const std::string& path, const std::string& why) {
    plan.scope = ChangeScope::everything;
    plan.reason = path + ": " + why;
    plan.pages.clear();
    plan.files.clear();
    return plan;
  };
  if (!valid_) return everything("(start)", "nog geen volledige bouw");
  std::set<std::string> seen;
  for (const std::string& path : changed) {
    if (!seen.insert(path).second) continue;
    if (!path.empty() && path.back() == '/') {  // a folder went away
      if (starts_with(path, "content/") || starts_with(path, "templates/") || starts_with(path, "site-assets/"))
        return everything(path, "map verwijderd");
      continue;
    }
    if (ignored_path(path)) continue;
    if (path == kConfigFile) return everything(path, "siteconfiguratie");
    if (starts_with(path, "templates/")) return everything(path, "template");
    if (starts_with(path, "site-assets/")) return everything(path, "site-asset");
    if (!starts_with(path, "content/")) continue;
    const std::string rel = path.substr(8);
    const auto dot = rel.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : rel.substr(dot);
    if (ext == ".json" || ext == ".yaml" || ext == ".yml") return everything(path, "databestand");
    if (ext != ".md") {
      const bool known =
          std::find(static_files_.begin(), static_files_.end(), rel) != static_files_.end();
      auto bytes = tree_.read(path);
      if (known != bytes.has_value()) return everything(path, known ? "bestand verwijderd" : "nieuw bestand");
      if (known) plan.files.push_back(rel);
      continue;
    }
    if (!markdown_files_.count(path)) return everything(path, "nieuwe pagina");
    const int index = content_.lookup(rel);
    if (index < 0 || content_.pages[index].generated) return everything(path, "pagina");
    const Page& page = content_.pages[index];
    if (load_diag_files_.count(page.file)) return everything(path, "had een fout in de front matter");
    auto text = tree_.read(path);
    if (!text) return everything(path, "pagina verwijderd");
    Diagnostics scratch;
    SourceDocument doc = parse_document(*text, page.file, scratch);
    if (scratch.has_errors() || scratch.warning_count() > 0) return everything(path, "fout in de front matter");
    if (doc.meta.fields != page.meta.fields) return everything(path, "front matter gewijzigd");
    plan.pages.push_back({index, std::move(doc.body), doc.body_line});
  }
  if (!plan.pages.empty()) plan.scope = ChangeScope::pages;
  else if (!plan.files.empty()) plan.scope = ChangeScope::files;
  return plan;
}

}  // namespace wijzer
