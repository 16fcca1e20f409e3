#pragma once
#include <string>
#include <utility>
#include <vector>

#include "flows_model.h"
#include "flows_paths.h"

namespace wijzer::flows {

/// One page of a flow without JavaScript: a node as reached by one sequence of answers. A node
/// reached by different answers gets a page per sequence, so each page knows what came before:
/// it lists only the answers that hold there (no "only if you said…" notes), its back link goes
/// to the page before, and an outcome page shows the answers that led to it.
struct Visit {
  std::string node;
  Step via;                  ///< the step taken on the visit before to come here (empty at the start)
  std::string page;          ///< file name: "<node>.html" for a node's first visit, then "<node>.2.html", …
  int parent = -1;           ///< index of the visit before; -1 at the start
  std::vector<std::pair<std::string, int>> next;  ///< answer id → index of the visit it leads to
  int questions_to_go = 0;   ///< most questions from here to an outcome, this one included
};

/// At most this many visit pages per flow (a flow that needs more is too big to read page by page).
inline constexpr size_t kMaxVisits = 3000;

/// The steps that lead to visit `at`, from the start (walks the parents: no copy per visit).
std::vector<Step> steps_before(const std::vector<Visit>& visits, int at);

/// The visits of every enumerated path, in path order, sharing common beginnings (a tree rooted at
/// the start). Empty when there are no paths.
std::vector<Visit> visits_of(const Flow& flow, const std::vector<Path>& paths);

}  // namespace wijzer::flows
