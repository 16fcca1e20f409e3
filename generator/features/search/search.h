#pragma once
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "feature.h"
#include "search_index.h"

namespace wijzer {

/// Offline full-text search (docs/search.md). Indexes every page, by heading section, with
/// Dutch stemming (Snowball via libstemmer), the glossary terms as sections of the glossary page,
/// and the facts of trajecten; writes search/*.js as classic scripts the browser loads on first
/// use, shard by shard, so it works from file:// too. Adds zoeken/index.html: the results page
/// and, without JavaScript, an A–Z index of all pages.
class Search : public Feature {
 public:
  static constexpr const char* kPageSource = "zoeken/_index.md";
  static constexpr const char* kGlossaryData = "content/begrippen/begrippen.json";
  static constexpr const char* kGlossaryPage = "begrippen/_index.md";

  void load(const SourceTree& tree, ContentTree& content, Diagnostics& diags) override;
  void transform(const BuildContext& ctx, const Page& page, Markdown& md, Diagnostics& diags) const override;
  void extend(const BuildContext& ctx, const Page& page, nlohmann::json& data) const override;
  void finish(const BuildContext& ctx, OutputSink& sink, Diagnostics& diags) override;

  /// Index statistics of the last finish() (for tests and the benchmark).
  const search::IndexFiles& last_index() const { return index_; }
  size_t excerpt_chars() const { return excerpt_chars_; }

 private:
  void add(const BuildContext& ctx, const Page& page, search::Doc doc) const;

  struct GlossaryTerm {
    std::string term, anchor, text;
  };
  std::vector<GlossaryTerm> glossary_;
  size_t excerpt_chars_ = 320;
  bool enabled_ = false;
  mutable std::mutex mutex_;
  /// page index → its document; a page transformed again replaces its entry, and finish() keeps
  /// them (incremental builds, docs/architecture.md).
  mutable std::map<int, search::IndexedDoc> docs_;
  search::IndexFiles index_;
};

/// Splits generated HTML into sections at headings with an id, as plain text (tags dropped,
/// common entities decoded). For pages features make (flows, voorbeeldvragen).
std::vector<search::Section> html_sections(const std::string& html);

}  // namespace wijzer
