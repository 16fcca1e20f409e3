#pragma once
// Forms as data: the static HTML of a form. Real <form> markup that shows, can be filled in and
// prints without JavaScript; site-assets/js/forms.js adds rules, live values, validation and
// storage, reading the definition embedded as <script type="application/json">.
#include <string>

#include "forms_model.h"

namespace wijzer::forms {

/// The storage notice, the dossier controls (hidden until JavaScript shows them), the form, the
/// rules in words and the embedded definition. Ids start with "fv-<form id>-".
std::string render_form(const Form& form);

/// A number the Dutch way: 7.5 → "7,5", 62.4 → "62,4", 156 → "156".
std::string dutch_number(double value);

/// Id of the control of field `field_id` (`index` ≥ 0: item of group `group_id`).
std::string control_id(const std::string& form_id, const std::string& field_id, const std::string& group_id = "",
                       const std::string& index = "");

}  // namespace wijzer::forms
