#include "forms_model.h"

#include <algorithm>
#include <list>
#include <regex>
#include <set>

#include "jsonlogic.h"
#include "paths.h"

namespace wijzer::forms {
namespace {

/// A form id: compiled once (a regex costs more to build than a whole form check).
const std::regex kFormId("[a-z][a-z0-9-]*");

using nlohmann::json;

const std::map<std::string, FieldType> kTypes = {
    {"text", FieldType::text},         {"textarea", FieldType::textarea}, {"number", FieldType::number},
    {"radio", FieldType::radio},       {"checkbox", FieldType::checkbox}, {"select", FieldType::select},
    {"date", FieldType::date},         {"berekend", FieldType::computed}, {"groep", FieldType::group}};

/// Reads one JSON object of the definition: typed fields, with an error at the exact node for
/// a wrong type, a missing required key or a key the format does not know.
class Reader {
 public:
  Reader(const DataFile& file, Diagnostics& diags, const json& value, std::string pointer)
      : file_(file), diags_(diags), value_(value), pointer_(std::move(pointer)) {}

  bool is_object() {
    if (value_.is_object()) return true;
    error("", "verwacht een object");
    return false;
  }
  std::string at(const std::string& key) const { return pointer_ + "/" + pointer_token(key); }
  const json* get(const std::string& key) {
    known_.insert(key);
    auto it = value_.find(key);
    return it == value_.end() ? nullptr : &*it;
  }
  std::string text(const std::string& key, bool required = false) {
    const json* v = get(key);
    if (!v) {
      if (required) error("", "\"" + key + "\" ontbreekt");
      return "";
    }
    if (!v->is_string()) {
      error(key, "\"" + key + "\" moet een tekst zijn");
      return "";
    }
    if (required && v->get<std::string>().empty()) error(key, "\"" + key + "\" is leeg");
    return v->get<std::string>();
  }
  bool flag(const std::string& key) {
    const json* v = get(key);
    if (v && !v->is_boolean()) error(key, "\"" + key + "\" moet true of false zijn");
    return v && v->is_boolean() && v->get<bool>();
  }
  std::optional<double> number(const std::string& key) {
    const json* v = get(key);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      error(key, "\"" + key + "\" moet een getal zijn");
      return std::nullopt;
    }
    return v->get<double>();
  }
  std::optional<long long> integer(const std::string& key) {
    const json* v = get(key);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
      error(key, "\"" + key + "\" moet een geheel getal zijn");
      return std::nullopt;
    }
    return v->get<long long>();
  }
  const json* array(const std::string& key, bool required = false) {
    const json* v = get(key);
    if (!v) {
      if (required) error("", "\"" + key + "\" ontbreekt");
      return nullptr;
    }
    if (!v->is_array()) {
      error(key, "\"" + key + "\" moet een lijst zijn");
      return nullptr;
    }
    return v;
  }
  /// Reports every key not read through this reader.
  void done() {
    if (!value_.is_object()) return;
    for (const auto& [key, v] : value_.items())
      if (!known_.count(key)) error(key, "onbekend veld \"" + key + "\"");
  }
  void error(const std::string& key, const std::string& message) {
    file_.error(diags_, key.empty() ? pointer_ : at(key), message);
  }

 private:
  const DataFile& file_;
  Diagnostics& diags_;
  const json& value_;
  std::string pointer_;
  std::set<std::string> known_;
};

/// What a rule may read: field ids at the top level and, inside a group, that group's fields.
struct Scope {
  const Form& form;
  const Field* group = nullptr;
};

class Parser {
 public:
  Parser(const SourceTree& tree, Form& form, Diagnostics& diags) : tree_(tree), form_(form), diags_(diags) {}

