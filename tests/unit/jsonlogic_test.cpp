#include "cpu_timer.h"
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "eval_command.h"
#include "jsonlogic.h"

using nlohmann::json;
namespace jl = wijzer::jsonlogic;

namespace {

json eval(const char* rule, const char* data = "null") {
    return jl::evaluate(json::parse(rule), json::parse(data));
}

std::string error_type(const char* rule, const char* data = "null") {
    try {
        eval(rule, data);
    } catch (const jl::Error& e) {
        return e.type();
    }
    return "<no error>";
}

// Deep equality with numbers compared numerically (1 == 1.0).
bool same(const json& a, const json& b) {
    if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
    if (a.type() != b.type()) return false;
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same(a[i], b[i])) return false;
        return true;
    }
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto it = a.begin(); it != a.end(); ++it)
            if (!b.contains(it.key()) || !same(it.value(), b[it.key()])) return false;
        return true;
    }
    return a == b;
}

json load(const std::string& path) {
    std::ifstream in(path);
    REQUIRE(in);
    return json::parse(in);
}

// Runs one conformance case; returns an empty string on success.
std::string run_case(const json& c) {
    const json data = c.value("data", json());
    try {
        json got = jl::evaluate(c["rule"], data);
        if (c.contains("error")) return "expected error " + c["error"].dump() + ", got " + got.dump();
        if (!same(got, c["result"])) return "expected " + c["result"].dump() + ", got " + got.dump();
    } catch (const jl::Error& e) {
        if (!c.contains("error")) return "unexpected error " + e.value.dump();
        if (e.type() != c["error"].value("type", "")) return "expected error " + c["error"].dump() + ", got " + e.value.dump();
    }
    return {};
}

struct EvalRun {
    int code;
    std::string out, err;
};

