#pragma once
#include <string>
#include <vector>

namespace wijzer {

/// One plain-language problem of a client text, at a line and column of that text (1-based).
struct PlainWarning {
  int line = 1;
  int col = 1;
  std::string message;
};

/// What the glossary does for a client page: which words it links (with a tooltip) at their first
/// use, and which of them clients can read there, and which terms count as jargon.
struct PlainGlossary {
  /// One glossary term.
  struct Term {
    std::vector<std::string> forms;  ///< the term and its variants, lowercased
    bool explained = false;          ///< has a client definition: its tooltip explains it to clients
    bool jargon = false;             ///< "jargon": true: must be explained at first use
  };
  std::vector<Term> terms;
  /// Link targets that count as an explanation (the glossary page's source path, e.g.
  /// "begrippen/_index.md"); a markdown link whose URL contains one explains its text.
  std::string page_source;
};

/// One text of a data file (a client flow's step), with the position of its first character.
struct PlainText {
  std::string text;
  int line = 1;
  int col = 1;
};

/// The longest sentence clients should meet, in words.
constexpr int kMaxClientSentenceWords = 20;

/// Checks a markdown page body for clients: "u"/"uw" as a pronoun, sentences over 20 words, and
/// abbreviations (ALL-CAPS words of 2–6 letters) or jargon terms not explained at their first use
/// (explained: the glossary links it there with a client definition, the text links to the
/// glossary page, or a "(…)" expansion follows it, or it stands alone between brackets after
/// its expansion). Lines are body lines.
std::vector<PlainWarning> check_plain_markdown(const std::string& body, const PlainGlossary& glossary);

/// The same checks for the texts of one generated client page (a flow step), which gets no
/// glossary links: only a "(…)" expansion explains there. Positions are the texts' own.
std::vector<PlainWarning> check_plain_texts(const std::vector<PlainText>& texts, const PlainGlossary& glossary);

}  // namespace wijzer
