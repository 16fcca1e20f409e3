#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "markdown.h"

using namespace wijzer;

// cmark-gfm keeps inline special characters in one process-wide table; a parse that ends on one
// thread must not switch off strikethrough or autolinks for a parse still running on another.
TEST_CASE("markdown extensions hold while pages parse on several threads", "[markdown][threads]") {
  std::string body;
  for (int i = 0; i < 40; ++i) body += "Regel " + std::to_string(i) + " met ~~weg~~ en https://example.org/" + std::to_string(i) + ".\n\n";
  std::atomic<int> missing{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int k = 0; k < 150; ++k) {
        Markdown md(body);
        const std::string html = md.render({});
        size_t dels = 0, links = 0;
        for (size_t at = html.find("<del>"); at != std::string::npos; at = html.find("<del>", at + 1)) ++dels;
        for (size_t at = html.find("<a href=\"https://example.org/"); at != std::string::npos; at = html.find("<a href=\"https://example.org/", at + 1)) ++links;
        if (dels != 40 || links != 40) ++missing;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(missing == 0);
}
