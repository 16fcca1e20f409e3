// Plain language for clients: the checker (plain_check.h) on texts in memory, and the portal's
// build with a client section, a client flow and glossary client definitions.
#include <catch2/catch.hpp>

#include "output.h"
#include "plain_check.h"
#include "portal.h"

using namespace wijzer;

namespace {

/// "line:col message-start" per warning, for short assertions.
std::vector<std::string> where(const std::vector<PlainWarning>& found) {
  std::vector<std::string> out;
  for (const auto& w : found) out.push_back(std::to_string(w.line) + ":" + std::to_string(w.col) + " " + w.message.substr(0, 12));
  return out;
}

PlainGlossary glossary_with(bool explained, bool jargon = false) {
  PlainGlossary g;
  g.page_source = "begrippen/_index.md";
  g.terms.push_back({{"uwv"}, explained, false});
  g.terms.push_back({{"doelgroepregister"}, false, jargon});
  return g;
}

std::string words(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? " woord" : "Woord");
  return s + ".";
}

}  // namespace

TEST_CASE("plain: 'u' and 'uw' as pronouns are found, other words are not", "[plain]") {
  auto found = check_plain_markdown("Dit is voor je.\n\nKunt u dit lezen? Dat is uw keuze.\n\nJouw en U-bocht.\n", {});
  REQUIRE(where(found) == std::vector<std::string>{"3:6 'u' op een p", "3:26 'uw' op een "});
}

TEST_CASE("plain: a sentence over 20 words warns at its first word, 20 words do not", "[plain]") {
  CHECK(check_plain_markdown(words(20) + " " + words(20) + "\n", {}).empty());
  auto found = check_plain_markdown("# Kop\n\nEerst kort. " + words(21) + "\n", {});
  REQUIRE(where(found) == std::vector<std::string>{"3:13 zin van 21 w"});
  // A sentence may run over lines; a list item or a blank line ends it.
  auto wrapped = check_plain_markdown("Een twee drie vier vijf zes zeven\nacht negen tien elf twaalf dertien veertien\n"
                                      "vijftien zestien zeventien achttien negentien twintig eenentwintig.\n\n- kort\n", {});
  REQUIRE(where(wrapped) == std::vector<std::string>{"1:1 zin van 21 w"});
  CHECK(check_plain_markdown("```\n" + words(30) + "\n```\n", {}).empty());  // code is not prose
}

TEST_CASE("plain: an abbreviation needs an explanation at its first use", "[plain]") {
  const auto none = glossary_with(false);
  // Unexplained: warned once, at the first use.
  REQUIRE(where(check_plain_markdown("Bel het UWV. Het UWV helpt.\n", none)) ==
          std::vector<std::string>{"1:9 afkorting 'U"});
  // "(…)" right after it, or the abbreviation alone between brackets after its expansion.
  CHECK(check_plain_markdown("Bel het UWV (Uitvoeringsinstituut Werknemersverzekeringen).\n", none).empty());
  CHECK(check_plain_markdown("Een uitkering van de Werkloosheidswet (WW).\n", none).empty());
  CHECK(check_plain_markdown("Een WW-uitkering (uit de Werkloosheidswet).\n", none).empty());
  // A link to the glossary page explains its text.
  CHECK(check_plain_markdown("Bel het [UWV](../begrippen/_index.md#begrip-uwv).\n", none).empty());
  // A glossary term with a client definition gets a tooltip at its first use outside headings…
  const auto explained = glossary_with(true);
  CHECK(check_plain_markdown("Bel het UWV.\n", explained).empty());
  // …but not in a heading, so a first use there is not explained.
  REQUIRE(where(check_plain_markdown("## Het UWV\n\nBel het UWV.\n", explained)) ==
          std::vector<std::string>{"1:8 afkorting 'U"});
  // Inside an ordinary link the glossary adds no tooltip either.
  REQUIRE(where(check_plain_markdown("Zie [het UWV](https://www.uwv.nl/).\n", explained)) ==
          std::vector<std::string>{"1:10 afkorting 'U"});
}

