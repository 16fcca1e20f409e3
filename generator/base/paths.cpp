#include "paths.h"

#include <string.h>  // memrchr (GNU)

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <string_view>
#include <vector>

#include "word_at_a_time.h"

namespace wijzer {

std::optional<std::string> resolve_relative(const std::string& from, const std::string& relative) {
  // Views into both arguments, on a stack each thread keeps: a page resolves several links, each
  // with a few parts.
  thread_local std::vector<std::string_view> stack;
  stack.clear();
  auto each_part = [](std::string_view text, auto&& visit) {
    for (size_t begin = 0;;) {
      const size_t slash = text.find('/', begin);
      visit(text.substr(begin, slash == std::string_view::npos ? std::string_view::npos : slash - begin));
      if (slash == std::string_view::npos) return;
      begin = slash + 1;
    }
  };
  const size_t last_slash = from.rfind('/');  // the file name of `from` is not a folder
  if (last_slash != std::string::npos) each_part(std::string_view(from).substr(0, last_slash), [&](std::string_view part) { stack.push_back(part); });
  bool outside = false;
  each_part(relative, [&](std::string_view part) {
    if (part.empty() || part == ".") return;
    if (part == "..") {
      if (stack.empty()) outside = true;
      else stack.pop_back();
    } else if (!outside) {
      stack.push_back(part);
    }
  });
  if (outside) return std::nullopt;
  std::string out;
  out.reserve(from.size() + relative.size());
  for (const auto& part : stack) {
    if (!out.empty()) out += '/';
    out.append(part);
  }
  if (!relative.empty() && relative.back() == '/') out += '/';
  return out;
}

namespace {

/// The bytes a path keeps as they are in a URL (a table: every link and asset URL goes through it).
constexpr std::array<bool, 256> kUrlSafe = [] {
  std::array<bool, 256> safe{};
  for (int c = 0; c < 256; ++c)
    safe[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.' || c == '~' || c == '/';
  return safe;
}();

bool url_safe(unsigned char c) { return kUrlSafe[c]; }

void append_url_encoded(std::string& out, std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  size_t from = 0;
  for (size_t i = 0; i < path.size(); ++i) {
    const auto c = static_cast<unsigned char>(path[i]);
    if (url_safe(c)) continue;
    const char escaped[3] = {'%', hex[c >> 4], hex[c & 15]};
    out.append(path, from, i - from).append(escaped, 3);
    from = i + 1;
  }
  out.append(path, from);
}

}  // namespace

void append_relative_url(std::string& out, const std::string& from_output, const std::string& to_output) {
  // Length of the shared leading folders, up to and including the last common '/': the common
  // prefix found eight bytes at a time, then its last '/'.
  const size_t shorter = std::min(from_output.size(), to_output.size());
  size_t same = 0;
  while (same + 8 <= shorter) {
    const uint64_t diff = load8(from_output.data() + same) ^ load8(to_output.data() + same);
    if (diff) {
      same += static_cast<size_t>(std::countr_zero(diff)) / 8;
      break;
    }
    same += 8;
  }
  while (same < shorter && from_output[same] == to_output[same]) ++same;
  const void* slash = same ? memrchr(from_output.data(), '/', same) : nullptr;
  const size_t common = slash ? static_cast<size_t>(static_cast<const char*>(slash) - from_output.data()) + 1 : 0;
  const size_t ups = static_cast<size_t>(std::count(from_output.begin() + static_cast<std::ptrdiff_t>(common), from_output.end(), '/'));
  const std::string_view rest = std::string_view(to_output).substr(common);
  for (size_t i = 0; i < ups; ++i) out.append("../", 3);
  append_url_encoded(out, rest);
}

std::string relative_url(const std::string& from_output, const std::string& to_output) {
  std::string out;
  append_relative_url(out, from_output, to_output);
  return out;
}

std::string root_prefix(const std::string& output) {
  std::string out;
  for (char c : output)
    if (c == '/') out += "../";
  return out;
}

std::string url_encode_path(const std::string& path) {
  if (std::all_of(path.begin(), path.end(), [](char c) { return url_safe(static_cast<unsigned char>(c)); })) return path;
  std::string out;
  append_url_encoded(out, path);
  return out;
}

bool path_within(const std::filesystem::path& inner, const std::filesystem::path& outer) {
  auto mismatch = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return mismatch.first == outer.end();
}

}  // namespace wijzer
