#pragma once
#include <map>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "glossary_model.h"
#include "source.h"

namespace wijzer::search {

/// A page weight rule of the search data: output paths matching `pattern` ('*' matches within a
/// path segment; a pattern ending in '/' matches everything below it) rank with `weight`.
struct WeightRule {
  std::string pattern;
  double weight = 1;
};

/// What the search knows beyond the pages' words (content/zoeken/zoeken.json and the glossary):
/// synonyms, words a question has that are no search words, and per-page weights.
struct QueryData {
  /// Stems of a query word or phrase (joined by ' ') → stems that also count as a match for it.
  std::map<std::string, std::vector<std::string>> synonyms;
  std::vector<std::string> stop_words;  ///< folded; dropped from queries, not from the index
  std::vector<WeightRule> weights;      ///< the first rule that matches counts
  std::string other_label;              ///< the filter label of pages outside a section folder
};

/// Reads the search data file `path` (JSON or YAML) when it exists; errors at path:line:col.
QueryData load_query_data(const SourceTree& tree, const std::string& path, Diagnostics& diags);

/// Adds the glossary's single-word forms (term and variants) as synonyms of each other.
void add_glossary_synonyms(const GlossaryModel& glossary, QueryData& data);

/// Whether output path `path` matches a WeightRule pattern.
bool path_matches(const std::string& pattern, const std::string& path);

/// The synonyms as a JS object literal for the manifest.
std::string synonyms_js(const QueryData& data);

}  // namespace wijzer::search
