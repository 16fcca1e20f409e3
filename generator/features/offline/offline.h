// The portal offline: a download page and a zip of the whole site (docs/offline.md).
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "feature.h"

namespace wijzer {

/// Where the offline page's template marks the zip's size ("3,4 MB" after the build) and the part
/// that only the site on a server shows (the download link: inside the zip it leads nowhere).
inline constexpr const char* kZipSizeMark = "<!--wijzer:zipgrootte-->";
inline constexpr const char* kOnlineOnlyStart = "<!--wijzer:alleen-online-->";
inline constexpr const char* kOnlineOnlyEnd = "<!--/wijzer:alleen-online-->";

/// Adds offline.html (template `offline`: how to download, unpack and open the site) and gives
/// every page `offline` (`url` of that page, `zip` of the zip) for the footer's link. On when
/// wijzer.yaml's offline.zip is true (the default) and templates/offline.mustache exists.
class Offline : public Feature {
 public:
  void load(LoadContext& ctx) override;
  void extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot& out) const override;

 private:
  bool enabled_ = false;
  std::string zip_name_;
};

/// Whether a site built from `tree` gets a zip (offline.zip and the offline template).
bool offline_zip_enabled(const SourceTree& tree, const Config& config);

/// Packs the built site in `site` (a staging folder, marker left out) into `<name>.zip` inside it,
/// then writes the zip's size into the pages that mark it. Returns the zip's size in bytes.
size_t add_offline_zip(const std::filesystem::path& site, const std::string& name);

/// The zip of a site held in memory (path → bytes, as `wijzer serve` keeps it), the same as
/// add_offline_zip packs from disk: the zip itself and the marker are left out, the pages as the
/// zip holds them. Returns the zip's bytes; `marked`, when given, gets the pages that carry a mark.
std::string offline_zip_of(std::map<std::string, std::string> files, const std::string& name,
                           std::vector<std::string>* marked = nullptr);

/// "3,4 MB", "850 kB": a size as the download link shows it.
std::string dutch_size(size_t bytes);

}  // namespace wijzer
