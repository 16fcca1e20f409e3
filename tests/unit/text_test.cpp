#include <catch2/catch.hpp>

#include <cctype>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

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
  CHECK(slugify("WAT DOET DE UWV") == "wat-doet-de-uwv");
}

TEST_CASE("slugify's ASCII path gives what folding first gives", "[text][slug]") {
  // The rule as written before the fast path: fold everything, then keep ASCII letters and digits.
  auto reference = [](std::string_view s) {
    const std::string folded = fold(s);
    std::string out;
    bool pending_dash = false;
    for (size_t i = 0; i < folded.size(); ++i) {
      unsigned char c = folded[i];
      if (c == '\'') continue;
      if (std::isalnum(c) && c < 0x80) {
        if (pending_dash && !out.empty()) out += '-';
        pending_dash = false;
        out += static_cast<char>(c);
      } else if (c == 0xE2 && i + 2 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x80 &&
                 static_cast<unsigned char>(folded[i + 2]) == 0x99) {
        i += 2;
      } else {
        pending_dash = true;
      }
    }
    return out.empty() ? std::string("kop") : out;
  };
  const std::vector<std::string> pieces = {"a", "Z", "9", " ", "-", "'", "’", "ë", "É", "?", "_", "\t", "€", "Ĳ", "0"};
  uint32_t seed = 12345;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const int length = static_cast<int>(seed % 9);
    for (int k = 0; k < length; ++k) {
      seed = seed * 1103515245u + 12345u;
      text += pieces[(seed >> 16) % pieces.size()];
    }
    seed = seed * 1103515245u + 12345u;
    INFO(text);
    REQUIRE(slugify(text) == reference(text));
  }
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

TEST_CASE("append_html_escaped: every markup character at every offset, as a byte-by-byte escape does", "[text]") {
  auto reference = [](std::string_view text, const char* apostrophe) {
    std::string out;
    for (char c : text) {
      if (c == '&') out += "&amp;";
      else if (c == '<') out += "&lt;";
      else if (c == '>') out += "&gt;";
      else if (c == '"') out += "&quot;";
      else if (c == '\'') out += apostrophe;
      else out += c;
    }
    return out;
  };
  // Bytes next to the special ones (%, ;, =, ?, &'s neighbours) and high bytes: a word-at-a-time
  // test must not mistake them.
  const std::string alphabet = "&<>\"'%;=?()abcXYZ \x80\xC3\xA9\xFF";
  std::minstd_rand next(42);  // the same texts on every run
  for (int round = 0; round < 3000; ++round) {
    std::string text(next() % 40, 'a');
    const unsigned specials = next() % 4;
    for (char& c : text)
      if (next() % 8 < specials) c = alphabet[next() % alphabet.size()];
    std::string out = "prefix:";
    append_html_escaped(out, text, "&apos;");
    REQUIRE(out == "prefix:" + reference(text, "&apos;"));
  }
}
