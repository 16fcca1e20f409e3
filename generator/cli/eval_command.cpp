#include "eval_command.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "jsonlogic.h"

namespace wijzer {

namespace {

using json = nlohmann::json;

constexpr int kMaxInputDepth = 512;

constexpr std::size_t kMaxFileBytes = 16u << 20;  // 16 MiB: far above any real rule or dossier

/// The argument's text: itself, or for "@path" the file's contents. Only a regular file of at most
/// kMaxFileBytes is read: /dev/zero, a FIFO or a directory would block, never end or exhaust memory.
std::optional<std::string> read_text(const std::string& arg, const char* what, std::ostream& err) {
    if (arg.empty() || arg[0] != '@') return arg;
    const std::string path = arg.substr(1);
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!ec && status.type() != std::filesystem::file_type::regular) {
        err << "wijzer eval: " << what << " file " << path << " is not a regular file\n";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (ec || !in) {
        err << "wijzer eval: cannot read " << what << " file " << path << "\n";
        return std::nullopt;
    }
    std::string text;
    char chunk[1 << 16];
    while (text.size() <= kMaxFileBytes && in.read(chunk, sizeof chunk)) text.append(chunk, sizeof chunk);
    if (!in.bad() && text.size() <= kMaxFileBytes) text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxFileBytes) {  // checked while reading: the size on disk may change meanwhile
        err << "wijzer eval: " << what << " file " << path << " is larger than " << (kMaxFileBytes >> 20) << " MiB\n";
        return std::nullopt;
    }
    if (in.bad()) {
        err << "wijzer eval: cannot read " << what << " file " << path << "\n";
        return std::nullopt;
    }
    return text;
}

/// Deepest nesting of [ and { outside strings: one linear pass before parsing. (nlohmann's parser
/// callback could stop a deep parse, but it scans the parent array at every object's end: 500,000
/// objects in one array took 84 s.)
int nesting(const std::string& text) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

std::optional<json> parse_arg(const std::string& arg, const char* what, std::ostream& err) {
    auto text = read_text(arg, what, err);
    if (!text) return std::nullopt;
    if (nesting(*text) > kMaxInputDepth) {
        err << "wijzer eval: " << what << " is nested deeper than " << kMaxInputDepth << " levels\n";
        return std::nullopt;
    }
    try {
        return json::parse(*text);
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
