#include "audience.h"

namespace wijzer {

bool for_clients(const ContentTree& content, int page) {
  // The nearest page up the tree that says who it is for decides: a section sets it for all below.
  for (int at = page; at >= 0 && at < static_cast<int>(content.pages.size()); at = content.pages[at].parent) {
    const auto& fields = content.pages[at].meta.fields;
    if (auto it = fields.find("publiek"); it != fields.end() && it->is_string()) return *it == "clienten";
    if (content.pages[at].parent == at) break;
  }
  return false;
}

}  // namespace wijzer
