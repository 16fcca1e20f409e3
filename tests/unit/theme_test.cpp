// The installed theme (issue 19): a source folder without templates/ or site-assets/ reads the
// theme's, per folder and whole; a link in the theme cannot lead the build outside it; the
// release data comes from the content, so builds stay byte-identical.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "build_info.h"
#include "new_command.h"
#include "output.h"
#include "portal.h"
#include "site.h"
#include "theme.h"

namespace fs = std::filesystem;
using namespace wijzer;

namespace {

/// A temporary folder with a source folder (content/ only) and a theme beside it, removed afterwards.
struct TempTheme {
  fs::path base, source, theme;
  TempTheme() {
    char tmpl[] = "/tmp/wijzer-theme-XXXXXX";
    base = mkdtemp(tmpl);
    source = base / "bron";
    theme = base / "share" / "wijzer";
    write(source / "content/_index.md", "---\ntitle: Home\nbijgewerkt: 2026-03-01\n---\nWelkom.\n");
    write(source / "content/a.md", "---\ntitle: A\nbijgewerkt: 2026-11-22\n---\nTekst.\n");
    write(source / "content/b.md", "---\ntitle: B\n---\nTekst.\n");
    write(theme / "templates/page.mustache", "THEMA {{release.date}} {{release.date_iso}} {{release.version}}");
    write(theme / "templates/section.mustache", "THEMA");
    write(theme / "site-assets/stijl.css", "body{}");
  }
  ~TempTheme() { fs::remove_all(base); }
  static void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
};

}  // namespace

TEST_CASE("theme: a source without templates/ and site-assets/ builds with the theme's", "[theme]") {
  TempTheme t;
  const ThemedTree tree(t.source, t.theme);
  CHECK(tree.list("templates") == std::vector<std::string>{"templates/page.mustache", "templates/section.mustache"});
  CHECK(tree.list("site-assets") == std::vector<std::string>{"site-assets/stijl.css"});
  CHECK(tree.display("templates/page.mustache") == (t.theme / "templates/page.mustache").string());
  Diagnostics diags;
  MemorySink sink;
  build_site(tree, sink, diags, 1);
  REQUIRE_FALSE(diags.has_errors());
  // The content date is the newest bijgewerkt of any page, whatever the page order.
  CHECK(sink.files.at("a.html") == std::string("THEMA 22 november 2026 2026-11-22 ") + wijzer_version());
}

TEST_CASE("theme: the source's own folder replaces the theme's whole, per folder", "[theme]") {
  TempTheme t;
  TempTheme::write(t.source / "templates/page.mustache", "EIGEN");
  const ThemedTree tree(t.source, t.theme);
  // Only the source's templates: the theme's section.mustache is not mixed in.
  CHECK(tree.list("templates") == std::vector<std::string>{"templates/page.mustache"});
  CHECK(tree.list("site-assets") == std::vector<std::string>{"site-assets/stijl.css"});
  CHECK(*tree.read("templates/page.mustache") == "EIGEN");
  CHECK_FALSE(tree.read("templates/section.mustache"));
}

TEST_CASE("theme: without a theme the tree is the source folder alone", "[theme]") {
  TempTheme t;
  const ThemedTree tree(t.source, std::nullopt);
  CHECK(tree.list("templates").empty());
  CHECK(tree.read("content/a.md"));
}

TEST_CASE("theme: a link in the theme to a file outside it is not followed", "[theme]") {
  TempTheme t;
  TempTheme::write(t.base / "geheim.txt", "GEHEIM");
  fs::create_symlink(t.base / "geheim.txt", t.theme / "templates/geheim.mustache");
  const ThemedTree tree(t.source, t.theme);
  CHECK_FALSE(tree.read("templates/geheim.mustache"));
  Diagnostics diags;
  tree.check_entries("templates", diags);
  CHECK(diags.has_errors());
}

TEST_CASE("new: copies the starter into an absent or empty folder, refuses anything else", "[theme]") {
  TempTheme t;
  TempTheme::write(t.theme / "starter/content/_index.md", "---\ntitle: Start\n---\n");
  std::ostringstream out, err;
  CHECK(run_new(t.theme / "starter", t.base / "nieuw", out, err) == 0);
  CHECK(fs::exists(t.base / "nieuw/content/_index.md"));
  CHECK(run_new(t.theme / "starter", t.base / "nieuw", out, err) == 1);
  CHECK(err.str().find("niet leeg") != std::string::npos);
  CHECK(run_new(t.base / "geen-starter", t.base / "elders", out, err) == 1);
  CHECK_FALSE(fs::exists(t.base / "elders"));
}
