// An Atom 1.0 feed (RFC 4287) as text: the "Wat is er nieuw" list for feed readers.
#pragma once
#include <string>
#include <vector>

namespace wijzer {

/// One changed page in the feed.
struct FeedEntry {
  std::string title;
  std::string summary;  ///< may be empty
  std::string href;     ///< the page: relative to the feed, or absolute
  std::string date;     ///< ISO date of the change (`bijgewerkt`)
  std::string key;      ///< what makes the entry unique (source path + date): hashed into its id
};

/// The feed's own data; `entries` newest first.
struct Feed {
  std::string title;
  std::string author;
  std::string self_href;  ///< the feed itself
  std::string page_href;  ///< the "Wat is er nieuw" page
  std::string key;        ///< what makes the feed unique: hashed into its id
  std::vector<FeedEntry> entries;
};

/// A stable urn:uuid (RFC 9562 version 8, name-based) for `key`: Atom ids must be absolute IRIs,
/// and a site in an unknown folder has no address to build one from.
std::string feed_uuid(const std::string& key);

/// The feed as XML. `updated` is the newest entry's date (or 2026-01-01 when there is none).
std::string atom_feed(const Feed& feed);

}  // namespace wijzer
