#pragma once
// Forms as data (docs/forms.md): every content/**/NAME.form.json is checked (structure, rules,
// worked examples) and rendered as a static HTML form; a page with front matter
// `formulier: NAME` shows it (template "form") and loads forms.css, jsonlogic.js, dossier.js
// and forms.js.
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
  std::map<std::string, std::string> html_;  ///< form id → rendered HTML
};

}  // namespace wijzer
