// Fuzz target: a page body through the markdown passes of a build (headings, raw HTML, link
// rewriting against a small content tree, text replacement, render), with the security oracle:
// no live <script>, on*= attribute or script URL may come out of content.
#include "content.h"
#include "fuzz_common.h"
#include "links.h"
#include "markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wijzer;
  static const MemoryTree tree = fuzz::base_tree();
  static Diagnostics load_diags;
  static ContentTree content = [] {
    ContentTree c = load_content(tree, load_diags);
    order_tree(c);
    return c;
  }();
  static const LinkResolver links(content);

  Page page = content.pages[content.lookup("gids/stap.md")];
  page.body = fuzz::input(data, size);
  page.anchors.clear();
  Diagnostics diags;
  std::vector<AnchorCheck> later;
  Markdown md(page.body);
  page.headings = md.take_headings({"inhoud", "main"});
  for (const auto& h : page.headings) page.anchors.insert(h.anchor);
  md.neutralize_raw_html([&](int line, int col) { diags.warning(page.file, line, col, "raw"); });
  md.rewrite_links([&](const std::string& url, int line, int col, bool is_image) {
    return links.resolve(page, url, line, col, is_image, diags, later);
  });
  links.check_anchors(page, later, diags);
  (void)md.section_texts();
  md.replace_text([](const std::string& text) -> std::optional<std::string> {
    if (text.find("jobcoach") == std::string::npos) return std::nullopt;
    return std::string("<abbr>jobcoach</abbr>");
  });
  const std::string html = md.render(page.headings);
  if (const char* what = fuzz::unsafe_html(html)) fuzz::finding(what, html);
  return 0;
}
