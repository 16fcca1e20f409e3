#include <catch2/catch.hpp>

#include "assets.h"

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
  CHECK(asset_key("css/portal.css") == "css_portal_css");
}
