#pragma once
// Forms as data (docs/forms.md): every content/**/NAME.form.json is checked (structure, rules,
// worked examples) and turned into template data (forms_view.h); a page with front matter
// `formulier: NAME` shows it (template "form", partials templates/forms/ and templates/dossier/)
// and loads forms/forms.css, js/jsonlogic.js, dossier/dossier.js and forms/forms.js.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "feature.h"
#include "forms_model.h"

namespace wijzer {

/// Form definitions another feature makes in memory during its `load` (the handreiking makes
/// handreiking.form.json from aspecten.json). Shared by the maker and Forms in portal_features(),
/// which lists the maker before Forms; Forms reads them in its `load` beside the files.
struct GeneratedForms {
  struct Entry {
    std::string path;  ///< where the file would be, e.g. content/x/NAME.form.json (NAME is the id)
    DataFile data;     ///< the definition; its file and positions are where problems are reported
  };
  std::vector<Entry> forms;
};

class Forms : public Feature {
 public:
  explicit Forms(std::shared_ptr<const GeneratedForms> generated = nullptr) : generated_(std::move(generated)) {}
  void load(const SourceTree& tree, ContentTree& content, Diagnostics& diags) override;
  void extend(const BuildContext& ctx, const Page& page, nlohmann::json& data) const override;

  const std::map<std::string, forms::Form>& forms() const { return forms_; }

 private:
  std::map<std::string, forms::Form> forms_;
  std::map<std::string, nlohmann::json> views_;  ///< form id → template data (forms::form_view)
  std::shared_ptr<const GeneratedForms> generated_;
};

}  // namespace wijzer
