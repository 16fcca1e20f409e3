// Forms as data: definition checks (at path:line:col with the JSON pointer), rule evaluation,
// worked examples and the static HTML. Fixtures: tests/fixtures/forms/content/.
#include "cpu_timer.h"
#include <catch2/catch.hpp>


#include "forms_view.h"
#include "forms_model.h"
#include "forms_rules.h"
#include "portal_build.h"
#include "source.h"

using namespace wijzer;
using nlohmann::json;

namespace {

const std::string kFixtures = std::string(WIJZER_TEST_DIR) + "/fixtures/forms";
const std::string kRepo = std::string(WIJZER_TEST_DIR) + "/..";

/// Line (1-based) of the first occurrence of `needle` in a fixture file.
int line_of(const std::string& file, const std::string& needle) {
  std::string text = *read_file(kFixtures + "/content/" + file);
  size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

/// The diagnostics whose message contains `part`.
std::vector<Diagnostic> with(const Diagnostics& diags, const std::string& part) {
  std::vector<Diagnostic> out;
  for (const auto& d : diags.sorted())
    if (d.message.find(part) != std::string::npos) out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("a broken form definition: every problem at its line with the JSON pointer", "[forms][checks]") {
  DiskTree tree(kFixtures);
  Diagnostics diags;
  auto form = forms::load_form(tree, "content/kapot.form.json", diags);
  CHECK_FALSE(form);  // unusable: errors
  const std::string f = "kapot.form.json";

  auto one = [&](const std::string& part, const std::string& needle, const std::string& pointer) {
    auto found = with(diags, part);
    INFO("message: " << part);
    REQUIRE(found.size() >= 1);
    CHECK(found[0].line == line_of(f, needle));
    CHECK(found[0].message.find("(" + pointer + ")") != std::string::npos);
    CHECK(found[0].severity == Severity::error);
  };
  one("\"min\" is groter dan \"max\"", "\"id\": \"uren\", \"type\": \"number\"", "/secties/0/velden/0/min");
  one("dubbel id \"uren\"", "\"label\": \"Dubbel\"", "/secties/0/velden/1/id");
  one("lege lijst \"opties\"", "\"opties\": []", "/secties/0/velden/2/opties");
  one("onbekend veldtype \"schuifje\"", "schuifje", "/secties/0/velden/3/type");
  one("onbekend veld \"kleur\"", "\"kleur\"", "/secties/0/velden/4/kleur");
  one("de regel leest onbekend veld \"weken\"", "{ \"var\": \"weken\" }", "/secties/0/velden/5/regel/*/1/var");
  one("pas later wordt berekend", "\"var\": \"later\"", "/secties/0/velden/6/regel/+/0/var");
  one("zichtbaar_uitleg", "\"id\": \"vaag\"", "/secties/0/velden/8/zichtbaar");
  one("plus", "\"plus\"", "/secties/0/velden/9/zichtbaar/plus");
  one("onbekend veld \"nergens\"", "\"nergens\"", "/signalen/0/als/var");
  one("{onbekend}", "Waarde {onbekend}", "/signalen/0/tekst");
  one("onbekend veld \"bestaat_niet\"", "bestaat_niet", "/controles/0/veld");
  one("\"van\" moet een oudere versie zijn", "\"van\": 3", "/migraties/0/van");
  for (const auto& d : diags.sorted()) CHECK(d.path.find("kapot.form.json") != std::string::npos);
}

TEST_CASE("a failing worked example fails the build at the example", "[forms][examples]") {
  MemoryTree tree;
  tree.set("content/t.form.json", R"({"id": "t", "versie": 1, "titel": "T", "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "uren", "type": "number", "label": "Uren", "verplicht": true},
    {"id": "jaar", "type": "berekend", "label": "Jaar", "uitleg": "Uren × 52.", "regel": {"*": [{"var": "uren"}, 52]}}]}],
    "signalen": [{"id": "veel", "titel": "Veel", "wanneer": "boven 1000", "tekst": "{jaar} uur", "als": {">": [{"var": "jaar"}, 1000]}}],
    "voorbeelden": [
      {"naam": "goed", "invoer": {"uren": 20}, "verwacht": {"jaar": 1040, "signalen": ["veel"]}},
      {"naam": "fout",
       "invoer": {"uren": 10}, "verwacht": {"jaar": 521, "signalen": ["veel"]}},
      {"naam": "leeg", "invoer": {"onzin": 1}, "verwacht": {}}]})");
  Diagnostics diags;
  auto form = forms::load_form(tree, "content/t.form.json", diags);
  REQUIRE(form);
  CHECK(forms::check_examples(*form, diags) == 1);
  auto wrong = with(diags, "\"jaar\" is 520, verwacht 521");
  REQUIRE(wrong.size() == 1);
  CHECK(wrong[0].line == 8);
  CHECK(with(diags, "signalen: geen, verwacht veel").size() == 1);
  CHECK(with(diags, "onbekend veld \"onzin\" in de invoer").size() == 1);
}

