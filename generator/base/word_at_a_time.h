// Tests on eight bytes at once (one uint64_t, first byte lowest), for scans that look for a few
// byte values in long texts: most eight-byte words hold none, and skip in one step.
#pragma once
#include <cstdint>
#include <cstring>

namespace wijzer {

/// The eight bytes at `p` as one word, first byte lowest.
inline uint64_t load8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

/// Whether any byte of `word` is `c` (the "has a zero byte" test on word ^ c: exact as a yes/no).
inline bool has_byte(uint64_t word, unsigned char c) {
  const uint64_t x = word ^ (0x0101010101010101ull * c);
  return ((x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull) != 0;
}

/// Whether any byte of `word` is below `n` (n at most 128).
inline bool has_byte_below(uint64_t word, unsigned char n) {
  return ((word - 0x0101010101010101ull * n) & ~word & 0x8080808080808080ull) != 0;
}

}  // namespace wijzer
