#pragma once
// The site configuration: wijzer.yaml at the source root (docs/configuration.md). Every key is
// optional; an absent file is the portal's defaults below, so the output is what it was before the
// file existed.
#include <map>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "source.h"

namespace wijzer {

/// `site:` what the site is called and in which language it is written.
struct SiteConfig {
  /// The site's name (`site.title` in templates); empty: the home page's title.
  std::string title;
  /// The language of the pages (`site.language` in templates, `<html lang>`).
  std::string language = "nl";
};

/// `glossary:` where the begrippenlijst lives.
struct GlossaryConfig {
  /// The list of terms (a data file under content/).
  std::string data = "content/begrippen/begrippen.json";
  /// The page that lists them, relative to content/.
  std::string page = "begrippen/_index.md";
};

/// `search:` the results page the search feature adds.
struct SearchConfig {
  /// Its source path (a virtual page, relative to content/).
  std::string page = "zoeken/_index.md";
  std::string title;        ///< empty: templates/search/title.mustache
  std::string description;  ///< empty: templates/search/description.mustache
  /// synonyms, query stop words and page weights (docs/search.md); absent file: none
  std::string data = "content/zoeken/zoeken.json";
};

/// `flows:` where the stroomschema's live.
struct FlowsConfig {
  /// The folder of flow files (*.json, *.yaml directly in it), under content/.
  std::string folder = "content/stroomschema";
};

/// `handreiking:` the data file the handreiking's pages and form are made from (docs/handreiking.md).
struct HandreikingConfig {
  /// A data file under content/; absent: no handreiking.
  std::string data = "content/hulpmiddelen/handreiking/aspecten.json";
};

/// `forms:` how a page shows a form.
struct FormsConfig {
  /// The front-matter field that names a page's form (`formulier: aanmelding`).
  std::string field = "formulier";
};

/// `offline:` the zip of the whole site for use without a server (docs/offline.md).
struct OfflineConfig {
  /// Whether `wijzer build` writes the zip (only when templates/offline.mustache exists).
  bool zip = true;
  /// The zip's name without `.zip`, and the folder inside it.
  std::string name = "begeleidingswijzer";
};

/// `nieuw:` the "Wat is er nieuw" page and its Atom feed (docs/offline.md).
struct NewsConfig {
  /// The site's public address ("https://example.nl/wijzer/"): makes the feed's links absolute;
  /// empty: links relative to the feed, which feed readers resolve against where they found it.
  std::string base_url;
};

/// The whole of wijzer.yaml.
struct Config {
  SiteConfig site;
  GlossaryConfig glossary;
  SearchConfig search;
  FlowsConfig flows;
  FormsConfig forms;
  HandreikingConfig handreiking;
  OfflineConfig offline;
  NewsConfig news;
  /// `facts:` front-matter fields that are facts of a page (a traject's provider, funding…):
  /// searchable text beside the page's description.
  std::vector<std::string> facts = {"aanbieder", "financiering", "duur", "regio", "doelgroep", "wens", "situatie"};
  /// `audiences:` per audience (a flow's `doelgroep`), the label pages show.
  /// Empty by default: the wizard's templates hold the words (templates/wizard/audience.mustache).
  std::map<std::string, std::string> audiences;
  /// `labels:` words of the interface, `labels.<key>` in templates; none by default.
  std::map<std::string, std::string> labels;

  /// The label of an audience; an unknown one gets the "clienten" label (as flows always did).
  std::string audience_label(const std::string& audience) const;
};

/// Where the configuration lives, relative to the source root.
constexpr const char* kConfigFile = "wijzer.yaml";

/// Reads wijzer.yaml from the source root: absent gives the defaults. Unknown keys and values of
/// the wrong type are errors at wijzer.yaml:line:col, every one of them; the defaults stand for
/// what could not be read.
Config load_config(const SourceTree& tree, Diagnostics& diags);

}  // namespace wijzer
