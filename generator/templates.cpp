#include "templates.h"

#include <regex>

#include "text.h"

namespace wijzer {
namespace {

std::string stem_of(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
  return name.substr(0, name.size() - std::string(".mustache").size());
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

/// Replaces every {{> name}} by the partial's text, recursively.
std::string inline_partials(const std::string& file, const std::string& source,
                            const std::map<std::string, std::string>& partials, const std::set<std::string>& broken,
                            Diagnostics& diags, int depth = 0) {
  static const std::regex tag(R"(\{\{>\s*([A-Za-z0-9_./-]+)\s*\}\})");
  std::string out;
  size_t pos = 0;
  for (auto it = std::sregex_iterator(source.begin(), source.end(), tag); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    out.append(source, pos, m.position(0) - pos);
    pos = m.position(0) + m.length(0);
    auto found = partials.find(m[1]);
    auto [line, col] = line_col(source, m.position(0));
    if (broken.count(m[1])) {
      continue;  // its syntax error is already reported
    } else if (found == partials.end()) {
      diags.error(file, line, col, "template: onbekende partial '" + m[1].str() + "'");
    } else if (depth > 16) {
      diags.error(file, line, col, "template: partials roepen elkaar eindeloos aan ('" + m[1].str() + "')");
    } else {
      out += inline_partials(file, found->second, partials, broken, diags, depth + 1);
    }
  }
  out.append(source, pos);
  return out;
}

}  // namespace

TemplateSources load_templates(const SourceTree& tree, Diagnostics& diags) {
  TemplateSources out;
  std::map<std::string, std::string> partials;
  std::map<std::string, std::string> raw;
  std::set<std::string> broken_partials;
  for (const std::string& path : tree.list("templates")) {
    if (path.size() < 9 || path.compare(path.size() - 9, 9, ".mustache") != 0) continue;
    const std::string file = tree.display(path);
    auto text = tree.read(path);
    if (!text) {
      diags.error(file, 1, 1, "bestand kan niet worden gelezen");
      continue;
    }
    const bool partial = path.rfind("templates/partials/", 0) == 0;
    if (!check_syntax(file, *text, diags)) {
      (partial ? broken_partials : out.broken).insert(stem_of(path));
      continue;
    }
    (partial ? partials : raw)[stem_of(path)] = *text;
    if (!partial) out.files[stem_of(path)] = file;
  }
  for (const auto& [name, source] : raw) out.templates[name] = inline_partials(out.files[name], source, partials, broken_partials, diags);
  static const std::regex id(R"re(\bid="([A-Za-z][A-Za-z0-9_-]*)")re");
  for (const auto& [name, source] : out.templates)
    for (auto it = std::sregex_iterator(source.begin(), source.end(), id); it != std::sregex_iterator(); ++it)
      out.ids.insert((*it)[1]);
  return out;
}

TemplateSet::TemplateSet(const TemplateSources& sources) {
  for (const auto& [name, source] : sources.templates)
    compiled_[name] = std::make_unique<kainjow::mustache::mustache>(source);
}

std::string TemplateSet::render(const std::string& name, const mustache_data& data) {
  // Append to a string: kainjow's default goes through std::stringstream and its locale machinery.
  std::string out;
  out.reserve(32 * 1024);
  compiled_.at(name)->render(data, [&out](const std::string& piece) { out += piece; });
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
