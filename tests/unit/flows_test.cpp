// Stroomschema's: every build-time check has a broken fixture in tests/fixtures/flows/, reported at
// path:line:col with the node id; plus path enumeration, test vectors, rendering and the diagram.
#include "cpu_timer.h"
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "flows.h"
#include "flows_layout.h"
#include "flows_paths.h"
#include "output.h"
#include "portal.h"
#include "site.h"

using namespace wijzer;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(WIJZER_TEST_DIR) + "/fixtures/flows/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string repo_file(const std::string& path) {
  std::ifstream in(std::string(WIJZER_TEST_DIR) + "/../" + path);
  REQUIRE(in);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A small site with one flow fixture in content/stroomschema/.
MemoryTree site_with(const std::string& name) {
  MemoryTree tree;
  tree.set("templates/page.mustache", "{{page.title}}|{{{page.content}}}");
  tree.set("templates/section.mustache", "{{page.title}}|{{{page.content}}}");
  for (const char* t : {"flow-node", "flow-wizard", "flow-diagram"})
    tree.set(std::string("templates/") + t + ".mustache",
             "<main data-node=\"{{page.data.node}}\" data-kind=\"{{page.data.kind}}\">"
             // What templates/flow-node.mustache shows from page.data: the back link and the progress.
             "{{#page.data.back_url}}<a class=\"stroom-terug\" href=\"{{page.data.back_url}}\">Terug</a>{{/page.data.back_url}}"
             "{{#page.data.progress_now}}Vraag {{page.data.progress_now}} van ongeveer {{page.data.progress_total}}{{/page.data.progress_now}}"
             "{{page.title}}|{{{page.content}}}</main>"
             "{{#page_css}}[{{.}}]{{/page_css}}{{#page_js}}[{{.}}]{{/page_js}}");
  // The portal's own wizard and diagram components render the pages' content.
  for (const char* part : {"wizard/page", "wizard/buttons", "wizard/step", "wizard/read-more", "wizard/outcome",
                           "wizard/contacts", "wizard/node", "diagram/page", "diagram/list"})
    tree.set(std::string("templates/") + part + ".mustache", repo_file(std::string("templates/") + part + ".mustache"));
  tree.set("site-assets/wizard/flow.css", "body{}");
  tree.set("site-assets/wizard/flow.js", "1");
  tree.set("site-assets/rules/jsonlogic.js", "1");
  tree.set("content/_index.md", "---\ntitle: Home\n---\n");
  tree.set("content/trajecten/_index.md", "---\ntitle: Trajecten\n---\n");
  tree.set("content/trajecten/ips.md", "---\ntitle: IPS\nbewijs: sterk\nregio: [landelijk]\n---\n## Voor wie\n");
  tree.set("content/stroomschema/_index.md", "---\ntitle: Stroomschema's\n---\n");
  tree.set("content/stroomschema/" + name, fixture(name));
  return tree;
}

struct Result {
  Diagnostics diags;
  MemorySink sink;
};

std::unique_ptr<Result> build(const std::string& name) {
  auto result = std::make_unique<Result>();
  MemoryTree tree = site_with(name);
  build_site(tree, result->sink, result->diags, 1);
  return result;
}

/// Line (1-based) of the first occurrence of `needle` in the fixture.
int line_of(const std::string& name, const std::string& needle) {
  const std::string text = fixture(name);
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

/// The one error whose message contains `part`.
Diagnostic error_with(const Diagnostics& diags, const std::string& part) {
  for (const auto& d : diags.sorted())
    if (d.severity == Severity::error && d.message.find(part) != std::string::npos) return d;
  std::string all;
  for (const auto& d : diags.sorted()) all += format_diagnostic(d) + "\n";
  FAIL("no error containing '" << part << "' in:\n" << all);
  return {};
}

}  // namespace

