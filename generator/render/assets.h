#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "source.h"

namespace wijzer {

/// A file of site-assets/ as published, under a content-hashed name so no browser keeps a stale copy.
struct Asset {
  std::string source;  ///< "layout/portal.css", relative to site-assets/
  std::string output;  ///< "assets/layout/portal.1f2e3d4c5b.css", relative to the site root
  std::string bytes;
};

/// All assets, and the name templates use for each ("layout/portal.css" → key "layout_portal_css").
struct AssetManifest {
  std::vector<Asset> files;
  nlohmann::json keys = nlohmann::json::object();  ///< key → output path

  /// The output path of a source asset, or empty.
  std::string output_of(const std::string& source) const;
};

/// Reads site-assets/, hashes every file and rewrites url(…) references inside CSS to the hashed names.
AssetManifest load_assets(const SourceTree& tree, Diagnostics& diags);
/// Trims scripts and stylesheets, gives every file its hashed name and rewrites url() in CSS.
void hash_assets(AssetManifest& manifest, const SourceTree& tree, Diagnostics& diags);

/// "layout/portal.css" → "layout_portal_css".
std::string asset_key(const std::string& source);

/// A stylesheet without comments and without white space that carries no meaning; strings untouched.
std::string trim_stylesheet(const std::string& css);

/// A script without comment lines, blank lines and indentation. Line breaks stay (automatic semicolon
/// insertion depends on them); a script with template literals is left as it is.
std::string trim_script(const std::string& js);

/// FNV-1a 64-bit of `bytes` as 16 hex digits: a stable content fingerprint, not a security hash.
std::string content_hash(const std::string& bytes);

}  // namespace wijzer
