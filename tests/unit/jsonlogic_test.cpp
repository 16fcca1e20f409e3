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
