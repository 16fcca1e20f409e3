// SiteBuilder: change classification, and incremental rebuilds that equal a full build byte for byte.
#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>

#include "output.h"
#include "portal.h"
#include "search.h"
#include "site.h"
#include "source.h"

using namespace wijzer;
namespace fs = std::filesystem;

namespace {

const char* kLayout = "<title>{{page.title}}</title><nav>{{#nav}}[{{title}}]{{/nav}}</nav>{{{page.content}}}"
                      "|{{#page.toc}}[{{anchor}}]{{/page.toc}}|{{#page.prev}}prev={{url}}{{/page.prev}}|"
                      "{{#page.next}}next={{url}}{{/page.next}}|{{assets.css_site_css}}";

MemoryTree site() {
  MemoryTree tree;
  tree.set("templates/page.mustache", kLayout);
  tree.set("templates/section.mustache", std::string(kLayout) + "{{#page.children}}({{title}}){{/page.children}}");
  tree.set("templates/begrippen.mustache",
           std::string(kLayout) + "{{#glossary.terms}}<dt id=\"{{anchor}}\">{{term}}</dt>{{/glossary.terms}}");
  tree.set("site-assets/css/site.css", "body{background:url(../img/logo.png)}");
  tree.set("site-assets/img/logo.png", "PNG");
  tree.set("content/_index.md", "---\ntitle: Home\n---\nWelkom. Zie [rollen](rollen/_index.md) en de jobcoach.\n");
  tree.set("content/rollen/_index.md", "---\ntitle: Rollen\nweight: 1\n---\nDe rollen.\n");
  tree.set("content/rollen/jobcoach.md",
           "---\ntitle: Jobcoach\nweight: 2\n---\n## Taken\n\nDe jobcoach helpt bij een proefplaatsing.\n\n"
           "Zie [de werkgever](werkgever.md#taken) en [hier](#taken). ![logo](../plaatje.png)\n");
  tree.set("content/rollen/werkgever.md",
           "---\ntitle: Werkgever\nweight: 1\n---\n## Taken {#taken}\n\nDe werkgever. [Jobcoach](jobcoach.md#taken)\n");
  tree.set("content/regels/_index.md", "---\ntitle: Regels\nweight: 2\n---\n[terug](../rollen/jobcoach.md#taken)\n");
  tree.set("content/plaatje.png", "PNG1");
  tree.set("content/begrippen/_index.md", "---\ntitle: Begrippen\nweight: 9\n---\nAlle begrippen.\n");
  tree.set("content/begrippen/begrippen.json",
           R"({"begrippen": [{"term": "jobcoach", "definitie": "Begeleider op het werk.", "pagina": "../rollen/jobcoach.md#taken"},
                             {"term": "proefplaatsing", "definitie": "Werken met behoud van uitkering."}]})");
  return tree;
}

std::vector<std::string> formatted(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.sorted()) out.push_back(format_diagnostic(d));
  return out;
}