TEST_CASE("a valid flow builds its pages, test vectors and diagram", "[flows]") {
  auto r = build("valid.json");
  for (const auto& d : r->diags.sorted()) INFO(format_diagnostic(d));
  REQUIRE_FALSE(r->diags.has_errors());
  const auto& files = r->sink.files;
  for (const char* f : {"stroomschema/valid/index.html", "stroomschema/valid/schema.html", "stroomschema/valid/q1.html",
                        "stroomschema/valid/i1.html", "stroomschema/valid/q2.html", "stroomschema/valid/o1.html",
                        "stroomschema/valid/o2.html", "stroomschema/valid/paths.json"})
    CHECK(files.count(f));
  // Node pages, one per route to a node: answers as plain links to the next page of the route,
  // only the answers that hold there (no condition in words), a back link to the page before.
  const std::string& q2 = files.at("stroomschema/valid/q2.html");  // q1 ja → i1 → q2
  CHECK(q2.find("data-node=\"q2\" data-kind=\"question\"") != std::string::npos);
  CHECK(q2.find("href=\"o1.html\"") != std::string::npos);
  CHECK(q2.find("href=\"o2.html\"") != std::string::npos);
  CHECK(q2.find("(alleen als") == std::string::npos);
  CHECK(q2.find("class=\"stroom-terug\" href=\"i1.html\"") != std::string::npos);
  const std::string& q2b = files.at("stroomschema/valid/q2.2.html");  // q1 nee → q2: B does not hold
  CHECK(q2b.find("data-answer=\"a\" href=\"o1.2.html\"") != std::string::npos);
  CHECK(q2b.find("data-answer=\"b\"") == std::string::npos);
  CHECK(q2b.find("class=\"stroom-terug\" href=\"q1.html\"") != std::string::npos);
  CHECK(files.at("stroomschema/valid/q1.html").find("class=\"stroom-terug\" href=\"index.html\"") != std::string::npos);
  CHECK(files.at("stroomschema/valid/q1.html").find("Vraag 1 van ongeveer 2") != std::string::npos);
  CHECK(files.at("stroomschema/valid/i1.html").find("data-kind=\"info\"") != std::string::npos);
  const std::string& o1 = files.at("stroomschema/valid/o1.html");
  CHECK(o1.find("data-kind=\"outcome\"") != std::string::npos);
  CHECK(o1.find("../../trajecten/ips.html") != std::string::npos);
  // A client flow explains the evidence in plain words instead of the label "sterk bewijs".
  CHECK(o1.find("veel onderzoek: dit helpt vaak") != std::string::npos);
  CHECK(o1.find("sterk bewijs") == std::string::npos);
  // The outcome shows this route's answers, not a list of routes.
  CHECK(o1.find("<dt>Eerste vraag?</dt><dd>Ja</dd>") != std::string::npos);
  CHECK(o1.find("<dt>Tweede vraag?</dt><dd>A</dd>") != std::string::npos);
  CHECK(files.at("stroomschema/valid/o1.2.html").find("<dt>Eerste vraag?</dt><dd>Nee</dd>") != std::string::npos);
  CHECK(o1.find("<ol class=\"stroom-vervolg\">") != std::string::npos);
  // Assets only on flow pages.
  CHECK(o1.find("[../../assets/wizard/flow.") != std::string::npos);
  CHECK(files.at("stroomschema/valid/index.html").find("jsonlogic.") != std::string::npos);
  // Paths: q1 ja → i1 → q2 a|b; q1 nee → q2 a (b needs ja).
  auto vectors = nlohmann::json::parse(files.at("stroomschema/valid/paths.json"));
  REQUIRE(vectors["paths"].size() == 3);
  CHECK(vectors["paths"][0]["state"] == "q1:ja,i1:verder,q2:a");
  CHECK(vectors["paths"][1]["outcome"] == "o2");
  CHECK(vectors["paths"][2]["state"] == "q1:nee,q2:a");
  // Wizard: a question's own "fout" message (escaped), the general one when it has none.
  const std::string& wizard = files.at("stroomschema/valid/index.html");
  CHECK(wizard.find("<p class=\"stroom-fout\" id=\"fout-q1\" hidden>Kies of het &lt;zo&gt; is.</p>") != std::string::npos);
  CHECK(wizard.find("<p class=\"stroom-fout\" id=\"fout-q2\" hidden>Kies een antwoord.</p>") != std::string::npos);
  // Diagram: inline SVG fit for HTML.
  const std::string& schema = files.at("stroomschema/valid/schema.html");
  CHECK(schema.find("<svg aria-hidden=\"true\"") != std::string::npos);
  CHECK(schema.find("<?xml") == std::string::npos);
  CHECK(schema.find("<!DOCTYPE") == std::string::npos);
  CHECK(schema.find("<!--") == std::string::npos);
  CHECK(schema.find(" style=") == std::string::npos);
  CHECK(schema.find("xlink:href=\"q2.html\"") != std::string::npos);
  CHECK(schema.find("tabindex=\"0\"") != std::string::npos);
  CHECK(schema.find("class=\"stroom-lijst\"") != std::string::npos);
}