EvalRun run(const std::string& rule, const std::string& data = "") {
    std::ostringstream out, err;
    int code = wijzer::run_eval(rule, data, out, err);
    return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("jsonlogic conformance suites (C++)", "[jsonlogic][conformance]") {
    const std::string dir = std::string(WIJZER_TEST_DIR) + "/conformance/jsonlogic/suites/";
    int total = 0, passed = 0;
    for (const auto& file : load(dir + "index.json")) {
        for (const auto& c : load(dir + file.get<std::string>())) {
            if (!c.is_object()) continue;  // comment lines
            ++total;
            std::string problem = run_case(c);
            if (problem.empty()) {
                ++passed;
            } else {
                UNSCOPED_INFO(file.get<std::string>() << ": " << c["rule"].dump() << " data "
                                                     << c.value("data", json()).dump() << ": " << problem);
                CHECK(problem.empty());
            }
        }
    }
    std::cout << "jsonlogic C++ conformance: " << passed << "/" << total << std::endl;
    REQUIRE(total == 1138);
    REQUIRE(passed == total);
}

TEST_CASE("jsonlogic values and coercion", "[jsonlogic]") {
    CHECK(eval(R"({"+":["0x10", " 2 ", "1e1"]})") == 28);
    CHECK(eval(R"({"cat":[1.5, 1e21, 0.000001, 1e-7, [1,[2,null]], {"preserve":{"a":1}}]})") ==
          "1.51e+210.0000011e-71,2,[object Object]");
    CHECK(eval(R"({"/":[1,3]})").get<double>() == Approx(1.0 / 3));
    CHECK(eval(R"({"-":[0]})").dump() == "0");  // no -0
    CHECK(eval(R"({"*":[2.5, 2]})").is_number_integer());
    CHECK(error_type(R"({"+":[1e308, 1e308]})") == "NaN");
    CHECK(error_type(R"({"<":[1, "1_0"]})") == "NaN");
    CHECK(eval(R"({"<":["Infinity", 1]})") == false);
    CHECK(eval(R"({"substr":["añb😀c", 1, 3]})") == "ñb😀");
    CHECK(eval(R"({"===":[{"preserve":[1,{"a":2}]},{"preserve":[1.0,{"a":2}]}]})") == true);
    CHECK(eval(R"({"in":[{"preserve":{"a":1}},{"preserve":[{"a":1}]}]})") == true);
    CHECK(jl::truthy(json::object()));
    CHECK_FALSE(jl::truthy(json::array()));
    CHECK(jl::to_js_string(json(-0.5)) == "-0.5");
    CHECK(jl::to_js_string(json(123456789012345680000.0)) == "123456789012345680000");
}

TEST_CASE("jsonlogic data access", "[jsonlogic]") {
    const char* data = R"({"a":{"b":[10,20]},"n":null,"e":""})";
    CHECK(eval(R"({"var":"a.b.1"})", data) == 20);
    CHECK(eval(R"({"var":"a.b.01"})", data).is_null());
    CHECK(eval(R"({"var":["n", 5]})", data).is_null());
    CHECK(eval(R"({"var":["x", 5]})", data) == 5);
    CHECK(eval(R"({"val":["a","b",0]})", data) == 10);
    CHECK(eval(R"({"exists":"n"})", data) == true);
    CHECK(eval(R"({"exists":["a","c"]})", data) == false);
    CHECK(eval(R"({"missing":["a","n","e","z"]})", data) == json::parse(R"(["n","e","z"])"));
    CHECK(eval(R"({"missing_some":[1,["z","a"]]})", data) == json::array());
    CHECK(eval(R"({"map":[{"var":"a.b"},{"val":[[2],"e"]}]})", data) == json::parse(R"(["",""])"));
    CHECK(eval(R"({"reduce":[[1,2,3],{"+":[{"var":"accumulator"},{"var":"current"}]}]})") == 6);
}

TEST_CASE("jsonlogic errors and try", "[jsonlogic]") {
    CHECK(error_type(R"({"nope":[1]})") == "Unknown Operator");
    CHECK(error_type(R"({"a":1,"b":2})") == "Unknown Operator");
    CHECK(eval("{}") == json::object());
    CHECK(error_type(R"({"throw":{"preserve":{"code":7}}})") == "Error");
    CHECK(eval(R"({"try":[{"throw":{"preserve":{"code":7}}},{"val":"code"}]})") == 7);
    CHECK(error_type(R"({"max":[]})") == "Invalid Arguments");
    CHECK(error_type(R"({"missing_some":[1, "a"]})") == "Invalid Arguments");
    try {
        eval(R"({"/":[1,0]})");
        FAIL("no error");
    } catch (const jl::Error& e) {
        CHECK(e.value == json::parse(R"({"type":"NaN"})"));
        CHECK(std::string(e.what()).find("NaN") != std::string::npos);
    }
}

TEST_CASE("jsonlogic guards against hostile rules", "[jsonlogic]") {
    json deep = 1;
    for (int i = 0; i < 100000; ++i) deep = json{{"!", json::array({std::move(deep)})}};
    try {
        jl::evaluate(deep, nullptr);
        FAIL("no error");
    } catch (const jl::Error& e) {
        CHECK(e.type() == "Limit Exceeded");
        CHECK(e.fatal);
    }
    CHECK_FALSE(jl::check(deep).empty());
    CHECK_THROWS_AS(jl::variables(deep), jl::Error);

    // A depth error is not swallowed by try.
    json nested = 1;
    for (int i = 0; i < 300; ++i) nested = json{{"!", json::array({std::move(nested)})}};
    json guarded = json{{"try", json::array({nested, 1})}};
    CHECK_THROWS_AS(jl::evaluate(guarded, nullptr), jl::Error);

    // Deep rules and data are never copied recursively: no stack overflow.
    std::string deep_try;
    for (int i = 0; i < 100000; ++i) deep_try += "{\"try\":[";
    deep_try += "1";
    for (int i = 0; i < 100000; ++i) deep_try += "]}";
    CHECK_THROWS_AS(jl::evaluate(json::parse(deep_try), nullptr), jl::Error);
    CHECK_THROWS_AS(jl::variables(json::parse(deep_try)), jl::Error);
    json deep_data = json::parse(std::string(100000, '[') + std::string(100000, ']'));
    CHECK_THROWS_AS(jl::evaluate(json::parse(R"({"var":""})"), deep_data), jl::Error);
    CHECK_THROWS_AS(jl::evaluate(json::parse(R"({"val":[0]})"), deep_data), jl::Error);
    CHECK(jl::evaluate(json::parse(R"({"exists":[0,0,0]})"), deep_data) == true);

    // Exponential work is cut off by the step budget.
    json blowup = json{{"var", ""}};
    for (int i = 0; i < 12; ++i)
        blowup = json{{"map", json::array({json::parse("[1,2,3,4,5,6,7,8,9,10]"), std::move(blowup)})}};
    jl::Options small;
    small.max_steps = 100000;
    CHECK_THROWS_AS(jl::evaluate(blowup, nullptr, small), jl::Error);

    // Doubling strings is cut off by the length limit.
    json doubling = json::parse(
        R"({"reduce":[{"var":"xs"},{"cat":[{"var":"accumulator"},{"var":"accumulator"}]},"ab"]})");
    json xs = json::object({{"xs", json(std::vector<int>(64, 0))}});
    CHECK_THROWS_AS(jl::evaluate(doubling, xs), jl::Error);
}

TEST_CASE("jsonlogic variables()", "[jsonlogic]") {
    auto vars = jl::variables(json::parse(R"({"and":[
        {"var":"leeftijd"},
        {"==":[{"var":["woonplaats","?"]},"Utrecht"]},
        {"val":["adres","postcode"]},
        {"exists":"partner"},
        {"missing":["a","b"]},
        {"missing_some":[1,["c"]]},
        {"var":"leeftijd"},
        {"var":{"cat":["dyn","amic"]}},
        {"var":""},
        {"map":[{"var":"kinderen"},{"+":[{"var":"leeftijd_kind"},{"val":[[2],"toeslag"]}]}]},
        {"try":[{"var":"x"},{"val":"type"}]},
        {"preserve":{"var":"not_read"}}
    ]})"));
    std::vector<std::string> expected{"leeftijd", "woonplaats", "adres.postcode", "partner", "a", "b",
                                      "c", "kinderen", "toeslag", "x"};
    CHECK(vars == expected);
}