// Issue 16: the calculator accepted 205 hours a week and 60 weeks. An example input outside a field's
// min/max is an error at that value (line and column), unless the example lists the field in
// "fouten" (it shows the error on purpose); inside a group item too; "20,5" is a number.
TEST_CASE("an example input outside a field's range is an error at the value", "[forms][examples]") {
  MemoryTree tree;
  tree.set("content/r.form.json", R"({"id": "r", "versie": 1, "titel": "R", "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "uren", "type": "number", "label": "Uren", "min": 0, "max": 40},
    {"id": "weken", "type": "number", "label": "Weken", "min": 1, "max": 52},
    {"id": "doelen", "type": "groep", "label": "Doelen", "item_label": "Doel", "velden": [
      {"id": "tijd", "type": "number", "label": "Tijd", "max": 100}]},
    {"id": "jaar", "type": "berekend", "label": "Jaar", "uitleg": "Uren × weken.", "regel": {"*": [{"var": "uren"}, {"var": "weken"}]}}]}],
    "voorbeelden": [
      {"naam": "binnen", "invoer": {"uren": "20,5", "weken": 52}, "verwacht": {"jaar": 1066}},
      {"naam": "te veel uren", "invoer": {"uren": 205, "weken": 52}, "verwacht": {"jaar": 10660}},
      {"naam": "bewust", "invoer": {"uren": 20, "weken": 60}, "verwacht": {"fouten": ["weken"]}},
      {"naam": "komma", "invoer": {"uren": "-20,5",
                                   "weken": 52}, "verwacht": {}},
      {"naam": "item", "invoer": {"uren": 1, "weken": 1, "doelen": [{"tijd": 5}, {"tijd": 500}]}, "verwacht": {"jaar": 1}}]})");
  Diagnostics diags;
  auto form = forms::load_form(tree, "content/r.form.json", diags);
  REQUIRE(form);
  CHECK(forms::check_examples(*form, diags) == 2);
  auto high = with(diags, "\"uren\" is 205, buiten het bereik van het veld (van 0 tot en met 40)");
  REQUIRE(high.size() == 1);
  CHECK(high[0].path == "content/r.form.json");
  CHECK(high[0].line == 9);
  CHECK(high[0].col > 40);
  CHECK(high[0].message.find("/voorbeelden/1/invoer/uren") != std::string::npos);
  auto comma = with(diags, "\"uren\" is -20.5, buiten het bereik");
  REQUIRE(comma.size() == 1);
  CHECK(comma[0].line == 11);
  auto item = with(diags, "\"tijd\" is 500, buiten het bereik van het veld (hoogstens 100)");
  REQUIRE(item.size() == 1);
  CHECK(item[0].message.find("/voorbeelden/4/invoer/doelen/1/tijd") != std::string::npos);
  CHECK(with(diags, "\"weken\" is 60").empty());  // listed in "fouten": the example shows that error
  CHECK(with(diags, "fouten:").empty());              // reported once, at the value, not again at "verwacht"
}

