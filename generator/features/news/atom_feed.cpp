#include "atom_feed.h"

#include <cstdint>
#include <cstdio>

namespace wijzer {
namespace {

/// Text and attribute values escaped for XML.
std::string xml(const std::string& text) {
  std::string out;
  for (char c : text) switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  return out;
}

/// 64-bit FNV-1a with a seed: two seeds give the 128 bits of a uuid.
uint64_t fnv(const std::string& text, uint64_t seed) {
  uint64_t h = 14695981039346656037ull ^ seed;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string timestamp(const std::string& date) { return (date.empty() ? "2026-01-01" : date) + "T00:00:00Z"; }

}  // namespace

std::string feed_uuid(const std::string& key) {
  uint64_t hi = fnv(key, 0), lo = fnv(key, 0x9e3779b97f4a7c15ull);
  hi = (hi & ~0xf000ull) | 0x8000ull;                           // version 8
  lo = (lo & 0x3fffffffffffffffull) | 0x8000000000000000ull;    // variant 10
  char buf[64];
  std::snprintf(buf, sizeof buf, "urn:uuid:%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xffff), static_cast<unsigned>(hi & 0xffff),
                static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xffffffffffffull));
  return buf;
}

std::string atom_feed(const Feed& feed) {
  std::string newest;
  for (const auto& e : feed.entries)
    if (e.date > newest) newest = e.date;
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out += "  <id>" + feed_uuid(feed.key) + "</id>\n";
  out += "  <title>" + xml(feed.title) + "</title>\n";
  out += "  <updated>" + timestamp(newest) + "</updated>\n";
  out += "  <author><name>" + xml(feed.author) + "</name></author>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml(feed.self_href) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml(feed.page_href) + "\"/>\n";
  for (const auto& e : feed.entries) {
    out += "  <entry>\n";
    out += "    <id>" + feed_uuid(e.key) + "</id>\n";
    out += "    <title>" + xml(e.title) + "</title>\n";
    out += "    <updated>" + timestamp(e.date) + "</updated>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml(e.href) + "\"/>\n";
    if (!e.summary.empty()) out += "    <summary>" + xml(e.summary) + "</summary>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace wijzer
