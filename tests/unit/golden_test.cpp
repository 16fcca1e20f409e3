// Builds tests/fixtures/golden/site and compares every output file with tests/fixtures/golden/expected.
// After an intended change, refresh the expectation with:
//   build/wijzer build --source tests/fixtures/golden/site --out tests/fixtures/golden/expected
#include <catch2/catch.hpp>

#include <filesystem>

#include "output.h"
#include "portal.h"
#include "site.h"
#include "source.h"

using namespace wijzer;
namespace fs = std::filesystem;

TEST_CASE("golden: the fixture site builds to exactly the expected files", "[golden]") {
  const fs::path root = fs::path(WIJZER_TEST_DIR) / "fixtures" / "golden";
  DiskTree tree(root / "site");
  Diagnostics diags;
  MemorySink sink;
  build_site(tree, sink, diags, 2);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(diags.warning_count() == 2);  // the raw <b> and </b>

  std::map<std::string, std::string> expected;
  for (const auto& entry : fs::recursive_directory_iterator(root / "expected"))
    if (entry.is_regular_file())
      expected[fs::relative(entry.path(), root / "expected").generic_string()] = *read_file(entry.path());

  std::vector<std::string> built_names, expected_names;
  for (const auto& [name, bytes] : sink.files) built_names.push_back(name);
  for (const auto& [name, bytes] : expected) expected_names.push_back(name);
  REQUIRE(built_names == expected_names);
  for (const auto& [name, bytes] : expected) {
    INFO(name);
    CHECK(sink.files.at(name) == bytes);
  }
}