  void parse() {
    const DataFile& file = *form_.data;
    Reader r(file, diags_, file.value, "");
    if (!r.is_object()) return;
    form_.id = r.text("id", true);
    form_.title = r.text("titel", true);
    form_.intro = r.text("inleiding");
    if (auto v = r.integer("versie")) {
      form_.version = static_cast<int>(*v);
      if (*v < 1) r.error("versie", "\"versie\" is een geheel getal vanaf 1");
    } else if (!r.get("versie")) {
      r.error("", "\"versie\" ontbreekt (het schemanummer van de antwoorden, vanaf 1)");
    }
    const std::string stem = form_.path.substr(form_.path.rfind('/') + 1);
    const std::string expected = stem.substr(0, stem.size() - std::string(".form.json").size());
    if (!form_.id.empty() && form_.id != expected)
      r.error("id", "\"id\" moet gelijk zijn aan de bestandsnaam: \"" + expected + "\"");
    if (!form_.id.empty() && !std::regex_match(form_.id, kFormId))
      r.error("id", "ongeldig id \"" + form_.id + "\": a-z, 0-9 en -");
    if (const json* sections = r.array("secties", true)) {
      if (sections->empty()) r.error("secties", "een formulier heeft minstens één sectie");
      for (size_t i = 0; i < sections->size(); ++i) section((*sections)[i], "/secties/" + std::to_string(i));
    }
    if (const json* list = r.array("controles"))
      for (size_t i = 0; i < list->size(); ++i) check((*list)[i], "/controles/" + std::to_string(i));
    if (const json* list = r.array("signalen"))
      for (size_t i = 0; i < list->size(); ++i) signal((*list)[i], "/signalen/" + std::to_string(i));
    if (const json* list = r.array("voorbeelden"))
      for (size_t i = 0; i < list->size(); ++i) example((*list)[i], "/voorbeelden/" + std::to_string(i));
    if (const json* list = r.array("migraties"))
      for (size_t i = 0; i < list->size(); ++i) migration((*list)[i], "/migraties/" + std::to_string(i));
    if (const json* list = r.array("voorheen"))
      for (size_t i = 0; i < list->size(); ++i) {
        const json& old = (*list)[i];
        if (old.is_string() && std::regex_match(old.get<std::string>(), kFormId) && old != form_.id) form_.previous_ids.push_back(old);
        else form_.data->error(diags_, "/voorheen/" + std::to_string(i), "\"voorheen\" noemt ids van formulieren (a-z, 0-9 en -), niet dit formulier zelf");
      }
    r.done();
    late_checks();
  }

 private:
  void section(const json& value, const std::string& pointer) {
    Reader r(*form_.data, diags_, value, pointer);
    if (!r.is_object()) return;
    Section s;
    s.pointer = pointer;
    s.id = r.text("id", true);
    s.title = r.text("titel", true);
    s.help = r.text("hulp");
    if (const json* v = r.get("zichtbaar")) s.visible = *v;
    s.visible_text = r.text("zichtbaar_uitleg");
    if (const json* v = r.get("uitklap")) fold(*v, r.at("uitklap"), s);
    claim_id(s.id, r, "id", section_ids_);
    if (const json* fields = r.array("velden", true)) {
      if (fields->empty()) r.error("velden", "een sectie heeft minstens één veld");
      for (size_t i = 0; i < fields->size(); ++i)
        if (auto f = field((*fields)[i], pointer + "/velden/" + std::to_string(i), false)) s.fields.push_back(std::move(*f));
    }
    r.done();
    form_.sections.push_back(std::move(s));
  }

  /// "uitklap": {"titel": "…", "lijsten": [{"kop": "…", "items": ["…"]}]}: text that opens in place.
  void fold(const json& value, const std::string& pointer, Section& s) {
    Reader r(*form_.data, diags_, value, pointer);
    if (!r.is_object()) return;
    s.fold_title = r.text("titel", true);
    if (const json* lists = r.array("lijsten", true))
      for (size_t i = 0; i < lists->size(); ++i) {
        Reader l(*form_.data, diags_, (*lists)[i], pointer + "/lijsten/" + std::to_string(i));
        if (!l.is_object()) continue;
        FoldList list{l.text("kop", true), {}};
        if (const json* items = l.array("items", true))
          for (size_t k = 0; k < items->size(); ++k) {
            if ((*items)[k].is_string() && !(*items)[k].get<std::string>().empty()) list.items.push_back((*items)[k].get<std::string>());
            else l.error("items", "een item is een tekst die niet leeg is (/" + std::to_string(k) + ")");
          }
        l.done();
        s.fold.push_back(std::move(list));
      }
    r.done();
  }