// Issue 13 finding 5: a rule stopped by the engine's limits read as null/false, so an example
// expecting null held and a hostile rule went unnoticed. Now it is an error at the rule.
TEST_CASE("a worked example that hits a rule limit is an error at the rule", "[forms][examples][limits]") {
  MemoryTree tree;
  std::string zeros = "0";
  for (int i = 1; i < 64; ++i) zeros += ",0";
  tree.set("content/t.form.json", R"({"id": "t", "versie": 1, "titel": "T", "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "a", "type": "number", "label": "A"},
    {"id": "b", "type": "berekend", "label": "B", "uitleg": "Verdubbelt.",
     "regel": {"reduce": [[)" + zeros + R"(], {"merge": [{"var": "accumulator"}, {"var": "accumulator"}]}, [{"var": "a"}]]}}]}],
    "voorbeelden": [{"naam": "leeg", "invoer": {"a": 1}, "verwacht": {"b": null}}]})");
  Diagnostics diags;
  auto form = forms::load_form(tree, "content/t.form.json", diags);
  REQUIRE(form);
  CHECK(forms::check_examples(*form, diags) == 0);
  auto stopped = with(diags, "de regel stopt bij een grens van de regel-engine: jsonlogic: Limit Exceeded");
  REQUIRE(stopped.size() == 1);
  CHECK(stopped[0].line == 4);  // "regel"
  CHECK(stopped[0].message.find("voorbeeld \"leeg\"") != std::string::npos);
}

// A count in a form bounds memory only if the count itself is bounded: every evaluation builds
// min_aantal items (2,000,000,000: out of memory), and each item of an example's group is evaluated
// against a copy of all answers (20,000 items: 400 million copies).
TEST_CASE("group counts and example items are bounded", "[forms][groups][limits]") {
  auto form_with = [](const std::string& min_count, const std::string& items) {
    return R"({"id": "t", "versie": 1, "titel": "T", "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "doelen", "type": "groep", "label": "Doelen", "item_label": "Doel", "min_aantal": )" + min_count + R"(,
     "velden": [{"id": "doel", "type": "text", "label": "Doel"},
                {"id": "lang", "type": "berekend", "label": "Lang", "uitleg": "Lengte.", "regel": {"var": "doel"}}]}]}],
    "voorbeelden": [{"naam": "veel", "invoer": {"doelen": [)" + items + R"(]}, "verwacht": {}}]})";
  };
  const test::CpuTimer timer;
  MemoryTree tree;
  tree.set("content/t.form.json", form_with("2000000000", R"({"doel": "a"})"));
  Diagnostics diags;
  auto form = forms::load_form(tree, "content/t.form.json", diags);
  if (form) forms::check_examples(*form, diags);
  auto too_many = with(diags, "\"min_aantal\" is hoogstens 1000");
  REQUIRE(too_many.size() == 1);
  CHECK(too_many[0].line == 2);

  std::string items = R"({"doel": "a"})";
  for (int i = 1; i < 20000; ++i) items += R"(, {"doel": "a"})";
  tree.set("content/t.form.json", form_with("1", items));
  Diagnostics many;
  form = forms::load_form(tree, "content/t.form.json", many);
  REQUIRE(form);
  CHECK(forms::check_examples(*form, many) == 0);
  auto found = with(many, "\"doelen\" heeft 20000 items, hoogstens 1000");
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 5);
  CHECK(timer.seconds() < 20);
}

