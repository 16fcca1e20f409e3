// Bugs the fuzzers found (tests/fuzz/regressions/ holds the inputs themselves).
#include <catch2/catch.hpp>

#include "data_file.h"
#include "frontmatter.h"
#include "markdown.h"
#include "text.h"

using namespace wijzer;

TEST_CASE("invalid UTF-8 is found at its byte", "[text][fuzz]") {
  CHECK(invalid_utf8("Cliënt ☑ 😀") == std::string::npos);
  CHECK(invalid_utf8("ab\xA9") == 2);            // a lone continuation byte (Latin-1 ©)
  CHECK(invalid_utf8("a\xC3 b") == 1);           // a cut-off sequence
  CHECK(invalid_utf8("\xC0\xAF") == 0);          // overlong
  CHECK(invalid_utf8("\xED\xA0\x80") == 0);      // a surrogate
  // Past and inside the eight-byte ASCII steps, and in the tail shorter than eight.
  CHECK(invalid_utf8("Begeleiding naar werk\xA9 en meer") == 21);
  CHECK(invalid_utf8("01234567\xC3") == 8);
  CHECK(invalid_utf8("0123456789ab\xC3\xABx\xFF") == 15);
  CHECK(invalid_utf8(std::string(64, 'a') + "\xE2\x98\x91" + std::string(9, 'b')) == std::string::npos);
  CHECK(invalid_utf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(invalid_utf8("x\xE2\x82") == 1);         // truncated at the end
}

TEST_CASE("front matter that is not UTF-8 is an error at its position, not a crash", "[frontmatter][fuzz]") {
  Diagnostics diags;
  SourceDocument doc = parse_document("---\ntitle: Caf\xE9\n---\nTekst.\n", "content/a.md", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(format_diagnostic(diags.sorted()[0]) ==
        "content/a.md:2:11: error: front matter is geen geldige UTF-8 (sla het bestand op als UTF-8)");
  CHECK(doc.meta.fields.dump() == "{}");  // dump() would throw on invalid UTF-8
  CHECK(doc.body == "Tekst.\n");
}

TEST_CASE("a data file that is not UTF-8 is an error at its position, not a crash", "[data][fuzz]") {
  for (const char* path : {"content/d.yaml", "content/d.json"}) {
    MemoryTree tree({{path, std::string("a: 1\nb: \"x\xC3 y\"\n")}});
    Diagnostics diags;
    CHECK_FALSE(load_data_file(tree, path, diags));
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.sorted()[0].line == 2);
    CHECK(diags.sorted()[0].col == 6);
  }
}

TEST_CASE("markdown with bytes that are not UTF-8 renders U+FFFD in their place", "[markdown][fuzz]") {
  // A valid body skips cmark-gfm's own check (markdown.cpp); an invalid one must still get it.
  CHECK(Markdown("Caf\xC3\xA9 en *koffie*.\n").render({}) == "<p>Café en <em>koffie</em>.</p>\n");
  const std::string html = Markdown("Caf\xE9 en \xC0\xAF *koffie*.\n").render({});
  CHECK(invalid_utf8(html) == std::string::npos);
  CHECK(html.find("\xEF\xBF\xBD") != std::string::npos);
  CHECK(html.find("<em>koffie</em>") != std::string::npos);
}

TEST_CASE("text replaced in a table cell stays (custom nodes cannot go there)", "[markdown][fuzz]") {
  Markdown md("| a | b |\n|---|---|\n| de jobcoach | x |\n\nDe jobcoach.\n");
  md.replace_text([](const std::string& text) -> std::optional<std::string> {
    if (text.find("jobcoach") == std::string::npos) return std::nullopt;
    return std::string("<b>vervangen</b>");
  });
  const std::string html = md.render({});
  CHECK(html.find("<td>de jobcoach</td>") != std::string::npos);  // was dropped (and leaked) before
  CHECK(html.find("<p><b>vervangen</b></p>") != std::string::npos);
}

TEST_CASE("YAML that yaml-cpp decodes into bytes that are not UTF-8 still gives valid JSON", "[data][fuzz]") {
  CHECK(valid_utf8("a\xF6" "b") == "a\xEF\xBF\xBD" "b");
  // Starts like UTF-32LE ("01 00 00 00"): yaml-cpp read it so, and made code points above U+10FFFF
  // (libyaml, reading UTF-8 only, stops at the control character).
  const std::string text("\x01\x00\x00\x00" "a .: .:\x00\x00\x00\x00" "a\":2}", 20);
  MemoryTree tree({{"content/d.yaml", text}});
  Diagnostics diags;
  if (auto file = load_data_file(tree, "content/d.yaml", diags)) CHECK_NOTHROW(file->value.dump());
}

TEST_CASE("a JSON number too large for a double is an error, not a crash", "[data][fuzz]") {
  MemoryTree tree({{"content/d.json", "[1" + std::string(400, '0') + "]"}});
  Diagnostics diags;
  CHECK_FALSE(load_data_file(tree, "content/d.json", diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted()[0].message.find("ongeldige JSON") != std::string::npos);
}

TEST_CASE("a YAML number beyond a double stays text instead of crashing", "[frontmatter][fuzz]") {
  Diagnostics diags;
  auto doc = parse_document("---\ntitle: X\nn: 1e999\nweight: 1" + std::string(40, '0') + "\n---\n", "p.md", diags);
  CHECK(doc.meta.fields["n"] == "1e999");
  REQUIRE(diags.error_count() == 1);  // weight must be an integer
  CHECK(diags.sorted()[0].line == 4);
}

TEST_CASE("front matter nested hundreds of levels deep is an error, not a stack overflow", "[frontmatter][fuzz]") {
  Diagnostics diags;
  parse_document("---\ntitle: X\nn: " + std::string(200, '[') + std::string(200, ']') + "\n---\n", "p.md", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted()[0].message.find("te diep genest") != std::string::npos);
}
