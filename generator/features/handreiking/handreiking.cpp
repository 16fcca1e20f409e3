#include "handreiking.h"

#include <algorithm>
#include <stdexcept>

#include "frontmatter.h"
#include "handreiking_model.h"
#include "paths.h"

namespace wijzer {
namespace {

using json = nlohmann::json;
using handreiking::Aspect;
using handreiking::Cluster;
using handreiking::lower;
using handreiking::slug;
using Model = handreiking::Handreiking;

std::string folder_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

/// The lines of a page being made, each with the JSON pointer of the text it shows (`from`), so
/// a problem found while the page renders (a broken link in a tip) is reported at that text in
/// aspecten.json rather than at a line of a file that does not exist.
class Lines {
 public:
  Lines(std::initializer_list<std::string> lines, std::string from) : from_(std::move(from)) {
    for (const auto& l : lines) push_back(l);
  }
  /// Lines added from now on show the text at `pointer`.
  void from(std::string pointer) { from_ = std::move(pointer); }
  void push_back(const std::string& line) {
    lines_.push_back(line);
    for (size_t i = 0, n = std::count(line.begin(), line.end(), '\n'); i <= n; ++i) origin_.push_back(from_);
  }
  std::string text() const {
    std::string out;
    for (size_t i = 0; i < lines_.size(); ++i) out += (i ? "\n" : "") + lines_[i];
    return out;
  }
  /// Per line of text() (0-based), the pointer of its text.
  const std::vector<std::string>& origin() const { return origin_; }

 private:
  std::vector<std::string> lines_, origin_;
  std::string from_;
};

/// A YAML scalar for front matter: JSON's quoted string is valid YAML.
std::string quoted(const std::string& s) { return json(s).dump(); }

/// Builds the pages and the form of one handreiking.
class Maker {
 public:
  /// `form_field`: the front-matter field by which a page shows a form (wijzer.yaml forms.field).
  Maker(const Model& h, std::string form_field, Diagnostics& diags)
      : h_(h), form_field_(std::move(form_field)), diags_(diags) {}

  /// The pages, as markdown files would hold them: content/-relative source path → text.
  struct MadePage {
    std::string source;                           ///< content/-relative path
    std::string text;                             ///< as a markdown file would hold it
    std::vector<std::pair<int, int>> line_origin;  ///< per line of text: position in aspecten.json
  };

  std::vector<MadePage> pages() {
    std::vector<MadePage> out;
    const std::string overview = page_path("/paginas/overzicht/pad");
    const std::string invullen = page_path("/paginas/invullen/pad");
    const std::string papier = page_path("/paginas/gespreksformulier/pad");
    if (overview.empty() || invullen.empty() || papier.empty()) return out;
    const std::string folder = folder_of(overview);
    auto add = [&](const std::string& source, const Lines& lines) {
      MadePage page{source, lines.text(), {}};
      for (const auto& pointer : lines.origin()) page.line_origin.push_back(h_.data.at(pointer));
      out.push_back(std::move(page));
    };
    for (const Aspect& a : h_.aspecten) add(aspect_source(folder, a), aspect_page(a));
    add(overview, overview_page(overview, folder));
    add(invullen, invullen_page(invullen, folder));
    add(papier, paper_page());
    return out;
  }

