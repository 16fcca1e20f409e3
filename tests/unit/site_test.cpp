#include <catch2/catch.hpp>

#include "content.h"
#include "output.h"
#include "portal.h"
#include "site.h"

using namespace wijzer;

namespace {

const char* kPage = "{{page.title}}|{{{page.content}}}|{{#page.toc}}[{{anchor}}]{{/page.toc}}|"
                    "{{#page.breadcrumbs}}<{{title}}>{{/page.breadcrumbs}}|{{#page.prev}}prev={{url}}{{/page.prev}}|"
                    "{{#page.next}}next={{url}}{{/page.next}}|{{assets.css_site_css}}";

MemoryTree small_site() {
  MemoryTree tree;
  tree.set("templates/page.mustache", kPage);
  tree.set("templates/section.mustache", std::string(kPage) + "|{{#page.children}}({{url}}){{/page.children}}");
  tree.set("site-assets/css/site.css", "body{}");
  tree.set("content/_index.md", "---\ntitle: Home\n---\nWelkom. Zie [rollen](rollen/_index.md).\n");
  tree.set("content/rollen/_index.md", "---\ntitle: Rollen\nweight: 1\n---\n");
  tree.set("content/rollen/jobcoach.md",
           "---\ntitle: Jobcoach\nweight: 2\n---\n## Taken\n\n## Cliënt & werkgever\n\n### Details\n\n"
           "Zie [de werkgever](werkgever.md#taken) en [hier](#taken).\n");
  tree.set("content/rollen/werkgever.md", "---\ntitle: Werkgever\nweight: 1\n---\n## Taken {#taken}\n");
  tree.set("content/regels/_index.md", "---\ntitle: Regels\nweight: 2\n---\n[terug](../rollen/jobcoach.md#client-werkgever)\n");
  tree.set("content/regels/concept.md", "---\ntitle: Concept\ndraft: true\n---\n");
  return tree;
}

}  // namespace

TEST_CASE("the folder tree becomes the navigation tree", "[content][navigation]") {
  MemoryTree tree = small_site();
  Diagnostics diags;
  ContentTree content = load_content(tree, diags);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(content.pages.size() == 5);  // the draft is left out
  CHECK(content.pages[0].source == "_index.md");
  const Page& home = content.pages[0];
  REQUIRE(home.children.size() == 2);
  CHECK(content.pages[home.children[0]].source == "rollen/_index.md");  // weight 1 before 2
  const Page& rollen = *content.find("rollen/_index.md");
  REQUIRE(rollen.children.size() == 2);
  CHECK(content.pages[rollen.children[0]].meta.title == "Werkgever");
  CHECK(content.find("rollen/jobcoach.md")->output == "rollen/jobcoach.html");
  CHECK(rollen.output == "rollen/index.html");
  CHECK(content.lookup("rollen/") == content.by_source.at("rollen/_index.md"));
  // reading order: depth first, and only within one top-level section (the home page has none)
  std::vector<std::string> order;
  for (int i = content.lookup("rollen/_index.md"); i >= 0; i = content.pages[i].next) order.push_back(content.pages[i].source);
  CHECK(order == std::vector<std::string>{"rollen/_index.md", "rollen/werkgever.md", "rollen/jobcoach.md"});
  CHECK(content.pages[0].next == -1);
  CHECK(rollen.prev == -1);
  CHECK(content.find("regels/_index.md")->prev == -1);
}

TEST_CASE("a plain folder of markdown builds with a generated home", "[content]") {
  MemoryTree tree;
  tree.set("content/a.md", "---\ntitle: A\n---\n");
  tree.set("content/sub/b.md", "---\ntitle: B\n---\n");
  Diagnostics diags;
  ContentTree content = load_content(tree, diags);
  REQUIRE(content.pages.size() == 3);
  CHECK(content.pages[0].meta.title == "Home");
  CHECK(content.pages[0].children.size() == 2);  // sub/b.md hangs under home: sub has no _index.md
}

