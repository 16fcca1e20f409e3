// Bounds on the time hostile input may take are checked in CPU time, not wall time: on a loaded
// machine (CI with parallel jobs, a laptop compiling) wall time doubles while the work does not.
#pragma once
#include <time.h>

namespace wijzer::test {

/// CPU seconds this process used since construction (all threads).
struct CpuTimer {
  double start = now();
  static double now() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
  }
  double seconds() const { return now() - start; }
};

}  // namespace wijzer::test
