// Asking the processor which vector instructions it runs.
#include "cpu_kernels.hpp"

namespace castkit::json {

const CpuKernels& cpu_kernels() {
  static const CpuKernels kernels = [] {
    CpuKernels k;
#if defined(__x86_64__)
    __builtin_cpu_init();
    const bool scalar = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("popcnt");
    k.avx2 = scalar && __builtin_cpu_supports("avx2");
    k.avx512 = scalar && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
#endif
    return k;
  }();
  return kernels;
}

}  // namespace castkit::json
