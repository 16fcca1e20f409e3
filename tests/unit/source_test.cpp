// The source tree on disk reads nothing from outside itself (issue 13, finding 2): a link to
// /etc/passwd, /proc/self/environ or markdown elsewhere is an error at its path and never
// published; a FIFO is skipped with a warning and never blocks a build.
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>

#include "output.h"
#include "portal.h"
#include "site.h"
#include "source.h"

namespace fs = std::filesystem;
using namespace wijzer;

namespace {

/// A temporary folder with a small site, removed afterwards.
struct TempSite {
  fs::path root;
  fs::path outside;
  TempSite() {
    char tmpl[] = "/tmp/wijzer-source-XXXXXX";
    const fs::path base = mkdtemp(tmpl);
    root = base / "site";
    outside = base / "elders";
    fs::create_directories(root / "content/gids");
    fs::create_directories(root / "templates");
    fs::create_directories(outside);
    write("content/_index.md", "---\ntitle: Home\n---\nWelkom.\n");
    write("content/gids/a.md", "---\ntitle: A\n---\nTekst.\n");
    write("templates/page.mustache", "{{{page.content}}}");
    write("templates/section.mustache", "{{{page.content}}}");
    std::ofstream(outside / "geheim.md") << "---\ntitle: Geheim\n---\nGEHEIM-BUITEN-DE-BRON\n";
    std::ofstream(outside / "geheim.txt") << "GEHEIM-BUITEN-DE-BRON\n";
  }
  ~TempSite() {
    std::error_code ec;
    fs::remove_all(root.parent_path(), ec);
  }
  void write(const std::string& path, const std::string& text) const { std::ofstream(root / path) << text; }
};

struct Result {
  Diagnostics diags;
  MemorySink sink;
  bool published(const std::string& needle) const {
    for (const auto& [path, bytes] : sink.files)
      if (bytes.find(needle) != std::string::npos) return true;
    return false;
  }
  bool has(Severity severity, const std::string& path_end, const std::string& text) const {
    for (const auto& d : diags.sorted())
      if (d.severity == severity && d.path.size() >= path_end.size() &&
          d.path.compare(d.path.size() - path_end.size(), path_end.size(), path_end) == 0 &&
          d.message.find(text) != std::string::npos)
        return true;
    return false;
  }
};

std::unique_ptr<Result> build(const fs::path& root) {
  DiskTree tree(root);
  auto result = std::make_unique<Result>();
  build_site(tree, result->sink, result->diags, 1);
  return result;
}

}  // namespace

TEST_CASE("links to files outside the source tree are errors and never read", "[source][security]") {
  TempSite site;
  fs::create_symlink("/etc/passwd", site.root / "content/passwd.txt");
  fs::create_symlink("/proc/self/environ", site.root / "content/environ");
  fs::create_symlink(site.outside / "geheim.md", site.root / "content/gids/geheim.md");
  fs::create_symlink(site.outside / "geheim.txt", site.root / "templates/partial.mustache");
  fs::create_symlink(site.outside, site.root / "content/map-buiten");
  auto r = build(site.root);
  CHECK(r->has(Severity::error, "content/passwd.txt", "buiten de bronmap"));
  CHECK(r->has(Severity::error, "content/environ", "buiten de bronmap"));
  CHECK(r->has(Severity::error, "content/gids/geheim.md", "buiten de bronmap"));
  CHECK(r->has(Severity::error, "templates/partial.mustache", "buiten de bronmap"));
  CHECK(r->has(Severity::error, "content/map-buiten", "buiten de bronmap"));
  CHECK_FALSE(r->published("root:"));
  CHECK_FALSE(r->published("GEHEIM-BUITEN-DE-BRON"));
  CHECK(r->sink.files.count("passwd.txt") == 0);
  CHECK(r->sink.files.count("environ") == 0);

  // read() refuses too, whoever asks (features read data files by path).
  DiskTree tree(site.root);
  CHECK_FALSE(tree.read("content/passwd.txt").has_value());
  CHECK_FALSE(tree.read("content/map-buiten/geheim.txt").has_value());
  CHECK_FALSE(tree.read("content/../../elders/geheim.txt").has_value());
  // A relative link out is refused on the kernel's fast path (openat2) as on the slow one.
  fs::create_symlink(fs::relative(site.outside / "geheim.md", site.root / "content"), site.root / "content/relatief.md");
  CHECK_FALSE(tree.read("content/relatief.md").has_value());
  CHECK_FALSE(tree.read("/etc/passwd").has_value());
}

