// wijzer.yaml (docs/configuration.md): defaults, every key honoured, errors at wijzer.yaml:line:col.
#include <catch2/catch.hpp>

#include <filesystem>

#include "config.h"
#include "output.h"
#include "portal.h"
#include "site.h"
#include "source.h"

using namespace wijzer;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.sorted()) out.push_back(format_diagnostic(d));
  return out;
}

Config config_of(const std::string& yaml, Diagnostics& diags) {
  MemoryTree tree;
  tree.set("wijzer.yaml", yaml);
  return load_config(tree, diags);
}

MemoryTree portal_tree() {
  const fs::path root = fs::path(WIJZER_TEST_DIR).parent_path();
  MemoryTree tree;
  for (const char* dir : {"content", "templates", "site-assets"})
    for (const auto& entry : fs::recursive_directory_iterator(root / dir))
      if (entry.is_regular_file()) tree.set(fs::relative(entry.path(), root).generic_string(), *read_file(entry.path()));
  return tree;
}

std::map<std::string, std::string> build(const MemoryTree& tree, Diagnostics& diags) {
  MemorySink sink;
  build_site(tree, sink, diags, 2);
  return sink.files;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Every file of the site under `prefix`, concatenated.
std::string files_under(const std::map<std::string, std::string>& files, const std::string& prefix) {
  std::string out;
  for (const auto& [path, bytes] : files)
    if (path.compare(0, prefix.size(), prefix) == 0) out += bytes;
  return out;
}

}  // namespace

