#include "text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "word_at_a_time.h"

namespace wijzer {

char32_t decode_utf8(std::string_view s, size_t& i) {
  unsigned char c = s[i];
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    unsigned char cc = s[i + k];
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

std::pair<int, int> line_col(std::string_view text, size_t offset) {
  int line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

namespace {

/// ASCII replacement for Latin-1 Supplement and Latin Extended-A letters, or nullptr.
const char* latin_fold(char32_t cp) {
  // U+00C0..U+00FF
  static const char* latin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
  if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A as runs of one base letter, in code point order from U+0100.
    static const struct { int count; const char* letter; } runs[] = {
        {6, "a"}, {8, "c"}, {4, "d"}, {10, "e"}, {8, "g"}, {4, "h"}, {10, "i"}, {2, "ij"}, {2, "j"},
        {3, "k"}, {10, "l"}, {9, "n"}, {6, "o"}, {2, "oe"}, {6, "r"}, {8, "s"}, {6, "t"}, {12, "u"},
        {2, "w"}, {3, "y"}, {6, "z"}, {1, "s"}};
    char32_t at = 0x100;
    for (const auto& run : runs) {
      if (cp < at + run.count) return run.letter;
      at += run.count;
    }
  }
  return nullptr;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = decode_utf8(s, i);
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else if (const char* folded = latin_fold(cp)) {
      out += folded;
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

std::string slugify(std::string_view s) {
  // Most headings are ASCII: folding them only lowers their letters, done in the loop below.
  bool ascii = true;
  for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  std::string storage;
  if (!ascii) storage = fold(s);
  const std::string_view folded = ascii ? s : std::string_view(storage);
  // The slug is never longer than the text: written through a pointer, cut to size at the end.
  std::string out(folded.size(), '\0');
  char* w = out.data();
  bool pending_dash = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    unsigned char c = folded[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    if (c == '\'') continue;  // "cliënt's" → "clients"
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending_dash && w != out.data()) *w++ = '-';
      pending_dash = false;
      *w++ = static_cast<char>(c);
    } else if (c == 0xE2 && i + 2 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x80 &&
               static_cast<unsigned char>(folded[i + 2]) == 0x99) {
      i += 2;  // typographic apostrophe ’
    } else {
      pending_dash = true;
    }
  }
  out.resize(static_cast<size_t>(w - out.data()));
  return out.empty() ? "kop" : out;
}

std::string unique_slug(const std::string& slug, std::set<std::string>& taken) {
  std::string candidate = slug;
  for (int n = 2; taken.count(candidate); ++n) candidate = slug + "-" + std::to_string(n);
  taken.insert(candidate);
  return candidate;
}

std::string unique_slug(const std::string& slug, std::set<std::string>& taken, std::map<std::string, int>& next,
                        const std::set<std::string>& reserved) {
  auto take = [&](const std::string& candidate) { return !reserved.count(candidate) && taken.insert(candidate).second; };
  if (take(slug)) return slug;
  int& n = next.try_emplace(slug, 2).first->second;  // numbers below n were taken before, and stay taken
  std::string candidate;
  for (;; ++n) {
    candidate = slug + "-" + std::to_string(n);
    if (take(candidate)) break;
  }
  ++n;
  return candidate;
}

namespace {

/// 0x80 in each byte of `word` strictly between `low` and `high` (both at most 128), 0 elsewhere
/// (the "has between" test of Bit Twiddling Hacks, exact per byte).
uint64_t bytes_between(uint64_t word, unsigned low, unsigned high) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kLow7 = kOnes * 127, kHigh = kOnes * 128;
  const uint64_t x = word & kLow7;
  return (kOnes * (127 + high) - x) & ~word & (x + kOnes * (127 - low)) & kHigh;
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text, const char* apostrophe) {
  const char* p = text.data();
  const size_t n = text.size();
  size_t from = 0, i = 0;
  for (;;) {
    // Eight bytes at a time past those that need no entity (most values hold none at all): one
    // filter for " & ' (0x22–0x27, with # $ %) and < > (0x3C–0x3E, with =); the bytes of a word
    // that passes it are looked at one by one.
    for (; i + 8 <= n; i += 8)
      if (const uint64_t word = load8(p + i); bytes_between(word, 0x21, 0x28) | bytes_between(word, 0x3B, 0x3F)) break;
    if (i >= n) break;
    const size_t stop = std::min(n, i + 8);
    const char* entity = nullptr;
    for (; i < stop && !entity; ++i) {
      switch (p[i]) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = apostrophe; break;
        default: break;
      }
    }
    if (!entity) continue;
    out.append(p + from, i - 1 - from).append(entity);
    from = i;
  }
  out.append(p + from, n - from);
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_html_escaped(out, text);
  return out;
}

size_t invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0, n = text.size(); i < n;) {
    // Eight ASCII bytes at a time: most of every page is ASCII (this runs on every body).
    for (uint64_t word; i + 8 <= n; i += 8) {
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ull) break;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || c == 0xC0 || c == 0xC1 || c > 0xF4 || i + len > n) return i;
    for (size_t k = 1; k < len; ++k)
      if ((s[i + k] & 0xC0) != 0x80) return i;
    if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] > 0x9F) || (c == 0xF0 && s[i + 1] < 0x90) ||
        (c == 0xF4 && s[i + 1] > 0x8F))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string valid_utf8(std::string_view text) {
  size_t bad = invalid_utf8(text);
  if (bad == std::string_view::npos) return std::string(text);
  std::string out;
  while (bad != std::string_view::npos) {
    out.append(text.substr(0, bad));
    out += "\xEF\xBF\xBD";
    text.remove_prefix(bad + 1);
    bad = invalid_utf8(text);
  }
  out.append(text);
  return out;
}

size_t too_deeply_nested(std::string_view json, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;  // skip the escaped character
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

}  // namespace wijzer
