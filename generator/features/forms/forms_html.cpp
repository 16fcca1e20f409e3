#include "forms_html.h"

#include <cmath>
#include <cstdio>
#include <regex>

#include "text.h"

namespace wijzer::forms {
namespace {

std::string esc(const std::string& s) { return html_escape(s); }

std::string attr(const std::string& name, const std::string& value) { return " " + name + "=\"" + esc(value) + "\""; }

/// Renders the fields of one form; `index`/`number` are the item index and its 1-based number
/// inside a group (template placeholders __N__ / __NR__ in the <template>).
class Renderer {
 public:
  explicit Renderer(const Form& form) : form_(form) {}

  std::string form_html() {
    std::string out;
    for (const auto& s : form_.sections) section(out, s);
    return out;
  }

  std::string field(const Field& f, const Field* group, const std::string& index) {
    const std::string id = control_id(form_.id, f.id, group ? group->id : "", index);
    const std::string name = group ? group->id + "." + index + "." + f.id : f.id;
    std::string described;
    std::string extra;  // hint, condition and unit paragraphs before the control
    auto describe = [&](const std::string& suffix, const std::string& cls, const std::string& text) {
      if (text.empty()) return;
      described += (described.empty() ? "" : " ") + id + suffix;
      extra += "<p class=\"" + cls + "\" id=\"" + id + suffix + "\">" + esc(text) + "</p>";
    };
    describe("-hint", "veld__hint", f.hint);
    if (!f.visible_text.empty()) describe("-voorwaarde", "veld__voorwaarde", "Alleen van toepassing " + f.visible_text + ".");
    std::string wrapper_attrs = attr("data-veld", f.id);
    if (group) wrapper_attrs += attr("data-groep", group->id);
    const std::string optional = (!f.required && f.type != FieldType::computed && f.type != FieldType::group &&
                                  !(f.type == FieldType::checkbox && f.options.empty()))
                                     ? " <span class=\"veld__optioneel\">(niet verplicht)</span>"
                                     : "";
    std::string out;
    switch (f.type) {
      case FieldType::radio:
      case FieldType::checkbox: {
        if (f.type == FieldType::checkbox && f.options.empty()) {
          out += "<div class=\"veld veld--vink\"" + wrapper_attrs + " id=\"" + id + "-veld\">" + extra;
          out += "<div class=\"keuze\"><input class=\"keuze__invoer\" type=\"checkbox\"" + attr("id", id) + attr("name", name) +
                 " value=\"ja\"" + (f.default_value == true ? " checked" : "") +
                 (described.empty() ? "" : attr("aria-describedby", described)) + "><label class=\"keuze__label\"" +
                 attr("for", id) + ">" + esc(f.label) + "</label></div></div>";
          break;
        }
        const std::string kind = f.type == FieldType::radio ? "radio" : "checkbox";
        out += "<fieldset class=\"veld veld--keuzes\"" + wrapper_attrs + attr("id", id) +
               (described.empty() ? "" : attr("aria-describedby", described)) + "><legend class=\"veld__label\">" +
               esc(f.label) + optional + "</legend>" + extra + "<div class=\"keuzes\">";
        for (size_t i = 0; i < f.options.size(); ++i) {
          const Option& o = f.options[i];
          const std::string oid = id + "-" + std::to_string(i);
          const bool checked = f.default_value.is_string() && f.default_value == o.value;
          out += "<div class=\"keuze\"><input class=\"keuze__invoer\" type=\"" + kind + "\"" + attr("id", oid) + attr("name", name) +
                 attr("value", o.value) + (checked ? " checked" : "") +
                 (o.hint.empty() ? "" : attr("aria-describedby", oid + "-hint")) + "><label class=\"keuze__label\"" +
                 attr("for", oid) + ">" + esc(o.label) + "</label>";
          if (!o.hint.empty()) out += "<p class=\"keuze__hint\" id=\"" + oid + "-hint\">" + esc(o.hint) + "</p>";
          out += "</div>";
        }
        out += "</div></fieldset>";
        break;
      }
      case FieldType::group: {
        out += "<fieldset class=\"veld groep\"" + wrapper_attrs + attr("id", id) +
               (described.empty() ? "" : attr("aria-describedby", described)) + attr("data-min", std::to_string(f.min_count)) +
               attr("data-max", std::to_string(f.max_count)) + "><legend class=\"veld__label\">" + esc(f.label) + "</legend>" +
               extra;
        std::string limits;
        if (f.min_count && f.max_count) limits = "Minstens " + std::to_string(f.min_count) + ", hoogstens " + std::to_string(f.max_count) + ".";
        else if (f.max_count) limits = "Hoogstens " + std::to_string(f.max_count) + ".";
        else if (f.min_count) limits = "Minstens " + std::to_string(f.min_count) + ".";
        if (!limits.empty()) out += "<p class=\"veld__hint\">" + esc(f.item_label) + ": " + limits + "</p>";
        out += "<ol class=\"groep__items\">";
        const int shown = std::max(1, f.min_count);
        for (int i = 0; i < shown; ++i) out += item(f, std::to_string(i), std::to_string(i + 1));
        out += "</ol><template class=\"groep__sjabloon\">" + item(f, "__N__", "__NR__") + "</template>";
        out += "<button type=\"button\" class=\"knop knop--tweede groep__erbij\" hidden>" + esc(f.item_label) +
               " toevoegen</button></fieldset>";
        break;
      }
      default: {
        out += "<div class=\"veld\"" + wrapper_attrs + attr("id", id + "-veld") + "><label class=\"veld__label\"" +
               attr("for", id) + ">" + esc(f.label) + optional + "</label>";
        std::string unit;
        if (!f.unit.empty()) {
          unit = "<span class=\"veld__eenheid\" id=\"" + id + "-eenheid\">" + esc(f.unit) + "</span>";
          described += (described.empty() ? "" : " ") + id + "-eenheid";
        }
        if (f.type == FieldType::computed) {
          extra += "<p class=\"veld__regel\" id=\"" + id + "-regel\">Rekenregel: " + esc(f.explanation) + "</p>";
          described += (described.empty() ? "" : " ") + id + "-regel";
        }
        if ((f.min || f.max) && f.type == FieldType::number) {
          std::string range = f.min && f.max ? "Van " + dutch_number(*f.min) + " tot en met " + dutch_number(*f.max) + "."
                              : f.min     ? "Minstens " + dutch_number(*f.min) + "."
                                          : "Hoogstens " + dutch_number(*f.max) + ".";
          extra += "<p class=\"veld__bereik\" id=\"" + id + "-bereik\">" + esc(range) + "</p>";
          described += (described.empty() ? "" : " ") + id + "-bereik";
        }
        out += extra + "<div class=\"veld__invoer\">";
        const std::string aria = described.empty() ? "" : attr("aria-describedby", described);
        const std::string req = f.required ? " required" : "";
        switch (f.type) {
          case FieldType::textarea:
            out += "<textarea class=\"veld__tekstvak\"" + attr("id", id) + attr("name", name) +
                   attr("rows", std::to_string(f.rows ? f.rows : 4)) + aria + req + ">" +
                   (f.default_value.is_string() ? esc(f.default_value.get<std::string>()) : "") + "</textarea>";
            break;
          case FieldType::select: {
            out += "<select class=\"veld__keuzelijst\"" + attr("id", id) + attr("name", name) + aria + req + ">";
            if (!f.default_value.is_string()) out += "<option value=\"\">Kies…</option>";
            for (const auto& o : f.options)
              out += "<option" + attr("value", o.value) + (f.default_value == o.value ? " selected" : "") + ">" + esc(o.label) + "</option>";
            out += "</select>";
            break;
          }
          case FieldType::computed:
            out += "<output class=\"veld__uitkomst\"" + attr("id", id) + attr("name", name) + aria +
                   ">—</output>";
            break;
          default: {
            const char* type = f.type == FieldType::number ? "number" : f.type == FieldType::date ? "date" : "text";
            out += "<input class=\"veld__tekst" + std::string(f.type == FieldType::number ? " veld__tekst--getal" : "") +
                   "\" type=\"" + type + "\"" + attr("id", id) + attr("name", name) + aria + req;
            if (f.type == FieldType::number) {
              if (f.min) out += attr("min", dutch_free(*f.min));
              if (f.max) out += attr("max", dutch_free(*f.max));
              out += attr("step", f.step) + " inputmode=\"decimal\"";
            }
            if (f.type == FieldType::text) out += " autocomplete=\"off\"";
            if (f.default_value.is_number()) out += attr("value", dutch_free(f.default_value.get<double>()));
            else if (f.default_value.is_string()) out += attr("value", f.default_value.get<std::string>());
            out += ">";
          }
        }
        out += unit + "</div>";
        if (f.type == FieldType::select && !f.fills.empty()) out += presets(f);
        out += "</div>";
      }
    }
    return out;
  }

