#include "search.h"

#include "parallel.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "markdown.h"
#include "component_page.h"
#include "paths.h"
#include "text.h"

namespace wijzer {
namespace {

/// Front matter facts worth finding a page by (trajecten): text values and lists of text.
std::string facts_text(const std::vector<std::string>& keys, const nlohmann::json& fields) {
  std::string out;
  for (const std::string& key : keys) {
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

/// The longest excerpt of a section (a small portal shows whole sections up to this size).
constexpr size_t kMaxExcerpt = 320;

/// The excerpt length of a site whose markdown bodies add up to `bytes` in `sections`: excerpts
/// (the snippets results show) get a share of the index, whole sections on a small portal, a
/// shorter start of each section on a very large one.
size_t excerpt_chars_for(size_t bytes, size_t sections) {
  const size_t budget = std::max<size_t>(bytes / 10, 512 * 1024);
  return std::clamp<size_t>(budget / std::max<size_t>(sections, 1), 60, kMaxExcerpt);
}

/// A body's sections for the excerpt budget: one, and one per line that starts with '#'.
size_t body_sections(const std::string& body) {
  size_t sections = 1;
  for (size_t at = body.find("\n#"); at != std::string::npos; at = body.find("\n#", at + 2)) ++sections;
  return sections;
}

/// The manifest's ranking data beside the postings: synonyms ("syn"), query stop words ("qstop"),
/// per page its weight × 10 ("weight"), the number of words of its title ("tw", a title the query
/// fills wins a tie) and its group for the section filter ("grp", an index into "groups":
/// [folder, the title of the folder's index page]).
std::string ranking_data(const search::QueryData& data, const std::vector<const search::IndexedDoc*>& docs) {
  std::string stop;
  for (const auto& w : data.stop_words) stop += (stop.empty() ? "" : " ") + w;
  std::map<std::string, std::string> folder_title;
  for (const auto* d : docs)
    if (const size_t slash = d->url.find('/'); slash != std::string::npos && d->url.substr(slash) == "/index.html")
      folder_title.emplace(d->url.substr(0, slash), d->title);
  std::string weight, title_words, group;
  std::vector<std::string> groups;
  for (const auto* d : docs) {
    double w = 1;
    for (const auto& rule : data.weights)
      if (search::path_matches(rule.pattern, d->url)) {
        w = rule.weight;
        break;
      }
    search::put_varint(weight, static_cast<uint32_t>(w * 10 + 0.5));
    search::put_varint(title_words, static_cast<uint32_t>(std::min<size_t>(search::words(d->title).size(), 31)));
    const size_t slash = d->url.find('/');
    const std::string folder = slash == std::string::npos || !folder_title.count(d->url.substr(0, slash)) ? "" : d->url.substr(0, slash);
    auto at = std::find(groups.begin(), groups.end(), folder);
    if (at == groups.end()) at = groups.insert(groups.end(), folder);
    search::put_varint(group, static_cast<uint32_t>(at - groups.begin()));
  }
  std::string out = "\"syn\":" + search::synonyms_js(data) + ",\"qstop\":";
  search::append_js_string(out, stop);
  out += ",\"weight\":\"" + weight + "\",\"tw\":\"" + title_words + "\",\"grp\":\"" + group + "\",\"groups\":[";
  for (size_t i = 0; i < groups.size(); ++i) {
    out += i ? ",[" : "[";
    search::append_js_string(out, groups[i]);
    out += ',';
    search::append_js_string(out, groups[i].empty() ? data.other_label : folder_title[groups[i]]);
    out += ']';
  }
  return out + "]";
}

}  // namespace

namespace {

/// The value of attribute `name` of a start tag's text ("" without a value), or nullopt.
std::optional<std::string_view> attribute(std::string_view tag, std::string_view name) {
  size_t i = tag.find_first_of(" \t\n");
  while (i < tag.size()) {
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '/')) ++i;
    const size_t start = i;
    while (i < tag.size() && tag[i] != '=' && tag[i] != ' ' && tag[i] != '\t' && tag[i] != '\n' && tag[i] != '/') ++i;
    const std::string_view key = tag.substr(start, i - start);
    std::string_view value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      const char quote = i < tag.size() && (tag[i] == '"' || tag[i] == '\'') ? tag[i++] : ' ';
      const size_t end = std::min(tag.find(quote, i), tag.size());
      value = tag.substr(i, end - i);
      i = end + 1;
    }
    if (key == name) return value;
    if (key.empty()) ++i;
  }
  return std::nullopt;
}

/// Elements whose text is no page text: code, and controls (a form's labels and buttons, the
/// wizard's steps, navigation), which would make excerpts of button labels.
bool skipped_element(std::string_view name) {
  static const std::set<std::string_view> kSkipped = {"script", "style", "template", "form", "button",
                                                      "label", "select", "textarea", "nav", "progress"};
  return kSkipped.count(name) > 0;
}

/// Elements without content: a `hidden` one starts nothing to skip.
bool void_element(std::string_view name) {
  static const std::set<std::string_view> kVoid = {"area", "br", "col", "embed", "hr", "img", "input",
                                                   "link", "meta", "source", "track", "wbr"};
  return kVoid.count(name) > 0;
}

}  // namespace

