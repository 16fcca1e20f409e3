#include "handreiking_model.h"

#include <regex>

namespace wijzer::handreiking {
namespace {

using json = nlohmann::json;

const std::regex kId("[a-z][a-z0-9_]*");
const std::regex kDate("[0-9]{4}-[0-9]{2}-[0-9]{2}");

const json& null_json() {
  static const json null;
  return null;
}

const char* type_name(const json& v) {
  if (v.is_array()) return "array";
  if (v.is_object()) return "object";
  if (v.is_number()) return "number";
  if (v.is_string()) return "string";
  if (v.is_boolean()) return "boolean";
  return "null";
}

const char* dutch_type(const std::string& type) {
  if (type == "array") return "een lijst";
  if (type == "object") return "een object";
  if (type == "number") return "een getal";
  return "tekst";
}

/// Reports every key of the object at `pointer` that is not in `known` (a typo such as "tipp"
/// would otherwise only show as a missing "tip").
void unknown_keys(const Handreiking& h, const std::string& pointer, std::initializer_list<const char*> known,
                  Diagnostics& diags) {
  const json::json_pointer ptr(pointer);
  if (!h.data.value.contains(ptr) || !h.data.value.at(ptr).is_object()) return;
  for (const auto& [key, v] : h.data.value.at(ptr).items()) {
    bool ok = false;
    for (const char* k : known) ok = ok || key == k;
    if (!ok) {
      std::string list;
      for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      h.data.error(diags, pointer + "/" + pointer_token(key), "onbekend veld \"" + key + "\" (bekend: " + list + ")");
    }
  }
}

/// Reads the aspects, clusters and leefgebieden; reports every problem.
class Reader {
 public:
  Reader(Handreiking& h, Diagnostics& diags) : h_(h), diags_(diags) {}

  void read() {
    const json& root = h_.data.value;
    if (!root.is_object()) {
      h_.data.error(diags_, "", "verwacht een object met \"leefgebieden\" en \"clusters\"");
      return;
    }
    unknown_keys(h_, "", {"toelichting", "bronnen", "bijgewerkt", "aantal_aspecten", "leefgebieden", "clusters",
                          "paginas", "formulier"}, diags_);
    h_.bijgewerkt = h_.text("/bijgewerkt", diags_);
    if (!h_.bijgewerkt.empty() && !std::regex_match(h_.bijgewerkt, kDate))
      h_.data.error(diags_, "/bijgewerkt", "\"bijgewerkt\" is een datum als 2026-11-22");
    const json& bronnen = h_.value("/bronnen", "array", diags_);
    for (size_t i = 0; i < bronnen.size(); ++i) h_.bronnen.push_back(h_.text("/bronnen/" + std::to_string(i), diags_));

    std::set<std::string> ids;  // aspect and leefgebied ids share the field ids of the form
    const json& leefgebieden = h_.value("/leefgebieden", "array", diags_);
    if (leefgebieden.is_array() && leefgebieden.empty())
      h_.data.error(diags_, "/leefgebieden", "er is minstens één leefgebied");
    for (size_t i = 0; i < leefgebieden.size(); ++i) {
      const std::string p = "/leefgebieden/" + std::to_string(i);
      if (!h_.value(p, "object", diags_).is_object()) continue;
      unknown_keys(h_, p, {"id", "naam"}, diags_);
      Leefgebied l{id(p + "/id", leefgebied_ids_), h_.text(p + "/naam", diags_)};
      h_.leefgebieden.push_back(std::move(l));
    }

    const json& clusters = h_.value("/clusters", "array", diags_);
    if (clusters.is_array() && clusters.empty()) h_.data.error(diags_, "/clusters", "er is minstens één cluster");
    std::set<std::string> cluster_ids;
    for (size_t c = 0; c < clusters.size(); ++c) {
      const std::string p = "/clusters/" + std::to_string(c);
      Cluster cluster;
      cluster.pointer = p;
      if (!h_.value(p, "object", diags_).is_object()) {
        h_.clusters.push_back(std::move(cluster));  // keeps the indexes of the others
        continue;
      }
      unknown_keys(h_, p, {"id", "naam", "uitleg", "aspecten"}, diags_);
      cluster.id = id(p + "/id", cluster_ids);
      cluster.naam = h_.text(p + "/naam", diags_);
      cluster.uitleg = h_.text(p + "/uitleg", diags_);
      const json& aspecten = h_.value(p + "/aspecten", "array", diags_);
      if (aspecten.is_array() && aspecten.empty())
        h_.data.error(diags_, p + "/aspecten", "een cluster heeft minstens één aspect");
      for (size_t a = 0; a < aspecten.size(); ++a) {
        cluster.aspecten.push_back(h_.aspecten.size());
        h_.aspecten.push_back(aspect(p + "/aspecten/" + std::to_string(a), c));
      }
      h_.clusters.push_back(std::move(cluster));
    }

    const json& aantal = h_.value("/aantal_aspecten", "number", diags_);
    if (aantal.is_number_integer() && clusters.is_array() &&
        aantal.get<long long>() != static_cast<long long>(h_.aspecten.size()))
      h_.data.error(diags_, "/aantal_aspecten",
                    "verwacht " + std::to_string(aantal.get<long long>()) + " aspecten, de clusters hebben er " +
                        std::to_string(h_.aspecten.size()));
    else if (aantal.is_number() && !aantal.is_number_integer())
      h_.data.error(diags_, "/aantal_aspecten", "\"aantal_aspecten\" is een geheel getal");
  }

