#include "links.h"


#include "paths.h"
#include "text.h"

namespace wijzer {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(const std::string& s) {
  if (s.find('%') == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const int high = s[i] == '%' && i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
    const int low = high >= 0 ? hex_value(s[i + 2]) : -1;
    if (low >= 0) {
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// The lowercased scheme of a URL ("https" of "HTTPS://…"), or empty for a relative URL. Read the
/// way browsers do (WHATWG URL): leading controls and spaces are skipped and tabs and newlines
/// anywhere are ignored, so "java\tscript:" is javascript:.
std::string url_scheme(const std::string& raw) {
  // Read in place: most links are relative and end at their first character.
  size_t i = 0;
  while (i < raw.size() && static_cast<unsigned char>(raw[i]) <= 0x20) ++i;
  std::string scheme;
  for (; i < raw.size(); ++i) {
    const unsigned char c = raw[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (scheme.empty() ? !std::isalpha(c) : c != ':' && !std::isalnum(c) && c != '+' && c != '.' && c != '-') return "";
    if (c == ':') return scheme;
    scheme += static_cast<char>(std::tolower(c));
  }
  return "";
}

/// ", bedoel je '#client-werkgever'?" when the fragment was written as heading text.
std::string suggest_anchor(const Page& target, const std::string& fragment) {
  const std::string slug = slugify(fragment);
  return target.anchors.count(slug) ? ", bedoel je '#" + slug + "'?" : "";
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

LinkResolver::LinkResolver(const ContentTree& content)
    : content_(content), static_files_(content.static_files.begin(), content.static_files.end()) {}

std::string LinkResolver::resolve(const Page& from, const std::string& url, int line, int col, bool is_image,
                                  Diagnostics& diags, std::vector<AnchorCheck>& later) const {
  const int file_line = from.body_line + line - 1;
  auto fail = [&](const std::string& message) {
    diags.error(from.file, file_line, col, message);
    return std::string();
  };
  if (url.empty()) return fail("link zonder doel");
  const std::string name = url_scheme(url);
  if (!name.empty() || url.rfind("//", 0) == 0) {
    if (is_image) return fail("afbeelding van een andere host ('" + url + "'): zet het bestand in content/");
    if (name == "http" || name == "https" || name == "mailto" || name == "tel") return url;
    return fail("link met niet-toegestaan schema '" + (name.empty() ? url : name + ":") + "'");
  }
  if (url[0] == '/') return fail("link '" + url + "' begint met '/': gebruik een pad relatief aan dit bestand");

  std::string path = url, fragment;
  if (size_t hash = url.find('#'); hash != std::string::npos) {
    path = url.substr(0, hash);
    fragment = url.substr(hash + 1);
  }
  if (path.find('?') != std::string::npos) return fail("link '" + url + "' bevat een '?': dat werkt niet vanaf schijf");

  if (path.empty()) {  // an anchor on this page
    if (!from.anchors.count(percent_decode(fragment)))
      return fail("onbekend anker '#" + fragment + "' op deze pagina" + suggest_anchor(from, percent_decode(fragment)));
    return url;
  }
  auto target = resolve_relative(from.source, percent_decode(path));
  if (!target) return fail("link '" + url + "' wijst buiten content/");

  if (ends_with(*target, ".md") || target->empty() || target->back() == '/') {
    int index = content_.lookup(*target);
    if (index < 0) return fail("link naar onbekende pagina '" + path + "' (content/" + *target + " bestaat niet)");
    const Page& page = content_.pages[index];
    if (&page == &from && !fragment.empty() && !from.anchors.count(percent_decode(fragment)))
      return fail("onbekend anker '#" + fragment + "' op deze pagina" + suggest_anchor(from, percent_decode(fragment)));
    if (&page != &from && !fragment.empty()) later.push_back({index, percent_decode(fragment), file_line, col});
    std::string out = relative_url(from.output, page.output);
    if (!fragment.empty()) out.append(1, '#').append(fragment);
    return out;
  }
  if (!static_files_.count(*target))
    return fail("link naar onbekend bestand '" + path + "' (content/" + *target + " bestaat niet)");
  if (!fragment.empty()) return fail("anker in een link naar een bestand: '" + url + "'");
  return relative_url(from.output, *target);
}

void LinkResolver::check_anchors(const Page& from, const std::vector<AnchorCheck>& checks, Diagnostics& diags) const {
  for (const auto& check : checks) {
    const Page& target = content_.pages[check.target];
    if (!target.anchors.count(check.fragment))
      diags.error(from.file, check.line, check.col,
                  "onbekend anker '#" + check.fragment + "' in " + target.source + suggest_anchor(target, check.fragment));
  }
}

}  // namespace wijzer
