#include "eval_command.h"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "jsonlogic.h"

namespace wijzer {

namespace {

using json = nlohmann::json;

constexpr int kMaxInputDepth = 512;

std::optional<std::string> read_text(const std::string& arg, const char* what, std::ostream& err) {
    if (arg.empty() || arg[0] != '@') return arg;
    std::ifstream in(arg.substr(1), std::ios::binary);
    std::ostringstream buf;
    if (in) buf << in.rdbuf();
    if (!in || in.bad()) {
        err << "wijzer eval: cannot read " << what << " file " << arg.substr(1) << "\n";
        return std::nullopt;
    }
    return buf.str();
}

std::optional<json> parse_arg(const std::string& arg, const char* what, std::ostream& err) {
    auto text = read_text(arg, what, err);
    if (!text) return std::nullopt;
    bool too_deep = false;
    json::parser_callback_t limit = [&too_deep](int depth, json::parse_event_t, json&) {
        if (depth > kMaxInputDepth) too_deep = true;
        return !too_deep;
    };
    try {
        json value = json::parse(*text, limit);
        if (!too_deep) return value;
        err << "wijzer eval: " << what << " is nested deeper than " << kMaxInputDepth << " levels\n";
    } catch (const json::exception& e) {  // parse errors, and numbers too large for a double
        err << "wijzer eval: " << what << " is not valid JSON: " << e.what() << "\n";
    }
    return std::nullopt;
}

// Integral floats print as integers, -0 as 0 (as JSON.stringify does).
void normalize_numbers(json& v) {
    if (v.is_number_float()) {
        double d = v.get<double>();
        if (d == 0) v = 0;
        else if (std::trunc(d) == d && std::fabs(d) <= 9007199254740992.0) v = static_cast<std::int64_t>(d);
    } else if (v.is_structured()) {
        for (auto& e : v) normalize_numbers(e);
    }
}

std::string dump(const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

int run_eval(const std::string& rule_arg, const std::string& data_arg, std::ostream& out,
             std::ostream& err) {
    auto rule = parse_arg(rule_arg, "rule", err);
    if (!rule) return 2;
    std::optional<json> data = json();
    if (!data_arg.empty()) data = parse_arg(data_arg, "data", err);
    if (!data) return 2;
    try {
        json result = jsonlogic::evaluate(*rule, *data);
        normalize_numbers(result);
        out << "{\"result\": " << dump(result) << "}\n";
    } catch (const jsonlogic::Error& e) {
        out << "{\"error\": {\"type\": " << dump(json(e.type())) << "}}\n";
    } catch (const std::exception& e) {
        err << "wijzer eval: internal error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace wijzer
