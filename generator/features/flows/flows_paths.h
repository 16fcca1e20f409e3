#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "flows_model.h"

namespace wijzer::flows {

/// One step of a path: a node and the answer taken there ("verder" for an info step).
struct Step {
  std::string node, answer;
};

/// A walk from the start to an outcome.
struct Path {
  std::vector<Step> steps;  ///< every question and info step, in order (not the outcome)
  std::string outcome;
};

/// The answer id an info step takes.
inline constexpr const char* kInfoAnswer = "verder";

/// Bounds of the path enumeration, so time and memory stay bounded whatever the flow: the number
/// of paths alone does not bound them (paths can be long, and the walk can branch without ever
/// reaching an outcome).
struct PathLimits {
  size_t paths = 5000;            ///< paths to an outcome
  size_t total_steps = 100'000;   ///< steps of all paths together (what paths.json and the pages hold)
  size_t visits = 1'000'000;      ///< nodes the walk enters, dead ends and cycles included
  size_t rule_steps = 10'000'000; ///< JSON Logic steps of all "als" rules together
};

/// Enumerates every path from the start to an outcome, evaluating each answer's "als" rule on
/// the answers given so far ({"<question id>": "<answer id>"}). Reports, at the node: a cycle
/// (a node that comes back on one path), a dead end (a question where no answer is available),
/// rule errors, answers no path can take (warning); at "/knopen": a walk beyond `limits` (it
/// stops there).
std::vector<Path> enumerate_paths(const Flow& flow, Diagnostics& diags, const PathLimits& limits);
std::vector<Path> enumerate_paths(const Flow& flow, Diagnostics& diags, size_t limit = 5000);

/// The URL state of the wizard after a path: "q1:ja,i1:verder,q2:nee".
std::string path_state(const Path& path);

/// Test vectors for the browser tests: {"flow", "start", "paths": [{"steps": [{node, kind, answer}],
/// "outcome", "state"}]}.
nlohmann::json test_vectors(const Flow& flow, const std::vector<Path>& paths);

/// For every node, the most steps (questions and info steps) still to take to reach an outcome
/// on any enumerated path through it: the wizard's progress indication.
std::map<std::string, int> steps_to_go(const std::vector<Path>& paths);

}  // namespace wijzer::flows