// Each rule had its own budget, but the number of rules evaluated grows with the examples (and fields
// and group items): 40 examples of a rule of ~600,000 steps took 24 million steps. All rules of all
// examples of a form now share one budget of 10 million steps (the portal's forms use at most 13,014).
TEST_CASE("the examples of a form share one rule budget", "[forms][examples][limits]") {
  std::string zeros = "[0";
  for (int i = 1; i < 50; ++i) zeros += ",0";
  zeros += "]";
  const std::string rule = R"({"map": [)" + zeros + R"(, {"map": [)" + zeros + R"(, {"map": [)" + zeros + R"(, 1]}]}]})";
  std::string examples;
  for (int i = 0; i < 40; ++i)
    examples += std::string(i ? ", " : "") + R"({"naam": "v)" + std::to_string(i) + R"(", "invoer": {"a": 1}, "verwacht": {}})";
  MemoryTree tree;
  tree.set("content/t.form.json", R"({"id": "t", "versie": 1, "titel": "T", "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "a", "type": "number", "label": "A"},
    {"id": "b", "type": "berekend", "label": "B", "uitleg": "Veel werk.", "regel": )" + rule + R"(}]}],
    "voorbeelden": [)" + examples + "]}");
  Diagnostics diags;
  auto form = forms::load_form(tree, "content/t.form.json", diags);
  REQUIRE(form);
  const size_t holding = forms::check_examples(*form, diags);
  CHECK(holding > 0);   // the first examples fit in the budget
  CHECK(holding < 40);  // the rest is stopped, at the rule
  auto stopped = with(diags, "alle regels van het formulier samen, bij alle voorbeelden: hoogstens 10000000 stappen");
  REQUIRE_FALSE(stopped.empty());
  CHECK(stopped[0].line == 3);
}

TEST_CASE("a form with rules needs worked examples", "[forms][examples]") {
  MemoryTree tree;
  tree.set("content/t.form.json", R"({"id": "t", "versie": 1, "titel": "T", "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "a", "type": "number", "label": "A"},
    {"id": "b", "type": "berekend", "label": "B", "uitleg": "A + 1", "regel": {"+": [{"var": "a"}, 1]}}]}]})");
  Diagnostics diags;
  CHECK_FALSE(forms::load_form(tree, "content/t.form.json", diags));
  CHECK(with(diags, "heeft \"voorbeelden\"").size() == 1);
}

TEST_CASE("the form id is the file name; options from a file are checked there", "[forms][checks]") {
  MemoryTree tree;
  tree.set("content/a/p.json", R"({"lijst": [{"id": "x", "naam": "X", "waarden": {"pct": "veel", "vreemd": 1}}, {"id": "x", "naam": "Y"}]})");
  tree.set("content/a/t.form.json", R"({"id": "anders", "versie": 1, "titel": "T", "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "profiel", "type": "select", "label": "P", "opties_uit": "p.json#/lijst", "vult": ["pct"]},
    {"id": "pct", "type": "number", "label": "Pct"},
    {"id": "leeg", "type": "select", "label": "L", "opties_uit": "p.json#/niets"}]}]})");
  Diagnostics diags;
  CHECK_FALSE(forms::load_form(tree, "content/a/t.form.json", diags));
  CHECK(with(diags, "gelijk zijn aan de bestandsnaam: \"t\"").size() == 1);
  auto number = with(diags, "\"pct\" is een getal");
  REQUIRE(number.size() == 1);
  CHECK(number[0].path == "content/a/p.json");
  CHECK(with(diags, "\"vreemd\" staat niet in \"vult\"").size() == 1);
  CHECK(with(diags, "dubbele keuze \"x\"").size() == 1);
  CHECK(with(diags, "\"/niets\" staat niet in p.json").size() == 1);
}

TEST_CASE("groups: items, counts, per-item rules and cross-field checks", "[forms][groups]") {
  DiskTree tree(kFixtures);
  Diagnostics diags;
  auto form = forms::load_form(tree, "content/doelen.form.json", diags);
  for (const auto& d : diags.sorted()) WARN(format_diagnostic(d));
  REQUIRE(form);
  CHECK(forms::check_examples(*form, diags) == form->examples.size());
  CHECK_FALSE(diags.has_errors());

  auto out = forms::evaluate(*form, json::parse(R"({"start": "2026-02-02", "akkoord": true, "domeinen": ["taak", 3],
    "doelen": [{"doel": "x", "discrepantie": "d2", "uren": "1,5", "toelichting": "t"}, {"doel": "y", "discrepantie": "d1"}]})"));
  CHECK(out.errors.empty());
  CHECK(out.data["domeinen"] == json::array({"taak"}));
  CHECK(out.data["akkoord"] == true);
  CHECK(out.data["doelen"][0]["uren_totaal"] == 19.5);
  CHECK(out.data["doelen"][0]["toelichting"] == "t");
  CHECK(out.data["doelen"][1]["toelichting"].is_null());  // hidden: discrepantie is not d2
  CHECK(out.data["doelen"][1]["uren_totaal"].is_null());
  CHECK(out.data["aantal"] == 2);
}