TEST_CASE("plain: a jargon term needs an explanation at its first use", "[plain]") {
  REQUIRE(where(check_plain_markdown("Sta je in het doelgroepregister? Vraag het.\n", glossary_with(false, true))) ==
          std::vector<std::string>{"1:15 vakterm 'doe"});
  CHECK(check_plain_markdown("Sta je in het doelgroepregister (een lijst)?\n", glossary_with(false, true)).empty());
  CHECK(check_plain_markdown("Sta je in het doelgroepregister?\n", glossary_with(false, false)).empty());
}

TEST_CASE("plain: texts of a data file keep their columns across escapes", "[plain]") {
  // In the JSON source "\n" and "\"" take two characters: "Een \"WW\"\nkort UWV." from column 10.
  auto found = check_plain_texts({{"Een \"x\"\nkort UWV.", 4, 10}}, {});
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 4);
  CHECK(found[0].col == 10 + 11 + 5);  // 'Een \"x\"\n' is 11 source characters, 'kort ' 5
}

namespace {

/// A site with a home page and a glossary of `terms` (the JSON list's entries), term links by `term_link`.
MemoryTree glossary_site(const std::string& term_link, const std::string& terms) {
  MemoryTree tree;
  tree.set("templates/page.mustache", "{{{page.content}}}");
  tree.set("templates/section.mustache", "{{{page.content}}}");
  tree.set("templates/begrippen.mustache", "{{#glossary}}{{#terms}}[{{term}}|{{voor_clienten}}]{{/terms}}{{/glossary}}");
  tree.set("templates/glossary/term.mustache", term_link);
  tree.set("content/_index.md", "---\ntitle: Home\n---\nWelkom.\n");
  tree.set("content/begrippen/_index.md", "---\ntitle: Begrippen\n---\n");
  tree.set("content/begrippen/begrippen.json", "{\"begrippen\": [\n" + terms + "]}\n");
  return tree;
}

MemoryTree client_site() {
  MemoryTree tree = glossary_site("<a href=\"{{href}}\">{{text}}</a><span>{{definition}}</span>",
           "  {\"term\": \"UWV\", \"definitie\": \"Uitvoeringsinstituut; voert de WIA uit.\",\n"
           "   \"voor_clienten\": \"De organisatie die je uitkering betaalt.\"},\n"
           "  {\"term\": \"doelgroepregister\", \"definitie\": \"Register van de banenafspraak.\", \"jargon\": true}\n");
  tree.set("content/clienten/_index.md", "---\ntitle: Voor jou\npubliek: clienten\n---\nHet UWV helpt.\n");
  tree.set("content/clienten/hulp.md",
           "---\ntitle: Hulp\n---\nKunt u bellen?\n\nVraag naar het doelgroepregister.\n");
  tree.set("content/leidraad.md", "---\ntitle: Leidraad\n---\nHet UWV beslist. Kunt u het doelgroepregister raadplegen?\n");
  return tree;
}

std::vector<std::string> warnings_of(Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.sorted())
    if (d.severity == Severity::warning) out.push_back(format_diagnostic(d).substr(0, format_diagnostic(d).find(": warning")));
  return out;
}

}  // namespace

TEST_CASE("plain: client pages are checked, professional pages are not; warnings keep the build good", "[plain][site]") {
  MemoryTree tree = client_site();
  MemorySink sink;
  Diagnostics diags;
  build_site(tree, sink, diags);
  CHECK_FALSE(diags.has_errors());
  // hulp.md inherits `publiek: clienten` from its section; leidraad.md says "u" freely.
  REQUIRE(warnings_of(diags) == std::vector<std::string>{"content/clienten/hulp.md:4:6", "content/clienten/hulp.md:6:16"});
}