TEST_CASE("a one-shot build that keeps its builder until exit gives the same site, twice", "[site]") {
  const MemoryTree tree = small_site();
  MemorySink freed, kept, again;
  Diagnostics d1, d2, d3;
  build_site(tree, freed, d1, 1);
  build_site(tree, kept, d2, 1, BuilderEnd::keep_until_exit);
  build_site(tree, again, d3, 2, BuilderEnd::keep_until_exit);  // the first kept one goes now
  CHECK_FALSE(d1.has_errors());
  CHECK(kept.files == freed.files);
  CHECK(again.files == freed.files);
}

TEST_CASE("a build renders pages with rewritten links and navigation", "[site]") {
  MemoryTree tree = small_site();
  Diagnostics diags;
  MemorySink sink;
  BuildStats stats = build_site(tree, sink, diags, 2);
  for (const auto& d : diags.sorted()) INFO(format_diagnostic(d));
  REQUIRE_FALSE(diags.has_errors());
  CHECK(stats.pages == 5);
  const std::string& jobcoach = sink.files.at("rollen/jobcoach.html");
  CHECK(jobcoach.find("<h2 id=\"client-werkgever\">Cliënt &amp; werkgever</h2>") != std::string::npos);
  CHECK(jobcoach.find("href=\"werkgever.html#taken\"") != std::string::npos);
  CHECK(jobcoach.find("href=\"#taken\"") != std::string::npos);
  CHECK(jobcoach.find("|[taken][client-werkgever]|") != std::string::npos);  // toc: h2 only at top level
  CHECK(jobcoach.find("|<Home><Rollen>|") != std::string::npos);
  CHECK(jobcoach.find("prev=werkgever.html") != std::string::npos);
  CHECK(jobcoach.find("|next=") == std::string::npos);  // the section's last page: no way into the next section
  CHECK(sink.files.at("regels/index.html").find("href=\"../rollen/jobcoach.html#client-werkgever\"") != std::string::npos);
  CHECK(sink.files.at("index.html").find("(rollen/index.html)(regels/index.html)") != std::string::npos);
  // assets get content-hashed names, referenced relative to each page
  std::string css;
  for (const auto& [path, bytes] : sink.files)
    if (path.rfind("assets/css/site.", 0) == 0) css = path;
  REQUIRE(css.size() == std::string("assets/css/site.0123456789.css").size());
  CHECK(jobcoach.find("|../" + css) != std::string::npos);
}

