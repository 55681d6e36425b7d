# Thin wrapper over CMake presets. `make run` and `make test` work on a fresh Debian 12 machine.
PRESET ?= release
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc)
DATASET ?= dates

.PHONY: all setup configure build run test bench format asan tsan screenshots clean

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

# Renders docs/screenshots/ from the GUI tests (offscreen): the window after 15 epochs of dates at
# 1600 x 1000 and 1280 x 720, the panels, the plots and their exports.
screenshots: build
	@for t in tst_main_window tst_dataset_panel tst_settings_panel tst_training_controls tst_loss_plot \
	          tst_alignment_heatmap; do \
	  ATTNLAB_SCREENSHOT_DIR=$(CURDIR)/docs/screenshots QT_QPA_PLATFORM=offscreen $(BUILD_DIR)/tests/ui/$$t >/dev/null || exit 1; \
	done

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

asan:
	@$(MAKE) test PRESET=asan

tsan:
	@$(MAKE) test PRESET=tsan

clean:
	@rm -rf build
