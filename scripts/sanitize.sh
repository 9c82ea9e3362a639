#!/usr/bin/env bash
# The test suite built with AddressSanitizer + UndefinedBehaviorSanitizer and run: any memory
# error, undefined behaviour or leak fails the run.
#   scripts/sanitize.sh [ctest arguments]          everything (the window's tests too)
#   scripts/sanitize.sh --quick [ctest arguments]  what CI runs after the plain build: built without
#       the window (WASSHOI_BUILD_GUI=OFF, its own build folder) and without the four end-to-end
#       walks (the authorization walk: every CLI command as four officers, ~13 min under the
#       sanitizers; every demo document; the random SIGKILLs; every plugin's lists on the
#       300-household demo and its copies). They all run in CI's plain
#       build; the sanitizers then cover the SDK, host core, the CLI and every plugin's core and
#       tests, and CI stays within its time.
#   scripts/sanitize.sh --quick --build-only       only builds that tree (CI builds it while the
#       plain suite runs, then runs this script again for the tests: the build is then up to date)
# Needs the packages scripts/setup.sh installs (it runs `setup.sh build` first when they are missing).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
build_only=0
if [ "${1:-}" = "--quick" ]; then quick=1; shift; fi
if [ "${1:-}" = "--build-only" ]; then build_only=1; shift; fi
GUI=ON
[ $quick -eq 1 ] && GUI=OFF
BUILD=${SANITIZE_BUILD_DIR:-build-asan}
[ $quick -eq 1 ] && BUILD=${SANITIZE_BUILD_DIR:-build-asan-quick}
JOBS=${JOBS:-2}
command -v cmake >/dev/null || ./scripts/setup.sh build
# -O0 with line tables only (-g1): the quickest sanitized build to compile; ASan reports still
# name the file and line.
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O0" -DCMAKE_C_FLAGS_DEBUG="-g1 -O0" \
  -DWASSHOI_SANITIZE=ON -DWASSHOI_BUILD_BENCH=OFF -DWASSHOI_BUILD_GUI=$GUI >/dev/null
cmake --build "$BUILD" -j "$JOBS"
[ $build_only -eq 1 ] && exit 0
# Leaks inside the system's GL driver and font libraries are theirs, not ours: listed in the file.
# Leak checking is on by default (the GUI program turns it off for itself: host/gui/src/main.cpp).
export ASAN_OPTIONS="abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0"
# Without arguments: every test but the layout walks at 14 and 24 px, which draw the same panels
# through the same code as the walks at 20 and 28 px (they run in the plain build) and take the
# longest under the sanitizers.
if [ $# -eq 0 ]; then
  # Quick: nor the four end-to-end walks that start hundreds of CLI processes through code the
  # rest of the suite already runs under the sanitizers (the authorization walk, every demo
  # document, the random SIGKILLs, the lists of the copied demo): ~10 of CI's minutes under the sanitizers; the plain build runs them.
  if [ $quick -eq 1 ]; then
    set -- -LE authorization -E "every document the demo produces|SIGKILL at random moments|every list is the same"
  else
    set -- -E "layout at (14|24) px"
  fi
fi
cd "$BUILD" && exec ctest --output-on-failure -j "$JOBS" "$@"
