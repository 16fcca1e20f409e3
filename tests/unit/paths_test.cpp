#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
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
