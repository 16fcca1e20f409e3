#include "templates.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <optional>
#include <regex>

#include "memo.h"
#include "text.h"

namespace wijzer {
namespace {

/// A page template's name is its file stem ("templates/page.mustache" → "page"); a partial's is
/// its path under templates/ ("templates/forms/field.mustache" → "forms/field"), except in the
/// shared partials/ folder ("templates/partials/head.mustache" → "head").
std::string name_of(const std::string& path) {
  std::string name = path.substr(0, path.size() - std::string(".mustache").size());
  for (const char* prefix : {"templates/partials/", "templates/"})
    if (name.rfind(prefix, 0) == 0) return name.substr(std::string(prefix).size());
  return name;
}

/// Files in a sub-folder of templates/ are partials (a component keeps its partials together).
bool is_partial(const std::string& path) {
  return path.rfind("templates/", 0) == 0 && path.find('/', 10) != std::string::npos;
}

/// Parses one file with kainjow to report syntax errors at their line and column.
bool check_syntax(const std::string& file, const std::string& source, Diagnostics& diags) {
  kainjow::mustache::mustache parsed{source};
  if (parsed.is_valid()) return true;
  const std::string& message = parsed.error_message();
  static const std::regex at(R"(at (\d+)$)");
  std::smatch m;
  auto [line, col] = std::regex_search(message, m, at) ? line_col(source, std::stoul(m[1])) : std::make_pair(1, 1);
  diags.error(file, line, col, "template: " + message);
  return false;
}

/// Templates are small; these bound kainjow's parse time (quadratic in section nesting) and the
/// text that partials may expand to (a partial that includes another ten times, sixteen deep).
constexpr size_t kMaxTemplateBytes = size_t{4} << 20;
constexpr int kMaxSectionDepth = 100;

/// The offset of the first {{#…}} or {{^…}} nested deeper than kMaxSectionDepth, or npos.
size_t too_deep_sections(const std::string& text) {
  int depth = 0;
  for (size_t i = text.find("{{"); i != std::string::npos; i = text.find("{{", i + 2)) {
    if (i + 2 >= text.size()) break;
    const char kind = text[i + 2];
    if ((kind == '#' || kind == '^') && ++depth > kMaxSectionDepth) return i;
    if (kind == '/') --depth;
  }
  return std::string::npos;
}

/// A {{> name}} tag found by find_partial_tag.
struct PartialTag {
  size_t begin = std::string::npos;  ///< offset of "{{>"
  size_t end = 0;                    ///< offset just past "}}"
  std::string name;
};

bool partial_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '/' || c == '-';
}

/// The next `{{> name}}` at or after `from` (spaces allowed around the name), or begin = npos.
PartialTag find_partial_tag(const std::string& text, size_t from) {
  for (size_t at = text.find("{{>", from); at != std::string::npos; at = text.find("{{>", at + 1)) {
    size_t i = at + 3;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    const size_t name_begin = i;
    while (i < text.size() && partial_name_char(text[i])) ++i;
    if (i == name_begin) continue;
    const size_t name_end = i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (text.compare(i, 2, "}}") != 0) continue;
    return {at, i + 2, text.substr(name_begin, name_end - name_begin)};
  }
  return {};
}

/// Replaces every {{> name}} by the partial's text, recursively, within kMaxTemplateBytes in all.
std::string inline_partials(const std::string& file, const std::string& source,
                            const std::map<std::string, std::string>& partials, const std::set<std::string>& broken,
                            Diagnostics& diags, size_t& budget, int depth = 0) {
  std::string out;
  size_t pos = 0;
  for (PartialTag tag = find_partial_tag(source, 0); tag.begin != std::string::npos;
       tag = find_partial_tag(source, tag.end)) {
    out.append(source, pos, tag.begin - pos);
    pos = tag.end;
    auto found = partials.find(tag.name);
    auto [line, col] = line_col(source, tag.begin);
    if (broken.count(tag.name)) {
      continue;  // its syntax error is already reported
    } else if (found == partials.end()) {
      diags.error(file, line, col, "template: onbekende partial '" + tag.name + "'");
    } else if (depth > 16) {
      diags.error(file, line, col, "template: partials roepen elkaar eindeloos aan ('" + tag.name + "')");
    } else if (found->second.size() > budget) {
      if (budget != 0)
        diags.error(file, line, col,
                    "template: partials maken de template groter dan " + std::to_string(kMaxTemplateBytes >> 20) + " MB");
      budget = 0;
    } else {
      budget -= found->second.size();
      out += inline_partials(file, found->second, partials, broken, diags, budget, depth + 1);
    }
  }
  out.append(source, pos);
  return out;
}

bool word_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

/// Adds every literal id="…" (a letter, then letters, digits, '_' or '-') of `source` to `ids`.
void collect_ids(const std::string& source, std::set<std::string>& ids) {
  for (size_t at = source.find("id=\""); at != std::string::npos; at = source.find("id=\"", at + 1)) {
    if (at > 0 && word_char(source[at - 1])) continue;  // "grid=" is not an id
    size_t i = at + 4;
    const size_t begin = i;
    if (i >= source.size() || !((source[i] >= 'A' && source[i] <= 'Z') || (source[i] >= 'a' && source[i] <= 'z'))) continue;
    while (i < source.size() && (word_char(source[i]) || source[i] == '-')) ++i;
    if (i < source.size() && source[i] == '"') ids.insert(source.substr(begin, i - begin));
  }
}

/// A template file as read: its path, how diagnostics name it, and its text (none: unreadable).
struct TemplateFile {
  std::string path;
  std::string file;
  std::optional<std::string> text;
};

/// What load_templates makes of a set of files, diagnostics included (remembered between builds).
struct LoadedTemplates {
  TemplateSources sources;
  std::vector<Diagnostic> diags;
};

LoadedTemplates compile_sources(const std::vector<TemplateFile>& files) {
  Diagnostics diags;
  TemplateSources out;
  std::map<std::string, std::string> partials;
  std::map<std::string, std::string> raw;
  std::set<std::string> broken_partials;
  std::map<std::string, std::string> partial_files;  ///< name → path, for diagnostics
  for (const TemplateFile& f : files) {
    const std::string& path = f.path;
    const std::string& file = f.file;
    if (!f.text) {
      diags.error(file, 1, 1, "bestand kan niet worden gelezen");
      continue;
    }
    const std::string* text = &*f.text;
    const bool partial = is_partial(path);
    const size_t deep = too_deep_sections(*text);
    if (text->size() > kMaxTemplateBytes || deep != std::string::npos) {
      auto [line, col] = line_col(*text, deep == std::string::npos ? 0 : deep);
      diags.error(file, line, col,
                  deep == std::string::npos
                      ? "template is groter dan " + std::to_string(kMaxTemplateBytes >> 20) + " MB"
                      : "template: secties meer dan " + std::to_string(kMaxSectionDepth) + " niveaus diep genest");
      (partial ? broken_partials : out.broken).insert(name_of(path));
      continue;
    }
    if (!check_syntax(file, *text, diags)) {
      (partial ? broken_partials : out.broken).insert(name_of(path));
      continue;
    }
    (partial ? partials : raw)[name_of(path)] = *text;
    (partial ? partial_files : out.files)[name_of(path)] = file;
  }
  for (const auto& [name, source] : raw) {
    size_t budget = kMaxTemplateBytes - std::min(kMaxTemplateBytes, source.size());
    std::string whole = inline_partials(out.files[name], source, partials, broken_partials, diags, budget);
    // Partials inside sections add their own nesting.
    if (too_deep_sections(whole) != std::string::npos) {
      diags.error(out.files[name], 1, 1,
                  "template: secties (met partials) meer dan " + std::to_string(kMaxSectionDepth) + " niveaus diep genest");
      out.broken.insert(name);
      continue;
    }
    out.templates[name] = std::move(whole);
  }
  // A component's partial that no file includes ("wizard/node") renders alone: the content of a
  // generated page (Page::content_template). Included ones are not compiled twice.
  std::set<std::string> included;
  for (const auto* sources : {&raw, &partials})
    for (const auto& [name, source] : *sources)
      for (PartialTag tag = find_partial_tag(source, 0); tag.begin != std::string::npos; tag = find_partial_tag(source, tag.end))
        included.insert(tag.name);
  for (const auto& [name, source] : partials) {
    if (name.find('/') == std::string::npos || included.count(name)) continue;
    const std::string& file = partial_files[name];
    size_t budget = kMaxTemplateBytes - std::min(kMaxTemplateBytes, source.size());
    std::string whole = inline_partials(file, source, partials, broken_partials, diags, budget);
    if (too_deep_sections(whole) != std::string::npos) {
      diags.error(file, 1, 1, "template: secties (met partials) meer dan " + std::to_string(kMaxSectionDepth) + " niveaus diep genest");
      continue;
    }
    out.templates[name] = std::move(whole);
  }
  for (const auto& [name, source] : out.templates) collect_ids(source, out.ids);
  for (const auto& [name, source] : partials)
    if (name.rfind("markdown/", 0) == 0 || name.rfind("glossary/", 0) == 0) out.snippets.emplace(name, Snippet(source));
  return {std::move(out), diags.take()};
}

}  // namespace

