#include "templates.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <optional>
#include <regex>
#include <unordered_map>

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

/// Offsets in `source` and its partials' text, [begin, end) of each inlined partial.
using Ranges = std::vector<std::pair<size_t, size_t>>;

/// Replaces every {{> name}} by the partial's text, recursively, within kMaxTemplateBytes in all.
/// `ranges`, when given, gets where each partial's text landed in the result.
std::string inline_partials(const std::string& file, const std::string& source,
                            const std::map<std::string, std::string>& partials, const std::set<std::string>& broken,
                            Diagnostics& diags, size_t& budget, int depth = 0, Ranges* ranges = nullptr) {
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
      Ranges inner;
      const std::string text =
          inline_partials(file, found->second, partials, broken, diags, budget, depth + 1, ranges ? &inner : nullptr);
      if (ranges) {
        const size_t base = out.size();
        ranges->emplace_back(base, base + text.size());
        for (auto [b, e] : inner) ranges->emplace_back(base + b, base + e);
      }
      out += text;
    }
  }
  out.append(source, pos);
  return out;
}

/// Where a template may be cut into pieces that render alone to the same text (TemplateSet caches
/// the pieces that come out the same on many pages): line starts outside every section and every
/// tag (kainjow decides per line whether a tag stands alone), before each line with a tag and at
/// the edges of its inlined partials. None when the template changes its delimiters.
std::vector<size_t> piece_cuts(const std::string& text, const Ranges& ranges) {
  if (text.find("{{=") != std::string::npos) return {};
  struct Tag {
    size_t begin, end;
    int depth_after;  ///< section depth after the tag
    bool comment;
  };
  std::vector<Tag> tags;
  int depth = 0;
  for (size_t i = text.find("{{"); i != std::string::npos && i + 2 < text.size();) {
    const char kind = text[i + 2];
    const size_t close = kind == '{' ? text.find("}}}", i + 3) : text.find("}}", i + 2);
    if (close == std::string::npos) return {};
    if (kind == '#' || kind == '^') ++depth;
    if (kind == '/') --depth;
    const size_t end = close + (kind == '{' ? 3 : 2);
    tags.push_back({i, end, depth, kind == '!'});
    i = text.find("{{", end);
  }
  std::vector<size_t> cuts;
  // A line with a tag starts a piece of its own: in a page's head, the lines that read only the
  // folder's chrome are reused, the one with the page's title is not. A line without tags
  // (comments are none) stays with the piece before it.
  {
    size_t t = 0;  // the first tag that ends after the line start
    int d = 0;     // the depth at the line start
    for (size_t nl = text.find('\n'); nl != std::string::npos && nl + 1 < text.size(); nl = text.find('\n', nl + 1)) {
      const size_t at = nl + 1;
      while (t < tags.size() && tags[t].end <= at) d = tags[t++].depth_after;
      if (d != 0 || (t < tags.size() && tags[t].begin < at)) continue;  // in a section, or inside a tag
      const size_t line_end = std::min(text.find('\n', at), text.size());
      for (size_t k = t; k < tags.size() && tags[k].begin < line_end; ++k)
        if (!tags[k].comment) {
          cuts.push_back(at);
          break;
        }
    }
  }
  for (auto [begin, end] : ranges)
    for (size_t at : {begin, end}) {
      if (at == 0 || at >= text.size() || text[at - 1] != '\n') continue;
      int d = 0;
      for (const Tag& tag : tags) {
        if (tag.end > at) break;
        d = tag.depth_after;
      }
      if (d == 0) cuts.push_back(at);
    }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
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
    Ranges ranges;
    std::string whole = inline_partials(out.files[name], source, partials, broken_partials, diags, budget, 0, &ranges);
    // Partials inside sections add their own nesting.
    if (too_deep_sections(whole) != std::string::npos) {
      diags.error(out.files[name], 1, 1,
                  "template: secties (met partials) meer dan " + std::to_string(kMaxSectionDepth) + " niveaus diep genest");
      out.broken.insert(name);
      continue;
    }
    if (auto cuts = piece_cuts(whole, ranges); !cuts.empty()) out.cuts[name] = std::move(cuts);
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
  out.reserve(text.size());  // no allocation for a short value: most need no entity
  append_html_escaped(out, text, "&apos;");
  return out;
}

}  // namespace