  std::optional<Field> field(const json& value, const std::string& pointer, bool in_group) {
    Reader r(*form_.data, diags_, value, pointer);
    if (!r.is_object()) return std::nullopt;
    Field f;
    f.pointer = pointer;
    f.id = r.text("id", true);
    f.type_name = r.text("type", true);
    auto type = kTypes.find(f.type_name);
    if (type == kTypes.end()) {
      if (!f.type_name.empty())
        r.error("type", "onbekend veldtype \"" + f.type_name +
                            "\" (text, textarea, number, radio, checkbox, select, date, berekend, groep)");
      r.done();
      return std::nullopt;
    }
    f.type = type->second;
    claim_id(f.id, r, "id", field_ids_);
    f.label = r.text("label", true);
    f.hint = r.text("hint");
    // "verplicht" may be a rule: the toetsingskader shows every question from the start, and they
    // become required once the aanvraagset is complete (issue 16).
    if (const json* v = r.get("verplicht"); v && v->is_object()) f.required_rule = *v;
    f.required = f.required_rule.is_null() ? r.flag("verplicht") : true;
    f.error_text = r.text("foutmelding");
    if (const json* v = r.get("zichtbaar")) f.visible = *v;
    f.visible_text = r.text("zichtbaar_uitleg");
    if (const json* v = r.get("standaard")) f.default_value = *v;
    const bool choice = f.type == FieldType::radio || f.type == FieldType::select || f.type == FieldType::checkbox;
    if (f.type == FieldType::number || f.type == FieldType::computed) f.unit = r.text("eenheid");
    if (f.type == FieldType::number) {
      f.min = r.number("min");
      f.max = r.number("max");
      f.step = "any";
      if (auto s = r.number("stap")) {
        if (*s <= 0) r.error("stap", "\"stap\" moet groter dan 0 zijn");
        else f.step = nlohmann::json(*s).dump();
      }
      if (f.min && f.max && *f.min > *f.max) r.error("min", "\"min\" is groter dan \"max\"");
      if (!f.default_value.is_null() && !f.default_value.is_number())
        r.error("standaard", "de standaardwaarde van een getalveld moet een getal zijn");
    }
    if (f.type == FieldType::textarea)
      if (auto rows = r.integer("regels")) f.rows = static_cast<int>(std::clamp<long long>(*rows, 2, 30));
    if (choice) options(f, r);
    if (f.type == FieldType::computed) {
      if (const json* v = r.get("regel")) f.rule = *v;
      else r.error("", "een berekend veld heeft een \"regel\"");
      f.explanation = r.text("uitleg", true);
      if (auto d = r.integer("decimalen")) f.decimals = static_cast<int>(std::clamp<long long>(*d, 0, 6));
      if (f.required) r.error("verplicht", "een berekend veld kan niet verplicht zijn");
    }
    if (f.type == FieldType::group) {
      if (in_group) r.error("type", "een groep kan geen groep bevatten");
      f.item_label = r.text("item_label", true);
      // Every evaluation builds min_aantal items: an unbounded count is unbounded memory.
      for (const char* key : {"min_aantal", "max_aantal"})
        if (auto v = r.integer(key)) {
          if (*v > kMaxGroupItems) r.error(key, "\"" + std::string(key) + "\" is hoogstens " + std::to_string(kMaxGroupItems));
          (std::string(key) == "min_aantal" ? f.min_count : f.max_count) =
              static_cast<int>(std::clamp<long long>(*v, 0, kMaxGroupItems));
        }
      if (f.max_count && f.min_count > f.max_count) r.error("min_aantal", "\"min_aantal\" is groter dan \"max_aantal\"");
      if (const json* fields = r.array("velden", true)) {
        if (fields->empty()) r.error("velden", "een groep heeft minstens één veld");
        for (size_t i = 0; i < fields->size(); ++i)
          if (auto inner = field((*fields)[i], pointer + "/velden/" + std::to_string(i), true))
            f.fields.push_back(std::move(*inner));
      }
    }
    r.done();
    return f;
  }

