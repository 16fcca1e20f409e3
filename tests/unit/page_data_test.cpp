// PageDataCache::own() refills one page's data in place from page to page; a template must see
// exactly what a fresh page_data() gives, whatever the pages before it held.
#include <catch2/catch.hpp>

#include "content.h"
#include "page_data.h"
#include "source.h"
#include "templates.h"

using namespace wijzer;

namespace {

// Every value of `page`, and names a table of contents entry lacks: inside an entry, a name it does
// not have falls through to `page` ({{#children}} of an h3 on its own lists the page's children),
// so a key left over from an earlier page shows.
const char* kDump =
    "{{#page}}t={{title}};d={{description}};c={{{content}}};s={{source}};u={{url}};"
    "h={{#is_home}}1{{/is_home}};sec={{#is_section}}1{{/is_section}};"
    "toc={{#toc}}[{{text}}|{{anchor}}|{{#has_children}}k{{/has_children}}{{^has_children}}-{{/has_children}}|"
    "{{#children}}({{text}}{{title}}/{{anchor}}){{/children}}]{{/toc}};ht={{#has_toc}}1{{/has_toc}};"
    "bc={{#breadcrumbs}}({{title}} {{url}} {{description}}){{/breadcrumbs}};hb={{#has_breadcrumbs}}1{{/has_breadcrumbs}};"
    "ch={{#children}}({{title}} {{url}} {{description}}){{/children}};hc={{#has_children}}1{{/has_children}};"
    "br={{#bronnen}}<{{.}}>{{/bronnen}};hbr={{#has_bronnen}}1{{/has_bronnen}};bw={{bijgewerkt}}/{{bijgewerkt_iso}};"
    "prev={{#prev}}({{title}} {{url}} {{description}}){{/prev}}{{^prev}}geen{{/prev}};"
    "next={{#next}}({{title}} {{url}} {{description}}){{/next}}{{^next}}geen{{/next}};"
    "f={{fields.title}}{{fields.kleur}};data={{#data}}{{kleur}}{{/data}}{{/page}}";

/// The content of `tree`, loaded and ordered as a build does; it must load without errors.
ContentTree ordered_content(const MemoryTree& tree) {
  Diagnostics diags;
  ContentTree content = load_content(tree, diags);
  order_tree(content);
  REQUIRE_FALSE(diags.has_errors());
  return content;
}

}  // namespace

