#include "offline.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "component_page.h"
#include "paths.h"
#include "site_zip.h"

namespace fs = std::filesystem;

namespace wijzer {
namespace {

constexpr const char* kPageSource = "offline.md";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  if (!in && !in.eof()) throw std::runtime_error("kan " + path.string() + " niet lezen");
  return out.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("kan " + path.string() + " niet schrijven");
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

/// The page as the zip holds it: the parts only a server copy shows are left out.
std::string for_zip(std::string html) {
  const std::string start = kOnlineOnlyStart, end = kOnlineOnlyEnd;
  for (size_t at = html.find(start); at != std::string::npos; at = html.find(start, at)) {
    const size_t stop = html.find(end, at);
    if (stop == std::string::npos) break;
    html.erase(at, stop + end.size() - at);
  }
  replace_all(html, kZipSizeMark, "");
  return html;
}

/// Whether a page shows the zip's size or holds a part the zip leaves out.
bool marked(const std::string& bytes) {
  return bytes.find(kZipSizeMark) != std::string::npos || bytes.find(kOnlineOnlyStart) != std::string::npos;
}

}  // namespace

bool offline_zip_enabled(const SourceTree& tree, const Config& config) {
  return config.offline.zip && tree.read("templates/offline.mustache").has_value();
}

void Offline::load(LoadContext& ctx) {
  enabled_ = offline_zip_enabled(ctx.tree, ctx.config);
  if (!enabled_) return;
  zip_name_ = ctx.config.offline.name + ".zip";
  Page page = component_page(ctx.tree, kPageSource, "offline");
  page.data = {{"zip", zip_name_}, {"folder", ctx.config.offline.name}};
  if (!add_page(ctx.content, std::move(page), ctx.diags)) enabled_ = false;
}

void Offline::extend(const BuildContext&, const Page& page, nlohmann::json& data, ContributionSlot&) const {
  if (!enabled_) return;
  const std::string root = root_prefix(page.output);
  data["offline"] = {{"url", root + output_path_for(kPageSource)}, {"zip", root + zip_name_}};
}

std::string dutch_size(size_t bytes) {
  char buf[32];
  if (bytes < 1000 * 1000) std::snprintf(buf, sizeof buf, "%zu kB", (bytes + 999) / 1000);
  else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  std::string out = buf;
  std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

std::string offline_zip_of(std::map<std::string, std::string> files, const std::string& name,
                           std::vector<std::string>* marked_pages) {
  files.erase(name + ".zip");  // the zip never holds itself
  files.erase(kSiteMarker);
  for (auto& [rel, bytes] : files) {
    if (!marked(bytes)) continue;
    bytes = for_zip(std::move(bytes));
    if (marked_pages) marked_pages->push_back(rel);
  }
  return make_site_zip(files, name, zip_stamp());
}

size_t add_offline_zip(const fs::path& site, const std::string& name) {
  const std::string zip_file = name + ".zip";
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(site))
    if (entry.is_regular_file()) files.emplace(entry.path().lexically_relative(site).generic_string(), slurp(entry.path()));
  std::vector<std::string> pages;  // pages that show the zip's size
  const std::string zip = offline_zip_of(std::move(files), name, &pages);
  write_file(site / zip_file, zip);
  const std::string size = ", " + dutch_size(zip.size());
  for (const auto& rel : pages) {
    std::string html = slurp(site / rel);
    replace_all(html, kZipSizeMark, size);
    write_file(site / rel, html);
  }
  return zip.size();
}

}  // namespace wijzer
