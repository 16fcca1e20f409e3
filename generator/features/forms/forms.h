#pragma once
// Forms as data (docs/forms.md): every content/**/NAME.form.json is checked (structure, rules,
// worked examples) and turned into template data (forms_view.h); a page with front matter
// `formulier: NAME` shows it (template "form", partials templates/forms/ and templates/dossier/)
// and loads forms/forms.css, rules/jsonlogic.js, dossier/dossier.js and forms/forms.js.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "feature.h"
#include "forms_model.h"

namespace wijzer {

/// A model (feature.h): form definitions another feature makes in memory during its `load` (the
/// handreiking makes handreiking.form.json from aspecten.json). The maker provides it, Forms
/// consumes it, so the pipeline loads the maker first; Forms reads them beside the files.
struct GeneratedForms {
  struct Entry {
    std::string path;  ///< where the file would be, e.g. content/x/NAME.form.json (NAME is the id)
    DataFile data;     ///< the definition; its file and positions are where problems are reported
  };
  std::vector<Entry> forms;
};

class Forms : public Feature {
 public:
  /// Definitions other features made in memory (the handreiking's) are read beside the files.
  std::vector<std::type_index> consumes() const override { return {model<GeneratedForms>()}; }
  void load(LoadContext& ctx) override;
  void extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot& out) const override;

  const std::map<std::string, forms::Form>& forms() const { return forms_; }

 private:
  std::map<std::string, forms::Form> forms_;
  std::map<std::string, nlohmann::json> views_;  ///< form id → template data (forms::form_view)
};

}  // namespace wijzer
