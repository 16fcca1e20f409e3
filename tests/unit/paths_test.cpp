#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <random>
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