/// Everything a piece read while it rendered. kainjow's output is a function of these reads, so
/// the piece renders the same text for another page whose reads give the same (TemplateSet).
struct TemplateReads {
  /// What a lookup gave, as far as output can tell: missing, false, true, a text, an object (its
  /// keys are reads of their own) or a list of some length.
  struct Value {
    enum class Kind : uint8_t { missing, no, yes, text, object, list, other } kind = Kind::missing;
    std::string text;
    size_t size = 0;

    static Value of(const mustache_data* var) {
      Value v;
      if (!var) return v;
      if (var->is_false()) v.kind = Kind::no;
      else if (var->is_true()) v.kind = Kind::yes;
      else if (var->is_string()) v.kind = Kind::text, v.text = var->string_value();
      else if (var->is_object()) v.kind = Kind::object;
      else if (var->is_list()) v.kind = Kind::list, v.size = var->list_value().size();
      else v.kind = Kind::other;  // lambdas, partials: never reused
      return v;
    }
    bool same(const mustache_data* var) const {
      if (!var) return kind == Kind::missing;
      switch (kind) {
        case Kind::missing: return false;
        case Kind::no: return var->is_false();
        case Kind::yes: return var->is_true();
        case Kind::text: return var->is_string() && var->string_value() == text;
        case Kind::object: return var->is_object();
        case Kind::list: return var->is_list() && var->list_value().size() == size;
        default: return false;
      }
    }
  };

  /// One value a piece read: a name looked up in the layers and the page's data (parent -1), a
  /// name looked up in a value read before, or an item of a list read before.
  struct Read {
    int parent = -1;
    std::string name;  ///< empty: item `index` of the parent list
    size_t index = 0;
    Value seen;
    bool dotted = false;  ///< `name` holds a '.'
  };

  std::vector<Read> reads;
  bool reusable = true;  ///< false when it read something it cannot say where it came from
  std::unordered_map<const mustache_data*, int> origin;  ///< value → the read that gave it
  std::vector<std::pair<const mustache_data*, int>> lists;  ///< list values read, for their items

  static constexpr size_t kMaxReads = 512;  ///< a piece that reads more is not worth keeping

  int add(int parent, const std::string& name, size_t index, const mustache_data* var) {
    if (!reusable) return -1;
    if (reads.size() >= kMaxReads) {
      reusable = false;
      return -1;
    }
    reads.push_back({parent, name, index, Value::of(var), name.find('.') != std::string::npos});
    const int id = static_cast<int>(reads.size()) - 1;
    if (var) {
      origin[var] = id;
      if (var->is_list()) lists.emplace_back(var, id);
      if (reads.back().seen.kind == Value::Kind::other) reusable = false;
    }
    return id;
  }
  /// Empties it for the next recording.
  void reset() {
    reads.clear();
    origin.clear();
    lists.clear();
    reusable = true;
  }
  /// The read that gave `item` (a value read, or an item of a list read), or -1.
  int read_of(const mustache_data* item) {
    if (!reusable) return -1;
    if (auto it = origin.find(item); it != origin.end()) return it->second;
    for (auto [list, id] : lists) {
      const auto& items = list->list_value();
      if (!items.empty() && item >= &items.front() && item <= &items.back())
        return add(id, std::string(), static_cast<size_t>(item - &items.front()), item);
    }
    return -1;
  }
};