  void options(Field& f, Reader& r) {
    const json* list = r.array("opties");
    std::string list_pointer = r.at("opties");
    const DataFile* from = form_.data ? &*form_.data : nullptr;
    if (const json* source = r.get("opties_uit")) {
      if (list) r.error("opties_uit", "geef \"opties\" of \"opties_uit\", niet allebei");
      if (!source->is_string()) {
        r.error("opties_uit", "\"opties_uit\" is een tekst: \"bestand.json#/lijst\"");
        return;
      }
      const std::string spec = source->get<std::string>();
      const auto hash = spec.find('#');
      const std::string rel = spec.substr(0, hash);
      list_pointer = hash == std::string::npos ? "" : spec.substr(hash + 1);
      auto resolved = resolve_relative(form_.path, rel);
      if (!resolved || !tree_.read(*resolved)) {
        r.error("opties_uit", "bestand \"" + rel + "\" bestaat niet");
        return;
      }
      auto file = load_data_file(tree_, *resolved, diags_);
      if (!file) return;
      extra_files_.push_back(std::move(*file));
      from = &extra_files_.back();
      f.options_from = spec;
      try {
        list = &from->value.at(nlohmann::json::json_pointer(list_pointer));
      } catch (const std::exception&) {
        r.error("opties_uit", "\"" + list_pointer + "\" staat niet in " + rel);
        return;
      }
      if (!list->is_array()) {
        from->error(diags_, list_pointer, "verwacht een lijst met keuzes");
        return;
      }
    }
    if (const json* fills = r.array("vult")) {
      for (size_t i = 0; i < fills->size(); ++i) {
        if ((*fills)[i].is_string()) f.fills.push_back((*fills)[i].get<std::string>());
        else r.error("vult", "\"vult\" is een lijst met veld-ids");
      }
    }
    if (f.type == FieldType::checkbox && !list) return;  // a single yes/no checkbox
    if (!list) {
      r.error("", "veld \"" + f.id + "\" heeft geen \"opties\"");
      return;
    }
    if (list->empty()) {
      if (from == &*form_.data) r.error("opties", "veld \"" + f.id + "\" heeft een lege lijst \"opties\"");
      else from->error(diags_, list_pointer, "lege lijst met keuzes voor veld \"" + f.id + "\"");
      return;
    }
    std::set<std::string> values;
    for (size_t i = 0; i < list->size(); ++i) {
      const std::string p = list_pointer + "/" + std::to_string(i);
      Reader o(*from, diags_, (*list)[i], p);
      if (!o.is_object()) continue;
      Option opt;
      opt.pointer = p;
      // Own options: waarde/label/hint; options from a file (profiles): id/naam/toelichting.
      const bool external = from != &*form_.data;
      opt.value = o.text(external ? "id" : "waarde", true);
      opt.label = o.text(external ? "naam" : "label", true);
      opt.hint = o.text(external ? "toelichting" : "hint");
      if (external) {
        o.get("bronnen");  // documentation for editors
      }
      if (const json* w = o.get("waarden")) {
        if (!w->is_object()) o.error("waarden", "\"waarden\" is een object: veld-id → waarde");
        else opt.fills = *w;
        option_fill_files_.push_back({from, p + "/waarden"});
      }
      o.done();
      if (!opt.value.empty() && !values.insert(opt.value).second)
        o.error(external ? "id" : "waarde", "dubbele keuze \"" + opt.value + "\"");
      f.options.push_back(std::move(opt));
    }
  }

  void check(const json& value, const std::string& pointer) {
    Reader r(*form_.data, diags_, value, pointer);
    if (!r.is_object()) return;
    Check c;
    c.pointer = pointer;
    c.id = r.text("id", true);
    c.message = r.text("melding", true);
    c.field = r.text("veld", true);
    if (const json* v = r.get("als")) c.rule = *v;
    else r.error("", "een controle heeft een regel \"als\"");
    claim_id(c.id, r, "id", outcome_ids_);
    r.done();
    form_.checks.push_back(std::move(c));
  }

  void signal(const json& value, const std::string& pointer) {
    Reader r(*form_.data, diags_, value, pointer);
    if (!r.is_object()) return;
    Signal s;
    s.pointer = pointer;
    s.id = r.text("id", true);
    s.kind = r.text("soort");
    if (s.kind.empty()) s.kind = "waarschuwing";
    // "conclusie": the one-line outcome shown at the top of the results, not in the list of signals.
    if (s.kind != "waarschuwing" && s.kind != "info" && s.kind != "conclusie")
      r.error("soort", "\"soort\" is \"waarschuwing\", \"info\" of \"conclusie\"");
    s.title = r.text("titel", true);
    s.text = r.text("tekst", true);
    s.when = r.text("wanneer", true);
    if (const json* v = r.get("als")) s.rule = *v;
    else r.error("", "een signaal heeft een regel \"als\"");
    claim_id(s.id, r, "id", outcome_ids_);
    r.done();
    form_.signals.push_back(std::move(s));
  }

