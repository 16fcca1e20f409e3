// Fuzz target: JSON Logic rules. The input is JSON: [rule, data] evaluates rule against data;
// anything else is the rule, evaluated against a fixed dossier. check() and variables() run on
// every rule. Rule errors (jsonlogic::Error) are answers, not findings.
#include "fuzz_common.h"
#include "jsonlogic.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wijzer;
  using nlohmann::json;
  static const json dossier = json::parse(R"({"uren": 20, "leeftijd": 31, "naam": "Sam",
      "traject": {"soort": "jobcoach", "weken": [4, 8, 12]}, "lijst": [1, "2", null, true, {"a": 1}]})");
  json input = json::parse(fuzz::input(data, size), nullptr, /*allow_exceptions=*/false);
  if (input.is_discarded()) return 0;
  const bool pair = input.is_array() && input.size() == 2;
  const json& rule = pair ? input[0] : input;
  const json& facts = pair ? input[1] : dossier;
  jsonlogic::Options options;
  options.max_steps = 200'000;       // keeps each input fast; the limit itself is under test too
  options.max_length = 1u << 20;
  for (const auto& issue : jsonlogic::check(rule)) (void)issue.pointer;
  try {
    (void)jsonlogic::variables(rule);
  } catch (const jsonlogic::Error&) {
  }
  try {
    json result = jsonlogic::evaluate(rule, facts, options);
    (void)jsonlogic::truthy(result);
    try {
      (void)jsonlogic::to_js_string(result);
    } catch (const jsonlogic::Error&) {
    }
  } catch (const jsonlogic::Error& e) {
    (void)e.type();
  }
  return 0;
}