namespace {

/// kainjow's lookup rules ({{.}}, plain names up the stack, dotted names resolved from the
/// innermost item that has the whole path), with dotted names split in place: kainjow's own
/// context splits them through a std::stringstream on every lookup. With `reads`, it notes every
/// lookup, found or not, in the layers and page data (the base) and in the items of open sections.
class LookupContext : public kainjow::mustache::basic_context<std::string> {
 public:
  LookupContext(const std::vector<const mustache_data*>& layers, const mustache_data* data, TemplateReads* reads = nullptr)
      : items_(layers), reads_(reads) {
    items_.push_back(data);
    base_ = items_.size();
  }
  void push(const mustache_data* data) override {
    items_.push_back(data);
    if (!reads_) return;
    const int id = reads_->read_of(data);
    if (id < 0) reads_->reusable = false;
    item_reads_.push_back(id);
  }
  void pop() override {
    items_.pop_back();
    if (reads_) item_reads_.pop_back();
  }
  const mustache_data* get(const std::string& name) const override {
    const bool dot = name.size() == 1 && name[0] == '.';
    if (dot) {
      if (reads_ && items_.size() == base_) reads_->reusable = false;
      return items_.back();
    }
    const bool dotted = name.find('.') != std::string::npos;  // once, not once per item looked in
    for (size_t i = items_.size(); i > base_; --i) {
      const mustache_data* var = lookup_in(items_[i - 1], name, dotted);
      if (reads_ && item_reads_[i - 1 - base_] >= 0) reads_->add(item_reads_[i - 1 - base_], name, 0, var);
      if (var) return var;
    }
    const mustache_data* var = lookup_base(items_.data(), base_, name, dotted);
    if (reads_) reads_->add(-1, name, 0, var);
    return var;
  }
  const mustache_data* get_partial(const std::string& name) const override {
    if (reads_) reads_->reusable = false;
    for (auto it = items_.rbegin(); it != items_.rend(); ++it)
      if (const mustache_data* var = (*it)->get(name)) return var;
    return nullptr;
  }
  /// `name` (not ".") looked up in `base` (bottom first) as get() does under the open sections.
  static const mustache_data* lookup_base(const mustache_data* const* base, size_t count, const std::string& name,
                                          bool dotted) {
    for (size_t i = count; i > 0; --i)
      if (const mustache_data* var = lookup_in(base[i - 1], name, dotted)) return var;
    return nullptr;
  }
  /// `name` looked up in one value, as get() does in an item; `dotted`: whether it holds a '.'.
  static const mustache_data* lookup_in(const mustache_data* var, const std::string& name, bool dotted) {
    return dotted ? walk(var, name) : var->get(name);
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
  size_t base_ = 0;                          // items_[0, base_): the layers and the page's data
  TemplateReads* reads_;
  std::vector<int> item_reads_;              // the read that gave each open section's item
};

/// Whether `reads`, done again on `base` (bottom first), give what they gave.
bool same_reads(const std::vector<TemplateReads::Read>& reads, const std::vector<const mustache_data*>& base) {
  thread_local std::vector<const mustache_data*> now;
  now.assign(reads.size(), nullptr);
  for (size_t i = 0; i < reads.size(); ++i) {
    const TemplateReads::Read& r = reads[i];
    const mustache_data* var;
    if (r.parent < 0) {
      var = LookupContext::lookup_base(base.data(), base.size(), r.name, r.dotted);
    } else {
      const mustache_data* parent = now[r.parent];
      if (!parent) return false;
      var = r.name.empty() ? &parent->list_value()[r.index] : LookupContext::lookup_in(parent, r.name, r.dotted);
    }
    if (!r.seen.same(var)) return false;
    now[i] = var;
  }
  return true;
}

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
  explicit CompiledPool(const TemplateSources& sources) : sources_(sources.templates), cuts_(sources.cuts) {}
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
    return set.emplace(name, prototype(name)).first->second;
  }
  /// Template `name` in pieces (see TemplateSources::cuts), added to `set`; no pieces when it has
  /// no cuts or a piece does not parse alone.
  Pieces& pieces(const std::string& name, std::map<std::string, Pieces>& set) {
    std::lock_guard lock(mutex_);
    auto it = piece_prototypes_.find(name);
    if (it == piece_prototypes_.end()) {
      std::vector<kainjow::mustache::mustache> made;
      if (auto cuts = cuts_.find(name); cuts != cuts_.end()) {
        const std::string& source = sources_.at(name);
        size_t from = 0;
        for (size_t i = 0; i <= cuts->second.size(); ++i) {
          const size_t to = i < cuts->second.size() ? cuts->second[i] : source.size();
          made.emplace_back(source.substr(from, to - from));
          made.back().set_custom_escape(escape_like_kainjow);
          if (!made.back().is_valid()) {
            made.clear();
            break;
          }
          from = to;
        }
      }
      it = piece_prototypes_.emplace(name, std::move(made)).first;
    }
    Pieces& pieces = set[name];
    pieces.compiled = it->second;
    pieces.rendered.resize(pieces.compiled.size());
    return pieces;
  }

