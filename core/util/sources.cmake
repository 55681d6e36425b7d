target_sources(attnlab_core PRIVATE
  util/AtomicFile.cpp
  util/FileCalls.cpp
  util/Parallel.cpp
  util/Random.cpp
)
