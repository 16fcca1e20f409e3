// HTML passes that turn one page's body into a part of the whole-leidraad document.
#pragma once
#include <functional>
#include <string>

namespace wijzer {

/// A link to a page (or heading) inside the document, as rewrite_links() writes it before
/// into_document() runs: "#" kDocumentLink "d7-taken".
inline constexpr char kDocumentLink = '@';

/// Makes a page's rendered body fit in the document:
///  - every heading `shift` levels lower (h2 → h4 for shift 2; at most h6), so the page's own
///    title stays above them in the outline;
///  - every id, and every link to one on the same page ("#x"), gets `prefix` + "-", so ids stay
///    unique across pages;
///  - every aria-label gets `label_suffix` (" (§ 3.2)"): a landmark such as the table box
///    "Tabel 1" stays unique in the document;
///  - a link marked as a link into the document ("#@d7-taken") loses the mark and gets, after its
///    text, what `reference(target id)` returns (the "(§ 3.2)" a reader on paper follows).
std::string into_document(const std::string& html, int shift, const std::string& prefix, const std::string& label_suffix,
                          const std::function<std::string(const std::string&)>& reference);

}  // namespace wijzer