TemplateSources load_templates(const SourceTree& tree, Diagnostics& diags) {
  std::vector<TemplateFile> files;
  std::string key;
  for (const std::string& path : tree.list("templates")) {
    if (path.size() < 9 || path.compare(path.size() - 9, 9, ".mustache") != 0) continue;
    TemplateFile f{path, tree.display(path), tree.read(path)};
    append_key_part(key, f.file, f.text);
    files.push_back(std::move(f));
  }
  static Memo<LoadedTemplates> memo(4);
  LoadedTemplates loaded = memo.get(key, [&] { return compile_sources(files); });
  for (auto& d : loaded.diags) diags.add(std::move(d));
  return std::move(loaded.sources);
}

namespace {

/// kainjow's escaping (same entities: it writes ' as &apos;), without its per-character appends.
std::string escape_like_kainjow(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 16);
  append_html_escaped(out, text, "&apos;");
  return out;
}

/// kainjow's lookup rules ({{.}}, plain names up the stack, dotted names resolved from the
/// innermost item that has the whole path), with dotted names split in place: kainjow's own
/// context splits them through a std::stringstream on every lookup.
class LookupContext : public kainjow::mustache::basic_context<std::string> {
 public:
  LookupContext(const std::vector<const mustache_data*>& layers, const mustache_data* data) : items_(layers) {
    items_.push_back(data);
  }
  void push(const mustache_data* data) override { items_.push_back(data); }
  void pop() override { items_.pop_back(); }
  const mustache_data* get(const std::string& name) const override {
    if (name.size() == 1 && name[0] == '.') return items_.back();
    const bool dotted = name.find('.') != std::string::npos;
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
      const mustache_data* var = dotted ? walk(*it, name) : (*it)->get(name);
      if (var) return var;
    }
    return nullptr;
  }
  const mustache_data* get_partial(const std::string& name) const override {
    for (auto it = items_.rbegin(); it != items_.rend(); ++it)
      if (const mustache_data* var = (*it)->get(name)) return var;
    return nullptr;
  }

 private:
  static const mustache_data* walk(const mustache_data* var, const std::string& name) {
    // As std::getline splits: "a..b" has an empty part, a trailing '.' adds none.
    size_t begin = 0;
    while (var && begin < name.size()) {
      size_t dot = name.find('.', begin);
      if (dot == std::string::npos) dot = name.size();
      key_.assign(name, begin, dot - begin);
      var = var->get(key_);
      begin = dot + 1;
    }
    return var;
  }
  static thread_local std::string key_;
  std::vector<const mustache_data*> items_;  // innermost last
};