  void example(const json& value, const std::string& pointer) {
    Reader r(*form_.data, diags_, value, pointer);
    if (!r.is_object()) return;
    Example e;
    e.pointer = pointer;
    e.name = r.text("naam", true);
    e.source = r.text("bron");
    if (const json* v = r.get("invoer"); v && v->is_object()) e.input = *v;
    else r.error(v ? "invoer" : "", "een voorbeeld heeft \"invoer\": een object veld-id → antwoord");
    if (const json* v = r.get("verwacht"); v && v->is_object()) e.expected = *v;
    else r.error(v ? "verwacht" : "", "een voorbeeld heeft \"verwacht\": waarden, \"signalen\" en/of \"fouten\"");
    if (const json* v = r.get("dossier"); v && v->is_object()) e.dossier = *v;
    else if (v) r.error("dossier", "\"dossier\" van een voorbeeld is een object formulier-id → antwoorden");
    r.done();
    form_.examples.push_back(std::move(e));
  }

  void migration(const json& value, const std::string& pointer) {
    Reader r(*form_.data, diags_, value, pointer);
    if (!r.is_object()) return;
    Migration m;
    m.pointer = pointer;
    if (auto v = r.integer("van")) m.from = static_cast<int>(*v);
    else r.error("", "een migratie heeft \"van\": de versie waaruit zij antwoorden omzet");
    m.rename = r.get("hernoem") ? *r.get("hernoem") : json::object();
    m.defaults = r.get("standaard") ? *r.get("standaard") : json::object();
    m.remove = r.get("verwijder") ? *r.get("verwijder") : json::array();
    if (!m.rename.is_object()) r.error("hernoem", "\"hernoem\" is een object: oud id → nieuw id");
    if (!m.defaults.is_object()) r.error("standaard", "\"standaard\" is een object: veld-id → waarde");
    if (!m.remove.is_array()) r.error("verwijder", "\"verwijder\" is een lijst met ids");
    if (m.from >= form_.version || m.from < 1)
      r.error("van", "\"van\" moet een oudere versie zijn (1 t/m " + std::to_string(form_.version - 1) + ")");
    r.done();
    form_.migrations.push_back(std::move(m));
  }

  void claim_id(const std::string& id, Reader& r, const std::string& key, std::map<std::string, std::string>& taken) {
    if (id.empty()) return;
    if (!valid_id(id)) {
      r.error(key, "ongeldig id \"" + id + "\": begin met a-z, daarna a-z, 0-9 of _");
      return;
    }
    auto [it, fresh] = taken.emplace(id, r.at(key));
    if (!fresh) {
      auto [line, col] = form_.data->at(it->second);
      r.error(key, "dubbel id \"" + id + "\" (ook op regel " + std::to_string(line) + ":" + std::to_string(col) + ")");
    }
  }

  /// Checks of one rule: static issues and every variable it reads.
  void rule(const json& rule, const std::string& pointer, const Field* group, const std::string& self,
            const std::set<std::string>& known_before) {
    for (const auto& issue : jsonlogic::check(rule)) form_.data->error(diags_, pointer + issue.pointer, issue.message);
    std::vector<std::string> vars;
    try {
      vars = jsonlogic::variables(rule);
    } catch (const jsonlogic::Error& e) {
      form_.data->error(diags_, pointer, e.message);
      return;
    }
    for (const auto& var : vars) {
      const std::string head = var.substr(0, var.find('.'));
      const std::string at = pointer + var_pointer(rule, var);
      if (head == kDossierVar) {  // another form's answer: checked when every form is known
        const std::string rest = var.size() > head.size() ? var.substr(head.size() + 1) : "";
        const size_t dot = rest.find('.');
        DossierRead& read = form_.dossier_reads.emplace_back();
        read.form = rest.substr(0, dot);
        read.field = dot == std::string::npos ? "" : rest.substr(dot + 1, rest.find('.', dot + 1) - dot - 1);
        read.pointer = at;
        continue;
      }
      const Field* f = form_.find(head);
      const Field* owner = f ? form_.group_of(head) : nullptr;
      if (!f || (owner && owner != group)) {
        std::string why = !f ? "onbekend veld \"" + head + "\"" : "veld \"" + head + "\" hoort bij groep \"" + owner->id + "\"";
        form_.data->error(diags_, at, "de regel leest " + why + (owner && owner != group ? "; lees de groep als lijst" : ""));
      } else if (head == self) {
        form_.data->error(diags_, at, "de regel van \"" + self + "\" leest zichzelf");
      } else if (f->type == FieldType::computed && !known_before.count(head)) {
        form_.data->error(diags_, at, "de regel leest \"" + head + "\", dat pas later wordt berekend; zet het eerder in het formulier");
      }
    }
  }

