#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace wijzer {

/// Decodes the UTF-8 code point at `i` and moves `i` past it; an invalid byte gives U+FFFD.
char32_t decode_utf8(std::string_view s, size_t& i);

/// 1-based line and column of byte `offset` in `text`.
std::pair<int, int> line_col(std::string_view text, size_t offset);

/// One key or index escaped for a JSON pointer ("a/b" → "a~1b").
std::string pointer_token(std::string_view key);

/// Lowercases and strips diacritics from UTF-8 text (Latin scripts): "Cliënt" → "client".
/// Characters it cannot fold are kept as they are.
std::string fold(std::string_view utf8);

/// A URL- and id-safe anchor from heading text: `Cliënt & werkgever` → `client-werkgever`.
std::string slugify(std::string_view utf8);

/// Makes `slug` unique within `taken` by appending -2, -3, …; records the result.
std::string unique_slug(const std::string& slug, std::set<std::string>& taken);
/// The same for many repeats: `next` remembers per slug the first number not yet tried, so
/// 40,000 equal headings take linear time instead of quadratic. Slugs in `reserved` count as
/// taken too (without copying them into `taken` for every page).
std::string unique_slug(const std::string& slug, std::set<std::string>& taken, std::map<std::string, int>& next,
                        const std::set<std::string>& reserved = {});

/// Escapes text for HTML element content and attribute values.
std::string html_escape(std::string_view text);
/// html_escape(text) appended to `out`; `apostrophe` is the entity written for '.
void append_html_escaped(std::string& out, std::string_view text, const char* apostrophe = "&#39;");

/// Offset of the first byte that is not part of valid UTF-8 (RFC 3629: no overlong forms, no
/// surrogates, at most U+10FFFF), or npos when all of `text` is valid.
size_t invalid_utf8(std::string_view text);

/// The offset of the first '[' or '{' nested deeper than `max_depth` in JSON text (strings
/// skipped), or npos.
size_t too_deeply_nested(std::string_view json, int max_depth);

/// `text` with every byte that is not valid UTF-8 replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

/// `s` with A-Z lowered; other bytes (UTF-8 included) unchanged.
inline std::string lower_ascii(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

}  // namespace wijzer