TEST_CASE("the urencalculator: every worked example from the sources holds", "[forms][urencalculator]") {
  DiskTree tree(kRepo);
  Diagnostics diags;
  auto form = forms::load_form(tree, "content/hulpmiddelen/urencalculator.form.json", diags);
  REQUIRE(form);
  CHECK(form->examples.size() >= 10);
  CHECK(forms::check_examples(*form, diags) == form->examples.size());
  CHECK_FALSE(diags.has_errors());

  // 20 u/week × 52 weeks → year 1 at most 156 hours (art. 18 lid 3), UWV is the default profile.
  auto out = forms::evaluate(*form, {{"contracturen", 20}, {"jaar", "1"}, {"contract", "half_jaar"}, {"coachinguren", 3}});
  CHECK(out.data["profiel"] == "uwv");
  CHECK(out.data["max_uren_jaar"] == 156);
  CHECK(out.data["gevraagd_pct"] == 15);
  CHECK(out.signals == std::vector<std::string>{"conclusie_binnen"});  // the conclusion only, no warning
  CHECK(out.data["schema_totaal"] == 296.4);  // 156 + 78 + 62.4 over the 3 years of the UWV profile
  CHECK(out.hidden.count("vaste_uren") == 1);
}

namespace {

/// The form on the urencalculator page, built in memory with the portal's templates, assets and features;
/// `files` are added (or replace a template).
std::string calculator_page(const std::map<std::string, std::string>& files = {}) {
  std::map<std::string, std::string> all;
  for (const char* path : {"content/hulpmiddelen/urencalculator.form.json", "content/hulpmiddelen/profielen.json"})
    all[path] = *read_file(kRepo + "/" + path);
  all["content/hulpmiddelen/urencalculator.md"] = "---\ntitle: Urencalculator\nformulier: urencalculator\n---\nTekst.\n";
  all["content/hulpmiddelen/_index.md"] = "---\ntitle: Hulpmiddelen\n---\nTekst.\n";
  for (const auto& [path, bytes] : files) all[path] = bytes;
  auto built = test::build_with(all);
  INFO(built->errors());
  REQUIRE_FALSE(built->diags.has_errors());
  const std::string& page = built->sink.files.at("hulpmiddelen/urencalculator.html");
  const size_t begin = page.find("<div class=\"hulpmiddel\"");
  const size_t end = page.find("</script></div>", begin);
  REQUIRE(end != std::string::npos);
  return page.substr(begin, end + 15 - begin);  // the form, from its storage notice to its definition
}

/// The text of template `path` with `from` replaced by `to` (exactly once).
std::map<std::string, std::string> edited(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = *read_file(kRepo + "/" + path);
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return {{path, text.replace(at, from.size(), to)}};
}

}  // namespace

