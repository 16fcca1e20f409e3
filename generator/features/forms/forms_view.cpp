#include "forms_view.h"

#include <cmath>
#include <cstdio>
#include <regex>

namespace wijzer::forms {
namespace {

using nlohmann::json;

/// A number as HTML attributes want it (point, no trailing zeros).
std::string plain_number(double v) {
  std::string s = dutch_number(v);
  for (auto& c : s)
    if (c == ',') c = '.';
  return s;
}

/// A paragraph that describes a control: {id, tekst}, or false when there is no text.
json described(const std::string& id, const std::string& text) {
  if (text.empty()) return false;
  return {{"id", id}, {"tekst", text}};
}

/// The data of one field (`group`: the group it is in, `index` the item's index or placeholder).
/// Every key the field templates read is set, so none falls through to the group or section.
class FieldView {
 public:
  explicit FieldView(const Form& form) : form_(form) {}

  json field(const Field& f, const Field* group, const std::string& index) const {
    const std::string id = control_id(form_.id, f.id, group ? group->id : "", index);
    const bool choices = f.type == FieldType::radio || f.type == FieldType::checkbox;
    const bool tick = f.type == FieldType::checkbox && f.options.empty();
    json out = {{"id", f.id},
                {"groep", group ? group->id : ""},
                {"dom", id},
                {"naam", control_name(f.id, group ? group->id : "", index)},
                {"label", f.label},
                // A field required by a rule is neither marked required nor "(niet verplicht)": its
                // section says when it must be answered.
                {"verplicht", f.required && f.required_rule.is_null()},
                {"optioneel", !f.required && f.type != FieldType::computed && f.type != FieldType::group && !tick},
                {"hint", described(id + "-hint", f.hint)},
                {"voorwaarde", described(id + "-voorwaarde", f.visible_text)},
                {"vink", tick},
                {"keuzes", choices && !tick},
                {"is_groep", f.type == FieldType::group},
                {"tekstvak", f.type == FieldType::textarea},
                {"keuzelijst", f.type == FieldType::select},
                {"uitkomst", f.type == FieldType::computed},
                {"invoer", f.type == FieldType::text || f.type == FieldType::number || f.type == FieldType::date},
                {"soort", f.type == FieldType::radio ? "radio" : "checkbox"},
                {"eenheid", false},
                {"regel", false},
                {"bereik", false},
                {"aan", tick && f.default_value == true},
                {"kies", !f.default_value.is_string()},
                {"waarde", ""},
                {"heeft_profielen", false},
                {"profielen", json::array()},
                {"opties", json::array()}};
    std::vector<std::string> ids;  // aria-describedby, in the order the paragraphs come
    if (!f.hint.empty()) ids.push_back(id + "-hint");
    if (!f.visible_text.empty()) ids.push_back(id + "-voorwaarde");
    for (size_t i = 0; i < f.options.size() && (choices || f.type == FieldType::select); ++i) {
      const Option& o = f.options[i];
      const std::string oid = id + "-" + std::to_string(i);
      out["opties"].push_back({{"dom", oid},
                               {"waarde", o.value},
                               {"label", o.label},
                               {"aan", f.default_value.is_string() && f.default_value == o.value},
                               {"hint", described(oid + "-hint", o.hint)}});
    }
    if (f.type == FieldType::group) {
      group_keys(f, out);
    } else if (!choices) {
      if (!f.unit.empty()) {
        out["eenheid"] = described(id + "-eenheid", f.unit);
        ids.push_back(id + "-eenheid");
      }
      if (f.type == FieldType::computed) {
        out["regel"] = described(id + "-regel", f.explanation);
        ids.push_back(id + "-regel");
      }
      if ((f.min || f.max) && f.type == FieldType::number) {
        out["bereik"] = {{"id", id + "-bereik"},
                         {"van", f.min ? dutch_number(*f.min) : ""},
                         {"tot", f.max ? dutch_number(*f.max) : ""}};
        ids.push_back(id + "-bereik");
      }
      input_keys(f, out);
      if (f.type == FieldType::select && !f.fills.empty()) presets(f, out);
    }
    std::string joined;
    for (const auto& x : ids) joined += (joined.empty() ? "" : " ") + x;
    out["beschreven"] = joined;
    return out;
  }

 private:
  /// The kind of <input>, its limits and its value as given (`standaard`).
  static void input_keys(const Field& f, json& out) {
    const bool number = f.type == FieldType::number;
    // A number is typed in a text box: type="number" drops or rejects the Dutch decimal comma
    // ("20,5" read as 205 or as nothing); forms.js reads both "20,5" and "20.5" and checks the range.
    out["type"] = f.type == FieldType::date ? "date" : "text";
    out["getal"] = number;
    out["is_tekst"] = f.type == FieldType::text;
    out["min"] = f.min ? plain_number(*f.min) : "";
    out["max"] = f.max ? plain_number(*f.max) : "";
    out["stap"] = f.step;
    out["regels"] = std::to_string(f.rows ? f.rows : 4);
    if (f.default_value.is_number()) out["waarde"] = plain_number(f.default_value.get<double>());
    else if (f.default_value.is_string()) out["waarde"] = f.default_value.get<std::string>();
  }

