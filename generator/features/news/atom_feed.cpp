#include "atom_feed.h"

#include <cstdint>
#include <cstdio>

#include "text.h"

namespace wijzer {
namespace {

/// Appends text or an attribute value escaped for XML (&, <, >, "; an apostrophe stays).
void append_xml(std::string& out, const std::string& text) { append_html_escaped(out, text, "'"); }

/// 64-bit FNV-1a with a seed: two seeds give the 128 bits of a uuid.
uint64_t fnv(const std::string& text, uint64_t seed) {
  uint64_t h = 14695981039346656037ull ^ seed;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

void append_timestamp(std::string& out, const std::string& date) {
  out += date.empty() ? "2026-01-01" : date;
  out += "T00:00:00Z";
}

/// Appends `value`'s lowest `digits` hex digits.
void append_hex(std::string& out, uint64_t value, int digits) {
  static const char kHex[] = "0123456789abcdef";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 15];
}

void append_uuid(std::string& out, const std::string& key) {
  uint64_t hi = fnv(key, 0), lo = fnv(key, 0x9e3779b97f4a7c15ull);
  hi = (hi & ~0xf000ull) | 0x8000ull;                         // version 8
  lo = (lo & 0x3fffffffffffffffull) | 0x8000000000000000ull;  // variant 10
  out += "urn:uuid:";
  append_hex(out, hi >> 32, 8);
  out += '-';
  append_hex(out, hi >> 16, 4);
  out += '-';
  append_hex(out, hi, 4);
  out += '-';
  append_hex(out, lo >> 48, 4);
  out += '-';
  append_hex(out, lo, 12);
}

}  // namespace

std::string feed_uuid(const std::string& key) {
  std::string out;
  append_uuid(out, key);
  return out;
}

namespace {

/// `<tag>text</tag>` on a line of its own, the text escaped.
void append_element(std::string& out, const char* indent, const char* tag, const std::string& text) {
  out.append(indent).append("<").append(tag).append(">");
  append_xml(out, text);
  out.append("</").append(tag).append(">\n");
}

/// `<link rel=… type=… href=…/>` on a line of its own.
void append_link(std::string& out, const char* indent, const char* rel, const char* type, const std::string& href) {
  out.append(indent).append("<link rel=\"").append(rel).append("\" type=\"").append(type).append("\" href=\"");
  append_xml(out, href);
  out += "\"/>\n";
}

void append_uuid_element(std::string& out, const char* indent, const std::string& key) {
  out.append(indent).append("<id>");
  append_uuid(out, key);
  out += "</id>\n";
}

void append_updated(std::string& out, const char* indent, const std::string& date) {
  out.append(indent).append("<updated>");
  append_timestamp(out, date);
  out += "</updated>\n";
}

}  // namespace

std::string atom_feed(const Feed& feed) {
  std::string newest;
  for (const auto& e : feed.entries)
    if (e.date > newest) newest = e.date;
  std::string out;
  out.reserve(1024 + feed.entries.size() * 400);
  out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  append_uuid_element(out, "  ", feed.key);
  append_element(out, "  ", "title", feed.title);
  append_updated(out, "  ", newest);
  out += "  <author><name>";
  append_xml(out, feed.author);
  out += "</name></author>\n";
  append_link(out, "  ", "self", "application/atom+xml", feed.self_href);
  append_link(out, "  ", "alternate", "text/html", feed.page_href);
  for (const auto& e : feed.entries) {
    out += "  <entry>\n";
    append_uuid_element(out, "    ", e.key);
    append_element(out, "    ", "title", e.title);
    append_updated(out, "    ", e.date);
    append_link(out, "    ", "alternate", "text/html", e.href);
    if (!e.summary.empty()) append_element(out, "    ", "summary", e.summary);
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace wijzer
