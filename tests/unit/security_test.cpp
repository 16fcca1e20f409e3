// Output security (issue 8, part 6): content cannot inject script. Raw HTML in markdown is shown
// as text, script URLs are errors, front matter and data are escaped. Each build uses the real
// templates and features, and every page is checked with the fuzzers' oracle (no live <script>,
// on*= attribute or script URL that did not come from the templates).
#include <catch2/catch.hpp>

#include "portal_build.h"

using namespace wijzer;

namespace {

using Built = test::BuiltSite;

std::unique_ptr<Built> build(const std::map<std::string, std::string>& files) { return test::build_with(files); }

std::unique_ptr<Built> page(const std::string& body, const std::string& front = "title: Test\n") {
  return build({{"content/gids/test.md", "---\n" + front + "---\n" + body}});
}

/// No page holds a live script, handler or script URL from content.
void check_inert(const Built& b) {
  for (const auto& [path, html] : b.sink.files) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html")) continue;
    const char* what = fuzz::unsafe_html(html, true);
    INFO(path << ":\n" << html.substr(0, 3000));
    CHECK(what == nullptr);
  }
}

const std::string& out(const Built& b, const std::string& path = "gids/test.html") { return b.sink.files.at(path); }

bool has(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }

}  // namespace

TEST_CASE("the unsafe-HTML oracle sees scripts, handlers and script URLs", "[security]") {
  CHECK(fuzz::unsafe_html("<p>a</p><SCRIPT>x</SCRIPT>") != nullptr);
  CHECK(fuzz::unsafe_html("<img src=x onerror=alert(1)>") != nullptr);
  CHECK(fuzz::unsafe_html("<a href=\" JaVa\tScRiPt:x\">") != nullptr);
  CHECK(fuzz::unsafe_html("<a title=\"x onclick=y\" href=\"a.html\">&lt;script&gt;</a>") == nullptr);
  CHECK(fuzz::unsafe_html("<script src=\"../assets/js/portal.1.js\" defer></script>", true) == nullptr);
  CHECK(fuzz::unsafe_html("<script src=\"../assets/js/portal.1.js\" defer></script>") != nullptr);
}

