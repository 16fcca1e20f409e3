#include <catch2/catch.hpp>

#include "text.h"

using namespace wijzer;

TEST_CASE("fold lowercases and strips Dutch diacritics", "[text]") {
  CHECK(fold("Cliënt") == "client");
  CHECK(fold("Reïntegratiebesluit") == "reintegratiebesluit");
  CHECK(fold("CAFÉ crème") == "cafe creme");
  CHECK(fold("Łódź") == "lodz");
  CHECK(fold("Ĳssel") == "ijssel");
  CHECK(fold("€ 10") == "€ 10");  // what it cannot fold stays
}

TEST_CASE("slugify makes stable Dutch anchors", "[text][slug]") {
  CHECK(slugify("Cliënt & werkgever") == "client-werkgever");
  CHECK(slugify("Artikel 18, lid 3 (Reïntegratiebesluit)") == "artikel-18-lid-3-reintegratiebesluit");
  CHECK(slugify("  Wat doet de jobcoach?  ") == "wat-doet-de-jobcoach");
  CHECK(slugify("cliënt’s rechten") == "clients-rechten");
  CHECK(slugify("15% / 7,5% / 6%") == "15-7-5-6");
  CHECK(slugify("???") == "kop");
}

TEST_CASE("unique_slug numbers repeated anchors", "[text][slug]") {
  std::set<std::string> taken;
  CHECK(unique_slug("taken", taken) == "taken");
  CHECK(unique_slug("taken", taken) == "taken-2");
  CHECK(unique_slug("taken", taken) == "taken-3");
  CHECK(unique_slug("documenten", taken) == "documenten");
}

TEST_CASE("html_escape escapes markup characters", "[text]") {
  CHECK(html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}
