#include "leidraad_html.h"

#include <algorithm>

namespace wijzer {
namespace {

bool starts_at(const std::string& s, size_t at, const char* text) { return s.compare(at, std::char_traits<char>::length(text), text) == 0; }

}  // namespace

std::string into_document(const std::string& html, int shift, const std::string& prefix, const std::string& label_suffix,
                          const std::function<std::string(const std::string&)>& reference) {
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  std::string pending;  // the reference to write after the current link's </a>
  for (size_t i = 0; i < html.size();) {
    // <h2 … </h2>: cmark writes headings as "<hN" and "</hN>".
    if (html[i] == '<' && i + 2 < html.size()) {
      const bool closing = html[i + 1] == '/';
      const size_t h = i + (closing ? 2 : 1);
      if (h + 1 < html.size() && html[h] == 'h' && html[h + 1] >= '1' && html[h + 1] <= '6' &&
          (h + 2 >= html.size() || html[h + 2] == '>' || html[h + 2] == ' ')) {
        const int level = std::min(6, html[h + 1] - '0' + shift);
        out += closing ? "</h" : "<h";
        out += static_cast<char>('0' + level);
        i = h + 2;
        continue;
      }
      if (closing && starts_at(html, i, "</a>") && !pending.empty()) {
        out += "</a>" + pending;
        pending.clear();
        i += 4;
        continue;
      }
    }
    if (starts_at(html, i, " id=\"")) {
      out += " id=\"" + prefix + "-";
      i += 5;
      continue;
    }
    if (starts_at(html, i, " aria-label=\"")) {
      const size_t end = html.find('"', i + 13);
      out.append(html, i, end - i);
      out += label_suffix;
      i = end;
      continue;
    }
    if (starts_at(html, i, " href=\"#")) {
      i += 8;
      if (i < html.size() && html[i] == kDocumentLink) {
        const size_t end = html.find('"', i);
        const std::string target = html.substr(i + 1, end - i - 1);
        out += " href=\"#" + target;
        pending = reference(target);
        i = end;
      } else {
        out += " href=\"#" + prefix + "-";
      }
      continue;
    }
    out += html[i++];
  }
  return out;
}

}  // namespace wijzer