 private:
  /// A number as HTML attributes want it (point, no trailing zeros).
  static std::string dutch_free(double v) {
    std::string s = dutch_number(v);
    for (auto& c : s)
      if (c == ',') c = '.';
    return s;
  }

  std::string item(const Field& group, const std::string& index, const std::string& number) {
    std::string out = "<li class=\"groep__item\"" + attr("data-index", index) + "><fieldset class=\"groep__fieldset\"><legend class=\"groep__kop\">" +
                      esc(group.item_label) + " " + number + "</legend>";
    for (const auto& inner : group.fields) out += field(inner, &group, index);
    out += "<button type=\"button\" class=\"knop knop--tweede knop--klein groep__weg\" hidden>" + esc(group.item_label) + " " +
           number + " verwijderen</button></fieldset></li>";
    return out;
  }

  /// What each choice of a profile select fills in, as a table (readable without JavaScript).
  std::string presets(const Field& f) {
    std::string out = "<details class=\"veld__profielen\"><summary>Wat elk profiel invult</summary>";
    for (const auto& o : f.options) {
      out += "<h3 class=\"profiel__naam\">" + esc(o.label) + "</h3>";
      if (!o.hint.empty()) out += "<p>" + esc(o.hint) + "</p>";
      if (!o.fills.is_object()) continue;
      out += "<dl class=\"profiel__waarden\">";
      for (const auto& id : f.fills) {
        const Field* target = form_.find(id);
        if (!target || !o.fills.contains(id)) continue;
        const auto& v = o.fills[id];
        std::string shown;
        if (v.is_null()) shown = "geen waarde in de bronnen: vul zelf in";
        else if (v.is_number()) shown = dutch_number(v.get<double>()) + (target->unit.empty() ? "" : " " + target->unit);
        else if (v.is_string()) {
          shown = v.get<std::string>();
          for (const auto& opt : target->options)
            if (opt.value == shown) shown = opt.label;
        } else {
          shown = v.dump();
        }
        out += "<dt>" + esc(target->label) + "</dt><dd>" + esc(shown) + "</dd>";
      }
      out += "</dl>";
    }
    return out + "</details>";
  }

