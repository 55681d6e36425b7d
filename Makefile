# Thin wrapper over CMake presets. `make run` and `make test` work on a fresh Debian 12 machine.
PRESET ?= release
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc)
DATASET ?= dates

.PHONY: all setup configure build run test bench format asan tsan clean

all: build

setup:
	@bash scripts/setup-deps

configure: setup
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	@bash scripts/run-gui $(BUILD_DIR)/app/attnlab --dataset $(DATASET)

test: build
	@ctest --preset $(PRESET) -j $(JOBS)

bench:
	@bash scripts/setup-deps
	@cmake --preset release >/dev/null && cmake --build --preset release -j $(JOBS)
	@bash bench/run-bench build/release

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

asan:
	@$(MAKE) test PRESET=asan

tsan:
	@$(MAKE) test PRESET=tsan

clean:
	@rm -rf build
