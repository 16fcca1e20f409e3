#include <catch2/catch.hpp>

#include "frontmatter.h"

using namespace wijzer;

TEST_CASE("front matter fields are typed", "[frontmatter]") {
  Diagnostics diags;
  auto doc = parse_document(
      "---\ntitle: Jobcoach\ndescription: Wie begeleidt\nweight: 3\ndraft: false\ntemplate: kaart\n"
      "bronnen:\n  - Leidraad Jobcoach, §2\n  - Protocol\nbijgewerkt: 2026-11-22\ndoelgroep: [psychisch]\n---\n# Tekst\n",
      "a.md", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(doc.meta.title == "Jobcoach");
  CHECK(doc.meta.description == "Wie begeleidt");
  CHECK(doc.meta.weight == 3);
  CHECK_FALSE(doc.meta.draft);
  CHECK(doc.meta.template_name == "kaart");
  CHECK(doc.meta.bronnen == std::vector<std::string>{"Leidraad Jobcoach, §2", "Protocol"});
  CHECK(doc.meta.bijgewerkt == "2026-11-22");
  CHECK(doc.meta.fields["doelgroep"] == nlohmann::json::array({"psychisch"}));
  CHECK(doc.body == "# Tekst\n");
  CHECK(doc.body_line == 13);
}

TEST_CASE("Hugo's date and lastmod fill bijgewerkt", "[frontmatter]") {
  Diagnostics diags;
  auto doc = parse_document("---\ntitle: X\ndate: 2020-01-02T10:00:00Z\n---\n", "a.md", diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(doc.meta.bijgewerkt == "2020-01-02");
}

TEST_CASE("quoted scalars stay text, plain ones are typed", "[frontmatter]") {
  Diagnostics diags;
  auto doc = parse_document("---\ntitle: \"123\"\nweight: 2\nflag: yes\nn: 1.5\n---\n", "a.md", diags);
  CHECK(doc.meta.fields["title"] == "123");
  CHECK(doc.meta.title == "123");
  CHECK(doc.meta.fields["n"] == 1.5);
  CHECK(doc.meta.fields["flag"] == "yes");  // YAML 1.2: only true/false are booleans
}

TEST_CASE("plain scalars are typed as YAML 1.2 core numbers", "[frontmatter]") {
  Diagnostics diags;
  auto doc = parse_document(
      "---\ntitle: X\na: -12\nb: +7\nc: .5\nd: 3.\ne: 1e3\nf: 2.5E-2\ng: 1.2.3\nh: 12a\ni: e5\nj: 1e\n"
      "k: 99999999999999999999\nl: '-'\n---\n",
      "a.md", diags);
  const auto& f = doc.meta.fields;
  CHECK(f["a"] == -12);
  CHECK(f["b"] == 7);
  CHECK(f["c"] == 0.5);
  CHECK(f["d"] == 3.0);
  CHECK(f["e"] == 1000.0);
  CHECK(f["f"] == 0.025);
  CHECK(f["g"] == "1.2.3");
  CHECK(f["h"] == "12a");
  CHECK(f["i"] == "e5");
  CHECK(f["j"] == "1e");
  CHECK(f["k"] == "99999999999999999999");  // beyond long long: kept as text
  CHECK(f["l"] == "-");
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("front matter problems point at their line and column", "[frontmatter][errors]") {
  SECTION("missing title") {
    Diagnostics diags;
    parse_document("---\nweight: 1\n---\nTekst\n", "p.md", diags);
    auto all = diags.sorted();
    REQUIRE(all.size() == 1);
    CHECK(format_diagnostic(all[0]) == "p.md:1:1: error: front matter mist het verplichte veld 'title'");
  }
  SECTION("wrong type, located at the key") {
    Diagnostics diags;
    parse_document("---\ntitle: X\nweight: zwaar\ndraft: misschien\n---\n", "p.md", diags);
    auto all = diags.sorted();
    REQUIRE(all.size() == 2);
    CHECK(all[0].line == 3);
    CHECK(all[0].col == 1);
    CHECK(all[0].message.find("'weight'") != std::string::npos);
    CHECK(all[1].line == 4);
  }
  SECTION("invalid YAML reports the parser's position in the file") {
    Diagnostics diags;
    parse_document("---\ntitle: X\nbronnen: [a, b\n---\n", "p.md", diags);
    auto all = diags.sorted();
    REQUIRE(all.size() == 1);
    CHECK(all[0].line >= 3);
    CHECK(all[0].message.find("ongeldige YAML") != std::string::npos);
  }
  SECTION("no front matter, or no closing fence") {
    Diagnostics a, b;
    parse_document("# Alleen tekst\n", "p.md", a);
    parse_document("---\ntitle: X\n", "p.md", b);
    CHECK(a.error_count() == 1);
    CHECK(b.error_count() == 1);
  }
  SECTION("bad date") {
    Diagnostics diags;
    parse_document("---\ntitle: X\nbijgewerkt: 22-11-2026\n---\n", "p.md", diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.sorted()[0].line == 3);
  }
}

TEST_CASE("dutch_date writes dates the Dutch way", "[frontmatter]") {
  CHECK(dutch_date("2023-07-01") == "1 juli 2023");
  CHECK(dutch_date("2026-11-22") == "22 november 2026");
  CHECK(dutch_date("2026-13-01").empty());
  CHECK(dutch_date("2025-10-10") == "10 oktober 2025");
  CHECK(dutch_date("2024-02-29") == "29 februari 2024");
  CHECK(dutch_date("2000-02-29") == "29 februari 2000");
  CHECK(dutch_date("1900-02-29").empty());
  CHECK(dutch_date("2023-02-29").empty());
  CHECK(dutch_date("2026-04-31").empty());
  CHECK(dutch_date("2026-00-10").empty());
  CHECK(dutch_date("2026-01-00").empty());
  CHECK(dutch_date("2026-1-010").empty());
  CHECK(dutch_date("0999-12-31") == "31 december 0999");
}
