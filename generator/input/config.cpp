#include "config.h"

#include <functional>
#include <utility>

#include "data_file.h"

namespace wijzer {
namespace {

/// A checked walk over wijzer.yaml: each reader reports a wrong type or an unknown key at its
/// position and leaves the default in place, so one run reports every problem.
class Reader {
 public:
  explicit Reader(const DataFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  using Fields = std::map<std::string, std::function<void(const nlohmann::json&, const std::string&)>>;

  /// An object whose keys must be among `fields`; calls each field's reader.
  void object(const nlohmann::json& value, const std::string& pointer, const Fields& fields) {
    if (value.is_null()) return;  // "site:" with nothing under it
    if (!value.is_object()) {
      error(pointer, "verwacht een object met sleutels (" + names(fields) + ")");
      return;
    }
    for (const auto& [key, child] : value.items()) {
      const std::string at = pointer + "/" + pointer_token(key);
      auto it = fields.find(key);
      if (it == fields.end()) error(at, "onbekende sleutel '" + key + "' (bekend: " + names(fields) + ")");
      else it->second(child, at);
    }
  }

  void text(const nlohmann::json& value, const std::string& pointer, std::string& out, bool allow_empty = false) {
    if (!value.is_string()) {
      error(pointer, "verwacht tekst");
      return;
    }
    if (!allow_empty && value.get<std::string>().empty()) {
      error(pointer, "mag niet leeg zijn");
      return;
    }
    out = value.get<std::string>();
  }

  void flag(const nlohmann::json& value, const std::string& pointer, bool& out) {
    if (!value.is_boolean()) error(pointer, "verwacht true of false");
    else out = value.get<bool>();
  }

  /// A path relative to the source root that must lie under content/.
  void content_path(const nlohmann::json& value, const std::string& pointer, std::string& out) {
    std::string path;
    text(value, pointer, path);
    if (path.empty()) return;
    if (path.compare(0, 8, "content/") != 0 || path.size() == 8 || path.find("..") != std::string::npos) {
      error(pointer, "verwacht een pad onder content/ (zoals content/begrippen/begrippen.json)");
      return;
    }
    out = path;
  }

  /// A plain file name: lowercase letters, digits and '-' (the zip's name).
  void file_name(const nlohmann::json& value, const std::string& pointer, std::string& out) {
    std::string name;
    text(value, pointer, name);
    if (name.empty()) return;
    for (char c : name)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        error(pointer, "verwacht een naam van kleine letters, cijfers en '-' (zoals begeleidingswijzer)");
        return;
      }
    out = name;
  }

  /// An absolute http(s) address ending in '/' (the site's public address).
  void base_url(const nlohmann::json& value, const std::string& pointer, std::string& out) {
    std::string url;
    text(value, pointer, url);
    if (url.empty()) return;
    const bool web = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    if (!web || url.back() != '/' || url.find_first_of(" \"<>") != std::string::npos) {
      error(pointer, "verwacht een adres als https://voorbeeld.nl/wijzer/ (met / aan het eind)");
      return;
    }
    out = url;
  }

  /// A page source relative to content/ ("begrippen/_index.md").
  void page_path(const nlohmann::json& value, const std::string& pointer, std::string& out) {
    std::string path;
    text(value, pointer, path);
    if (path.empty()) return;
    const bool md = path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0;
    if (!md || path[0] == '/' || path.find("..") != std::string::npos || path.compare(0, 8, "content/") == 0) {
      error(pointer, "verwacht een pagina relatief aan content/ (zoals zoeken/_index.md)");
      return;
    }
    out = path;
  }

  void text_list(const nlohmann::json& value, const std::string& pointer, std::vector<std::string>& out) {
    if (!value.is_array()) {
      error(pointer, "verwacht een lijst van teksten");
      return;
    }
    std::vector<std::string> list;
    bool ok = true;
    for (size_t i = 0; i < value.size(); ++i) {
      std::string item;
      text(value[i], pointer + "/" + std::to_string(i), item);
      ok = ok && !item.empty();
      list.push_back(std::move(item));
    }
    if (ok) out = std::move(list);
  }