TEST_CASE("a <script> in markdown is shown as text", "[security]") {
  auto b = page("Voor <script>alert(1)</script> na.\n\n<script>\nalert(2)\n</script>\n");
  CHECK(b->errors().empty());
  CHECK(has(out(*b), "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(has(out(*b), "&lt;script&gt;\nalert(2)\n&lt;/script&gt;"));
  CHECK(b->diags.warning_count() >= 2);  // "ruwe HTML is niet toegestaan"
  check_inert(*b);
}

TEST_CASE("raw HTML with event handlers is inert text", "[security]") {
  auto b = page("Foto <img src=x onerror=alert(1)> en <a href=\"#\" onclick=\"alert(1)\">klik</a>.\n\n"
                "<div onmouseover=\"alert(1)\">blok</div>\n\n<svg onload=alert(1)>\n");
  CHECK(b->errors().empty());
  CHECK(has(out(*b), "&lt;img src=x onerror=alert(1)&gt;"));
  CHECK(has(out(*b), "&lt;div onmouseover=&quot;alert(1)&quot;&gt;"));
  check_inert(*b);
}

TEST_CASE("javascript: links are errors, in every disguise", "[security]") {
  for (const std::string url : {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "JaVaScRiPt:alert(1)",
                                "java&#x09;script:alert(1)", "java&#9;script:alert(1)", "&#x20;javascript:alert(1)",
                                "javascript&#58;alert(1)", "&#106;avascript:alert(1)", "vbscript:msgbox(1)",
                                "data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD4=",
                                "<javascript:alert(1)>", "//evil.example/x.js"}) {
    INFO(url);
    auto b = page("[klik](" + url + ")\n");
    REQUIRE(b->diags.has_errors());
    CHECK(has(b->errors(), "content/gids/test.md:4:1: error: link"));
    check_inert(*b);
  }
}

TEST_CASE("reference links and autolinks with script URLs are errors", "[security]") {
  auto ref = page("[klik][x]\n\n[x]: javascript:alert(1)\n");
  CHECK(has(ref->errors(), "niet-toegestaan schema 'javascript:'"));
  auto autolink = page("Zie <javascript:alert(1)> of <JAVASCRIPT:alert(1)>.\n");
  CHECK(autolink->diags.error_count() == 2);
  // GFM's bare autolinks only make http(s), mailto and www links: allowed as they are.
  auto fine = page("Zie https://www.uwv.nl en www.rijksoverheid.nl of mail info@example.org.\n");
  CHECK(fine->errors().empty());
  CHECK(has(out(*fine), "href=\"https://www.uwv.nl\""));
  check_inert(*ref);
  check_inert(*autolink);
  check_inert(*fine);
}

TEST_CASE("images with script URLs are errors", "[security]") {
  for (const std::string url : {"javascript:alert(1)", "JavaScript:alert(1)", "data:image/svg+xml,%3Csvg%20onload=alert(1)%3E",
                                "java&#x0A;script:alert(1)"}) {
    INFO(url);
    auto b = page("![foto](" + url + ")\n");
    CHECK(b->diags.has_errors());
    check_inert(*b);
  }
}

TEST_CASE("a link title cannot break out of its attribute", "[security]") {
  auto b = page("[stap](stap.md \"x\\\" onclick=\\\"alert(1)\") en [start](../_index.md 'a\" onmouseover=\"alert(1)')\n");
  CHECK(b->errors().empty());
  CHECK(has(out(*b), "title=\"x&quot; onclick=&quot;alert(1)\""));
  check_inert(*b);
}

TEST_CASE("front matter title and description are escaped", "[security]") {
  auto b = page("Tekst.\n", "title: \"<script>alert(1)</script>\"\n"
                            "description: 'x\" onmouseover=\"alert(1)\" y=\"<img src=x onerror=alert(2)>'\n");
  CHECK(b->errors().empty());
  const std::string& html = out(*b);
  CHECK_FALSE(has(html, "<script>alert(1)"));
  CHECK((has(html, "&lt;script&gt;alert(1)&lt;&#x2F;script&gt;") || has(html, "&lt;script&gt;alert(1)&lt;/script&gt;")));
  CHECK_FALSE(has(html, "\" onmouseover=\""));
  check_inert(*b);
  // The title also shows in navigation, breadcrumbs and previous/next links of other pages.
  for (const auto& [path, other] : b->sink.files)
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) CHECK_FALSE(has(other, "<script>alert"));
}

TEST_CASE("a heading with markup gets a clean anchor and escaped text", "[security]") {
  auto b = page("## <img src=x onerror=alert(1)> kop {#eigen}\n\n## \"><script>alert(1)</script>\n");
  CHECK(b->errors().empty());
  check_inert(*b);
}

TEST_CASE("a glossary definition with markup is escaped", "[security]") {
  const std::string json = R"J({"begrippen": [
    {"term": "jobcoach", "definitie": "<script>alert(1)</script> en <img src=x onerror=alert(2)> \" onmouseover=\"alert(3)"},
    {"term": "<b onclick=alert(4)>werkgever</b>", "definitie": "Iemand <a href=\"javascript:alert(5)\">die</a> werk geeft."}
  ]})J";
  auto b = build({{"content/begrippen/_index.md", "---\ntitle: Begrippen\n---\n"},
                  {"content/begrippen/begrippen.json", json},
                  {"content/gids/test.md", "---\ntitle: Test\n---\nDe jobcoach helpt.\n"}});
  CHECK(b->errors().empty());
  CHECK(has(out(*b), "&lt;script&gt;alert(1)&lt;"));  // the definition shown beside the term
  CHECK(has(out(*b, "begrippen/index.html"), "&lt;script&gt;alert(1)&lt;"));
  check_inert(*b);
}