  /// JSON pointer (within a rule) of the first var/val/missing node reading `var`, or "".
  static std::string var_pointer(const json& rule, const std::string& var) {
    std::string found;
    std::function<bool(const json&, const std::string&)> walk = [&](const json& node, const std::string& at) {
      if (node.is_object()) {
        for (const auto& [op, arg] : node.items()) {
          if (op == "var" || op == "val") {
            std::string path;
            if (arg.is_string()) path = arg.get<std::string>();
            else if (arg.is_array() && !arg.empty() && arg[0].is_string()) {
              for (const auto& part : arg)
                if (part.is_string()) path += (path.empty() ? "" : ".") + part.get<std::string>();
            }
            if (path == var || path.rfind(var + ".", 0) == 0 || var.rfind(path + ".", 0) == 0) {
              found = at + "/" + pointer_token(op);
              return true;
            }
          }
          if (walk(arg, at + "/" + pointer_token(op))) return true;
        }
      } else if (node.is_array()) {
        for (size_t i = 0; i < node.size(); ++i)
          if (walk(node[i], at + "/" + std::to_string(i))) return true;
      } else if (node.is_string() && node.get<std::string>() == var && !at.empty()) {
        found = at;  // a name in missing/missing_some
        return true;
      }
      return false;
    };
    walk(rule, "");
    return found;
  }

  /// Derives the words of simple visibility rules: {"==": [{"var": X}, V]} and
  /// {"in": [{"var": X}, [V, …]]} on a choice field X → "als ‘Label’ is: Keuze (of Keuze)".
  void describe_visibility(std::vector<Field>& fields) {
    for (auto& f : fields) {
      describe_visibility(f.fields);
      if (f.visible.is_null() || !f.visible_text.empty() || !f.visible.is_object() || f.visible.size() != 1) continue;
      // Not `const auto& [op, args] = *items().begin()`: the key lives in the temporary proxy
      // (AddressSanitizer: stack-use-after-scope).
      const std::string op = f.visible.begin().key();
      const json& args = f.visible.begin().value();
      if ((op != "==" && op != "in") || !args.is_array() || args.size() != 2 || !args[0].is_object() ||
          !args[0].contains("var") || !args[0]["var"].is_string())
        continue;
      const Field* source = form_.find(args[0]["var"].get<std::string>());
      if (!source || source->options.empty()) continue;
      const json values = op == "==" ? json::array({args[1]}) : args[1];
      if (!values.is_array()) continue;
      std::string labels;
      bool all = true;
      for (const auto& v : values) {
        std::string label;
        for (const auto& o : source->options)
          if (v.is_string() && o.value == v) label = o.label;
        all = all && !label.empty();
        labels += (labels.empty() ? "" : " of ") + label;
      }
      if (all) f.visible_text = "als bij “" + source->label + "” is gekozen: " + labels;
    }
  }

  void field_rules(const Field& f, const Field* group, std::set<std::string>& known) {
    if (!f.visible.is_null()) rule(f.visible, f.pointer + "/zichtbaar", group, f.id, known);
    if (!f.required_rule.is_null()) rule(f.required_rule, f.pointer + "/verplicht", group, f.id, known);
    if (f.type == FieldType::computed && !f.rule.is_null()) rule(f.rule, f.pointer + "/regel", group, f.id, known);
    known.insert(f.id);
    for (const auto& inner : f.fields) field_rules(inner, &f, known);
  }

