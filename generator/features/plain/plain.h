#pragma once
#include <vector>

#include "feature.h"
#include "plain_check.h"

namespace wijzer {

/// Plain language for clients (docs/content-format.md, "Pages for clients"): warns when a client
/// page or a client flow (`doelgroep: clienten`) says "u"/"uw", has a sentence over 20 words, or
/// uses an abbreviation or jargon term it does not explain at first use. Warnings only: the exit
/// code of build and check stays as it is. Consumes the glossary's model for what it explains.
class Plain : public Feature {
 public:
  std::vector<std::type_index> consumes() const override;
  void load(LoadContext& ctx) override;
  void transform(const BuildContext& ctx, const Page& page, Markdown& md, ContributionSlot& out,
                 Diagnostics& diags) const override;

 private:
  PlainGlossary glossary_;
};

}  // namespace wijzer
