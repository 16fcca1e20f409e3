#include "release.h"

#include "frontmatter.h"

namespace wijzer {

void Release::load(LoadContext& ctx) {
  newest_.clear();
  for (const Page& page : ctx.content.pages)
    if (page.meta.bijgewerkt > newest_) newest_ = page.meta.bijgewerkt;
  data_ = {{"version", version_}, {"date", dutch_date(newest_)}, {"date_iso", newest_}};
}

void Release::extend(const BuildContext&, const Page&, nlohmann::json& data, ContributionSlot&) const {
  data["release"] = data_;
}

}  // namespace wijzer
