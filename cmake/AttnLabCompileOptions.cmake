# Warnings, optimisation and sanitizers shared by every AttnLab target.
add_library(attnlab_options INTERFACE)
target_compile_options(attnlab_options INTERFACE -Wall -Wextra -Wno-unused-parameter)
# GCC 12 reports false "maybe uninitialized" warnings inside its own AVX-512 intrinsics under Eigen.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(attnlab_options INTERFACE -Wno-maybe-uninitialized)
endif()
if(ATTNLAB_NATIVE)
  target_compile_options(attnlab_options INTERFACE $<$<CONFIG:Release,RelWithDebInfo>:-march=native>)
endif()
# Eigen: never spawn threads of its own; oneTBB is the only source of parallelism.
target_compile_definitions(attnlab_options INTERFACE EIGEN_DONT_PARALLELIZE)
if(ATTNLAB_SANITIZE)
  target_compile_options(attnlab_options INTERFACE -fsanitize=${ATTNLAB_SANITIZE} -fno-omit-frame-pointer)
  target_link_options(attnlab_options INTERFACE -fsanitize=${ATTNLAB_SANITIZE})
endif()
