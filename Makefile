# Thin wrapper over CMake presets. `make run` and `make test` work on a fresh Debian 12 machine.
PRESET ?= release
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc)
DATASET ?= dates
FUZZ_SECONDS ?= 120
FUZZ_SMOKE_SECONDS ?= 20
# `make test` ends with `make fuzz-smoke` (the asan and tsan runs leave it out).
FUZZ_SMOKE ?= yes

.PHONY: all setup configure build run test bench format asan tsan fuzz fuzz-build fuzz-smoke screenshots clean torchrun-test

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
ifeq ($(FUZZ_SMOKE),yes)
	@$(MAKE) --no-print-directory fuzz-smoke
endif

# libFuzzer targets (fuzz/, clang): core with ASan + UBSan, no GUI, tests or bench.
fuzz-build: setup
	@cmake --preset fuzz >/dev/null && cmake --build --preset fuzz -j $(JOBS)

# Each target for FUZZ_SECONDS in turn; the corpus grows in build/fuzz-corpus/.
fuzz: fuzz-build
	@bash scripts/run-fuzz long $(FUZZ_SECONDS)

# Each target for FUZZ_SMOKE_SECONDS from the committed seeds, two at a time; fails on any crash,
# leak, timeout or out-of-memory.
fuzz-smoke: fuzz-build
	@bash scripts/run-fuzz smoke $(FUZZ_SMOKE_SECONDS)

bench:
	@bash scripts/setup-deps
	@cmake --preset release >/dev/null && cmake --build --preset release -j $(JOBS)
	@bash bench/run-bench build/release

# Long (minutes, needs python3-torch): the shipped dates by `attnlab-cli train` and by a 2-process
# torchrun of attnlab_torch.train with the same global batch; prints both exact matches and times.
torchrun-test: build
	@PYTHONPATH=$(CURDIR)/python OPENBLAS_NUM_THREADS=1 bash tests/python/run-python-test \
	  tests/python/torchrun_dates.py $(BUILD_DIR)/app/attnlab-cli

# Renders docs/screenshots/ from the GUI tests (offscreen): the window after 15 epochs of dates at
# 1600 x 1000 and 1280 x 720, the panels, the plots and their exports.
screenshots: build
	@for t in tst_main_window tst_dataset_panel tst_settings_panel tst_training_controls tst_loss_plot \
	          tst_alignment_heatmap tst_heatmap_zoom tst_compare_workspace; do \
	  ATTNLAB_SCREENSHOT_DIR=$(CURDIR)/docs/screenshots QT_QPA_PLATFORM=offscreen QTEST_FUNCTION_TIMEOUT=3600000 $(BUILD_DIR)/tests/ui/$$t >/dev/null || exit 1; \
	done

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

asan:
	@$(MAKE) test PRESET=asan FUZZ_SMOKE=no

tsan:
	@$(MAKE) test PRESET=tsan FUZZ_SMOKE=no

clean:
	@rm -rf build
