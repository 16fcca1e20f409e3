#include "flows_paths.h"

#include <algorithm>
#include <functional>
#include <set>

#include "jsonlogic.h"

namespace wijzer::flows {

std::vector<Path> enumerate_paths(const Flow& flow, Diagnostics& diags, size_t limit) {
  return enumerate_paths(flow, diags, PathLimits{limit});
}

std::vector<Path> enumerate_paths(const Flow& flow, Diagnostics& diags, const PathLimits& limits) {
  const size_t limit = limits.paths;
  std::vector<Path> paths;
  const Node* start = flow.find(flow.start);
  if (!start) return paths;
  std::set<std::string> reported;  // one report per problem and node
  auto report = [&](const std::string& key, const std::string& pointer, const std::string& message) {
    if (reported.insert(key).second) flow.file.error(diags, pointer, message);
  };
  std::set<std::pair<std::string, std::string>> taken;  // (question, answer) some path takes
  std::vector<Step> steps;
  std::vector<std::string> trail;  // node ids on the current path, for cycle messages
  std::set<std::string> on_path;
  nlohmann::json answers = nlohmann::json::object();
  bool overflow = false;
  size_t total_steps = 0, visits = 0, rule_steps = 0;
  // Stops the walk with one error: the number of paths alone does not bound the work (a chain of
  // n two-way questions has 2^n paths of n steps, and a dead end may end every one of them).
  auto stop = [&](const std::string& message) {
    overflow = true;
    flow.file.error(diags, "/knopen", message + ": splits het stroomschema of voeg takken samen");
  };

  auto describe = [&](const std::string& last) {  // the current path, ending in `last`
    std::string s;
    for (const auto& id : trail) s += id + " → ";
    if (!trail.empty() && trail.back() == last) return s.substr(0, s.size() - 5);  // strip " → "
    return s + last;
  };

  std::function<void(const Node&)> walk = [&](const Node& node) {
    if (overflow) return;
    if (++visits > limits.visits)
      return stop("te veel vertakkingen: na " + std::to_string(limits.visits) + " bezochte knopen zijn nog niet alle paden bekeken");
    if (on_path.count(node.id)) {
      report("cycle:" + node.id, node.pointer,
             "knoop '" + node.id + "': kringloop, dit pad bereikt nooit een uitkomst (" + describe(node.id) + ")");
      return;
    }
    if (node.kind == Kind::outcome) {
      if (paths.size() >= limit) return stop("meer dan " + std::to_string(limit) + " paden");
      total_steps += steps.size();
      if (total_steps > limits.total_steps)
        return stop("de paden zijn samen langer dan " + std::to_string(limits.total_steps) + " stappen (" +
                    std::to_string(paths.size()) + " paden tot hier, dit pad " + std::to_string(steps.size()) + " stappen)");
      paths.push_back({steps, node.id});
      return;
    }
    on_path.insert(node.id);
    trail.push_back(node.id);
    if (node.kind == Kind::info) {
      if (const Node* next = flow.find(node.next)) {
        steps.push_back({node.id, kInfoAnswer});
        walk(*next);
        steps.pop_back();
      }
    } else {
      bool any = false;
      for (const Answer& answer : node.answers) {
        if (!answer.when.is_null()) {
          bool open = false;
          try {
            jsonlogic::Options budget;  // every rule on every path shares one budget
            budget.max_steps = limits.rule_steps - std::min(rule_steps, limits.rule_steps);
            open = jsonlogic::truthy(jsonlogic::evaluate(answer.when, answers, budget, rule_steps));
          } catch (const jsonlogic::Error& e) {
            if (rule_steps > limits.rule_steps)
              return stop("de regels (\"als\") op alle paden samen kosten meer dan " + std::to_string(limits.rule_steps) + " rekenstappen");
            report("rule:" + answer.pointer, answer.pointer + "/als",
                   "knoop '" + node.id + "', antwoord '" + answer.id + "': regelfout " + e.type() + " (" + describe(node.id) + ")");
          }
          if (!open) continue;
        }
        any = true;
        const Node* next = flow.find(answer.next);
        if (!next) continue;  // reported by read_flow
        taken.insert({node.id, answer.id});
        steps.push_back({node.id, answer.id});
        answers[node.id] = answer.id;
        walk(*next);
        answers.erase(node.id);
        steps.pop_back();
      }
      if (!any && !node.answers.empty())
        report("dead:" + node.id, node.pointer,
               "knoop '" + node.id + "': doodlopend pad, geen enkel antwoord is hier beschikbaar (" + describe(node.id) + ")");
    }
    trail.pop_back();
    on_path.erase(node.id);
  };
  walk(*start);

  if (!overflow)
    for (const Node& node : flow.nodes)
      for (const Answer& answer : node.answers)
        if (!taken.count({node.id, answer.id}) && flow.find(answer.next) && !reported.count("cycle:" + answer.next))
          flow.file.warning(diags, answer.pointer,
                            "knoop '" + node.id + "', antwoord '" + answer.id + "' ligt op geen enkel pad (de regel \"als\" is nooit waar)");
  return paths;
}

std::string path_state(const Path& path) {
  std::string state;
  for (const Step& step : path.steps) {
    if (!state.empty()) state += ',';
    state += step.node + ':' + step.answer;
  }
  return state;
}

nlohmann::json test_vectors(const Flow& flow, const std::vector<Path>& paths) {
  nlohmann::json list = nlohmann::json::array();
  for (const Path& path : paths) {
    nlohmann::json steps = nlohmann::json::array();
    for (const Step& step : path.steps) {
      const Node* node = flow.find(step.node);
      steps.push_back({{"node", step.node}, {"kind", node ? kind_name(node->kind) : "question"}, {"answer", step.answer}});
    }
    list.push_back({{"steps", steps}, {"outcome", path.outcome}, {"state", path_state(path)}});
  }
  return {{"flow", flow.id}, {"title", flow.title}, {"start", flow.start}, {"count", paths.size()}, {"paths", list}};
}

std::map<std::string, int> steps_to_go(const std::vector<Path>& paths) {
  std::map<std::string, int> most;
  for (const Path& path : paths) {
    const int n = static_cast<int>(path.steps.size());
    for (int i = 0; i < n; ++i) {
      int& m = most[path.steps[i].node];
      m = std::max(m, n - i);
    }
    most[path.outcome];  // 0
  }
  return most;
}

}  // namespace wijzer::flows
