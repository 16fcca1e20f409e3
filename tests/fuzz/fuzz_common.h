// Shared helpers of the libFuzzer targets (tests/fuzz/README.md).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>
#include <optional>
#include <vector>
#include <string>

#include "source.h"

namespace wijzer::fuzz {

inline std::string input(const uint8_t* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

/// The repository's real templates/ and site-assets/, read once, plus a home page: a site that
/// builds cleanly, into which a target puts its fuzzed file.
inline const MemoryTree& base_tree_ref() {
  static const MemoryTree base = [] {
    MemoryTree tree;
    const std::filesystem::path root = WIJZER_SOURCE_DIR;
    for (const char* dir : {"templates", "site-assets"})
      for (const auto& entry : std::filesystem::recursive_directory_iterator(root / dir))
        if (entry.is_regular_file())
          if (auto bytes = read_file(entry.path()))
            tree.set(std::filesystem::relative(entry.path(), root).generic_string(), *bytes);
    tree.set("content/_index.md", "---\ntitle: Start\n---\nWelkom. Zie [de gids](gids/_index.md).\n");
    tree.set("content/gids/_index.md", "---\ntitle: Gids\n---\n## Stappen {#stappen}\n\nTekst.\n");
    tree.set("content/gids/stap.md", "---\ntitle: Stap\nweight: 1\n---\n## Eerste stap\n\nNaar [start](../_index.md).\n");
    tree.set("content/gids/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    return tree;
  }();
  return base;
}
/// A copy of base_tree_ref() to add files to.
inline MemoryTree base_tree() { return base_tree_ref(); }

/// base_tree_ref() with some files added or replaced, without copying the base (a copy of its
/// ~300 KB of templates and assets per run was a tenth of the site target's time).
class OverlayTree : public SourceTree {
 public:
  void set(const std::string& path, std::string bytes) { added_[path] = std::move(bytes); }
  std::vector<std::string> list(const std::string& dir) const override {
    const std::string prefix = dir.empty() ? "" : dir + "/";
    std::vector<std::string> added, out;
    for (const auto& [path, bytes] : added_)
      if (path.compare(0, prefix.size(), prefix) == 0) added.push_back(path);
    const std::vector<std::string> base = base_tree_ref().list(dir);
    std::set_union(base.begin(), base.end(), added.begin(), added.end(), std::back_inserter(out));
    return out;
  }
  std::optional<std::string> read(const std::string& path) const override {
    if (auto it = added_.find(path); it != added_.end()) return it->second;
    return base_tree_ref().read(path);
  }

 private:
  std::map<std::string, std::string> added_;
};

/// Security oracle: HTML produced from content must not hold a live <script> element or an
/// on*= event-handler attribute, nor a javascript: URL. With `whole_page`, the scripts templates
/// add (<script src="…assets/DIR/…"> and <script type="application/json"> data blocks) are fine.
inline const char* unsafe_html(const std::string& html, bool whole_page = false) {
  auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] != '<') continue;
    // Tag name.
    size_t j = i + 1;
    std::string name;
    while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '-')) name += lower(html[j++]);
    if (name.empty()) continue;
    if (name == "script") {
      size_t end = html.find('>', j);
      std::string tag = html.substr(i, end == std::string::npos ? std::string::npos : end - i);
      // A script of the site's own assets: src is (../)*assets/DIR/… (a component's folder).
      const size_t src = tag.find(" src=\"");
      std::string url = src == std::string::npos ? "" : tag.substr(src + 6);
      while (url.rfind("../", 0) == 0) url.erase(0, 3);
      const bool ours = tag.find(" type=\"application/json\"") != std::string::npos || url.rfind("assets/", 0) == 0;
      if (!whole_page || !ours) return "<script> element";
      // A data block holds no '<' at all: "<!--<script" inside would make the parser swallow the page.
      if (tag.find(" type=\"application/json\"") != std::string::npos && end != std::string::npos) {
        size_t close = html.find("</script>", end);
        if (close == std::string::npos || html.find('<', end + 1) != close) return "'<' inside a <script> data block";
      }
    }
    // Attributes, skipping quoted values.
    while (j < html.size() && html[j] != '>') {
      while (j < html.size() && std::isspace(static_cast<unsigned char>(html[j]))) ++j;
      std::string attr;
      while (j < html.size() && !std::isspace(static_cast<unsigned char>(html[j])) && html[j] != '=' && html[j] != '>')
        attr += lower(html[j++]);
      if (attr.size() > 2 && attr[0] == 'o' && attr[1] == 'n') return "on*= event-handler attribute";
      if (j < html.size() && html[j] == '=') {
        ++j;
        std::string value;
        if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
          char quote = html[j++];
          size_t end = html.find(quote, j);
          if (end == std::string::npos) end = html.size();
          value = html.substr(j, end - j);
          j = end + 1;
        } else {
          while (j < html.size() && !std::isspace(static_cast<unsigned char>(html[j])) && html[j] != '>') value += html[j++];
        }
        if (attr == "href" || attr == "src" || attr == "action" || attr == "formaction" || attr == "xlink:href") {
          std::string v;
          for (char c : value)
            if (!std::isspace(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) >= 0x20) v += lower(c);
          if (v.rfind("javascript:", 0) == 0 || v.rfind("vbscript:", 0) == 0 || v.rfind("data:text/html", 0) == 0)
            return "script URL";
        }
      } else if (attr.empty() && j < html.size() && html[j] != '>') {
        ++j;  // a stray character such as '/'
      }
    }
  }
  return nullptr;
}

[[noreturn]] inline void finding(const char* what, const std::string& html) {
  std::fprintf(stderr, "SECURITY FINDING: %s in output:\n%s\n", what, html.substr(0, 4000).c_str());
  std::abort();
}

}  // namespace wijzer::fuzz