  /// The form definition, with positions in aspecten.json for diagnostics.
  DataFile form() {
    DataFile out;
    out.file = h_.data.file;
    const std::string f = "/formulier";
    json secties = json::array();
    for (const json& s : h_.value(f + "/secties_voor", "array", diags_)) {
      graft(out, f + "/secties_voor/" + std::to_string(secties.size()), "/secties/" + std::to_string(secties.size()));
      secties.push_back(s);
    }
    for (const Aspect& a : h_.aspecten) {
      out.positions["/secties/" + std::to_string(secties.size())] = h_.data.at(a.pointer);
      secties.push_back(aspect_section(a));
    }
    graft(out, f + "/samenvatting", "/secties/" + std::to_string(secties.size()));
    secties.push_back(summary_section());
    const json& na = h_.value(f + "/secties_na", "array", diags_);
    for (size_t i = 0; i < na.size(); ++i) {
      graft(out, f + "/secties_na/" + std::to_string(i), "/secties/" + std::to_string(secties.size()));
      secties.push_back(na[i]);
    }
    json form = {{"id", h_.text(f + "/id", diags_)},
                 {"versie", h_.value(f + "/versie", "number", diags_)},
                 {"titel", h_.text(f + "/titel", diags_)},
                 {"inleiding", h_.text(f + "/inleiding", diags_)},
                 {"secties", secties},
                 {"signalen", h_.value(f + "/signalen", "array", diags_)},
                 {"voorbeelden", examples()}};
    for (const char* key : {"id", "versie", "titel", "inleiding", "signalen"})
      graft(out, f + "/" + key, std::string("/") + key);
    out.value = std::move(form);
    return out;
  }

 private:
  /// Copies the positions under `from` (in aspecten.json) to `to` (in the form).
  void graft(DataFile& out, const std::string& from, const std::string& to) const {
    for (auto it = h_.data.positions.lower_bound(from); it != h_.data.positions.end(); ++it) {
      const std::string& key = it->first;
      if (key.compare(0, from.size(), from) != 0) break;
      if (key.size() > from.size() && key[from.size()] != '/') continue;
      out.positions[to + key.substr(from.size())] = it->second;
    }
  }

  /// A page path from aspecten.json (relative to its folder) as a content/-relative source path.
  std::string page_path(const std::string& pointer) {
    const std::string rel = h_.text(pointer, diags_);
    if (rel.empty()) return "";
    auto resolved = resolve_relative(h_.path, rel);
    const std::string prefix = "content/";
    if (!resolved || resolved->compare(0, prefix.size(), prefix) != 0 || resolved->size() < prefix.size() + 4 ||
        resolved->compare(resolved->size() - 3, 3, ".md") != 0) {
      h_.data.error(diags_, pointer, "\"" + rel + "\" is geen .md-pagina in content/ (relatief aan dit bestand)");
      return "";
    }
    return resolved->substr(prefix.size());
  }

  static std::string aspect_source(const std::string& folder, const Aspect& a) {
    return (folder.empty() ? "" : folder + "/") + slug(a.id) + ".md";
  }

  /// Front matter lines shared by every page: bronnen and bijgewerkt.
  std::vector<std::string> sources_and_date(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> lines = {"bronnen:"};
    for (const auto& b : h_.bronnen) lines.push_back("  - " + quoted(b));
    for (const auto& b : extra) lines.push_back("  - " + quoted(b));
    lines.push_back("bijgewerkt: " + h_.bijgewerkt);
    lines.push_back("---");
    lines.push_back("");
    return lines;
  }

  std::string weight(const std::string& pointer) {
    const json& w = h_.value(pointer, "number", diags_);
    if (w.is_number() && !w.is_number_integer()) h_.data.error(diags_, pointer, "\"gewicht\" is een geheel getal");
    return w.is_number_integer() ? std::to_string(w.get<long long>()) : "0";
  }

  std::map<std::string, std::string> aspect_values(const Aspect& a) const {
    const Cluster& c = h_.clusters[a.cluster];
    return {{"nummer", std::to_string(a.nummer)}, {"naam", a.naam},       {"naam_klein", lower(a.naam)},
            {"cluster", c.naam},                  {"cluster_klein", lower(c.naam)}, {"definitie", a.definitie}};
  }

