#pragma once
#include <set>
#include <string>
#include <vector>

#include "content.h"
#include "diagnostics.h"

namespace wijzer {

/// A link to an anchor on another page, checked once every page's headings are known.
struct AnchorCheck {
  int target = -1;       ///< page index
  std::string fragment;  ///< decoded anchor
  int line = 1, col = 1; ///< position in the linking file
};

/// Turns the links authors write (source paths like `../rollen/jobcoach.md#taken`) into relative
/// output URLs, and reports links whose page, file or anchor does not exist.
class LinkResolver {
 public:
  explicit LinkResolver(const ContentTree& content);

  /// The URL to write for `url` found on `from` at body position (line, col); reports problems.
  /// Anchors on other pages are not checked here but added to `later` (see check_anchors), so
  /// pages can be rendered in parallel while their headings are still being found.
  std::string resolve(const Page& from, const std::string& url, int line, int col, bool is_image,
                      Diagnostics& diags, std::vector<AnchorCheck>& later) const;

  /// Reports the anchors of `checks`, made on page `from`, that its target pages do not have.
  void check_anchors(const Page& from, const std::vector<AnchorCheck>& checks, Diagnostics& diags) const;

 private:
  const ContentTree& content_;
  std::set<std::string> static_files_;
};

}  // namespace wijzer
