#include "jsonlogic.h"

#include <string.h>  // memmem

#include "text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <string_view>

namespace wijzer::jsonlogic {

using json = nlohmann::json;

Error::Error(json v, std::string msg, bool is_fatal)
    : value(std::move(v)), message(std::move(msg)), fatal(is_fatal) {}

std::string Error::type() const {
    if (value.is_object()) {
        auto it = value.find("type");
        if (it != value.end()) return it->is_string() ? it->get<std::string>() : to_js_string(*it);
    }
    return "Error";
}

namespace {

constexpr const char* kNaN = "NaN";
constexpr const char* kInvalid = "Invalid Arguments";
constexpr const char* kUnknown = "Unknown Operator";
constexpr const char* kLimit = "Limit Exceeded";
constexpr int kMaxWalkDepth = 256;

[[noreturn]] void fail(const char* type, const std::string& detail = {}, bool fatal = false) {
    std::string msg = std::string("jsonlogic: ") + type;
    if (!detail.empty()) msg += " (" + detail + ")";
    throw Error(json{{"type", type}}, msg, fatal);
}

// ---------------------------------------------------------------- numbers

// JavaScript's StrWhiteSpaceChar set, as UTF-8 byte sequences.
std::size_t js_space_len(std::string_view s, std::size_t i) {
    static constexpr std::string_view multi[] = {
        "\xC2\xA0", "\xEF\xBB\xBF", "\xE1\x9A\x80", "\xE2\x80\xA8", "\xE2\x80\xA9",
        "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80"};
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
    for (auto m : multi)
        if (s.substr(i, m.size()) == m) return m.size();
    // U+2000..U+200A
    if (s.substr(i, 2) == "\xE2\x80" && i + 2 < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[i + 2]);
        if (d >= 0x80 && d <= 0x8A) return 3;
    }
    return 0;
}

std::string_view js_trim(std::string_view s) {
    std::size_t b = 0;
    while (b < s.size()) {
        std::size_t n = js_space_len(s, b);
        if (n == 0) break;
        b += n;
    }
    std::size_t e = s.size();
    while (e > b) {  // scan back to the start of the last character
        std::size_t start = e - 1;
        while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        if (js_space_len(s, start) != e - start) break;
        e = start;
    }
    return s.substr(b, e - b);
}

double parse_radix(std::string_view digits, int base) {
    if (digits.empty()) return NAN;
    double v = 0;
    for (char c : digits) {
        int d = (c >= '0' && c <= '9') ? c - '0'
              : (c >= 'a' && c <= 'z') ? c - 'a' + 10
              : (c >= 'A' && c <= 'Z') ? c - 'A' + 10 : 99;
        if (d >= base) return NAN;
        v = v * base + d;
    }
    return v;
}

bool is_decimal_literal(std::string_view s) {
    std::size_t i = 0, n = s.size();
    auto digits = [&] { std::size_t st = i; while (i < n && s[i] >= '0' && s[i] <= '9') ++i; return i - st; };
    std::size_t intd = digits(), fracd = 0;
    if (i < n && s[i] == '.') { ++i; fracd = digits(); }
    if (intd + fracd == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        if (digits() == 0) return false;
    }
    return i == n;
}

// JavaScript Number(string).
double js_parse_number(std::string_view text) {
    std::string_view s = js_trim(text);
    if (s.empty()) return 0;
    if (s.size() > 2 && s[0] == '0') {
        char p = s[1];
        if (p == 'x' || p == 'X') return parse_radix(s.substr(2), 16);
        if (p == 'o' || p == 'O') return parse_radix(s.substr(2), 8);
        if (p == 'b' || p == 'B') return parse_radix(s.substr(2), 2);
    }
    double sign = 1;
    std::string_view body = s;
    if (body[0] == '+' || body[0] == '-') {
        if (body[0] == '-') sign = -1;
        body.remove_prefix(1);
    }
    if (body == "Infinity") return sign * std::numeric_limits<double>::infinity();
    if (!is_decimal_literal(body)) return NAN;
    double v = 0;
    auto r = std::from_chars(body.data(), body.data() + body.size(), v);
    if (r.ec == std::errc::result_out_of_range) {
        // from_chars leaves v untouched: decide between overflow and underflow.
        auto e = body.find_first_of("eE");
        bool big = e != std::string_view::npos ? body[e + 1] != '-' : true;
        v = big ? std::numeric_limits<double>::infinity() : 0.0;
    }
    return sign * v;
}

// JavaScript ToNumber restricted to JSON values; arrays and objects are NaN.
double to_number(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return 0;
        case json::value_t::boolean: return v.get<bool>() ? 1 : 0;
        case json::value_t::number_integer: return static_cast<double>(v.get<std::int64_t>());
        case json::value_t::number_unsigned: return static_cast<double>(v.get<std::uint64_t>());
        case json::value_t::number_float: return v.get<double>();
        case json::value_t::string: return js_parse_number(v.get_ref<const std::string&>());
        default: return NAN;
    }
}

double num(const json& v) {
    double d = to_number(v);
    if (std::isnan(d)) {  // name the value, but never print a whole (huge) array or object
        std::string shown = v.is_structured() ? v.type_name()
                                              : v.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 60);
        fail(kNaN, "not a number: " + shown);
    }
    return d;
}