TEST_CASE("jsonlogic check()", "[jsonlogic]") {
    auto issues = jl::check(json::parse(R"({"if":[{"foo":1},{"var":["a",1,2]},{"<":[1]}]})"));
    REQUIRE(issues.size() == 3);
    CHECK(issues[0].pointer == "/if/0/foo");
    CHECK(issues[1].pointer == "/if/1/var");
    CHECK(issues[2].pointer == "/if/2/<");
    CHECK(jl::check(json::parse(R"({"/":[{"var":"a"},"x"]})"))[0].pointer == "/~1/1");
    CHECK(jl::check(json::parse(R"({"map":{"var":"a"}})")).size() == 1);
    CHECK(jl::check(json::parse(R"({"a":1,"b":2})"))[0].pointer == "");
    CHECK(jl::check(json::parse(R"({"preserve":{"whatever":1}})")).empty());
    CHECK(jl::check(json::parse(R"({"and":[{"var":"a"},{"missing":["b"]},{"some":[[1],{"val":[]}]}]})")).empty());
}

TEST_CASE("wijzer eval command", "[jsonlogic][eval]") {
    auto r = run(R"({"+":[1,{"var":"x"}]})", R"({"x":2.0})");
    CHECK(r.code == 0);
    CHECK(r.out == "{\"result\": 3}\n");

    r = run(R"({"/":[1,0]})");
    CHECK(r.code == 0);
    CHECK(r.out == "{\"error\": {\"type\": \"NaN\"}}\n");

    r = run(R"({"throw":"Nee"})", "");
    CHECK(r.out == "{\"error\": {\"type\": \"Nee\"}}\n");

    r = run(R"({"var":"a"})", R"({"a":-0.0})");
    CHECK(r.out == "{\"result\": 0}\n");

    r = run("{not json");
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK_FALSE(r.err.empty());
    CHECK(run("1", "[").code == 2);
    CHECK(run("").code == 2);
    CHECK(run("@/nonexistent/rule.json").code == 2);
    CHECK(run(std::string(1000, '[') + std::string(1000, ']')).code == 2);

    std::string path = (std::filesystem::temp_directory_path() / "wijzer-jsonlogic-test-rule.json").string();
    {
        std::ofstream f(path);
        f << R"({"cat":["Hallo ",{"var":"naam"}]})";
    }
    r = run("@" + path, R"({"naam":"Utrecht"})");
    std::remove(path.c_str());
    CHECK(r.code == 0);
    CHECK(r.out == "{\"result\": \"Hallo Utrecht\"}\n");
}

namespace {

// The error type of a rule, and how long it took to get it.
struct Timed {
    std::string type;
    double seconds = 0;
    bool fatal = false;
};

Timed timed(const json& rule, const json& data, const jl::Options& options = {}) {
    const wijzer::test::CpuTimer timer;
    Timed t;
    try {
        jl::evaluate(rule, data, options);
        t.type = "<no error>";
    } catch (const jl::Error& e) {
        t.type = e.type();
        t.fatal = e.fatal;
    }
    t.seconds = timer.seconds();
    return t;
}

json zeros(std::size_t n) { return json(std::vector<int>(n, 0)); }

}  // namespace

