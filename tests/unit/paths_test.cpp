#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <optional>
#include <random>
#include <vector>
#include <string_view>

#include "paths.h"

using namespace wijzer;

TEST_CASE("resolve_relative follows . and .. from the linking file", "[links]") {
  CHECK(resolve_relative("rollen/jobcoach.md", "../regels/protocol.md") == "regels/protocol.md");
  CHECK(resolve_relative("rollen/jobcoach.md", "werkgever.md") == "rollen/werkgever.md");
  CHECK(resolve_relative("_index.md", "./rollen/_index.md") == "rollen/_index.md");
  CHECK(resolve_relative("a/b/c.md", "../../d.md") == "d.md");
  CHECK(resolve_relative("a/b.md", "../") == "/");
  CHECK_FALSE(resolve_relative("a.md", "../buiten.md").has_value());
}

TEST_CASE("resolve_relative agrees with a stack of parts on random paths", "[links]") {
  // The way resolve_relative worked before it joined parts as it went.
  auto reference = [](const std::string& from, const std::string& relative) -> std::optional<std::string> {
    std::vector<std::string> stack;
    auto parts = [](const std::string& text) {
      std::vector<std::string> out;
      for (size_t begin = 0;;) {
        const size_t slash = text.find('/', begin);
        out.push_back(text.substr(begin, slash == std::string::npos ? std::string::npos : slash - begin));
        if (slash == std::string::npos) return out;
        begin = slash + 1;
      }
    };
    if (const size_t last = from.rfind('/'); last != std::string::npos) stack = parts(from.substr(0, last));
    bool outside = false;
    for (const std::string& part : parts(relative)) {
      if (part.empty() || part == ".") continue;
      if (part == "..") {
        if (stack.empty()) outside = true;
        else stack.pop_back();
      } else if (!outside) {
        stack.push_back(part);
      }
    }
    if (outside) return std::nullopt;
    std::string out;
    for (const auto& part : stack) out += (out.empty() ? "" : "/") + part;
    if (!relative.empty() && relative.back() == '/') out += '/';
    return out;
  };
  std::minstd_rand random(99);
  const char* pieces[] = {"a", "bc", "/", "/", ".", "..", "../", "./", "x.md", "//"};
  auto path = [&] {
    std::string p;
    for (int k = static_cast<int>(random() % 7); k > 0; --k) p += pieces[random() % 10];
    return p;
  };
  for (int n = 0; n < 20000; ++n) {
    const std::string from = path(), relative = path();
    INFO(from << " + " << relative);
    REQUIRE(resolve_relative(from, relative) == reference(from, relative));
  }
}

TEST_CASE("relative_url names files and works from any folder depth", "[links]") {
  CHECK(relative_url("rollen/jobcoach.html", "regels/index.html") == "../regels/index.html");
  CHECK(relative_url("rollen/jobcoach.html", "rollen/index.html") == "index.html");
  CHECK(relative_url("index.html", "rollen/jobcoach.html") == "rollen/jobcoach.html");
  CHECK(relative_url("a/b/c.html", "index.html") == "../../index.html");
  CHECK(relative_url("a/b/c.html", "a/d/e.html") == "../d/e.html");
  CHECK(relative_url("x.html", "met spatie/één.html") == "met%20spatie/%C3%A9%C3%A9n.html");
}

TEST_CASE("relative_url agrees with a byte-by-byte walk on paths that share long prefixes", "[links]") {
  // The walk relative_url did before it compared eight bytes at a time.
  auto reference = [](const std::string& from, const std::string& to) {
    size_t common = 0;
    for (size_t i = 0; i < from.size() && i < to.size() && from[i] == to[i]; ++i)
      if (from[i] == '/') common = i + 1;
    std::string out;
    for (size_t i = from.find('/', common); i != std::string::npos; i = from.find('/', i + 1)) out += "../";
    return out + url_encode_path(to.substr(common));
  };
  std::minstd_rand random(18);
  const std::string alphabet = "ab/\xC3\xA9 ";
  auto path = [&](size_t length) {
    std::string p;
    for (size_t i = 0; i < length; ++i) p += alphabet[random() % alphabet.size()];
    return p + ".html";
  };
  for (int n = 0; n < 4000; ++n) {
    const std::string from = path(random() % 24);
    // Often the same start as `from`, so common prefixes of every length are met.
    std::string to = n % 2 ? from.substr(0, random() % (from.size() + 1)) + path(random() % 12) : path(random() % 24);
    INFO(from << " -> " << to);
    REQUIRE(relative_url(from, to) == reference(from, to));
  }
  CHECK(relative_url("abcdefghij/k.html", "abcdefghij/l.html") == "l.html");
  CHECK(relative_url("abcdefghijk/x.html", "abcdefghijz/y.html") == "../abcdefghijz/y.html");
  CHECK(relative_url("a/abcdefghijklmnop/q.html", "a/abcdefghijklmnop/r/s.html") == "r/s.html");
}

TEST_CASE("url_encode_path keeps letters, digits, - _ . ~ / and writes every other byte as %XX", "[links]") {
  for (int c = 1; c < 256; ++c) {
    const std::string byte(1, static_cast<char>(c));
    const bool keep = std::isalnum(c) || std::string_view("-_.~/").find(static_cast<char>(c)) != std::string_view::npos;
    char hex[4];
    std::snprintf(hex, sizeof hex, "%%%02X", c);
    INFO(c);
    CHECK(url_encode_path("a" + byte + "b") == "a" + (keep && c < 128 ? byte : std::string(hex)) + "b");
  }
}

TEST_CASE("root_prefix climbs to the site root", "[links]") {
  CHECK(root_prefix("index.html").empty());
  CHECK(root_prefix("a/b/c.html") == "../../");
}
