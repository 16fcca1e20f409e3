#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "data_file.h"
#include "feature.h"

namespace wijzer {

/// The begrippenlijst (content/begrippen/begrippen.json): one <dt>/<dd> per term on the glossary
/// page, and each term's first use on every other page linked to its entry, with the definition
/// readable on hover and focus. Terms no page uses give a warning.
class Glossary : public Feature {
 public:
  /// One entry of the list.
  struct Term {
    std::string term, definition, anchor, pointer;
    std::vector<std::string> forms;  ///< the term and its variants, lowercased, longest first
    int page = -1;                   ///< the page that explains it, or -1
    std::string fragment;            ///< anchor on that page
  };

  static constexpr const char* kDataPath = "content/begrippen/begrippen.json";
  static constexpr const char* kPageSource = "begrippen/_index.md";

  void load(const SourceTree& tree, ContentTree& content, Diagnostics& diags) override;
  void transform(const BuildContext& ctx, const Page& page, Markdown& md, Diagnostics& diags) const override;
  void extend(const BuildContext& ctx, const Page& page, nlohmann::json& data) const override;
  void finish(const BuildContext& ctx, OutputSink& sink, Diagnostics& diags) override;

  const std::vector<Term>& terms() const { return terms_; }

 private:
  std::optional<DataFile> file_;
  std::vector<Term> terms_;
  int glossary_page_ = -1;
  mutable std::mutex used_mutex_;
  mutable std::map<int, std::vector<bool>> used_;  ///< page → the terms it uses (transform may run again for a page)
};

/// Finds the first whole-word, case-insensitive occurrence of `form` (lowercase) in `text`
/// from `from`; npos when there is none.
size_t find_word(const std::string& text, const std::string& form, size_t from = 0);

}  // namespace wijzer
