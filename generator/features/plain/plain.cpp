#include "plain.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "audience.h"
#include "data_file.h"
#include "glossary_model.h"
#include "text.h"

namespace wijzer {
namespace {

/// Keys of a flow whose values are not read by clients (ids, links, rules).
bool hidden_key(const std::string& key) {
  static const std::set<std::string> keys = {"id", "soort", "volgende", "pagina", "start", "doelgroep", "var", "als"};
  return keys.count(key) > 0;
}

/// The column of a string value's first character, from the position a data file records for it:
/// an object member's key (skip `"key": "`) or an array element's opening quote (skip `"`).
int text_column(const std::vector<std::string>& lines, int line, int col) {
  if (line < 1 || line > static_cast<int>(lines.size())) return col + 1;
  const std::string& text = lines[line - 1];
  size_t at = static_cast<size_t>(col - 1);
  if (at >= text.size() || text[at] != '"') return col + 1;
  size_t end = at + 1;
  while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
  size_t next = text.find_first_not_of(' ', end + 1);
  if (next == std::string::npos || text[next] != ':') return col + 1;  // the value itself
  next = text.find_first_not_of(' ', next + 1);
  return next != std::string::npos && text[next] == '"' ? static_cast<int>(next) + 2 : col + 1;
}

/// Every text of `value` a client reads, with the position of its first character.
void collect_texts(const DataFile& file, const std::vector<std::string>& lines, const nlohmann::json& value,
                   const std::string& pointer, std::vector<PlainText>& out) {
  if (value.is_string()) {
    auto [line, col] = file.at(pointer);
    out.push_back({value.get<std::string>(), line, text_column(lines, line, col)});
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) collect_texts(file, lines, value[i], pointer + "/" + std::to_string(i), out);
  } else if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it)
      if (!hidden_key(it.key()) && it.key() != "knopen") collect_texts(file, lines, it.value(), pointer + "/" + pointer_token(it.key()), out);
  }
}

/// The texts in file order, the order a step shows them in (JSON objects iterate by key).
std::vector<PlainText> in_file_order(std::vector<PlainText> texts) {
  std::stable_sort(texts.begin(), texts.end(),
                   [](const PlainText& a, const PlainText& b) { return std::tie(a.line, a.col) < std::tie(b.line, b.col); });
  return texts;
}

void report(Diagnostics& diags, const std::string& file, const std::vector<PlainWarning>& found, int line_offset = 0) {
  for (const auto& w : found) diags.warning(file, w.line + line_offset, w.col, w.message);
}

}  // namespace

std::vector<std::type_index> Plain::consumes() const { return {model<GlossaryModel>()}; }

void Plain::load(LoadContext& ctx) {
  if (const GlossaryModel* glossary = ctx.consume<GlossaryModel>()) {
    glossary_.page_source = glossary->page_source;
    for (const auto& entry : glossary->terms) {
      PlainGlossary::Term term;
      term.forms.push_back(lower_ascii(entry.term));
      for (const auto& v : entry.variants)
        if (!v.empty()) term.forms.push_back(lower_ascii(v));
      term.explained = !entry.client_definition.empty();
      term.jargon = entry.jargon;
      glossary_.terms.push_back(std::move(term));
    }
  }
  // Client flows: each step is a page of its own (the wizard start page: the flow's own texts).
  const std::string folder = ctx.config.flows.folder + "/";
  for (const std::string& path : ctx.tree.list(ctx.config.flows.folder)) {
    if (path.find('/', folder.size()) != std::string::npos) continue;  // only files directly in it, as Flows
    const bool data = path.size() > 5 && (path.compare(path.size() - 5, 5, ".json") == 0 ||
                                          path.compare(path.size() - 5, 5, ".yaml") == 0 ||
                                          path.compare(path.size() - 4, 4, ".yml") == 0);
    if (!data) continue;
    Diagnostics ignored;  // the flows feature reports the file's own errors
    auto file = load_data_file(ctx.tree, path, ignored);
    if (!file || !file->value.is_object() || file->value.value("doelgroep", "") != "clienten") continue;
    std::vector<std::string> lines;
    const std::string source = ctx.tree.read(path).value_or("");
    for (size_t start = 0; start <= source.size();) {
      size_t end = source.find('\n', start);
      if (end == std::string::npos) end = source.size();
      lines.push_back(source.substr(start, end - start));
      start = end + 1;
    }
    std::vector<PlainText> texts;
    collect_texts(*file, lines, file->value, "", texts);
    report(ctx.diags, file->file, check_plain_texts(in_file_order(texts), glossary_));
    if (auto nodes = file->value.find("knopen"); nodes != file->value.end() && nodes->is_array())
      for (size_t i = 0; i < nodes->size(); ++i) {
        std::vector<PlainText> step;
        collect_texts(*file, lines, (*nodes)[i], "/knopen/" + std::to_string(i), step);
        report(ctx.diags, file->file, check_plain_texts(in_file_order(step), glossary_));
      }
  }
}

void Plain::transform(const BuildContext& ctx, const Page& page, Markdown&, ContributionSlot&, Diagnostics& diags) const {
  if (!page.made_from.empty()) return;  // made from data: not a client text
  auto it = ctx.content.by_source.find(page.source);
  if (it == ctx.content.by_source.end() || !for_clients(ctx.content, it->second)) return;
  report(diags, page.file, check_plain_markdown(page.body, glossary_), page.body_line - 1);
}

}  // namespace wijzer
