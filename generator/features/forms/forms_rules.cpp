#include "forms_rules.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <set>

#include "jsonlogic.h"

namespace wijzer::forms {
namespace {

using nlohmann::json;

const char* kInvalid = "\x01ongeldig";  // marks a number field holding text that is no number

/// A number answer: a JSON number, or text with a decimal comma or point.
json number_value(const json& v) {
  if (v.is_number()) return v;
  if (!v.is_string()) return nullptr;
  std::string s = v.get<std::string>();
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  if (s.empty()) return nullptr;
  std::replace(s.begin(), s.end(), ',', '.');
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(d) || s.find_first_of("xXpPnN") != std::string::npos) return kInvalid;
  return d;
}

json typed(const Field& f, const json* answer) {
  const json& v = answer ? *answer : f.default_value;
  switch (f.type) {
    case FieldType::number:
      return number_value(v);
    case FieldType::checkbox:
      if (f.options.empty()) return v.is_boolean() ? v : json(v.is_string() && !v.get<std::string>().empty());
      if (!v.is_array()) return json::array();
      {
        json list = json::array();
        for (const auto& item : v)
          if (item.is_string()) list.push_back(item);
        return list;
      }
    case FieldType::computed:
    case FieldType::group:
      return nullptr;
    default:
      if (v.is_string() && !v.get<std::string>().empty()) return v;
      if (v.is_number()) return json(jsonlogic::to_js_string(v));
      return nullptr;
  }
}

/// The other forms' answers as rules read them ({"var": "dossier.FORM.FIELD"}): as saved, but a
/// number field of the other form as a number, read like this form's own ("7,5" → 7.5, no number → null).
json typed_dossier(const Form& form, const json& dossier) {
  json out = json::object();
  if (!dossier.is_object()) return out;
  for (const auto& [id, answers] : dossier.items())
    if (answers.is_object()) out[id] = answers;
  for (const auto& read : form.dossier_reads)
    if (read.number && out.contains(read.form) && out[read.form].contains(read.field)) {
      json& v = out[read.form][read.field];
      v = number_value(v);
      if (v == kInvalid) v = nullptr;
    }
  return out;
}

bool empty(const json& v) {
  return v.is_null() || v == false || (v.is_string() && v.get<std::string>().empty()) || (v.is_array() && v.empty());
}

/// Rule evaluation steps for all rules of one evaluate() or of all examples of a form together:
/// each rule has this budget too, but the number of rules evaluated grows with fields × items ×
/// examples, so a per-rule budget alone does not bound the time.
constexpr size_t kFormSteps = 10'000'000;

/// Evaluates one rule within what is left of `spent`; a rule error is null, one that hit a limit
/// of the engine is also kept in `stopped` under the rule's JSON pointer (`at`).
json run_rule(const json& rule, const json& data, Outcome& out, const std::string& at, size_t& spent) {
  try {
    jsonlogic::Options budget;
    budget.max_steps = kFormSteps - std::min(spent, kFormSteps);
    return jsonlogic::evaluate(rule, data, budget, spent);
  } catch (const jsonlogic::Error& e) {
    if (e.fatal)
      out.stopped.emplace(at, std::string(e.what()) + (spent > kFormSteps ? " (alle regels van het formulier samen, bij alle voorbeelden: hoogstens " +
                                                                                  std::to_string(kFormSteps) + " stappen)" : ""));
    return nullptr;
  }
}

/// Answers with defaults and the values a chosen option fills.
json prepared(const Form& form, const json& answers) {
  json out = answers.is_object() ? answers : json::object();
  form.for_each_field([&](const Field& f, const Field* group) {
    if (group || f.fills.empty()) return;
    const json choice = out.contains(f.id) ? out[f.id] : f.default_value;
    for (const auto& o : f.options)
      if (choice.is_string() && o.value == choice && o.fills.is_object())
        for (const auto& [id, value] : o.fills.items())
          if (!out.contains(id)) out[id] = value;
  });
  return out;
}

class Evaluator {
 public:
  Evaluator(const Form& form, Outcome& out, size_t& spent) : form_(form), out_(out), spent_(spent) {}

