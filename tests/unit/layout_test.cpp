// The layout, glossary and markdown markup comes from templates: the compiler gives data (section
// navigation) or fills a fixed-shape snippet (glossary term links, table boxes, task boxes), so
// changing a label or a class is an edit of one template and no C++ (issue 14).
#include <catch2/catch.hpp>

#include "portal_build.h"
#include "snippet.h"

using namespace wijzer;

namespace {

/// The portal's real templates and assets, a section two levels deep and a glossary.
MemoryTree layout_site() {
  MemoryTree tree = fuzz::base_tree();
  tree.set("content/gids/deel/_index.md", "---\ntitle: Deel\nweight: 2\n---\nEen deel.\n");
  tree.set("content/gids/deel/sub.md",
           "---\ntitle: Sub's pagina\n---\nDe jobcoach helpt.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] klaar\n- [ ] open\n");
  tree.set("content/begrippen/_index.md", "---\ntitle: Begrippen\n---\n");
  tree.set("content/begrippen/begrippen.json",
           R"({"begrippen": [{"term": "jobcoach", "definitie": "Begeleider <op> de werkplek."}]})");
  return tree;
}

std::string page_of(const MemoryTree& tree, const std::string& path) {
  MemorySink sink;
  Diagnostics diags;
  build_site(tree, sink, diags, 1);
  for (const auto& d : diags.sorted())
    if (d.severity == Severity::error) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(sink.files.count(path));
  return sink.files.at(path);
}

}  // namespace

TEST_CASE("section navigation: data from the compiler, markup from layout/section-nav", "[layout][templates]") {
  MemoryTree tree = layout_site();
  const std::string sub = page_of(tree, "gids/deel/sub.html");
  // The section, its pages, and the open branch down to this page (aria-current on it).
  CHECK(sub.find("<nav class=\"sectienav\" aria-label=\"In dit onderdeel\"><a class=\"sectienav__kop\" href=\"../index.html\">"
                 "Gids</a><ul><li><a href=\"../stap.html\">Stap</a></li><li><a href=\"index.html\">Deel</a><ul>"
                 "<li><a href=\"sub.html\" aria-current=\"page\">Sub&apos;s pagina</a></li></ul></li></ul></nav>") !=
        std::string::npos);
  // A page outside the open branch sees the branch closed.
  const std::string stap = page_of(tree, "gids/stap.html");
  CHECK(stap.find("<li><a href=\"deel/index.html\">Deel</a></li></ul></nav>") != std::string::npos);
  // The home page has none.
  CHECK(page_of(tree, "index.html").find("sectienav") == std::string::npos);

  // One template edit, no C++: the label and the class of the navigation change everywhere.
  std::string partial = *tree.read("templates/layout/section-nav.mustache");
  const std::string label = "aria-label=\"In dit onderdeel\"";
  REQUIRE(partial.find(label) != std::string::npos);
  partial.replace(partial.find(label), label.size(), "aria-label=\"Binnen deze rubriek\"");
  tree.set("templates/layout/section-nav.mustache", partial);
  const std::string edited = page_of(tree, "gids/deel/sub.html");
  CHECK(edited.find("aria-label=\"Binnen deze rubriek\"><a class=\"sectienav__kop\"") != std::string::npos);
  CHECK(edited.find("In dit onderdeel") == std::string::npos);
}

TEST_CASE("section navigation shared by siblings marks each page as current, on any thread", "[layout][templates]") {
  // Siblings share one navigation per worker (PageDataCache) that only moves `current`; a section
  // page, a page kept out of the menus and the pages of another folder must each get their own.
  MemoryTree tree = layout_site();
  for (const char* name : {"a", "b", "c", "d"})
    tree.set(std::string("content/gids/deel/") + name + ".md", std::string("---\ntitle: Pagina ") + name + "\n---\nTekst.\n");
  tree.set("content/gids/deel/verborgen.md", "---\ntitle: Verborgen\nmenu: false\n---\nTekst.\n");
  tree.set("content/gids/deel/e.md", "---\ntitle: Pagina e\n---\nTekst.\n");
  std::map<std::string, std::string> by_threads[2];
  for (unsigned threads : {1u, 2u}) {
    MemorySink sink;
    Diagnostics diags;
    build_site(tree, sink, diags, threads);
    REQUIRE_FALSE(diags.has_errors());
    for (const char* name : {"a", "b", "c", "d", "e", "sub", "verborgen", "index"}) {
      const std::string path = std::string("gids/deel/") + name + ".html";
      REQUIRE(sink.files.count(path));
      const std::string& html = sink.files.at(path);
      const size_t begin = html.find("<nav class=\"sectienav\""), end = html.find("</nav>", begin);
      REQUIRE(end != std::string::npos);
      const std::string nav = html.substr(begin, end - begin);
      INFO(path << " with " << threads << " threads: " << nav);
      // Exactly one current item: this page.
      CHECK(nav.find("aria-current") == nav.rfind("aria-current"));
      CHECK(nav.find("href=\"" + std::string(name) + ".html\" aria-current=\"page\"") != std::string::npos);
      // The hidden page is listed only on itself.
      CHECK((nav.find("Verborgen") != std::string::npos) == (std::string(name) == "verborgen"));
      by_threads[threads - 1][path] = html;
    }
  }
  CHECK(by_threads[0] == by_threads[1]);
}

