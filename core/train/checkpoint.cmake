# Model files (safetensors): included from core/train/CMakeLists.txt, paths relative to core/train.
attnlab_core_module(attnlab_checkpoint
  SOURCES Checkpoint.cpp LayoutCopy.cpp SafeTensors.cpp Sha256.cpp
  PUBLIC attnlab_util
  PRIVATE nlohmann_json::nlohmann_json OpenSSL::Crypto)
