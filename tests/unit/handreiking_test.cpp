// The handreiking feature: aspecten.json → the voorbeeldvragen pages, the gespreksformulier, the
// invullen page and the form "handreiking" (in memory, handed to Forms); every problem of the data
// file at aspecten.json:line:col in one run; `wijzer serve` rebuilds on an edit of the data.
#include <catch2/catch.hpp>

#include <algorithm>

#include "forms.h"
#include "forms_rules.h"
#include "handreiking.h"
#include "portal_build.h"
#include "site.h"

using namespace wijzer;
using nlohmann::json;

namespace {

const std::string kPath = Config().handreiking.data;
const std::string kRepo = std::string(WIJZER_TEST_DIR) + "/..";

std::string real_data() { return *read_file(kRepo + "/" + kPath); }

/// Line (1-based) of the first occurrence of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

struct Loaded {
  ContentTree content;
  Diagnostics diags;
  Config config;
  Models models;
  /// The form definitions the feature published (empty when it published none).
  std::vector<GeneratedForms::Entry> forms() const {
    const GeneratedForms* f = models.find<GeneratedForms>();
    return f ? f->forms : std::vector<GeneratedForms::Entry>{};
  }
};

/// Handreiking::load on a tree that holds only `data` at the portal's path.
std::unique_ptr<Loaded> load(const std::string& data) {
  MemoryTree tree;
  tree.set(kPath, data);
  auto out = std::make_unique<Loaded>();
  Handreiking feature;
  LoadContext ctx(tree, out->config, out->content, out->models, out->diags, feature.provides(), feature.consumes());
  feature.load(ctx);
  return out;
}

std::string errors(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.sorted()) out += format_diagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("handreiking: the portal's aspecten.json gives 24 markdown pages and the form", "[handreiking]") {
  auto loaded = load(real_data());
  INFO(errors(loaded->diags));
  REQUIRE_FALSE(loaded->diags.has_errors());
  const auto& pages = loaded->content.pages;
  REQUIRE(pages.size() == 24);  // 21 aspects, the overview, invullen, gespreksformulier
  for (const Page& page : pages) {
    CHECK_FALSE(page.generated);  // markdown: links, headings, search and glossary as for any page
    CHECK(page.made_from == "content/hulpmiddelen/handreiking/aspecten.json");
    CHECK(page.meta.fields.value("bijgewerkt", "") == "2026-11-22");
  }
  const Page* geheugen = loaded->content.find("hulpmiddelen/voorbeeldvragen/geheugen.md");
  REQUIRE(geheugen);
  CHECK(geheugen->output == "hulpmiddelen/voorbeeldvragen/geheugen.html");
  CHECK(geheugen->meta.title == "Voorbeeldvragen: geheugen");
  CHECK(geheugen->meta.weight == 21);
  CHECK(geheugen->body.find("Aspect 21 van de [handreiking begeleidingsnoodzaak](../handreiking/_index.md), cluster\n"
                            "*cognitieve en executieve functies*.") != std::string::npos);
  CHECK(geheugen->body.find("## Dagelijks leven {#dagelijks-leven}\n\n- Hoe onthoud je je afspraken") != std::string::npos);
  const Page* overview = loaded->content.find("hulpmiddelen/voorbeeldvragen/_index.md");
  REQUIRE(overview);
  CHECK(overview->is_section);
  CHECK(overview->body.find("| 21. [Geheugen](geheugen.md) |") != std::string::npos);
  const Page* invullen = loaded->content.find("hulpmiddelen/handreiking/invullen.md");
  REQUIRE(invullen);
  CHECK(invullen->meta.fields.value("formulier", "") == "handreiking");
  CHECK(invullen->body.find("[21. geheugen](../voorbeeldvragen/geheugen.md).") != std::string::npos);
  REQUIRE(loaded->content.find("hulpmiddelen/handreiking/gespreksformulier.md"));

  // The form: handed over in memory, read by Forms like a file, its worked examples hold.
  const auto given_forms = loaded->forms();
  REQUIRE(given_forms.size() == 1);
  const auto& given = given_forms[0];
  CHECK(given.path == "content/hulpmiddelen/handreiking/handreiking.form.json");
  CHECK(given.data.file == "content/hulpmiddelen/handreiking/aspecten.json");
  MemoryTree tree;
  Diagnostics diags;
  auto form = forms::load_form(tree, given.path, given.data, diags);
  INFO(errors(diags));
  REQUIRE(form);
  CHECK(form->id == "handreiking");
  CHECK(form->sections.size() == 1 + 21 + 2);
  CHECK(form->examples.size() == 6);
  CHECK(forms::check_examples(*form, diags) == 6);
  CHECK_FALSE(diags.has_errors());

  // Forms takes it: the invullen page gets the form template.
  Forms feature;
  Diagnostics forms_diags;
  LoadContext forms_ctx(tree, loaded->config, loaded->content, loaded->models, forms_diags, feature.provides(),
                        feature.consumes());
  feature.load(forms_ctx);
  INFO(errors(forms_diags));
  CHECK_FALSE(forms_diags.has_errors());
  CHECK(feature.forms().count("handreiking"));
  CHECK(loaded->content.find("hulpmiddelen/handreiking/invullen.md")->meta.template_name == "form");
}

TEST_CASE("handreiking: every problem of aspecten.json at its line and column, in one run", "[handreiking]") {
  json d = json::parse(real_data());
  auto& aspects = d["clusters"][1]["aspecten"];
  aspects[0].erase("definitie");                                  // a missing aspect field
  aspects[0]["definitei"] = "Een tikfout.";                       // an unknown field
  aspects[1]["naam"] = 5;                                         // a wrong type
  aspects[2]["id"] = d["clusters"][0]["aspecten"][0]["id"];       // a duplicate id
  aspects[3]["voorbeeldvragen"]["sport"] = json::array({"Sport je?"});  // an unknown leefgebied
  d["aantal_aspecten"] = 20;                                      // a wrong count
  d["bijgewerkt"] = "22 november";                                // not a date
  d["paginas"]["aspect"]["titel"] = "Vragen: {naam_groot}";       // an unknown placeholder
  d["paginas"]["gespreksformulier"]["afsluitende_vragen"][1] = "coachen";  // an unknown form field
  const std::string text = d.dump(2);
  auto loaded = load(text);
  const auto all = loaded->diags.sorted();
  INFO(errors(loaded->diags));
  // Errors: the pages are still there (so links to them do not add errors), without the form.
  CHECK(loaded->content.pages.size() == 23);  // the second aspect with the duplicate id is left out
  for (const auto& x : all) CHECK(x.message.find("bestaat al") == std::string::npos);  // no follow-on errors
  CHECK_FALSE(loaded->content.find("hulpmiddelen/handreiking/invullen.md")->meta.fields.contains("formulier"));
  CHECK(loaded->forms().empty());

  auto at = [&](const std::string& message, const std::string& needle, int nth = 0, int lines_before = 0) {
    INFO("message: " << message);
    auto it = std::find_if(all.begin(), all.end(), [&](const Diagnostic& x) { return x.message.find(message) != std::string::npos; });
    REQUIRE(it != all.end());
    CHECK(it->path == kPath);
    CHECK(it->severity == Severity::error);
    size_t pos = text.find(needle);
    for (int i = 0; i < nth; ++i) pos = text.find(needle, pos + 1);
    REQUIRE(pos != std::string::npos);
    CHECK(it->line == 1 - lines_before + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n')));
    CHECK(it->col > 0);
  };
  // At the aspect's "{", the line above its first key (dump() sorts the keys).
  at("\"definitie\" ontbreekt (/clusters/1/aspecten/0/definitie)", "\"definitei\"", 0, 1);
  at("onbekend veld \"definitei\"", "\"definitei\"");
  at("verwacht tekst, niet een getal (/clusters/1/aspecten/1/naam)", "\"naam\": 5");
  at("komt twee keer voor (/clusters/1/aspecten/2/id)", "\"id\": \"dak_boven_het_hoofd\"", 1);
  at("onbekend leefgebied \"sport\"", "\"sport\"");
  at("verwacht 20 aspecten, de clusters hebben er 21", "\"aantal_aspecten\"");
  at("\"bijgewerkt\" is een datum", "\"bijgewerkt\"");
  at("onbekende plaatshouder {naam_groot}", "{naam_groot}");
  at("onbekende vraag \"coachen\"", "\"coachen\"");
}

TEST_CASE("handreiking: a syntax error is reported at its position and makes nothing", "[handreiking]") {
  auto loaded = load("{\n  \"leefgebieden\": [\n    { \"id\": \"school\" ,, }\n  ]\n}\n");
  auto d = loaded->diags.sorted();
  REQUIRE(d.size() == 1);
  CHECK(d[0].path == kPath);
  CHECK(d[0].line == 3);
  CHECK(loaded->content.pages.empty());
}

TEST_CASE("handreiking: without aspecten.json the feature does nothing", "[handreiking]") {
  MemoryTree tree;
  Loaded loaded;
  Handreiking feature;
  LoadContext ctx(tree, loaded.config, loaded.content, loaded.models, loaded.diags, feature.provides(), feature.consumes());
  feature.load(ctx);
  CHECK(loaded.content.pages.empty());
  CHECK(loaded.diags.sorted().empty());
  CHECK(loaded.forms().empty());
}

TEST_CASE("handreiking: a problem Forms finds in the generated form points into aspecten.json", "[handreiking]") {
  json d = json::parse(real_data());
  d["formulier"]["signalen"][0]["als"] = {{">", {{{"var", "open_totaaal"}}, 0}}};
  const std::string text = d.dump(2);
  auto loaded = load(text);
  REQUIRE_FALSE(loaded->diags.has_errors());
  MemoryTree tree;
  Forms feature;
  Diagnostics diags;
  LoadContext ctx(tree, loaded->config, loaded->content, loaded->models, diags, feature.provides(), feature.consumes());
  feature.load(ctx);
  INFO(errors(diags));
  bool found = false;
  for (const auto& x : diags.sorted())
    if (x.message.find("open_totaaal") != std::string::npos) {
      found = true;
      CHECK(x.path == kPath);
      CHECK(x.line == line_of(text, "\"open_totaaal\""));
    }
  CHECK(found);
}

namespace {

/// The portal's templates and assets, aspecten.json and the pages its texts link to.
MemoryTree portal_tree() {
  MemoryTree tree = fuzz::base_tree();
  tree.set(kPath, real_data());
  tree.set("content/hulpmiddelen/_index.md", "---\ntitle: Hulpmiddelen\n---\nTools.\n");
  tree.set("content/hulpmiddelen/handreiking/_index.md",
           "---\ntitle: Handreiking\n---\n## Duur en intensiteit {#duur-intensiteit}\n\nTekst.\n");
  return tree;
}

}  // namespace

TEST_CASE("handreiking: in the portal build the pages render, the form shows, search indexes them", "[handreiking]") {
  MemoryTree tree = portal_tree();
  test::BuiltSite site;
  build_site(tree, site.sink, site.diags, 1);
  INFO(site.errors());
  CHECK(site.errors().empty());
  const auto& files = site.sink.files;
  REQUIRE(files.count("hulpmiddelen/voorbeeldvragen/geheugen.html"));
  REQUIRE(files.count("hulpmiddelen/voorbeeldvragen/index.html"));
  REQUIRE(files.count("hulpmiddelen/handreiking/gespreksformulier.html"));
  REQUIRE(files.count("hulpmiddelen/handreiking/invullen.html"));
  CHECK(files.at("hulpmiddelen/handreiking/invullen.html").find("id=\"fv-handreiking-definitie\"") != std::string::npos);
  CHECK(files.at("hulpmiddelen/voorbeeldvragen/geheugen.html").find("id=\"dagelijks-leven\"") != std::string::npos);
  bool indexed = false;
  for (const auto& [path, bytes] : files)
    if (path.find("search") != std::string::npos || path.find("zoek") != std::string::npos)
      indexed = indexed || bytes.find("voorbeeldvragen/geheugen.html") != std::string::npos;
  CHECK(indexed);
}

TEST_CASE("handreiking: serve rebuilds everything after an edit of aspecten.json", "[handreiking]") {
  MemoryTree tree = portal_tree();
  SiteBuilder builder(tree, [] { return portal_features(); }, 1);
  builder.build();
  Diagnostics first;
  builder.report(first);
  REQUIRE_FALSE(first.has_errors());

  json d = json::parse(real_data());
  d["paginas"]["aspect"]["titel"] = "Vragen bij {naam_klein}";
  tree.set(kPath, d.dump(2));
  ChangePlan plan = builder.plan({kPath});
  CHECK(plan.scope == ChangeScope::everything);
  builder.update(plan);
  auto page = builder.files().get("hulpmiddelen/voorbeeldvragen/geheugen.html");
  REQUIRE(page);
  CHECK(page->find("Vragen bij geheugen") != std::string::npos);

  // A file written where a generated page lives is a new page (a clash), not an edit of it.
  tree.set("content/hulpmiddelen/voorbeeldvragen/geheugen.md", "---\ntitle: Eigen\n---\nTekst.\n");
  plan = builder.plan({"content/hulpmiddelen/voorbeeldvragen/geheugen.md"});
  CHECK(plan.scope == ChangeScope::everything);
  builder.update(plan);
  Diagnostics after;
  builder.report(after);
  CHECK(after.has_errors());
}

TEST_CASE("handreiking: a problem in a made page is reported at the text in aspecten.json", "[handreiking]") {
  json d = json::parse(real_data());
  d["clusters"][0]["aspecten"][0]["tip"] = "Zie [kapot](nergens.md).";
  const std::string text = d.dump(2);
  MemoryTree tree = portal_tree();
  tree.set(kPath, text);
  test::BuiltSite site;
  build_site(tree, site.sink, site.diags, 1);
  auto found = site.find(kPath, "nergens.md");
  REQUIRE(found);
  CHECK(found->line == line_of(text, "Zie [kapot](nergens.md)."));
  CHECK(site.diags.error_count() == 1);
}