TEST_CASE("static HTML: labels, hints, fieldsets, units and the rules as text", "[forms][html]") {
  const std::string html = calculator_page();
  auto has = [&](const std::string& s) {
    INFO(s);
    CHECK(html.find(s) != std::string::npos);
  };
  has("<form class=\"formulier\" id=\"fv-urencalculator\" novalidate");
  has("<label class=\"veld__label\" for=\"fv-urencalculator-contracturen\">Contracturen per week</label>");
  // A text box, not type="number": that would read "20,5" as 205 or as nothing (issue 16).
  has("<input class=\"veld__tekst veld__tekst--getal\" type=\"text\" id=\"fv-urencalculator-contracturen\" name=\"contracturen\" "
      "aria-describedby=\"fv-urencalculator-contracturen-hint fv-urencalculator-contracturen-eenheid fv-urencalculator-contracturen-bereik\" required inputmode=\"decimal\"");
  has("<span class=\"veld__eenheid\" id=\"fv-urencalculator-contracturen-eenheid\">uur per week</span>");
  has("<fieldset class=\"veld veld--keuzes\" data-veld=\"jaar\" id=\"fv-urencalculator-jaar\"><legend class=\"veld__label\">Jaar van de begeleiding</legend>");
  has("value=\"52\"");
  has("Maximum jaar 1 = 15% van de jaarlijkse contracturen");
  has("Alleen van toepassing als bij “Rekenmodel” is gekozen: Vast aantal uren per week.");
  has("<script type=\"application/json\" id=\"fv-urencalculator-definitie\">");
  const size_t from = html.find("id=\"fv-urencalculator-definitie\">") + 35;
  const std::string script = html.substr(from, html.find("</script>", from) - from);
  CHECK(script.find('<') == std::string::npos);
  // The form is one line: the templates join their lines (docs/templates.md).
  CHECK(html.find('\n') == std::string::npos);
  CHECK(html.find("style=") == std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(forms::dutch_number(62.4) == "62,4");
  CHECK(forms::dutch_number(156) == "156");
}

TEST_CASE("the ids and names of controls come from the compiler, in the HTML and in the definition", "[forms][html]") {
  MemoryTree tree;
  tree.set("content/g.form.json", R"({"id": "g", "versie": 1, "titel": "G", "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "a", "type": "text", "label": "A"},
    {"id": "doelen", "type": "groep", "label": "Doelen", "item_label": "Doel", "min_aantal": 2,
     "velden": [{"id": "doel", "type": "text", "label": "Doel"}]}]}]})");
  Diagnostics diags;
  auto form = forms::load_form(tree, "content/g.form.json", diags);
  REQUIRE(form);
  const json def = forms::view_definition(*form);
  const json& a = def["secties"][0]["velden"][0];
  const json& doel = def["secties"][0]["velden"][1]["velden"][0];
  CHECK(a["dom"] == forms::control_id("g", "a"));
  CHECK(a["naam"] == "a");
  CHECK(doel["dom"] == "fv-g-doelen-__N__-doel");
  CHECK(doel["naam"] == "doelen.__N__.doel");
  // The template data uses the same ids: item 1 and the <template> item.
  const json view = forms::form_view(*form);
  const json& group = view["secties"][0]["velden"][1];
  CHECK(group["items"][1]["velden"][0]["dom"] == forms::control_id("g", "doel", "doelen", "1"));
  CHECK(group["items"][1]["velden"][0]["naam"] == "doelen.1.doel");
  CHECK(group["sjabloon"]["velden"][0]["dom"] == doel["dom"]);
}

TEST_CASE("a label, a word or a class of a form is changed in its template alone", "[forms][html][templates]") {
  const std::string before = calculator_page();
  CHECK(before.find("<span class=\"veld__optioneel\">(niet verplicht)</span>") != std::string::npos);
  CHECK(before.find("(mag leeg blijven)") == std::string::npos);

  // templates/forms/optional.mustache: the words after the label of a field that may stay empty.
  const std::string after = calculator_page(edited("templates/forms/optional.mustache",
                                                   "<span class=\"veld__optioneel\">(niet verplicht)</span>",
                                                   "<span class=\"veld__vrij\">(mag leeg blijven)</span>"));
  CHECK(after.find(">(niet verplicht)<") == std::string::npos);
  CHECK(after.find("<span class=\"veld__vrij\">(mag leeg blijven)</span>") != std::string::npos);

  // templates/forms/form.mustache: the submit button; templates/dossier/opslag.mustache: a dossier button.
  const std::string button = calculator_page(edited("templates/forms/form.mustache", ">Antwoorden controleren<", ">Controleer<"));
  CHECK(button.find(">Controleer</button>") != std::string::npos);
  CHECK(button.find("Antwoorden controleren") == std::string::npos);
  const std::string dossier =
      calculator_page(edited("templates/dossier/opslag.mustache", ">Nieuw dossier<", ">Nieuwe cliënt<"));
  CHECK(dossier.find("data-dossier=\"nieuw\">Nieuwe cliënt</button>") != std::string::npos);

  // Only the edited words differ: the rest of the page is the same bytes.
  const std::string old_words = "<span class=\"veld__optioneel\">(niet verplicht)</span>";
  const std::string new_words = "<span class=\"veld__vrij\">(mag leeg blijven)</span>";
  std::string back = after;
  size_t changed = 0;
  for (size_t at = 0; (at = back.find(new_words, at)) != std::string::npos; at += old_words.size(), ++changed)
    back.replace(at, new_words.size(), old_words);
  CHECK(changed > 0);
  CHECK(back == before);
}