  Lines aspect_page(const Aspect& a) {
    const std::string p = "/paginas/aspect";
    const auto values = aspect_values(a);
    Lines lines({"---", "title: " + quoted(h_.fill(p + "/titel", values, diags_)), "description: " + quoted(a.definitie),
                 "weight: " + std::to_string(a.nummer), "aspect: " + a.id, "cluster: " + h_.clusters[a.cluster].id},
                a.pointer);
    for (auto& l : sources_and_date()) lines.push_back(std::move(l));
    // Each text from the file, then a blank line.
    auto text = [&](const std::string& pointer, const std::string& line) {
      lines.from(pointer);
      lines.push_back(line);
      lines.push_back("");
    };
    text(p + "/inleiding", h_.fill(p + "/inleiding", values, diags_));
    text(p + "/definitie_kop", "## " + h_.fill(p + "/definitie_kop", values, diags_));
    text(a.pointer + "/definitie", a.definitie);
    text(p + "/definitie_noot", h_.fill(p + "/definitie_noot", values, diags_));
    for (size_t l = 0; l < h_.leefgebieden.size(); ++l) {
      if (a.vragen[l].empty()) continue;
      const std::string q = a.pointer + "/voorbeeldvragen/" + h_.leefgebieden[l].id;
      text(q, "## " + h_.leefgebieden[l].naam + " {#" + slug(h_.leefgebieden[l].id) + "}");
      for (size_t k = 0; k < a.vragen[l].size(); ++k) {
        lines.from(q + "/" + std::to_string(k));
        lines.push_back("- " + a.vragen[l][k]);
      }
      lines.push_back("");
    }
    text(p + "/tip_kop", "## " + h_.fill(p + "/tip_kop", values, diags_));
    text(a.pointer + "/tip", a.tip);
    text(p + "/slot", h_.fill(p + "/slot", values, diags_));
    return lines;
  }

  Lines overview_page(const std::string& source, const std::string& folder) {
    const std::string p = "/paginas/overzicht";
    const std::map<std::string, std::string> values = {{"totaal", std::to_string(h_.totaal_vragen)},
                                                       {"aantal", std::to_string(h_.aspecten.size())}};
    Lines lines({"---", "title: " + quoted(h_.text(p + "/titel", diags_)),
                 "description: " + quoted(h_.fill(p + "/beschrijving", values, diags_)),
                 "weight: " + weight(p + "/gewicht")},
                p);
    for (auto& l : sources_and_date()) lines.push_back(std::move(l));
    lines.from(p + "/inleiding");
    lines.push_back(h_.fill(p + "/inleiding", values, diags_));
    lines.push_back("");
    const std::string head = "| " + h_.text(p + "/tabel/0", diags_) + " | " + h_.text(p + "/tabel/1", diags_) + " |";
    for (const Cluster& c : h_.clusters) {
      lines.from(c.pointer);
      for (const std::string& l : {"## " + c.naam + " {#" + slug(c.id) + "}", std::string(), c.uitleg, std::string(),
                                   head, std::string("|---|---|")})
        lines.push_back(l);
      for (size_t i : c.aspecten) {
        const Aspect& a = h_.aspecten[i];
        lines.from(a.pointer);
        lines.push_back("| " + std::to_string(a.nummer) + ". [" + a.naam + "](" +
                        relative_url(source, aspect_source(folder, a)) + ") | " + std::to_string(a.aantal_vragen()) +
                        " |");
      }
      lines.push_back("");
    }
    lines.from(p + "/slot");
    lines.push_back(h_.fill(p + "/slot", values, diags_));
    lines.push_back("");
    return lines;
  }

  Lines invullen_page(const std::string& source, const std::string& folder) {
    const std::string p = "/paginas/invullen";
    std::vector<std::string> extra;
    const json& more = h_.value(p + "/extra_bronnen", "array", diags_);
    for (size_t i = 0; i < more.size(); ++i) extra.push_back(h_.text(p + "/extra_bronnen/" + std::to_string(i), diags_));
    Lines lines({"---", "title: " + quoted(h_.text(p + "/titel", diags_)),
                 "description: " + quoted(h_.text(p + "/beschrijving", diags_)), "weight: " + weight(p + "/gewicht"),
                 form_field_ + ": " + quoted(h_.text("/formulier/id", diags_))},
                p);
    for (auto& l : sources_and_date(extra)) lines.push_back(std::move(l));
    lines.from(p + "/inleiding");
    lines.push_back(h_.text(p + "/inleiding", diags_));
    lines.push_back("");
    for (const Cluster& c : h_.clusters) {
      lines.from(c.pointer);
      std::string line = "- " + c.naam + ": ";
      for (size_t k = 0; k < c.aspecten.size(); ++k) {
        const Aspect& a = h_.aspecten[c.aspecten[k]];
        line += (k ? ", [" : "[") + h_.fill(p + "/link", aspect_values(a), diags_) + "](" +
                relative_url(source, aspect_source(folder, a)) + ")";
      }
      lines.push_back(line + ".");
    }
    lines.push_back("");
    return lines;
  }