TEST_CASE("page data refilled page after page renders as each page's own", "[templates][layout]") {
  MemoryTree tree;
  tree.set("content/_index.md", "---\ntitle: Home\n---\n");
  tree.set("content/gids/_index.md", "---\ntitle: Gids\ndescription: De gids\n---\n");
  tree.set("content/gids/a.md",
           "---\ntitle: A\ndescription: Over a\nbronnen: [Leidraad, '']\nbijgewerkt: 2024-03-01\nkleur: rood\nweight: 1\n---\n");
  tree.set("content/gids/b.md", "---\ntitle: B\nweight: 2\n---\n");
  tree.set("content/gids/c.md", "---\ntitle: C\nmenu: false\nweight: 3\n---\n");
  tree.set("content/gids/d/_index.md", "---\ntitle: D\nweight: 4\n---\n");
  tree.set("content/gids/d/e.md", "---\ntitle: E\ndescription: Diep\n---\n");
  ContentTree content = ordered_content(tree);
  auto page = [&](const std::string& source) -> Page& { return content.pages[content.by_source.at(source)]; };
  page("gids/a.md").headings = {{2, "Een", "een"}, {3, "Een a", "een-a"}, {3, "", "leeg"}, {2, "Twee", "twee"}};
  page("gids/b.md").headings = {{3, "Los", "los"}, {2, "Daarna", "daarna"}, {4, "Diep", "diep"}};
  page("gids/d/_index.md").headings = {{3, "Los", "los"}, {2, "Alleen", "alleen"}, {3, "Onder", "onder"}};

  TemplateSources sources;
  sources.templates["dump"] = kDump;
  TemplateSet templates(sources);
  const AssetManifest assets;
  const Config config;
  PageDataCache shared(content, assets, config);
  const mustache_data none{mustache_data::type::object};
  // Shapes that grow and shrink: more entries, fewer, an h3 on its own where an h2 was, none.
  const char* order[] = {"gids/a.md", "gids/b.md", "gids/c.md", "gids/d/_index.md", "gids/a.md",
                         "gids/d/e.md", "gids/b.md", "_index.md", "gids/_index.md", "gids/a.md"};
  for (const char* source : order) {
    const Page& p = page(source);
    const std::string html = std::string("<p>") + source + "</p>";
    const std::string fresh = templates.render("dump", {}, page_data(content, p, html));
    const std::string refilled = templates.render("dump", {}, shared.own(p, html, nlohmann::json::object()));
    INFO(source);
    CHECK(refilled == fresh);
    CHECK(fresh.find(std::string("s=") + source) != std::string::npos);
  }
  // The dump shows what it should: a's table of contents, b's h3 under no h2 and its h4 left out,
  // d's h3 on its own (the names it lacks fall through: has_children and children to d's, so its
  // "child" is d's child E, whose missing text is the entry's).
  const std::string a = templates.render("dump", {}, page_data(content, page("gids/a.md"), ""));
  INFO(a);
  CHECK(a.find(";toc=[Een|een|k|(Een aA/een-a)(A/leeg)][Twee|twee|-|];ht=1;") != std::string::npos);
  CHECK(a.find(";bc=(Home ../index.html )(Gids index.html De gids);hb=1;ch=;hc=;") != std::string::npos);
  CHECK(a.find(";br=<Leidraad><>;hbr=1;bw=1 maart 2024/2024-03-01;") != std::string::npos);
  CHECK(a.find(";prev=(Gids index.html De gids);next=(B b.html );f=Arood;") != std::string::npos);
  const std::string b = templates.render("dump", {}, page_data(content, page("gids/b.md"), ""));
  INFO(b);
  CHECK(b.find(";d=;") != std::string::npos);
  CHECK(b.find(";toc=[Los|los|-|][Daarna|daarna|-|];") != std::string::npos);
  const std::string d = templates.render("dump", {}, page_data(content, page("gids/d/_index.md"), ""));
  INFO(d);
  CHECK(d.find(";sec=1;toc=[Los|los|k|(LosE/los)][Alleen|alleen|k|(OnderD/onder)];ht=1;") != std::string::npos);
  CHECK(d.find(";bc=(Home ../../index.html )(Gids ../index.html De gids);hb=1;ch=(E e.html Diep);hc=1;") != std::string::npos);
  CHECK(d.find(";prev=(B ../b.html );next=(E e.html Diep);") != std::string::npos);
}

