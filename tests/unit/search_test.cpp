// Search: tokenising, folding, stemming (libstemmer), index building and the Search feature.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>

#include "feature.h"
#include "markdown.h"
#include "output.h"
#include "search.h"
#include "search_data.h"
#include "search_index.h"
#include "portal.h"
#include "site.h"

using namespace wijzer;
using Strings = std::vector<std::string>;

namespace {

/// Decodes the index's 5-bit varints (the browser's decode()).
std::vector<uint32_t> decode(const std::string& text) {
  const std::string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::vector<uint32_t> out;
  uint32_t v = 0;
  for (char c : text) {
    const auto x = static_cast<uint32_t>(digits.find(c));
    if (x < 32) v = v * 32 + x;
    else out.push_back(v * 32 + x - 32), v = 0;
  }
  return out;
}

/// The JSON of a WijzerZoek.laad("name", {...}); script.
nlohmann::json payload(const std::string& script) {
  const size_t start = script.find(',') + 1;
  const size_t end = script.rfind(");");
  return nlohmann::json::parse(script.substr(start, end - start));
}

const std::string* file_with(const search::IndexFiles& index, const std::string& prefix) {
  for (const auto& [path, bytes] : index.files)
    if (path.rfind(prefix, 0) == 0) return &bytes;
  return nullptr;
}

/// Postings of a term: (doc, weight) pairs, from whichever shard holds it.
std::vector<std::pair<uint32_t, uint32_t>> postings_of(const search::IndexFiles& index, const std::string& term) {
  for (const auto& [path, bytes] : index.files) {
    if (path.rfind("search/t", 0) != 0) continue;
    auto data = payload(bytes);
    if (!data["t"].contains(term)) continue;
    std::vector<std::pair<uint32_t, uint32_t>> out;
    int64_t doc = -1;
    for (uint32_t v : decode(data["t"][term].get<std::string>())) {
      doc += (v >> 2) + 1;
      out.emplace_back(static_cast<uint32_t>(doc), v & 3);
    }
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("words: split on the same characters as the browser, folded", "[search][tokenize]") {
  CHECK(search::words("Cliënt’s re-integratie: 2 uur/week — €40") ==
        Strings{"client", "s", "re", "integratie", "2", "uur", "week", "40"});
  CHECK(search::words("REÏNTEGRATIE, Zeeën en ÆØÅ") == Strings{"reintegratie", "zeeen", "en", "aeoa"});
  CHECK(search::words("  ") == Strings{});
  CHECK(search::words("a×b÷c") == Strings{"a", "b", "c"});
  CHECK(search::words("Ωmega 3‰") == Strings{"Ωmega", "3"});  // non-Latin letters are kept as they are
}

TEST_CASE("stop words are Snowball's Dutch list", "[search][tokenize]") {
  CHECK(search::is_stop_word("de"));
  CHECK(search::is_stop_word("een"));
  CHECK_FALSE(search::is_stop_word("jobcoach"));
  CHECK(search::stop_words().size() == 101);
}

TEST_CASE("stem: Snowball Dutch through libstemmer", "[search][stem]") {
  CHECK(search::stem("begeleiding") == "begeleid");
  CHECK(search::stem("begeleiden") == "begeleid");
  CHECK(search::stem("mogelijkheden") == "mogelijk");
  CHECK(search::stem("maan") == "man");
  CHECK(search::stem("jobcoach") == "jobcoach");
}

TEST_CASE("stem: the shared word list (tests/js/search-stemmer.test.cjs checks the browser)", "[search][stem]") {
  std::ifstream in(std::filesystem::path(WIJZER_TEST_DIR) / "fixtures" / "search" / "stems-dutch.txt");
  REQUIRE(in);
  std::string word, stem;
  size_t n = 0;
  std::vector<std::string> wrong;
  while (in >> word >> stem) {
    ++n;
    if (search::stem(word) != stem) wrong.push_back(word + ": " + search::stem(word) + " (expected " + stem + ")");
  }
  CHECK(n > 1000);
  CHECK(wrong == Strings{});
}

TEST_CASE("varints: 5 bits a digit, the last one from the upper half", "[search][index]") {
  std::string s;
  search::put_varint(s, 0);
  search::put_varint(s, 31);
  search::put_varint(s, 32);
  search::put_varint(s, 1000000);
  CHECK(s.substr(0, 2) == "g_");
  CHECK(decode(s) == std::vector<uint32_t>{0, 31, 32, 1000000});
}

TEST_CASE("analyse: terms per section with their best weight; hyphenated words also joined", "[search][index]") {
  search::Doc doc;
  doc.url = "rollen/jobcoach.html";
  doc.title = "De jobcoach";
  doc.sections = {{"", "", "Een jobcoach begeleidt. Jobcoaches en begeleiding."},
                  {"Re-integratie", "re-integratie", "Re-integratie van de cliënt, de cliënt."}};
  const auto indexed = search::analyse(doc, 320);
  REQUIRE(indexed.parts.size() == 2);
  auto weight = [&](size_t part, const std::string& term) -> int {
    for (const auto& hit : indexed.parts[part])
      if (search::term_text(hit.term) == term) return hit.weight;
    return -1;
  };
  CHECK(weight(0, "jobcoach") == search::kTitle);
  CHECK(weight(0, "de") == -1);  // stop word
  CHECK(weight(0, "begeleid") == search::kBody);
  CHECK(weight(1, "integratie") == search::kHeading);
  CHECK(weight(1, "reintegratie") == search::kHeading);
  CHECK(weight(1, "client") == search::kBodyMany);
  CHECK(weight(1, "jobcoach") == -1);
  // what results show: title, headings (no anchor where the heading gives it), excerpts
  CHECK(indexed.title == "De jobcoach");
  REQUIRE(indexed.headings.size() == 1);
  CHECK(indexed.headings[0] == std::pair<std::string, std::string>{"Re-integratie", ""});
  CHECK(nlohmann::json::parse(indexed.excerpts) ==
        nlohmann::json::array({"Een jobcoach begeleidt. Jobcoaches en begeleiding.", "Re-integratie van de cliënt, de cliënt."}));
  // a typed word finds its stem
  bool found = false;
  for (const auto& [surface, term] : indexed.surfaces)
    found |= search::term_text(surface) == "begeleiding" && search::term_text(term) == "begeleid";
  CHECK(found);
}

TEST_CASE("analyse: its tokenizer finds the words of search::words (the browser's), on 2,000 random texts",
          "[search][index][tokenize]") {
  // Words of every length around the eight bytes the tokenizer reads at a time, with letters,
  // digits, capitals, ASCII neighbours of them ('@', '[', '`', '{', '/', ':'), accented letters
  // and non-word characters outside ASCII (’, –, U+00D7); no '-', which also joins words.
  const std::vector<std::string> pieces = {"a", "Z", "q", "7", "0", "9", "@", "[", "`", "{", "/", ":", " ", "  ", "\n",
                                           "é", "Ë", "ï", "’", "–", "×", "ij", ".", ",", "_"};
  std::minstd_rand next(7);  // the same texts on every run
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const unsigned words = 1 + next() % 12;
    for (unsigned w = 0; w < words; ++w) {
      const unsigned letters = next() % 20;
      for (unsigned k = 0; k < letters; ++k)
        text += next() % 3 ? std::string(1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[next() % 62])
                           : pieces[next() % pieces.size()];
      text += pieces[10 + next() % 3];
    }
    search::Doc doc;
    doc.sections = {{"", "", text}};
    const auto indexed = search::analyse(doc, 0);
    std::set<std::string> got, expected;
    for (const auto& hit : indexed.parts[0]) got.insert(search::term_text(hit.term));
    for (const std::string& w : search::words(text))
      if (w.size() >= 2 && !search::is_stop_word(w)) expected.insert(search::stem(w));
    INFO(text);
    REQUIRE(got == expected);
  }
}

TEST_CASE("append_js_string: escapes as a byte-by-byte escape does, for every byte at every offset", "[search][index]") {
  auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      char buf[8];
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c < 0x20) std::snprintf(buf, sizeof buf, "\\u%04x", c), out += buf;
      else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9))
        out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029", i += 2;
      else out += static_cast<char>(c);
    }
    return out + "\"";
  };
  // Neighbours of the bytes that matter (0x1F/0x20, '!'/'#', '[', ']', 0xE1/0xE3) and the
  // separators U+2028/U+2029 and U+2027 (which stays).
  const std::vector<std::string> pieces = {"\"", "\\", "\x1f", " ", "\n", "\t", "\x01", "!", "#", "[", "]", "\xe1", "\xe3",
                                           "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\xa7", "\xe2", "é", "\x7f", "\xff"};
  std::minstd_rand next(3);  // the same texts on every run
  for (int round = 0; round < 3000; ++round) {
    std::string text(next() % 40, 'a');
    std::string mixed;
    for (char c : text) mixed += next() % 6 ? std::string(1, c) : pieces[next() % pieces.size()];
    std::string out = "[";
    search::append_js_string(out, mixed);
    INFO(round);
    std::string expected = "[";  // (not "[" + …: GCC 12 warns wrongly about that, -Wrestrict)
    expected += reference(mixed);
    REQUIRE(out == expected);
  }
}