json make_number(double d) {
    if (!std::isfinite(d)) fail(kNaN, "result is not a finite number");
    if (d == 0) return 0;  // also folds -0
    if (std::trunc(d) == d && std::fabs(d) <= 9007199254740992.0) return static_cast<std::int64_t>(d);
    return d;
}

std::string js_number_string(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0) return "0";
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(d), std::chars_format::scientific);
    std::string sci(buf, r.ptr);  // "d.ddde+XX"
    auto epos = sci.find('e');
    std::string digits = sci.substr(0, epos);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    int n = std::stoi(sci.substr(epos + 1)) + 1;  // decimal point position
    int k = static_cast<int>(digits.size());
    std::string out = d < 0 ? "-" : "";
    if (k <= n && n <= 21) {
        out += digits + std::string(n - k, '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, n) + "." + digits.substr(n);
    } else if (-6 < n && n <= 0) {
        out += "0." + std::string(-n, '0') + digits;
    } else {
        out += digits.substr(0, 1);
        if (k > 1) out += "." + digits.substr(1);
        out += (n - 1 >= 0 ? "e+" : "e-") + std::to_string(std::abs(n - 1));
    }
    return out;
}

// ---------------------------------------------------------------- strings

constexpr std::size_t kNoLimit = static_cast<std::size_t>(-1);

void append_join_piece(std::string& out, const json& v, int depth, std::size_t limit);

// JavaScript String(v) appended to `out`; text beyond `limit` bytes is a
// limit error, checked per element so a huge array never becomes huge text.
void append_js_string(std::string& out, const json& v, int depth, std::size_t limit) {
    if (depth > kMaxWalkDepth) fail(kLimit, "value nested too deeply", true);
    switch (v.type()) {
        case json::value_t::null: out += "null"; break;
        case json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; break;
        case json::value_t::string: out += v.get_ref<const std::string&>(); break;
        case json::value_t::object: out += "[object Object]"; break;
        case json::value_t::array: {  // Array.prototype.join(",")
            bool first = true;
            for (const auto& e : v) {
                if (!first) out += ',';
                first = false;
                append_join_piece(out, e, depth + 1, limit);
                if (out.size() > limit) fail(kLimit, "text too long", true);
            }
            break;
        }
        default: out += js_number_string(to_number(v));
    }
    if (out.size() > limit) fail(kLimit, "text too long", true);
}

// An element as Array.prototype.join renders it: null becomes "".
void append_join_piece(std::string& out, const json& v, int depth, std::size_t limit) {
    if (!v.is_null()) append_js_string(out, v, depth, limit);
}

// Byte length of the UTF-8 sequence that starts with `lead`.
std::size_t cp_len(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

std::size_t count_code_points(const std::string& s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); i += cp_len(static_cast<unsigned char>(s[i]))) ++n;
    return n;
}

// Byte offset of code point `k` (at most s.size()), scanning from byte `from`
// which starts code point `from_cp`: one pass, no per-character copies.
std::size_t cp_offset(const std::string& s, std::size_t k, std::size_t from = 0, std::size_t from_cp = 0) {
    std::size_t i = from;
    for (std::size_t n = from_cp; n < k && i < s.size(); ++n) i += cp_len(static_cast<unsigned char>(s[i]));
    return std::min(i, s.size());
}

// ------------------------------------------------------------- comparisons

bool deep_equal(const json& a, const json& b, int depth) {
    if (depth > kMaxWalkDepth) fail(kLimit, "value nested too deeply", true);
    if (a.is_number() && b.is_number()) return to_number(a) == to_number(b);
    if (a.type() != b.type()) return false;
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!deep_equal(a[i], b[i], depth + 1)) return false;
        return true;
    }
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            auto jt = b.find(it.key());
            if (jt == b.end() || !deep_equal(it.value(), *jt, depth + 1)) return false;
        }
        return true;
    }
    return a == b;
}

bool strict_equal(const json& a, const json& b) { return deep_equal(a, b, 0); }

// Loose comparison: two strings compare as text (UTF-8 byte order equals
// code point order), everything else numerically; NaN raises.
int compare(const json& a, const json& b) {
    if (a.is_string() && b.is_string()) {
        int c = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
        return (c > 0) - (c < 0);
    }
    double x = num(a), y = num(b);
    return (x > y) - (x < y);
}

// ------------------------------------------------------------ data access

// Elements (every nested value counts one) and text bytes (strings and
// object keys) of a value.
struct Size {
    std::size_t items = 0, bytes = 0;
};