  void run(const json& answers, const json& dossier) {
    json& data = out_.data;
    form_.for_each_field([&](const Field& f, const Field* group) {
      if (group) return;
      if (f.type == FieldType::group) {
        json items = json::array();
        const json list = answers.contains(f.id) && answers[f.id].is_array() ? answers[f.id] : json::array();
        for (size_t i = 0; i < std::max<size_t>(list.size(), f.min_count); ++i) {
          json item = json::object();
          const json source = i < list.size() && list[i].is_object() ? list[i] : json::object();
          for (const auto& inner : f.fields) {
            item[inner.id] = typed(inner, source.contains(inner.id) ? &source[inner.id] : nullptr);
            if (item[inner.id] == kInvalid) {
              invalid_.insert(f.id + "/" + std::to_string(i) + "/" + inner.id);
              item[inner.id] = nullptr;
            }
          }
          items.push_back(item);
        }
        data[f.id] = items;
      } else {
        data[f.id] = typed(f, answers.contains(f.id) ? &answers[f.id] : nullptr);
        if (data[f.id] == kInvalid) {
          invalid_.insert(f.id);
          data[f.id] = nullptr;
        }
      }
    });
    data[kDossierVar] = typed_dossier(form_, dossier);
    for (const auto& s : form_.sections) {
      const bool section_visible = s.visible.is_null() || holds(s.visible, data, s.pointer + "/zichtbaar");
      for (const auto& f : s.fields) field(f, section_visible, data, nullptr, "");
    }
    for (const auto& c : form_.checks) {
      if (c.rule.is_null()) continue;
      if (const Field* g = form_.group_of(c.field)) {
        const json& items = data[g->id];
        for (size_t i = 0; i < items.size(); ++i)
          if (holds(c.rule, merged(data, items[i]), c.pointer + "/als")) {
            add_error(c.id);
            break;
          }
      } else if (!out_.hidden.count(c.field) && holds(c.rule, data, c.pointer + "/als")) {
        add_error(c.id);
      }
    }
    for (const auto& s : form_.signals)
      if (!s.rule.is_null() && holds(s.rule, data, s.pointer + "/als")) out_.signals.push_back(s.id);
  }

 private:
  static json merged(const json& data, const json& item) {
    json scope = data;
    for (const auto& [k, v] : item.items()) scope[k] = v;
    return scope;
  }

  void add_error(const std::string& id) {
    if (std::find(out_.errors.begin(), out_.errors.end(), id) == out_.errors.end()) out_.errors.push_back(id);
  }

  /// Visibility, computed value and errors of one field; `scope` is what its rules read.
  void field(const Field& f, bool parent_visible, json& scope, json* item, const std::string& prefix) {
    json& value = item ? (*item)[f.id] : scope[f.id];
    const bool visible = parent_visible && (f.visible.is_null() || holds(f.visible, scope, f.pointer + "/zichtbaar"));
    if (!item && !visible) out_.hidden.insert(f.id);
    if (f.type == FieldType::computed) {
      value = visible ? compute(f.rule, scope, f.pointer + "/regel") : json(nullptr);
      if (item) scope[f.id] = value;
      return;
    }
    if (f.type == FieldType::group) {
      if (!visible) {
        value = json::array();
        return;
      }
      if (value.size() < static_cast<size_t>(f.min_count) || (f.max_count && value.size() > static_cast<size_t>(f.max_count)))
        add_error(f.id);
      for (size_t i = 0; i < value.size(); ++i) {
        json& it = value[i];
        json inner_scope = merged(scope, it);
        for (const auto& inner : f.fields) {
          field(inner, true, inner_scope, &it, f.id + "/" + std::to_string(i) + "/");
          inner_scope[inner.id] = it[inner.id];
        }
      }
      return;
    }
    if (!visible) {
      value = nullptr;
      if (item) scope[f.id] = nullptr;
      return;
    }
    if (invalid_.count(prefix + f.id)) add_error(f.id);
    else if (f.required && empty(value) && (f.required_rule.is_null() || holds(f.required_rule, scope, f.pointer + "/verplicht")))
      add_error(f.id);
    else if (value.is_number() && ((f.min && value.get<double>() < *f.min) || (f.max && value.get<double>() > *f.max)))
      add_error(f.id);
  }

  bool holds(const json& rule, const json& data, const std::string& at) {
    return jsonlogic::truthy(run_rule(rule, data, out_, at, spent_));
  }

  json compute(const json& rule, const json& data, const std::string& at) {
    json v = run_rule(rule, data, out_, at, spent_);
    if (v.is_number() && !std::isfinite(v.get<double>())) return nullptr;
    return v;
  }

