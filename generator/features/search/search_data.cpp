#include "search_data.h"

#include <algorithm>
#include <set>

#include "data_file.h"
#include "search_index.h"

namespace wijzer::search {
namespace {

/// The stems of a text's words, stop words left out (the index has none of them).
std::vector<std::string> stems_of(std::string_view text) {
  std::vector<std::string> out;
  for (const std::string& w : words(text))
    if (!is_stop_word(w)) out.push_back(stem(w));
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

/// Adds `alternatives` to the synonyms of `key` (not the key itself, no duplicates).
void add_synonyms(QueryData& data, const std::string& key, const std::vector<std::string>& alternatives) {
  auto& list = data.synonyms[key];
  for (const auto& a : alternatives)
    if (a != key && std::find(list.begin(), list.end(), a) == list.end()) list.push_back(a);
  if (list.empty()) data.synonyms.erase(key);
}

/// A list of non-empty texts at `pointer`, or an error.
std::vector<std::pair<std::string, std::string>> texts(const DataFile& file, const nlohmann::json& value,
                                                       const std::string& pointer, Diagnostics& diags) {
  std::vector<std::pair<std::string, std::string>> out;  // (text, its pointer)
  if (!value.is_array()) {
    file.error(diags, pointer, "verwacht een lijst van teksten");
    return out;
  }
  for (size_t i = 0; i < value.size(); ++i) {
    const std::string at = pointer + "/" + std::to_string(i);
    if (!value[i].is_string() || words(value[i].get<std::string>()).empty())
      file.error(diags, at, "verwacht een tekst met minstens één woord");
    else
      out.emplace_back(value[i].get<std::string>(), at);
  }
  return out;
}

void read_synonyms(const DataFile& file, const nlohmann::json& list, QueryData& data, Diagnostics& diags) {
  if (!list.is_array()) return file.error(diags, "/synoniemen", "\"synoniemen\" is een lijst van {\"woorden\", \"ook\"}");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string pointer = "/synoniemen/" + std::to_string(i);
    const auto& entry = list[i];
    if (!entry.is_object() || !entry.contains("woorden") || !entry.contains("ook")) {
      file.error(diags, pointer, "een synoniem is een object met \"woorden\" en \"ook\"");
      continue;
    }
    for (const auto& [key, value] : entry.items())
      if (key != "woorden" && key != "ook") file.error(diags, pointer + "/" + key, "onbekend veld '" + key + "'");
    std::vector<std::string> alternatives;
    for (const auto& [text, at] : texts(file, entry["ook"], pointer + "/ook", diags)) {
      std::vector<std::string> s = stems_of(text);
      if (s.size() > 1 && text.find(' ') == std::string::npos) {  // "no-riskpolis": indexed joined too
        std::string whole;
        for (const auto& w : words(text)) whole += w;
        s = {stem(whole)};
      }
      if (s.size() != 1) file.error(diags, at, "'" + text + "' moet één woord zijn (geen stopwoord)");
      else alternatives.push_back(s[0]);
    }
    for (const auto& [text, at] : texts(file, entry["woorden"], pointer + "/woorden", diags)) {
      std::vector<std::string> s = stems_of(text);
      if (s.empty() || s.size() > 4) file.error(diags, at, "'" + text + "' moet één tot vier zoekwoorden hebben");
      else add_synonyms(data, joined(s), alternatives);
    }
  }
}

void read_weights(const DataFile& file, const nlohmann::json& list, QueryData& data, Diagnostics& diags) {
  if (!list.is_array()) return file.error(diags, "/gewichten", "\"gewichten\" is een lijst van {\"pad\", \"gewicht\"}");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string pointer = "/gewichten/" + std::to_string(i);
    const auto& entry = list[i];
    const bool ok = entry.is_object() && entry.contains("pad") && entry["pad"].is_string() &&
                    !entry["pad"].get<std::string>().empty() && entry.contains("gewicht") && entry["gewicht"].is_number();
    if (!ok) {
      file.error(diags, pointer, "een gewicht is een object met \"pad\" (tekst) en \"gewicht\" (getal)");
      continue;
    }
    const double weight = entry["gewicht"].get<double>();
    if (weight < 0.1 || weight > 5) {
      file.error(diags, pointer + "/gewicht", "een gewicht ligt tussen 0,1 en 5");
      continue;
    }
    data.weights.push_back({entry["pad"].get<std::string>(), weight});
  }
}

}  // namespace

QueryData load_query_data(const SourceTree& tree, const std::string& path, Diagnostics& diags) {
  QueryData data;
  if (!tree.read(path)) return data;
  auto file = load_data_file(tree, path, diags);
  if (!file) return data;
  if (!file->value.is_object()) {
    file->error(diags, "", "verwacht een object met \"synoniemen\", \"stopwoorden\" en \"gewichten\"");
    return data;
  }
  for (const auto& [key, value] : file->value.items()) {
    const std::string pointer = "/" + key;
    if (key == "synoniemen") {
      read_synonyms(*file, value, data, diags);
    } else if (key == "stopwoorden") {
      for (const auto& [text, at] : texts(*file, value, pointer, diags)) {
        std::vector<std::string> w = words(text);
        if (w.size() != 1) file->error(diags, at, "een stopwoord is één woord");
        else data.stop_words.push_back(w[0]);
      }
    } else if (key == "gewichten") {
      read_weights(*file, value, data, diags);
    } else if (key == "overig") {
      if (!value.is_string() || value.get<std::string>().empty()) file->error(diags, pointer, "verwacht een tekst");
      else data.other_label = value.get<std::string>();
    } else {
      file->error(diags, pointer, "onbekend veld '" + key + "' (wel: synoniemen, stopwoorden, gewichten, overig)");
    }
  }
  return data;
}

void add_glossary_synonyms(const GlossaryModel& glossary, QueryData& data) {
  for (const auto& term : glossary.terms) {
    std::vector<std::string> forms;
    auto add = [&](const std::string& text) {
      std::vector<std::string> s = stems_of(text);
      if (s.size() == 1 && std::find(forms.begin(), forms.end(), s[0]) == forms.end()) forms.push_back(s[0]);
    };
    add(term.term);
    for (const auto& v : term.variants) add(v);
    if (forms.size() < 2) continue;
    for (const auto& f : forms) add_synonyms(data, f, forms);
  }
}

bool path_matches(const std::string& pattern, const std::string& path) {
  if (!pattern.empty() && pattern.back() == '/') {
    // the folder: as many segments of `path` as the pattern has, and more after them
    const size_t segments = static_cast<size_t>(std::count(pattern.begin(), pattern.end(), '/'));
    size_t cut = 0;
    for (size_t i = 0; i < segments; ++i) {
      cut = path.find('/', cut);
      if (cut == std::string::npos) return false;
      ++cut;
    }
    return cut < path.size() && path_matches(pattern.substr(0, pattern.size() - 1), path.substr(0, cut - 1));
  }
  // '*' matches any run of characters other than '/'
  size_t p = 0, s = 0, star = std::string::npos, mark = 0;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (star != std::string::npos && path[mark] != '/') {
      p = star + 1;
      s = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::string synonyms_js(const QueryData& data) {
  std::string out = "{";
  for (const auto& [key, list] : data.synonyms) {
    if (out.size() > 1) out += ',';
    append_js_string(out, key);
    out += ":[";
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ',';
      append_js_string(out, list[i]);
    }
    out += ']';
  }
  return out + "}";
}

}  // namespace wijzer::search
