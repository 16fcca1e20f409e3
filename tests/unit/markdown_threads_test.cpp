#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "markdown.h"

using namespace wijzer;

namespace {

/// How often `needle` occurs in `text`.
size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

// cmark-gfm keeps inline special characters in one process-wide table; a parse that ends on one
// thread must not switch off strikethrough or autolinks for a parse still running on another.
// Bodies without a '~' parse without a lock (markdown.cpp), bodies with one take it: both kinds
// run at the same time here.
TEST_CASE("markdown extensions hold while pages parse on several threads", "[markdown][threads]") {
  std::string struck, linked;
  for (int i = 0; i < 40; ++i) {
    struck += "Regel " + std::to_string(i) + " met ~~weg~~ en https://example.org/" + std::to_string(i) + ".\n\n";
    linked += "Regel " + std::to_string(i) + " met www.example.org/" + std::to_string(i) + " en https://example.org/" +
              std::to_string(i) + ".\n\n";
  }
  std::atomic<int> missing{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      const bool tilde = t % 2 == 0;
      for (int k = 0; k < 150; ++k) {
        Markdown md(tilde ? struck : linked);
        const std::string html = md.render({});
        const size_t links = count(html, "<a href=\"https://example.org/") + count(html, "<a href=\"http://www.example.org/");
        if (tilde ? count(html, "<del>") != 40 || links != 40 : links != 80) ++missing;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(missing == 0);
}

// The lock-free parse attaches no strikethrough: a body without '~' must still render as with it,
// and a body with one must still strike through (task lists, tables and footnotes as before).
TEST_CASE("markdown without a tilde renders as before", "[markdown][threads]") {
  Markdown plain("- [x] klaar\n- [ ] open\n\n| a | b |\n|---|---|\n| www.example.org | c |\n\nTekst[^1].\n\n[^1]: Noot.\n");
  const std::string html = plain.render({});
  CHECK(html.find("checked=\"\" disabled=\"\"") != std::string::npos);
  CHECK(html.find("<table>") != std::string::npos);
  CHECK(html.find("<a href=\"http://www.example.org\">www.example.org</a>") != std::string::npos);
  CHECK(html.find("data-footnote") != std::string::npos);
  Markdown tilde("Dit is ~~weg~~ en ~ca. 3.\n");
  CHECK(tilde.render({}) == "<p>Dit is <del>weg</del> en ~ca. 3.</p>\n");
}
