#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "html_trim.h"

using namespace wijzer;

namespace {

/// Each line's trailing spaces and tabs dropped, lines inside <pre>…</pre> kept: the rule,
/// written plainly.
std::string reference(const std::string& html) {
  std::string out;
  size_t pos = 0;
  while (pos < html.size()) {
    const size_t pre = html.find("<pre", pos);
    const size_t stop = pre == std::string::npos ? html.size() : pre;
    while (pos < stop) {
      const size_t nl = html.find('\n', pos);
      if (nl == std::string::npos || nl >= stop) {
        out.append(html, pos, stop - pos);
        pos = stop;
        break;
      }
      size_t end = nl;
      while (end > pos && (html[end - 1] == ' ' || html[end - 1] == '\t')) --end;
      out.append(html, pos, end - pos);
      out += '\n';
      pos = nl + 1;
    }
    if (pre == std::string::npos) break;
    size_t close = html.find("</pre>", pre);
    close = close == std::string::npos ? html.size() : close + 6;
    out.append(html, pre, close - pre);
    pos = close;
  }
  return out;
}

std::string trimmed(std::string html) {
  trim_line_ends(html);
  return html;
}

}  // namespace

TEST_CASE("trim_line_ends drops spaces and tabs at line ends, but not inside <pre>", "[html]") {
  CHECK(trimmed("<p>a</p>  \n\t<p>b</p>\t \n") == "<p>a</p>\n\t<p>b</p>\n");
  CHECK(trimmed("  \n \n") == "\n\n");
  CHECK(trimmed("a \n<pre>x  \ny \n</pre>  \nb  ") == "a\n<pre>x  \ny \n</pre>\nb  ");
  CHECK(trimmed("<pre>never closed  \n") == "<pre>never closed  \n");
  CHECK(trimmed("x <pre>a \n</pre> y \n") == "x <pre>a \n</pre> y\n");
  CHECK(trimmed("") == "");
  // A page with a NUL byte takes the line-by-line walk, with the same result.
  const std::string nul = std::string("a \n\0 b  \n<pre> \n</pre> \n", 22);
  CHECK(trimmed(nul) == reference(nul));

  // Random pages of the few characters that matter.
  std::minstd_rand random(7);
  const char* pieces[] = {" ", "\t", "\n", "x", "<pre>", "</pre>", "<p>", "  \n", "<pr", "</pre"};
  for (int n = 0; n < 20000; ++n) {
    std::string html;
    for (int k = static_cast<int>(random() % 24); k > 0; --k) html += pieces[random() % 10];
    INFO('"' << html << '"');
    REQUIRE(trimmed(html) == reference(html));
  }
}
