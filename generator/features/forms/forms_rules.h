#pragma once
// Forms as data: what the answers of a form give (computed values, visibility, errors and
// signals), the same way site-assets/forms/forms.js computes it, and the check of every worked
// example ("voorbeelden") of a form definition.
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "forms_model.h"

namespace wijzer::forms {

struct Outcome {
  /// What rules read: every answer typed (numbers, texts, booleans, lists; null when empty or
  /// hidden), computed values, groups as lists of items.
  nlohmann::json data = nlohmann::json::object();
  std::set<std::string> hidden;              ///< top-level fields that do not apply
  std::vector<std::string> errors;           ///< field ids and check ids, in form order
  std::vector<std::string> signals;          ///< ids of the signals that show
  /// Rules the engine stopped at one of its limits (Limit Exceeded: too costly, a value too large,
  /// nested too deeply): JSON pointer of the rule → the error's text, once per rule. They count as
  /// false/null here, like any rule error, but an example that hits one is reported (check_examples).
  std::map<std::string, std::string> stopped;
};

/// The answers as typed values: numbers from numbers or text ("7,5"), "" as empty.
/// Absent answers take the field's default; a choice with "waarden" fills the fields it names
/// that are absent. `dossier`: the answers of the dossier's other forms by form id, as saved.
Outcome evaluate(const Form& form, const nlohmann::json& answers, const nlohmann::json& dossier = nlohmann::json::object());

/// Runs every example of the form; each value, signal or error that differs is an error at the
/// example's position. Returns the number of examples that hold.
size_t check_examples(const Form& form, Diagnostics& diags);

}  // namespace wijzer::forms