// Issue 13 finding 5: the step limit counted rule nodes only, so a few steps could copy, build or
// scan huge values (an 8 GB nested array, a merge that doubles, `in` on a long text thousands of
// times). Each case below took minutes or gigabytes before; now each is a quick Limit Exceeded.
TEST_CASE("jsonlogic counts cost and bounds every value", "[jsonlogic][limits]") {
    // An array literal of the accumulator twice: 2^64 elements from 64 steps.
    Timed t = timed(json{{"reduce", {zeros(64), json::parse(R"([{"var":"accumulator"},{"var":"accumulator"}])"), 0}}},
                    nullptr);
    CHECK(t.type == "Limit Exceeded");
    CHECK(t.fatal);
    CHECK(t.seconds < 20);

    // merge doubling a flat array.
    t = timed(json{{"reduce", {zeros(64), json::parse(R"({"merge":[{"var":"accumulator"},{"var":"accumulator"}]})"),
                               json::array({1})}}},
              nullptr);
    CHECK(t.type == "Limit Exceeded");
    CHECK(t.seconds < 20);

    // 50,000 `in` on an 8 MiB text: every read and scan of the text costs its length.
    json data = {{"s", std::string(8u << 20, 'a')}, {"r", zeros(50000)}};
    t = timed(json::parse(R"({"map":[{"var":"r"},{"in":["b",{"val":[[2],"s"]}]}]})"), data);
    CHECK(t.type == "Limit Exceeded");
    CHECK(t.seconds < 20);

    // map copying the source for every item: n^2 elements from n steps.
    t = timed(json::parse(R"({"map":[{"var":"r"},{"val":[[2],"r"]}]})"), data);
    CHECK(t.type == "Limit Exceeded");
    CHECK(t.seconds < 20);

    // A limit error is not caught by try.
    t = timed(json{{"try", {json{{"reduce", {zeros(64), json::parse(R"({"merge":[{"var":"accumulator"},{"var":"accumulator"}]})"),
                                             json::array({1})}}},
                            0}}},
              nullptr);
    CHECK(t.type == "Limit Exceeded");
}

