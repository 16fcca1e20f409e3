#include <catch2/catch.hpp>

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
