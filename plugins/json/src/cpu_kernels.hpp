// Which vector instructions the processor runs, for the code paths chosen at run time
// (json_skim.cpp, closing_line.cpp).
#pragma once

namespace castkit::json {

/// The instruction sets the run-time paths use, as the processor reports them.
struct CpuKernels {
  bool avx512 = false;  ///< AVX-512F and BW, with PCLMULQDQ and POPCNT
  bool avx2 = false;    ///< AVX2, with PCLMULQDQ and POPCNT
};

/// What this processor runs (asked once; all false off x86-64).
const CpuKernels& cpu_kernels();

}  // namespace castkit::json