std::vector<search::Section> html_sections(const std::string& html) {
  std::vector<search::Section> out(1);
  std::string* target = &out.back().text;
  // Inside a skipped element (skipped_element(), `hidden` or data-search="skip"): its name and how
  // many of its kind are open.
  std::string skip_name;
  int skip = 0;
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
    if (skip) {
      if (name == skip_name) skip += closing ? -1 : 1;
      continue;
    }
    if (!closing && !void_element(name) && !(tag.size() && tag.back() == '/') &&
        (skipped_element(name) || attribute(tag, "hidden") || attribute(tag, "data-search") == "skip")) {
      skip_name = std::string(name);
      skip = 1;
      *target += ' ';
      continue;
    }
    const bool heading = name.size() == 2 && (name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6';
    if (heading && !closing) {
      if (auto id = attribute(tag, "id")) {
        search::Section section;
        section.anchor = std::string(*id);
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

void Search::load(LoadContext& ctx) {
  cut_ = 0;  // counted again from this build's pages
  sections_.clear();
  // The portal's search needs its script and results page; a site without them has no search.
  enabled_ = ctx.tree.read("site-assets/search/search.js") && ctx.tree.read("templates/zoeken.mustache");
  if (!enabled_) return;
  Page page;
  page_source_ = ctx.config.search.page;
  page.source = page_source_;
  page.output = output_path_for(page_source_);
  page.file = "content/" + page_source_;
  // The page's words: wijzer.yaml's search.title/description, else the search component's own
  // (templates/search/title.mustache and description.mustache, plain text, one line).
  page.meta.title = !ctx.config.search.title.empty() ? ctx.config.search.title
                                                     : template_text(ctx.tree, "templates/search/title.mustache");
  page.meta.description = !ctx.config.search.description.empty()
                              ? ctx.config.search.description
                              : template_text(ctx.tree, "templates/search/description.mustache");
  if (page.meta.title.empty())
    ctx.diags.warning(ctx.tree.display("templates/zoeken.mustache"), 1, 1,
                      "de zoekpagina heeft geen titel: zet hem in templates/search/title.mustache of in "
                      "wijzer.yaml (search.title)");
  page.meta.template_name = "zoeken";
  page.hidden = true;
  if (!add_page(ctx.content, std::move(page), ctx.diags)) enabled_ = false;
  glossary_ = ctx.consume<GlossaryModel>();
  query_data_ = search::load_query_data(ctx.tree, ctx.config.search.data, ctx.diags);
  if (glossary_) search::add_glossary_synonyms(*glossary_, query_data_);
}

namespace {

/// A page's document, analysed, with the start of each section its excerpt comes from (finish()
/// cuts the excerpts at the length the whole site allows).
ContributionSlot analysed(const Config& config, const Page& page, search::Doc doc, size_t cut) {
  auto entry = std::make_unique<Search::Entry>();
  doc.url = page.output;
  doc.title = page.meta.title;
  doc.extra = page.meta.description + "\n" + facts_text(config.facts, page.meta.fields);
  entry->doc = search::analyse(doc, 0);  // excerpts in finish(), at the length the site allows
  entry->excerpt_sources.reserve(doc.sections.size());
  for (size_t s = 0; s < doc.sections.size(); ++s)
    entry->excerpt_sources.emplace_back(search::excerpt_prefix(search::excerpt_source(doc, s), cut));
  entry->excerpt_cut = cut;
  return entry;
}

}  // namespace

void Search::read(const BuildContext& ctx, const Page& page, const Markdown& md, ContributionSlot& out) const {
  if (!enabled_) return;
  std::vector<std::string> texts = md.section_texts();
  const bool glossary_page = glossary_ && page.source == glossary_->page_source;
  search::Doc doc;
  doc.sections.reserve(texts.size() + (glossary_page ? glossary_->terms.size() : 0));
  doc.sections.push_back({"", "", std::move(texts[0])});
  for (size_t i = 0; i < page.headings.size() && i + 1 < texts.size(); ++i)
    doc.sections.push_back(
        {page.headings[i].text, page.headings[i].anchor, std::move(texts[i + 1]), page.headings[i].slug_anchor});
  if (glossary_page)
    for (const auto& term : glossary_->terms) {
      std::string text = term.definition;
      for (const auto& form : term.variants) text += "\n" + form;
      doc.sections.push_back({term.term, term.anchor, std::move(text)});
    }
  out = analysed(ctx.config, page, std::move(doc), excerpt_cut(ctx));
  // The excerpt budget counts the page's source: its size and its lines that start with '#'.
  auto& entry = static_cast<Entry&>(*out);
  entry.body_bytes = page.body.size();
  entry.body_sections = sections_of(ctx, page);
}

size_t Search::excerpt_cut(const BuildContext& ctx) const {
  if (!ctx.one_off) return kMaxExcerpt;
  if (const size_t cut = cut_.load(std::memory_order_acquire)) return cut;
  std::lock_guard lock(cut_mutex_);
  if (const size_t cut = cut_.load(std::memory_order_relaxed)) return cut;
  // What finish() will add up from the pages' entries: read() makes one for every markdown page
  // (a build with a page it cannot parse fails), with the page's body counted as there.
  const unsigned workers = worker_count(ctx.threads);
  sections_.assign(ctx.content.pages.size(), 0);
  std::vector<size_t> bytes(workers, 0);
  parallel_for(ctx.content.pages.size(), workers, [&](size_t i, unsigned worker) {
    const Page& page = ctx.content.pages[i];
    if (page.generated) return;
    bytes[worker] += page.body.size();
    sections_[i] = body_sections(page.body);
  });
  size_t all_bytes = 0, all_sections = 1;  // the results page itself, as in finish()
  for (size_t b : bytes) all_bytes += b;
  for (size_t n : sections_) all_sections += n;
  const size_t cut = excerpt_chars_for(all_bytes, all_sections);
  cut_.store(cut, std::memory_order_release);
  return cut;
}

size_t Search::sections_of(const BuildContext& ctx, const Page& page) const {
  // `page` is one of ctx.content's pages: its place there indexes the count.
  const size_t index = static_cast<size_t>(&page - ctx.content.pages.data());
  if (ctx.one_off && cut_.load(std::memory_order_acquire) && index < sections_.size()) return sections_[index];
  return body_sections(page.body);
}

void Search::extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot& out) const {
  if (!enabled_) return;
  const std::string root = root_prefix(page.output);
  // search.js and the results' styles load on first use (portal.js: data-zoek-script and
  // data-zoek-style), so they are not in the page budget; the results page needs both at once.
  if (auto css = ctx.assets.output_of("search/search.css"); !css.empty()) data["page_css"].push_back(root + css);
  if (page.source == page_source_)
    if (auto css = ctx.assets.output_of("search/search-results.css"); !css.empty()) data["page_css"].push_back(root + css);
  if (page.source == page_source_) {
    // The A–Z index: every page but this one, by folded title.
    struct Item {
      std::string key;
      int index;
    };
    std::vector<Item> items;
    for (size_t i = 0; i < ctx.content.pages.size(); ++i)
      if (ctx.content.pages[i].source != page_source_)
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
    data["search"] = {{"letters", std::move(letters)}, {"count", std::to_string(items.size())}};
    return;
  }
  if (page.generated) {
    search::Doc doc;
    doc.sections = html_sections(page.html);
    out = analysed(ctx.config, page, std::move(doc), excerpt_cut(ctx));
  }
}

void Search::finish(const BuildContext&, const PageContributions& pages, OutputSink& sink, Diagnostics&) {
  if (!enabled_) return;
  // The excerpts' length, counted from every page's contribution here, not in load(), so a body
  // edit counts (docs/architecture.md).
  size_t bytes = 0, sections = 1;  // the results page itself
  std::vector<const Entry*> entries;
  for (size_t p = 0; p < pages.size(); ++p)
    if (const Entry* entry = pages.get<Entry>(p)) {
      entries.push_back(entry);
      bytes += entry->body_bytes;
      sections += entry->body_sections;
    }
  excerpt_chars_ = excerpt_chars_for(bytes, sections);
  // No source is cut shorter than that (excerpt_cut() counts what this adds up); if one were,
  // the excerpts stay within it rather than end where its text was cut.
  for (const Entry* entry : entries) excerpt_chars_ = std::min(excerpt_chars_, entry->excerpt_cut);

  // The excerpts stand beside the docs (the entries stay as read: a rebuild reuses them).
  std::vector<std::string> excerpts(entries.size());
  std::vector<const search::IndexedDoc*> docs;
  docs.reserve(entries.size());
  for (const Entry* entry : entries) docs.push_back(&entry->doc);
  search::IndexOptions options;
  // The ranking data (one pass over every page) first, beside the first excerpts.
  parallel_for(entries.size() + 1, 0, [&](size_t i, unsigned) {
    if (i == 0) options.manifest_extra = ranking_data(query_data_, docs);
    else excerpts[i - 1] = search::excerpts(entries[i - 1]->excerpt_sources, excerpt_chars_);
  });
  options.excerpts = &excerpts;
  options.write = [&](const std::string& path, const std::string& bytes) { sink.write(path, bytes); };
  index_ = search::build_index(docs, options);
}

}  // namespace wijzer
