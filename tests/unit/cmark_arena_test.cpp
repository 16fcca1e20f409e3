#include <catch2/catch.hpp>

#include <cmark-gfm.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>

#include "cmark_arena.h"
#include "markdown.h"

using namespace wijzer;

namespace {

bool aligned(const void* p) { return reinterpret_cast<uintptr_t>(p) % alignof(std::max_align_t) == 0; }

}  // namespace

TEST_CASE("cmark arena: aligned, zeroed, separate allocations that keep their bytes", "[markdown][arena]") {
  CmarkArena arena;
  CmarkArena::Scope scope(arena);
  cmark_mem* mem = CmarkArena::mem();
  std::vector<unsigned char*> blocks;
  for (size_t i = 1; i <= 300; ++i) {
    auto* p = static_cast<unsigned char*>(mem->calloc(i, 7));
    REQUIRE(aligned(p));
    for (size_t k = 0; k < i * 7; ++k) REQUIRE(p[k] == 0);
    std::memset(p, static_cast<int>(i), i * 7);
    blocks.push_back(p);
  }
  for (size_t i = 1; i <= 300; ++i)
    for (size_t k = 0; k < i * 7; ++k) REQUIRE(blocks[i - 1][k] == static_cast<unsigned char>(i));
  CHECK(arena.reserved() >= 300 * 301 / 2 * 7);
}

TEST_CASE("cmark arena: the newest allocation grows and is given back in place", "[markdown][arena]") {
  CmarkArena arena;
  CmarkArena::Scope scope(arena);
  cmark_mem* mem = CmarkArena::mem();
  auto* older = static_cast<char*>(mem->calloc(1, 16));
  std::memcpy(older, "ouder", 6);
  auto* newest = static_cast<char*>(mem->calloc(1, 16));
  std::memcpy(newest, "nieuw", 6);
  // A buffer that grows (cmark_strbuf) stays where it is while the block has room.
  CHECK(mem->realloc(newest, 4000) == newest);
  CHECK(std::string(newest) == "nieuw");
  // An older one moves, with its bytes.
  auto* moved = static_cast<char*>(mem->realloc(older, 64));
  CHECK(moved != older);
  CHECK(std::string(moved) == "ouder");
  // Giving back the newest makes room for the next; an older one stays taken.
  mem->free(moved);
  CHECK(mem->calloc(1, 64) == moved);
  mem->free(newest);
  CHECK(mem->calloc(1, 8) != newest);
  mem->free(nullptr);
}

TEST_CASE("cmark arena: a request larger than a block gets a block of its own", "[markdown][arena]") {
  CmarkArena arena;
  CmarkArena::Scope scope(arena);
  cmark_mem* mem = CmarkArena::mem();
  const size_t big = size_t{5} << 20;
  auto* p = static_cast<unsigned char*>(mem->calloc(1, big));
  p[0] = 1;
  p[big - 1] = 2;
  CHECK(arena.reserved() >= big);
  CHECK(arena.reserved() < big + (size_t{2} << 20));
  auto* q = static_cast<unsigned char*>(mem->realloc(p, big * 2));
  CHECK(q[0] == 1);
  CHECK(q[big - 1] == 2);
}

