#pragma once
// Forms as data: what the templates get to show a form. templates/forms/*.mustache and
// templates/dossier/*.mustache turn it into a real <form> that shows, can be filled in and prints
// without JavaScript; site-assets/forms/forms.js adds rules, live values, validation and storage,
// reading the definition embedded as <script type="application/json">. No markup and no UI words
// here: only values, the ids and names of controls (this file is the one place that makes them;
// the definition carries them to forms.js) and numbers written the Dutch way.
#include <nlohmann/json.hpp>
#include <string>

#include "forms_model.h"

namespace wijzer::forms {

/// The template data of a form (docs/templates.md, "A page with a form"): its sections, fields,
/// options, ids, names, hints and the rules in words, plus `definitie`, the definition for
/// forms.js as JSON that is safe inside <script type="application/json"> (no '<', '>', '&').
/// Every key a template reads is present at its own level (an empty text is false), so a field
/// never shows a value of the section or group around it.
nlohmann::json form_view(const Form& form);

/// The definition forms.js gets: browser_definition() with, for every field, the id (`dom`) and
/// the name (`naam`) of its control; in a group they hold "__N__" where the item index goes.
nlohmann::json view_definition(const Form& form);

/// A number the Dutch way: 7.5 → "7,5", 62.4 → "62,4", 156 → "156".
std::string dutch_number(double value);

/// Id of the control of field `field_id` (`index` given: item `index` of group `group_id`).
std::string control_id(const std::string& form_id, const std::string& field_id, const std::string& group_id = "",
                       const std::string& index = "");

/// Name of the control of field `field_id` (`index` given: item `index` of group `group_id`).
std::string control_name(const std::string& field_id, const std::string& group_id = "", const std::string& index = "");

/// The index placeholders of a group's <template> item: its index and its number (index + 1).
inline constexpr const char* kIndexPlaceholder = "__N__";
inline constexpr const char* kNumberPlaceholder = "__NR__";

}  // namespace wijzer::forms