TEST_CASE("analyse: excerpts are cut at a word boundary", "[search][index]") {
  search::Doc doc;
  doc.url = "a.html";
  doc.title = "A";
  doc.sections = {{"", "", "een twee drie vier vijf zes zeven acht negen tien"}};
  const auto excerpts = nlohmann::json::parse(search::analyse(doc, 12).excerpts);
  CHECK(excerpts == nlohmann::json::array({"een twee drie…"}));
}

TEST_CASE("excerpt_prefix: a page keeps only the start its excerpts need", "[search][index]") {
  // Words of every length (one longer than any limit), runs of mixed white space, accents.
  const std::vector<std::string> words = {"de", "jobcoach", "cliënt", "re-integratie", "  ", "\n\n", "\t",
                                          "arbeidsdeskundigenrapportagevoorwaardenoverzichtsdocument"};
  uint32_t seed = 7;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  for (int round = 0; round < 200; ++round) {
    std::string text = round % 3 ? "" : " ";
    const int n = static_cast<int>(next() % 120);
    for (int w = 0; w < n; ++w) text += words[(next() >> 8) % words.size()] + ((next() >> 8) % 4 ? " " : "");
    const size_t max_chars = 60 + (next() >> 8) % 261;
    const std::string prefix(search::excerpt_prefix(text, max_chars));
    CHECK(text.compare(0, prefix.size(), prefix) == 0);
    for (size_t limit = 1; limit <= max_chars; ++limit) {
      INFO("round " << round << ", limit " << limit);
      REQUIRE(search::excerpts({prefix}, limit) == search::excerpts({text}, limit));
    }
  }
  // A long section keeps about max_chars, not all of it.
  std::string long_text;
  for (int i = 0; i < 1000; ++i) long_text += "woord ";
  CHECK(search::excerpt_prefix(long_text, 320).size() < 330);
}

