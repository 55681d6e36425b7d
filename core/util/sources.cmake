target_sources(attnlab_core PRIVATE
  util/Parallel.cpp
  util/Random.cpp
)
