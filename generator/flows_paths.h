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

/// Enumerates every path from the start to an outcome, evaluating each answer's "als" rule on
/// the answers given so far ({"<question id>": "<answer id>"}). Reports, at the node: a cycle
/// (a node that comes back on one path), a dead end (a question where no answer is available),
/// rule errors, answers no path can take (warning), and more than `limit` paths.
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