// The size of `v`, failing as soon as it exceeds the options' limits, so the
// walk itself is bounded by them. With `max_nest` >= 0 a structured value
// nested deeper than that is refused too: a value a rule reads whole (var,
// val, preserve) must not nest deeper than kMaxWalkDepth levels, because
// copying it would recurse. Iterative: never recurses itself.
Size measure(const json& v, const Options& opt, int max_nest) {
    auto too_large = [&](const Size& s) { return s.items > opt.max_items || s.bytes > opt.max_length; };
    Size s{1, v.is_string() ? v.get_ref<const std::string&>().size() : 0};
    if (!v.is_structured()) {
        if (too_large(s)) fail(kLimit, "value too large", true);
        return s;
    }
    s.items = 0;
    std::vector<std::pair<const json*, int>> stack{{&v, 0}};
    while (!stack.empty()) {
        auto [x, d] = stack.back();
        stack.pop_back();
        ++s.items;
        if (x->is_string()) s.bytes += x->get_ref<const std::string&>().size();
        if (x->is_structured()) {
            if (max_nest >= 0 && d >= max_nest) fail(kLimit, "value nested too deeply", true);
            // Counting pending elements first keeps the stack within the limit too.
            if (s.items + stack.size() + x->size() > opt.max_items) fail(kLimit, "value too large", true);
            for (auto it = x->begin(); it != x->end(); ++it) {
                if (x->is_object()) s.bytes += it.key().size();
                stack.push_back({&*it, d + 1});
            }
        }
        if (too_large(s)) fail(kLimit, "value too large", true);
    }
    return s;
}

bool canonical_index(std::string_view s, std::size_t& idx) {
    if (s.empty() || s.size() > 15 || (s.size() > 1 && s[0] == '0')) return false;
    auto r = std::from_chars(s.data(), s.data() + s.size(), idx);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// Own property `key` of `v` (object key or array index), or nullptr.
const json* lookup(const json& v, const std::string& key) {
    if (v.is_object()) {
        auto it = v.find(key);
        return it == v.end() ? nullptr : &*it;
    }
    std::size_t idx = 0;
    if (v.is_array() && canonical_index(key, idx) && idx < v.size()) return &v[idx];
    return nullptr;
}

bool is_key(const json& k) { return k.is_string() || k.is_number(); }
std::string key_text(const json& k) { return to_js_string(k); }

// Calls f(part) for each dot-separated part of `path` ("" gives one empty
// part) until f returns false; no vector of parts for a long path.
template <class F>
void for_each_dot_part(const std::string& path, F f) {
    std::size_t start = 0;
    for (;;) {
        auto dot = path.find('.', start);
        if (!f(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start))) return;
        if (dot == std::string::npos) return;
        start = dot + 1;
    }
}

// A val/exists argument list [[n], k1, k2, ...]: is the first one a scope jump?
bool is_scope_jump(const json& first) {
    return first.is_array() && first.size() == 1 && first[0].is_number();
}

// ---------------------------------------------------------------- evaluator

struct Evaluator;
using OpFn = json (*)(Evaluator&, const json& args);

enum class Shape {
    list,      // arguments evaluated eagerly; a non-array is one argument
               // (or, when it evaluates to an array, the argument list)
    array,     // arguments must be a literal array (lazy operators)
    iterator,  // [source, body(, initial)]: body runs per item in a new scope
    raw,       // arguments are not evaluated (preserve)
    handlers,  // try: [body, handler...]; handlers see the error as data
};

struct OpInfo {
    OpFn fn;
    Shape shape;
    std::size_t min_args;  // enforced by check(); run time enforces its own
    bool numeric;          // literal arguments must be numbers (check())
};

const std::map<std::string, OpInfo, std::less<>>& table();

// Text bytes that cost one step.
constexpr std::size_t kBytesPerStep = 16;

struct Evaluator {
    const Options& opt;
    std::vector<const json*> scopes;
    std::size_t steps = 0;
    int depth = 0;
    Size last;           // size of the value the last eval() returned
    bool sized = false;  // the operator's result was measured already (readable())

    // Work in proportion to `units` (elements handled, text bytes / 16).
    void charge(std::size_t units) {
        steps += units;
        if (steps > opt.max_steps) fail(kLimit, "too many evaluation steps", true);
    }
    void charge_bytes(std::size_t bytes) { charge(bytes / kBytesPerStep); }

    // Checks and charges a value an operator produced (its root was paid by
    // the node's own step).
    Size weigh(const json& v) {
        Size s = measure(v, opt, -1);
        charge(s.items - 1 + s.bytes / kBytesPerStep);
        return s;
    }

    // A data value read whole (var, val, preserve) and returned as the
    // operator's result: bounded in nesting and size before it is copied, and
    // charged for the copy (eval() does not measure it again).
    const json& readable(const json& v) {
        last = measure(v, opt, kMaxWalkDepth);
        charge(last.items - 1 + last.bytes / kBytesPerStep);
        sized = true;
        return v;
    }

    // Adds a part's size to a value under construction; fails as soon as the
    // sum exceeds a limit, before the value grows further.
    void grow(Size& total, const Size& part) {
        total.items += part.items;
        total.bytes += part.bytes;
        if (total.items > opt.max_items || total.bytes > opt.max_length) fail(kLimit, "value too large", true);
    }

    struct DepthGuard {
        Evaluator& ev;
        explicit DepthGuard(Evaluator& e) : ev(e) {
            if (++ev.depth > ev.opt.max_depth) { --ev.depth; fail(kLimit, "rule nested too deeply", true); }
            if (++ev.steps > ev.opt.max_steps) { --ev.depth; fail(kLimit, "too many evaluation steps", true); }
        }
        ~DepthGuard() { --ev.depth; }
    };