 private:
  /// A checked id at `pointer`, unique within `taken`.
  std::string id(const std::string& pointer, std::set<std::string>& taken) {
    std::string v = h_.text(pointer, diags_);
    if (v.empty()) return v;
    if (!std::regex_match(v, kId))
      h_.data.error(diags_, pointer, "ongeldig id \"" + v + "\": a-z eerst, dan a-z, 0-9 of _");
    else if (!taken.insert(v).second)
      h_.data.error(diags_, pointer, "id \"" + v + "\" komt twee keer voor");
    return v;
  }

  Aspect aspect(const std::string& p, size_t cluster) {
    Aspect a;
    a.pointer = p;
    a.cluster = cluster;
    a.nummer = static_cast<int>(h_.aspecten.size()) + 1;
    a.vragen.resize(h_.leefgebieden.size());
    if (!h_.value(p, "object", diags_).is_object()) return a;
    unknown_keys(h_, p, {"id", "naam", "definitie", "voorbeeldvragen", "tip"}, diags_);
    a.id = id(p + "/id", aspect_ids_);
    a.naam = h_.text(p + "/naam", diags_);
    a.definitie = h_.text(p + "/definitie", diags_);
    a.tip = h_.text(p + "/tip", diags_);
    const json& vragen = h_.value(p + "/voorbeeldvragen", "object", diags_);
    if (!vragen.is_object()) return a;
    for (const auto& [key, list] : vragen.items()) {
      const std::string q = p + "/voorbeeldvragen/" + pointer_token(key);
      size_t l = 0;
      while (l < h_.leefgebieden.size() && h_.leefgebieden[l].id != key) ++l;
      if (l == h_.leefgebieden.size()) {
        std::string known;
        for (const auto& x : h_.leefgebieden) known += (known.empty() ? "" : ", ") + x.id;
        h_.data.error(diags_, q, "onbekend leefgebied \"" + key + "\" (bekend: " + known + ")");
        continue;
      }
      if (!h_.value(q, "array", diags_).is_array()) continue;
      for (size_t i = 0; i < list.size(); ++i) {
        std::string v = h_.text(q + "/" + std::to_string(i), diags_);
        if (!v.empty()) a.vragen[l].push_back(std::move(v));
      }
    }
    if (a.aantal_vragen() == 0)
      h_.data.error(diags_, p + "/voorbeeldvragen", "aspect \"" + a.id + "\" heeft geen voorbeeldvragen");
    h_.totaal_vragen += a.aantal_vragen();
    return a;
  }

  Handreiking& h_;
  Diagnostics& diags_;
  std::set<std::string> leefgebied_ids_, aspect_ids_;
};

}  // namespace

size_t Aspect::aantal_vragen() const {
  size_t n = 0;
  for (const auto& list : vragen) n += list.size();
  return n;
}

const json& Handreiking::value(const std::string& pointer, const char* type, Diagnostics& diags) const {
  const json::json_pointer ptr(pointer);
  if (!data.value.contains(ptr)) {
    const std::string key = pointer.substr(pointer.rfind('/') + 1);
    data.error(diags, pointer, "\"" + key + "\" ontbreekt");
    return null_json();
  }
  const json& v = data.value.at(ptr);
  if (std::string(type_name(v)) != type) {
    data.error(diags, pointer, std::string("verwacht ") + dutch_type(type) + ", niet " + dutch_type(type_name(v)));
    return null_json();
  }
  return v;
}

std::string Handreiking::text(const std::string& pointer, Diagnostics& diags, const std::set<std::string>& names) const {
  const json& v = value(pointer, "string", diags);
  if (!v.is_string()) return "";
  std::string s = v.get<std::string>();
  if (s.empty()) data.error(diags, pointer, "tekst is leeg");
  // {name}: a-z and _ only, so a heading attribute such as {#tip} is not a placeholder.
  static const std::regex placeholder("\\{([a-z_]+)\\}");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), placeholder); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[1];
    if (names.count(name)) continue;
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + ("{" + n + "}");
    data.error(diags, pointer,
               "onbekende plaatshouder {" + name + "}" + (known.empty() ? " (deze tekst heeft er geen)" : " (bekend: " + known + ")"));
  }
  return s;
}

std::string Handreiking::fill(const std::string& pointer, const std::map<std::string, std::string>& values,
                              Diagnostics& diags) const {
  std::set<std::string> names;
  for (const auto& [k, v] : values) names.insert(k);
  std::string s = text(pointer, diags, names);
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '{') {
      const size_t close = s.find('}', i);
      if (close != std::string::npos) {
        auto it = values.find(s.substr(i + 1, close - i - 1));
        if (it != values.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += s[i++];
  }
  return out;
}

std::optional<Handreiking> read(const SourceTree& tree, const std::string& path, Diagnostics& diags) {
  Diagnostics local;
  auto file = load_data_file(tree, path, local);
  if (!file) {
    for (const auto& d : local.sorted()) diags.add(d);
    return std::nullopt;
  }
  Handreiking h;
  h.path = path;
  h.data = std::move(*file);
  for (const auto& d : local.sorted()) diags.add(d);
  Reader(h, diags).read();
  return h;
}

std::string slug(const std::string& id) {
  std::string out = id;
  for (char& c : out)
    if (c == '_') c = '-';
  return out;
}

std::string lower(const std::string& text) {
  std::string out = text;
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {  // U+00C0…U+00DE, except U+00D7 (×)
      unsigned char d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

}  // namespace wijzer::handreiking
