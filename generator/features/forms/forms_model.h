#pragma once
// Forms as data (docs/forms.md): the model of a form definition (content/**/NAME.form.json),
// read and checked with the position of every problem.
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "data_file.h"
#include "diagnostics.h"
#include "source.h"

namespace wijzer::forms {

enum class FieldType { text, textarea, number, radio, checkbox, select, date, computed, group };

/// One choice of a radio, select or checkbox field. `fills` (an object, or null) holds the values
/// the choice puts into other fields (a gemeente profile fills the rekenregel fields).
struct Option {
  std::string value, label, hint;
  nlohmann::json fills;
  std::string pointer;
};

/// Most items of a group: min_aantal/max_aantal and a worked example's input (each item of a group
/// is evaluated against a copy of the answers, so the count bounds time and memory).
inline constexpr int kMaxGroupItems = 1000;

struct Field {
  std::string id, type_name, pointer;
  FieldType type = FieldType::text;
  std::string label, hint, unit, error_text;  ///< error_text: own message when required and empty
  bool required = false;
  nlohmann::json required_rule;        ///< "verplicht" as a rule: required only while it holds, or null
  std::optional<double> min, max;
  std::string step;                    ///< number: "any" unless given
  nlohmann::json default_value;        ///< "standaard", or null
  std::vector<Option> options;         ///< radio, select, checkbox (a checkbox without options is yes/no)
  std::string options_from;            ///< "file.json#/pointer" the options were read from, or empty
  std::vector<std::string> fills;      ///< ids an option of this field fills ("vult")
  nlohmann::json visible;              ///< "zichtbaar": rule, or null (always)
  std::string visible_text;            ///< the visibility rule in words (given or derived)
  nlohmann::json rule;                 ///< computed: "regel"
  int decimals = 2;                    ///< computed: shown decimals
  std::string explanation;             ///< computed: "uitleg", the rule in words
  int rows = 0;                        ///< textarea: rows (also lines on paper)
  std::vector<Field> fields;           ///< group: the fields of one item
  int min_count = 0, max_count = 0;    ///< group: number of items (max 0 = no limit)
  std::string item_label;              ///< group: "Doel" → "Doel 1", "Doel 2"
};

/// A list under a heading, in a section's fold-out ("uitklap"): e.g. the voorbeeldvragen of one
/// leefgebied under an aspect of the handreiking.
struct FoldList {
  std::string heading;
  std::vector<std::string> items;
};

struct Section {
  std::string id, title, help, pointer;
  std::string fold_title;          ///< "uitklap.titel": the <summary> of a <details> under the help
  std::vector<FoldList> fold;      ///< "uitklap.lijsten": what it opens, read in place

  nlohmann::json visible;
  std::string visible_text;
  std::vector<Field> fields;
};

/// A cross-field check ("controles"): when `rule` is true the answers are wrong; `message` is
/// shown at `field` and in the error summary.
struct Check {
  std::string id, message, field, pointer;
  nlohmann::json rule;
};

/// A plain-language signal ("signalen"): shown while `rule` is true. `text` may name values as
/// {id}. `when` says in words when it shows (for the page without JavaScript).
struct Signal {
  std::string id, kind, title, text, when, pointer;
  nlohmann::json rule;
};

/// A worked example: answers in, expected values, signals and errors out.
struct Example {
  std::string name, source, pointer;
  nlohmann::json input, expected;
  nlohmann::json dossier = nlohmann::json::object();  ///< other forms' answers as saved, by form id
};

/// How answers saved under an older version become answers of the next one.
struct Migration {
  int from = 0;
  nlohmann::json rename, defaults, remove;
  std::string pointer;
};

/// A rule's read of another form's answer in the same dossier, {"var": "dossier.FORM.FIELD"}:
/// checked once every form is loaded (forms.cpp, check_dossier_reads).
struct DossierRead {
  std::string form, field;  ///< the other form's id and its field ("" when the var names none)
  std::string pointer;      ///< JSON pointer of the var in this form's definition
  bool number = false;      ///< the other form's field is a number: rules read it typed (check_dossier_reads)
  std::vector<std::string> previous;  ///< the other form's "voorheen": where its answers may still be
};

/// The first part of a var that reads another form of the dossier: "dossier.FORM.FIELD".
inline constexpr const char* kDossierVar = "dossier";

struct Form {
  std::string id, title, intro, file, path;
  std::vector<DossierRead> dossier_reads;
  /// "voorheen": ids this form's answers were saved under before (a split form): a dossier without
  /// answers of this form starts from the answers there that this form knows.
  std::vector<std::string> previous_ids;
  int version = 1;
  std::vector<Section> sections;
  std::vector<Check> checks;
  std::vector<Signal> signals;
  std::vector<Example> examples;
  std::vector<Migration> migrations;
  std::optional<DataFile> data;

  /// A field anywhere in the form (also inside groups), or nullptr.
  const Field* find(const std::string& id) const;
  /// The group holding field `id`, or nullptr when it is at the top level.
  const Field* group_of(const std::string& id) const;
  /// Calls fn for every field in document order (group items after their group).
  void for_each_field(const std::function<void(const Field&, const Field* group)>& fn) const;
};

/// Reads and checks one form definition (`path` relative to the source root, e.g.
/// "content/hulpmiddelen/urencalculator.form.json"). Problems go to `diags` at path:line:col;
/// returns the form when it can be used (no errors).
std::optional<Form> load_form(const SourceTree& tree, const std::string& path, Diagnostics& diags);

/// The same for a definition made in memory (by another feature, e.g. the handreiking's): `path`
/// is where it would live (its file name gives the id; relative references resolve from it) and
/// `data` holds the definition with the file and positions its problems are reported at.
std::optional<Form> load_form(const SourceTree& tree, const std::string& path, DataFile data, Diagnostics& diags);

/// The definition the browser gets (<script type="application/json">): fields, rules, signals,
/// checks, migrations and version, without examples.
nlohmann::json browser_definition(const Form& form);

/// Whether `id` is a valid field id: a-z first, then a-z, 0-9 or _.
bool valid_id(const std::string& id);

}  // namespace wijzer::forms
