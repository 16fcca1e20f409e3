// Fuzz target: one data file read as JSON and as YAML by load_data_file (values + positions).
#include "data_file.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wijzer;
  const std::string text = fuzz::input(data, size);
  MemoryTree tree({{"content/f.json", text}, {"content/f.yaml", text}});
  for (const char* path : {"content/f.json", "content/f.yaml"}) {
    Diagnostics diags;
    auto file = load_data_file(tree, path, diags);
    if (!file) continue;
    (void)file->value.dump();
    for (const auto& [pointer, pos] : file->positions) {
      (void)file->at(pointer + "/x/0");
      file->warning(diags, pointer, "w");
    }
  }
  return 0;
}