  void late_checks() {
    std::set<std::string> known;
    for (const auto& s : form_.sections) {
      if (!s.visible.is_null()) rule(s.visible, s.pointer + "/zichtbaar", nullptr, "", known);
      for (const auto& f : s.fields) field_rules(f, nullptr, known);
    }
    for (const auto& c : form_.checks) {
      if (!c.rule.is_null()) rule(c.rule, c.pointer + "/als", form_.group_of(c.field), "", known);
      if (!c.field.empty() && !form_.find(c.field))
        form_.data->error(diags_, c.pointer + "/veld", "onbekend veld \"" + c.field + "\"");
    }
    for (const auto& s : form_.signals) {
      if (!s.rule.is_null()) rule(s.rule, s.pointer + "/als", nullptr, "", known);
      static const std::regex placeholder("\\{([^}]*)\\}");
      for (std::sregex_iterator it(s.text.begin(), s.text.end(), placeholder), end; it != end; ++it) {
        const std::string id = (*it)[1];
        if (!form_.find(id) || form_.group_of(id))
          form_.data->error(diags_, s.pointer + "/tekst", "de tekst noemt {" + id + "}, geen veld van het formulier");
      }
    }
    for (auto& s : form_.sections) describe_visibility(s.fields);
    form_.for_each_field([&](const Field& f, const Field*) {
      // Visibility in words, for the page without JavaScript.
      if (!f.visible.is_null() && f.visible_text.empty())
        form_.data->error(diags_, f.pointer + "/zichtbaar",
                          "geef \"zichtbaar_uitleg\": wanneer dit veld geldt, in woorden (voor de pagina zonder JavaScript)");
      for (const auto& id : f.fills) {
        const Field* target = form_.find(id);
        if (!target) form_.data->error(diags_, f.pointer + "/vult", "\"vult\" noemt onbekend veld \"" + id + "\"");
        else if (target->type == FieldType::computed || target->type == FieldType::group)
          form_.data->error(diags_, f.pointer + "/vult", "\"vult\" kan geen berekend veld of groep vullen: \"" + id + "\"");
      }
      if (!f.default_value.is_null() && !f.options.empty() && f.type != FieldType::checkbox) {
        bool ok = f.default_value.is_string() &&
                  std::any_of(f.options.begin(), f.options.end(), [&](const Option& o) { return o.value == f.default_value; });
        if (!ok) form_.data->error(diags_, f.pointer + "/standaard", "de standaardwaarde is geen van de keuzes");
      }
    });
    for (const auto& s : form_.sections)
      if (!s.visible.is_null() && s.visible_text.empty())
        form_.data->error(diags_, s.pointer + "/zichtbaar", "geef \"zichtbaar_uitleg\": wanneer deze sectie geldt, in woorden");
    // Values an option fills must fit the field they go into.
    form_.for_each_field([&](const Field& f, const Field*) {
      for (const auto& opt : f.options) {
        if (!opt.fills.is_object()) continue;
        const DataFile* file = nullptr;
        std::string base;
        for (const auto& [df, p] : option_fill_files_)
          if (p == opt.pointer + "/waarden") file = df, base = p;
        if (!file) continue;
        for (const auto& [id, value] : opt.fills.items()) {
          const std::string at = base + "/" + pointer_token(id);
          const Field* target = form_.find(id);
          if (std::find(f.fills.begin(), f.fills.end(), id) == f.fills.end()) {
            file->error(diags_, at, "\"" + id + "\" staat niet in \"vult\" van veld \"" + f.id + "\"");
          } else if (target && target->type == FieldType::number && !value.is_number() && !value.is_null()) {
            file->error(diags_, at, "\"" + id + "\" is een getal (of null als de bronnen geen waarde geven)");
          } else if (target && !target->options.empty() &&
                     !std::any_of(target->options.begin(), target->options.end(),
                                  [&value = value](const Option& o) { return value.is_string() && o.value == value; })) {
            file->error(diags_, at, "\"" + id + "\" heeft geen keuze " + value.dump());
          }
        }
      }
    });
    for (size_t i = 0; i < form_.migrations.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (form_.migrations[i].from == form_.migrations[j].from)
          form_.data->error(diags_, form_.migrations[i].pointer + "/van", "dubbele migratie van versie " + std::to_string(form_.migrations[i].from));
    const bool has_rules = !form_.checks.empty() || !form_.signals.empty() || [&] {
      bool any = false;
      form_.for_each_field([&](const Field& f, const Field*) { any = any || f.type == FieldType::computed; });
      return any;
    }();
    if (has_rules && form_.examples.empty())
      form_.data->error(diags_, "", "een formulier met regels heeft \"voorbeelden\" (invoer → verwachte uitkomst)");
  }

  const SourceTree& tree_;
  Form& form_;
  Diagnostics& diags_;
  std::map<std::string, std::string> section_ids_, field_ids_, outcome_ids_;
  std::list<DataFile> extra_files_;
  std::vector<std::pair<const DataFile*, std::string>> option_fill_files_;
};

void visit(const std::vector<Field>& fields, const Field* group,
           const std::function<void(const Field&, const Field*)>& fn) {
  for (const auto& f : fields) {
    fn(f, group);
    if (f.type == FieldType::group) visit(f.fields, &f, fn);
  }
}

json field_json(const Field& f) {
  json out = {{"id", f.id}, {"type", f.type_name}, {"label", f.label}};
  if (f.required) out["verplicht"] = f.required_rule.is_null() ? json(true) : f.required_rule;
  if (!f.error_text.empty()) out["foutmelding"] = f.error_text;
  if (f.min) out["min"] = *f.min;
  if (f.max) out["max"] = *f.max;
  if (!f.default_value.is_null()) out["standaard"] = f.default_value;
  if (!f.visible.is_null()) out["zichtbaar"] = f.visible;
  if (f.type == FieldType::computed) {
    out["regel"] = f.rule;
    out["decimalen"] = f.decimals;
  }
  if (!f.fills.empty()) {
    out["vult"] = f.fills;
    json presets = json::object();
    for (const auto& o : f.options)
      if (o.fills.is_object()) presets[o.value] = o.fills;
    out["waarden"] = presets;
  }
  if (!f.options.empty()) {
    json values = json::array();
    for (const auto& o : f.options) values.push_back(o.value);
    out["opties"] = values;
  }
  if (f.type == FieldType::group) {
    out["min_aantal"] = f.min_count;
    out["max_aantal"] = f.max_count;
    out["item_label"] = f.item_label;
    out["velden"] = json::array();
    for (const auto& inner : f.fields) out["velden"].push_back(field_json(inner));
  }
  return out;
}

}  // namespace