  void section(std::string& out, const Section& s) {
    const std::string id = "fv-" + form_.id + "-sectie-" + s.id;
    out += "<section class=\"formulier__sectie\"" + attr("id", id) + attr("data-sectie", s.id) + attr("aria-labelledby", id + "-kop") +
           "><h2 class=\"formulier__kop\"" + attr("id", id + "-kop") + ">" + esc(s.title) + "</h2>";
    if (!s.help.empty()) out += "<p class=\"formulier__hulp\">" + esc(s.help) + "</p>";
    if (!s.visible_text.empty()) out += "<p class=\"veld__voorwaarde\">Alleen van toepassing " + esc(s.visible_text) + ".</p>";
    for (const auto& f : s.fields) out += field(f, nullptr, "");
    out += "</section>";
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
std::string script_json(const nlohmann::json& value) {
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

std::string render_form(const Form& form) {
  const std::string p = "fv-" + form.id;
  std::string out = "<div class=\"hulpmiddel\"" + attr("data-formulier", form.id) + attr("data-definitie", p + "-definitie") + ">";
  // Where the data lives (always shown), and the dossier controls (JavaScript only).
  out += "<section class=\"opslag\" aria-labelledby=\"" + p + "-opslag-kop\"><h2 class=\"opslag__kop\" id=\"" + p +
         "-opslag-kop\">Uw gegevens blijven op dit apparaat</h2>"
         "<p>Wat u invult, bewaart de browser op dit apparaat (in de lokale opslag, <span lang=\"en\">localStorage</span>). "
         "Er gaat niets naar een server: de pagina verstuurt geen gegevens. Wie dit apparaat en deze browser gebruikt, kan de "
         "dossiers zien; wis ze op een gedeelde computer na gebruik.</p>"
         "<p class=\"zonder-js\">Zonder JavaScript wordt niets bewaard en rekent het formulier niet. U kunt het wel invullen en "
         "afdrukken; de rekenregels staan onder het formulier.</p>";
  out += "<div class=\"dossier\" hidden>"
         "<div class=\"dossier__rij\"><label class=\"veld__label\" for=\"" + p + "-dossier\">Dossier</label>"
         "<select class=\"veld__keuzelijst\" id=\"" + p + "-dossier\" data-dossier=\"keuze\"></select>"
         "<button type=\"button\" class=\"knop knop--tweede\" data-dossier=\"nieuw\">Nieuw dossier</button></div>"
         "<div class=\"dossier__rij\"><label class=\"veld__label\" for=\"" + p + "-dossiernaam\">Naam van dit dossier</label>"
         "<p class=\"veld__hint\" id=\"" + p + "-dossiernaam-hint\">Eén dossier per cliënt. Gebruik liever een code of "
         "initialen dan een volledige naam.</p>"
         "<input class=\"veld__tekst\" type=\"text\" id=\"" + p + "-dossiernaam\" data-dossier=\"naam\" autocomplete=\"off\" "
         "aria-describedby=\"" + p + "-dossiernaam-hint\"></div>"
         "<div class=\"dossier__knoppen\">"
         "<button type=\"button\" class=\"knop knop--tweede\" data-dossier=\"exporteer\">Dossier exporteren</button>"
         "<button type=\"button\" class=\"knop knop--tweede\" data-dossier=\"verwijder\">Dit dossier verwijderen</button>"
         "<button type=\"button\" class=\"knop knop--tweede\" data-dossier=\"afdrukken\">Afdrukken</button>"
         "<button type=\"button\" class=\"knop knop--gevaar\" data-dossier=\"wis\">Alles wissen</button></div>"
         "<div class=\"dossier__rij\"><label class=\"veld__label\" for=\"" + p + "-import\">Dossier importeren</label>"
         "<p class=\"veld__hint\" id=\"" + p + "-import-hint\">Een JSON-bestand dat met “Dossier exporteren” is gemaakt. "
         "Het wordt een nieuw dossier; bestaande dossiers blijven zoals ze zijn.</p>"
         "<input class=\"dossier__bestand\" type=\"file\" id=\"" + p + "-import\" data-dossier=\"import\" "
         "accept=\".json,application/json\" aria-describedby=\"" + p + "-import-hint\"></div>"
         "<div class=\"dossier__bevestig\" data-dossier=\"bevestig\" hidden><p class=\"dossier__vraag\" tabindex=\"-1\"></p>"
         "<button type=\"button\" class=\"knop knop--gevaar\" data-dossier=\"ja\">Ja</button> "
         "<button type=\"button\" class=\"knop knop--tweede\" data-dossier=\"nee\">Annuleren</button></div>"
         "<p class=\"dossier__status\" role=\"status\" data-dossier=\"status\"></p>"
         "</div></section>";

  Renderer renderer(form);
  out += "<form class=\"formulier\" id=\"" + p + "\" novalidate aria-label=\"" + esc(form.title) + "\">";
  out += "<div class=\"foutoverzicht\" tabindex=\"-1\" hidden aria-labelledby=\"" + p + "-fouten-kop\">"
         "<h2 class=\"foutoverzicht__kop\" id=\"" + p + "-fouten-kop\">Er is een probleem</h2><ul class=\"foutoverzicht__lijst\"></ul></div>";
  if (!form.intro.empty()) out += "<p class=\"formulier__inleiding\">" + esc(form.intro) + "</p>";
  out += renderer.form_html();
  if (!form.signals.empty()) {
    out += "<section class=\"formulier__sectie signalen\" aria-labelledby=\"" + p + "-signalen-kop\"><h2 class=\"formulier__kop\" id=\"" + p +
           "-signalen-kop\">Signalen</h2><p class=\"zonder-js\">Zonder JavaScript worden de signalen niet getoond. Wanneer "
           "welk signaal geldt, staat hieronder bij de rekenregels.</p><div class=\"signalen__lijst\" aria-live=\"polite\"></div></section>";
  }
  out += "<div class=\"formulier__knoppen\"><button type=\"submit\" class=\"knop\" hidden>Antwoorden controleren</button></div>";
  out += "</form>";

  // The rules in words: what JavaScript computes, readable (and printable) without it.
  out += "<section class=\"rekenregels\" aria-labelledby=\"" + p + "-regels-kop\"><h2 id=\"" + p +
         "-regels-kop\">Rekenregels en signalen</h2>";
  std::string computed;
  form.for_each_field([&](const Field& f, const Field*) {
    if (f.type == FieldType::computed) computed += "<dt>" + esc(f.label) + "</dt><dd>" + esc(f.explanation) + "</dd>";
  });
  if (!computed.empty()) out += "<h3>Berekeningen</h3><dl class=\"rekenregels__lijst\">" + computed + "</dl>";
  if (!form.signals.empty()) {
    out += "<h3>Signalen</h3><dl class=\"rekenregels__lijst\">";
    for (const auto& s : form.signals)
      out += "<dt>" + esc(s.title) + "</dt><dd><p>Wanneer: " + esc(s.when) + "</p><p>" + esc(words(form, s.text)) + "</p></dd>";
    out += "</dl>";
  }
  if (!form.checks.empty()) {
    out += "<h3>Controles</h3><ul>";
    for (const auto& c : form.checks) out += "<li>" + esc(c.message) + "</li>";
    out += "</ul>";
  }
  out += "</section>";
  out += "<script type=\"application/json\" id=\"" + p + "-definitie\">" + script_json(browser_definition(form)) + "</script>";
  return out + "</div>";
}

}  // namespace wijzer::forms
