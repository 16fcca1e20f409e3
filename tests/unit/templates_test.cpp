#include <catch2/catch.hpp>

#include "source.h"
#include "templates.h"

using namespace wijzer;

namespace {

std::string render(const std::string& source, const mustache_data& data) {
  TemplateSources sources;
  sources.templates["t"] = source;
  TemplateSet set(sources);
  return set.render("t", data);
}

mustache_data sample() {
  MustacheObject page;
  page.set("title", "Cliënt & <werkgever> \"x\" 'y'");
  page.set("empty", "");
  MustacheObject site;
  site.set("name", "Wijzer");
  MustacheObject item1, item2;
  item1.set("title", "een");
  item2.set("title", "twee");
  item2.set("site", MustacheObject().set("name", "binnen").take());
  MustacheObject root;
  root.set("page", page.take());
  root.set("site", site.take());
  root.set("items", mustache_list({item1.take(), item2.take()}));
  root.set("html", "<b>vet</b>");
  return root.take();
}

}  // namespace

TEST_CASE("variables are escaped as kainjow escapes them; triple braces are not", "[templates]") {
  CHECK(render("{{page.title}}", sample()) == "Cliënt &amp; &lt;werkgever&gt; &quot;x&quot; &apos;y&apos;");
  CHECK(render("{{{html}}}|{{html}}", sample()) == "<b>vet</b>|&lt;b&gt;vet&lt;/b&gt;");
}

TEST_CASE("dotted names resolve from the innermost item that has the whole path", "[templates]") {
  // Inside the loop the second item has its own site.name; the first falls back to the root's.
  CHECK(render("{{#items}}{{title}}:{{site.name}};{{/items}}", sample()) == "een:Wijzer;twee:binnen;");
  CHECK(render("{{#items}}{{page.title.x}}{{/items}}|{{page.missing}}|{{nope.title}}", sample()) == "||");
  CHECK(render("{{#page}}{{title}}{{/page}}", sample()).rfind("Cliënt", 0) == 0);
  MustacheObject words;
  words.set("w", mustache_list({mustache_data{"a"}, mustache_data{"b"}}));
  CHECK(render("{{#w}}[{{.}}]{{/w}}", words.take()) == "[a][b]");
  CHECK(render("{{^page.empty}}leeg{{/page.empty}}", sample()) == "leeg");
}

TEST_CASE("the same values render the same through kainjow's own context", "[templates]") {
  const std::string source =
      "{{#items}}<li>{{title}} {{site.name}}</li>{{/items}}{{page.title}}{{#page}}{{title}}{{/page}}{{^page.empty}}-{{/page.empty}}";
  kainjow::mustache::mustache reference{source};
  CHECK(render(source, sample()) == reference.render(sample()));
}

namespace {

/// A page template whose partials start lines at the top level (cuts), inside a section (no cut)
/// and in the middle of a line (no cut), with standalone tags and comments around the cuts.
MemoryTree piece_theme() {
  MemoryTree tree;
  tree.set("templates/page.mustache",
           "{{> kop}}\n{{> menu}}\n{{#page.toc}}\n{{> binnen}}\n{{/page.toc}}\n<main>{{{page.content}}}</main>\n  {{> midden}}\n"
           "{{> voet}}");
  tree.set("templates/partials/kop.mustache",
           "<title>{{page.title}} · {{site.title}}</title>\n{{! a comment on its own line }}\n");
  tree.set("templates/partials/menu.mustache",
           "<nav>\n{{#nav}}\n  <a href=\"{{url}}\"{{#current}} aria-current=\"page\"{{/current}}>{{title}}{{extra}}</a>\n{{/nav}}\n"
           "</nav>\n");
  tree.set("templates/partials/binnen.mustache", "<li>{{.}}</li>\n");
  tree.set("templates/partials/midden.mustache", "[{{site.title}}]");
  tree.set("templates/partials/voet.mustache",
           "{{^nieuw}}\ngeen nieuws\n{{/nieuw}}\n{{#nieuw}}<a href=\"{{url}}\">nieuw</a>{{/nieuw}}\n"
           "{{#labels.eigenaar}}Beheer: {{labels.eigenaar}}{{/labels.eigenaar}}\n");
  return tree;
}

mustache_data nav_item(const std::string& title, const std::string& url, bool current, const std::string& extra = "") {
  MustacheObject item;
  item.set("title", title).set("url", url).set("current", current);
  if (!extra.empty()) item.set("extra", extra);
  return item.take();
}

struct PiecePage {
  mustache_data chrome;
  mustache_data data;
};

PiecePage piece_page(const std::string& title, std::vector<mustache_data> nav, const std::string& extra = "",
                     const std::string& nieuw = "", const std::string& owner = "") {
  PiecePage p;
  MustacheObject chrome;
  chrome.set("site", MustacheObject().set("title", "Wijzer").take());
  chrome.set("nav", mustache_list(std::move(nav)));
  chrome.set("labels", MustacheObject().set("eigenaar", owner).take());
  p.chrome = chrome.take();
  MustacheObject page;
  page.set("title", title).set("content", "<p>" + title + "</p>");
  page.set("toc", mustache_list({mustache_data{"een"}, mustache_data{title}}));
  MustacheObject data;
  data.set("page", page.take());
  if (!extra.empty()) data.set("extra", extra);
  data.set("nieuw", nieuw.empty() ? mustache_data{false} : MustacheObject().set("url", nieuw).take());
  p.data = data.take();
  return p;
}

}  // namespace

