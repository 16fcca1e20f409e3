#include "plain_check.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>
#include "text.h"

namespace wijzer {
namespace {

/// A block of running text (paragraph, list item, heading, table cell) as a reader sees it: the
/// markdown syntax removed, each byte with its source position and what surrounds it.
struct Block {
  std::string text;
  std::vector<std::pair<int, int>> pos;
  std::vector<bool> in_link;        ///< inside a markdown link's text: the glossary adds no tooltip there
  std::vector<bool> glossary_link;  ///< inside a link to the glossary page
  bool heading = false;             ///< the glossary links no term in a heading
};

/// A stretch of a block the glossary links as a term that clients can read.
struct Span {
  size_t block, start, end;
};

bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }
bool glossary_word_byte(unsigned char c) { return word_byte(c) || c == '-'; }

/// The first whole-word occurrence of `form` in `text` from `from` (the glossary's rule).
size_t find_form(const std::string& text, const std::string& form, size_t from) {
  for (size_t at = text.find(form, from); at != std::string::npos; at = text.find(form, at + 1)) {
    const size_t end = at + form.size();
    if ((at == 0 || !glossary_word_byte(text[at - 1])) && (end == text.size() || !glossary_word_byte(text[end])))
      return at;
  }
  return std::string::npos;
}

/// Builds blocks from markdown source, one line at a time.
class BlockReader {
 public:
  std::vector<Block> blocks;
  explicit BlockReader(std::string page_source) : page_source_(std::move(page_source)) {}

  void line(const std::string& raw, int number) {
    std::string text = raw;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    size_t at = text.find_first_not_of(' ');
    const std::string rest = at == std::string::npos ? "" : text.substr(at);
    if (rest.rfind("```", 0) == 0 || rest.rfind("~~~", 0) == 0) {
      flush();
      fenced_ = !fenced_;
      return;
    }
    if (fenced_) return;
    if (rest.empty()) return flush();
    if (rest[0] == '#') {
      size_t hashes = rest.find_first_not_of('#');
      if (hashes != std::string::npos && rest[hashes] == ' ') {
        flush();
        current_.heading = true;
        std::string content = text;
        size_t end = content.find(" {#");
        if (end != std::string::npos) content.resize(end);
        inline_text(content, at + hashes + 1, number);
        return flush();
      }
    }
    if (rest[0] == '>') {
      at += 1;
      while (at < text.size() && text[at] == ' ') ++at;
    }
    if (rest[0] == '|') return table_row(text, at, number);
    if (size_t marker = list_marker(text, at); marker != at) {
      flush();
      at = marker;
    } else if (!current_.text.empty()) {
      add('\n', number, static_cast<int>(at) + 1, false, false);  // a soft line break
    }
    inline_text(text, at, number);
  }

  void flush() {
    if (!current_.text.empty()) blocks.push_back(std::move(current_));
    current_ = Block{};
  }

 private:
  std::string page_source_;
  Block current_;
  bool fenced_ = false;

  void add(char c, int line, int col, bool link, bool glossary) {
    current_.text += c;
    current_.pos.emplace_back(line, col);
    current_.in_link.push_back(link);
    current_.glossary_link.push_back(glossary);
  }

  /// Where a list item's text starts after "- ", "* ", "+ " or "1. ", or `at` when none.
  static size_t list_marker(const std::string& text, size_t at) {
    if (at + 1 < text.size() && (text[at] == '-' || text[at] == '*' || text[at] == '+') && text[at + 1] == ' ')
      return at + 2;
    size_t d = at;
    while (d < text.size() && std::isdigit(static_cast<unsigned char>(text[d]))) ++d;
    if (d > at && d + 1 < text.size() && (text[d] == '.' || text[d] == ')') && text[d + 1] == ' ') return d + 2;
    return at;
  }

  void table_row(const std::string& text, size_t at, int number) {
    flush();
    if (text.find_first_not_of("|-: ", at) == std::string::npos) return;  // the separator row
    size_t cell = at + 1;
    for (size_t bar = text.find('|', cell); cell < text.size(); bar = text.find('|', cell)) {
      inline_text(text.substr(0, bar == std::string::npos ? text.size() : bar), cell, number);
      flush();
      if (bar == std::string::npos) break;
      cell = bar + 1;
    }
  }