  Lines paper_page() {
    const std::string p = "/paginas/gespreksformulier";
    Lines lines({"---", "title: " + quoted(h_.text(p + "/titel", diags_)),
                 "description: " + quoted(h_.text(p + "/beschrijving", diags_)), "weight: " + weight(p + "/gewicht")},
                p);
    for (auto& l : sources_and_date()) lines.push_back(std::move(l));
    lines.from(p + "/inleiding");
    lines.push_back(h_.text(p + "/inleiding", diags_));
    lines.push_back("");
    const std::string vragen_kop = h_.text(p + "/vragen_kop", diags_);
    const std::string oordeel_kop = h_.text(p + "/oordeel_kop", diags_);
    const std::string na_oordeel = h_.text(p + "/na_oordeel", diags_);
    std::vector<std::string> oordelen;
    const json& opties = h_.value("/formulier/oordelen", "array", diags_);
    for (size_t i = 0; i < opties.size(); ++i)
      oordelen.push_back("- [ ] " + h_.text("/formulier/oordelen/" + std::to_string(i) + "/label", diags_));
    for (const Cluster& c : h_.clusters) {
      lines.from(c.pointer);
      lines.push_back("## " + c.naam + " {#" + slug(c.id) + "}");
      lines.push_back("");
      for (size_t i : c.aspecten) {
        const Aspect& a = h_.aspecten[i];
        lines.from(a.pointer);
        for (const std::string& l : {"### " + std::to_string(a.nummer) + ". " + a.naam + " {#" + slug(a.id) + "}",
                                     std::string(), "*" + a.definitie + "*", std::string(), vragen_kop, std::string()})
          lines.push_back(l);
        for (size_t l = 0; l < h_.leefgebieden.size(); ++l)
          if (!a.vragen[l].empty()) lines.push_back("- " + h_.leefgebieden[l].naam + ": " + a.vragen[l][0]);
        lines.push_back("");
        lines.from(p + "/oordeel_kop");
        lines.push_back(oordeel_kop);
        lines.push_back("");
        lines.from("/formulier/oordelen");
        for (const auto& o : oordelen) lines.push_back(o);
        lines.push_back("");
        lines.from(p + "/na_oordeel");
        lines.push_back(na_oordeel);
        lines.push_back("");
      }
    }
    lines.from(p + "/afsluitend_kop");
    lines.push_back("## " + h_.text(p + "/afsluitend_kop", diags_));
    lines.push_back("");
    const std::string lijn = h_.text(p + "/schrijflijn", diags_);
    const json& vragen = h_.value(p + "/afsluitende_vragen", "array", diags_);
    for (size_t i = 0; i < vragen.size(); ++i) {
      const std::string q = p + "/afsluitende_vragen/" + std::to_string(i);
      const std::string id = h_.text(q, diags_);
      const std::string label = closing_label(id);
      if (label.empty() && !id.empty())
        h_.data.error(diags_, q, "onbekende vraag \"" + id + "\" (verwacht het id van een veld in /formulier/secties_na)");
      lines.from(q);
      lines.push_back("**" + label + "**");
      lines.push_back("");
      lines.push_back(lijn);
      lines.push_back("");
    }
    lines.from(p + "/slot");
    lines.push_back(h_.text(p + "/slot", diags_));
    lines.push_back("");
    return lines;
  }