    struct ScopeGuard {
        Evaluator& ev;
        ScopeGuard(Evaluator& e, const json& meta, const json& item) : ev(e) {
            ev.scopes.push_back(&meta);
            ev.scopes.push_back(&item);
        }
        ~ScopeGuard() { ev.scopes.pop_back(); ev.scopes.pop_back(); }
    };

    const json& current() const { return *scopes.back(); }

    json eval(const json& rule) {
        DepthGuard guard(*this);
        if (rule.is_array()) {  // sizes of the elements are known: no second walk
            json out = json::array();
            Size total{1, 0};
            for (const auto& e : rule) {
                out.push_back(eval(e));
                grow(total, last);
            }
            last = total;
            return out;
        }
        if (!rule.is_object() || rule.empty()) {
            last = weigh(rule);
            return rule;
        }
        auto it = rule.begin();
        if (rule.size() != 1) fail(kUnknown, "an object with several keys is not a rule");
        const auto& ops = table();
        auto op = ops.find(it.key());
        if (op == ops.end()) fail(kUnknown, it.key());
        sized = false;
        json result = op->second.fn(*this, it.value());
        if (!sized) last = weigh(result);
        sized = false;
        return result;
    }

    // Evaluate `body` with `item` as data, one scope below `meta`.
    json eval_in(const json& meta, const json& item, const json& body) {
        ScopeGuard scope(*this, meta, item);
        return eval(body);
    }
};

