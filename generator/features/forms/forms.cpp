#include "forms.h"

#include <set>

#include "forms_rules.h"
#include "forms_view.h"
#include "paths.h"

namespace wijzer {

namespace {
bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// A rule may read another form of the dossier ({"var": "dossier.FORM.FIELD"}): that form must
/// exist and have FIELD at its top level; else an error at the var's path:line:col. Marks reads of a
/// number field, which rules then read as numbers ("7,5" → 7.5).
void check_dossier_reads(std::map<std::string, forms::Form>& all, Diagnostics& diags) {
  for (auto& [id, form] : all)
    for (auto& read : form.dossier_reads) {
      auto other = all.find(read.form);
      if (other == all.end())
        form.data->error(diags, read.pointer, "de regel leest formulier \"" + read.form + "\" van het dossier, maar dat formulier bestaat niet");
      else if (read.field.empty() || !other->second.find(read.field) || other->second.group_of(read.field))
        form.data->error(diags, read.pointer, "de regel leest \"" + read.field + "\" van formulier \"" + read.form + "\", maar dat formulier heeft dat veld niet");
      else {
        read.number = other->second.find(read.field)->type == forms::FieldType::number;
        read.previous = other->second.previous_ids;
      }
    }
}
}  // namespace

void Forms::load(LoadContext& ctx) {
  const SourceTree& tree = ctx.tree;
  ContentTree& content = ctx.content;
  Diagnostics& diags = ctx.diags;
  auto add = [&](std::optional<forms::Form> form) {
    if (!form) return;
    if (forms_.count(form->id)) {
      form->data->error(diags, "/id", "er is al een formulier met id \"" + form->id + "\"");
      return;
    }
    forms_.emplace(form->id, std::move(*form));
  };
  // The content's data files were listed when it was read: no second walk of a large content/.
  for (const auto& rel : content.data_files)
    if (ends_with(rel, ".form.json")) add(forms::load_form(tree, "content/" + rel, diags));
  if (const GeneratedForms* generated = ctx.consume<GeneratedForms>())
    for (const auto& given : generated->forms) add(forms::load_form(tree, given.path, given.data, diags));
  check_dossier_reads(forms_, diags);
  // After the reads are typed: examples and the browser's definition read other forms as typed.
  for (const auto& [id, form] : forms_) {
    forms::check_examples(form, diags);
    views_[id] = forms::form_view(form);
  }
  std::set<std::string> used;
  for (auto& page : content.pages) {
    auto it = page.meta.fields.find(ctx.config.forms.field);
    if (it == page.meta.fields.end()) continue;
    if (!it->is_string() || !forms_.count(it->get<std::string>())) {
      // A form with errors is already reported; name the page only when the form is unknown.
      const std::string id = it->is_string() ? it->get<std::string>() : it->dump();
      bool exists = false;
      for (const auto& rel : content.data_files)
        exists = exists || ends_with("/" + rel, "/" + id + ".form.json");
      if (!exists) diags.error(page.file, 1, 1, "onbekend formulier \"" + id + "\" (geen content/**/" + id + ".form.json)");
      continue;
    }
    used.insert(it->get<std::string>());
    if (page.meta.template_name.empty()) page.meta.template_name = "form";
  }
  for (const auto& [id, form] : forms_)
    if (!used.count(id)) form.data->warning(diags, "", "geen pagina toont formulier \"" + id + "\" (front matter: " + ctx.config.forms.field + ": " + id + ")");
}

void Forms::extend(const BuildContext& ctx, const Page& page, nlohmann::json& data, ContributionSlot&) const {
  auto it = page.meta.fields.find(ctx.config.forms.field);
  if (it == page.meta.fields.end() || !it->is_string()) return;
  auto view = views_.find(it->get<std::string>());
  if (view == views_.end()) return;
  data["formulier"] = view->second;
  const std::string root = root_prefix(page.output);
  for (const char* key : {"forms_forms_css"})
    if (ctx.assets.keys.contains(key)) data["page_css"].push_back(root + ctx.assets.keys[key].get<std::string>());
  for (const char* key : {"rules_jsonlogic_js", "dossier_dossier_js", "forms_forms_js"})
    if (ctx.assets.keys.contains(key)) data["page_js"].push_back(root + ctx.assets.keys[key].get<std::string>());
}

}  // namespace wijzer
