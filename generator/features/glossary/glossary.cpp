#include "glossary.h"

#include <algorithm>
#include <map>
#include <set>

#include "audience.h"
#include "markdown.h"
#include "paths.h"
#include "text.h"

namespace wijzer {
namespace {

bool word_char(unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '-'; }

std::string text_field(const nlohmann::json& entry, const char* key) {
  auto it = entry.find(key);
  return it != entry.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

size_t find_word(const std::string& text, const std::string& form, size_t from) {
  for (size_t at = text.find(form, from); at != std::string::npos; at = text.find(form, at + 1)) {
    const bool starts = at == 0 || !word_char(text[at - 1]);
    const size_t end = at + form.size();
    const bool ends = end == text.size() || !word_char(text[end]);
    if (starts && ends) return at;
  }
  return std::string::npos;
}

void Glossary::read_client_fields(const nlohmann::json& entry, const std::string& pointer, Term& term, Diagnostics& diags) const {
  if (auto it = entry.find("voor_clienten"); it != entry.end()) {
    if (!it->is_string() || it->get<std::string>().empty())
      file_->error(diags, pointer + "/voor_clienten", "\"voor_clienten\" moet een tekst zijn: de uitleg in gewone woorden");
    else
      term.client_definition = it->get<std::string>();
  }
  if (auto it = entry.find("jargon"); it != entry.end()) {
    if (!it->is_boolean()) file_->error(diags, pointer + "/jargon", "\"jargon\" moet true of false zijn");
    else term.jargon = it->get<bool>();
  }
}

void Glossary::load(LoadContext& ctx) {
  const SourceTree& tree = ctx.tree;
  ContentTree& content = ctx.content;
  Diagnostics& diags = ctx.diags;
  const GlossaryConfig& where = ctx.config.glossary;
  if (!tree.read(where.data)) return;  // no glossary: nothing to do
  file_ = load_data_file(tree, where.data, diags);
  if (!file_) return;
  const auto& list = file_->value.is_object() ? file_->value.value("begrippen", nlohmann::json()) : nlohmann::json();
  if (!list.is_array()) {
    file_->error(diags, "", "verwacht een object met een lijst \"begrippen\"");
    return;
  }
  glossary_page_ = content.lookup(where.page);
  if (glossary_page_ < 0) diags.error(file_->file, 1, 1, "de begrippenlijst heeft een pagina nodig: content/" + where.page);
  else if (content.pages[glossary_page_].meta.template_name.empty()) content.pages[glossary_page_].meta.template_name = "begrippen";

  std::map<std::string, size_t> owner;  // lowercased form → term index
  std::set<std::string> anchors;
  GlossaryModel published;
  published.page_source = where.page;
  const std::string data_rel = where.data.substr(8);  // relative to content/, for "pagina" links
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string pointer = "/begrippen/" + std::to_string(i);
    const auto& entry = list[i];
    Term term;
    term.pointer = pointer;
    term.term = text_field(entry, "term");
    term.definition = text_field(entry, "definitie");
    if (!entry.is_object()) {
      file_->error(diags, pointer, "een begrip is een object met \"term\" en \"definitie\"");
      continue;
    }
    if (term.term.empty()) file_->error(diags, pointer, "begrip zonder \"term\"");
    if (term.definition.empty()) file_->error(diags, pointer, "begrip '" + term.term + "' heeft geen \"definitie\"");
    if (term.term.empty()) continue;
    read_client_fields(entry, pointer, term, diags);
    term.anchor = unique_slug("begrip-" + slugify(term.term), anchors);
    GlossaryModel::Entry& entry_model =
        published.terms.emplace_back(GlossaryModel::Entry{term.term, term.anchor, term.definition, {}, term.client_definition, term.jargon});
    if (auto v = entry.find("varianten"); v != entry.end() && v->is_array())
      for (const auto& form : *v)
        if (form.is_string()) entry_model.variants.push_back(form.get<std::string>());
    std::vector<std::string> forms = {term.term};
    if (entry.contains("varianten")) {
      if (!entry["varianten"].is_array()) file_->error(diags, pointer + "/varianten", "\"varianten\" moet een lijst van teksten zijn");
      else
        for (const auto& v : entry["varianten"])
          if (v.is_string() && !v.get<std::string>().empty()) forms.push_back(v.get<std::string>());
    }
    for (const auto& form : forms) {
      std::string lowered = lower_ascii(form);
      auto [it, fresh] = owner.emplace(lowered, terms_.size());
      if (!fresh && it->second != terms_.size())
        file_->error(diags, pointer, "'" + form + "' staat al bij begrip '" + terms_[it->second].term + "'");
      else if (fresh)
        term.forms.push_back(lowered);
    }
    std::sort(term.forms.begin(), term.forms.end(), [](auto& a, auto& b) { return a.size() > b.size(); });
    if (std::string link = text_field(entry, "pagina"); !link.empty()) {
      std::string path = link.substr(0, link.find('#'));
      term.fragment = link.find('#') == std::string::npos ? "" : link.substr(link.find('#') + 1);
      auto target = resolve_relative(data_rel, path);
      term.page = target ? content.lookup(*target) : -1;
      if (term.page < 0) file_->error(diags, pointer + "/pagina", "onbekende pagina '" + path + "'");
    }
    terms_.push_back(std::move(term));
  }
  ctx.publish(std::move(published));
}

void Glossary::transform(const BuildContext& ctx, const Page& page, Markdown& md, ContributionSlot& out,
                         Diagnostics&) const {
  if (terms_.empty() || glossary_page_ < 0) return;
  const int self = ctx.content.by_source.at(page.source);
  if (self == glossary_page_ || self == 0) return;  // the home page stays a clean way in
  // The link and its tooltip: templates/glossary/term.mustache (none: terms stay plain text).
  const Snippet* link = md.snippet("glossary/term");
  const std::string base = relative_url(page.output, ctx.content.pages[glossary_page_].output);
  // Client pages show a term's words for clients, where it has them (docs/content-format.md).
  const bool clients = for_clients(ctx.content, self);
  std::vector<bool> linked(terms_.size(), false);
  int tips = 0;
  md.replace_text([&](const std::string& text) -> std::optional<std::string> {
    std::string lowered = lower_ascii(text);
    std::replace(lowered.begin(), lowered.end(), '\n', ' ');  // a soft line break between a term's words
    std::string html;
    size_t pos = 0;
    for (;;) {
      // The earliest match of a term not yet linked on this page; longest form first at a tie.
      size_t best = std::string::npos, best_len = 0, best_term = 0;
      for (size_t t = 0; t < terms_.size(); ++t) {
        if (linked[t]) continue;
        for (const auto& form : terms_[t].forms) {
          size_t at = find_word(lowered, form, pos);
          if (at < best || (at == best && at != std::string::npos && form.size() > best_len)) {
            best = at;
            best_len = form.size();
            best_term = t;
          }
        }
      }
      if (best == std::string::npos) break;
      const Term& term = terms_[best_term];
      linked[best_term] = true;
      if (term.page == self) continue;  // no link to the page that is open
      if (!link) continue;
      const std::string number = std::to_string(++tips);
      html += html_escape(text.substr(pos, best - pos));
      link->render_to(html, {{"href", base + "#" + term.anchor},
                             {"number", number},
                             {"text", std::string_view(text).substr(best, best_len)},
                             {"definition", clients && !term.client_definition.empty() ? term.client_definition
                                                                                         : term.definition}});
      pos = best + best_len;
    }
    if (pos == 0 || !link) return std::nullopt;
    return html + html_escape(text.substr(pos));
  });
  auto use = std::make_unique<Use>();
  use->linked = std::move(linked);
  out = std::move(use);
}

void Glossary::extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot&) const {
  if (ctx.content.by_source.at(page.source) != glossary_page_) return;
  std::vector<const Term*> sorted;
  for (const auto& t : terms_) sorted.push_back(&t);
  std::sort(sorted.begin(), sorted.end(), [](const Term* a, const Term* b) { return fold(a->term) < fold(b->term); });
  nlohmann::json list = nlohmann::json::array(), letters = nlohmann::json::array();
  std::string letter;
  for (const Term* t : sorted) {
    nlohmann::json item = {{"term", t->term}, {"anchor", t->anchor}, {"definitie", t->definition}};
    if (!t->client_definition.empty()) item["voor_clienten"] = t->client_definition;
    const std::string first = fold(t->term).substr(0, 1);
    if (first != letter) {
      letter = first;
      std::string upper = letter;
      upper[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[0])));
      letters.push_back({{"letter", upper}, {"anchor", t->anchor}});
    }
    if (t->page >= 0) {
      const Page& target = ctx.content.pages[t->page];
      item["pagina"] = {{"title", target.meta.title},
                        {"url", relative_url(page.output, target.output) + (t->fragment.empty() ? "" : "#" + t->fragment)}};
    }
    list.push_back(item);
  }
  data["glossary"] = {{"terms", list}, {"letters", letters}, {"count", std::to_string(list.size())}};
}

void Glossary::finish(const BuildContext& ctx, const PageContributions& pages, OutputSink&, Diagnostics& diags) {
  std::vector<bool> used(terms_.size(), false);
  for (size_t p = 0; p < pages.size(); ++p)
    if (const Use* use = pages.get<Use>(p))
      for (size_t t = 0; t < use->linked.size() && t < used.size(); ++t)
        if (use->linked[t]) used[t] = true;
  for (size_t t = 0; t < terms_.size(); ++t) {
    const Term& term = terms_[t];
    if (term.page >= 0 && !term.fragment.empty() && !ctx.content.pages[term.page].anchors.count(term.fragment))
      file_->error(diags, term.pointer + "/pagina",
                   "onbekend anker '#" + term.fragment + "' in " + ctx.content.pages[term.page].source);
    if (!used[t]) file_->warning(diags, term.pointer, "begrip '" + term.term + "' wordt op geen enkele pagina gebruikt");
  }
}

}  // namespace wijzer
