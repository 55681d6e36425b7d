# Warnings, optimisation and sanitizers shared by every AttnLab target.
add_library(attnlab_options INTERFACE)
target_compile_options(attnlab_options INTERFACE -Wall -Wextra -Wno-unused-parameter)
# GCC 12 reports false "maybe uninitialized" warnings inside its own AVX-512 intrinsics under Eigen.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(attnlab_options INTERFACE -Wno-maybe-uninitialized)
endif()
if(ATTNLAB_NATIVE)
  target_compile_options(attnlab_options INTERFACE $<$<CONFIG:Release,RelWithDebInfo>:-march=native>)
  # GCC 12's SLP vectorizer miscompiles initializer lists ending in zeros under AVX-512 at -O2
  # (std::vector<double>{0.5, 0.5, 0.0, 0.0} becomes four 0.5s; tests/core/tst_toolchain checks
  # it). Turning SLP vectorization off fixes it and keeps AVX-512 for Eigen's kernels, which use
  # explicit SIMD packets: training runs about 1.7x faster than with -mno-avx512f.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(attnlab_options INTERFACE $<$<CONFIG:Release,RelWithDebInfo>:-fno-tree-slp-vectorize>)
  endif()
endif()
# Eigen: never spawn threads of its own; oneTBB is the only source of parallelism.
# Matrix products pack their operands into scratch blocks, on the stack when they fit under this
# limit and from malloc otherwise: 1 MiB fits every product of the time loops (the largest packs
# [W_ih | W_hh], 512 x 288 floats), so training allocates nothing per step. Threads that train
# have at least 4 MiB of stack (oneTBB's workers; QThread and std::thread get 8 MiB).
target_compile_definitions(attnlab_options INTERFACE EIGEN_DONT_PARALLELIZE EIGEN_STACK_ALLOCATION_LIMIT=1048576)
if(ATTNLAB_SANITIZE)
  target_compile_options(attnlab_options INTERFACE -fsanitize=${ATTNLAB_SANITIZE} -fno-omit-frame-pointer)
  target_link_options(attnlab_options INTERFACE -fsanitize=${ATTNLAB_SANITIZE})
endif()