TEST_CASE("number answers: decimal comma, empty text, no number", "[forms][evaluate]") {
  MemoryTree tree;
  tree.set("content/t.form.json", R"({"id": "t", "versie": 1, "titel": "T", "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "a", "type": "number", "label": "A", "min": 0, "max": 10}]}]})");
  Diagnostics diags;
  auto form = forms::load_form(tree, "content/t.form.json", diags);
  REQUIRE(form);
  CHECK(forms::evaluate(*form, {{"a", "7,5"}}).data["a"] == 7.5);
  CHECK(forms::evaluate(*form, {{"a", ""}}).data["a"].is_null());
  auto bad = forms::evaluate(*form, {{"a", "zeven"}});
  CHECK(bad.data["a"].is_null());
  CHECK(bad.errors == std::vector<std::string>{"a"});
  CHECK(forms::evaluate(*form, {{"a", 11}}).errors == std::vector<std::string>{"a"});
  CHECK(forms::evaluate(*form, {{"a", "0x10"}}).errors == std::vector<std::string>{"a"});
}

TEST_CASE("a rule reads another form of the dossier; a field that form lacks is an error at the var", "[forms][checks][dossier]") {
  auto build = [](const std::string& field) {
    std::map<std::string, std::string> all;
    all["content/hulpmiddelen/_index.md"] = "---\ntitle: Hulpmiddelen\n---\nTekst.\n";
    all["content/hulpmiddelen/a.md"] = "---\ntitle: A\nformulier: a\n---\nTekst.\n";
    all["content/hulpmiddelen/b.md"] = "---\ntitle: B\nformulier: b\n---\nTekst.\n";
    all["content/hulpmiddelen/a.form.json"] = R"({"id": "a", "versie": 1, "titel": "A", "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "uren", "type": "number", "label": "Uren"}]}]})";
    all["content/hulpmiddelen/b.form.json"] = R"({"id": "b", "versie": 1, "titel": "B", "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "x", "type": "number", "label": "X"},
    {"id": "uit_a", "type": "berekend", "label": "Uit A", "uitleg": "De uren van A.",
     "regel": {"var": ")" + field + R"("}}]}],
  "voorbeelden": [{"naam": "leeg", "invoer": {"x": 1}, "verwacht": {"uit_a": null}}]})";
    return test::build_with(all);
  };
  auto ok = build("dossier.a.uren");
  INFO(ok->errors());
  CHECK_FALSE(ok->diags.has_errors());

  auto missing = build("dossier.a.minuten");
  auto field = with(missing->diags, "\"minuten\" van formulier \"a\"");
  REQUIRE(field.size() == 1);
  CHECK(field[0].path == "content/hulpmiddelen/b.form.json");
  CHECK(field[0].line == 4);
  CHECK(with(build("dossier.c.uren")->diags, "formulier \"c\" van het dossier").size() == 1);
}

