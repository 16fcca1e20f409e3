// A zip of a built site, the same bytes for the same files (docs/offline.md).
#pragma once
#include <ctime>
#include <map>
#include <string>

namespace wijzer {

/// Packs `files` (path relative to the site root → bytes) under one top folder `folder/`, in path
/// order, every entry with the time `stamp` (UTC) and mode 0644: the same files give the same
/// bytes on any machine and in any time zone. Files that are compressed already (images, fonts,
/// zips) are stored; the rest is deflated at the default level. Throws std::runtime_error when
/// libzip fails.
std::string make_site_zip(const std::map<std::string, std::string>& files, const std::string& folder,
                          std::time_t stamp);

/// The time a reproducible zip records: SOURCE_DATE_EPOCH when set (reproducible-builds.org),
/// else 1 January 2026, 00:00 UTC.
std::time_t zip_stamp();

}  // namespace wijzer