  /// The label of field `id` in the sections after the aspects, or "".
  std::string closing_label(const std::string& id) const {
    const json::json_pointer where("/formulier/secties_na");
    if (!h_.data.value.contains(where) || !h_.data.value.at(where).is_array()) return "";
    for (const json& s : h_.data.value.at(where))
      if (s.is_object() && s.contains("velden") && s["velden"].is_array())
        for (const json& f : s["velden"])
          if (f.is_object() && f.value("id", "") == id && f.contains("label") && f["label"].is_string())
            return f["label"].get<std::string>();
    return "";
  }

  /// Options for the form: waarde and label (the short label "kort" is for summaries only).
  json options(const std::string& pointer) {
    json out = json::array();
    const json& list = h_.value(pointer, "array", diags_);
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string q = pointer + "/" + std::to_string(i);
      out.push_back({{"waarde", h_.text(q + "/waarde", diags_)}, {"label", h_.text(q + "/label", diags_)}});
    }
    return out;
  }

  /// {"if": [value === waarde₁, kort₁, …, onbekend]}: the short label of the chosen option.
  json label_of(const std::string& field, const std::string& pointer) {
    json arms = json::array();
    const json& list = h_.value(pointer, "array", diags_);
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string q = pointer + "/" + std::to_string(i);
      arms.push_back({{"===", {{{"var", field}}, h_.text(q + "/waarde", diags_)}}});
      arms.push_back(h_.text(q + "/kort", diags_));
    }
    arms.push_back(h_.text("/formulier/samenvatting/onbekend", diags_));
    return {{"if", arms}};
  }

  json needed(const std::string& id) { return {{"in", {{{"var", id}}, h_.value("/formulier/nodig", "array", diags_)}}}; }
  static json one_if(json rule) { return {{"if", {std::move(rule), 1, 0}}}; }
  static json missing(const std::string& id) { return {{"missing", {id}}}; }

  json aspect_section(const Aspect& a) {
    const std::string p = "/formulier/aspect";
    const auto values = aspect_values(a);
    const json zichtbaar = needed(a.id);
    const std::string uitleg = h_.text(p + "/zichtbaar_uitleg", diags_);
    const json& regels = h_.value(p + "/onderbouwing_regels", "number", diags_);
    json velden = json::array();
    velden.push_back({{"id", a.id},
                      {"type", "radio"},
                      {"label", h_.fill(p + "/oordeel_label", values, diags_)},
                      {"hint", h_.text(p + "/oordeel_hint", diags_)},
                      {"opties", options("/formulier/oordelen")}});
    velden.push_back({{"id", a.id + "_duur"}, {"type", "radio"}, {"label", h_.text(p + "/duur_label", diags_)},
                      {"verplicht", true}, {"zichtbaar", zichtbaar}, {"zichtbaar_uitleg", uitleg},
                      {"opties", options("/formulier/duur")}});
    velden.push_back({{"id", a.id + "_intensiteit"}, {"type", "radio"},
                      {"label", h_.text(p + "/intensiteit_label", diags_)}, {"verplicht", true},
                      {"zichtbaar", zichtbaar}, {"zichtbaar_uitleg", uitleg},
                      {"opties", options("/formulier/intensiteit")}});
    velden.push_back({{"id", a.id + "_soort"}, {"type", "checkbox"}, {"label", h_.text(p + "/soort_label", diags_)},
                      {"zichtbaar", zichtbaar}, {"zichtbaar_uitleg", uitleg},
                      {"opties", options("/formulier/soort")}});
    velden.push_back({{"id", a.id + "_onderbouwing"}, {"type", "textarea"},
                      {"label", h_.text(p + "/onderbouwing_label", diags_)}, {"verplicht", true}, {"regels", regels},
                      {"zichtbaar", zichtbaar}, {"zichtbaar_uitleg", uitleg},
                      {"hint", h_.text(p + "/onderbouwing_hint", diags_)}});
    // The voorbeeldvragen of the aspect, per leefgebied, open under it (issue 16): the same
    // questions as its page, without leaving the form.
    json lijsten = json::array();
    for (size_t l = 0; l < h_.leefgebieden.size() && l < a.vragen.size(); ++l)
      if (!a.vragen[l].empty()) lijsten.push_back({{"kop", h_.leefgebieden[l].naam}, {"items", a.vragen[l]}});
    return {{"id", "aspect_" + a.id},
            {"titel", h_.fill(p + "/titel", values, diags_)},
            {"hulp", h_.fill(p + "/hulp", values, diags_)},
            {"uitklap", {{"titel", h_.fill(p + "/voorbeeldvragen", values, diags_)}, {"lijsten", lijsten}}},
            {"velden", velden}};
  }