  /// Adds the text of `line` from `from`, without emphasis marks, code, images and link URLs.
  void inline_text(const std::string& line, size_t from, int number, bool link = false, bool glossary = false) {
    for (size_t j = from; j < line.size(); ++j) {
      const char c = line[j];
      if (c == '\\' && j + 1 < line.size()) {
        ++j;
        add(line[j], number, static_cast<int>(j) + 1, link, glossary);
      } else if (c == '`') {
        size_t end = line.find('`', j + 1);
        if (end == std::string::npos) continue;
        add('x', number, static_cast<int>(j) + 1, link, glossary);  // code counts as one word
        j = end;
      } else if (c == '*' || c == '_' || c == '~') {
        continue;
      } else if (c == '<' && line.compare(j, 5, "<http") == 0 && line.find('>', j) != std::string::npos) {
        j = line.find('>', j);
      } else if ((c == '[' || (c == '!' && j + 1 < line.size() && line[j + 1] == '[')) && !link) {
        const bool image = c == '!';
        const size_t open = image ? j + 1 : j;
        const size_t close = line.find(']', open);
        if (close == std::string::npos) continue;
        if (line[open + 1] == '^') {  // a footnote reference
          j = close;
          continue;
        }
        std::string url;
        size_t end = close;
        if (close + 1 < line.size() && line[close + 1] == '(') {
          size_t paren = line.find(')', close);
          if (paren != std::string::npos) {
            url = line.substr(close + 2, paren - close - 2);
            end = paren;
          }
        }
        if (!image) {
          const bool to_glossary = !page_source_.empty() && url.find(page_source_) != std::string::npos;
          inline_text(line.substr(0, close), open + 1, number, !url.empty(), to_glossary);
        }
        j = end;
      } else {
        add(c, number, static_cast<int>(j) + 1, link, glossary);
      }
    }
  }
};

/// Checks blocks as one page; `tooltips`: the glossary links terms (markdown pages only).
std::vector<PlainWarning> check_blocks(const std::vector<Block>& blocks, const PlainGlossary& glossary, bool tooltips) {
  std::vector<PlainWarning> out;
  auto warn = [&](const Block& b, size_t at, std::string message) {
    out.push_back({b.pos[at].first, b.pos[at].second, std::move(message)});
  };

  // Where the glossary puts its tooltips: each term's first use outside headings and links.
  std::vector<Span> explained;
  if (tooltips) {
    std::vector<bool> linked(glossary.terms.size(), false);
    for (size_t b = 0; b < blocks.size(); ++b) {
      const Block& block = blocks[b];
      if (block.heading) continue;
      const std::string lowered = lower_ascii(block.text);
      // Runs of text the glossary sees as one text node: outside links, between line breaks.
      for (size_t start = 0; start < lowered.size();) {
        size_t end = start;
        while (end < lowered.size() && lowered[end] != '\n' && block.in_link[end] == block.in_link[start]) ++end;
        if (!block.in_link[start]) {
          const std::string run = lowered.substr(start, end - start);
          for (size_t pos = 0;;) {
            size_t best = std::string::npos, best_len = 0, best_term = 0;
            for (size_t t = 0; t < glossary.terms.size(); ++t) {
              if (linked[t]) continue;
              for (const auto& form : glossary.terms[t].forms) {
                size_t at = find_form(run, form, pos);
                if (at < best || (at == best && at != std::string::npos && form.size() > best_len)) {
                  best = at, best_len = form.size(), best_term = t;
                }
              }
            }
            if (best == std::string::npos) break;
            linked[best_term] = true;
            if (glossary.terms[best_term].explained) explained.push_back({b, start + best, start + best + best_len});
            pos = best + best_len;
          }
        }
        start = end == start ? end + 1 : end;
      }
    }
  }
  auto is_explained = [&](size_t b, size_t start, size_t end) {
    const Block& block = blocks[b];
    if (block.glossary_link[start]) return true;
    for (const Span& s : explained)
      if (s.block == b && s.start <= start && end <= s.end) return true;
    size_t next = end;
    // "WW-uitkering (…)": the brackets may follow the word the abbreviation is part of.
    if (next < block.text.size() && block.text[next] == '-')
      while (next < block.text.size() && glossary_word_byte(static_cast<unsigned char>(block.text[next]))) ++next;
    while (next < block.text.size() && block.text[next] == ' ') ++next;
    if (next < block.text.size() && block.text[next] == '(') return true;  // "WW (Werkloosheidswet)"
    return start > 0 && block.text[start - 1] == '(' && end < block.text.size() && block.text[end] == ')';
  };

  std::set<std::string> seen_abbreviations;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    const std::string& text = block.text;
    int words = 0;
    size_t sentence_start = std::string::npos;
    auto end_sentence = [&] {
      if (words > kMaxClientSentenceWords)
        warn(block, sentence_start,
             "zin van " + std::to_string(words) + " woorden op een pagina voor cliënten (meer dan " +
                 std::to_string(kMaxClientSentenceWords) + "): maak er kortere zinnen van");
      words = 0;
      sentence_start = std::string::npos;
    };
    for (size_t i = 0; i < text.size();) {
      if (!word_byte(static_cast<unsigned char>(text[i]))) {
        const char c = text[i];
        if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1]))))
          end_sentence();
        ++i;
        continue;
      }
      size_t end = i;
      while (end < text.size() && word_byte(static_cast<unsigned char>(text[end]))) ++end;
      const std::string word = text.substr(i, end - i);
      // A word joined by '-' (UWV-loket) is one word for counting.
      const bool joined = i > 0 && text[i - 1] == '-' && i > 1 && word_byte(static_cast<unsigned char>(text[i - 2]));
      if (!joined) {
        if (sentence_start == std::string::npos) sentence_start = i;
        ++words;
      }
      const std::string lowered = lower_ascii(word);
      if ((lowered == "u" || lowered == "uw") && !joined && (end == text.size() || text[end] != '-'))
        warn(block, i,
             "'" + word + "' op een pagina voor cliënten: spreek de lezer aan met 'je'" +
                 (lowered == "uw" ? " of 'jouw'" : ""));
      const bool capitals = word.size() >= 2 && word.size() <= 6 &&
                            std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (capitals && seen_abbreviations.insert(word).second && !is_explained(b, i, end))
        warn(block, i,
             "afkorting '" + word +
                 "' wordt bij het eerste gebruik niet uitgelegd: geef het begrip een uitleg voor cliënten "
                 "(\"voor_clienten\" in de begrippenlijst) of zet de betekenis tussen haakjes erachter");
      i = end;
    }
    end_sentence();
  }

  // Jargon: each term's first use on the page must be explained (an ALL-CAPS use is checked above).
  for (const auto& term : glossary.terms) {
    if (!term.jargon) continue;
    for (size_t b = 0; b < blocks.size(); ++b) {
      const std::string lowered = lower_ascii(blocks[b].text);
      size_t best = std::string::npos, best_len = 0;
      for (const auto& form : term.forms)
        if (size_t at = find_form(lowered, form, 0); at < best) best = at, best_len = form.size();
      if (best == std::string::npos) continue;
      const std::string as_written = blocks[b].text.substr(best, best_len);
      const bool capitals = std::all_of(as_written.begin(), as_written.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (!capitals && !is_explained(b, best, best + best_len))
        warn(blocks[b], best,
             "vakterm '" + as_written +
                 "' wordt bij het eerste gebruik niet uitgelegd: geef het begrip een uitleg voor cliënten "
                 "(\"voor_clienten\" in de begrippenlijst) of zet de betekenis tussen haakjes erachter");
      break;
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const PlainWarning& a, const PlainWarning& b) { return std::tie(a.line, a.col) < std::tie(b.line, b.col); });
  return out;
}

}  // namespace

