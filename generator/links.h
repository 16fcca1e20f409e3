#pragma once
#include <set>
#include <string>

#include "content.h"
#include "diagnostics.h"

namespace wijzer {

/// Turns the links authors write (source paths like `../rollen/jobcoach.md#taken`) into relative
/// output URLs, and reports links whose page, file or anchor does not exist.
class LinkResolver {
 public:
  explicit LinkResolver(const ContentTree& content);

  /// The URL to write for `url` found on `from` at body position (line, col); reports problems.
  std::string resolve(const Page& from, const std::string& url, int line, int col, bool is_image,
                      Diagnostics& diags) const;

 private:
  const ContentTree& content_;
  std::set<std::string> static_files_;
};

}  // namespace wijzer
