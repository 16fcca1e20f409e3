#include "assets.h"

#include <cstdio>
#include <regex>

#include "paths.h"

namespace wijzer {

std::string content_hash(const std::string& bytes) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

std::string asset_key(const std::string& source) {
  std::string key = source;
  for (auto& c : key)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return key;
}

std::string AssetManifest::output_of(const std::string& source) const {
  for (const auto& a : files)
    if (a.source == source) return a.output;
  return "";
}

namespace {

std::string hashed_name(const std::string& source, const std::string& bytes) {
  const std::string hash = content_hash(bytes).substr(0, 10);
  size_t slash = source.rfind('/');
  size_t dot = source.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "assets/" + source + "." + hash;
  return "assets/" + source.substr(0, dot) + "." + hash + source.substr(dot);
}

bool is_css(const std::string& path) { return path.size() > 4 && path.compare(path.size() - 4, 4, ".css") == 0; }

/// Points url(…) in a stylesheet at the hashed names of other assets.
std::string rewrite_css_urls(const Asset& css, const AssetManifest& manifest, const std::string& file,
                             Diagnostics& diags) {
  static const std::regex url(R"(url\(\s*['"]?([^'")]+)['"]?\s*\))");
  std::string out;
  size_t pos = 0;
  for (auto it = std::sregex_iterator(css.bytes.begin(), css.bytes.end(), url); it != std::sregex_iterator(); ++it) {
    const std::string target = (*it)[1];
    out.append(css.bytes, pos, it->position(0) - pos);
    pos = it->position(0) + it->length(0);
    if (target.rfind("data:", 0) == 0 || target[0] == '#') {
      out += it->str(0);
      continue;
    }
    auto resolved = resolve_relative(css.source, target);
    std::string output = resolved ? manifest.output_of(*resolved) : "";
    if (output.empty()) {
      diags.error(file, 1, 1, "url(" + target + ") wijst naar een bestand dat niet in site-assets/ staat");
      out += it->str(0);
    } else {
      out += "url(\"" + relative_url(hashed_name(css.source, ""), output) + "\")";
    }
  }
  out.append(css.bytes, pos);
  return out;
}

}  // namespace

AssetManifest load_assets(const SourceTree& tree, Diagnostics& diags) {
  AssetManifest manifest;
  const std::string prefix = "site-assets/";
  for (const std::string& path : tree.list("site-assets")) {
    auto bytes = tree.read(path);
    if (!bytes) {
      diags.error(tree.display(path), 1, 1, "bestand kan niet worden gelezen");
      continue;
    }
    manifest.files.push_back({path.substr(prefix.size()), "", std::move(*bytes)});
  }
  // Other files first, so stylesheets can point at their hashed names.
  for (auto& a : manifest.files)
    if (!is_css(a.source)) a.output = hashed_name(a.source, a.bytes);
  for (auto& a : manifest.files)
    if (is_css(a.source)) {
      a.bytes = rewrite_css_urls(a, manifest, tree.display(prefix + a.source), diags);
      a.output = hashed_name(a.source, a.bytes);
    }
  for (const auto& a : manifest.files) manifest.keys[asset_key(a.source)] = a.output;
  return manifest;
}

}  // namespace wijzer