// Arguments of a Shape::list operator.
std::vector<json> eval_list(Evaluator& ev, const json& args) {
    std::vector<json> out;
    if (args.is_array()) {
        out.reserve(args.size());
        for (const auto& a : args) out.push_back(ev.eval(a));
        return out;
    }
    json v = ev.eval(args);
    if (!v.is_array()) {
        out.push_back(std::move(v));
        return out;
    }
    auto& items = v.get_ref<json::array_t&>();
    return std::vector<json>(std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
}

const json& require_array(const json& args, std::size_t min = 0) {
    if (!args.is_array() || args.size() < min) fail(kInvalid);
    return args;
}

const json& arg(const std::vector<json>& a, std::size_t i) {
    static const json null_value;
    return i < a.size() ? a[i] : null_value;
}

// ------------------------------------------------------------- data access

// The value at dotted `path` below `cur`, or nullptr when absent.
const json* var_lookup(const json& cur, const json& path) {
    if (path.is_null() || (path.is_string() && path.get_ref<const std::string&>().empty()) ||
        (path.is_array() && path.empty()))
        return &cur;
    if (!is_key(path)) return nullptr;
    const json* v = &cur;
    for_each_dot_part(key_text(path), [&](const std::string& part) { return (v = lookup(*v, part)) != nullptr; });
    return v;
}

json op_var(Evaluator& ev, const json& args) {
    auto a = eval_list(ev, args);
    const json* v = var_lookup(ev.current(), arg(a, 0));
    return v ? ev.readable(*v) : arg(a, 1);
}

// Resolve a val/exists path; nullptr when absent.
const json* resolve_path(Evaluator& ev, const std::vector<json>& a) {
    std::size_t first = 0;
    const json* cur = &ev.current();
    if (!a.empty() && is_scope_jump(a[0])) {
        double up = std::fabs(to_number(a[0][0]));
        std::size_t top = ev.scopes.size() - 1;
        std::size_t idx = up >= static_cast<double>(top) ? 0 : top - static_cast<std::size_t>(up);
        cur = ev.scopes[idx];
        first = 1;
    }
    for (std::size_t i = first; i < a.size() && cur; ++i)
        cur = is_key(a[i]) ? lookup(*cur, key_text(a[i])) : nullptr;
    return cur;
}

json op_val(Evaluator& ev, const json& args) {
    const json* v = resolve_path(ev, eval_list(ev, args));
    return v ? ev.readable(*v) : json();
}

json op_exists(Evaluator& ev, const json& args) {
    return resolve_path(ev, eval_list(ev, args)) != nullptr;
}

json missing_keys(Evaluator& ev, const json& keys) {
    json out = json::array();
    for (const auto& k : keys) {
        const json* v = var_lookup(ev.current(), k);
        if (!v || v->is_null() || (v->is_string() && v->get_ref<const std::string&>().empty())) out.push_back(k);
    }
    return out;
}

json op_missing(Evaluator& ev, const json& args) {
    auto a = eval_list(ev, args);
    if (!a.empty() && a[0].is_array()) return missing_keys(ev, a[0]);
    return missing_keys(ev, json(a));
}

json op_missing_some(Evaluator& ev, const json& args) {
    auto a = eval_list(ev, args);
    double need = num(arg(a, 0));
    const json& keys = arg(a, 1);
    if (!keys.is_array()) fail(kInvalid, "missing_some needs [count, [keys]]");
    json miss = missing_keys(ev, keys);
    if (static_cast<double>(keys.size() - miss.size()) >= need) return json::array();
    return miss;
}

// ------------------------------------------------------------------- logic

json op_if(Evaluator& ev, const json& args) {
    const json& a = require_array(args);
    std::size_t i = 0;
    for (; i + 1 < a.size(); i += 2)
        if (truthy(ev.eval(a[i]))) return ev.eval(a[i + 1]);
    return i < a.size() ? ev.eval(a[i]) : json();
}

json op_and(Evaluator& ev, const json& args) {
    json last = false;
    for (const auto& a : require_array(args)) {
        last = ev.eval(a);
        if (!truthy(last)) break;
    }
    return last;
}

json op_or(Evaluator& ev, const json& args) {
    json last = false;
    for (const auto& a : require_array(args)) {
        last = ev.eval(a);
        if (truthy(last)) break;
    }
    return last;
}

json op_coalesce(Evaluator& ev, const json& args) {
    if (!args.is_array()) {
        for (auto& v : eval_list(ev, args))
            if (!v.is_null()) return v;
        return json();
    }
    for (const auto& a : args) {
        json v = ev.eval(a);
        if (!v.is_null()) return v;
    }
    return json();
}

json op_not(Evaluator& ev, const json& args) { return !truthy(arg(eval_list(ev, args), 0)); }
json op_notnot(Evaluator& ev, const json& args) { return truthy(arg(eval_list(ev, args), 0)); }

// Chained, short-circuiting comparison: a OP b and b OP c and ...
template <bool (*Pred)(const json&, const json&)>
json chain(Evaluator& ev, const json& args) {
    const json& a = require_array(args, 2);
    json prev = ev.eval(a[0]);
    for (std::size_t i = 1; i < a.size(); ++i) {
        json cur = ev.eval(a[i]);
        if (!Pred(prev, cur)) return false;
        prev = std::move(cur);
    }
    return true;
}

bool p_eq(const json& a, const json& b) { return compare(a, b) == 0; }
bool p_ne(const json& a, const json& b) { return compare(a, b) != 0; }
bool p_seq(const json& a, const json& b) { return strict_equal(a, b); }
bool p_sne(const json& a, const json& b) { return !strict_equal(a, b); }
bool p_lt(const json& a, const json& b) { return compare(a, b) < 0; }
bool p_le(const json& a, const json& b) { return compare(a, b) <= 0; }
bool p_gt(const json& a, const json& b) { return compare(a, b) > 0; }
bool p_ge(const json& a, const json& b) { return compare(a, b) >= 0; }

// ------------------------------------------------------------- arithmetic

json op_add(Evaluator& ev, const json& args) {
    double s = 0;
    for (const auto& v : eval_list(ev, args)) s += num(v);
    return make_number(s);
}

json op_mul(Evaluator& ev, const json& args) {
    double p = 1;
    for (const auto& v : eval_list(ev, args)) p *= num(v);
    return make_number(p);
}

// Left fold for -, / and %; `unary` applies to a single argument.
json fold(Evaluator& ev, const json& args, double (*f)(double, double), double unary_lhs,
          std::size_t min) {
    auto a = eval_list(ev, args);
    if (a.size() < std::max<std::size_t>(min, 1)) fail(kInvalid);
    if (a.size() == 1) return make_number(f(unary_lhs, num(a[0])));
    double acc = num(a[0]);
    for (std::size_t i = 1; i < a.size(); ++i) acc = f(acc, num(a[i]));
    return make_number(acc);
}

json op_sub(Evaluator& ev, const json& args) {
    return fold(ev, args, [](double x, double y) { return x - y; }, 0, 1);
}
json op_div(Evaluator& ev, const json& args) {
    return fold(ev, args, [](double x, double y) { return x / y; }, 1, 1);
}
json op_mod(Evaluator& ev, const json& args) {
    return fold(ev, args, [](double x, double y) { return std::fmod(x, y); }, 0, 2);
}

template <bool Max>
json extreme(Evaluator& ev, const json& args) {
    auto a = eval_list(ev, args);
    if (a.empty()) fail(kInvalid, "max/min need at least one argument");
    double best = num(a[0]);
    for (const auto& v : a) best = Max ? std::max(best, num(v)) : std::min(best, num(v));
    return make_number(best);
}

// ------------------------------------------------------------------ arrays

struct IterArgs {
    json items;  // the evaluated source (array)
    const json& body;
};

// map/filter/reduce: a missing source means no items; literal nulls are errors.
IterArgs lenient_source(Evaluator& ev, const json& args) {
    const json& a = require_array(args, 2);
    if (a[0].is_null() || a[1].is_null()) fail(kInvalid);
    json items = ev.eval(a[0]);
    if (!items.is_array()) items = json::array();
    return {std::move(items), a[1]};
}

// all/some/none: the source must evaluate to an array.
IterArgs strict_source(Evaluator& ev, const json& args) {
    const json& a = require_array(args, 2);
    json items = ev.eval(a[0]);
    if (!items.is_array()) fail(kInvalid, "source is not an array");
    return {std::move(items), a[1]};
}

json index_meta(std::size_t i) { return json{{"index", i}}; }

json op_map(Evaluator& ev, const json& args) {
    auto it = lenient_source(ev, args);
    json out = json::array();
    Size total{1, 0};
    for (std::size_t i = 0; i < it.items.size(); ++i) {
        out.push_back(ev.eval_in(index_meta(i), it.items[i], it.body));
        ev.grow(total, ev.last);
    }
    return out;
}

json op_filter(Evaluator& ev, const json& args) {
    auto it = lenient_source(ev, args);
    json out = json::array();
    for (std::size_t i = 0; i < it.items.size(); ++i)
        if (truthy(ev.eval_in(index_meta(i), it.items[i], it.body))) out.push_back(it.items[i]);
    return out;
}

json op_reduce(Evaluator& ev, const json& args) {
    auto it = lenient_source(ev, args);
    json acc = args.size() > 2 ? ev.eval(args[2]) : json();
    for (std::size_t i = 0; i < it.items.size(); ++i) {
        json item{{"current", it.items[i]}, {"accumulator", std::move(acc)}};
        acc = ev.eval_in(index_meta(i), item, it.body);
    }
    return acc;
}

// all: non-empty and every item truthy; some: any; none: not any.
template <int Kind>
json quantifier(Evaluator& ev, const json& args) {
    auto it = strict_source(ev, args);
    if (Kind == 0 && it.items.empty()) return false;
    for (std::size_t i = 0; i < it.items.size(); ++i) {
        bool t = truthy(ev.eval_in(index_meta(i), it.items[i], it.body));
        if (Kind == 0 && !t) return false;
        if (Kind != 0 && t) return Kind == 1;
    }
    return Kind != 2 ? Kind == 0 : true;
}

json op_merge(Evaluator& ev, const json& args) {
    json out = json::array();
    for (auto& v : eval_list(ev, args)) {
        if (v.is_array()) {
            for (auto& e : v) out.push_back(std::move(e));
        } else {
            out.push_back(std::move(v));
        }
        if (out.size() > ev.opt.max_items) fail(kLimit, "merge result too long", true);
    }
    return out;
}

// Substring test in time linear in both lengths: std::string::find compares the needle at
// every position (quadratic for "aaa…ab" in "aaa…a"), and libstdc++'s boyer_moore_searcher
// spends seconds building its tables for a 64 KB needle; glibc's memmem (Two-Way) is linear.
bool contains(const std::string& text, const std::string& part) {
    if (part.empty()) return true;
    return memmem(text.data(), text.size(), part.data(), part.size()) != nullptr;
}

json op_in(Evaluator& ev, const json& args) {
    auto a = eval_list(ev, args);
    const json& needle = arg(a, 0);
    const json& hay = arg(a, 1);
    if (hay.is_string()) {
        const std::string& text = hay.get_ref<const std::string&>();
        std::string part;
        append_js_string(part, needle, 0, ev.opt.max_length);
        ev.charge_bytes(text.size() + part.size());
        return contains(text, part);
    }
    if (hay.is_array()) {
        ev.charge(hay.size());
        return std::any_of(hay.begin(), hay.end(), [&](const json& e) { return strict_equal(e, needle); });
    }
    return false;
}

// ----------------------------------------------------------------- strings

json op_cat(Evaluator& ev, const json& args) {
    std::string out;
    for (const auto& v : eval_list(ev, args)) {
        append_join_piece(out, v, 0, ev.opt.max_length);
    }
    return out;
}

json op_substr(Evaluator& ev, const json& args) {
    auto a = eval_list(ev, args);
    std::string text;
    if (!a.empty()) append_js_string(text, a[0], 0, ev.opt.max_length);
    ev.charge_bytes(text.size());
    const double len = static_cast<double>(count_code_points(text));
    double start = a.size() > 1 ? std::trunc(num(a[1])) : 0;
    start = start < 0 ? std::max(0.0, len + start) : std::min(start, len);
    double end = len;
    if (a.size() > 2 && !a[2].is_null()) {
        double n = std::trunc(num(a[2]));
        end = n < 0 ? std::max(start, len + n) : std::min(len, start + n);
    }
    const auto first = static_cast<std::size_t>(start), stop = static_cast<std::size_t>(end);
    const std::size_t from = cp_offset(text, first);
    return text.substr(from, cp_offset(text, stop, from, first) - from);
}

// ------------------------------------------------------------ misc, errors

json op_preserve(Evaluator& ev, const json& args) { return ev.readable(args); }

json op_throw(Evaluator& ev, const json& args) {
    json v = arg(eval_list(ev, args), 0);
    if (!v.is_object()) v = json{{"type", std::move(v)}};
    Error e(v, "jsonlogic: thrown", false);
    e.message = "jsonlogic: " + e.type();
    throw e;
}

json op_try(Evaluator& ev, const json& args) {
    const std::size_t n = args.is_array() ? args.size() : 1;
    auto item = [&](std::size_t i) -> const json& { return args.is_array() ? args[i] : args; };
    json caught;
    for (std::size_t i = 0; i < n; ++i) {
        try {
            if (i == 0) return ev.eval(item(0));
            return ev.eval_in(json::object(), caught, item(i));
        } catch (const Error& e) {
            if (e.fatal || i + 1 == n) throw;
            caught = e.value;
        }
    }
    return json();  // no arguments
}

const std::map<std::string, OpInfo, std::less<>>& table() {
    static const std::map<std::string, OpInfo, std::less<>> ops = {
        {"var", {op_var, Shape::list, 0, false}},
        {"val", {op_val, Shape::list, 0, false}},
        {"exists", {op_exists, Shape::list, 0, false}},
        {"missing", {op_missing, Shape::list, 0, false}},
        {"missing_some", {op_missing_some, Shape::list, 2, false}},
        {"if", {op_if, Shape::array, 0, false}},
        {"?:", {op_if, Shape::array, 0, false}},
        {"and", {op_and, Shape::array, 0, false}},
        {"or", {op_or, Shape::array, 0, false}},
        {"??", {op_coalesce, Shape::list, 0, false}},
        {"!", {op_not, Shape::list, 0, false}},
        {"!!", {op_notnot, Shape::list, 0, false}},
        {"==", {chain<p_eq>, Shape::array, 2, false}},
        {"!=", {chain<p_ne>, Shape::array, 2, false}},
        {"===", {chain<p_seq>, Shape::array, 2, false}},
        {"!==", {chain<p_sne>, Shape::array, 2, false}},
        {"<", {chain<p_lt>, Shape::array, 2, false}},
        {"<=", {chain<p_le>, Shape::array, 2, false}},
        {">", {chain<p_gt>, Shape::array, 2, false}},
        {">=", {chain<p_ge>, Shape::array, 2, false}},
        {"+", {op_add, Shape::list, 0, true}},
        {"*", {op_mul, Shape::list, 0, true}},
        {"-", {op_sub, Shape::list, 1, true}},
        {"/", {op_div, Shape::list, 1, true}},
        {"%", {op_mod, Shape::list, 2, true}},
        {"max", {extreme<true>, Shape::list, 1, true}},
        {"min", {extreme<false>, Shape::list, 1, true}},
        {"map", {op_map, Shape::iterator, 2, false}},
        {"filter", {op_filter, Shape::iterator, 2, false}},
        {"reduce", {op_reduce, Shape::iterator, 2, false}},
        {"all", {quantifier<0>, Shape::iterator, 2, false}},
        {"some", {quantifier<1>, Shape::iterator, 2, false}},
        {"none", {quantifier<2>, Shape::iterator, 2, false}},
        {"merge", {op_merge, Shape::list, 0, false}},
        {"in", {op_in, Shape::list, 2, false}},
        {"cat", {op_cat, Shape::list, 0, false}},
        {"substr", {op_substr, Shape::list, 1, false}},
        {"preserve", {op_preserve, Shape::raw, 0, false}},
        {"throw", {op_throw, Shape::list, 0, false}},
        {"try", {op_try, Shape::handlers, 0, false}},
    };
    return ops;
}

const OpInfo* find_op(const json& node, std::string& name) {
    if (!node.is_object() || node.size() != 1) return nullptr;
    name = node.begin().key();
    auto it = table().find(name);
    return it == table().end() ? nullptr : &it->second;
}

// --------------------------------------------------------------- variables

struct VarCollector {
    std::vector<std::string> out;
    std::set<std::string> seen;  // a set: many distinct paths must not cost quadratic time

    void add(const std::string& path) {
        if (!path.empty() && seen.insert(path).second) out.push_back(path);
    }

    // `scope` counts the scope levels between this node and the data root.
    void walk(const json& node, int scope, int nest) {
        if (nest > kMaxWalkDepth) fail(kLimit, "rule nested too deeply", true);
        if (node.is_array()) {
            for (const auto& e : node) walk(e, scope, nest + 1);
            return;
        }
        if (!node.is_object() || node.empty()) return;
        std::string name;
        const OpInfo* op = find_op(node, name);
        const json& args = node.begin().value();
        if (!op) {
            for (const auto& v : node) walk(v, scope, nest + 1);
        } else if (name == "var") {
            var_path(args, scope, nest);
        } else if (name == "val" || name == "exists") {
            val_path(args, scope, nest);
        } else if (name == "missing" || name == "missing_some") {
            missing_keys(args, name == "missing_some", scope, nest);
        } else if (op->shape == Shape::raw) {
            return;
        } else if ((op->shape == Shape::iterator || op->shape == Shape::handlers) && args.is_array()) {
            bool iter = op->shape == Shape::iterator;
            for (std::size_t i = 0; i < args.size(); ++i)
                walk(args[i], (iter ? i == 1 : i > 0) ? scope + 2 : scope, nest + 1);
        } else {
            walk(args, scope, nest + 1);
        }
    }

    // Constant keys are read paths; anything else is a rule to walk.
    void read(const json& key, int scope, int nest) {
        if (!is_key(key)) walk(key, scope, nest + 1);
        else if (scope == 0) add(key_text(key));
    }

    // The elements of an argument that may be a single value or an array.
    static std::vector<const json*> items(const json& args) {
        std::vector<const json*> out;
        if (!args.is_array()) out.push_back(&args);
        else for (const auto& a : args) out.push_back(&a);
        return out;
    }

    void var_path(const json& args, int scope, int nest) {
        auto a = items(args);
        if (!a.empty()) read(*a[0], scope, nest);
        for (std::size_t i = 1; i < a.size(); ++i) walk(*a[i], scope, nest + 1);
    }

    void val_path(const json& args, int scope, int nest) {
        auto segs = items(args);
        std::size_t first = 0;
        int target = scope;  // scope levels between the read and the root
        if (!segs.empty() && is_scope_jump(*segs[0])) {
            if (std::fabs(to_number((*segs[0])[0])) >= scope) target = 0;
            first = 1;
        }
        std::string path;
        bool constant = true;
        for (std::size_t i = first; i < segs.size(); ++i) {
            if (!is_key(*segs[i])) {
                constant = false;
                walk(*segs[i], scope, nest + 1);
                continue;
            }
            if (i > first) path += '.';
            path += key_text(*segs[i]);
        }
        if (constant && target == 0) add(path);
    }

    void missing_keys(const json& args, bool some, int scope, int nest) {
        const json* keys = &args;
        if (some) keys = args.is_array() && args.size() > 1 ? &args[1] : nullptr;
        else if (args.is_array() && !args.empty() && args[0].is_array()) keys = &args[0];
        if (!keys) return walk(args, scope, nest + 1);
        if (some) walk(args[0], scope, nest + 1);
        for (const json* k : items(*keys)) read(*k, scope, nest);
    }
};

// ------------------------------------------------------------------- check

struct Checker {
    std::vector<Issue> issues;

    // Each issue keeps its pointer (up to ~256 levels long): a rule of a million bad nodes would
    // keep a gigabyte. Past kMaxIssues one last issue says so.
    static constexpr std::size_t kMaxIssues = 100;
    void issue(const std::string& ptr, std::string msg) {
        if (issues.size() < kMaxIssues) issues.push_back({ptr, std::move(msg)});
        else if (issues.size() == kMaxIssues) issues.push_back({ptr, "more than 100 problems; the first 100 are reported"});
    }

    void walk(const json& node, const std::string& ptr, int nest) {
        if (nest > kMaxWalkDepth) return issue(ptr, "rule nested too deeply");
        if (node.is_array()) {
            for (std::size_t i = 0; i < node.size(); ++i) walk(node[i], ptr + "/" + std::to_string(i), nest + 1);
            return;
        }
        if (!node.is_object() || node.empty()) return;
        if (node.size() > 1) {
            issue(ptr, "object with " + std::to_string(node.size()) +
                           " keys is not a rule (wrap literal objects in preserve)");
            for (auto it = node.begin(); it != node.end(); ++it)
                walk(it.value(), ptr + "/" + pointer_token(it.key()), nest + 1);
            return;
        }
        std::string name;
        const OpInfo* op = find_op(node, name);
        const json& args = node.begin().value();
        std::string here = ptr + "/" + pointer_token(node.begin().key());
        if (!op) issue(here, "unknown operator \"" + node.begin().key() + "\"");
        else if (op->shape == Shape::raw) return;
        else shape(name, *op, args, here);
        walk(args, here, nest + 1);
    }

    void shape(const std::string& name, const OpInfo& op, const json& args, const std::string& here) {
        bool needs_array = op.shape == Shape::array || op.shape == Shape::iterator;
        if (needs_array && !args.is_array()) return issue(here, name + " needs an array of arguments");
        if (args.is_array() && args.size() < op.min_args)
            return issue(here, name + " needs at least " + std::to_string(op.min_args) + " arguments");
        if (!args.is_array()) return;
        if ((name == "map" || name == "filter" || name == "reduce") && (args[0].is_null() || args[1].is_null()))
            issue(here, name + " needs a source and a body, not null");
        if (name == "var" && args.size() > 2) issue(here, "var takes a path and an optional default");
        if (name == "missing_some" && !args[1].is_array() && !args[1].is_object())
            issue(here + "/1", "missing_some needs an array of keys");
        if (op.numeric)
            for (std::size_t i = 0; i < args.size(); ++i)
                if (is_literal_nan(args[i])) issue(here + "/" + std::to_string(i), "not a number");
    }

    static bool is_literal_nan(const json& v) {
        if (v.is_object()) return v.empty();
        if (v.is_array()) return true;
        return std::isnan(to_number(v));
    }
};

}  // namespace