TEST_CASE("a page template renders in pieces; a piece is reused only when it reads the same", "[templates]") {
  Diagnostics diags;
  const MemoryTree tree = piece_theme();
  const TemplateSources sources = load_templates(tree, diags);
  REQUIRE(!diags.has_errors());
  // Partial edges that start a line: kop starts the file (no cut there) and ends on a line start, as menu starts and
  // ends; binnen sits in a section and midden in the middle of a line: no cuts; voet starts a line. And every line
  // with a tag outside the sections: the section starts, the content, midden's line and each line of voet (the
  // comment's line is no such line, nor are those inside the nav and toc sections).
  const std::string& whole = sources.templates.at("page");
  REQUIRE(sources.cuts.count("page"));
  std::vector<size_t> expected = {whole.find("<nav>") - 1,       whole.find("<nav>"),
                                  whole.find("{{#nav}}"),        whole.find("\n{{#page.toc}}"),
                                  whole.find("{{#page.toc}}"),   whole.find("<main>"),
                                  whole.find("  [{{site.title"), whole.find("{{^nieuw}}"),
                                  whole.find("{{#nieuw}}"),      whole.find("{{#labels.eigenaar}}")};
  CHECK(sources.cuts.at("page") == expected);

  auto nav = [](int current, const std::string& second = "Twee") {
    return std::vector<mustache_data>{nav_item("Een", "a.html", current == 0), nav_item(second, "b.html", current == 1)};
  };
  // Each page differs from the one before in one thing a cached piece read, or in nothing.
  std::vector<PiecePage> pages;
  pages.push_back(piece_page("A", nav(-1)));
  pages.push_back(piece_page("B", nav(-1)));                      // the second render records
  pages.push_back(piece_page("B2", nav(-1)));                     // same chrome: menu and voet reused
  pages.push_back(piece_page("C", nav(1)));                       // a nav item turns current
  pages.push_back(piece_page("D", nav(1, "Tweede")));             // a nav title changes
  pages.push_back(piece_page("E", nav(1, "Tweede"), "+"));        // the page's data now has `extra`, which
                                                                  // the nav items lack: a lookup falls through
  pages.push_back(piece_page("F", nav(1, "Tweede"), "+", "n.html"));        // nieuw: false → an object
  pages.push_back(piece_page("G", nav(1, "Tweede"), "+", "../n.html"));     // its url changes
  pages.push_back(piece_page("H", nav(1, "Tweede"), "+", "../n.html", "UWV"));  // a label appears
  pages.push_back(piece_page("I", {nav_item("Een", "a.html", false)}, "+", "../n.html", "UWV"));  // nav shorter
  pages.push_back(piece_page("J", {nav_item("Een", "a.html", false)}, "+", "../n.html", "UWV"));  // same again
  pages.push_back(piece_page("K", {nav_item("Een", "a.html", false)}, "", "../n.html", "UWV"));   // `extra` gone
  pages.push_back(piece_page("L", {nav_item("Een", "a.html", false, "!")}, "", "../n.html", "UWV"));  // the item
                                                                  // has the key it lacked before
  TemplateSet cached(sources);
  size_t reused_before = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    INFO("page " << i);
    const std::vector<const mustache_data*> layers = {&pages[i].chrome};
    TemplateSet fresh(sources);
    const std::string reference = fresh.render("page", layers, pages[i].data);
    CHECK(fresh.pieces_reused() == 0);
    CHECK(cached.render("page", layers, pages[i].data) == reference);
    if (i < 2) CHECK(cached.pieces_reused() == 0);  // a template used once is not recorded
    if (i == 2 || i == 10) CHECK(cached.pieces_reused() > reused_before);
    reused_before = cached.pieces_reused();
  }
  // Without the layers, the site's title is not there.
  CHECK(TemplateSet(sources).render("page", pages[8].data).find("<title>H · </title>") != std::string::npos);
  const std::string last = cached.render("page", {&pages[8].chrome}, pages[8].data);
  INFO(last);
  CHECK(last.find("<title>H · Wijzer</title>\n") == 0);
  CHECK(last.find("<a href=\"a.html\">Een+</a>") != std::string::npos);
  CHECK(last.find("<a href=\"b.html\" aria-current=\"page\">Tweede+</a>") != std::string::npos);
  CHECK(last.find("<a href=\"../n.html\">nieuw</a>\nBeheer: UWV") != std::string::npos);
  CHECK(last.find("geen nieuws") == std::string::npos);
}

