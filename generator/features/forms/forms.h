#pragma once
// Forms as data (docs/forms.md): every content/**/NAME.form.json is checked (structure, rules,
// worked examples) and turned into template data (forms_view.h); a page with front matter
// `formulier: NAME` shows it (template "form", partials templates/forms/ and templates/dossier/)
// and loads forms/forms.css, js/jsonlogic.js, dossier/dossier.js and forms/forms.js.
#include <map>
#include <string>

#include "feature.h"
#include "forms_model.h"

namespace wijzer {

class Forms : public Feature {
 public:
  void load(LoadContext& ctx) override;
  void extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot& out) const override;

  const std::map<std::string, forms::Form>& forms() const { return forms_; }

 private:
  std::map<std::string, forms::Form> forms_;
  std::map<std::string, nlohmann::json> views_;  ///< form id → template data (forms::form_view)
};

}  // namespace wijzer
