// Hostile input gives an error at path:line:col within bounded time and memory (issue 13,
// finding 5): deep JSON and YAML, alias bombs, thousands of equal headings, bracket storms and
// very wide tables for cmark-gfm, invalid UTF-8, impossible dates.
#include <catch2/catch.hpp>
#include <chrono>
#include <future>

#include "portal_build.h"
#include "content.h"
#include "data_file.h"
#include "frontmatter.h"
#include "markdown.h"
#include "templates.h"
#include "text.h"

using namespace wijzer;

namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

/// A billion laughs: nine levels of nine aliases, 387 million strings once expanded.
std::string alias_bomb(const std::string& indent = "") {
  std::string y = indent + "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  std::string prev = "a";
  for (const char* name : {"b", "c", "d", "e", "f", "g", "h", "i"}) {
    y += indent + name + ": &" + name + " [";
    for (int k = 0; k < 9; ++k) y += (k ? ",*" : "*") + prev;
    y += "]\n";
    prev = name;
  }
  return y;
}

/// Runs `work` with a deadline far above its normal time: a hang guard, not a speed target.
template <typename F>
auto within_deadline(F work) {
  auto done = std::async(std::launch::async, work);
  REQUIRE(done.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  return done.get();
}

using Built = test::BuiltSite;

std::unique_ptr<Built> build(const std::map<std::string, std::string>& files) { return test::build_with(files); }

}  // namespace

TEST_CASE("JSON nested 100,000 levels deep is an error at its position", "[hostile][data]") {
  const size_t n = 100000;
  MemoryTree tree;
  tree.set("content/begrippen/begrippen.json",
           "{\"begrippen\": [{\"term\": \"x\", \"definitie\": \"y\",\n  \"extra\": " + repeat("{\"a\":", n) + "1" +
               std::string(n, '}') + "}]}");
  Diagnostics diags;
  auto file = within_deadline([&] { return load_data_file(tree, "content/begrippen/begrippen.json", diags); });
  CHECK_FALSE(file.has_value());
  REQUIRE(diags.error_count() == 1);
  const Diagnostic d = diags.sorted()[0];
  CHECK(d.line == 2);
  CHECK(d.col == 12 + 5 * (kMaxDataDepth - 3));  // the first brace past the limit
  CHECK(d.message.find("te diep genest") != std::string::npos);
  // Brackets inside strings do not count.
  Diagnostics fine;
  tree.set("content/x.json", "{\"a\": \"" + std::string(1000, '[') + "\"}");
  CHECK(load_data_file(tree, "content/x.json", fine).has_value());
  CHECK(fine.error_count() == 0);
}

TEST_CASE("deep JSON in a glossary, a flow and a form fails the build cleanly", "[hostile][data]") {
  const std::string deep = repeat("{\"a\":", 100000) + "1" + std::string(100000, '}');
  auto b = within_deadline([&] {
    return build({{"content/begrippen/begrippen.json", "{\"begrippen\": [{\"term\": \"x\", \"definitie\": " + deep + "}]}"},
                  {"content/stroomschema/diep.json", "{\"titel\": \"x\", \"als\": " + deep + "}"},
                  {"content/gids/diep.form.json", "{\"velden\": [{\"zichtbaar\": " + deep + "}]}"}});
  });
  CHECK(b->find("content/begrippen/begrippen.json", "te diep genest"));
  CHECK(b->find("content/stroomschema/diep.json", "te diep genest"));
  CHECK(b->find("content/gids/diep.form.json", "te diep genest"));
}

TEST_CASE("a YAML map nested past the limit is an error (maps count, not only lists)", "[hostile][yaml]") {
  std::string yaml = "title: X\n";
  for (int i = 0; i < 100; ++i) yaml += std::string(2 * i, ' ') + "k:\n";
  yaml += std::string(200, ' ') + "v\n";
  Diagnostics diags;
  parse_document("---\n" + yaml + "---\nTekst.\n", "p.md", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted()[0].message.find("te diep genest") != std::string::npos);
}

TEST_CASE("YAML alias bombs are errors, in front matter and in data files", "[hostile][yaml]") {
  Diagnostics diags;
  within_deadline([&] { return parse_document("---\ntitle: X\n" + alias_bomb() + "---\nTekst.\n", "p.md", diags); });
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted()[0].message.find("alias") != std::string::npos);

  MemoryTree tree;
  tree.set("content/stroomschema/bom.yaml", "titel: x\n" + alias_bomb());
  Diagnostics data;
  auto file = within_deadline([&] { return load_data_file(tree, "content/stroomschema/bom.yaml", data); });
  CHECK_FALSE(file.has_value());
  REQUIRE(data.error_count() == 1);
  CHECK(data.sorted()[0].message.find("alias") != std::string::npos);

  // Ordinary aliases still work.
  Diagnostics ok;
  auto doc = parse_document("---\ntitle: X\nbasis: &b [1, 2]\nkopie: *b\n---\n", "p.md", ok);
  CHECK(ok.error_count() == 0);
  CHECK(doc.meta.fields["kopie"] == nlohmann::json::array({1, 2}));
}

