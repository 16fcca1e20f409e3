#pragma once
#include <string>

#include "feature.h"

namespace wijzer {

/// The edition of the site, for its footer and `over` page: the wijzer version that built it and
/// the content date, the newest `bijgewerkt` of any page. Both come from the input, never from the
/// clock, so the same sources still build to the same bytes. Template data `release` (`version`,
/// `date`: "22 november 2026", `date_iso`; `date` is empty when no page has `bijgewerkt`).
class Release : public Feature {
 public:
  explicit Release(std::string version) : version_(std::move(version)) {}
  void load(LoadContext& ctx) override;
  void extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot& out) const override;

 private:
  std::string version_;
  std::string newest_;  ///< the newest `bijgewerkt` (ISO dates compare as text)
  nlohmann::json data_;  ///< `release`, the same for every page: made once in load()
};

}  // namespace wijzer
