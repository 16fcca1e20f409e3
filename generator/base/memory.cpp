#include "memory.h"

#include <cstddef>

// Weak: the libraries and the tests run without jemalloc (sanitizer builds bring their own).
extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp, size_t newlen) __attribute__((weak));

namespace wijzer {

void return_free_memory() {
  if (mallctl) mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);  // 4096: MALLCTL_ARENAS_ALL
}

}  // namespace wijzer