TEST_CASE("heading anchors avoid the ids the templates use, which stay out of the page's own", "[markdown]") {
  const std::set<std::string> reserved = {"inhoud", "inhoud-2", "zoeken"};
  Markdown md("## Inhoud\n\n## Inhoud\n\n## Zoeken {#zoeken}\n\n## Stappen\n");
  const auto headings = md.take_headings(reserved);
  REQUIRE(headings.size() == 4);
  CHECK(headings[0].anchor == "inhoud-3");
  CHECK(headings[1].anchor == "inhoud-4");
  CHECK(headings[2].anchor == "zoeken-2");  // a chosen id that a template uses gets a number too
  CHECK(headings[3].anchor == "stappen");
  // Whether a browser derives the anchor from the text (the search index then leaves it out).
  CHECK(!headings[0].slug_anchor);
  CHECK(!headings[2].slug_anchor);
  CHECK(headings[3].slug_anchor);
  Markdown chosen("## Rollen {#rollen}\n\n## Rollen {#eigen}\n\n## Rollen\n");
  const auto own = chosen.take_headings();
  REQUIRE(own.size() == 3);
  CHECK(own[0].slug_anchor);   // a chosen id that is the slug anyway
  CHECK(!own[1].slug_anchor);  // a chosen id of its own
  CHECK(!own[2].slug_anchor);  // rollen-2
  std::set<std::string> taken;
  std::map<std::string, int> next;
  CHECK(unique_slug("inhoud", taken, next, reserved) == "inhoud-3");
  CHECK(taken == std::set<std::string>{"inhoud-3"});
}

TEST_CASE("40,000 equal headings get unique anchors in linear time", "[hostile][markdown]") {
  std::set<std::string> taken;
  std::map<std::string, int> next;
  CHECK(unique_slug("kop", taken, next) == "kop");
  taken.insert("kop-3");
  CHECK(unique_slug("kop", taken, next) == "kop-2");
  CHECK(unique_slug("kop", taken, next) == "kop-4");  // kop-3 was taken elsewhere

  Markdown md(repeat("## Kop\n\n", 40000));
  auto headings = within_deadline([&] { return md.take_headings(); });
  REQUIRE(headings.size() == 40000);
  CHECK(headings[0].anchor == "kop");
  CHECK(headings[1].anchor == "kop-2");
  CHECK(headings.back().anchor == "kop-40000");
}

TEST_CASE("bracket storms, very wide tables and huge pages are errors before cmark sees them", "[hostile][markdown]") {
  auto brackets = check_markdown_input("Intro\n" + repeat("![[]()", 120000));
  REQUIRE(brackets.size() == 1);
  CHECK(brackets[0].error);
  CHECK(brackets[0].line == 2);
  CHECK(brackets[0].message.find("'['") != std::string::npos);

  auto table = check_markdown_input("Tekst\n\n" + repeat("|a", 5000) + "|\n" + repeat("|-", 5000) + "|\n");
  REQUIRE_FALSE(table.empty());
  CHECK(table[0].line == 3);
  CHECK(table[0].col == 2 * 256 + 1);  // the 257th "|"
  CHECK(table[0].message.find("kolommen") != std::string::npos);

  auto huge = check_markdown_input(std::string((size_t{4} << 20) + 1, 'a'));
  REQUIRE(huge.size() == 1);
  CHECK(huge[0].error);

  CHECK(check_markdown_input("| a | b |\n|---|---|\n| [x](y.md) | 2 |\n").empty());
  // Over the limits in total but not per line (columns) or not at all (brackets): no problem; one
  // wide line among them still is.
  CHECK(check_markdown_input(repeat("| a | b | c |\n", 300) + repeat("[x](y.md) ", 9000)).empty());
  auto late = check_markdown_input(repeat("| a | b | c |\n", 300) + repeat("|a", 300) + "|\n");
  REQUIRE(late.size() == 1);
  CHECK(late[0].line == 301);
  CHECK(late[0].col == 2 * 256 + 1);

  // Through the whole build: an error at the page's own line, and the build finishes.
  auto b = within_deadline([] {
    return build({{"content/gids/storm.md", "---\ntitle: Storm\n---\nIntro\n" + repeat("![[]()", 120000) + "\n"}});
  });
  auto d = b->find("content/gids/storm.md", "'['");
  REQUIRE(d.has_value());
  CHECK(d->line == 5);
}