// Issue 14's worked example: the wizard's words live in templates/wizard/, so changing the button
// text is an edit of one template (templates/wizard/buttons.mustache), no C++ and no rebuild.
TEST_CASE("the wizard's button text comes from one template", "[flows][templates]") {
  MemoryTree tree = site_with("valid.json");
  Diagnostics before_diags;
  MemorySink before;
  build_site(tree, before, before_diags, 1);
  REQUIRE_FALSE(before_diags.has_errors());
  const std::string button = "id=\"stroom-volgende\" data-info-tekst=\"Verder\">";
  CHECK(before.files.at("stroomschema/valid/index.html").find(button + "Volgende</button>") != std::string::npos);

  std::string buttons = repo_file("templates/wizard/buttons.mustache");
  const size_t at = buttons.find(">Volgende<");
  REQUIRE(at != std::string::npos);
  buttons.replace(at + 1, std::string("Volgende").size(), "Verder");
  tree.set("templates/wizard/buttons.mustache", buttons);
  Diagnostics diags;
  MemorySink after;
  build_site(tree, after, diags, 1);
  REQUIRE_FALSE(diags.has_errors());
  const std::string& wizard = after.files.at("stroomschema/valid/index.html");
  CHECK(wizard.find(button + "Verder</button>") != std::string::npos);
  CHECK(wizard.find("Volgende</button>") == std::string::npos);
  // Only the wizard page uses the buttons; every other file is the same.
  for (const auto& [path, bytes] : before.files)
    if (path != "stroomschema/valid/index.html") CHECK(after.files.at(path) == bytes);
}

TEST_CASE("flow check: unknown next node", "[flows][checks]") {
  auto r = build("unknown-next.json");
  auto d = error_with(r->diags, "onbekende volgende knoop 'bestaat-niet'");
  CHECK(d.path == "content/stroomschema/unknown-next.json");
  CHECK(d.line == line_of("unknown-next.json", "\"nee\", \"label\": \"Nee\", \"volgende\": \"bestaat-niet\""));
  CHECK(d.col > 1);
  CHECK(d.message.find("knoop 'q1'") != std::string::npos);
}

TEST_CASE("flow check: unknown next node in a YAML flow", "[flows][checks]") {
  auto r = build("yaml-unknown-next.yaml");
  auto d = error_with(r->diags, "onbekende volgende knoop 'bestaat-niet'");
  CHECK(d.line == line_of("yaml-unknown-next.yaml", "bestaat-niet"));
}

TEST_CASE("flow check: unknown page", "[flows][checks]") {
  auto r = build("unknown-page.json");
  auto d = error_with(r->diags, "onbekende pagina '../trajecten/bestaat-niet.md'");
  CHECK(d.line == line_of("unknown-page.json", "bestaat-niet.md"));
  CHECK(d.message.find("knoop 'o1'") != std::string::npos);
}

