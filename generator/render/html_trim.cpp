#include "html_trim.h"

#include <cstring>

namespace wijzer {

void trim_line_ends(std::string& html) {
  const size_t size = html.size();
  char* data = html.data();
  size_t out = 0, pos = 0;
  auto copy = [&](size_t from, size_t count) {
    if (out != from) std::memmove(data + out, data + from, count);
    out += count;
  };
  while (pos < size) {
    size_t pre = html.find("<pre", pos);
    size_t stop = pre == std::string::npos ? size : pre;
    // Copy line by line up to the next <pre>, trimming each line's end.
    while (pos < stop) {
      const void* nl = std::memchr(data + pos, '\n', stop - pos);
      if (!nl) {
        copy(pos, stop - pos);
        pos = stop;
        break;
      }
      const size_t eol = static_cast<const char*>(nl) - data;
      size_t end = eol;
      while (end > pos && (data[end - 1] == ' ' || data[end - 1] == '\t')) --end;
      copy(pos, end - pos);
      data[out++] = '\n';
      pos = eol + 1;
    }
    if (pre == std::string::npos) break;
    size_t close = html.find("</pre>", pre);
    close = close == std::string::npos ? size : close + 6;
    copy(pre, close - pre);
    pos = close;
  }
  html.resize(out);
}

}  // namespace wijzer