TEST_CASE("build_index: manifest, prefix shards, names and excerpt chunks", "[search][index]") {
  std::vector<search::IndexedDoc> docs;
  for (int p = 0; p < 40; ++p) {
    search::Doc doc;
    doc.url = "map/pagina-" + std::to_string(p) + ".html";
    doc.title = p == 7 ? "Jobcoachorganisatie" : "Pagina " + std::to_string(p);
    doc.sections = {{"", "", "Werk en begeleiding " + std::to_string(p)},
                    {"Cliënt & werkgever", "client-werkgever", p % 2 ? "Een organisatie." : "Zeven uren, een jobcoach."},
                    {"Kosten", "kosten-2", "Wie betaalt?"}};
    docs.push_back(search::analyse(doc, 100));
  }
  search::IndexOptions options;
  options.shard_bytes = 400;  // force splitting
  options.names_bytes = 800;
  options.chunk_bytes = 1000;
  const auto index = search::build_index(docs, options);
  CHECK(index.docs == 120);
  REQUIRE(index.files.count("search/index.js"));
  const auto manifest = payload(index.files.at("search/index.js"));
  CHECK(manifest["docs"] == 120);
  CHECK(decode(manifest["sections"]) == std::vector<uint32_t>(40, 3));
  // names and excerpts of page ranges: the ranges start at page 0, ascend, and cover every page
  for (const char* list : {"names", "chunks"}) {
    INFO(list);
    REQUIRE(manifest[list].size() > 1);
    CHECK(manifest[list][0][0] == 0);
    size_t pages = 0;
    for (size_t i = 0; i < manifest[list].size(); ++i) {
      const auto file = payload(index.files.at("search/" + manifest[list][i][1].get<std::string>() + ".js"));
      CHECK(manifest[list][i][0] == pages);
      pages += (file.is_array() ? file : file["p"]).size();
    }
    CHECK(pages == 40);
  }
  // every file the manifest names exists and registers itself under that name
  std::vector<std::string> named;
  for (const auto& [prefix, name] : manifest["shards"].items()) named.push_back(name);
  for (const auto& entry : manifest["names"]) named.push_back(entry[1]);
  for (const auto& entry : manifest["chunks"]) named.push_back(entry[1]);
  for (const auto& name : named) {
    const std::string path = "search/" + name + ".js";
    REQUIRE(index.files.count(path));
    CHECK(index.files.at(path).rfind("WijzerZoek.laad(\"" + name + "\",", 0) == 0);
  }
  CHECK(named.size() + 1 == index.files.size());
  CHECK(manifest["shards"].size() > 5);
  // postings: doc ids and weights survive the round trip
  const auto werk = postings_of(index, "werk");
  REQUIRE(werk.size() == 40);
  CHECK(werk[0] == std::pair<uint32_t, uint32_t>{0, search::kBody});
  CHECK(werk[39] == std::pair<uint32_t, uint32_t>{117, search::kBody});
  const auto client = postings_of(index, "client");
  REQUIRE(client.size() == 40);
  CHECK(client[1] == std::pair<uint32_t, uint32_t>{4, search::kHeading});
  // compound parts: organisatie → jobcoachorganisatie, whose postings the shard of organisatie
  // carries too (they are in another shard)
  bool compound = false;
  nlohmann::json copied, own;
  for (const auto& [path, bytes] : index.files)
    if (path.rfind("search/t", 0) == 0) {
      auto data = payload(bytes);
      if (data["c"].contains("organisatie")) {
        compound = data["c"]["organisatie"] == nlohmann::json::array({"jobcoachorganisatie"});
        copied = data["x"].value("jobcoachorganisatie", nlohmann::json());
        CHECK_FALSE(data["t"].contains("jobcoachorganisatie"));
      }
      if (data["t"].contains("jobcoachorganisatie")) {
        own = data["t"]["jobcoachorganisatie"];
        CHECK(data["x"].empty());
      }
    }
  CHECK(compound);
  CHECK(own.is_string());
  CHECK(copied == own);
  // names: front-coded URLs, headings once per file, an anchor only where the heading does not give it
  const auto names = payload(*file_with(index, "search/n0."));
  CHECK(names["h"] == nlohmann::json::array({"Cliënt & werkgever", "Kosten"}));
  CHECK(names["p"][0] == nlohmann::json::parse(R"([0, "map/pagina-0.html", "Pagina 0", 0, [1, "kosten-2"]])"));
  CHECK(names["p"][1] == nlohmann::json::parse(R"([11, "1.html", "Pagina 1", 0, [1, "kosten-2"]])"));
  // excerpts: per page, intro first
  const auto chunk = payload(*file_with(index, "search/d0."));
  CHECK(chunk[0] == nlohmann::json::array({"Werk en begeleiding 0", "Zeven uren, een jobcoach.", "Wie betaalt?"}));
  CHECK(chunk[1][1] == "Een organisatie.");
  // the same input gives the same bytes
  CHECK(search::build_index(docs, options).files == index.files);
}