TEST_CASE("glossary: client pages show the client definition, other pages the professional one", "[plain][glossary]") {
  MemoryTree tree = client_site();
  MemorySink sink;
  Diagnostics diags;
  build_site(tree, sink, diags);
  CHECK(sink.files.at("clienten/index.html").find("<span>De organisatie die je uitkering betaalt.</span>") != std::string::npos);
  CHECK(sink.files.at("leidraad.html").find("<span>Uitvoeringsinstituut; voert de WIA uit.</span>") != std::string::npos);
  CHECK(sink.files.at("begrippen/index.html").find("[UWV|De organisatie die je uitkering betaalt.]") != std::string::npos);
}

TEST_CASE("glossary: a bad client field is an error at its position", "[plain][glossary]") {
  MemoryTree tree = client_site();
  tree.set("content/begrippen/begrippen.json",
           "{\"begrippen\": [\n"
           "  {\"term\": \"UWV\", \"definitie\": \"Uitvoeringsinstituut.\", \"voor_clienten\": 3},\n"
           "  {\"term\": \"doelgroepregister\", \"definitie\": \"Register.\", \"jargon\": \"ja\"}\n"
           "]}\n");
  MemorySink sink;
  Diagnostics diags;
  build_site(tree, sink, diags);
  std::vector<std::string> errors;
  for (const auto& d : diags.sorted())
    if (d.severity == Severity::error) errors.push_back(d.path + ":" + std::to_string(d.line) + ":" + std::to_string(d.col));
  REQUIRE(errors == std::vector<std::string>{"content/begrippen/begrippen.json:2:57", "content/begrippen/begrippen.json:3:59"});
}

TEST_CASE("plain: a client flow's texts are checked per step, at their place in the file", "[plain][site]") {
  MemoryTree tree = client_site();
  tree.set("content/stroomschema/k.json",
           "{\n  \"id\": \"k\",\n  \"titel\": \"Keuze\",\n  \"doelgroep\": \"clienten\",\n  \"start\": \"a\",\n"
           "  \"knopen\": [\n"
           "    {\"id\": \"a\", \"soort\": \"uitkomst\", \"titel\": \"Klaar\", \"tekst\": \"Een \\\"x\\\" of de WW.\"},\n"
           "    {\"id\": \"b\", \"soort\": \"uitkomst\", \"titel\": \"WW (Werkloosheidswet)\", \"tekst\": \"De WW.\"}\n"
           "  ]\n}\n");
  tree.set("content/stroomschema/p.json", "{\"id\": \"p\", \"doelgroep\": \"professionals\", \"titel\": \"Kunt u het UWV bellen?\"}\n");
  MemorySink sink;
  Diagnostics diags;
  build_site(tree, sink, diags);
  std::vector<std::string> flow;
  for (const auto& w : warnings_of(diags))
    if (w.find("stroomschema") != std::string::npos) flow.push_back(w);
  // Step a: WW unexplained at column 82 (escaped quotes count twice); step b explains it
  // in its title; the professional flow is not checked.
  REQUIRE(flow == std::vector<std::string>{"content/stroomschema/k.json:7:82"});
}

TEST_CASE("glossary: a term written across a line end is still one term", "[glossary]") {
  MemoryTree tree = glossary_site("<a href=\"{{href}}\">{{text}}</a>",
                                  "  {\"term\": \"Leidraad Jobcoach\", \"definitie\": \"Richtlijn uit 2012.\"},\n"
                                  "  {\"term\": \"jobcoach\", \"definitie\": \"Begeleider op de werkplek.\"}\n");
  tree.set("content/regels.md", "---\ntitle: Regels\n---\nVolgens de Leidraad\nJobcoach, 2012.\n\nDe jobcoach helpt.\n");
  MemorySink sink;
  Diagnostics diags;
  build_site(tree, sink, diags);
  REQUIRE_FALSE(diags.has_errors());
  const std::string& html = sink.files.at("regels.html");
  CHECK(html.find(">Leidraad\nJobcoach</a>, 2012.") != std::string::npos);
  // "Jobcoach" inside the longer term is not the first use of "jobcoach": the next line's is.
  CHECK(html.find("De <a href=\"begrippen/index.html#begrip-jobcoach\">jobcoach</a> helpt.") != std::string::npos);
}
