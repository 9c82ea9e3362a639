#!/usr/bin/env bash
# The whole test suite built with AddressSanitizer + UndefinedBehaviorSanitizer and run: any
# memory error, undefined behaviour or leak fails the run. CI runs it after the plain build.
#   scripts/sanitize.sh [ctest arguments]
# Needs the packages scripts/setup.sh installs (it runs `setup.sh build` first when they are missing).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${SANITIZE_BUILD_DIR:-build-asan}
JOBS=${JOBS:-2}
command -v cmake >/dev/null || ./scripts/setup.sh build
# -O1: a sanitized build runs the suite about twice as slowly as the plain one, -O0 five times.
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DCMAKE_C_FLAGS_DEBUG="-g -O1" \
  -DWASSHOI_SANITIZE=ON -DWASSHOI_BUILD_BENCH=OFF >/dev/null
cmake --build "$BUILD" -j "$JOBS"
# Leaks inside the system's GL driver and font libraries are theirs, not ours: listed in the file.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0"
cd "$BUILD" && exec ctest --output-on-failure -j "$JOBS" "$@"