TEST_CASE("html_sections: generated pages split at headings with an id", "[search][index]") {
  const auto sections = html_sections(
      "<p>Intro &amp; meer</p><script>var x = 1;</script><h2 id=\"vraag-1\">Is er <em>werk</em>?</h2>"
      "<p>Ja&nbsp;of nee.</p><h3>Zonder id</h3><p>Tekst</p>");
  REQUIRE(sections.size() == 2);
  CHECK(sections[0].text.find("Intro & meer") != std::string::npos);
  CHECK(sections[0].text.find("var x") == std::string::npos);
  CHECK(sections[1].anchor == "vraag-1");
  CHECK(sections[1].heading == "Is er  werk ?");
  CHECK(sections[1].text.find("Ja of nee.") != std::string::npos);
  CHECK(sections[1].text.find("Zonder id") != std::string::npos);
}

TEST_CASE("html_sections: controls are no page text (forms, buttons, labels, nav, hidden, data-search=skip)",
          "[search][index]") {
  const auto sections = html_sections(
      "<p>Uitleg over werk.</p><h2 class=\"k\" data-search=\"skip\">Kies je antwoord</h2>"
      "<ul data-search=\"skip\"><li><ul><li>Ja</li></ul></li><li>Nee</li></ul><p>Na de keuzes.</p>"
      "<form><label>Naam</label><input hidden><button type=\"button\">Volgende</button></form>"
      "<nav aria-label=\"x\"><a>Opnieuw beginnen</a></nav><div hidden><div>Verborgen</div></div>"
      "<p class=\"hidden\">Zichtbaar</p><p>Einde.</p>");
  REQUIRE(sections.size() == 1);
  const std::string& text = sections[0].text;
  for (const char* gone : {"Kies je antwoord", "Ja", "Nee", "Naam", "Volgende", "Opnieuw", "Verborgen"})
    CHECK(text.find(gone) == std::string::npos);
  for (const char* kept : {"Uitleg over werk.", "Na de keuzes.", "Zichtbaar", "Einde."}) CHECK(text.find(kept) != std::string::npos);
}