TEST_CASE("flow check: unknown anchor on a linked page", "[flows][checks]") {
  auto r = build("unknown-anchor.json");
  auto d = error_with(r->diags, "onbekend anker '#geen-anker'");
  CHECK(d.line == line_of("unknown-anchor.json", "#geen-anker"));
}

TEST_CASE("flow check: unreachable node", "[flows][checks]") {
  auto r = build("unreachable.json");
  auto d = error_with(r->diags, "niet bereikbaar");
  CHECK(d.message.find("knoop 'eiland'") != std::string::npos);
  CHECK(d.line == line_of("unreachable.json", "\"eiland\""));
}

TEST_CASE("flow check: a cycle never reaches an outcome", "[flows][checks]") {
  auto r = build("cycle.json");
  auto d = error_with(r->diags, "kringloop");
  CHECK(d.message.find("knoop 'q1'") != std::string::npos);
  CHECK(d.message.find("q1 → i1 → q1") != std::string::npos);
  CHECK(d.line == line_of("cycle.json", "{\"id\": \"q1\""));
}

TEST_CASE("flow check: a dead end (no answer available on a path)", "[flows][checks]") {
  auto r = build("dead-end.json");
  auto d = error_with(r->diags, "doodlopend");
  CHECK(d.message.find("knoop 'q2'") != std::string::npos);
  CHECK(d.message.find("q1 → q2") != std::string::npos);
  CHECK(d.line == line_of("dead-end.json", "{\"id\": \"q2\""));
}

TEST_CASE("flow check: duplicate node ids", "[flows][checks]") {
  auto r = build("duplicate-id.json");
  auto d = error_with(r->diags, "dubbele knoop-id 'o1'");
  CHECK(d.line == line_of("duplicate-id.json", "\"Nog eens\""));
}

TEST_CASE("flow check: a question with fewer than two answers", "[flows][checks]") {
  auto r = build("one-answer.json");
  auto d = error_with(r->diags, "minstens twee antwoorden");
  CHECK(d.message.find("knoop 'q1'") != std::string::npos);
  CHECK(d.line == line_of("one-answer.json", "\"antwoorden\""));
}

TEST_CASE("flow check: empty text", "[flows][checks]") {
  auto r = build("empty-text.json");
  auto d = error_with(r->diags, "\"tekst\" is leeg");
  CHECK(d.message.find("knoop 'o1'") != std::string::npos);
  CHECK(d.line == line_of("empty-text.json", "\"  \""));
}

TEST_CASE("flow check: an empty \"fout\" message", "[flows][checks]") {
  auto r = build("empty-fout.json");
  auto d = error_with(r->diags, "\"fout\" is leeg");
  CHECK(d.path == "content/stroomschema/empty-fout.json");
  CHECK(d.message.find("knoop 'q1'") != std::string::npos);
  CHECK(d.line == line_of("empty-fout.json", "\"fout\": \"\""));
  CHECK(d.col == 6);  // at "fout"
}

TEST_CASE("flow check: \"fout\" only on a question", "[flows][checks]") {
  auto r = build("fout-not-question.json");
  auto d = error_with(r->diags, "alleen een vraag heeft \"fout\"");
  CHECK(d.message.find("knoop 'i1'") != std::string::npos);
  CHECK(d.line == line_of("fout-not-question.json", "\"fout\": \"Kies een antwoord.\""));
  CHECK(r->diags.sorted().size() == 1);  // the question's own "fout" is fine
}

TEST_CASE("flow check: contacts, lists and the number of steps of a client outcome", "[flows][checks]") {
  auto r = build("bad-contact.json");
  const std::string f = "bad-contact.json";
  auto web = error_with(r->diags, "begint met https://");
  CHECK(web.line == line_of(f, "\"website\": \"http://"));
  CHECK(web.message.find("knoop 'o1', contact") != std::string::npos);
  auto phone = error_with(r->diags, "\"telefoon\" bestaat uit");
  CHECK(phone.line == line_of(f, "\"telefoon\": \"bel ons\""));
  CHECK(phone.message.find("afwijzing") != std::string::npos);
  CHECK(error_with(r->diags, "onbekend veld \"site\"").line == line_of(f, "\"site\""));
  CHECK(error_with(r->diags, "hoogstens 3 stappen").line == line_of(f, "\"vervolg\""));
  CHECK(error_with(r->diags, "lege tekst in \"neem_mee\"").line == line_of(f, "\"neem_mee\""));
}