 private:
  kainjow::mustache::mustache& prototype(const std::string& name) {
    auto it = prototype_.find(name);
    if (it == prototype_.end()) {
      it = prototype_.emplace(name, kainjow::mustache::mustache(sources_.at(name))).first;
      it->second.set_custom_escape(escape_like_kainjow);
    }
    return it->second;
  }

  static constexpr size_t kMaxFree = 64;  ///< one per worker thread is enough
  const std::map<std::string, std::string> sources_;
  const std::map<std::string, std::vector<size_t>> cuts_;
  std::mutex mutex_;
  CompiledTemplates prototype_;
  std::map<std::string, std::vector<kainjow::mustache::mustache>> piece_prototypes_;
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

RenderedPiece::RenderedPiece() = default;
RenderedPiece::~RenderedPiece() = default;
RenderedPiece::RenderedPiece(RenderedPiece&&) noexcept = default;
RenderedPiece& RenderedPiece::operator=(RenderedPiece&&) noexcept = default;

bool TemplateSet::has(const std::string& name) const { return pool_->has(name); }

std::string TemplateSet::render(const std::string& name, const mustache_data& data) { return render(name, {}, data); }

std::string TemplateSet::render(const std::string& name, const std::vector<const mustache_data*>& layers,
                                const mustache_data& data) {
  std::string out;
  out.reserve(32 * 1024);
  StringSink sink{out};
  if (!layers.empty()) {
    auto found = pieces_.find(name);
    Pieces& pieces = found != pieces_.end() ? found->second : pool_->pieces(name, pieces_);
    if (!pieces.compiled.empty()) {
      render_pieces(pieces, layers, data, out);
      return out;
    }
  }
  auto found = compiled_->find(name);
  auto& compiled = found != compiled_->end() ? found->second : pool_->copy(name, *compiled_);
  if (!compiled.is_valid()) return "";
  LookupContext context(layers, &data);
  compiled.render(context, sink);
  return out;
}

// A piece renders again when what it reads differs from what it read last time (most pages of a
// folder share their header and footer); one that keeps differing is no longer recorded.
void TemplateSet::render_pieces(Pieces& pieces, const std::vector<const mustache_data*>& layers,
                                const mustache_data& data, std::string& out) {
  std::vector<const mustache_data*> base = layers;
  base.push_back(&data);
  StringSink sink{out};
  for (size_t i = 0; i < pieces.compiled.size(); ++i) {
    RenderedPiece& piece = pieces.rendered[i];
    if (piece.reads && same_reads(piece.reads->reads, base)) {
      out += piece.text;
      ++piece.hits;
      ++reused_;
      continue;
    }
    if (piece.reads) ++piece.misses;
    // A template used once (the home page, an A–Z list) is never recorded.
    if (piece.renders++ == 0 || (piece.misses > 8 && piece.misses > piece.hits)) {
      piece.reads.reset();
      piece.text.clear();
      LookupContext context(layers, &data);
      pieces.compiled[i].render(context, sink);
      continue;
    }
    if (!piece.reads) piece.reads = std::make_unique<TemplateReads>();
    TemplateReads& reads = *piece.reads;
    reads.reset();
    const size_t start = out.size();
    LookupContext context(layers, &data, &reads);
    pieces.compiled[i].render(context, sink);
    if (reads.reusable) {
      piece.text.assign(out, start);
    } else {
      ++piece.misses;
      piece.reads.reset();
      piece.text.clear();
    }
  }
}

MustacheObject& MustacheObject::set(const std::string& key, mustache_data&& value) {
  // operator[]: one lookup and a node; kainjow's set() would look up three times and copy.
  data_[key] = std::move(value);
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