TEST_CASE("cmark arena: scopes nest; each Markdown allocates from its own arena", "[markdown][arena]") {
  CmarkArena outer, inner;
  CmarkArena::Scope a(outer);
  CmarkArena::mem()->calloc(1, 10);
  const size_t outer_before = outer.reserved();
  {
    CmarkArena::Scope b(inner);
    CmarkArena::mem()->calloc(1, size_t{100} << 10);
  }
  CHECK(outer.reserved() == outer_before);
  CHECK(inner.reserved() >= size_t{100} << 10);
  CmarkArena::mem()->calloc(1, size_t{100} << 10);
  CHECK(outer.reserved() > outer_before);

  // Two bodies alive at once, used in turns: every pass allocates (literals, URLs, new nodes).
  const std::string body =
      "# Kop {#eigen}\n\nTekst met [een link](a.md) en <b>html</b>.\n\n| a | b |\n|---|---|\n| c | d |\n\n- [x] klaar\n";
  Markdown first(body), second(body + "\nNog een alinea met ~~weg~~.\n");
  auto h1 = first.take_headings();
  auto h2 = second.take_headings();
  first.rewrite_links([](const std::string& url, int, int, bool) { return url + std::string(500, 'x'); });
  second.neutralize_raw_html([](int, int) {});
  first.replace_text([](const std::string& text) -> std::optional<std::string> {
    if (text.find("Tekst") == std::string::npos) return std::nullopt;
    return "<span>vervangen</span>";
  });
  const std::string html1 = first.render(h1);
  const std::string html2 = second.render(h2);
  CHECK(html1.find("<h1 id=\"eigen\">Kop</h1>") != std::string::npos);
  CHECK(html1.find(std::string(500, 'x')) != std::string::npos);
  CHECK(html1.find("<span>vervangen</span>") != std::string::npos);
  CHECK(html2.find("&lt;b&gt;html&lt;/b&gt;") != std::string::npos);
  CHECK(html2.find("<del>weg</del>") != std::string::npos);
  CHECK(html2.find("<table>") != std::string::npos);
  CHECK(second.section_texts().size() == 2);
}

TEST_CASE("a body parses the same without the extensions it cannot use", "[markdown]") {
  // Each extension still acts where its characters are.
  CHECK(Markdown("Zie https://www.uwv.nl/a.").render({}).find("<a href=\"https://www.uwv.nl/a\">") != std::string::npos);
  CHECK(Markdown("Zie www.uwv.nl.").render({}).find("<a href=\"http://www.uwv.nl\">") != std::string::npos);
  CHECK(Markdown("Mail info@uwv.nl.").render({}).find("<a href=\"mailto:info@uwv.nl\">") != std::string::npos);
  CHECK(Markdown("- [ ] taak\n- [x] klaar\n").render({}).find("checkbox") != std::string::npos);
  CHECK(Markdown("| a |\n|---|\n| b |\n").render({}).find("<table>") != std::string::npos);
  CHECK(Markdown("~~weg~~").render({}).find("<del>weg</del>") != std::string::npos);
  // A caret written escaped or as an entity after a '[' is text: cmark-gfm with footnotes on made
  // "[^x]]" of the one and cut the paragraph off after the other.
  CHECK(Markdown("[\\^x]").render({}) == "<p>[^x]</p>\n");
  CHECK(Markdown("Een [&#94;x] en [\\^y] hier.").render({}) == "<p>Een [^x] en [^y] hier.</p>\n");
  CHECK(Markdown("[&Hat;1] en [&#x5E;2]").render({}) == "<p>[^1] en [^2]</p>\n");
  // A real footnote still is one.
  CHECK(Markdown("Zie[^1].\n\n[^1]: De noot.\n").render({}).find("data-footnote") != std::string::npos);
  // Random bodies of near misses and hits, rendered with only the extensions they can use and
  // with all of them (and footnotes always on): the same HTML, the same headings (a custom id after a ':' or a 'w').
  const std::vector<std::string> parts = {
      "werk", " ", ":", "w", "ww.", "www.", "http", "://", "/", "@", "a", ".nl", "|", "-", "---", "\n",
      "\n\n", "[", "]", "[ ]", "[x]", "[X]", "- ", "* ", "1. ", "~", "# ", "{#wijk}", "`", "(", ")", "x",
      // Footnotes (parsed only when the body has a "[^") and their near misses.
      "^", "[^1]", "[^1]: noot\n", "&amp;", "&"};
  std::minstd_rand next(2024);  // the same bodies on every run
  for (int n = 0; n < 3000; ++n) {
    std::string body;
    const int length = 1 + static_cast<int>(next() % 24);
    for (int k = 0; k < length; ++k) body += parts[next() % parts.size()];
    INFO(body);
    Markdown some(body), every(body, nullptr, true);
    const auto h1 = some.take_headings();
    const auto h2 = every.take_headings();
    REQUIRE(h1.size() == h2.size());
    for (size_t i = 0; i < h1.size(); ++i) REQUIRE(h1[i].anchor == h2[i].anchor);
    REQUIRE(some.section_texts() == every.section_texts());
    REQUIRE(some.render(h1) == every.render(h2));
  }
}
