#include "search_index.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "assets.h"
#include "parallel.h"
#include "text.h"
#include "word_at_a_time.h"

namespace wijzer::search {
namespace {

// Snowball's Dutch stop word list (snowballstem.org, algorithms/dutch/stop.txt).
const char* const kStopWords[] = {
    "de",     "en",    "van",   "ik",    "te",    "dat",   "die",    "in",     "een",   "hij",  "het",
    "niet",   "zijn",  "is",    "was",   "op",    "aan",   "met",    "als",    "voor",  "had",  "er",
    "maar",   "om",    "hem",   "dan",   "zou",   "of",    "wat",    "mijn",   "men",   "dit",  "zo",
    "door",   "over",  "ze",    "zich",  "bij",   "ook",   "tot",    "je",     "mij",   "uit",  "der",
    "daar",   "haar",  "naar",  "heb",   "hoe",   "heeft", "hebben", "deze",   "u",     "want", "nog",
    "zal",    "me",    "zij",   "nu",    "ge",    "geen",  "omdat",  "iets",   "worden", "toch", "al",
    "waren",  "veel",  "meer",  "doen",  "toen",  "moet",  "ben",    "zonder", "kan",   "hun",  "dus",
    "alles",  "onder", "ja",    "eens",  "hier",  "wie",   "werd",   "altijd", "doch",  "wordt", "wezen",
    "kunnen", "ons",   "zelf",  "tegen", "na",    "reeds", "wil",    "kon",    "niets", "uw",   "iemand",
    "geweest", "andere"};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

const std::unordered_set<std::string, StringHash, std::equal_to<>>& stop_set() {
  static const std::unordered_set<std::string, StringHash, std::equal_to<>> set(std::begin(kStopWords),
                                                                                 std::end(kStopWords));
  return set;
}

/// Every term and surface word the process has seen, by id. Touched only on a thread's cache miss.
struct Lexicon {
  std::mutex mutex;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> ids;
  std::deque<std::string> texts;  // references stay valid as it grows

  uint32_t intern(std::string_view s) {
    std::lock_guard lock(mutex);
    auto it = ids.find(s);
    if (it != ids.end()) return it->second;
    const auto id = static_cast<uint32_t>(texts.size());
    texts.emplace_back(s);
    ids.emplace(std::string(s), id);
    return id;
  }
  const std::string& text(uint32_t id) {
    std::lock_guard lock(mutex);
    return texts[id];
  }
};

Lexicon& lexicon() {
  static Lexicon lex;
  return lex;
}

/// How many ids the lexicon has given out.
size_t lexicon_size() {
  std::lock_guard lock(lexicon().mutex);
  return lexicon().texts.size();
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

std::string run_stemmer(std::string_view folded) {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("dutch", "UTF_8"));
  if (!stemmer) return std::string(folded);
  const sb_symbol* out =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(folded.data()), static_cast<int>(folded.size()));
  if (!out) return std::string(folded);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(stemmer.get())));
}

/// A folded word as the index sees it.
struct WordInfo {
  uint32_t surface = 0;  ///< lexicon id of the folded word
  uint32_t term = 0;     ///< lexicon id of its stem
  bool stop = false;
  bool skip = false;  ///< stop word or shorter than two characters
};

const WordInfo& word_info(std::string_view folded) {
  thread_local std::unordered_map<std::string, WordInfo, StringHash, std::equal_to<>> cache;
  auto it = cache.find(folded);
  if (it != cache.end()) return it->second;
  WordInfo info;
  info.stop = is_stop_word(folded);
  info.skip = info.stop || folded.size() < 2;
  info.surface = lexicon().intern(folded);
  info.term = info.skip ? info.surface : lexicon().intern(run_stemmer(folded));
  return cache.emplace(std::string(folded), info).first->second;
}

/// Folds word `w` of `text` into `out`: ASCII inline, the rest through fold().
void fold_word(std::string_view w, std::string& out) {
  out.clear();
  bool ascii = true;
  for (char c : w) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (!ascii) {
    out = fold(w);
    return;
  }
  out.assign(w);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
}

/// Bytes of the UTF-8 sequence at `at`.
size_t char_len(const std::string& s, size_t at) {
  size_t len = 1;
  while (at + len < s.size() && (static_cast<unsigned char>(s[at + len]) & 0xC0) == 0x80) ++len;
  return len;
}

constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

/// Appends `s` as a JSON/JS string literal (UTF-8 kept; control characters, quotes, backslashes
/// and U+2028/U+2029 escaped).
void append_js_string(std::string& out, std::string_view s) {
  out += '"';
  size_t plain = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    // Eight bytes at a time past those that stay as they are (no '"', '\\', control character
    // or the first byte of U+2028/U+2029).
    while (i + 8 <= s.size()) {
      const uint64_t word = load8(s.data() + i);
      if (has_byte(word, '"') || has_byte(word, '\\') || has_byte_below(word, 0x20) || has_byte(word, 0xE2)) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const char* esc = nullptr;
    char buf[8];
    if (c == '"') esc = "\\\"";
    else if (c == '\\') esc = "\\\\";
    else if (c < 0x20) {
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      esc = buf;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out.append(s, plain, i - plain);
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
      plain = i + 1;
      continue;
    }
    if (!esc) continue;
    out.append(s, plain, i - plain);
    out += esc;
    plain = i + 1;
  }
  out.append(s, plain, s.size() - plain);
  out += '"';
}

namespace {

std::string js_string(std::string_view s) {
  std::string out;
  append_js_string(out, s);
  return out;
}

/// Whitespace collapsed; at most `limit` bytes, cut at a word boundary (UTF-8 safe) with "…". In a
/// buffer each thread reuses (valid until its next call): a large site makes 65,000 of them.
std::string_view make_excerpt(std::string_view text, size_t limit) {
  // Written through a pointer: the excerpt is never longer than the text and its "…".
  thread_local std::string buffer;
  if (buffer.size() < text.size() + 3) buffer.resize(text.size() + 3);
  char* const begin = buffer.data();
  char* w = begin;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = w != begin;
      continue;
    }
    if (space) {
      if (static_cast<size_t>(w - begin) >= limit) {
        std::memcpy(w, "…", 3);
        return std::string_view(begin, static_cast<size_t>(w + 3 - begin));
      }
      *w++ = ' ';
      space = false;
    }
    *w++ = c;
  }
  size_t size = static_cast<size_t>(w - begin);
  if (size > limit + 24) {  // one very long word
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(begin[cut]) & 0xC0) == 0x80) --cut;
    std::memcpy(begin + cut, "…", 3);
    size = cut + 3;
  }
  return std::string_view(begin, size);
}

}  // namespace

std::string_view excerpt_prefix(std::string_view text, size_t max_chars) {
  // make_excerpt's walk, counting instead of copying: it stops at the first word that starts
  // after `max_chars` output bytes, and any shorter excerpt stops at or before that word. A text
  // of at most `max_chars` bytes never gets there (white space only shrinks).
  if (text.size() <= max_chars) return text;
  auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  const size_t n = text.size();
  size_t out = 0, i = 0;
  while (i < n && blank(text[i])) ++i;  // leading white space writes nothing
  while (i < n) {
    // A word, then the white space after it (one space in the excerpt when a word follows).
    const size_t word = i;
    while (i < n && !blank(text[i])) ++i;
    out += i - word;
    while (i < n && blank(text[i])) ++i;
    if (i == n) break;
    if (out >= max_chars) return text.substr(0, i + 1);
    ++out;
  }
  return text;
}

bool is_word_code_point(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, dingbats
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;
  if (cp == 0xFEFF || cp == 0xFFFD) return false;
  return true;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string buf;
  for_each_word(text, [&](size_t at, size_t len) {
    fold_word(text.substr(at, len), buf);
    out.push_back(buf);
  });
  return out;
}

bool is_stop_word(std::string_view folded) { return stop_set().count(folded) > 0; }

const std::vector<std::string>& stop_words() {
  static const std::vector<std::string> list(std::begin(kStopWords), std::end(kStopWords));
  return list;
}

std::string stem(std::string_view folded) { return run_stemmer(folded); }

void put_varint(std::string& out, uint32_t value) {
  // Written from the end of the buffer, so its digits need no reversing.
  char buf[8];
  char* p = buf + sizeof buf;
  *--p = kDigits[32 + (value & 31)];
  for (value >>= 5; value; value >>= 5) *--p = kDigits[value & 31];
  out.append(p, static_cast<size_t>(buf + sizeof buf - p));
}

