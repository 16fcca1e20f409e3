#include "flows_visits.h"

#include <algorithm>
#include <map>

namespace wijzer::flows {

std::vector<Step> steps_before(const std::vector<Visit>& visits, int at) {
  std::vector<Step> steps;
  for (; at >= 0 && visits[static_cast<size_t>(at)].parent >= 0; at = visits[static_cast<size_t>(at)].parent)
    steps.push_back(visits[static_cast<size_t>(at)].via);
  std::reverse(steps.begin(), steps.end());
  return steps;
}

std::vector<Visit> visits_of(const Flow& flow, const std::vector<Path>& paths) {
  std::vector<Visit> out;
  std::map<std::string, int> count;  // visits per node: names the pages
  auto add = [&](const std::string& node, Step via, int parent) {
    Visit v;
    v.node = node;
    v.via = std::move(via);
    v.parent = parent;
    const int n = ++count[node];
    v.page = n == 1 ? node + ".html" : node + "." + std::to_string(n) + ".html";
    out.push_back(std::move(v));
    return static_cast<int>(out.size()) - 1;
  };
  for (const Path& path : paths) {
    int at = out.empty() ? add(path.steps.empty() ? path.outcome : path.steps[0].node, {}, -1) : 0;
    for (size_t i = 0; i < path.steps.size(); ++i) {
      const Step& step = path.steps[i];
      const std::string target = i + 1 < path.steps.size() ? path.steps[i + 1].node : path.outcome;
      auto& next = out[at].next;
      auto found = std::find_if(next.begin(), next.end(), [&](const auto& p) { return p.first == step.answer; });
      if (found != next.end()) {
        at = found->second;
        continue;
      }
      const int child = add(target, step, at);
      out[at].next.emplace_back(step.answer, child);
      at = child;
    }
  }
  // Questions to go, children first: a child always comes after its parent.
  for (size_t i = out.size(); i-- > 0;) {
    int most = 0;
    for (const auto& [answer, child] : out[i].next) most = std::max(most, out[child].questions_to_go);
    const Node* node = flow.find(out[i].node);
    out[i].questions_to_go = most + (node && node->kind == Kind::question ? 1 : 0);
  }
  return out;
}

}  // namespace wijzer::flows