bool valid_id(const std::string& id) {
  if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

void Form::for_each_field(const std::function<void(const Field&, const Field*)>& fn) const {
  for (const auto& s : sections) visit(s.fields, nullptr, fn);
}

const Field* Form::find(const std::string& id) const {
  const Field* found = nullptr;
  for_each_field([&](const Field& f, const Field*) {
    if (!found && f.id == id) found = &f;
  });
  return found;
}

const Field* Form::group_of(const std::string& id) const {
  const Field* found = nullptr;
  for_each_field([&](const Field& f, const Field* group) {
    if (!found && f.id == id) found = group;
  });
  return found;
}

std::optional<Form> load_form(const SourceTree& tree, const std::string& path, Diagnostics& diags) {
  Diagnostics local;
  auto file = load_data_file(tree, path, local);
  for (const auto& d : local.sorted()) diags.add(d);
  if (!file) return std::nullopt;
  return load_form(tree, path, std::move(*file), diags);
}

std::optional<Form> load_form(const SourceTree& tree, const std::string& path, DataFile data, Diagnostics& diags) {
  Diagnostics local;
  Form form;
  form.path = path;
  form.file = data.file;
  form.data = std::move(data);
  Parser(tree, form, local).parse();
  for (const auto& d : local.sorted()) diags.add(d);
  if (local.has_errors()) return std::nullopt;
  return form;
}

json browser_definition(const Form& form) {
  json sections = json::array();
  for (const auto& s : form.sections) {
    json fields = json::array();
    for (const auto& f : s.fields) fields.push_back(field_json(f));
    json section = {{"id", s.id}, {"velden", fields}};
    if (!s.visible.is_null()) section["zichtbaar"] = s.visible;
    sections.push_back(section);
  }
  json checks = json::array(), signals = json::array(), migrations = json::array();
  for (const auto& c : form.checks) checks.push_back({{"id", c.id}, {"als", c.rule}, {"melding", c.message}, {"veld", c.field}});
  for (const auto& s : form.signals)
    signals.push_back({{"id", s.id}, {"als", s.rule}, {"soort", s.kind}, {"titel", s.title}, {"tekst", s.text}});
  for (const auto& m : form.migrations)
    migrations.push_back({{"van", m.from}, {"hernoem", m.rename}, {"standaard", m.defaults}, {"verwijder", m.remove}});
  json def = {{"id", form.id},       {"titel", form.title},  {"versie", form.version}, {"secties", sections},
              {"controles", checks}, {"signalen", signals},  {"migraties", migrations}};
  if (!form.previous_ids.empty()) def["voorheen"] = form.previous_ids;
  // The other forms its rules read: which of their fields are numbers, where their answers were before.
  for (const auto& read : form.dossier_reads) {
    json& other = def["dossier"][read.form];
    if (!other.contains("getallen")) other = {{"getallen", json::array()}, {"voorheen", read.previous}};
    if (read.number && std::find(other["getallen"].begin(), other["getallen"].end(), read.field) == other["getallen"].end())
      other["getallen"].push_back(read.field);
  }
  return def;
}

}  // namespace wijzer::forms
