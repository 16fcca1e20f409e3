// Fuzz target: a whole markdown file through parse_document (YAML front matter + body split).
#include "frontmatter.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wijzer;
  Diagnostics diags;
  SourceDocument doc = parse_document(fuzz::input(data, size), "content/f.md", diags);
  (void)dutch_date(doc.meta.bijgewerkt);
  (void)doc.meta.fields.dump();
  for (const auto& d : diags.sorted()) (void)format_diagnostic(d);
  return 0;
}
