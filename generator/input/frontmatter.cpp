#include "frontmatter.h"

#include <array>
#include <regex>

#include "text.h"
#include "yaml_json.h"

namespace wijzer {
namespace {

/// Finds the closing `---` (or `...`) line; returns the offset of that line or npos.
size_t find_closing_fence(const std::string& text, size_t from, size_t& after) {
  size_t pos = from;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    size_t end = eol == std::string::npos ? text.size() : eol;
    std::string line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "---" || line == "...") {
      after = eol == std::string::npos ? text.size() : eol + 1;
      return pos;
    }
    if (eol == std::string::npos) break;
    pos = eol + 1;
  }
  return std::string::npos;
}

int count_lines(const std::string& text, size_t upto) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + upto, '\n'));
}

/// The two digits at `i` as a number (checked by valid_iso_date).
int two_digits(const std::string& s, size_t i) { return (s[i] - '0') * 10 + (s[i + 1] - '0'); }

bool valid_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  const int year = two_digits(s, 0) * 100 + two_digits(s, 2), month = two_digits(s, 5), day = two_digits(s, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);  // 2026-02-31 is no date
}

/// Where a key of the front matter sits in the file (its first occurrence), for error locations.
std::pair<int, int> key_location(const std::vector<YamlPosition>& keys, const std::string& key, int offset) {
  std::string pointer = "/";  // (not "/" + …: GCC 12 warns falsely, -Wrestrict)
  pointer += pointer_token(key);
  for (const auto& p : keys)
    if (p.pointer == pointer) return {p.line + offset, p.col};
  return {1, 1};
}

void read_known_fields(const std::vector<YamlPosition>& keys, FrontMatter& meta, const std::string& path, int offset,
                       Diagnostics& diags) {
  auto where = [&](const std::string& key) { return key_location(keys, key, offset); };
  auto bad = [&](const std::string& key, const std::string& msg) {
    auto [line, col] = where(key);
    diags.error(path, line, col, "'" + key + "' " + msg);
  };
  const auto& f = meta.fields;
  if (!f.contains("title")) {
    diags.error(path, 1, 1, "front matter mist het verplichte veld 'title'");
  } else if (!f["title"].is_string() || f["title"].get<std::string>().empty()) {
    bad("title", "moet een niet-lege tekst zijn");
  } else {
    meta.title = f["title"].get<std::string>();
  }
  if (f.contains("description")) {
    if (f["description"].is_string()) meta.description = f["description"].get<std::string>();
    else bad("description", "moet een tekst zijn");
  }
  if (f.contains("weight")) {
    if (f["weight"].is_number_integer()) meta.weight = f["weight"].get<long long>();
    else bad("weight", "moet een geheel getal zijn");
  }
  if (f.contains("draft")) {
    if (f["draft"].is_boolean()) meta.draft = f["draft"].get<bool>();
    else bad("draft", "moet true of false zijn");
  }
  if (f.contains("template")) {
    static const std::regex name(R"([a-z0-9][a-z0-9_-]*)");
    if (f["template"].is_string() && std::regex_match(f["template"].get<std::string>(), name))
      meta.template_name = f["template"].get<std::string>();
    else bad("template", "moet de naam van een template zijn (a-z, 0-9, '-', '_')");
  }
  if (f.contains("bronnen")) {
    const auto& b = f["bronnen"];
    if (b.is_string()) {
      meta.bronnen.push_back(b.get<std::string>());
    } else if (b.is_array() && std::all_of(b.begin(), b.end(), [](const auto& x) { return x.is_string(); })) {
      for (const auto& x : b) meta.bronnen.push_back(x.get<std::string>());
    } else {
      bad("bronnen", "moet een lijst van teksten zijn");
    }
  }
  // Hugo's lastmod/date carry over when bijgewerkt is absent.
  for (const char* key : {"bijgewerkt", "lastmod", "date"}) {
    if (!f.contains(key)) continue;
    std::string value = f[key].is_string() ? f[key].get<std::string>() : "";
    if (value.size() > 10 && value[10] == 'T') value = value.substr(0, 10);
    if (!valid_iso_date(value)) {
      bad(key, "moet een datum zijn in de vorm JJJJ-MM-DD");
    } else if (meta.bijgewerkt.empty()) {
      meta.bijgewerkt = value;
    }
  }
}

}  // namespace

