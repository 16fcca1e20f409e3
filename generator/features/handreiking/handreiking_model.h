#pragma once
// The handreiking begeleidingsnoodzaak as data (docs/handreiking.md): aspecten.json read and checked
// with the position of every problem. The Handreiking feature (handreiking.h) makes pages and a
// form from it.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "data_file.h"
#include "diagnostics.h"
#include "source.h"

namespace wijzer::handreiking {

struct Leefgebied {
  std::string id, naam;
};

struct Aspect {
  std::string id, naam, definitie, tip;
  std::string pointer;  ///< e.g. "/clusters/0/aspecten/2"
  int nummer = 0;       ///< 1…n over all clusters
  size_t cluster = 0;   ///< index in Handreiking::clusters
  std::vector<std::vector<std::string>> vragen;  ///< per leefgebied (same order), maybe empty
  size_t aantal_vragen() const;
};

struct Cluster {
  std::string id, naam, uitleg, pointer;
  std::vector<size_t> aspecten;  ///< indexes in Handreiking::aspecten
};

/// aspecten.json: the aspects in clusters, and the texts of the pages and the form (under
/// "paginas" and "formulier", read through `text`).
struct Handreiking {
  std::string path;  ///< source path, e.g. content/hulpmiddelen/handreiking/aspecten.json
  DataFile data;
  std::string bijgewerkt;
  std::vector<std::string> bronnen;
  std::vector<Leefgebied> leefgebieden;
  std::vector<Cluster> clusters;
  std::vector<Aspect> aspecten;
  size_t totaal_vragen = 0;

  /// The string at `pointer`; a problem (absent, not a string, a {name} not in `names`) is an
  /// error at its position, and gives "".
  std::string text(const std::string& pointer, Diagnostics& diags, const std::set<std::string>& names = {}) const;
  /// `text` with every {name} replaced by its value.
  std::string fill(const std::string& pointer, const std::map<std::string, std::string>& values,
                   Diagnostics& diags) const;
  /// The value at `pointer`, or null (an error at its position) when absent or of another type
  /// than `type` ("array", "object", "number", "string").
  const nlohmann::json& value(const std::string& pointer, const char* type, Diagnostics& diags) const;
};

/// Reads and checks `path`: every problem at path:line:col. Returns the model whenever the file
/// parses, also with errors (so the texts of the pages and the form are checked in the same run);
/// the caller uses it only when `diags` got no error.
std::optional<Handreiking> read(const SourceTree& tree, const std::string& path, Diagnostics& diags);

/// "dak_boven_het_hoofd" → "dak-boven-het-hoofd" (anchors and page names).
std::string slug(const std::string& id);

/// Lower case of a UTF-8 text (ASCII letters and the accented Latin-1 capitals the aspects use).
std::string lower(const std::string& text);

}  // namespace wijzer::handreiking