/// The builder's files and diagnostics equal those of a fresh full build of the same tree.
void check_equals_full_build(const SiteBuilder& builder, const MemoryTree& tree) {
  MemorySink full;
  Diagnostics full_diags;
  build_site(tree, full, full_diags, 2);
  Diagnostics diags;
  builder.report(diags);
  CHECK(formatted(diags) == formatted(full_diags));
  const auto files = builder.files().snapshot();
  std::vector<std::string> names, full_names;
  for (const auto& [name, bytes] : files) names.push_back(name);
  for (const auto& [name, bytes] : full.files) full_names.push_back(name);
  REQUIRE(names == full_names);
  for (const auto& [name, bytes] : full.files) {
    INFO(name);
    CHECK(*files.at(name) == bytes);
  }
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("incremental: changes are classified by how far they reach", "[incremental]") {
  MemoryTree tree = site();
  SiteBuilder builder(tree, portal_features, 2);
  CHECK(builder.plan({"content/rollen/jobcoach.md"}).scope == ChangeScope::everything);  // before any build
  builder.build();

  const std::string jobcoach = *tree.read("content/rollen/jobcoach.md");
  SECTION("a body edit under the same front matter: that page") {
    tree.set("content/rollen/jobcoach.md", jobcoach + "\nMeer tekst.\n");
    ChangePlan plan = builder.plan({"content/rollen/jobcoach.md"});
    REQUIRE(plan.scope == ChangeScope::pages);
    REQUIRE(plan.pages.size() == 1);
  }
  SECTION("front matter, new and removed pages: everything") {
    tree.set("content/rollen/jobcoach.md", replaced(jobcoach, "weight: 2", "weight: 3"));
    CHECK(builder.plan({"content/rollen/jobcoach.md"}).scope == ChangeScope::everything);
    tree.set("content/rollen/jobcoach.md", replaced(jobcoach, "title: Jobcoach", "title: Job coach"));
    CHECK(builder.plan({"content/rollen/jobcoach.md"}).scope == ChangeScope::everything);
    tree.set("content/rollen/jobcoach.md", replaced(jobcoach, "weight: 2\n", "weight: 2\ndraft: true\n"));
    CHECK(builder.plan({"content/rollen/jobcoach.md"}).scope == ChangeScope::everything);
    tree.set("content/rollen/nieuw.md", "---\ntitle: Nieuw\n---\n");
    CHECK(builder.plan({"content/rollen/nieuw.md"}).scope == ChangeScope::everything);
    tree.remove("content/rollen/werkgever.md");
    CHECK(builder.plan({"content/rollen/werkgever.md"}).scope == ChangeScope::everything);
  }
  SECTION("templates, site-assets and data files: everything") {
    CHECK(builder.plan({"templates/page.mustache"}).scope == ChangeScope::everything);
    CHECK(builder.plan({"templates/layout/head.mustache"}).scope == ChangeScope::everything);
    CHECK(builder.plan({"site-assets/css/site.css"}).scope == ChangeScope::everything);
    CHECK(builder.plan({"content/begrippen/begrippen.json"}).scope == ChangeScope::everything);
    CHECK(builder.plan({"content/x.yaml"}).scope == ChangeScope::everything);
    CHECK(builder.plan({"wijzer.yaml"}).scope == ChangeScope::everything);  // the site configuration
  }
  SECTION("a changed content file is copied again; a new one is everything") {
    tree.set("content/plaatje.png", "PNG2");
    ChangePlan plan = builder.plan({"content/plaatje.png"});
    CHECK(plan.scope == ChangeScope::files);
    CHECK(plan.files == std::vector<std::string>{"plaatje.png"});
    tree.set("content/nieuw.png", "PNG");
    CHECK(builder.plan({"content/nieuw.png"}).scope == ChangeScope::everything);
  }
  SECTION("hidden files, editor leftovers and other folders: nothing") {
    CHECK(builder.plan({"content/.jobcoach.md.swp", "content/rollen/jobcoach.md~", "content/rollen/#jobcoach.md#",
                        "content/4913", "README.md", "_site/index.html", "content/.git/x.md"})
              .scope == ChangeScope::none);
  }
  SECTION("the widest change wins") {
    tree.set("content/rollen/jobcoach.md", jobcoach + "\nMeer tekst.\n");
    CHECK(builder.plan({"content/rollen/jobcoach.md", "templates/page.mustache"}).scope == ChangeScope::everything);
  }
}

TEST_CASE("incremental: a sequence of edits gives the same site as a full build", "[incremental]") {
  MemoryTree tree = site();
  SiteBuilder builder(tree, portal_features, 2);
  builder.build();
  check_equals_full_build(builder, tree);

  auto edit = [&](const std::string& path, std::optional<std::string> bytes, ChangeScope expected) {
    if (bytes) tree.set(path, *bytes);
    else tree.remove(path);
    ChangePlan plan = builder.plan({path});
    CHECK(plan.scope == expected);
    builder.update(plan);
    if (plan.scope == ChangeScope::pages) builder.finish();
    check_equals_full_build(builder, tree);
  };
  const std::string jobcoach = *tree.read("content/rollen/jobcoach.md");
  const std::string werkgever = *tree.read("content/rollen/werkgever.md");

  SECTION("body edits, anchors, glossary use") {
    edit("content/rollen/jobcoach.md", jobcoach + "\n## Nieuw kopje\n\nMet tekst.\n", ChangeScope::pages);
    // A heading another page links to is renamed: that page's link is now an error...
    edit("content/rollen/jobcoach.md", replaced(jobcoach, "## Taken", "## Werk"), ChangeScope::pages);
    Diagnostics diags;
    builder.report(diags);
    CHECK(diags.has_errors());
    CHECK(builder.has_errors(false));  // a link check, not a late one
    // ...and fixed again.
    edit("content/rollen/jobcoach.md", jobcoach, ChangeScope::pages);
    CHECK_FALSE(builder.has_errors());
    // The only use of a glossary term goes: a warning appears.
    edit("content/rollen/jobcoach.md", replaced(jobcoach, "een proefplaatsing", "een plaatsing"), ChangeScope::pages);
    // A link to an anchor the target does not have, from the edited page.
    edit("content/rollen/werkgever.md", replaced(werkgever, "jobcoach.md#taken", "jobcoach.md#geen"), ChangeScope::pages);
    edit("content/rollen/werkgever.md", werkgever, ChangeScope::pages);
    // Raw HTML: a warning on the page itself.
    edit("content/rollen/werkgever.md", werkgever + "\n<b>vet</b>\n", ChangeScope::pages);
  }
  SECTION("front matter, pages added and removed, templates, assets, data, files") {
    edit("content/rollen/jobcoach.md", replaced(jobcoach, "title: Jobcoach", "title: Coach"), ChangeScope::everything);
    edit("content/rollen/nieuw.md", std::string("---\ntitle: Nieuw\n---\nNieuw, met [link](jobcoach.md#taken).\n"),
         ChangeScope::everything);
    edit("content/rollen/nieuw.md", std::string("---\ntitle: Nieuw\n---\nAnders.\n"), ChangeScope::pages);
    edit("content/rollen/nieuw.md", std::nullopt, ChangeScope::everything);
    edit("templates/page.mustache", std::string(kLayout) + "<footer>voet</footer>", ChangeScope::everything);
    edit("site-assets/css/site.css", std::string("body{}"), ChangeScope::everything);
    edit("content/plaatje.png", std::string("PNG2"), ChangeScope::files);
    edit("wijzer.yaml", std::string("site: {title: Andere titel, language: fy}\n"), ChangeScope::everything);
    edit("wijzer.yaml", std::nullopt, ChangeScope::everything);
    edit("content/begrippen/begrippen.json", std::string(R"({"begrippen": [{"term": "werkgever", "definitie": "Baas."}]})"),
         ChangeScope::everything);
    edit("content/rollen/jobcoach.md", std::string("---\ntitle: Jobcoach\n--\nkapot"), ChangeScope::everything);
    CHECK(builder.has_errors());
    edit("content/rollen/jobcoach.md", jobcoach, ChangeScope::everything);
    CHECK_FALSE(builder.has_errors());
  }
}

TEST_CASE("incremental: the golden fixture, edited page by page, equals a full build", "[incremental][golden]") {
  const fs::path root = fs::path(WIJZER_TEST_DIR) / "fixtures" / "golden" / "site";
  MemoryTree tree;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) tree.set(fs::relative(entry.path(), root).generic_string(), *read_file(entry.path()));
  SiteBuilder builder(tree, portal_features, 2);
  builder.build();
  check_equals_full_build(builder, tree);
  for (const std::string& path : tree.list("content")) {
    if (path.size() < 3 || path.compare(path.size() - 3, 3, ".md") != 0) continue;
    INFO(path);
    tree.set(path, *tree.read(path) + "\n## Toegevoegd\n\nEen nieuwe alinea.\n");
    ChangePlan plan = builder.plan({path});
    CHECK(plan.scope == ChangeScope::pages);
    builder.update(plan);
    builder.finish();
    check_equals_full_build(builder, tree);
  }
}