namespace {

static_assert(std::endian::native == std::endian::little, "the word-at-a-time tokenizer reads the first byte lowest");

/// 0x80 in each byte of `chunk` that is an ASCII letter or digit, 0 in the others. Each test
/// works on 7-bit values, so no byte borrows from its neighbour.
uint64_t ascii_alnum(uint64_t chunk) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const uint64_t x = chunk & ~kHigh;
  const uint64_t folded = x | (kOnes * 0x20);  // A–Z as a–z
  const uint64_t letter = ((folded | kHigh) - kOnes * 'a') & (kOnes * (0x80 + 'z') - folded);
  const uint64_t digit = ((x | kHigh) - kOnes * '0') & (kOnes * (0x80 + '9') - x);
  return (letter | digit) & ~chunk & kHigh;
}

/// Per-thread state of analyse(): a word cache (open addressing, keys in one arena) and
/// "last seen" stamps by term id, so a section's distinct terms are found without sorting.
struct Analyser {
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0, length = 0;
    WordInfo info;
    bool used = false;
  };
  std::vector<Slot> slots = std::vector<Slot>(4096);
  std::string arena;
  size_t count = 0;
  std::vector<uint32_t> term_stamp, term_slot, surface_stamp;
  uint32_t stamp = 0;
  std::vector<TermHit> scratch;  ///< the terms of the section being read

  /// The cache's hash of a word, eight bytes at a time (words are hashed whole, after the
  /// tokenizer found their end). mix() is invertible, so words of at most eight bytes with the
  /// same length and hash are the same word: info() compares only longer ones.
  static uint64_t hash_of(std::string_view w) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ w.size();
    size_t i = 0;
    for (; i + 8 <= w.size(); i += 8) h = mix(h ^ load8(w.data() + i));
    return mix(h ^ tail_of(w.data() + i, w.size() - i));
  }
  /// The `n` (< 8) bytes at `p`, first byte lowest, without a loop: two loads that may overlap
  /// (the bytes they share are the same, so OR keeps them).
  static uint64_t tail_of(const char* p, size_t n) {
    auto byte = [p](size_t k) { return uint64_t{static_cast<unsigned char>(p[k])}; };
    if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      return lo | uint64_t{hi} << (8 * (n - 4));
    }
    if (n == 0) return 0;
    return byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1));
  }
  static uint64_t mix(uint64_t h) {
    h *= 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
  }

  const WordInfo& info(std::string_view w, uint64_t h) {
    size_t mask = slots.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots[i];
      if (!slot.used) break;
      if (slot.hash == h && slot.length == w.size() &&
          (w.size() <= 8 || std::memcmp(arena.data() + slot.offset, w.data(), w.size()) == 0))
        return slot.info;
    }
    if ((count + 1) * 2 > slots.size()) grow();
    mask = slots.size() - 1;
    size_t i = h & mask;
    while (slots[i].used) i = (i + 1) & mask;
    Slot& slot = slots[i];
    slot.used = true;
    slot.hash = h;
    slot.offset = static_cast<uint32_t>(arena.size());
    slot.length = static_cast<uint32_t>(w.size());
    arena.append(w);
    ++count;
    slot.info = word_info(w);
    const uint32_t top = std::max(slot.info.term, slot.info.surface) + 1;
    if (term_stamp.size() < top) {
      term_stamp.resize(top * 2, 0);
      term_slot.resize(top * 2, 0);
      surface_stamp.resize(top * 2, 0);
    }
    return slot.info;
  }

  void grow() {
    std::vector<Slot> old(slots.size() * 2);
    old.swap(slots);
    const size_t mask = slots.size() - 1;
    for (const Slot& s : old) {
      if (!s.used) continue;
      size_t i = s.hash & mask;
      while (slots[i].used) i = (i + 1) & mask;
      slots[i] = s;
    }
  }
};

Analyser& analyser() {
  thread_local Analyser a;
  return a;
}

}  // namespace

const std::string& excerpt_source(const Doc& doc, size_t s) {
  const Section& section = doc.sections[s];
  return section.text.empty() && s == 0 ? doc.extra : section.text;
}