bool truthy(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return false;
        case json::value_t::boolean: return v.get<bool>();
        case json::value_t::string: return !v.get_ref<const std::string&>().empty();
        case json::value_t::array: return !v.empty();
        case json::value_t::object: return true;
        default: return to_number(v) != 0;
    }
}

std::string to_js_string(const json& value) {
    std::string out;
    append_js_string(out, value, 0, kNoLimit);
    return out;
}

json evaluate(const json& rule, const json& data, const Options& options, std::size_t& spent) {
    Evaluator ev{options, {&data}, 0, 0, {}, false};
    struct Report {  // also when eval() throws
        Evaluator& ev;
        std::size_t& spent;
        ~Report() { spent += ev.steps; }
    } report{ev, spent};
    return ev.eval(rule);
}

json evaluate(const json& rule, const json& data, const Options& options) {
    std::size_t spent = 0;
    return evaluate(rule, data, options, spent);
}

json evaluate(const json& rule, const json& data) { return evaluate(rule, data, Options{}); }

std::vector<std::string> variables(const json& rule) {
    VarCollector c;
    c.walk(rule, 0, 0);
    return std::move(c.out);
}

std::vector<Issue> check(const json& rule) {
    Checker c;
    c.walk(rule, "", 0);
    return std::move(c.issues);
}

std::vector<std::string> operators() {
    std::vector<std::string> names;
    for (const auto& [name, info] : table()) names.push_back(name);
    return names;
}

}  // namespace wijzer::jsonlogic