TEST_CASE("glossary term links and markdown boxes come from their snippets", "[layout][glossary][templates]") {
  MemoryTree tree = layout_site();
  const std::string before = page_of(tree, "gids/deel/sub.html");
  CHECK(before.find("<span class=\"begrip\"><a class=\"begrip__term\" href=\"../../begrippen/index.html#begrip-jobcoach\" "
                    "aria-describedby=\"begrip-uitleg-1\">jobcoach</a><span class=\"begrip__uitleg\" role=\"tooltip\" "
                    "id=\"begrip-uitleg-1\">Begeleider &lt;op&gt; de werkplek.</span></span>") != std::string::npos);
  CHECK(before.find("<section class=\"tabel\" tabindex=\"0\" aria-label=\"Tabel 1\"><table>") != std::string::npos);
  CHECK(before.find("</table></section>") != std::string::npos);
  CHECK(before.find("<span class=\"visueel-verborgen\">(gedaan)</span></span> klaar") != std::string::npos);
  CHECK(before.find("<span class=\"visueel-verborgen\">(open)</span></span> open") != std::string::npos);

  tree.set("templates/glossary/term.mustache", "<abbr title=\"{{definition}}\">{{text}}</abbr>\n");
  tree.set("templates/markdown/table.mustache", "<div class=\"breed\" data-n=\"{{number}}\">{{{table}}}</div>\n");
  tree.set("templates/markdown/task-done.mustache", "[klaar]\n");
  const std::string after = page_of(tree, "gids/deel/sub.html");
  CHECK(after.find("<abbr title=\"Begeleider &lt;op&gt; de werkplek.\">jobcoach</abbr>") != std::string::npos);
  CHECK(after.find("<div class=\"breed\" data-n=\"1\"><table>") != std::string::npos);
  CHECK(after.find("[klaar] klaar") != std::string::npos);
  CHECK(after.find("begrip__term") == std::string::npos);

  // Without the snippets: cmark's own HTML, and terms stay text.
  for (const char* name : {"glossary/term", "markdown/table", "markdown/task-done", "markdown/task-open"})
    tree.remove(std::string("templates/") + name + ".mustache");
  const std::string plain = page_of(tree, "gids/deel/sub.html");
  CHECK(plain.find("<table>") != std::string::npos);
  CHECK(plain.find("class=\"tabel\"") == std::string::npos);
  CHECK(plain.find("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> klaar") != std::string::npos);
  CHECK(plain.find("De jobcoach helpt.") != std::string::npos);
}

TEST_CASE("the search page's words are the search component's", "[layout][search][templates]") {
  MemoryTree tree = layout_site();
  CHECK(page_of(tree, "zoeken/index.html").find("<title>Zoeken · Start</title>") != std::string::npos);
  tree.set("templates/search/title.mustache", "Vinden\n");
  const std::string page = page_of(tree, "zoeken/index.html");
  CHECK(page.find("<title>Vinden · Start</title>") != std::string::npos);
  CHECK(page.find("<h1>Vinden</h1>") != std::string::npos);
  // Without it the page still builds, and the editor is told where the title goes.
  tree.remove("templates/search/title.mustache");
  MemorySink sink;
  Diagnostics diags;
  build_site(tree, sink, diags, 1);
  bool told = false;
  for (const auto& d : diags.sorted())
    told = told || (d.severity == Severity::warning && d.path == "templates/zoeken.mustache" &&
                    d.message.find("templates/search/title.mustache") != std::string::npos);
  CHECK(told);
}

TEST_CASE("snippet: fills {{name}} escaped and {{{name}}} as given, keeps other tags", "[layout][snippet]") {
  const Snippet s("<a href=\"{{ href }}\">{{{html}}}</a>{{#x}}{{missing}}\n");
  CHECK(s.render({{"href", "a&b\"'"}, {"html", "<b>t</b>"}}) == "<a href=\"a&amp;b&quot;&#39;\"><b>t</b></a>{{#x}}");
  CHECK(Snippet("{{").render({}) == "{{");
  CHECK(Snippet("").render({}).empty());
}