// Every feature of the portal must follow the contract of docs/architecture.md ("Incremental builds").
TEST_CASE("incremental: a page of the real portal, edited, equals a full build", "[incremental][portal]") {
  const fs::path root = fs::path(WIJZER_TEST_DIR).parent_path();
  MemoryTree tree;
  for (const char* dir : {"content", "templates", "site-assets"})
    for (const auto& entry : fs::recursive_directory_iterator(root / dir))
      if (entry.is_regular_file()) tree.set(fs::relative(entry.path(), root).generic_string(), *read_file(entry.path()));
  SiteBuilder builder(tree, portal_features, 2);
  builder.build();
  const std::string path = "content/rollen/jobcoach.md";
  REQUIRE(tree.read(path));
  tree.set(path, *tree.read(path) + "\n## Toegevoegd\n\nEen nieuwe alinea over een proefplaatsing.\n");
  ChangePlan plan = builder.plan({path});
  CHECK(plan.scope == ChangeScope::pages);
  builder.update(plan);
  builder.finish();
  check_equals_full_build(builder, tree);
}

namespace {

/// Files that differ between the builder's state and a fresh full build (missing or extra files
/// count too), and whether the diagnostics differ.
size_t files_differing_from_full_build(const SiteBuilder& builder, const MemoryTree& tree, bool& diags_differ) {
  MemorySink full;
  Diagnostics full_diags;
  build_site(tree, full, full_diags, 2);
  Diagnostics diags;
  builder.report(diags);
  diags_differ = formatted(diags) != formatted(full_diags);
  const auto files = builder.files().snapshot();
  size_t differing = 0;
  for (const auto& [name, bytes] : full.files) {
    auto it = files.find(name);
    if (it == files.end() || *it->second != bytes) ++differing;
  }
  for (const auto& [name, bytes] : files)
    if (!full.files.count(name)) ++differing;
  return differing;
}

}  // namespace

