# Precompiled headers (issue 10): most of the build's time went to parsing the same third-party
# headers in every file (QtTest and QtCore, QtWidgets, QCustomPlot, Eigen, the standard library).
# Each set is parsed once into a precompiled header that many targets reuse.
option(ATTNLAB_PCH "Precompile the third-party headers that every file parses (faster builds)" ON)

# attnlab_pch(name HEADERS <h>... LIBS lib...): an object library that only builds a precompiled
# header of HEADERS, compiled with LIBS' usage requirements; targets reuse it with attnlab_use_pch.
# Only third-party headers go in: a change to a project header must not rebuild everything.
function(attnlab_pch name)
  cmake_parse_arguments(ARG "" "" "HEADERS;LIBS" ${ARGN})
  if(NOT ATTNLAB_PCH)
    return()
  endif()
  set(source ${CMAKE_CURRENT_BINARY_DIR}/${name}.cpp)
  file(CONFIGURE OUTPUT ${source} CONTENT "// Compiled only to build ${name}'s precompiled header.\n")
  add_library(${name} OBJECT ${source})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  set_target_properties(${name} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
  target_precompile_headers(${name} PRIVATE ${ARG_HEADERS})
endfunction()

# attnlab_use_pch(target pch): target's files start with pch's headers, already parsed. GCC uses a
# precompiled header only when the file is compiled with the same options and macro definitions
# (a per-target -D such as Qt6::Test's QT_TESTCASE_SOURCEDIR is enough to refuse it) and then
# silently parses the headers again: -Werror=invalid-pch makes that a build error instead.
function(attnlab_use_pch target pch)
  if(NOT ATTNLAB_PCH)
    return()
  endif()
  target_precompile_headers(${target} REUSE_FROM ${pch})
  attnlab_pch_must_be_valid(${target})
endfunction()

function(attnlab_pch_must_be_valid target)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Werror=invalid-pch)
  endif()
endfunction()