TEST_CASE("another form's number field is read as a number, with a decimal comma; its text fields as text", "[forms][rules][dossier]") {
  // b's examples give a's answers as saved (text, "7,5"); the build runs them with the reads typed.
  auto build = [](const std::string& saved, const std::string& expected) {
    std::map<std::string, std::string> all;
    all["content/hulpmiddelen/_index.md"] = "---\ntitle: Hulpmiddelen\n---\nTekst.\n";
    all["content/hulpmiddelen/a.md"] = "---\ntitle: A\nformulier: a\n---\nTekst.\n";
    all["content/hulpmiddelen/b.md"] = "---\ntitle: B\nformulier: b\n---\nTekst.\n";
    all["content/hulpmiddelen/a.form.json"] = R"({"id": "a", "versie": 1, "titel": "A", "voorheen": ["oud"], "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "uren", "type": "number", "label": "Uren"}, {"id": "naam", "type": "text", "label": "Naam"}]}]})";
    all["content/hulpmiddelen/b.form.json"] = R"({"id": "b", "versie": 1, "titel": "B", "secties": [{"id": "s", "titel": "S", "velden": [
    {"id": "x", "type": "number", "label": "X"},
    {"id": "dubbel", "type": "berekend", "label": "Dubbel", "uitleg": "Twee keer de uren van A.",
     "regel": {"if": [{"missing": ["dossier.a.uren"]}, null, {"*": [{"var": "dossier.a.uren"}, 2]}]}},
    {"id": "naam_a", "type": "berekend", "label": "Naam", "uitleg": "De naam in A.", "regel": {"var": "dossier.a.naam"}}]}],
  "voorbeelden": [{"naam": "uit A", "invoer": {"x": 1}, "dossier": {"a": )" + saved + R"(}, "verwacht": )" + expected + R"(}]})";
    return test::build_with(all);
  };
  auto ok = build(R"({"uren": "7,5", "naam": "12"})", R"({"dubbel": 15, "naam_a": "12"})");
  INFO(ok->errors());
  CHECK_FALSE(ok->diags.has_errors());
  // No number in a number field reads as null, as in the form itself.
  auto text = build(R"({"uren": "zeven"})", R"({"dubbel": null})");
  INFO(text->errors());
  CHECK_FALSE(text->diags.has_errors());
  // Read as text, "7,5" × 2 would be null: the example says so and fails.
  auto untyped = build(R"({"uren": "7,5"})", R"({"dubbel": null})");
  CHECK(with(untyped->diags, "\"dubbel\" is 15.0, verwacht null").size() + with(untyped->diags, "\"dubbel\" is 15, verwacht null").size() == 1);
}

TEST_CASE("the browser's definition names the number fields it reads of other forms and where they were before", "[forms][view][dossier]") {
  forms::Form a, b;
  a.id = "a";
  a.previous_ids = {"oud"};
  b.id = "b";
  b.dossier_reads = {{"a", "uren", "/x", true, {"oud"}}, {"a", "uren", "/y", true, {"oud"}}, {"a", "naam", "/z", false, {"oud"}}};
  const json def = forms::browser_definition(b);
  CHECK(def["dossier"] == json::parse(R"({"a": {"getallen": ["uren"], "voorheen": ["oud"]}})"));
  CHECK_FALSE(def.contains("voorheen"));
  CHECK(forms::browser_definition(a)["voorheen"] == json::array({"oud"}));
  CHECK_FALSE(forms::browser_definition(a).contains("dossier"));
}

TEST_CASE("\"voorheen\" names other form ids; anything else is an error at its position", "[forms][checks][dossier]") {
  std::map<std::string, std::string> all;
  all["content/hulpmiddelen/_index.md"] = "---\ntitle: Hulpmiddelen\n---\nTekst.\n";
  all["content/hulpmiddelen/a.md"] = "---\ntitle: A\nformulier: a\n---\nTekst.\n";
  all["content/hulpmiddelen/a.form.json"] = R"({"id": "a", "versie": 1, "titel": "A",
  "voorheen": ["oud-formulier", "a", 3],
  "secties": [{"id": "s", "titel": "S", "velden": [{"id": "x", "type": "text", "label": "X"}]}]})";
  auto site = test::build_with(all);
  auto found = with(site->diags, "\"voorheen\" noemt ids van formulieren");
  REQUIRE(found.size() == 2);  // the form itself and a number; "oud-formulier" is fine
  CHECK(found[0].line == 2);
  CHECK(found[0].message.find("(/voorheen/1)") != std::string::npos);
  CHECK(found[1].message.find("(/voorheen/2)") != std::string::npos);
}