TEST_CASE("config: no wijzer.yaml gives the defaults", "[config]") {
  MemoryTree tree;
  Diagnostics diags;
  const Config config = load_config(tree, diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(config.site.title.empty());
  CHECK(config.site.language == "nl");
  CHECK(config.glossary.data == "content/begrippen/begrippen.json");
  CHECK(config.glossary.page == "begrippen/_index.md");
  CHECK(config.search.page == "zoeken/_index.md");
  CHECK(config.flows.folder == "content/stroomschema");
  CHECK(config.forms.field == "formulier");
  CHECK(config.facts.size() == 7);
  // No words in the compiler: audience labels are templates/wizard/audience.mustache's.
  CHECK(config.audience_label("professionals").empty());
  CHECK(config.audience_label("clienten").empty());
  CHECK(config.labels.empty());
}

TEST_CASE("config: every key is read", "[config]") {
  Diagnostics diags;
  const Config config = config_of(R"(site:
  title: Wijzer
  language: fy
facts: [regio]
audiences: {clienten: Voor jou, professionals: Voor het vak}
glossary: {data: content/termen.yaml, page: termen/_index.md}
search: {page: vinden/_index.md, title: Vinden, description: ""}
flows: {folder: content/schemas}
forms: {field: form}
labels: {terug: Terug, leeg: ""}
)", diags);
  INFO(messages(diags).size());
  CHECK_FALSE(diags.has_errors());
  CHECK(config.site.title == "Wijzer");
  CHECK(config.site.language == "fy");
  CHECK(config.facts == std::vector<std::string>{"regio"});
  CHECK(config.audience_label("clienten") == "Voor jou");
  CHECK(config.audience_label("professionals") == "Voor het vak");
  CHECK(config.glossary.data == "content/termen.yaml");
  CHECK(config.glossary.page == "termen/_index.md");
  CHECK(config.search.page == "vinden/_index.md");
  CHECK(config.search.title == "Vinden");
  CHECK(config.search.description.empty());
  CHECK(config.flows.folder == "content/schemas");
  CHECK(config.forms.field == "form");
  CHECK(config.labels == std::map<std::string, std::string>{{"terug", "Terug"}, {"leeg", ""}});
}

TEST_CASE("config: unknown keys and wrong types are errors at wijzer.yaml:line:col, all in one run", "[config]") {
  Diagnostics diags;
  const Config config = config_of("site:\n  titel: Wijzer\n  language: 3\nfacts: regio\nkleuren: {}\n"
                                  "glossary:\n  data: ../buiten.json\nlabels:\n  terug: [a]\n",
                                  diags);
  const auto list = messages(diags);
  REQUIRE(list.size() == 6);
  CHECK(contains(list[0], "wijzer.yaml:2:3: error: onbekende sleutel 'titel'"));
  CHECK(contains(list[1], "wijzer.yaml:3:3: error: verwacht tekst (/site/language)"));
  CHECK(contains(list[2], "wijzer.yaml:4:1: error: verwacht een lijst van teksten (/facts)"));
  CHECK(contains(list[3], "wijzer.yaml:5:1: error: onbekende sleutel 'kleuren'"));
  CHECK(contains(list[4], "wijzer.yaml:7:3: error: verwacht een pad onder content/"));
  CHECK(contains(list[5], "wijzer.yaml:9:3: error: verwacht tekst bij 'terug' (/labels/terug)"));
  // What could not be read keeps its default.
  CHECK(config.site.language == "nl");
  CHECK(config.facts.size() == 7);
  CHECK(config.glossary.data == "content/begrippen/begrippen.json");

  Diagnostics syntax;
  config_of("site: [\n", syntax);
  REQUIRE(syntax.has_errors());
  CHECK(contains(messages(syntax)[0], "wijzer.yaml:"));
  Diagnostics top;
  config_of("- een\n", top);
  CHECK(contains(messages(top).at(0), "wijzer.yaml:1:1: error: verwacht een object"));
}

TEST_CASE("config: a build reports wijzer.yaml errors", "[config]") {
  MemoryTree tree;
  tree.set("templates/page.mustache", "{{{page.content}}}");
  tree.set("templates/section.mustache", "{{{page.content}}}");
  tree.set("content/_index.md", "---\ntitle: Home\n---\nHallo.\n");
  tree.set("wijzer.yaml", "sitee: {}\n");
  Diagnostics diags;
  build(tree, diags);
  REQUIRE(diags.has_errors());
  CHECK(contains(messages(diags).at(0), "wijzer.yaml:1:1: error: onbekende sleutel 'sitee'"));
}

TEST_CASE("config: site, labels in templates", "[config]") {
  MemoryTree tree;
  tree.set("templates/page.mustache", "<html lang=\"{{site.language}}\">{{site.title}}|{{labels.terug}}|{{{page.content}}}");
  tree.set("templates/section.mustache", "<html lang=\"{{site.language}}\">{{site.title}}|{{labels.terug}}|");
  tree.set("content/_index.md", "---\ntitle: Home\n---\nHallo.\n");
  Diagnostics diags;
  CHECK(build(tree, diags).at("index.html") == "<html lang=\"nl\">Home||");
  tree.set("wijzer.yaml", "site: {title: Wijzer, language: fy}\nlabels: {terug: Werom}\n");
  CHECK(build(tree, diags).at("index.html") == "<html lang=\"fy\">Wijzer|Werom|");
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("config: the portal's wijzer.yaml states the defaults; each feature key is honoured", "[config][portal]") {
  const fs::path root = fs::path(WIJZER_TEST_DIR).parent_path();
  MemoryTree tree = portal_tree();
  Diagnostics plain_diags;
  const auto plain = build(tree, plain_diags);
  REQUIRE_FALSE(plain_diags.has_errors());
  {
    INFO("the committed wijzer.yaml changes nothing");
    tree.set("wijzer.yaml", *read_file(root / "wijzer.yaml"));
    Diagnostics diags;
    CHECK(build(tree, diags) == plain);
    CHECK(messages(diags) == messages(plain_diags));
    tree.remove("wijzer.yaml");
  }
  SECTION("site title and language") {
    tree.set("wijzer.yaml", "site: {title: Andere Wijzer, language: fy}\n");
    Diagnostics diags;
    const auto files = build(tree, diags);
    CHECK(contains(files.at("index.html"), "<html lang=\"fy\">"));
    CHECK(contains(files.at("index.html"), "Andere Wijzer"));
  }
  SECTION("forms.field: the form named by another front-matter field gives the same site") {
    for (const std::string& path : tree.list("content")) {
      if (path.size() < 3 || path.compare(path.size() - 3, 3, ".md") != 0) continue;
      std::string text = *tree.read(path);
      if (size_t at = text.find("\nformulier:"); at != std::string::npos) tree.set(path, text.replace(at, 11, "\nform:"));
    }
    tree.set("wijzer.yaml", "forms: {field: form}\n");
    Diagnostics diags;
    CHECK(build(tree, diags) == plain);
    CHECK(messages(diags) == messages(plain_diags));
  }
  SECTION("glossary.data: the list elsewhere (same depth) gives the same site") {
    tree.set("content/data/termen.json", *tree.read("content/begrippen/begrippen.json"));
    tree.remove("content/begrippen/begrippen.json");
    tree.set("wijzer.yaml", "glossary: {data: content/data/termen.json}\n");
    Diagnostics diags;
    CHECK(build(tree, diags) == plain);
  }
  SECTION("flows.folder and audiences") {
    for (const std::string& path : tree.list("content/stroomschema"))
      if (path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0) {
        tree.set("content/schemas/" + path.substr(path.rfind('/') + 1), *tree.read(path));
        tree.remove(path);
      }
    tree.set("wijzer.yaml", "flows: {folder: content/schemas}\naudiences: {clienten: Voor jou, professionals: Voor het vak}\n");
    Diagnostics diags;
    const auto files = build(tree, diags);
    CHECK(files.count("schemas/welke-begeleiding/index.html"));
    CHECK_FALSE(files.count("stroomschema/welke-begeleiding/index.html"));
    CHECK(contains(files_under(files, "schemas/"), "Voor het vak"));
  }
  SECTION("search page and facts") {
    tree.set("content/plaats.md", "---\ntitle: Plaats\nregio: Kwakkeldorp\n---\n");
    tree.set("wijzer.yaml", "search: {page: vinden/_index.md, title: Vinden}\n");
    Diagnostics diags;
    auto files = build(tree, diags);
    CHECK(files.count("vinden/index.html"));
    CHECK_FALSE(files.count("zoeken/index.html"));
    CHECK(contains(files.at("vinden/index.html"), "Vinden"));
    CHECK(contains(files_under(files, "search/"), "Kwakkeldorp"));
    tree.set("wijzer.yaml", "facts: [aanbieder]\n");
    files = build(tree, diags);
    CHECK_FALSE(contains(files_under(files, "search/"), "Kwakkeldorp"));
  }
}