thread_local std::string LookupContext::key_;

/// The sink kainjow's render(context, stream) writes to.
struct StringSink {
  std::string& out;
  StringSink& operator<<(const std::string& piece) {
    out += piece;
    return *this;
  }
};

}  // namespace

/// Parsed copies of one set of templates, each lent to one TemplateSet at a time. A template is
/// parsed when a page first needs it: a site uses a few of the theme's templates (kainjow's parser
/// costs about as much as rendering 30 pages).
class CompiledPool {
 public:
  explicit CompiledPool(const TemplateSources& sources) : sources_(sources.templates) {}
  bool has(const std::string& name) const { return sources_.count(name) > 0; }
  /// A set nobody else uses: a returned one, or an empty one (filled by copy()).
  std::unique_ptr<CompiledTemplates> take() {
    std::lock_guard lock(mutex_);
    if (free_.empty()) return std::make_unique<CompiledTemplates>();
    auto set = std::move(free_.back());
    free_.pop_back();
    return set;
  }
  void give(std::unique_ptr<CompiledTemplates> set) {
    std::lock_guard lock(mutex_);
    if (free_.size() < kMaxFree) free_.push_back(std::move(set));
  }
  /// Adds template `name` to `set`: a copy of the parsed prototype (cheaper than parsing again).
  kainjow::mustache::mustache& copy(const std::string& name, CompiledTemplates& set) {
    std::lock_guard lock(mutex_);
    auto it = prototype_.find(name);
    if (it == prototype_.end()) {
      it = prototype_.emplace(name, kainjow::mustache::mustache(sources_.at(name))).first;
      it->second.set_custom_escape(escape_like_kainjow);
    }
    return set.emplace(name, it->second).first->second;
  }