  /// The samenvattend oordeel: per cluster "n van m: aspect: oordeel, duur …, intensiteit …; …"
  /// and the aspects without a choice by name. An aspect nobody assessed is its own state, never
  /// "niets nodig" (issue 16): a cluster with no choice at all reads "nog niet beoordeeld", one
  /// with only some choices "niets nodig bij de beoordeelde aspecten (nog niet beoordeeld: …)".
  json summary_section() {
    const std::string p = "/formulier/samenvatting";
    const std::string niets = h_.text(p + "/niets", diags_), van = h_.text(p + "/van", diags_),
                      niets_beoordeeld = h_.text(p + "/niets_beoordeeld", diags_),
                      niet_beoordeeld = h_.text(p + "/niet_beoordeeld", diags_),
                      nog_open = h_.text(p + "/nog_open", diags_), nog_open_eind = h_.text(p + "/nog_open_eind", diags_),
                      duur = h_.text(p + "/duur", diags_), intensiteit = h_.text(p + "/intensiteit", diags_);
    json velden = json::array();
    for (const Cluster& c : h_.clusters) {
      json count = json::array(), open = json::array(), items = json::array(), open_names = json::array();
      for (size_t i : c.aspecten) {
        const Aspect& a = h_.aspecten[i];
        count.push_back(one_if(needed(a.id)));
        open.push_back(one_if(missing(a.id)));
        open_names.push_back({{"if", {missing(a.id), a.naam + ", ", ""}}});
        json line = {a.naam,   ": ",        label_of(a.id, "/formulier/oordelen"),
                     duur,     label_of(a.id + "_duur", "/formulier/duur"),
                     intensiteit, label_of(a.id + "_intensiteit", "/formulier/intensiteit"), "; "};
        items.push_back({{"if", {needed(a.id), {{"cat", line}}, ""}}});
      }
      const json n = {{"+", count}}, n_open = {{"+", open}};
      const json names = {{"substr", {{{"cat", open_names}}, 0, -2}}};
      json regel = {{"if",
                     {{{"===", {n_open, c.aspecten.size()}}}, niet_beoordeeld,
                      {{"cat",
                        {{{"if", {{{"===", {n, 0}}}, {{"if", {{{">", {n_open, 0}}}, niets_beoordeeld, niets}}},
                                  {{"cat", {n, van, c.aspecten.size(), ": ", {{"substr", {{{"cat", items}}, 0, -2}}}}}}}}},
                         {{"if", {{{">", {n_open, 0}}}, {{"cat", {nog_open, names, nog_open_eind}}}, ""}}}}}}}}};
      velden.push_back({{"id", "oordeel_" + c.id},
                        {"type", "berekend"},
                        {"label", c.naam},
                        {"uitleg", h_.fill(p + "/cluster_uitleg", {{"aantal", std::to_string(c.aspecten.size())}}, diags_)},
                        {"regel", regel}});
    }
    json all_open = json::array();
    for (const Aspect& a : h_.aspecten) all_open.push_back(one_if(missing(a.id)));
    velden.push_back({{"id", h_.text(p + "/open_totaal/id", diags_)},
                      {"type", "berekend"},
                      {"label", h_.text(p + "/open_totaal/label", diags_)},
                      {"decimalen", 0},
                      {"uitleg", h_.fill(p + "/open_totaal/uitleg", {{"aantal", std::to_string(h_.aspecten.size())}}, diags_)},
                      {"regel", {{"+", all_open}}}});
    return {{"id", h_.text(p + "/id", diags_)},
            {"titel", h_.text(p + "/titel", diags_)},
            {"hulp", h_.text(p + "/hulp", diags_)},
            {"velden", velden}};
  }