TEST_CASE("links inside the source tree still work", "[source]") {
  TempSite site;
  fs::create_symlink(site.root / "content/gids/a.md", site.root / "content/gids/b.md");
  fs::create_symlink("a.md", site.root / "content/gids/c.md");
  auto r = build(site.root);
  CHECK_FALSE(r->diags.has_errors());
  CHECK(r->sink.files.count("gids/b.html") == 1);
  CHECK(r->sink.files.count("gids/c.html") == 1);
  // read() follows both: the relative one below the root, the absolute one back into it.
  DiskTree tree(site.root);
  const auto a = tree.read("content/gids/a.md");
  REQUIRE(a.has_value());
  CHECK(tree.read("content/gids/b.md") == a);
  CHECK(tree.read("content/gids/c.md") == a);
  CHECK(tree.read("content/gids/../gids/a.md") == a);
}

TEST_CASE("special files are skipped with a warning and never block the build", "[source]") {
  TempSite site;
  REQUIRE(mkfifo((site.root / "content/gids/pijp.md").c_str(), 0600) == 0);
  REQUIRE(mkfifo((site.root / "content/data.json").c_str(), 0600) == 0);
  // A build that opened the FIFO would wait for a writer forever: run it with a deadline.
  auto done = std::async(std::launch::async, [&] { return build(site.root); });
  REQUIRE(done.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
  auto r = done.get();
  CHECK_FALSE(r->diags.has_errors());
  CHECK(r->has(Severity::warning, "content/gids/pijp.md", "geen gewoon bestand"));
  CHECK(r->has(Severity::warning, "content/data.json", "geen gewoon bestand"));
  CHECK(r->sink.files.count("gids/a.html") == 1);
}

TEST_CASE("display() names a path as std::filesystem would, for any way of giving the root", "[source]") {
  // The fast join of clean paths must give what lexically_normal() gives.
  for (const std::string root : {"site", "site/", "./site", "site/../site", "/tmp/x", "../x", "a//b", "."})
    for (const std::string path : {"content/a.md", "content/gids/b.md", "content/./a.md", "content/../x.md", "templates//p.mustache"}) {
      DiskTree tree(root);
      std::string expected = (fs::path(root) / path).lexically_normal().generic_string();
      if (root == ".") expected = path;
      INFO(root << " + " << path);
      CHECK(tree.display(path) == expected);
    }
}

TEST_CASE("list() gives every file below a folder, however deep, sorted, hidden entries left out", "[source]") {
  TempSite site;
  fs::create_directories(site.root / "content/gids/diep/dieper");
  fs::create_directories(site.root / "content/leeg");
  fs::create_directories(site.root / "content/.verborgen/map");
  site.write("content/gids/diep/dieper/z.md", "z");
  site.write("content/gids/diep/b.json", "{}");
  site.write("content/gids/.a.md.swp", "swap");
  site.write("content/.verborgen/map/x.md", "x");
  site.write("content/.verborgen/y.md", "y");
  site.write("content/plaatje.png", "png");
  DiskTree tree(site.root);
  CHECK(tree.list("content") == std::vector<std::string>{"content/_index.md", "content/gids/a.md",
                                                         "content/gids/diep/b.json", "content/gids/diep/dieper/z.md",
                                                         "content/plaatje.png"});
  CHECK(tree.list("content/gids/diep") == std::vector<std::string>{"content/gids/diep/b.json", "content/gids/diep/dieper/z.md"});
  CHECK(tree.list("ontbreekt").empty());
  Diagnostics diags;
  tree.check_entries("content", diags);
  CHECK(diags.sorted().empty());  // nothing left out for safety
}

TEST_CASE("list() holds no descriptor per folder: more folders than the process may open", "[source]") {
  TempSite site;
  constexpr int kFolders = 150;
  for (int i = 0; i < kFolders; ++i) {
    const std::string folder = "content/map-" + std::to_string(i);
    fs::create_directories(site.root / folder / "sub");
    site.write(folder + "/sub/p.md", "p");
  }
  rlimit saved{};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &saved) == 0);
  rlimit low = saved;
  low.rlim_cur = 64;  // fewer than the folders: a walk that opened them all up front loses some
  REQUIRE(setrlimit(RLIMIT_NOFILE, &low) == 0);
  std::vector<std::string> listed;
  {
    DiskTree tree(site.root);
    listed = tree.list("content");
  }
  setrlimit(RLIMIT_NOFILE, &saved);
  CHECK(listed.size() == kFolders + 2);  // and content/_index.md, content/gids/a.md
  CHECK(std::count_if(listed.begin(), listed.end(), [](const std::string& p) { return p.size() > 8 && p.compare(p.size() - 8, 8, "sub/p.md") == 0; }) == kFolders);
}