TEST_CASE("an outcome renders its steps, contacts, what to bring and ask, and the help with a refusal", "[flows]") {
  MemoryTree tree = site_with("valid.json");
  nlohmann::json flow = nlohmann::json::parse(fixture("valid.json"));
  flow["contacten_stand"] = "stand december 2026";
  flow["afwijzing"] = {{"titel", "Een nee?"}, {"tekst", "Maak bezwaar."},
                       {"contacten", {{{"naam", "Het Juridisch Loket"}, {"website", "https://www.juridischloket.nl"}, {"telefoon", "0800 8020"}}}}};
  flow["knopen"][3]["contacten"] = {{{"naam", "UWV"}, {"tekst", "Uitkering."}, {"website", "https://www.uwv.nl/"}}};
  flow["knopen"][3]["neem_mee"] = {"Je DigiD"};
  flow["knopen"][3]["vraag_dit"] = {"Kan ik een jobcoach krijgen?"};
  tree.set("content/stroomschema/valid.json", flow.dump(1));
  Diagnostics diags;
  MemorySink sink;
  build_site(tree, sink, diags, 1);
  for (const auto& d : diags.sorted()) INFO(format_diagnostic(d));
  REQUIRE_FALSE(diags.has_errors());
  const std::string& o1 = sink.files.at("stroomschema/valid/o1.html");
  CHECK(o1.find("<a href=\"https://www.uwv.nl/\">www.uwv.nl</a>") != std::string::npos);
  CHECK(o1.find("<li>Je DigiD</li>") != std::string::npos);
  CHECK(o1.find("<li>Kan ik een jobcoach krijgen?</li>") != std::string::npos);
  CHECK(o1.find("<a href=\"tel:08008020\">0800\u00a08020</a>") != std::string::npos);  // never broken over two lines
  CHECK(o1.find("Contactgegevens: stand december 2026.") != std::string::npos);
  // o2 has no contacts of its own, but the help with a refusal is on every outcome.
  CHECK(sink.files.at("stroomschema/valid/o2.html").find("Het Juridisch Loket") != std::string::npos);
}

TEST_CASE("clean_svg makes Graphviz output fit for inline HTML", "[flows][diagram]") {
  const std::string raw =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"x\" \"y\">\n<!-- Generated -->\n"
      "<svg width=\"10pt\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
      "<g id=\"graph0\" style=\"x\"><title>g</title><!-- q1 --><a xlink:href=\"q1.html\" xlink:title=\"Q\"><text>Q</text></a></g>\n</svg>\n";
  const std::string svg = flows::clean_svg(raw, "p-");
  CHECK(svg.rfind("<svg aria-hidden=\"true\"", 0) == 0);
  CHECK(svg.find("<!") == std::string::npos);
  CHECK(svg.find("style=") == std::string::npos);
  CHECK(svg.find("<title>") == std::string::npos);
  CHECK(svg.find("xlink:title") == std::string::npos);
  CHECK(svg.find("id=\"p-graph0\"") != std::string::npos);
  CHECK(svg.find("<a tabindex=\"-1\" xlink:href=\"q1.html\">") != std::string::npos);
}

TEST_CASE("clean_svg gives each node its whole text as <title> and drops the other titles", "[flows][diagram]") {
  const std::string raw =
      "<svg width=\"10pt\">\n<g id=\"graph0\"><title>g</title>\n"
      "<g id=\"q&#45;1\" class=\"node\"><title>q&#45;1</title>\n<text>Werk je &amp;</text></g>\n"
      "<g id=\"edge1\" class=\"edge\"><title>q&#45;1&#45;&gt;o</title>\n</g></g>\n</svg>\n";
  const std::string svg = flows::clean_svg(raw, "p-", {{"q-1", "Werk je nu & wil je <meer>?"}});
  CHECK(svg.find("<title>Werk je nu &amp; wil je &lt;meer&gt;?</title>") != std::string::npos);
  CHECK(svg.find("<title>g</title>") == std::string::npos);
  CHECK(svg.find("&#45;&gt;o</title>") == std::string::npos);
}

