#include "cmark_arena.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

namespace wijzer {
namespace {

constexpr size_t kAlign = alignof(std::max_align_t);
constexpr size_t kHeader = kAlign;              ///< each allocation's size sits right before it
constexpr size_t kFirstBlock = size_t{32} << 10;  ///< a short page needs about this much
constexpr size_t kMaxBlock = size_t{1} << 20;

thread_local CmarkArena* current = nullptr;

size_t round_up(size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

size_t& size_of(void* p) { return *reinterpret_cast<size_t*>(static_cast<std::byte*>(p) - kHeader); }

CmarkArena& arena() {
  // A call into cmark-gfm outside a Scope would put memory where nothing frees it.
  if (!current) {
    std::fputs("wijzer: cmark-gfm allocated outside a CmarkArena::Scope\n", stderr);
    std::abort();
  }
  return *current;
}

void* arena_calloc(size_t count, size_t size) {
  size_t bytes;
  if (__builtin_mul_overflow(count, size, &bytes) || bytes > SIZE_MAX / 2) return nullptr;  // cmark-gfm aborts on nullptr
  // A tail call: cmark-gfm calls this for every node and buffer (about 350 times a page).
  return std::memset(arena().allocate(bytes), 0, bytes);
}
void* arena_realloc(void* p, size_t size) { return arena().reallocate(p, size); }
void arena_free(void* p) {
  if (p) arena().release(p);
}

cmark_mem kMem = {arena_calloc, arena_realloc, arena_free};

}  // namespace

CmarkArena::CmarkArena() = default;
CmarkArena::~CmarkArena() = default;

cmark_mem* CmarkArena::mem() { return &kMem; }

CmarkArena::Scope::Scope(CmarkArena& arena) : previous_(current) { current = &arena; }
CmarkArena::Scope::~Scope() { current = previous_; }

void CmarkArena::add_block(size_t need) {
  // Blocks double up to 1 MiB; a larger request gets a block of its own size.
  size_t block = blocks_.empty() ? kFirstBlock : std::min(kMaxBlock, reserved_);
  if (block < need) block = need;
  blocks_.emplace_back(new std::byte[block]);
  reserved_ += block;
  next_ = blocks_.back().get();
  end_ = next_ + block;
}

void* CmarkArena::allocate(size_t size) {
  const size_t need = kHeader + round_up(size ? size : 1);
  if (static_cast<size_t>(end_ - next_) < need) [[unlikely]] add_block(need);
  std::byte* p = next_ + kHeader;
  next_ += need;
  last_ = p;
  size_of(p) = size;
  return p;
}

void* CmarkArena::reallocate(void* old, size_t size) {
  if (!old) return allocate(size);
  const size_t had = size_of(old);
  // cmark-gfm grows its buffers by reallocating: the newest allocation grows where it is.
  if (old == last_) {
    std::byte* start = static_cast<std::byte*>(old);
    const size_t need = round_up(size ? size : 1);
    if (static_cast<size_t>(end_ - start) >= need) {
      next_ = start + need;
      size_of(old) = size;
      return old;
    }
  }
  void* fresh = allocate(size);
  std::memcpy(fresh, old, had < size ? had : size);
  return fresh;
}

void CmarkArena::release(void* p) {
  // Only the newest allocation can be given back; the rest goes with the arena.
  if (p != last_) return;
  next_ = static_cast<std::byte*>(p) - kHeader;
  last_ = nullptr;
}

}  // namespace wijzer