TEST_CASE("invalid UTF-8 in a page body is a warning at its position", "[hostile][markdown]") {
  auto b = build({{"content/gids/bytes.md", "---\ntitle: Bytes\n---\nGoed.\n\nHier \xC3\x28 fout.\n"}});
  auto d = b->find("content/gids/bytes.md", "UTF-8");
  REQUIRE(d.has_value());
  CHECK(d->severity == Severity::warning);
  CHECK(d->line == 6);
  CHECK(d->col == 6);
  CHECK(b->sink.files.count("gids/bytes.html") == 1);
}

TEST_CASE("dates that do not exist are errors", "[hostile][frontmatter]") {
  auto errors = [](const std::string& date) {
    Diagnostics diags;
    parse_document("---\ntitle: X\nbijgewerkt: " + date + "\n---\n", "p.md", diags);
    return diags.error_count();
  };
  CHECK(errors("2026-02-31") == 1);
  CHECK(errors("2023-02-29") == 1);
  CHECK(errors("2026-04-31") == 1);
  CHECK(errors("2024-02-29") == 0);  // a leap year
  CHECK(errors("2000-02-29") == 0);
  CHECK(errors("1900-02-29") == 1);
  CHECK(errors("2026-12-31") == 0);
}

TEST_CASE("content names outside the naming rule are errors and never published", "[hostile][content]") {
  CHECK(bad_name_segment("rollen/jobcoach.md").empty());
  CHECK(bad_name_segment("rollen/_index.md").empty());
  CHECK(bad_name_segment("hulpmiddelen/urencalculator.form.json").empty());
  CHECK(bad_name_segment("javascript:alert(1).md") == "javascript:alert(1).md");
  CHECK(bad_name_segment("Rollen/a.md") == "Rollen");
  CHECK(bad_name_segment("a/b c.pdf") == "b c.pdf");
  CHECK(bad_name_segment("a/.md") == ".md");
  CHECK(bad_name_segment("a/x..md") == "x..md");
  CHECK(bad_name_segment("a/_intro.md") == "_intro.md");

  auto b = build({{"content/gids/javascript:alert(1).md", "---\ntitle: X\n---\nTekst.\n"},
                  {"content/gids/Rapport 2024.pdf", "%PDF"}});
  CHECK(b->find("content/gids/javascript:alert(1).md", "kleine letters"));
  CHECK(b->find("content/gids/Rapport 2024.pdf", "kleine letters"));
  for (const auto& [path, bytes] : b->sink.files) {
    CHECK(path.find("javascript") == std::string::npos);
    CHECK(bytes.find("javascript:alert") == std::string::npos);
  }
}

TEST_CASE("templates: deep sections and partials that multiply are errors, not hangs", "[hostile][templates]") {
  MemoryTree deep;
  deep.set("templates/page.mustache", "{{> diep}}");
  deep.set("templates/partials/diep.mustache", repeat("{{#page}}", 100000) + "x" + repeat("{{/page}}", 100000));
  Diagnostics d1;
  within_deadline([&] { return load_templates(deep, d1); });
  REQUIRE(d1.error_count() >= 1);
  CHECK(d1.sorted()[0].path == "templates/partials/diep.mustache");
  CHECK(d1.sorted()[0].message.find("niveaus diep") != std::string::npos);

  // Ten copies of the next partial, sixteen levels: 10^16 copies once inlined.
  MemoryTree bomb;
  bomb.set("templates/page.mustache", "{{> p0}}");
  for (int i = 0; i < 16; ++i)
    bomb.set("templates/partials/p" + std::to_string(i) + ".mustache",
             repeat("{{> p" + std::to_string(i + 1) + "}}", 10));
  bomb.set("templates/partials/p16.mustache", "lol");
  Diagnostics d2;
  within_deadline([&] { return load_templates(bomb, d2); });
  REQUIRE(d2.error_count() >= 1);
  CHECK(d2.sorted()[0].message.find("groter dan") != std::string::npos);

  // Partials each within the limit, together nested too deep inside the template.
  MemoryTree nested;
  nested.set("templates/page.mustache", repeat("{{#a}}", 60) + "{{> p}}" + repeat("{{/a}}", 60));
  nested.set("templates/partials/p.mustache", repeat("{{#b}}", 60) + repeat("{{/b}}", 60));
  Diagnostics d3;
  auto sources = load_templates(nested, d3);
  CHECK(d3.error_count() == 1);
  CHECK(sources.broken.count("page") == 1);
}
