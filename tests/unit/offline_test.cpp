// The portal offline (docs/offline.md): the reproducible zip, the whole-leidraad document, the
// "Wat is er nieuw" page and its Atom feed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <regex>
#include <set>

#include "atom_feed.h"
#include "config.h"
#include "leidraad_html.h"
#include "offline.h"
#include "output.h"
#include "portal.h"
#include "site.h"
#include "site_zip.h"
#include "source.h"

using namespace wijzer;
namespace fs = std::filesystem;

namespace {

unsigned le16(const std::string& b, size_t at) {
  return static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8;
}
unsigned long le32(const std::string& b, size_t at) { return le16(b, at) | static_cast<unsigned long>(le16(b, at + 2)) << 16; }

/// One entry of a zip's central directory.
struct ZipEntry {
  std::string name;
  unsigned method = 0, time = 0, date = 0;
  unsigned long attributes = 0;
};

/// The central directory of a zip without a comment (what make_site_zip writes).
std::vector<ZipEntry> entries(const std::string& zip) {
  const size_t end = zip.size() - 22;
  REQUIRE(le32(zip, end) == 0x06054b50);
  std::vector<ZipEntry> out;
  size_t at = le32(zip, end + 16);
  for (unsigned i = 0; i < le16(zip, end + 10); ++i) {
    REQUIRE(le32(zip, at) == 0x02014b50);
    ZipEntry e;
    e.method = le16(zip, at + 10);
    e.time = le16(zip, at + 12);
    e.date = le16(zip, at + 14);
    e.attributes = le32(zip, at + 38);
    const unsigned name = le16(zip, at + 28), extra = le16(zip, at + 30), comment = le16(zip, at + 32);
    e.name = zip.substr(at + 46, name);
    out.push_back(e);
    at += 46 + name + extra + comment;
  }
  return out;
}

const std::map<std::string, std::string> kFiles = {
    {"index.html", std::string(2000, 'a')},
    {"assets/logo.png", "\x89PNG not really"},
    {"rollen/jobcoach.html", "<p>jobcoach</p>"},
};

/// The real portal, built once in memory (content, templates, site-assets of this repository).
const std::map<std::string, std::string>& portal_files() {
  static const std::map<std::string, std::string> files = [] {
    const fs::path root = fs::path(WIJZER_TEST_DIR).parent_path();
    MemoryTree tree;
    for (const char* dir : {"content", "templates", "site-assets"})
      for (const auto& entry : fs::recursive_directory_iterator(root / dir))
        if (entry.is_regular_file()) tree.set(fs::relative(entry.path(), root).generic_string(), *read_file(entry.path()));
    if (auto yaml = read_file(root / "wijzer.yaml")) tree.set("wijzer.yaml", *yaml);
    MemorySink sink;
    Diagnostics diags;
    build_site(tree, sink, diags, 2);
    REQUIRE_FALSE(diags.has_errors());
    return sink.files;
  }();
  return files;
}

/// The values of every `prefix"…"` in `html` (e.g. prefix ` id="`), in order.
std::vector<std::string> values(const std::string& html, const std::string& prefix) {
  std::vector<std::string> out;
  for (size_t at = html.find(prefix); at != std::string::npos; at = html.find(prefix, at + 1)) {
    const size_t start = at + prefix.size();
    out.push_back(html.substr(start, html.find('"', start) - start));
  }
  return out;
}

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("offline: the same files give the same zip, in any time zone", "[offline]") {
  const char* old = std::getenv("TZ");
  const std::string saved = old ? old : "";
  setenv("TZ", "UTC", 1);
  tzset();
  const std::string a = make_site_zip(kFiles, "wijzer", zip_stamp());
  setenv("TZ", "America/Los_Angeles", 1);
  tzset();
  const std::string b = make_site_zip(kFiles, "wijzer", zip_stamp());
  if (old) setenv("TZ", saved.c_str(), 1);
  else unsetenv("TZ");
  tzset();
  CHECK(a == b);
  CHECK(make_site_zip(kFiles, "wijzer", zip_stamp() + 86400) != a);  // the time is in it
}

TEST_CASE("offline: entries sorted under one folder, mode 0644, fixed date, images stored", "[offline]") {
  const auto list = entries(make_site_zip(kFiles, "wijzer", 1767225600));  // 2026-01-01 00:00 UTC
  REQUIRE(list.size() == 3);
  CHECK(list[0].name == "wijzer/assets/logo.png");
  CHECK(list[1].name == "wijzer/index.html");
  CHECK(list[2].name == "wijzer/rollen/jobcoach.html");
  CHECK(list[0].method == 0);  // stored
  CHECK(list[1].method == 8);  // deflated
  for (const auto& e : list) {
    CHECK((e.attributes >> 16) == 0100644);
    CHECK(e.date == ((2026 - 1980) << 9 | 1 << 5 | 1));
    CHECK(e.time == 0);
  }
}

TEST_CASE("offline: the zip of a site in memory (wijzer serve) leaves out itself, the marker and online-only parts",
          "[offline][serve]") {
  std::map<std::string, std::string> files = kFiles;
  files["site.zip"] = "an older zip";
  files[kSiteMarker] = "";
  files["offline.html"] = std::string("<p>Download") + kOnlineOnlyStart + "<a href=\"site.zip\">zip" + kZipSizeMark +
                          "</a>" + kOnlineOnlyEnd + "</p><p>Grootte" + kZipSizeMark + "</p>";
  std::map<std::string, std::string> expected = kFiles;
  expected["offline.html"] = "<p>Download</p><p>Grootte</p>";
  const std::string zip = offline_zip_of(files, "site");
  CHECK(zip == make_site_zip(expected, "site", zip_stamp()));
  const auto list = entries(zip);
  CHECK(list.size() == 4);
  CHECK(std::none_of(list.begin(), list.end(), [](const ZipEntry& e) { return e.name == "site/site.zip"; }));
}

TEST_CASE("offline: sizes as the download link shows them", "[offline]") {
  CHECK(dutch_size(850 * 1000) == "850 kB");
  CHECK(dutch_size(3'412'000) == "3,4 MB");
  CHECK(dutch_size(1) == "1 kB");
}

TEST_CASE("offline: the portal gets the offline page and footer links", "[offline]") {
  const auto& files = portal_files();
  REQUIRE(files.count("offline.html"));
  CHECK(files.at("offline.html").find(kZipSizeMark) != std::string::npos);  // filled in by `wijzer build`
  CHECK(files.at("rollen/jobcoach.html").find("href=\"../offline.html\">Download voor offline gebruik") != std::string::npos);
}

TEST_CASE("leidraad: a page body becomes part of the document", "[leidraad]") {
  const std::string html =
      "<h2 id=\"taken\">Taken</h2>\n<p>Zie <a href=\"#taken\">taken</a>, <a href=\"#@d3-werk\">werk</a> en "
      "<a href=\"https://uwv.nl/\">UWV</a>.</p>\n<h6 id=\"klein\">Klein</h6><section aria-label=\"Tabel 1\"></section>";
  const std::string out = into_document(html, 2, "d7", " (§ 2.1)", [](const std::string& target) {
    return target == "d3-werk" ? std::string(" (§ 1.2)") : std::string();
  });
  CHECK(out ==
        "<h4 id=\"d7-taken\">Taken</h4>\n<p>Zie <a href=\"#d7-taken\">taken</a>, <a href=\"#d3-werk\">werk</a> (§ 1.2) en "
        "<a href=\"https://uwv.nl/\">UWV</a>.</p>\n<h6 id=\"d7-klein\">Klein</h6><section aria-label=\"Tabel 1 (§ 2.1)\"></section>");
}

TEST_CASE("leidraad: the portal's whole leidraad has numbered parts, unique ids, no links out of it to included pages",
          "[leidraad]") {
  const std::string& html = portal_files().at("leidraad.html");
  CHECK(html.find("<span class=\"leidraad__nummer\">1</span> Rollen") != std::string::npos);
  CHECK(html.find("Voor cliënten</h") == std::string::npos);  // client pages left out
  // every id once
  std::set<std::string> ids;
  for (const auto& id : values(html, " id=\"")) {
    INFO(id);
    CHECK(ids.insert(id).second);
  }
  // in-document links point at an id of the document and carry their § reference
  for (const auto& target : values(html, "href=\"#")) {
    INFO(target);
    CHECK(ids.count(target));
  }
  const size_t refs = count(html, "</a> (§ ");
  CHECK(refs > 20);
  // the jobcoach page is in it, so no link leads to its own page but the "Online:" line
  CHECK(count(html, "href=\"rollen/jobcoach.html") == 1);
}

TEST_CASE("nieuw: the page lists the pages with a bijgewerkt date, newest first; the feed has them all", "[nieuw]") {
  const auto& files = portal_files();
  // The list, not the footer (its "Inhoud bijgewerkt tot" has a <time> of its own).
  const std::string& whole = files.at("nieuw.html");
  const std::string page = whole.substr(0, whole.find("<footer"));
  const std::string& feed = files.at("nieuw.xml");
  const std::vector<std::string> dates = values(page, "<time datetime=\"");
  REQUIRE(dates.size() > 50);
  CHECK(std::is_sorted(dates.rbegin(), dates.rend()));
  CHECK(count(feed, "<entry>") == dates.size());
  // grouped by month, newest month first
  const size_t december = page.find(">December 2026</h2>"), november = page.find(">November 2026</h2>");
  CHECK(december != std::string::npos);
  CHECK(november != std::string::npos);
  CHECK(december < november);
  CHECK(page.find("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"nieuw.xml\"") != std::string::npos);
  CHECK(feed.find("<updated>" + dates.front() + "T00:00:00Z</updated>") != std::string::npos);
}

TEST_CASE("nieuw: the feed's ids are urn:uuid, stable and distinct", "[nieuw]") {
  const std::string a = feed_uuid("x/nieuw.xml#rollen/jobcoach.md@2026-11-22");
  CHECK(std::regex_match(a, std::regex("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  CHECK(a == feed_uuid("x/nieuw.xml#rollen/jobcoach.md@2026-11-22"));
  CHECK(a != feed_uuid("x/nieuw.xml#rollen/jobcoach.md@2026-12-04"));
  Feed feed;
  feed.title = "A & B";
  feed.entries.push_back({"T <1>", "", "rollen/a.html", "2026-12-04", "k"});
  const std::string xml = atom_feed(feed);
  CHECK(xml.find("<title>A &amp; B</title>") != std::string::npos);
  CHECK(xml.find("<title>T &lt;1&gt;</title>") != std::string::npos);
  CHECK(xml.find("<updated>2026-12-04T00:00:00Z</updated>") != std::string::npos);
}

TEST_CASE("offline: wijzer.yaml's offline and nieuw keys are read and checked", "[offline][config]") {
  MemoryTree tree;
  tree.set("wijzer.yaml", "offline: {zip: false, name: wijzer-2026}\nnieuw: {base_url: https://voorbeeld.nl/wijzer/}\n");
  Diagnostics diags;
  Config config = load_config(tree, diags);
  CHECK_FALSE(diags.has_errors());
  CHECK_FALSE(config.offline.zip);
  CHECK(config.offline.name == "wijzer-2026");
  CHECK(config.news.base_url == "https://voorbeeld.nl/wijzer/");
  CHECK_FALSE(offline_zip_enabled(tree, config));

  tree.set("wijzer.yaml", "offline:\n  zip: ja\n  name: Mijn Wijzer\nnieuw:\n  base_url: wijzer/\n");
  Diagnostics bad;
  config = load_config(tree, bad);
  std::vector<std::string> messages;
  for (const auto& d : bad.sorted()) messages.push_back(format_diagnostic(d));
  REQUIRE(messages.size() == 3);
  CHECK(messages[0].rfind("wijzer.yaml:2:", 0) == 0);
  CHECK(messages[0].find("true of false") != std::string::npos);
  CHECK(messages[1].rfind("wijzer.yaml:3:", 0) == 0);
  CHECK(messages[2].rfind("wijzer.yaml:5:", 0) == 0);
  CHECK(config.offline.zip);  // the default stands
  CHECK(config.offline.name == "begeleidingswijzer");
}
