// YAML through libyaml (generator/input/yaml_json.*): what yaml-cpp did stays, libyaml's
// character marks become byte columns, and what libyaml rejects is an error at its position.
#include <catch2/catch.hpp>
#include <chrono>

#include "data_file.h"
#include "frontmatter.h"
#include "yaml_json.h"

using namespace wijzer;

namespace {

std::optional<DataFile> load(const std::string& path, const std::string& text, Diagnostics& diags) {
  MemoryTree tree;
  tree.set(path, text);
  return load_data_file(tree, path, diags);
}

YamlDocument parse(const std::string& text, YamlPositions positions = YamlPositions::all) {
  YamlOptions options;
  options.max_nodes = yaml_node_budget(text.size());
  options.positions = positions;
  return parse_yaml(text, options);
}

}  // namespace

TEST_CASE("yaml: columns count bytes, as every other diagnostic does (libyaml counts characters)", "[yaml]") {
  for (const char* path : {"content/d.yaml", "content/d.json"}) {
    Diagnostics diags;
    auto file = load(path, "{\"a\": [\"é ë\", \"x\"],\n \"ü\": {\"b\": 1}}\n", diags);
    REQUIRE(file);
    CHECK(file->at("/a/1") == std::pair(1, 17));  // é and ë take 2 bytes each
    CHECK(file->at("/ü") == std::pair(2, 2));
    CHECK(file->at("/ü/b") == std::pair(2, 9));
  }
  Diagnostics diags;
  parse_document("---\ntitle: Cliënt\nweight: zwaar\n---\n", "p.md", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(format_diagnostic(diags.sorted()[0]).rfind("p.md:3:1: error: 'weight'", 0) == 0);
}

TEST_CASE("yaml: scalars are typed as before", "[yaml]") {
  auto doc = parse(
      "a: |\n  12\nb: >\n  true\nc: ! 12\nd: \"~\"\ne: ~\nf:\ng: 'null'\nh: 0x1F\ni: yes\nj: -0.5e1\n"
      "~: leeg\n\"1\": een\n");
  const auto& v = doc.value;
  CHECK(v["a"] == "12\n");  // block scalars are text
  CHECK(v["b"] == "true\n");
  CHECK(v["c"] == "12");  // "!" marks text
  CHECK(v["d"] == "~");
  CHECK(v["e"].is_null());
  CHECK(v["f"].is_null());
  CHECK(v["g"] == "null");
  CHECK(v["h"] == "0x1F");  // YAML 1.2 core: no hexadecimal, no yes/no
  CHECK(v["i"] == "yes");
  CHECK(v["j"] == -5.0);
  CHECK(v["null"] == "leeg");  // a null key is the key "null"
  CHECK(v["1"] == "een");
}

TEST_CASE("yaml: positions point at keys, items and what an alias repeats", "[yaml]") {
  Diagnostics diags;
  auto file = load("content/d.yaml", "basis: &b\n  c: [x, y]\nkopie: *b\nlijst:\n  - een\n  -\n  - *b\n", diags);
  REQUIRE(file);
  CHECK(file->value["kopie"] == file->value["basis"]);
  CHECK(file->at("/basis") == std::pair(1, 1));
  CHECK(file->at("/basis/c/1") == std::pair(2, 10));
  CHECK(file->at("/kopie") == std::pair(3, 1));
  CHECK(file->at("/kopie/c/1") == std::pair(2, 10));  // the anchored node's own place
  CHECK(file->at("/lijst/0") == std::pair(5, 5));
  CHECK(file->at("/lijst/1") == std::pair(6, 4));  // an empty item: right after its dash
  CHECK(file->at("/lijst/2/c") == std::pair(2, 3));
  // Front matter finds a repeated key at its first place.
  Diagnostics fm;
  parse_document("---\ntitle: X\ndraft: nee\ndraft: ook niet\n---\n", "p.md", fm);
  REQUIRE(fm.error_count() == 1);
  CHECK(fm.sorted()[0].line == 3);
}

TEST_CASE("yaml: what libyaml rejects is an error at its line and column", "[yaml][errors]") {
  auto error_of = [](const std::string& text) {
    Diagnostics diags;
    CHECK_FALSE(load("content/d.yaml", text, diags));
    REQUIRE(diags.error_count() == 1);
    return format_diagnostic(diags.sorted()[0]);
  };
  // Control characters are not YAML (yaml-cpp let them through into the value).
  CHECK(error_of("a: 1\nb: x\x0cy\n") == "content/d.yaml:2:5: error: ongeldige YAML: teken U+000C mag niet in YAML staan (een stuurteken)");
  // An unterminated quote (yaml-cpp ended it at the end of the text).
  CHECK(error_of("a: 1\nb: \"open\n").rfind("content/d.yaml:3:1: error: ongeldige YAML: found unexpected end of stream", 0) == 0);
  CHECK(error_of("a: *nergens\n") ==
        "content/d.yaml:1:4: error: ongeldige YAML: alias *nergens noemt geen anker: zet eerder in het bestand &nergens");
  CHECK(error_of("a: &a [1, *a]\n") ==
        "content/d.yaml:1:11: error: ongeldige YAML: alias *a herhaalt de lijst of map waar hij zelf in staat");
  CHECK(error_of("? [a, b]\n: c\n") == "content/d.yaml:1:3: error: ongeldige YAML: een sleutel moet tekst zijn, geen lijst of map");
  CHECK(error_of("a:\n  b: 1\n\tc: 2\n").rfind("content/d.yaml:3:1: error: ongeldige YAML: found a tab character", 0) == 0);
}

TEST_CASE("yaml: a syntax error anywhere is reported before the node budget", "[yaml][errors]") {
  YamlOptions few;
  few.max_nodes = 11;
  CHECK_THROWS_WITH(parse_yaml("a: &a [1, 2, 3, 4]\nb: *a\nc: *a\n", few), Catch::Contains("alias-bom"));
  try {
    parse_yaml("a: &a [1, 2, 3, 4]\nb: *a\nc: *a\nd: [1, 2\n", few);
    FAIL("no error");
  } catch (const YamlError& e) {
    CHECK(e.line == 5);
    CHECK(std::string(e.what()).find("did not find expected") != std::string::npos);
  }
}

TEST_CASE("yaml: nesting past the limit stops the parse there (libyaml is quadratic in deep flow nesting)", "[yaml][hostile]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto start = std::chrono::steady_clock::now();
  Diagnostics data;
  CHECK_FALSE(load("content/d.yaml", "a: " + deep + "\n", data));
  REQUIRE(data.error_count() == 1);
  CHECK(format_diagnostic(data.sorted()[0]) ==
        "content/d.yaml:1:" + std::to_string(4 + kMaxYamlDepth) + ": error: ongeldige YAML: te diep genest (meer dan 64 niveaus)");
  // A front matter that is a list, after an alias error: the same stop.
  Diagnostics list, alias;
  parse_document("---\n- " + deep + "\n---\n", "p.md", list);
  REQUIRE(list.error_count() == 1);
  CHECK(list.sorted()[0].message.find("sleutel: waarde") != std::string::npos);
  parse_document("---\ntitle: X\na: &a [*a]\nb: " + deep + "\n---\n", "p.md", alias);
  REQUIRE(alias.error_count() == 1);
  CHECK(alias.sorted()[0].message.find("alias *a") != std::string::npos);
  // Reading all 100,000 levels took about three minutes; stopping takes milliseconds.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("yaml: an alias counts against the limits where it repeats its anchor", "[yaml][hostile]") {
  std::string text = "a: &a " + std::string(40, '[') + std::string(40, ']') + "\nb: " + std::string(30, '[') + "*a" +
                     std::string(30, ']') + "\n";
  CHECK_THROWS_WITH(parse(text), Catch::Contains("te diep genest"));
  YamlOptions few;
  few.max_nodes = 11;  // the map, the list and its 4 items, then 5 again for *a
  CHECK_THROWS_WITH(parse_yaml("a: &a [1, 2, 3, 4]\nb: *a\nc: *a\n", few), Catch::Contains("alias-bom"));
  CHECK_NOTHROW(parse_yaml("a: &a [1, 2, 3, 4]\nb: *a\n", few));
}

TEST_CASE("yaml: the first document only, a byte-order mark and tabs between tokens", "[yaml]") {
  CHECK(parse("a: 1\n---\nb: [\n").value == nlohmann::json{{"a", 1}});
  auto bom = parse("\xEF\xBB\xBF" "a: 1\nb:\t2\n");
  CHECK(bom.value == nlohmann::json{{"a", 1}, {"b", 2}});
  CHECK(bom.positions.at(1).pointer == "/a");
  CHECK(bom.positions.at(1).col == 4);  // counted from after the mark
  CHECK(parse("").root == YamlDocument::Root::empty);
  CHECK(parse("# niets\n").value.is_null());
  auto keys = parse("a: {x: 1}\nb: 2\n", YamlPositions::top_keys).positions;
  REQUIRE(keys.size() == 2);
  CHECK(keys[1].pointer == "/b");
  CHECK(keys[1].line == 2);
}