TEST_CASE("every content problem is reported at path:line:col in one run", "[site][errors]") {
  MemoryTree tree = small_site();
  tree.set("content/rollen/jobcoach.md",
           "---\ntitle: Jobcoach\n---\n## Taken\n\nZie [weg](bestaat-niet.md) en\n[anker](werkgever.md#nee).\n\n"
           "[js](javascript:alert(1)) [abs](/rollen/x.md) [hier](#nergens)\n");
  tree.set("content/rollen/werkgever.md", "---\nweight: 1\n---\n");
  tree.set("content/regels/raw.md", "---\ntitle: Raw\n---\n<script>alert(1)</script>\n");
  Diagnostics diags;
  MemorySink sink;
  build_site(tree, sink, diags, 2);
  std::vector<std::string> lines;
  for (const auto& d : diags.sorted()) lines.push_back(format_diagnostic(d));
  for (const auto& line : lines) UNSCOPED_INFO(line);
  REQUIRE(lines.size() == 8);
  CHECK(lines[0] == "content/regels/_index.md:5:1: error: onbekend anker '#client-werkgever' in rollen/jobcoach.md");
  lines.erase(lines.begin());
  CHECK(lines[0] == "content/regels/raw.md:4:1: warning: ruwe HTML is niet toegestaan en wordt als tekst getoond");
  CHECK(lines[1].rfind("content/rollen/jobcoach.md:6:5: error: link naar onbekende pagina 'bestaat-niet.md'", 0) == 0);
  CHECK(lines[2].rfind("content/rollen/jobcoach.md:7:1: error: onbekend anker '#nee' in rollen/werkgever.md", 0) == 0);
  CHECK(lines[3].rfind("content/rollen/jobcoach.md:9:1: error: link met niet-toegestaan schema 'javascript:'", 0) == 0);
  CHECK(lines[4].rfind("content/rollen/jobcoach.md:9:27: error: link '/rollen/x.md' begint met '/'", 0) == 0);
  CHECK(lines[5].rfind("content/rollen/jobcoach.md:9:47: error: onbekend anker '#nergens'", 0) == 0);
  CHECK(lines[6] == "content/rollen/werkgever.md:1:1: error: front matter mist het verplichte veld 'title'");
  // raw HTML is shown as text, never as live markup
  CHECK(sink.files.at("regels/raw.html").find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(sink.files.at("regels/raw.html").find("<script>") == std::string::npos);
}

TEST_CASE("template problems are located in the template file", "[site][errors][templates]") {
  MemoryTree tree = small_site();
  tree.set("templates/section.mustache", "ok\n{{#page.children}}\n{{> nergens}}\n");
  Diagnostics diags;
  MemorySink sink;
  build_site(tree, sink, diags, 1);
  auto all = diags.sorted();
  for (const auto& d : all) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE(all.size() == 1);
  CHECK(all[0].path == "templates/section.mustache");
  CHECK(all[0].line == 2);
  CHECK(all[0].message.find("Unclosed section") != std::string::npos);

  tree.set("templates/section.mustache", "ok\n  {{> nergens}}\n");
  Diagnostics again;
  build_site(tree, sink, again, 1);
  REQUIRE(again.error_count() == 1);
  CHECK(format_diagnostic(again.sorted()[0]) == "templates/section.mustache:2:3: error: template: onbekende partial 'nergens'");
}

TEST_CASE("a component keeps its partials in its own folder", "[site][templates]") {
  MemoryTree tree = small_site();
  tree.set("templates/page.mustache", "[{{> knop/groot}}|{{> kop}}]");
  tree.set("templates/knop/groot.mustache", "<button>{{page.title}}</button>{{> knop/klein}}");
  tree.set("templates/knop/klein.mustache", "<small>k</small>");
  tree.set("templates/partials/kop.mustache", "<h1>kop</h1>");
  Diagnostics diags;
  MemorySink sink;
  build_site(tree, sink, diags, 1);
  for (const auto& d : diags.sorted()) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE_FALSE(diags.has_errors());
  CHECK(sink.files.at("rollen/werkgever.html") == "[<button>Werkgever</button><small>k</small>|<h1>kop</h1>]");
  // A file in a component folder is a partial, never a page template of its own.
  tree.set("content/rollen/werkgever.md", "---\ntitle: Werkgever\ntemplate: groot\n---\n");
  Diagnostics again;
  build_site(tree, sink, again, 1);
  bool missing = false;
  for (const auto& d : again.sorted()) missing = missing || d.message.find("template 'groot' bestaat niet") != std::string::npos;
  CHECK(missing);
}

TEST_CASE("a page asking for a missing template is an error", "[site][errors][templates]") {
  MemoryTree tree = small_site();
  tree.set("content/rollen/werkgever.md", "---\ntitle: Werkgever\ntemplate: bestaat-niet\n---\n## Taken\n");
  Diagnostics diags;
  MemorySink sink;
  build_site(tree, sink, diags, 1);
  for (const auto& d : diags.sorted()) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted()[0].message.find("template 'bestaat-niet' bestaat niet") != std::string::npos);
}

TEST_CASE("the same input gives byte-identical output", "[site]") {
  MemoryTree tree = small_site();
  Diagnostics d1, d2;
  MemorySink a, b;
  build_site(tree, a, d1, 1);
  build_site(tree, b, d2, 4);
  CHECK(a.files == b.files);
}