std::string excerpts(const std::vector<std::string>& sources, size_t excerpt_chars) {
  std::string out;
  out.reserve(16 + sources.size() * (excerpt_chars + 8));
  out += '[';
  for (size_t s = 0; s < sources.size(); ++s) {
    if (s) out += ',';
    append_js_string(out, make_excerpt(sources[s], excerpt_chars));
  }
  out += ']';
  return out;
}

IndexedDoc analyse(const Doc& doc, size_t excerpt_chars) {
  Analyser& an = analyser();
  IndexedDoc out;
  const uint32_t page_stamp = ++an.stamp;
  std::vector<TermHit>* terms = nullptr;
  uint32_t section_stamp = 0;
  std::string folded, joined;

  auto hit = [&](const WordInfo& info, uint8_t weight) {
    if (info.skip) return;
    if (an.term_stamp[info.term] != section_stamp) {
      an.term_stamp[info.term] = section_stamp;
      an.term_slot[info.term] = static_cast<uint32_t>(terms->size());
      TermHit& added = terms->emplace_back();
      added.term = info.term;
      added.weight = weight;
    } else {
      TermHit& seen = (*terms)[an.term_slot[info.term]];
      const uint8_t w = seen.weight;
      seen.weight = weight == kBody && w <= kBodyMany ? static_cast<uint8_t>(kBodyMany) : std::max(w, weight);
    }
    if (info.surface != info.term && an.surface_stamp[info.surface] != page_stamp) {
      an.surface_stamp[info.surface] = page_stamp;
      out.surfaces.emplace_back(info.surface, info.term);
    }
  };

  // The tokenizer of for_each_word(), fused with folding and hashing for ASCII words.
  auto word_starts_at = [](std::string_view text, size_t k) {
    if (k >= text.size()) return false;
    const unsigned char c = static_cast<unsigned char>(text[k]);
    if (c < 0x80) return is_word_code_point(c);
    return is_word_code_point(decode_utf8(text, k));
  };
  // ASCII byte → its lowercase letter or digit, or 0 for a separator.
  static const auto kAscii = [] {
    std::array<unsigned char, 128> t{};
    for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<unsigned char>(c);
    for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 32] = static_cast<unsigned char>(c);
    return t;
  }();
  constexpr size_t kWordMax = 128;  // longer ASCII words take fold()'s way
  char wbuf[kWordMax];
  auto add_text = [&](std::string_view text, uint8_t weight) {
    const size_t n = text.size();
    const char* p = text.data();
    size_t i = 0;
    bool joining = false;  // `joined` holds the parts of a hyphenated word so far
    while (i < n) {
      while (i < n) {  // to the start of the next word
        const unsigned char c = static_cast<unsigned char>(p[i]);
        if (c < 0x80) {
          if (kAscii[c]) break;
          ++i;
        } else {
          size_t j = i;
          if (is_word_code_point(decode_utf8(text, j))) break;
          i = j;
        }
      }
      if (i >= n) break;
      const size_t start = i;
      bool ascii = true;
      size_t len = 0;
      while (i < n) {
        if (len + 8 <= kWordMax && i + 8 <= n) {
          // Eight bytes at a time up to the first that is no ASCII letter or digit; | 0x20
          // lowercases the letters and leaves the digits as they are.
          const uint64_t chunk = load8(p + i);
          const uint64_t lower = chunk | 0x2020202020202020ull;
          std::memcpy(wbuf + len, &lower, 8);
          const uint64_t stop = ~ascii_alnum(chunk) & 0x8080808080808080ull;
          const size_t k = stop ? static_cast<size_t>(std::countr_zero(stop)) / 8 : 8;
          len += k;
          i += k;
          if (k == 8) continue;  // else the byte below ends the word or, outside ASCII, may go on
        }
        const unsigned char c = static_cast<unsigned char>(p[i]);
        if (c < 0x80) {
          const unsigned char lower = kAscii[c];
          if (!lower) break;
          if (len < kWordMax) wbuf[len] = static_cast<char>(lower);
          ++len;
          ++i;
        } else {
          size_t j = i;
          if (!is_word_code_point(decode_utf8(text, j))) break;
          ascii = false;
          i = j;
        }
      }
      std::string_view word;
      if (!ascii || len > kWordMax) {
        folded = fold(text.substr(start, i - start));
        word = folded;
      } else {
        word = std::string_view(wbuf, len);
      }
      hit(an.info(word, Analyser::hash_of(word)), weight);
      // "re-integratie" is also indexed as "reintegratie".
      const bool hyphen_follows = i < n && p[i] == '-' && word_starts_at(text, i + 1);
      if (joining) joined += word;
      else if (hyphen_follows) joined = word;
      if (joining && !hyphen_follows) hit(an.info(joined, Analyser::hash_of(joined)), weight);
      joining = hyphen_follows;
    }
  };

  out.parts.resize(doc.sections.size());
  if (excerpt_chars) {
    out.excerpts.reserve(16 + doc.sections.size() * (excerpt_chars + 8));
    out.excerpts += '[';
  }
  out.url = doc.url;
  out.title = doc.title;
  out.headings.reserve(doc.sections.size());
  for (size_t s = 0; s < doc.sections.size(); ++s) {
    const Section& section = doc.sections[s];
    terms = &an.scratch;  // grows here, copied to the part at its size when the section ends
    terms->clear();
    section_stamp = ++an.stamp;
    if (s == 0) {
      add_text(doc.title, kTitle);
      add_text(doc.extra, kBody);
    }
    add_text(section.heading, kHeading);
    add_text(section.text, kBody);
    out.parts[s].assign(terms->begin(), terms->end());
    if (excerpt_chars) {
      if (s) out.excerpts += ',';
      append_js_string(out.excerpts, make_excerpt(excerpt_source(doc, s), excerpt_chars));
    }
    if (s == 0) continue;
    // An anchor the browser derives from the heading is left out of the index.
    const bool derived = section.slug_anchor ? *section.slug_anchor : section.anchor == slugify(section.heading);
    out.headings.emplace_back(section.heading, derived ? std::string() : section.anchor);
  }
  if (excerpt_chars) out.excerpts += ']';
  // A large site keeps every page's IndexedDoc until finish(): no spare capacity.
  out.excerpts.shrink_to_fit();
  out.surfaces.shrink_to_fit();
  return out;
}

