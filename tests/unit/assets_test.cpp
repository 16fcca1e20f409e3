#include <catch2/catch.hpp>

#include "assets.h"
#include "diagnostics.h"
#include "source.h"

using namespace wijzer;

TEST_CASE("stylesheets lose comments and meaningless white space, nothing else", "[assets]") {
  CHECK(trim_stylesheet("/* kop */\nbody {\n  color: red;\n  margin: 0 auto;\n}\n") == "body{color:red;margin:0 auto}");
  CHECK(trim_stylesheet("a :hover, b > c { x: calc(1rem + 2px) }") == "a :hover,b > c{x:calc(1rem + 2px)}");
  CHECK(trim_stylesheet(".a::after { content: \" /* geen commentaar */ \" }") ==
        ".a::after{content:\" /* geen commentaar */ \"}");
  CHECK(trim_stylesheet("@media (min-width: 60rem) {\n  .x { a: b; }\n}") == "@media (min-width:60rem){.x{a:b}}");
}

TEST_CASE("scripts lose comment lines and indentation, keep line breaks", "[assets]") {
  const std::string js =
      "/* Kop\n * over meerdere regels\n */\n(function () {\n  // uitleg\n  var a = 'x // y';\n\n  return a; /* staart */\n}());\n";
  CHECK(trim_script(js) == "(function () {\nvar a = 'x // y';\nreturn a; /* staart */\n}());\n");
  const std::string with_template = "var t = `\n  // blijft\n`;\n";
  CHECK(trim_script(with_template) == with_template);
  // A comment after code goes only where nothing before it can open a string or a regex.
  CHECK(trim_script("var b = 1;  // uitleg\n") == "var b = 1;\n");
  CHECK(trim_script("var u = 'a'; // uitleg\n") == "var u = 'a'; // uitleg\n");
  CHECK(trim_script("x = a / b; // c\n") == "x = a / b; // c\n");
}

TEST_CASE("asset names carry a hash of their content", "[assets]") {
  CHECK(content_hash("a") != content_hash("b"));
  CHECK(content_hash("abc") == content_hash("abc"));
  // FNV-1a 64 with the offset basis 1469598103934665603 (the standard one without its last digit),
  // as in the names of every site built so far: the hash must not change.
  CHECK(content_hash("") == "14650fb0739d0383");
  CHECK(content_hash("a") == "44bd8ad473cd9906");
  CHECK(content_hash("foobar") == "88fad7c0a8ff07f2");
  CHECK(content_hash("Begeleidingswijzer!") == "f8029c6934ebbf05");
  CHECK(content_hash("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9") == "9c2ba5b79408e1eb");
  CHECK(asset_key("css/portal.css") == "css_portal_css");
}

TEST_CASE("url(…) in a stylesheet points at the hashed name; a stylesheet without url( is only trimmed", "[assets]") {
  MemoryTree tree;
  tree.set("site-assets/img/logo.png", "PNG");
  tree.set("site-assets/css/site.css", "body { background: url('../img/logo.png') }\n.x { mask: url(\"#m\") }\n");
  tree.set("site-assets/css/plain.css", "/* geen url */\na { color: red }\n");
  tree.set("site-assets/css/broken.css", "b { background: url(../img/weg.png) }\n");
  Diagnostics diags;
  const AssetManifest manifest = load_assets(tree, diags);
  auto bytes_of = [&](const std::string& source) {
    for (const Asset& a : manifest.files)
      if (a.source == source) return a.bytes;
    return std::string("(missing)");
  };
  const std::string logo = manifest.output_of("img/logo.png");
  REQUIRE(logo.rfind("assets/img/logo.", 0) == 0);
  CHECK(bytes_of("css/site.css") ==
        "body{background:url(\"../img/" + logo.substr(std::string("assets/img/").size()) + "\")}.x{mask:url(\"#m\")}");
  CHECK(bytes_of("css/plain.css") == "a{color:red}");
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted()[0].path == "site-assets/css/broken.css");
}