 private:
  static constexpr size_t kMaxFree = 64;  ///< one per worker thread is enough
  const std::map<std::string, std::string> sources_;
  std::mutex mutex_;
  CompiledTemplates prototype_;
  std::vector<std::unique_ptr<CompiledTemplates>> free_;
};

TemplateSet::TemplateSet(const TemplateSources& sources) {
  std::string key;
  for (const auto& [name, source] : sources.templates) {
    key.append(name);
    key.push_back('\0');
    key.append(source);
    key.push_back('\0');
  }
  static Memo<std::shared_ptr<CompiledPool>> pools(4);
  pool_ = pools.get(key, [&] { return std::make_shared<CompiledPool>(sources); });
  compiled_ = pool_->take();
}

TemplateSet::~TemplateSet() { pool_->give(std::move(compiled_)); }

bool TemplateSet::has(const std::string& name) const { return pool_->has(name); }

std::string TemplateSet::render(const std::string& name, const mustache_data& data) { return render(name, {}, data); }

std::string TemplateSet::render(const std::string& name, const std::vector<const mustache_data*>& layers,
                                const mustache_data& data) {
  auto found = compiled_->find(name);
  auto& compiled = found != compiled_->end() ? found->second : pool_->copy(name, *compiled_);
  if (!compiled.is_valid()) return "";
  std::string out;
  out.reserve(32 * 1024);
  LookupContext context(layers, &data);
  StringSink sink{out};
  compiled.render(context, sink);
  return out;
}

MustacheObject& MustacheObject::set(const std::string& key, mustache_data&& value) {
  data_.set(key, mustache_data{false});
  *const_cast<mustache_data*>(data_.get(key)) = std::move(value);
  return *this;
}

MustacheObject& MustacheObject::set(const std::string& key, const std::string& text) {
  return set(key, text.empty() ? mustache_data{false} : mustache_data{text});
}

mustache_data mustache_list(std::vector<mustache_data>&& items) {
  mustache_data out{mustache_data::type::list};
  const_cast<kainjow::mustache::basic_list<std::string>&>(out.list_value()) = std::move(items);
  return out;
}

kainjow::mustache::data to_mustache(const nlohmann::json& value) {
  using kainjow::mustache::data;
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      MustacheObject out;
      for (const auto& [key, item] : value.items()) out.set(key, to_mustache(item));
      return out.take();
    }
    case nlohmann::json::value_t::array: {
      std::vector<data> items;
      items.reserve(value.size());
      for (const auto& item : value) items.push_back(to_mustache(item));
      return mustache_list(std::move(items));
    }
    case nlohmann::json::value_t::string:
      // An empty text is false in sections, as in mustache.js; it still prints as "".
      if (value.get_ref<const std::string&>().empty()) return data{false};
      return data{value.get_ref<const std::string&>()};
    case nlohmann::json::value_t::boolean:
      return data{value.get<bool>()};
    case nlohmann::json::value_t::null:
      return data{false};
    default:
      return data{value.dump()};
  }
}

}  // namespace wijzer