std::vector<PlainWarning> check_plain_markdown(const std::string& body, const PlainGlossary& glossary) {
  BlockReader reader(glossary.page_source);
  int number = 1;
  for (size_t start = 0; start <= body.size(); ++number) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    reader.line(body.substr(start, end - start), number);
    start = end + 1;
  }
  reader.flush();
  return check_blocks(reader.blocks, glossary, true);
}

std::vector<PlainWarning> check_plain_texts(const std::vector<PlainText>& texts, const PlainGlossary& glossary) {
  std::vector<Block> blocks;
  for (const PlainText& t : texts) {
    Block block;
    // A data file's text has no markdown; a line break ends a paragraph (a block). In the JSON
    // source a line break, quote or backslash takes two characters: the columns follow that.
    int col = t.col;
    for (size_t i = 0; i < t.text.size(); ++i, ++col) {
      const char c = t.text[i];
      if (c == '\n') {
        if (!block.text.empty()) blocks.push_back(std::move(block));
        block = Block{};
        ++col;
        continue;
      }
      block.text += c;
      block.pos.emplace_back(t.line, col);
      if (c == '"' || c == '\\') ++col;
      block.in_link.push_back(false);
      block.glossary_link.push_back(false);
    }
    if (!block.text.empty()) blocks.push_back(std::move(block));
  }
  return check_blocks(blocks, glossary, false);
}

}  // namespace wijzer
