#pragma once
#include <string>

namespace wijzer {

/// Drops spaces that template indentation leaves at line ends, except inside <pre>. In place:
/// the text only shrinks, so a write cursor trails the read cursor (no second copy of the page).
void trim_line_ends(std::string& html);

}  // namespace wijzer