TEST_CASE("path_matches: page weight patterns of the search data", "[search][data]") {
  using search::path_matches;
  CHECK(path_matches("stroomschema/*/q-*", "stroomschema/po-jobcoaching/q-uren.html"));
  CHECK_FALSE(path_matches("stroomschema/*/q-*", "stroomschema/po-jobcoaching/index.html"));
  CHECK_FALSE(path_matches("stroomschema/*/q-*", "stroomschema/a/b/q-uren.html"));
  CHECK(path_matches("regels/", "regels/protocol-jobcoach.html"));
  CHECK(path_matches("regels/", "regels/sub/pagina.html"));
  CHECK_FALSE(path_matches("regels/", "regels"));
  CHECK_FALSE(path_matches("regels/", "rollen/regels.html"));
  CHECK(path_matches("*/index.html", "trajecten/index.html"));
  CHECK(path_matches("over.html", "over.html"));
  CHECK_FALSE(path_matches("over.html", "over.htmlx"));
}

TEST_CASE("Markdown::section_texts: one text per heading section", "[search][markdown]") {
  Markdown md("Intro *tekst*.\n\n## Eerste\n\nA\nB\n\n- punt\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n### Twee\n\n```\ncode\n```\n");
  const auto headings = md.take_headings();
  const auto texts = md.section_texts();
  REQUIRE(headings.size() == 2);
  REQUIRE(texts.size() == 3);
  CHECK(texts[0] == "Intro tekst.\n");
  CHECK(texts[1].find("A B\n") == 0);
  CHECK(texts[1].find("punt") != std::string::npos);
  CHECK(texts[1].find("1 2") != std::string::npos);
  CHECK(texts[2] == "code\n\n");
}

