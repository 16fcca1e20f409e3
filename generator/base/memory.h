#pragma once

namespace wijzer {

/// Gives memory the allocator holds free back to the system, where it can (jemalloc, which the
/// wijzer binary links: each thread's arena keeps what it freed). A build calls it after letting
/// go of what it no longer needs, so a later peak (the search index) does not stack on top.
void return_free_memory();

}  // namespace wijzer
