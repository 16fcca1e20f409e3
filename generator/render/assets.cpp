#include "assets.h"

#include <cstdio>
#include <cstring>
#include <regex>

#include "memo.h"
#include "paths.h"

namespace wijzer {

std::string content_hash(const std::string& bytes) {
  // FNV-1a, eight bytes a round: the same hash without a loop test per byte (the search index
  // hashes about a megabyte a build).
  constexpr uint64_t kPrime = 1099511628211ull;
  uint64_t hash = 1469598103934665603ull;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8)
    for (size_t k = 0; k < 8; ++k) hash = (hash ^ p[i + k]) * kPrime;
  for (; i < bytes.size(); ++i) hash = (hash ^ p[i]) * kPrime;
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
bool is_js(const std::string& path) { return path.size() > 3 && path.compare(path.size() - 3, 3, ".js") == 0; }

/// Points url(…) in a stylesheet at the hashed names of other assets.
std::string rewrite_css_urls(const Asset& css, const AssetManifest& manifest, const std::string& file,
                             Diagnostics& diags) {
  if (css.bytes.find("url(") == std::string::npos) return css.bytes;  // most have none: no regex walk
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

std::string trim_stylesheet(const std::string& css) {
  std::string out;
  out.reserve(css.size());
  char quote = 0;
  for (size_t i = 0; i < css.size(); ++i) {
    char c = css[i];
    if (quote) {  // strings are copied as they are
      out += c;
      if (c == '\\' && i + 1 < css.size()) out += css[++i];
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      out += c;
    } else if (c == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      size_t end = css.find("*/", i + 2);
      i = end == std::string::npos ? css.size() : end + 1;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      // One space where white space separates two words; none next to punctuation that ends or
      // opens a block or a declaration (a space before ':' can be a descendant selector: kept), and
      // none after ':' (in a selector nothing may follow it; in a declaration or a media query the
      // value needs no space).
      while (i + 1 < css.size() && std::isspace(static_cast<unsigned char>(css[i + 1]))) ++i;
      const char next = i + 1 < css.size() ? css[i + 1] : '\0';
      const char prev = out.empty() ? '{' : out.back();
      if (std::strchr("{};,:", prev) == nullptr && std::strchr("{};,", next) == nullptr && next != '\0') out += ' ';
    } else {
      if (c == '}' && !out.empty() && out.back() == ';') out.pop_back();
      out += c;
    }
  }
  return out;
}

namespace {

/// `code;  // why` → `code;`, only where nothing before the "//" could open a string, a regular
/// expression or a comment (no quote and no slash): there the "//" can only start a comment.
std::string_view without_trailing_comment(std::string_view line) {
  const size_t at = line.find(" //");
  if (at == std::string_view::npos || line.substr(0, at).find_first_of("'\"`/") != std::string_view::npos) return line;
  size_t end = at;
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  return line.substr(0, end);
}

}  // namespace

std::string trim_script(const std::string& js) {
  std::string out;
  out.reserve(js.size());
  bool in_block_comment = false;
  size_t pos = 0;
  while (pos < js.size()) {
    size_t eol = js.find('\n', pos);
    if (eol == std::string::npos) eol = js.size();
    size_t begin = js.find_first_not_of(" \t\r", pos);
    size_t end = eol;
    while (end > pos && std::isspace(static_cast<unsigned char>(js[end - 1]))) --end;
    const std::string_view line = begin < end ? std::string_view(js).substr(begin, end - begin) : std::string_view();
    pos = eol + 1;
    if (in_block_comment) {
      if (line.find("*/") != std::string_view::npos) in_block_comment = false;
      continue;
    }
    if (line.empty() || line.substr(0, 2) == "//") continue;
    if (line.substr(0, 2) == "/*") {
      // A comment that opens a line; a line that goes on after "*/" is kept whole.
      size_t close = line.find("*/", 2);
      if (close == std::string_view::npos) {
        in_block_comment = true;
        continue;
      }
      if (close + 2 == line.size()) continue;
    }
    // A template literal may span lines whose indentation is part of the text: leave such a script whole.
    if (line.find('`') != std::string_view::npos) return js;
    out.append(without_trailing_comment(line));
    out += '\n';
  }
  return out;
}

namespace {

/// What load_assets makes of a set of files, diagnostics included (remembered between builds).
struct LoadedAssets {
  AssetManifest manifest;
  std::vector<Diagnostic> diags;
};

}  // namespace

AssetManifest load_assets(const SourceTree& tree, Diagnostics& diags) {
  AssetManifest manifest;
  const std::string prefix = "site-assets/";
  std::string key;
  for (const std::string& path : tree.list("site-assets")) {
    auto bytes = tree.read(path);
    append_key_part(key, tree.display(path), bytes);
    if (!bytes) {
      diags.error(tree.display(path), 1, 1, "bestand kan niet worden gelezen");
      continue;
    }
    manifest.files.push_back({path.substr(prefix.size()), "", std::move(*bytes)});
  }
  // Trimming, hashing and rewriting are pure functions of the files: done once per distinct set.
  static Memo<LoadedAssets> memo(4);
  LoadedAssets loaded = memo.get(key, [&] {
    Diagnostics found;
    hash_assets(manifest, tree, found);
    return LoadedAssets{std::move(manifest), found.take()};
  });
  for (auto& d : loaded.diags) diags.add(std::move(d));
  return std::move(loaded.manifest);
}

void hash_assets(AssetManifest& manifest, const SourceTree& tree, Diagnostics& diags) {
  const std::string prefix = "site-assets/";
  // Other files first, so stylesheets can point at their hashed names.
  for (auto& a : manifest.files) {
    if (is_js(a.source)) a.bytes = trim_script(a.bytes);
    if (!is_css(a.source)) a.output = hashed_name(a.source, a.bytes);
  }
  for (auto& a : manifest.files)
    if (is_css(a.source)) {
      a.bytes = trim_stylesheet(rewrite_css_urls(a, manifest, tree.display(prefix + a.source), diags));
      a.output = hashed_name(a.source, a.bytes);
    }
  for (const auto& a : manifest.files) manifest.keys[asset_key(a.source)] = a.output;
}

}  // namespace wijzer