const std::string& term_text(uint32_t id) { return lexicon().text(id); }

IndexFiles build_index(const std::vector<IndexedDoc>& list, const IndexOptions& options) {
  std::vector<const IndexedDoc*> docs;
  docs.reserve(list.size());
  for (const IndexedDoc& d : list) docs.push_back(&d);
  return build_index(docs, options);
}

IndexFiles build_index(const std::vector<const IndexedDoc*>& docs, const IndexOptions& options) {
  IndexFiles result;
  // Postings per term id, in doc order (a doc is one section of a page): a counting sort, each
  // share of the pages counted and placed on its own core. Pushing 2 million hits into a vector
  // per term was a third of a large site's index time, on one core.
  const size_t term_count = lexicon_size();  // every id in `docs` is below it
  const size_t shares = std::min<size_t>(worker_count(0), std::max<size_t>(docs.size(), 1));
  std::vector<uint32_t> first_doc(docs.size() + 1, 0);  // doc number of each page's intro
  for (size_t p = 0; p < docs.size(); ++p) first_doc[p + 1] = first_doc[p] + static_cast<uint32_t>(docs[p]->parts.size());
  result.docs = first_doc.back();
  auto share_begin = [&](size_t k) { return docs.size() * k / shares; };
  // counts[k][t]: hits of term t in share k; then where share k writes term t's next hit.
  std::vector<std::vector<uint32_t>> counts(shares, std::vector<uint32_t>(term_count, 0));
  parallel_for(shares, 0, [&](size_t k, unsigned) {
    for (size_t p = share_begin(k); p < share_begin(k + 1); ++p)
      for (const auto& part : docs[p]->parts)
        for (const auto& t : part) ++counts[k][t.term];
  });
  std::vector<uint32_t> term_start(term_count + 1, 0);  // term t's hits: [term_start[t], term_start[t + 1])
  for (size_t t = 0; t < term_count; ++t) {
    uint32_t at = term_start[t];
    for (size_t k = 0; k < shares; ++k) at += std::exchange(counts[k][t], at);
    term_start[t + 1] = at;
  }
  std::vector<uint32_t> hits(term_start.back());  // doc << 2 | weight
  parallel_for(shares, 0, [&](size_t k, unsigned) {
    std::vector<uint32_t>& next = counts[k];
    for (size_t p = share_begin(k); p < share_begin(k + 1); ++p) {
      uint32_t doc = first_doc[p];
      for (const auto& part : docs[p]->parts) {
        for (const auto& t : part) hits[next[t.term]++] = doc << 2 | t.weight;
        ++doc;
      }
    }
  });
  counts = {};
  std::vector<uint32_t> terms;  // the ids with hits, ascending
  for (uint32_t id = 0; id < term_count; ++id)
    if (term_start[id + 1] > term_start[id]) terms.push_back(id);
  result.terms = terms.size();
  result.postings = hits.size();
  // Encoded side by side (the gaps between docs as varints), then keyed by text one by one.
  std::vector<std::string> encoded(terms.size());
  parallel_for(shares, 0, [&](size_t k, unsigned) {
    for (size_t i = terms.size() * k / shares; i < terms.size() * (k + 1) / shares; ++i) {
      std::string& enc = encoded[i];
      int64_t prev = -1;
      for (uint32_t at = term_start[terms[i]]; at < term_start[terms[i] + 1]; ++at) {
        const uint32_t v = hits[at];
        const int64_t d = v >> 2;
        put_varint(enc, static_cast<uint32_t>((d - prev - 1) << 2 | (v & 3)));
        prev = d;
      }
    }
  });
  // The raw postings go before the shards are made (a large site's peak memory).
  hits = {};
  term_start = {};

  // Keys of the prefix shards: terms (postings), surface words (→ term), compound tails.
  struct Entry {
    std::string postings;                    // encoded, or empty
    std::string stem;                        // for a surface word
    std::vector<std::string> compounds;      // terms that end in this one
  };
  std::map<std::string, Entry> entries;
  // Views of the lexicon's texts (a deque: they stay where they are).
  std::unordered_set<std::string_view> term_set;
  for (size_t i = 0; i < terms.size(); ++i) {
    const std::string& text = term_text(terms[i]);
    term_set.insert(text);
    entries[text].postings = std::move(encoded[i]);
  }
  encoded = {};
  // Surface words (as written, folded) → their term; a surface has one term, whichever page.
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> surface_of(term_count, kNone);
  for (const IndexedDoc* d : docs)
    for (const auto& [surface, term] : d->surfaces)
      if (surface_of[surface] == kNone) surface_of[surface] = term;
  std::unordered_set<std::string_view> surface_set;
  for (uint32_t surface = 0; surface < term_count; ++surface) {
    if (surface_of[surface] == kNone) continue;
    const std::string& s = term_text(surface);
    surface_set.insert(s);
    entries[s].stem = term_text(surface_of[surface]);
  }
  // Compound parts: a term that ends in another term of at least 4 letters, with a known word or
  // stem (optionally plus a linking s) before it: "jobcoachorganisatie" → "organisatie".
  auto known = [&](std::string_view w) { return w.size() >= 3 && (term_set.count(w) || surface_set.count(w)); };
  for (const std::string_view term : term_set) {
    if (term.size() < 8) continue;
    for (size_t k = 3; k + 4 <= term.size(); ++k) {
      const std::string_view tail = term.substr(k);
      if (!term_set.count(tail)) continue;
      const std::string_view head = term.substr(0, k);
      const bool ok = known(head) || (head.back() == 's' && known(head.substr(0, k - 1)));
      if (ok) entries[std::string(tail)].compounds.emplace_back(term);
    }
  }
  for (auto& [key, e] : entries) std::sort(e.compounds.begin(), e.compounds.end());

  // Shards: split a prefix group while it is too big and its keys are longer than the prefix.
  auto entry_size = [](const std::string& key, const Entry& e) {
    size_t n = key.size() + 8 + e.postings.size() + e.stem.size();
    for (const auto& c : e.compounds) n += c.size() + 3;
    return n;
  };
  std::vector<std::pair<std::string, std::vector<const std::pair<const std::string, Entry>*>>> shards;
  std::function<void(const std::string&, std::vector<const std::pair<const std::string, Entry>*>&)> split =
      [&](const std::string& prefix, std::vector<const std::pair<const std::string, Entry>*>& group) {
        size_t size = 0;
        for (auto* e : group) size += entry_size(e->first, e->second);
        if (size <= options.shard_bytes || prefix.size() >= 6) {
          shards.emplace_back(prefix, std::move(group));
          return;
        }
        std::vector<const std::pair<const std::string, Entry>*> here;
        std::map<std::string, std::vector<const std::pair<const std::string, Entry>*>> sub;
        for (auto* e : group) {
          if (e->first.size() <= prefix.size()) here.push_back(e);
          else sub[e->first.substr(0, prefix.size() + char_len(e->first, prefix.size()))].push_back(e);
        }
        if (!here.empty()) shards.emplace_back(prefix, std::move(here));
        for (auto& [p, g] : sub) split(p, g);
      };
  {
    std::map<std::string, std::vector<const std::pair<const std::string, Entry>*>> top;
    for (const auto& e : entries) {
      top[e.first.substr(0, char_len(e.first, 0))].push_back(&e);
    }
    for (auto& [p, g] : top) split(p, g);
  }
  std::sort(shards.begin(), shards.end(), [](auto& a, auto& b) { return a.first < b.first; });

  // The shards, the names and the excerpt chunks are made side by side (below); only the writing
  // of a file takes turns.
  std::mutex write_mutex;
  auto emit = [&](const std::string& stem, const std::string& body) {
    const std::string name = stem + "." + content_hash(body).substr(0, 10);
    std::string file;  // one copy of the body (a chunk of excerpts runs to tens of kilobytes)
    file.reserve(body.size() + name.size() + 24);
    file.append("WijzerZoek.laad(\"").append(name).append("\",").append(body).append(");\n");
    std::lock_guard lock(write_mutex);
    if (options.write) options.write("search/" + name + ".js", file);
    else result.files["search/" + name + ".js"] = std::move(file);
    return name;
  };

  // A compound's postings are also copied into the shard of each term it ends in ("x"), so a query
  // word that matches the term finds its compounds without loading their shards.
  std::unordered_map<std::string_view, size_t> shard_of;
  for (size_t i = 0; i < shards.size(); ++i)
    for (auto* e : shards[i].second) shard_of.emplace(e->first, i);

  std::vector<std::string> shard_names(shards.size());
  auto make_shard = [&](size_t i) {
    std::string t, w, c, x;
    std::map<std::string_view, const std::string*> copies;
    // Appended in place: a site has thousands of keys, each a few short pieces.
    auto key_to = [](std::string& list, const std::string& key) {
      if (!list.empty()) list += ',';
      append_js_string(list, key);
      list += ':';
    };
    for (auto* e : shards[i].second) {
      const auto& [key, entry] = *e;
      if (!entry.postings.empty()) {
        key_to(t, key);
        t += '"';
        t += entry.postings;
        t += '"';
      }
      if (!entry.stem.empty()) {
        key_to(w, key);
        append_js_string(w, entry.stem);
      }
      if (!entry.compounds.empty()) {
        key_to(c, key);
        c += '[';
        for (size_t k = 0; k < entry.compounds.size(); ++k) {
          const std::string& compound = entry.compounds[k];
          if (k) c += ',';
          append_js_string(c, compound);
          const auto it = entries.find(compound);
          const auto home = shard_of.find(compound);
          if (it != entries.end() && !it->second.postings.empty() && home != shard_of.end() && home->second != i)
            copies.emplace(compound, &it->second.postings);
        }
        c += "]";
      }
    }
    for (const auto& [key, list] : copies) {
      if (!x.empty()) x += ',';
      append_js_string(x, key);
      x += ":\"";
      x += *list;
      x += '"';
    }
    shard_names[i] = emit("t" + std::to_string(i), "{\"t\":{" + t + "},\"w\":{" + w + "},\"c\":{" + c + "},\"x\":{" + x + "}}");
  };

  // Names (URL, title, headings) of page ranges of about names_bytes, and excerpts of page ranges of
  // about chunk_bytes: [first page, file name] lists in the manifest.
  std::string names_list, chunk_list, sections;
  auto list_add = [](std::string& list, size_t first, const std::string& name) {
    list += (list.empty() ? "[" : ",[") + std::to_string(first) + ",\"" + name + "\"]";
  };
  auto make_names = [&] {
    // {"h": [distinct headings of the file], "p": [[n, rest of the URL after n bytes of the previous
    // page's URL in this file, title, heading index or [heading index, anchor] per section], …]}
    std::string pages, headings;
    std::unordered_map<std::string_view, size_t> heading_no;
    size_t first = 0, file_no = 0;
    auto flush = [&](size_t next_first) {
      if (pages.empty()) return;
      list_add(names_list, first, emit("n" + std::to_string(file_no++), "{\"h\":[" + headings + "],\"p\":[" + pages + "]}"));
      pages.clear();
      headings.clear();
      heading_no.clear();
      first = next_first;
    };
    for (size_t p = 0; p < docs.size(); ++p) {
      const IndexedDoc& d = *docs[p];
      put_varint(sections, static_cast<uint32_t>(d.parts.size()));
      size_t shared = 0;
      if (!pages.empty()) {
        pages += ',';
        const std::string& prev = docs[p - 1]->url;
        while (shared < prev.size() && shared < d.url.size() && prev[shared] == d.url[shared]) ++shared;
        while (shared > 0 && (static_cast<unsigned char>(d.url[shared]) & 0xC0) == 0x80) --shared;
      }
      pages += '[' + std::to_string(shared) + ',';
      append_js_string(pages, std::string_view(d.url).substr(shared));
      pages += ',';
      append_js_string(pages, d.title);
      for (const auto& [heading, anchor] : d.headings) {
        auto [it, added] = heading_no.emplace(heading, heading_no.size());
        if (added) {
          if (it->second) headings += ',';
          append_js_string(headings, heading);
        }
        pages += ',';
        if (anchor.empty()) {
          pages += std::to_string(it->second);
        } else {
          pages += '[' + std::to_string(it->second) + ',';
          append_js_string(pages, anchor);
          pages += ']';
        }
      }
      pages += ']';
      if (pages.size() + headings.size() >= options.names_bytes) flush(p + 1);
    }
    flush(docs.size());
  };
  // The excerpt chunks: where each begins is known from the sizes alone, so each is made on its own.
  auto excerpts_of = [&](size_t p) -> const std::string& { return options.excerpts ? (*options.excerpts)[p] : docs[p]->excerpts; };
  std::vector<size_t> chunk_first;  // first page of each chunk, then docs.size()
  for (size_t p = 0, size = 0; p < docs.size(); ++p) {
    if (size == 0) chunk_first.push_back(p);
    size += 1 + excerpts_of(p).size();  // '[' or ',', then the page's excerpts
    if (size >= options.chunk_bytes) size = 0;
  }
  chunk_first.push_back(docs.size());
  std::vector<std::string> chunk_names(chunk_first.size() - 1);
  auto make_chunk = [&](size_t k) {
    std::string body;
    for (size_t p = chunk_first[k]; p < chunk_first[k + 1]; ++p) {
      body += body.empty() ? '[' : ',';
      body += excerpts_of(p);
    }
    body += ']';
    chunk_names[k] = emit("d" + std::to_string(k), body);
  };
  // One task per file but the names (one pass: each file's headings depend on the last), which
  // goes first while the other cores take the shards and chunks.
  parallel_for(1 + shards.size() + chunk_names.size(), 0, [&](size_t i, unsigned) {
    if (i == 0) make_names();
    else if (i <= shards.size()) make_shard(i - 1);
    else make_chunk(i - 1 - shards.size());
  });
  std::string shard_list;
  for (size_t i = 0; i < shards.size(); ++i)
    shard_list += (i ? "," : "") + js_string(shards[i].first) + ":\"" + shard_names[i] + "\"";
  for (size_t k = 0; k < chunk_names.size(); ++k) list_add(chunk_list, chunk_first[k], chunk_names[k]);

  std::string stop;
  for (const auto& s : stop_words()) stop += (stop.empty() ? "" : " ") + s;
  const std::string manifest = "{\"v\":1,\"docs\":" + std::to_string(result.docs) +
                               ",\"stop\":" + js_string(stop) + ",\"shards\":{" + shard_list + "},\"names\":[" +
                               names_list + "],\"chunks\":[" + chunk_list + "],\"sections\":\"" + sections + "\"" +
                               (options.manifest_extra.empty() ? "" : "," + options.manifest_extra) + "}";
  std::string index = "WijzerZoek.laad(\"index\"," + manifest + ");\n";
  if (options.write) options.write("search/index.js", index);
  else result.files["search/index.js"] = std::move(index);
  return result;
}

}  // namespace wijzer::search
