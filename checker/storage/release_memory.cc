#include "checker/storage/release_memory.h"

#include <cstddef>  // (first: it defines __GLIBC__)
#ifdef __GLIBC__
#include <malloc.h>
#endif

// jemalloc's control interface, when jemalloc is the allocator (the
// crosscheck binary links it; tests do not): null otherwise.
extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp, size_t newlen)
    __attribute__((weak));

namespace crosscheck {

void ReleaseFreeMemory() {
  if (mallctl != nullptr) {
    // "arena.<MALLCTL_ARENAS_ALL>.purge": every arena's unused pages.
    mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
    return;
  }
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

}  // namespace crosscheck
