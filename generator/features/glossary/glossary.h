#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data_file.h"
#include "feature.h"
#include "glossary_model.h"

namespace wijzer {

/// The begrippenlijst (content/begrippen/begrippen.json; wijzer.yaml `glossary:`): one <dt>/<dd> per term on the glossary
/// page, and each term's first use on every other page linked to its entry, with the definition
/// readable on hover and focus. Terms no page uses give a warning. Publishes GlossaryModel.
class Glossary : public Feature {
 public:
  /// One entry of the list.
  struct Term {
    std::string term, definition, anchor, pointer;
    std::string client_definition;   ///< "voor_clienten": shown on client pages instead
    bool jargon = false;             ///< "jargon": plain checks want it explained to clients
    std::vector<std::string> forms;  ///< the term and its variants, lowercased, longest first
    int page = -1;                   ///< the page that explains it, or -1
    std::string fragment;            ///< anchor on that page
  };

  /// Per page: which terms its text links (transform), for the "used nowhere" warning.
  struct Use : PageContribution {
    std::vector<bool> linked;  ///< by term index
  };

  std::vector<std::type_index> provides() const override { return {model<GlossaryModel>()}; }
  void load(LoadContext& ctx) override;
  void transform(const BuildContext& ctx, const Page& page, Markdown& md, ContributionSlot& out,
                 Diagnostics& diags) const override;
  void extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot& out) const override;
  void finish(const BuildContext& ctx, const PageContributions& pages, OutputSink& sink, Diagnostics& diags) override;

  const std::vector<Term>& terms() const { return terms_; }

 private:
  /// Reads "voor_clienten" and "jargon" of one entry into `term`, with errors at their position.
  void read_client_fields(const nlohmann::json& entry, const std::string& pointer, Term& term, Diagnostics& diags) const;

  std::optional<DataFile> file_;
  std::vector<Term> terms_;
  int glossary_page_ = -1;
};

/// Finds the first whole-word, case-insensitive occurrence of `form` (lowercase) in `text`
/// from `from`; npos when there is none.
size_t find_word(const std::string& text, const std::string& form, size_t from = 0);

}  // namespace wijzer