TEST_CASE("the DOT text keeps whole labels and names each arrow's ends", "[flows][diagram]") {
  flows::Flow flow;
  flow.id = "f";
  flow.start = "q";
  flows::Node question;
  question.id = "q";
  question.kind = flows::Kind::question;
  question.title = "Een heel lange vraag die veel langer is dan negentig tekens, zodat hij vroeger werd afgekapt met een beletselteken";
  flows::Answer answer;
  answer.label = "Een antwoord van meer dan veertig tekens dat ook heel moet blijven";
  answer.next = "o";
  question.answers.push_back(answer);
  flows::Node outcome;
  outcome.id = "o";
  outcome.kind = flows::Kind::outcome;
  outcome.title = "Klaar";
  flow.nodes = {question, outcome};
  flow.index = {{"q", 0}, {"o", 1}};
  const std::string dot = flows::flow_dot(flow, {});
  CHECK(dot.find("…") == std::string::npos);
  CHECK(dot.find("beletselteken") != std::string::npos);
  CHECK(dot.find("heel moet blijven") != std::string::npos);
  CHECK(dot.find("class=\"stroom-diagram__pijl van-q naar-o\"") != std::string::npos);
}

TEST_CASE("the portal's flows are valid and every path ends in an outcome", "[flows][portal]") {
  DiskTree tree(std::string(WIJZER_TEST_DIR) + "/..");
  Diagnostics diags;
  MemorySink sink(true);
  build_site(tree, sink, diags, 2);
  for (const auto& d : diags.sorted())
    if (d.path.find("stroomschema") != std::string::npos) FAIL(format_diagnostic(d));
  for (const char* flow : {"welke-begeleiding", "po-jobcoaching", "gemeentelijke-beoordeling"}) {
    const std::string key = std::string("stroomschema/") + flow + "/paths.json";
    REQUIRE(sink.files.count(key));
    auto vectors = nlohmann::json::parse(sink.files.at(key));
    CHECK(vectors["paths"].size() >= 10);
    for (const auto& path : vectors["paths"]) CHECK(path["outcome"].get<std::string>().rfind("o-", 0) == 0);
    // Every question says what to choose when no answer is chosen ("fout"), not the general message.
    const std::string& wizard = sink.files.at(std::string("stroomschema/") + flow + "/index.html");
    CHECK(wizard.find("class=\"stroom-fout\"") != std::string::npos);
    CHECK(wizard.find(">Kies een antwoord.</p>") == std::string::npos);
  }
}