  /// The worked examples; "invoer_alle": V first sets every aspect to V, then "invoer" applies.
  json examples() {
    json out = json::array();
    const json& list = h_.value("/formulier/voorbeelden", "array", diags_);
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string q = "/formulier/voorbeelden/" + std::to_string(i);
      if (!h_.value(q, "object", diags_).is_object()) continue;
      json example = list[i];
      json invoer = json::object();
      if (example.contains("invoer_alle")) {
        const json& all = example["invoer_alle"];
        if (!all.is_string()) h_.data.error(diags_, q + "/invoer_alle", "\"invoer_alle\" is de waarde voor elk aspect (tekst)");
        for (const Aspect& a : h_.aspecten) invoer[a.id] = all;
        example.erase("invoer_alle");
      }
      if (example.contains("invoer") && example["invoer"].is_object())
        for (const auto& [k, v] : example["invoer"].items()) invoer[k] = v;
      else if (example.contains("invoer"))
        invoer = example["invoer"];  // Forms reports the type
      example["invoer"] = invoer;
      out.push_back(std::move(example));
    }
    return out;
  }

  const Model& h_;
  std::string form_field_;
  Diagnostics& diags_;
};

}  // namespace

void Handreiking::load(LoadContext& ctx) {
  const SourceTree& tree = ctx.tree;
  ContentTree& content = ctx.content;
  Diagnostics& diags = ctx.diags;
  const std::string& path = path_.empty() ? ctx.config.handreiking.data : path_;
  if (!tree.read(path)) return;
  // add_markdown_page moves later pages' indexes: no feature may have kept one yet.
  for (const Page& page : content.pages)
    if (page.generated && page.source != "_index.md")
      throw std::logic_error("Handreiking must load before features that add pages (list it first in portal_features())");
  // Every problem of the file in one run: the model's, then those of the texts the pages and the
  // form use (made even when the model has errors).
  Diagnostics local;
  auto model = handreiking::read(tree, path, local);
  if (!model) {
    for (const auto& d : local.sorted()) diags.add(d);
    return;
  }
  Maker maker(*model, ctx.config.forms.field, local);
  auto pages = maker.pages();
  DataFile form = maker.form();
  const bool ok = !local.has_errors();
  for (const auto& d : local.sorted()) diags.add(d);

  // With errors the build fails anyway; the pages are still added (as far as they could be made),
  // so links from other pages to them do not bury the data file's own problems under "unknown
  // page" errors. The form is not handed over, and the page showing it does not ask for it.
  for (auto& [source, text, line_origin] : pages) {
    Page page;
    page.source = source;
    page.output = output_path_for(source);
    page.file = model->data.file;
    page.is_section = source == "_index.md" || (source.size() >= 10 && source.compare(source.size() - 10, 10, "/_index.md") == 0);
    Diagnostics scratch;  // made from checked data: a problem here follows one reported above
    SourceDocument doc = parse_document(text, page.file, ok ? diags : scratch);
    if (!ok) doc.meta.fields.erase(ctx.config.forms.field);
    page.meta = std::move(doc.meta);
    page.body = std::move(doc.body);
    page.body_line = doc.body_line;
    page.made_lines = std::move(line_origin);
    add_markdown_page(content, std::move(page), ok ? diags : scratch);  // e.g. a duplicate aspect id
  }
  order_tree(content);  // the pages moved: parents, children and reading order by the new indexes
  if (ok) {
    const std::string id = form.value.value("id", "");
    GeneratedForms forms;
    forms.forms.push_back({folder_of(path) + "/" + id + ".form.json", std::move(form)});
    ctx.publish(std::move(forms));
  }
}

}  // namespace wijzer