TEST_CASE("pieces render as the whole template does, standalone lines and comments included", "[templates]") {
  Diagnostics diags;
  const MemoryTree tree = piece_theme();
  const TemplateSources sources = load_templates(tree, diags);
  TemplateSources uncut = sources;
  uncut.cuts.clear();
  for (const auto& p : {piece_page("A", {nav_item("Een", "a.html", true)}, "x", "n.html", "UWV"),
                        piece_page("B", {}, "", "", "")}) {
    TemplateSet whole(uncut), pieces(sources);
    CHECK(pieces.render("page", {&p.chrome}, p.data) == whole.render("page", {&p.chrome}, p.data));
  }
  // Standalone section lines, indented tags, a comment over several lines (with a line inside it
  // that would otherwise be cut), whitespace-only lines and a last line without a line break: cut
  // at every line with a tag, rendered as the whole.
  MemoryTree lines;
  lines.set("templates/page.mustache",
            "  {{#page.title}}\n  <h1>{{page.title}}</h1>\n  {{/page.title}}\n{{! one\n{{page.title}}\n two }}\n"
            "\t\n{{^page.missing}}\n\n{{/page.missing}}\n  {{site.title}}  \n{{#page.toc}}{{.}}{{/page.toc}}\n"
            "{{^page.toc}}geen{{/page.toc}}\n{{{page.content}}}");
  const TemplateSources line_sources = load_templates(lines, diags);
  REQUIRE(!diags.has_errors());
  REQUIRE(line_sources.cuts.count("page"));
  CHECK(line_sources.cuts.at("page").size() == 5);  // the lines of page.missing, site.title, both toc lines, content
  TemplateSources line_uncut = line_sources;
  line_uncut.cuts.clear();
  TemplateSet line_pieces(line_sources);
  for (const auto& p : {piece_page("A", {}), piece_page("", {}), piece_page("A", {}), piece_page("B", {})}) {
    TemplateSet whole(line_uncut);
    CHECK(line_pieces.render("page", {&p.chrome}, p.data) == whole.render("page", {&p.chrome}, p.data));
  }
  CHECK(line_pieces.pieces_reused() > 0);
  // A template that changes its delimiters is never cut.
  MemoryTree other;
  other.set("templates/page.mustache", "{{> a}}\n{{=<% %>=}}\n<% page.title %>\n{{> a}}\n");
  other.set("templates/partials/a.mustache", "a\n");
  CHECK(load_templates(other, diags).cuts.empty());
}