TEST_CASE("jsonlogic limits: elements, text and cost per operator", "[jsonlogic][limits]") {
    jl::Options small;
    small.max_items = 100;
    small.max_length = 1000;
    // Values of the limit pass; one more element or byte fails, whichever operator made it.
    auto op = [](const char* name, json args) { return json::object({{name, std::move(args)}}); };
    const json var_r = op("var", "r");
    CHECK(jl::evaluate(op("merge", json::array({zeros(99)})), nullptr, small).size() == 99);  // 99 + the array
    CHECK(timed(op("merge", json::array({zeros(100)})), nullptr, small).type == "Limit Exceeded");
    CHECK(timed(var_r, json{{"r", zeros(100)}}, small).type == "Limit Exceeded");
    CHECK(timed(op("map", json::array({var_r, 1})), json{{"r", zeros(99)}}, small).type == "<no error>");
    CHECK(timed(op("map", json::array({var_r, json::array({1, 2})})), json{{"r", zeros(40)}}, small).type ==
          "Limit Exceeded");
    const json long_text = std::string(600, 'x');
    CHECK(timed(op("cat", json::array({long_text, long_text})), nullptr, small).type == "Limit Exceeded");
    CHECK(timed(op("cat", json::array({var_r})), json{{"r", zeros(60)}}, small).type == "<no error>");
    CHECK(timed(json::array({long_text, long_text}), nullptr, small).type == "Limit Exceeded");

    // Scanning text costs its length: 100 `in` on 16 KB of text is 100,000 steps of 16 bytes.
    jl::Options budget;
    budget.max_steps = 50'000;
    json text = {{"s", std::string(16000, 'a')}, {"r", zeros(100)}};
    CHECK(timed(json::parse(R"({"map":[{"var":"r"},{"in":["b",{"val":[[2],"s"]}]}]})"), text, budget).type ==
          "Limit Exceeded");
    CHECK(timed(json::parse(R"({"map":[{"var":"r"},{"in":["b",{"val":[[2],"s"]}]}]})"), json{{"s", "aaa"}, {"r", zeros(100)}},
                budget)
              .type == "<no error>");

    // The cost is reported, also when the rule fails.
    std::size_t spent = 0;
    jl::evaluate(json::parse(R"({"+":[1,2]})"), nullptr, {}, spent);
    CHECK(spent == 3);
    CHECK_THROWS(jl::evaluate(json::parse(R"({"map":[{"var":"r"},{"in":["b",{"val":[[2],"s"]}]}]})"), text, budget, spent));
    CHECK(spent > 50'000);
}

TEST_CASE("jsonlogic: in is linear in the lengths of both texts", "[jsonlogic][limits]") {
    // "aaa…ab" in "aaa…a": std::string::find compares the needle at every position.
    json data = {{"s", std::string(1u << 20, 'a')}, {"n", std::string(1u << 16, 'a') + "b"}};
    Timed t = timed(json::parse(R"({"in":[{"var":"n"},{"var":"s"}]})"), data);
    CHECK(t.type == "<no error>");
    CHECK(t.seconds < 5);
    CHECK(jl::evaluate(json::parse(R"({"in":[{"substr":[{"var":"n"},1]},{"var":"n"}]})"), data) == true);
}

TEST_CASE("jsonlogic variables() of a rule with many distinct paths is fast", "[jsonlogic][limits]") {
    json rule = json::array();
    for (int i = 0; i < 200000; ++i) rule.push_back(json{{"var", std::to_string(i) + "v"}});
    const wijzer::test::CpuTimer timer;
    CHECK(jl::variables(json{{"and", rule}}).size() == 200000);
    CHECK(timer.seconds() < 10);
}

TEST_CASE("wijzer eval refuses special and huge files", "[jsonlogic][eval][limits]") {
    auto r = run("@/dev/zero");  // before: read until bad_alloc
    CHECK(r.code == 2);
    CHECK(r.err == "wijzer eval: rule file /dev/zero is not a regular file\n");
    CHECK(run("1", "@/dev/zero").code == 2);
    const auto dir = std::filesystem::temp_directory_path();
    CHECK(run("@" + dir.string()).code == 2);

    const std::string big = (dir / "wijzer-jsonlogic-test-big.json").string();
    {
        std::ofstream f(big, std::ios::binary);
        f << '"' << std::string((16u << 20) - 1, 'a') << '"';  // 16 MiB + 1 byte
    }
    r = run("1", "@" + big);
    CHECK(r.code == 2);
    CHECK(r.err.find("larger than 16 MiB") != std::string::npos);
    std::filesystem::resize_file(big, 16u << 20);  // exactly 16 MiB: read (then not JSON, no closing quote)
    r = run("1", "@" + big);
    CHECK(r.code == 2);
    CHECK(r.err.find("not valid JSON") != std::string::npos);
    std::remove(big.c_str());
}

// The depth limit on eval's input used nlohmann's parser callback, which scans the parent array at
// the end of every object: 500,000 objects in one array took 84 s.
TEST_CASE("wijzer eval parses large data in linear time", "[jsonlogic][eval][limits]") {
    std::string data = "[{\"a\":0}";
    for (int i = 1; i < 500000; ++i) data += ",{\"a\":0}";
    data += "]";
    const wijzer::test::CpuTimer timer;
    auto r = run(R"({"var":"499999.a"})", data);
    CHECK(r.out == "{\"result\": 0}\n");
    CHECK(timer.seconds() < 10);
    CHECK(run("[" + std::string(512, '[') + std::string(512, ']') + "]").code == 2);  // 513 levels
    CHECK(run(std::string(512, '[') + std::string(512, ']')).code == 0);
    CHECK(run(R"(["[[[[", "\"]"])").code == 0);  // brackets in strings do not count
}

// check() kept every problem with its pointer: 200,000 bad nodes 200 levels deep are 200,000
// pointers of ~1 KB. It lists 100 and says there are more.
TEST_CASE("jsonlogic check() lists at most 100 problems", "[jsonlogic][limits]") {
    json bad = json::array();
    for (int i = 0; i < 200000; ++i) bad.push_back(json{{"foo", 1}});
    json rule = bad;
    for (int i = 0; i < 100; ++i) rule = json{{"!", json::array({std::move(rule)})}};  // 200 levels
    auto issues = jl::check(rule);
    REQUIRE(issues.size() == 101);
    CHECK(issues[0].message == "unknown operator \"foo\"");
    CHECK(issues[100].message.find("more than 100 problems") != std::string::npos);
}