  /// A repeatable group: its limits, the items shown and the <template> item.
  void group_keys(const Field& f, json& out) const {
    out["item_label"] = f.item_label;
    out["min_aantal"] = std::to_string(f.min_count);
    out["max_aantal"] = std::to_string(f.max_count);
    out["aantal"] = f.min_count || f.max_count;
    out["minstens"] = f.min_count ? std::to_string(f.min_count) : "";
    out["hoogstens"] = f.max_count ? std::to_string(f.max_count) : "";
    out["items"] = json::array();
    const int shown = std::max(1, f.min_count);
    for (int i = 0; i < shown; ++i) out["items"].push_back(item(f, std::to_string(i), std::to_string(i + 1)));
    out["sjabloon"] = item(f, kIndexPlaceholder, kNumberPlaceholder);
  }

  json item(const Field& group, const std::string& index, const std::string& number) const {
    json fields = json::array();
    for (const auto& inner : group.fields) fields.push_back(field(inner, &group, index));
    return {{"index", index}, {"nr", number}, {"velden", std::move(fields)}};
  }

  /// What each choice of a profile select fills in (readable without JavaScript).
  void presets(const Field& f, json& out) const {
    out["heeft_profielen"] = true;
    for (const auto& o : f.options) {
      json values = json::array();
      if (o.fills.is_object()) {
        for (const auto& id : f.fills) {
          const Field* target = form_.find(id);
          if (!target || !o.fills.contains(id)) continue;
          const auto& v = o.fills[id];
          json shown = {{"label", target->label}, {"leeg", v.is_null()}, {"waarde", ""}, {"eenheid", ""}};
          if (v.is_number()) {
            shown["waarde"] = dutch_number(v.get<double>());
            shown["eenheid"] = target->unit;
          } else if (v.is_string()) {
            std::string text = v.get<std::string>();
            for (const auto& opt : target->options)
              if (opt.value == text) text = opt.label;
            shown["waarde"] = text;
          } else if (!v.is_null()) {
            shown["waarde"] = v.dump();
          }
          values.push_back(std::move(shown));
        }
      }
      out["profielen"].push_back(
          {{"naam", o.label}, {"toelichting", o.hint}, {"heeft_waarden", o.fills.is_object()}, {"waarden", values}});
    }
  }

  const Form& form_;
};

/// A signal text for the page without JavaScript: {id} becomes the field's label.
std::string words(const Form& form, const std::string& text) {
  static const std::regex placeholder("\\{([^}]*)\\}");
  std::string out;
  auto begin = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
    out += std::string(begin, text.cbegin() + it->position());
    const Field* f = form.find((*it)[1]);
    out += "[" + (f ? f->label : std::string((*it)[1])) + "]";
    begin = text.cbegin() + it->position() + it->length();
  }
  return out + std::string(begin, text.cend());
}

/// Makes JSON safe inside <script type="application/json">: no "<" at all.
std::string script_json(const json& value) {
  std::string s = value.dump();
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

}  // namespace

std::string dutch_number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string s = buffer;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  for (auto& c : s)
    if (c == '.') c = ',';
  return s;
}

std::string control_id(const std::string& form_id, const std::string& field_id, const std::string& group_id,
                       const std::string& index) {
  if (group_id.empty()) return "fv-" + form_id + "-" + field_id;
  return "fv-" + form_id + "-" + group_id + "-" + index + "-" + field_id;
}

std::string control_name(const std::string& field_id, const std::string& group_id, const std::string& index) {
  return group_id.empty() ? field_id : group_id + "." + index + "." + field_id;
}

json view_definition(const Form& form) {
  json def = browser_definition(form);
  for (auto& section : def["secties"])
    for (auto& f : section["velden"]) {
      const std::string id = f["id"];
      f["dom"] = control_id(form.id, id);
      f["naam"] = control_name(id);
      if (!f.contains("velden")) continue;
      for (auto& inner : f["velden"]) {
        inner["dom"] = control_id(form.id, inner["id"], id, kIndexPlaceholder);
        inner["naam"] = control_name(inner["id"], id, kIndexPlaceholder);
      }
    }
  return def;
}

json form_view(const Form& form) {
  FieldView fields(form);
  json sections = json::array();
  for (const auto& s : form.sections) {
    json list = json::array();
    for (const auto& f : s.fields) list.push_back(fields.field(f, nullptr, ""));
    json fold = json::array();
    for (const auto& l : s.fold) fold.push_back({{"kop", l.heading}, {"items", l.items}});
    sections.push_back({{"id", s.id},
                        {"uitklap", s.fold_title},
                        {"lijsten", std::move(fold)},
                        {"dom", "fv-" + form.id + "-sectie-" + s.id},
                        {"titel", s.title},
                        {"hulp", s.help},
                        {"voorwaarde", s.visible_text},
                        {"velden", std::move(list)}});
  }
  json computed = json::array(), signals = json::array(), checks = json::array();
  form.for_each_field([&](const Field& f, const Field*) {
    if (f.type == FieldType::computed) computed.push_back({{"label", f.label}, {"uitleg", f.explanation}});
  });
  for (const auto& s : form.signals)
    signals.push_back({{"titel", s.title}, {"wanneer", s.when}, {"tekst", words(form, s.text)}});
  for (const auto& c : form.checks) checks.push_back({{"melding", c.message}});
  return {{"id", form.id},
          {"titel", form.title},
          {"dom", "fv-" + form.id},
          {"inleiding", form.intro},
          {"secties", std::move(sections)},
          {"heeft_berekeningen", !computed.empty()},
          {"berekeningen", std::move(computed)},
          {"heeft_signalen", !signals.empty()},
          {"signalen", std::move(signals)},
          {"heeft_controles", !checks.empty()},
          {"controles", std::move(checks)},
          {"definitie", script_json(view_definition(form))}};
}

}  // namespace wijzer::forms
