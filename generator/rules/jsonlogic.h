// JSON Logic rule engine (https://jsonlogic.com), including the newer
// community operators val, exists, ??, throw and try.
//
// Values are nlohmann::json. Semantics follow the community conformance
// suites in tests/conformance/jsonlogic; the browser twin lives in
// site-assets/rules/jsonlogic.js and must stay behaviourally identical.
//
// Summary of the value model:
//  * truthiness is JavaScript's, except that an empty array is falsy;
//  * numeric coercion: null -> 0, booleans -> 0/1, strings via JS Number(),
//    arrays and objects -> NaN; any NaN or infinite result raises
//    {"type":"NaN"} instead of producing a value;
//  * strings are compared and sliced by Unicode code point.
#pragma once

#include <cstddef>
#include <exception>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wijzer::jsonlogic {

// A rule error. `value` is the thrown error object, e.g. {"type":"NaN"},
// {"type":"Invalid Arguments"}, {"type":"Unknown Operator"} or whatever a
// rule passed to "throw". Limit errors ({"type":"Limit Exceeded"}) are
// `fatal`: "try" does not catch them.
struct Error : std::exception {
    nlohmann::json value;
    std::string message;
    bool fatal = false;

    Error(nlohmann::json v, std::string msg, bool is_fatal = false);
    const char* what() const noexcept override { return message.c_str(); }
    // value["type"] as text ("Error" when the thrown value has none).
    std::string type() const;
};

// Guards against hostile rules. Exceeding any of them raises a fatal Error
// of type "Limit Exceeded". Independently of these, a value nested deeper
// than 256 levels cannot be read whole (var/val/preserve), compared with
// === or in, or converted to text: that is also "Limit Exceeded" (copying it
// would recurse). Reading below such a value is fine.
//
// The step budget counts cost, not just rule nodes: every evaluated node is
// one step, and so is every element or member of a value an operator
// produces, copies or scans; 16 bytes of text count as one step. Every
// intermediate value and the result are also bounded in elements and text.
// Together these bound time and memory whatever the rule and data do.
struct Options {
    int max_depth = 256;                   // nesting of rule evaluation
    std::size_t max_steps = 10'000'000;    // cost budget per evaluate() (see above)
    std::size_t max_length = 1u << 24;     // bytes of text in any one value
    std::size_t max_items = 1u << 20;      // elements and members (nested) of any one value
};

nlohmann::json evaluate(const nlohmann::json& rule, const nlohmann::json& data);
nlohmann::json evaluate(const nlohmann::json& rule, const nlohmann::json& data,
                        const Options& options);
// As above, and adds the steps the evaluation used (also when it throws) to
// `spent`: callers that evaluate many rules can share one budget.
nlohmann::json evaluate(const nlohmann::json& rule, const nlohmann::json& data,
                        const Options& options, std::size_t& spent);

// JSON Logic truthiness ([] is falsy, {} is truthy).
bool truthy(const nlohmann::json& value);

// JavaScript String(value) (numbers formatted like JS, null -> "null").
std::string to_js_string(const nlohmann::json& value);

// Every data path the rule reads from the top-level data through var, val,
// exists, missing or missing_some with a constant path, dot-joined
// ("a.b" for {"var":"a.b"} and {"val":["a","b"]}), de-duplicated, in order
// of first appearance. Reads relative to an iteration item (inside the
// body of map/filter/reduce/all/some/none) or to a caught error are not
// reported; val with a scope jump that lands on the top-level data is.
// Throws Error (Limit Exceeded) for rules nested deeper than 256 levels.
std::vector<std::string> variables(const nlohmann::json& rule);

struct Issue {
    std::string pointer;   // JSON pointer of the offending node, e.g. "/if/1/var"
    std::string message;
};

// Static problems: unknown operators, multi-key objects, argument shapes
// that always fail at run time (non-array arguments where an array is
// required, too few arguments, literal non-numbers in arithmetic, ...).
// Operator problems point at "<object>/<operator>". At most 100 problems are
// listed, then one that says there are more.
std::vector<Issue> check(const nlohmann::json& rule);

// Names of all supported operators, sorted.
std::vector<std::string> operators();

}  // namespace wijzer::jsonlogic