namespace {

/// A flow "valid" of `questions` questions in a chain, both answers of each leading to the next;
/// the last leads to the outcome, or (dead_end) offers only answers whose "als" never holds; with
/// `last_rule`, the answers of the last question have that "als".
std::string chain_flow(int questions, bool dead_end = false, const std::string& last_rule = "") {
  std::string s = "{\"id\": \"valid\", \"titel\": \"Keten\", \"doelgroep\": \"clienten\", \"start\": \"q0\",\n\"knopen\": [\n";
  auto q = [](int i) {
    std::string id = "q";
    return id.append(std::to_string(i));
  };
  for (int i = 0; i < questions; ++i) {
    const std::string next = i + 1 < questions ? q(i + 1) : "o";
    s += "{\"id\": \"" + q(i) + "\", \"soort\": \"vraag\", \"tekst\": \"Vraag?\", \"fout\": \"Kies.\", \"antwoorden\": [";
    for (const char* a : {"ja", "nee"}) {
      s += std::string(a == std::string("ja") ? "" : ", ") + "{\"id\": \"" + a + "\", \"label\": \"" + a + "\", \"volgende\": \"" + next + "\"";
      if (dead_end && i + 1 == questions) s += ", \"als\": {\"===\": [{\"var\": \"q0\"}, \"geen\"]}, \"als_tekst\": \"nooit\"";
      if (!last_rule.empty() && i + 1 == questions) s += ", \"als\": " + last_rule + ", \"als_tekst\": \"soms\"";
      s += "}";
    }
    s += "]},\n";
  }
  return s + "{\"id\": \"o\", \"soort\": \"uitkomst\", \"titel\": \"Klaar\", \"tekst\": \"Klaar.\", \"vervolg\": [\"Bel.\"]}\n]}\n";
}

/// Builds a site whose only flow is `flow_json`; returns the diagnostics and the seconds it took.
std::pair<std::unique_ptr<Result>, double> build_flow(const std::string& flow_json) {
  auto result = std::make_unique<Result>();
  MemoryTree tree = site_with("valid.json");
  tree.set("content/stroomschema/valid.json", flow_json);
  const test::CpuTimer timer;
  build_site(tree, result->sink, result->diags, 1);
  return {std::move(result), timer.seconds()};
}

}  // namespace

// Issue 13 finding 5: a chain of 1,000 two-way questions has 2^999 paths of 999 steps; the
// 5,000-path limit let 5 million steps through (4.5 GB, then bad_alloc).
TEST_CASE("flow paths: long paths are bounded by their total steps", "[flows][checks][limits]") {
  auto [r, seconds] = build_flow(chain_flow(999));  // 1000 nodes with the outcome: the most allowed
  auto d = error_with(r->diags, "de paden zijn samen langer dan 100000 stappen");
  CHECK(d.line == 2);  // "knopen"
  CHECK(seconds < 30);
  // A flow within the limits still enumerates every path: 2^6 paths of 6 steps.
  auto [ok, ok_seconds] = build_flow(chain_flow(6));
  for (const auto& diag : ok->diags.sorted()) INFO(format_diagnostic(diag));
  CHECK_FALSE(ok->diags.has_errors());
}

// Every path of a chain that ends in a dead end reaches no outcome: the path limits never fire, and
// the walk took 2^n steps (2^25: minutes).
TEST_CASE("flow paths: the walk is bounded when no path reaches an outcome", "[flows][checks][limits]") {
  auto [r, seconds] = build_flow(chain_flow(25, true));
  auto d = error_with(r->diags, "te veel vertakkingen");
  CHECK(d.line == 2);
  CHECK(seconds < 30);
  error_with(r->diags, "doodlopend");  // still reported once, before the walk stops
}

TEST_CASE("flow check: at most 1000 nodes", "[flows][checks][limits]") {
  auto [r, seconds] = build_flow(chain_flow(1000));  // 1001 nodes with the outcome
  auto d = error_with(r->diags, "meer dan 1000 knopen (1001)");
  CHECK(d.line == 2);
  CHECK(seconds < 30);
}

// Each "als" had its own budget of 10 million steps, and a rule is evaluated once per path that
// reaches it: 12 questions give 2^11 visits of the last one, 2 rules each (~600,000 steps a rule:
// 2.5 billion steps). All rules of a flow now share one budget.
TEST_CASE("flow paths: all als rules share one budget", "[flows][checks][limits]") {
  std::string zeros = "[0";
  for (int i = 1; i < 50; ++i) zeros += ",0";
  zeros += "]";
  const std::string rule = R"({"!!": [{"map": [)" + zeros + R"(, {"map": [)" + zeros + R"(, {"map": [)" + zeros + R"(, 1]}]}]}]})";
  auto [r, seconds] = build_flow(chain_flow(12, false, rule));
  auto d = error_with(r->diags, "de regels (\"als\") op alle paden samen kosten meer dan 10000000 rekenstappen");
  CHECK(d.line == 2);
  CHECK(seconds < 30);
}
