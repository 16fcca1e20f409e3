#pragma once
#include <cstddef>
#include <memory>
#include <vector>

struct cmark_mem;

namespace wijzer {

/// The memory of one parsed markdown body: cmark-gfm's allocations (nodes, buffers, the parser,
/// the rendered HTML) come from large blocks that are dropped together, instead of a malloc and a
/// free per node. cmark-gfm's own arena (cmark_get_arena_mem_allocator) is one for the whole
/// process without a lock, so pages parsing on several threads cannot use it.
class CmarkArena {
 public:
  CmarkArena();
  ~CmarkArena();
  CmarkArena(const CmarkArena&) = delete;
  CmarkArena& operator=(const CmarkArena&) = delete;

  /// The allocator to hand to cmark-gfm. Its functions take no context, so they allocate from the
  /// arena of the innermost Scope on the calling thread: hold one around every call into cmark-gfm
  /// that may allocate (parsing, node getters and setters, iterators, rendering).
  static cmark_mem* mem();

  /// Makes `arena` the one this thread's cmark-gfm calls allocate from, until it ends.
  class Scope {
   public:
    explicit Scope(CmarkArena& arena);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    CmarkArena* previous_;
  };

  /// Bytes taken from the system so far (blocks), for tests.
  size_t reserved() const { return reserved_; }

  void* allocate(size_t size);
  void* reallocate(void* old, size_t size);
  void release(void* p);

 private:
  /// Makes a new current block with at least `need` bytes; kept out of allocate()'s fast path.
  [[gnu::noinline]] void add_block(size_t need);

  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;  ///< free space of the current block
  std::byte* end_ = nullptr;
  std::byte* last_ = nullptr;  ///< the newest allocation (grown or given back in place)
  size_t reserved_ = 0;
};

}  // namespace wijzer