TEST_CASE("Search feature: index, results page and A–Z list in a site build", "[search][site]") {
  MemoryTree tree;
  tree.set("templates/page.mustache",
           "{{page.title}}|{{{page.content}}}|{{#page_js}}<{{.}}>{{/page_js}}|{{#page_css}}<{{.}}>{{/page_css}}");
  tree.set("templates/section.mustache", "{{page.title}}|{{{page.content}}}");
  tree.set("templates/begrippen.mustache", "{{#glossary}}{{#terms}}[{{anchor}}]{{/terms}}{{/glossary}}");
  tree.set("templates/zoeken.mustache", "{{#search.letters}}{{letter}}:{{#pages}}({{title}}={{url}}){{/pages}}{{/search.letters}}");
  tree.set("site-assets/search/search.js", "/* zoeken */");
  tree.set("site-assets/search/search.css", ".zoekvak{}");
  tree.set("content/_index.md", "---\ntitle: Home\n---\nWelkom.\n");
  tree.set("content/rollen/_index.md", "---\ntitle: Rollen\n---\n");
  tree.set("content/rollen/jobcoach.md", "---\ntitle: Jobcoach\n---\n## Taken {#taken}\n\nDe jobcoach begeleidt de cliënt.\n");
  tree.set("content/begrippen/_index.md", "---\ntitle: Begrippenlijst\n---\n");
  tree.set("content/begrippen/begrippen.json",
           R"({"begrippen": [{"term": "proefplaatsing", "definitie": "Onbetaald werken met behoud van uitkering."},
                             {"term": "jobcoach", "definitie": "Begeleider op de werkplek.", "pagina": "../rollen/jobcoach.md"}]})");
  Diagnostics diags;
  MemorySink sink;
  build_site(tree, sink, diags, 2);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(sink.files.count("zoeken/index.html"));
  CHECK(sink.files.at("zoeken/index.html") ==
        "B:(Begrippenlijst=../begrippen/index.html)H:(Home=../index.html)J:(Jobcoach=../rollen/jobcoach.html)"
        "R:(Rollen=../rollen/index.html)");
  // every page loads the search styles by a URL relative to the page; search.js itself comes on
  // first use (portal.js), so it is not among the page's scripts
  CHECK(sink.files.at("rollen/jobcoach.html").find("<../assets/search/search.") != std::string::npos);
  CHECK(sink.files.at("rollen/jobcoach.html").find(".js>") == std::string::npos);
  REQUIRE(sink.files.count("search/index.js"));
  const auto manifest = payload(sink.files.at("search/index.js"));
  CHECK(manifest["docs"] == 1 + 1 + 2 + 3);  // home, rollen, jobcoach (+ taken), begrippen (+ 2 terms)
  // glossary terms are sections of the glossary page, with the anchors the glossary gives them
  std::string names, chunks;
  for (const auto& [path, bytes] : sink.files) {
    if (path.rfind("search/n", 0) == 0) names += bytes;
    if (path.rfind("search/d", 0) == 0) chunks += bytes;
  }
  INFO(names);
  CHECK(names.find(R"({"h":["proefplaatsing","jobcoach","Taken"])") != std::string::npos);
  CHECK(names.find(R"("Begrippenlijst",[0,"begrip-proefplaatsing"],[1,"begrip-jobcoach"]])") != std::string::npos);
  CHECK(names.find(R"("jobcoach.html","Jobcoach",2])") != std::string::npos);
  CHECK(chunks.find(R"("Onbetaald werken met behoud van uitkering.")") != std::string::npos);
  CHECK(sink.files.at("begrippen/index.html").find("[begrip-proefplaatsing]") != std::string::npos);
  CHECK(chunks.find(R"("De jobcoach begeleidt de cliënt.")") != std::string::npos);
}

TEST_CASE("Search feature: a site without the search script has no search", "[search][site]") {
  MemoryTree tree;
  tree.set("templates/page.mustache", "{{page.title}}");
  tree.set("templates/section.mustache", "{{page.title}}");
  tree.set("content/_index.md", "---\ntitle: Home\n---\n");
  Diagnostics diags;
  MemorySink sink;
  build_site(tree, sink, diags, 1);
  CHECK_FALSE(sink.files.count("zoeken/index.html"));
  CHECK_FALSE(sink.files.count("search/index.js"));
}