  void text_map(const nlohmann::json& value, const std::string& pointer, std::map<std::string, std::string>& out,
                bool allow_empty) {
    if (value.is_null()) {
      out.clear();
      return;
    }
    if (!value.is_object()) {
      error(pointer, "verwacht sleutels met tekst (sleutel: tekst)");
      return;
    }
    std::map<std::string, std::string> map;
    for (const auto& [key, child] : value.items()) {
      const std::string at = pointer + "/" + pointer_token(key);
      if (!child.is_string()) {
        error(at, "verwacht tekst bij '" + key + "'");
        continue;
      }
      if (!allow_empty && child.get<std::string>().empty()) {
        error(at, "mag niet leeg zijn");
        continue;
      }
      map[key] = child.get<std::string>();
    }
    out = std::move(map);
  }

  void error(const std::string& pointer, const std::string& message) { file_.error(diags_, pointer, message); }

 private:
  static std::string names(const Fields& fields) {
    std::string out;
    for (const auto& [name, reader] : fields) out += (out.empty() ? "" : ", ") + name;
    return out;
  }
  const DataFile& file_;
  Diagnostics& diags_;
};

}  // namespace

std::string Config::audience_label(const std::string& audience) const {
  if (auto it = audiences.find(audience); it != audiences.end()) return it->second;
  if (auto it = audiences.find("clienten"); it != audiences.end()) return it->second;
  return "";
}

Config load_config(const SourceTree& tree, Diagnostics& diags) {
  Config config;
  if (!tree.read(kConfigFile)) return config;
  auto file = load_data_file(tree, kConfigFile, diags);
  if (!file) return config;
  Reader r(*file, diags);
  using J = const nlohmann::json&;
  using P = const std::string&;
  r.object(file->value, "",
           {
               {"site", [&](J v, P p) {
                  r.object(v, p, {{"title", [&](J v, P p) { r.text(v, p, config.site.title); }},
                                  {"language", [&](J v, P p) { r.text(v, p, config.site.language); }}});
                }},
               {"glossary", [&](J v, P p) {
                  r.object(v, p, {{"data", [&](J v, P p) { r.content_path(v, p, config.glossary.data); }},
                                  {"page", [&](J v, P p) { r.page_path(v, p, config.glossary.page); }}});
                }},
               {"search", [&](J v, P p) {
                  r.object(v, p, {{"page", [&](J v, P p) { r.page_path(v, p, config.search.page); }},
                                  {"data", [&](J v, P p) { r.content_path(v, p, config.search.data); }},
                                  {"title", [&](J v, P p) { r.text(v, p, config.search.title); }},
                                  {"description", [&](J v, P p) { r.text(v, p, config.search.description, true); }}});
                }},
               {"flows", [&](J v, P p) {
                  r.object(v, p, {{"folder", [&](J v, P p) { r.content_path(v, p, config.flows.folder); }}});
                }},
               {"handreiking", [&](J v, P p) {
                  r.object(v, p, {{"data", [&](J v, P p) { r.content_path(v, p, config.handreiking.data); }}});
                }},
               {"forms", [&](J v, P p) {
                  r.object(v, p, {{"field", [&](J v, P p) { r.text(v, p, config.forms.field); }}});
                }},
               {"offline", [&](J v, P p) {
                  r.object(v, p, {{"zip", [&](J v, P p) { r.flag(v, p, config.offline.zip); }},
                                  {"name", [&](J v, P p) { r.file_name(v, p, config.offline.name); }}});
                }},
               {"nieuw", [&](J v, P p) {
                  r.object(v, p, {{"base_url", [&](J v, P p) { r.base_url(v, p, config.news.base_url); }}});
                }},
               {"facts", [&](J v, P p) { r.text_list(v, p, config.facts); }},
               {"audiences", [&](J v, P p) { r.text_map(v, p, config.audiences, false); }},
               {"labels", [&](J v, P p) { r.text_map(v, p, config.labels, true); }},
           });
  if (!file->value.is_object() && !file->value.is_null()) return Config();
  return config;
}

}  // namespace wijzer
