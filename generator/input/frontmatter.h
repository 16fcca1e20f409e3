#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "diagnostics.h"

namespace wijzer {

/// The YAML header of a page, with the fields the compiler knows typed.
struct FrontMatter {
  std::string title;
  std::string description;
  long long weight = 0;          ///< 0 means "not set": sorted after weighted pages.
  bool draft = false;
  std::string template_name;     ///< empty: the default for the page kind.
  std::vector<std::string> bronnen;
  std::string bijgewerkt;        ///< ISO date YYYY-MM-DD, or empty.
  nlohmann::json fields = nlohmann::json::object();  ///< every field, as JSON (for templates and rules).
};

/// A markdown file split into its front matter and body.
struct SourceDocument {
  FrontMatter meta;
  std::string body;
  int body_line = 1;  ///< line of the file on which the body starts.
};

/// Parses `---` YAML front matter; reports problems against `path`.
SourceDocument parse_document(const std::string& text, const std::string& path, Diagnostics& diags);
/// The same, the body made from `text`'s own buffer.
SourceDocument parse_document(std::string&& text, const std::string& path, Diagnostics& diags);

/// "2026-11-22" → "22 november 2026"; empty when the date is not valid.
std::string dutch_date(const std::string& iso);

}  // namespace wijzer
