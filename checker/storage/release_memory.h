// Hands memory the process has freed back to the system.
//
// Allocators keep freed pages for reuse (jemalloc for some seconds, glibc in
// the middle of its heap until trimmed), so a stage that frees most of what
// it parsed still counts it in the process's resident memory. Stages that
// free a large part of the heap call this once they have.
#ifndef CROSSCHECK_CHECKER_STORAGE_RELEASE_MEMORY_H_
#define CROSSCHECK_CHECKER_STORAGE_RELEASE_MEMORY_H_

namespace crosscheck {

// With jemalloc (linked into the crosscheck binary): purges every arena's
// unused pages. Otherwise, with glibc: malloc_trim(0). Cheap when little is
// free; thread-safe.
void ReleaseFreeMemory();

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_STORAGE_RELEASE_MEMORY_H_
