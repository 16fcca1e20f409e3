#include "search.h"

#include <algorithm>
#include <set>

#include "data_file.h"
#include "markdown.h"
#include "paths.h"
#include "text.h"

namespace wijzer {
namespace {

std::string string_field(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

/// Front matter facts worth finding a page by (trajecten): text values and lists of text.
std::string facts_text(const nlohmann::json& fields) {
  static const char* const keys[] = {"aanbieder", "financiering", "duur", "regio", "doelgroep", "wens", "situatie"};
  std::string out;
  for (const char* key : keys) {
    auto it = fields.find(key);
    if (it == fields.end()) continue;
    if (it->is_string()) out += it->get<std::string>() + "\n";
    else if (it->is_array())
      for (const auto& v : *it)
        if (v.is_string()) out += v.get<std::string>() + "\n";
  }
  return out;
}

void append_entity(std::string& out, std::string_view entity) {
  if (entity == "amp") out += '&';
  else if (entity == "lt") out += '<';
  else if (entity == "gt") out += '>';
  else if (entity == "quot") out += '"';
  else if (entity == "#39" || entity == "apos") out += '\'';
  else if (entity == "nbsp") out += ' ';
  else out += ' ';
}

/// A template file's text without its final line break ("" when absent).
std::string template_text(const SourceTree& tree, const std::string& path) {
  std::string text = tree.read(path).value_or("");
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

std::vector<search::Section> html_sections(const std::string& html) {
  std::vector<search::Section> out(1);
  std::string* target = &out.back().text;
  int skip = 0;  // inside <script>, <style> or <template>
  for (size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '&') {
      const size_t end = html.find(';', i);
      if (end != std::string::npos && end - i <= 8) {
        if (!skip) append_entity(*target, std::string_view(html).substr(i + 1, end - i - 1));
        i = end + 1;
        continue;
      }
    }
    if (c != '<') {
      if (!skip) *target += c;
      ++i;
      continue;
    }
    const size_t end = html.find('>', i);
    if (end == std::string::npos) break;
    const std::string_view tag = std::string_view(html).substr(i + 1, end - i - 1);
    i = end + 1;
    const bool closing = !tag.empty() && tag[0] == '/';
    const std::string_view name_and_rest = closing ? tag.substr(1) : tag;
    const size_t name_end = name_and_rest.find_first_of(" \t\n/");
    const std::string_view name = name_and_rest.substr(0, name_end);
    if (name == "script" || name == "style" || name == "template") {
      skip += closing ? -1 : 1;
      skip = std::max(skip, 0);
      continue;
    }
    const bool heading = name.size() == 2 && (name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6';
    if (heading && !closing) {
      const size_t id = tag.find(" id=\"");
      if (id != std::string::npos) {
        const size_t id_end = tag.find('"', id + 5);
        search::Section section;
        section.anchor = std::string(tag.substr(id + 5, id_end - id - 5));
        out.push_back(std::move(section));
        target = &out.back().heading;
        continue;
      }
    }
    if (heading && closing && target == &out.back().heading) {
      target = &out.back().text;
      continue;
    }
    *target += ' ';  // tags separate words
  }
  return out;
}

void Search::load(const SourceTree& tree, ContentTree& content, Diagnostics& diags) {
  // The portal's search needs its script and results page; a site without them has no search.
  enabled_ = tree.read("site-assets/search/search.js") && tree.read("templates/zoeken.mustache");
  if (!enabled_) return;
  Page page;
  page.source = kPageSource;
  page.output = output_path_for(kPageSource);
  page.file = std::string("content/") + kPageSource;
  // The page's words are the search component's, in templates/search/ (plain text, one line).
  page.meta.title = template_text(tree, "templates/search/title.mustache");
  page.meta.description = template_text(tree, "templates/search/description.mustache");
  if (page.meta.title.empty())
    diags.warning(tree.display("templates/zoeken.mustache"), 1, 1,
                  "de zoekpagina heeft geen titel: zet hem in templates/search/title.mustache");
  page.meta.template_name = "zoeken";
  page.hidden = true;
  if (!add_page(content, std::move(page), diags)) enabled_ = false;

  // Glossary terms are sections of the glossary page; their anchors as the Glossary feature makes them.
  if (tree.read(kGlossaryData)) {
    Diagnostics scratch;  // the Glossary feature reports problems of this file
    if (auto file = load_data_file(tree, kGlossaryData, scratch); file && file->value.is_object()) {
      const auto list = file->value.value("begrippen", nlohmann::json());
      std::set<std::string> anchors;
      if (list.is_array())
        for (const auto& entry : list) {
          if (!entry.is_object()) continue;
          GlossaryTerm term;
          term.term = string_field(entry, "term");
          if (term.term.empty()) continue;
          term.anchor = unique_slug("begrip-" + slugify(term.term), anchors);
          term.text = string_field(entry, "definitie");
          if (auto v = entry.find("varianten"); v != entry.end() && v->is_array())
            for (const auto& form : *v)
              if (form.is_string()) term.text += "\n" + form.get<std::string>();
          glossary_.push_back(std::move(term));
        }
    }
  }

  // Excerpts (the snippets results show) get a share of the index: whole sections on a small
  // portal, a shorter start of each section on a very large one.
  size_t bytes = 0, sections = 0;
  for (const Page& p : content.pages) {
    bytes += p.body.size();
    sections += 1;
    for (size_t at = p.body.find("\n#"); at != std::string::npos; at = p.body.find("\n#", at + 2)) ++sections;
  }
  const size_t budget = std::max<size_t>(bytes / 10, 512 * 1024);
  excerpt_chars_ = std::clamp<size_t>(budget / std::max<size_t>(sections, 1), 60, 320);
}

void Search::add(const BuildContext& ctx, const Page& page, search::Doc doc) const {
  doc.url = page.output;
  doc.title = page.meta.title;
  doc.extra = page.meta.description + "\n" + facts_text(page.meta.fields);
  search::IndexedDoc indexed = search::analyse(doc, excerpt_chars_);
  const int index = ctx.content.by_source.at(page.source);
  std::lock_guard lock(mutex_);
  docs_[index] = std::move(indexed);
}

void Search::transform(const BuildContext& ctx, const Page& page, Markdown& md, Diagnostics&) const {
  if (!enabled_) return;
  std::vector<std::string> texts = md.section_texts();
  search::Doc doc;
  doc.sections.reserve(texts.size() + (page.source == kGlossaryPage ? glossary_.size() : 0));
  doc.sections.push_back({"", "", std::move(texts[0])});
  for (size_t i = 0; i < page.headings.size() && i + 1 < texts.size(); ++i)
    doc.sections.push_back({page.headings[i].text, page.headings[i].anchor, std::move(texts[i + 1])});
  if (page.source == kGlossaryPage)
    for (const auto& term : glossary_) doc.sections.push_back({term.term, term.anchor, term.text});
  add(ctx, page, std::move(doc));
}

void Search::extend(const BuildContext& ctx, const Page& page, nlohmann::json& data) const {
  if (!enabled_) return;
  const std::string root = root_prefix(page.output);
  // search.js and the results' styles load on first use (portal.js: data-zoek-script and
  // data-zoek-style), so they are not in the page budget; the results page needs both at once.
  if (auto css = ctx.assets.output_of("search/search.css"); !css.empty()) data["page_css"].push_back(root + css);
  if (page.source == kPageSource)
    if (auto css = ctx.assets.output_of("search/search-results.css"); !css.empty()) data["page_css"].push_back(root + css);
  if (page.source == kPageSource) {
    // The A–Z index: every page but this one, by folded title.
    struct Item {
      std::string key;
      int index;
    };
    std::vector<Item> items;
    for (size_t i = 0; i < ctx.content.pages.size(); ++i)
      if (ctx.content.pages[i].source != kPageSource)
        items.push_back({fold(ctx.content.pages[i].meta.title) + '\x01' + ctx.content.pages[i].output, static_cast<int>(i)});
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.key < b.key; });
    nlohmann::json letters = nlohmann::json::array();
    std::string letter;
    for (const Item& item : items) {
      const Page& target = ctx.content.pages[item.index];
      std::string first = item.key.substr(0, 1);
      if (first.empty() || !std::isalpha(static_cast<unsigned char>(first[0]))) first = "#";
      if (first != letter) {
        letter = first;
        std::string upper = first;
        upper[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[0])));
        letters.push_back({{"letter", upper}, {"id", first == "#" ? "az-overig" : "az-" + first}, {"pages", nlohmann::json::array()}});
      }
      nlohmann::json entry = {{"title", target.meta.title}, {"url", relative_url(page.output, target.output)}};
      if (target.parent > 0) entry["context"] = ctx.content.pages[target.parent].meta.title;
      letters.back()["pages"].push_back(std::move(entry));
    }
    data["search"] = {{"letters", letters}, {"count", std::to_string(items.size())}};
    return;
  }
  if (page.generated) {
    search::Doc doc;
    doc.sections = html_sections(page.html);
    add(ctx, page, std::move(doc));
  }
}

void Search::finish(const BuildContext&, OutputSink& sink, Diagnostics&) {
  if (!enabled_) return;
  std::vector<search::IndexedDoc> docs;
  docs.reserve(docs_.size());
  for (auto& [index, doc] : docs_) docs.push_back(std::move(doc));
  index_ = search::build_index(docs);
  // Kept for the next finish(): after a page edit only that page is transformed again.
  size_t next = 0;
  for (auto& [index, doc] : docs_) doc = std::move(docs[next++]);
  for (const auto& [path, bytes] : index_.files) sink.write(path, bytes);
}

}  // namespace wijzer