TEST_CASE("the shared layers, refilled folder after folder, render as each page's own", "[templates][layout]") {
  MemoryTree tree;
  tree.set("content/_index.md", "---\ntitle: Home\ndescription: Start\n---\n");
  tree.set("content/gids/_index.md", "---\ntitle: Gids\nweight: 1\n---\n");
  tree.set("content/gids/a.md", "---\ntitle: A\nweight: 1\n---\n");
  tree.set("content/gids/b.md", "---\ntitle: B\nmenu: false\nweight: 2\n---\n");
  tree.set("content/gids/d/_index.md", "---\ntitle: D\nweight: 3\n---\n");
  tree.set("content/gids/d/e.md", "---\ntitle: E\n---\n");
  tree.set("content/gids/d/f/_index.md", "---\ntitle: F\n---\n");
  tree.set("content/gids/d/f/g.md", "---\ntitle: G\n---\n");
  tree.set("content/ander/_index.md", "---\ntitle: Ander\nweight: 2\n---\n");
  tree.set("content/ander/h.md", "---\ntitle: H\n---\n");
  tree.set("content/privacy.md", "---\ntitle: Privacy\nmenu: voet\n---\n");
  ContentTree content = ordered_content(tree);
  TemplateSources sources;
  sources.templates["dump"] =
      "{{#section_nav}}{{title}} {{url}} {{#current}}c{{/current}}[{{#items}}({{title}} {{url}} {{#current}}c{{/current}}"
      "{{#open}}o{{/open}}{{#ends}}e{{/ends}}){{/items}}]{{/section_nav}}|{{root}}|{{home_url}}|"
      "{{#nav}}({{title}} {{url}} {{description}}{{#current}}c{{/current}}{{#active}}a{{/active}}){{/nav}}|"
      "{{#footer_nav}}({{title}} {{url}}){{/footer_nav}}|{{site.title}} {{site.description}} {{site.language}}";
  TemplateSet templates(sources);
  const AssetManifest assets;
  Config config;
  config.site.language = "nl";
  PageDataCache shared(content, assets, config);
  const mustache_data none{mustache_data::type::object};
  const char* order[] = {"gids/d/f/g.md", "gids/d/e.md", "gids/a.md",  "gids/b.md",   "ander/h.md", "gids/d/f/_index.md",
                         "_index.md",     "privacy.md",  "gids/d/_index.md", "gids/b.md", "gids/a.md"};
  for (const char* source : order) {
    const Page& p = content.pages[content.by_source.at(source)];
    PageDataCache fresh(content, assets, config);
    const std::string expected = templates.render("dump", fresh.layers(p), none);
    INFO(source << ": " << expected);
    CHECK(templates.render("dump", shared.layers(p), none) == expected);
  }
  // What the dump shows: g's open branch, the page out of the menus only on itself, the footer.
  PageDataCache fresh(content, assets, config);
  const std::string g = templates.render("dump", fresh.layers(content.pages[content.by_source.at("gids/d/f/g.md")]), none);
  CHECK(g == "Gids ../../index.html [(A ../../a.html )(D ../index.html o)(E ../e.html )(F index.html o)(G g.html cee)"
             "]|../../../|../../../index.html|(Gids ../../index.html a)(Ander ../../../ander/index.html )|"
             "(Privacy ../../../privacy.html)|Home Start nl");
  const std::string b = templates.render("dump", fresh.layers(content.pages[content.by_source.at("gids/b.md")]), none);
  CHECK(b.find("(B b.html c)") != std::string::npos);
}

TEST_CASE("the features' keys beside the page's data: converted again only when they change, none left behind",
          "[templates][layout]") {
  MemoryTree tree;
  tree.set("content/_index.md", "---\ntitle: Home\n---\n");
  Diagnostics diags;
  ContentTree content = load_content(tree, diags);
  const AssetManifest assets;
  const Config config;
  PageDataCache shared(content, assets, config);
  TemplateSources sources;
  sources.templates["t"] = "{{#page_css}}[{{.}}]{{/page_css}}{{nieuw.url}}|{{release.version}}|{{page.title}}";
  TemplateSet templates(sources);
  const Page& home = content.pages[0];
  auto render = [&](const nlohmann::json& extra) { return templates.render("t", {}, shared.own(home, "", extra)); };
  const nlohmann::json one = {{"page_css", {"a.css", "b.css"}}, {"nieuw", {{"url", "nieuw.html"}}}};
  CHECK(render(one) == "[a.css][b.css]nieuw.html||Home");
  CHECK(render(one) == "[a.css][b.css]nieuw.html||Home");
  // The same keys with other values, then other keys: nothing of the last ones stays.
  CHECK(render({{"page_css", {"c.css"}}, {"nieuw", {{"url", "x.html"}}}}) == "[c.css]x.html||Home");
  CHECK(render({{"page_css", {"c.css"}}, {"release", {{"version", "1"}}}}) == "[c.css]|1|Home");
  CHECK(render(one) == "[a.css][b.css]nieuw.html||Home");
  CHECK(render(nlohmann::json::object()) == "||Home");
  // A feature's `page` never replaces the page's own.
  CHECK(render({{"page", {{"title", "Anders"}}}}) == "||Home");
}