  const Form& form_;
  Outcome& out_;
  size_t& spent_;  ///< rule steps so far, shared with the other examples of the form
  std::set<std::string> invalid_;  ///< number answers that are no number ("group/i/id" in groups)
};

bool same(const json& actual, const json& expected) {
  if (actual.is_number() && expected.is_number()) {
    const double a = actual.get<double>(), e = expected.get<double>();
    return std::fabs(a - e) <= 1e-9 * std::max(1.0, std::fabs(e));
  }
  return actual == expected;
}

std::string list_text(const std::vector<std::string>& ids) {
  if (ids.empty()) return "geen";
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

/// The range of a number field in words ("1 tot en met 60"), for messages about examples.
std::string range_text(const Field& f) {
  auto plain = [](double d) { return jsonlogic::to_js_string(json(d)); };
  if (f.min && f.max) return "van " + plain(*f.min) + " tot en met " + plain(*f.max);
  return f.min ? "minstens " + plain(*f.min) : "hoogstens " + plain(*f.max);
}

/// Input values of an example outside their field's min/max, unless the example expects that
/// error (lists the field in "fouten"): the same ranges hold on screen and in the examples, so a
/// worked example cannot quietly rest on a value the form refuses. Reported at the value.
void check_ranges(const Form& form, const Example& ex, const std::function<void(const std::string&, const std::string&)>& fail) {
  std::set<std::string> expected;
  const json list = ex.expected.value("fouten", json::array());
  if (list.is_array())
    for (const auto& id : list)
      if (id.is_string()) expected.insert(id.get<std::string>());
  auto one = [&](const Field& f, const json& v, const std::string& at) {
    if (f.type != FieldType::number || (!f.min && !f.max) || expected.count(f.id)) return;
    const json n = number_value(v);
    if (!n.is_number()) return;
    const double d = n.get<double>();
    if ((f.min && d < *f.min) || (f.max && d > *f.max))
      fail(at, "\"" + f.id + "\" is " + jsonlogic::to_js_string(n) + ", buiten het bereik van het veld (" + range_text(f) +
                   "); noem \"" + f.id + "\" in \"fouten\" als het voorbeeld die fout laat zien");
  };
  for (const auto& [id, v] : ex.input.items()) {
    const Field* f = form.find(id);
    if (!f || form.group_of(id)) continue;
    const std::string at = ex.pointer + "/invoer/" + pointer_token(id);
    if (f->type != FieldType::group) {
      one(*f, v, at);
      continue;
    }
    if (!v.is_array()) continue;
    for (size_t i = 0; i < v.size(); ++i)
      if (v[i].is_object())
        for (const auto& inner : f->fields)
          if (v[i].contains(inner.id)) one(inner, v[i][inner.id], at + "/" + std::to_string(i) + "/" + pointer_token(inner.id));
  }
}

}  // namespace

/// evaluate() within a rule budget shared with other evaluations (the examples of one form).
static Outcome evaluate_with(const Form& form, const json& answers, const json& dossier, size_t& spent) {
  Outcome out;
  Evaluator(form, out, spent).run(prepared(form, answers), dossier);
  return out;
}

Outcome evaluate(const Form& form, const json& answers, const json& dossier) {
  size_t spent = 0;
  return evaluate_with(form, answers, dossier, spent);
}

size_t check_examples(const Form& form, Diagnostics& diags) {
  size_t holding = 0, spent = 0;
  const DataFile& file = *form.data;
  for (const auto& ex : form.examples) {
    bool ok = true;
    auto fail = [&](const std::string& pointer, const std::string& message) {
      file.error(diags, pointer, "voorbeeld \"" + ex.name + "\": " + message);
      ok = false;
    };
    for (const auto& [id, v] : ex.input.items()) {
      const Field* f = form.find(id);
      if (!f || form.group_of(id)) fail(ex.pointer + "/invoer/" + pointer_token(id), "onbekend veld \"" + id + "\" in de invoer");
      else if (f->type == FieldType::computed) fail(ex.pointer + "/invoer/" + pointer_token(id), "\"" + id + "\" is berekend, geen invoer");
    }
    form.for_each_field([&](const Field& f, const Field* group) {
      const json* items = group || f.type != FieldType::group || !ex.input.contains(f.id) ? nullptr : &ex.input[f.id];
      if (items && items->is_array() && items->size() > static_cast<size_t>(kMaxGroupItems))
        fail(ex.pointer + "/invoer/" + pointer_token(f.id), "\"" + f.id + "\" heeft " + std::to_string(items->size()) +
                                                                " items, hoogstens " + std::to_string(kMaxGroupItems));
    });
    check_ranges(form, ex, fail);
    if (!ok) continue;
    const Outcome out = evaluate_with(form, ex.input, ex.dossier, spent);
    for (const auto& [at, what] : out.stopped)  // at the rule: the example only shows it
      fail(at, "de regel stopt bij een grens van de regel-engine: " + what);
    for (const auto& [key, expected] : ex.expected.items()) {
      const std::string at = ex.pointer + "/verwacht/" + pointer_token(key);
      if (key == "signalen" || key == "fouten") {
        if (!expected.is_array()) {
          fail(at, "\"" + key + "\" is een lijst met ids");
          continue;
        }
        continue;
      }
      if (!form.find(key) || form.group_of(key)) {
        fail(at, "onbekend veld \"" + key + "\"");
        continue;
      }
      const json actual = out.data.contains(key) ? out.data[key] : json(nullptr);
      if (!same(actual, expected))
        fail(at, "\"" + key + "\" is " + actual.dump() + ", verwacht " + expected.dump());
    }
    // Signals and errors: the exact set (absent means none).
    for (const char* key : {"signalen", "fouten"}) {
      std::vector<std::string> expected;
      const json list = ex.expected.value(key, json::array());
      if (!list.is_array()) continue;
      for (const auto& id : list)
        if (id.is_string()) expected.push_back(id.get<std::string>());
      std::vector<std::string> actual = std::string(key) == "signalen" ? out.signals : out.errors;
      std::vector<std::string> a = actual, e = expected;
      std::sort(a.begin(), a.end());
      std::sort(e.begin(), e.end());
      if (a != e)
        fail(ex.expected.contains(key) ? ex.pointer + "/verwacht/" + key : ex.pointer + "/verwacht",
             std::string(key) + ": " + list_text(actual) + ", verwacht " + list_text(expected));
    }
    if (ok) ++holding;
  }
  return holding;
}

}  // namespace wijzer::forms
