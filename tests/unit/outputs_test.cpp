// Every output path has one owner (issue 13, finding 4): a static file in content/ never silently
// replaces a page, a generated page, the search index or a hashed asset; a clash is an error at
// both sources.
#include <catch2/catch.hpp>

#include "content.h"
#include "portal_build.h"

using namespace wijzer;

namespace {

using Built = test::BuiltSite;

std::unique_ptr<Built> build(const std::map<std::string, std::string>& files) { return test::build_with(files); }

/// The first output path of a plain build that starts with `prefix` and ends with `suffix`.
std::string output_like(const std::string& prefix, const std::string& suffix) {
  auto plain = build({});
  for (const auto& [path, bytes] : plain->sink.files)
    if (path.rfind(prefix, 0) == 0 && path.size() >= suffix.size() &&
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
      return path;
  return "";
}

}  // namespace

TEST_CASE("HTML and script files in content/ are never published as they are", "[outputs]") {
  // They would run without the markdown rules and the portal's CSP (found by the site fuzzer).
  CHECK(runs_as_page_or_script("gids/over.html"));
  CHECK(runs_as_page_or_script("gids/x.HTM"));
  CHECK(runs_as_page_or_script("assets/js/portal.1234567890.js"));
  CHECK_FALSE(runs_as_page_or_script("gids/logo.svg"));
  CHECK_FALSE(runs_as_page_or_script("gids/rapport.pdf"));
  auto b = build({{"content/gids/stap.html", "<p>vervalst</p>"}, {"content/gids/los.html", "<script>alert(1)</script>"}});
  CHECK(b->error_at("content/gids/stap.html", "HTML- en scriptbestanden"));
  CHECK(b->error_at("content/gids/los.html", "HTML- en scriptbestanden"));
  CHECK(b->sink.files.at("gids/stap.html").find("vervalst") == std::string::npos);
  CHECK(b->sink.files.count("gids/los.html") == 0);
}

TEST_CASE("a static file cannot replace a hashed asset", "[outputs]") {
  const std::string asset = output_like("assets/layout/portal.", ".css");
  REQUIRE_FALSE(asset.empty());
  auto b = build({{"content/" + asset, "body{display:none}"}});
  CHECK(b->error_at("content/" + asset, "wordt gepubliceerd als " + asset));
  CHECK(b->error_at("site-assets/layout/portal.css", "wordt gepubliceerd als " + asset));
  CHECK(b->sink.files.at(asset) != "body{display:none}");
}

namespace {

/// A feature that writes one file in finish(), as the search index does.
struct WritesInFinish : Feature {
  void load(LoadContext&) override {}
  void finish(const BuildContext&, const PageContributions&, OutputSink& sink, Diagnostics&) override {
    sink.write("gids/index.txt", "gegenereerd");
  }
};

}  // namespace

TEST_CASE("a static file cannot replace a file a feature generates", "[outputs]") {
  // Today's features generate .js and .json files, which content/ cannot publish at all; the
  // ownership check covers any feature's files.
  MemoryTree tree = fuzz::base_tree();
  tree.set("content/gids/index.txt", "vervalst");
  std::vector<std::unique_ptr<Feature>> features;
  features.push_back(std::make_unique<WritesInFinish>());
  Built b;
  build_site(tree, b.sink, b.diags, std::move(features), 1);
  CHECK(b.error_at("content/gids/index.txt", "de bouw maakt dat bestand zelf"));
  CHECK(b.sink.files.at("gids/index.txt") == "gegenereerd");
}

TEST_CASE("static files that own their path are published", "[outputs]") {
  auto b = build({});
  CHECK_FALSE(b->diags.has_errors());
  CHECK(b->sink.files.count("gids/logo.svg") == 1);
}