// The real portal is below the size where search shortens its excerpts (about 1,640 heading
// sections); this site is above it, so a body edit that changes the site's size shows whether a
// feature derived something in load() from page bodies (docs/architecture.md, "Features").
TEST_CASE("incremental: a body edit on a large generated site equals a full build", "[incremental][large]") {
  const fs::path root = fs::path(WIJZER_TEST_DIR).parent_path();
  MemoryTree tree;
  for (const char* dir : {"content", "templates", "site-assets"})
    for (const auto& entry : fs::recursive_directory_iterator(root / dir))
      if (entry.is_regular_file()) tree.set(fs::relative(entry.path(), root).generic_string(), *read_file(entry.path()));
  tree.set("content/groot/_index.md", "---\ntitle: Groot\nweight: 99\n---\nVeel pagina's.\n");
  for (int p = 0; p < 120; ++p) {
    std::string body = "---\ntitle: Pagina " + std::to_string(p) + "\n---\nInleiding over re-integratie.\n";
    for (int h = 0; h < 15; ++h)
      body += "\n## Kopje " + std::to_string(h) + "\n\nDe jobcoach helpt bij werk, een proefplaatsing en scholing; " +
              std::string(300, 'x').replace(0, 300, 30, ' ') + "tekst " + std::to_string(p * 100 + h) +
              " met genoeg woorden om een fragment in te korten tot het budget van de zoekindex.\n";
    tree.set("content/groot/p" + std::to_string(p) + ".md", body);
  }
  const Search* search = nullptr;
  SiteBuilder builder(tree, [&search] {
    auto features = portal_features();
    for (const auto& f : features)
      if (auto* s = dynamic_cast<const Search*>(f.get())) search = s;
    return features;
  }, 2);
  builder.build();
  REQUIRE(search);
  REQUIRE(search->excerpt_chars() < 320);  // above the threshold: excerpts are shortened
  const size_t excerpt_before = search->excerpt_chars();
  bool diags_differ = false;
  REQUIRE(files_differing_from_full_build(builder, tree, diags_differ) == 0);

  const std::string path = "content/groot/p7.md";
  std::string more;
  for (int h = 0; h < 40; ++h) more += "\n## Extra " + std::to_string(h) + "\n\nNog een alinea.\n";
  tree.set(path, *tree.read(path) + more);
  ChangePlan plan = builder.plan({path});
  REQUIRE(plan.scope == ChangeScope::pages);
  builder.update(plan);
  builder.finish();
  const size_t differing = files_differing_from_full_build(builder, tree, diags_differ);
  WARN("large site: " << builder.page_count() << " pages, " << builder.files().size() << " files; after a body edit "
                      << differing << " files differ from a full build");
  CHECK(differing == 0);
  CHECK_FALSE(diags_differ);
  CHECK(search->excerpt_chars() < excerpt_before);  // the edit made the site larger
}
