#pragma once
#include <atomic>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "feature.h"
#include "glossary_model.h"
#include "search_data.h"
#include "search_index.h"

namespace wijzer {

/// Offline full-text search (docs/search.md). Indexes every page, by heading section, with
/// Dutch stemming (Snowball via libstemmer), the glossary terms as sections of the glossary page,
/// and the facts of trajecten; writes search/*.js as classic scripts the browser loads on first
/// use, shard by shard, so it works from file:// too. Adds zoeken/index.html: the results page
/// and, without JavaScript, an A–Z index of all pages. Consumes GlossaryModel (the terms are
/// sections of the glossary page).
class Search : public Feature {
 public:
  /// Per page: its analysed document (read() for markdown, extend() for generated pages), the
  /// texts its excerpts come from, and the size of its body (the excerpt budget, finish()).
  struct Entry : PageContribution {
    search::IndexedDoc doc;
    std::vector<std::string> excerpt_sources;  ///< cut for excerpts of up to excerpt_cut bytes
    size_t excerpt_cut = 0;
    size_t body_bytes = 0, body_sections = 0;
  };

  std::vector<std::type_index> consumes() const override { return {model<GlossaryModel>()}; }
  void load(LoadContext& ctx) override;
  void read(const BuildContext& ctx, const Page& page, const Markdown& md, ContributionSlot& out) const override;
  void extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot& out) const override;
  void finish(const BuildContext& ctx, const PageContributions& pages, OutputSink& sink, Diagnostics& diags) override;

  /// Index statistics of the last finish() (for tests and the benchmark).
  const search::IndexFiles& last_index() const { return index_; }
  size_t excerpt_chars() const { return excerpt_chars_; }

 private:
  /// Where a page's excerpt sources are cut: in a one-off build (BuildContext::one_off) at the
  /// length finish() will allow, counted once from every page's body the first time a page asks;
  /// else at the longest excerpt (an edit in serve may raise the length).
  size_t excerpt_cut(const BuildContext& ctx) const;
  /// Page `page`'s sections for the excerpt budget, from the count excerpt_cut() made if it did.
  size_t sections_of(const BuildContext& ctx, const Page& page) const;

  const GlossaryModel* glossary_ = nullptr;  ///< null: no glossary
  std::string page_source_;                  ///< the results page (wijzer.yaml search.page)
  size_t excerpt_chars_ = 320;               ///< of the last finish()
  bool enabled_ = false;
  search::IndexFiles index_;
  search::QueryData query_data_;  ///< synonyms, query stop words, weights (search.data, glossary)
  mutable std::mutex cut_mutex_;
  mutable std::atomic<size_t> cut_{0};  ///< excerpt_cut() of this one-off build; 0: not counted yet
  mutable std::vector<size_t> sections_;  ///< per page of the content, as excerpt_cut() counted them
};

/// Splits generated HTML into sections at headings with an id, as plain text (tags dropped,
/// common entities decoded). For pages features make (flows, voorbeeldvragen).
std::vector<search::Section> html_sections(const std::string& html);

}  // namespace wijzer
