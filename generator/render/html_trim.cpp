#include "html_trim.h"

#include <algorithm>
#include <cstring>

namespace wijzer {

namespace {

/// Line by line: each line's end trimmed up to the next <pre>, the <pre> block copied as it is.
void trim_line_by_line(std::string& html) {
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

}  // namespace

void trim_line_ends(std::string& html) {
  // strstr finds " \n", "\t\n" and "<pre" with SSE2, where the walk above calls memchr at every
  // line and every '<'; it stops at a NUL, so a page holding one takes the walk.
  if (std::memchr(html.data(), '\0', html.size())) return trim_line_by_line(html);
  const size_t size = html.size();
  char* data = html.data();
  auto find = [&](size_t from, const char* needle) {
    const char* at = from < size ? std::strstr(data + from, needle) : nullptr;
    return at ? static_cast<size_t>(at - data) : size;
  };
  size_t out = 0, pos = 0;
  auto copy = [&](size_t from, size_t count) {
    if (out != from) std::memmove(data + out, data + from, count);
    out += count;
  };
  // The next space and tab before a line end, and the next <pre>, at or after `pos`.
  size_t space = find(0, " \n"), tab = find(0, "\t\n"), pre = find(0, "<pre");
  for (;;) {
    const size_t blank = std::min(space, tab);
    if (blank == size) break;
    if (pre < blank) {
      size_t close = find(pre, "</pre>");
      close = close == size ? size : close + 6;
      copy(pos, close - pos);
      pos = close;
      if (space < pos) space = find(pos, " \n");
      if (tab < pos) tab = find(pos, "\t\n");
      pre = find(pos, "<pre");
      continue;
    }
    size_t start = blank;  // the line's trailing spaces and tabs, back to where copying stands
    while (start > pos && (data[start - 1] == ' ' || data[start - 1] == '\t')) --start;
    copy(pos, start - pos);
    pos = blank + 1;  // the '\n', copied with what follows
    if (space < pos) space = find(pos, " \n");
    if (tab < pos) tab = find(pos, "\t\n");
  }
  copy(pos, size - pos);
  html.resize(out);
}

}  // namespace wijzer
