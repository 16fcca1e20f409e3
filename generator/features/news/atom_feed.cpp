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

std::string atom_feed(const Feed& feed) {
  std::string newest;
  for (const auto& e : feed.entries)
    if (e.date > newest) newest = e.date;
  std::string out;
  out.reserve(1024 + feed.entries.size() * 400);
  out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <id>";
  append_uuid(out, feed.key);
  out += "</id>\n  <title>";
  append_xml(out, feed.title);
  out += "</title>\n  <updated>";
  append_timestamp(out, newest);
  out += "</updated>\n  <author><name>";
  append_xml(out, feed.author);
  out += "</name></author>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"";
  append_xml(out, feed.self_href);
  out += "\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"";
  append_xml(out, feed.page_href);
  out += "\"/>\n";
  for (const auto& e : feed.entries) {
    out += "  <entry>\n    <id>";
    append_uuid(out, e.key);
    out += "</id>\n    <title>";
    append_xml(out, e.title);
    out += "</title>\n    <updated>";
    append_timestamp(out, e.date);
    out += "</updated>\n    <link rel=\"alternate\" type=\"text/html\" href=\"";
    append_xml(out, e.href);
    out += "\"/>\n";
    if (!e.summary.empty()) {
      out += "    <summary>";
      append_xml(out, e.summary);
      out += "</summary>\n";
    }
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace wijzer
