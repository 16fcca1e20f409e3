#pragma once

#include <cstdint>
#include <functional>
#include <utility>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"  // decode_utf8

namespace wijzer::search {

/// Splits UTF-8 text into words: runs of ASCII letters and digits and of non-ASCII letters
/// (U+00C0 and up, except × ÷, general punctuation and symbols). Calls `word(begin, length)`
/// with byte offsets. The browser (site-assets/search/search.js) splits queries the same way.
template <typename F>
void for_each_word(std::string_view text, F&& word);

/// fold() plus the tokenizer: the folded (lowercase, diacritics removed) words of `text`.
std::vector<std::string> words(std::string_view text);

/// Snowball's Dutch stop words (folded). Not indexed; dropped from queries.
bool is_stop_word(std::string_view folded);
const std::vector<std::string>& stop_words();

/// Snowball's Dutch stemmer (libstemmer, "dutch", UTF-8) of a folded word. Thread-safe: one
/// stemmer and one cache per thread.
std::string stem(std::string_view folded);

/// Weights of a term in a section, best last.
enum Weight : uint8_t { kBody = 0, kBodyMany = 1, kHeading = 2, kTitle = 3 };

/// A term of a section: lexicon id (see term_text) and its best weight there. Four bytes: every
/// page keeps one per distinct term and section until the index is written.
struct TermHit {
  uint32_t term : 30;
  uint32_t weight : 2;  ///< a Weight
};
static_assert(sizeof(TermHit) == 4);

/// The text of a term or surface word id (ids are shared by the whole process).
const std::string& term_text(uint32_t id);

/// One part of a page a search result can point at: the page intro (no heading) or a heading
/// section.
struct Section {
  std::string heading;  ///< plain text; empty for the intro
  std::string anchor;   ///< id on the page; empty for the intro
  std::string text;     ///< plain text of the section body
  std::optional<bool> slug_anchor = std::nullopt;  ///< anchor == slugify(heading), when the caller knows it
};

/// What the index keeps of one page.
struct Doc {
  std::string url;    ///< relative to the site root
  std::string title;  ///< page title
  std::vector<Section> sections;
  std::string extra;  ///< indexed with the intro but not shown (description, facts)
};

/// A page, tokenised: per section its distinct terms with their best weight, and what results
/// show of it.
struct IndexedDoc {
  std::string url;    ///< relative to the site root
  std::string title;  ///< page title
  /// Per heading section: its heading and its anchor, the anchor empty where the browser derives
  /// it from the heading (slugify).
  std::vector<std::pair<std::string, std::string>> headings;
  /// The sections' excerpts (intro first) as a JS array literal (empty when analysed without).
  std::string excerpts;
  std::vector<std::vector<TermHit>> parts;  ///< per section (intro first): unique terms
  /// (folded word, its stem) ids where they differ: typed prefixes of a word find its stem.
  std::vector<std::pair<uint32_t, uint32_t>> surfaces;
};

/// Tokenises, folds and stems a page and writes its metadata (the expensive part: run it in
/// parallel, one page per call). Sections longer than `excerpt_chars` get a shortened excerpt;
/// 0: no excerpts (the caller makes them later with excerpts()).
IndexedDoc analyse(const Doc& doc, size_t excerpt_chars);

/// The text section `s` of `doc` shows as its excerpt (the intro without text shows `extra`).
const std::string& excerpt_source(const Doc& doc, size_t s);
/// IndexedDoc::excerpts for these excerpt sources at another length (as analyse() makes them).
std::string excerpts(const std::vector<std::string>& sources, size_t excerpt_chars);
/// The start of `text` that gives every excerpt up to `max_chars` long exactly as the whole text
/// does (what a page keeps to shorten its excerpts later, not its whole text).
std::string_view excerpt_prefix(std::string_view text, size_t max_chars);

/// The written index: file path (relative to the site root) → bytes.
struct IndexFiles {
  std::map<std::string, std::string> files;
  size_t docs = 0, terms = 0, postings = 0;
};

struct IndexOptions {
  size_t shard_bytes = 48 * 1024;   ///< split a term-prefix shard above this size
  size_t names_bytes = 64 * 1024;   ///< pages per names file: about this many bytes
  size_t chunk_bytes = 8 * 1024;    ///< pages per excerpt chunk: about this many bytes
  /// More members of the manifest (`"key":value,…`): what ranking needs beyond the postings.
  std::string manifest_extra;
  /// Per doc, its excerpts (search::excerpts()) instead of IndexedDoc::excerpts.
  const std::vector<std::string>* excerpts = nullptr;
  /// Where each file goes as soon as it is made (IndexFiles::files then stays empty), so a large
  /// index is never held whole.
  std::function<void(const std::string& path, const std::string& bytes)> write;
};

/// Builds search/index.js (manifest), search/t*.js (terms by prefix: postings, prefixes,
/// compound parts with copies of their postings), search/n*.js (page URLs, titles, section
/// headings: what a result list shows; few and large, so they are loaded early) and search/d*.js
/// (the sections' excerpts: small, loaded for the results shown). All are classic scripts that
/// call window.WijzerZoek.laad(name, data). Docs are given in page order.
IndexFiles build_index(const std::vector<IndexedDoc>& docs, const IndexOptions& options = {});
IndexFiles build_index(const std::vector<const IndexedDoc*>& docs, const IndexOptions& options = {});

/// Appends `s` as a JS string literal.
void append_js_string(std::string& out, std::string_view s);

/// The 5-bit varint code of the index (see docs/search.md): digits "A-Za-f" continue a number,
/// "g-z0-9-_" end it.
void put_varint(std::string& out, uint32_t value);

// ---------------------------------------------------------------------------

bool is_word_code_point(char32_t cp);

template <typename F>
void for_each_word(std::string_view text, F&& word) {
  size_t i = 0, start = std::string_view::npos;
  while (i < text.size()) {
    const size_t at = i;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    bool in_word;
    if (c < 0x80) {
      ++i;
      in_word = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    } else {
      in_word = is_word_code_point(decode_utf8(text, i));
    }
    if (in_word) {
      if (start == std::string_view::npos) start = at;
    } else if (start != std::string_view::npos) {
      word(start, at - start);
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) word(start, text.size() - start);
}

}  // namespace wijzer::search