SourceDocument parse_document(const std::string& text, const std::string& path, Diagnostics& diags) {
  return parse_document(std::string(text), path, diags);
}

SourceDocument parse_document(std::string&& text, const std::string& path, Diagnostics& diags) {
  SourceDocument doc;
  // The body keeps the file's buffer, the front matter cut off in place: no second copy of every
  // page (30 MB on a 10,000-page site, in memory the kernel must first hand out).
  auto take_body = [&](size_t begin) {
    text.erase(0, begin);
    doc.body = std::move(text);
  };
  size_t start = 0;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;  // UTF-8 BOM
  const bool has_fence = text.compare(start, 3, "---") == 0 &&
                         (text.size() == start + 3 || text[start + 3] == '\n' || text[start + 3] == '\r');
  if (!has_fence) {
    diags.error(path, 1, 1, "front matter ontbreekt: begin het bestand met '---', dan 'title: …', dan '---'");
    take_body(start);
    return doc;
  }
  size_t yaml_begin = text.find('\n', start);
  yaml_begin = yaml_begin == std::string::npos ? text.size() : yaml_begin + 1;
  size_t body_begin = 0;
  size_t close = find_closing_fence(text, yaml_begin, body_begin);
  if (close == std::string::npos) {
    diags.error(path, 1, 1, "front matter wordt niet afgesloten met een regel '---'");
    return doc;
  }
  const std::string yaml = text.substr(yaml_begin, close - yaml_begin);
  const int offset = 1;  // the opening fence line
  doc.body_line = count_lines(text, body_begin);
  const size_t bad = invalid_utf8(yaml);
  if (bad != std::string::npos) {
    const size_t at = yaml_begin + bad, line_start = text.rfind('\n', at);
    const int col = static_cast<int>(line_start == std::string::npos ? at + 1 : at - line_start);
    diags.error(path, count_lines(text, at), col, "front matter is geen geldige UTF-8 (sla het bestand op als UTF-8)");
  }
  take_body(body_begin);
  if (bad != std::string::npos) return doc;
  try {
    YamlOptions options;
    options.max_nodes = yaml_node_budget(yaml.size());
    options.map_root_only = true;
    options.positions = YamlPositions::top_keys;
    YamlDocument root = parse_yaml(yaml, options);
    if (root.root == YamlDocument::Root::map) {
      doc.meta.fields = std::move(root.value);
    } else if (root.root == YamlDocument::Root::sequence || !root.value.is_null()) {
      diags.error(path, 2, 1, "front matter moet uit 'sleutel: waarde'-regels bestaan");
      return doc;
    }  // else empty, or a lone null: no fields
    read_known_fields(root.positions, doc.meta, path, offset, diags);
  } catch (const YamlError& e) {
    diags.error(path, e.line + offset, e.col, std::string("ongeldige YAML in front matter: ") + e.what());
  }
  return doc;
}

std::string dutch_date(const std::string& iso) {
  static const std::array<const char*, 12> months = {"januari", "februari", "maart",     "april",
                                                     "mei",     "juni",     "juli",      "augustus",
                                                     "september", "oktober", "november", "december"};
  if (!valid_iso_date(iso)) return "";
  // Every page's footer and the news list show a date: no stoi, no temporaries.
  const int month = two_digits(iso, 5), day = two_digits(iso, 8);
  std::string out;
  out.reserve(20);
  out += std::to_string(day);
  out += ' ';
  out += months[month - 1];
  out += ' ';
  out.append(iso, 0, 4);
  return out;
}

}  // namespace wijzer
