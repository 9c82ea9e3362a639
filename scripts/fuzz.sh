#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a while from the seed
# corpus in tests/fuzz/corpus/<target>/. CI runs a smoke run; a longer one (docs/hardening.md):
#   scripts/fuzz.sh 600                               (seconds per target)
#   FUZZ_ONLY="roster_import issue_bundle" scripts/fuzz.sh 3600     (only these targets)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-20}
for p in clang libclang-rt-14-dev; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev
    break
  fi
done
BUILD=$(realpath -m "${FUZZ_BUILD_DIR:-build-fuzz}")  # relative to the repository, or absolute
CC=clang CXX=clang++ cmake -S tests/fuzz -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" -j "${JOBS:-2}" >/dev/null
total=0
for fuzzer in "$BUILD"/fuzz_*; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer" | sed 's/^fuzz_//')
  if [ -n "${FUZZ_ONLY:-}" ] && ! [[ " $FUZZ_ONLY " == *" $name "* ]]; then continue; fi
  work=$(mktemp -d)
  cp -r "tests/fuzz/corpus/$name/." "$work/" 2>/dev/null || true
  log=$(mktemp)
  if ! "$fuzzer" "$work" -artifact_prefix="$BUILD/$name-" -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 >"$log" 2>&1; then
    cat "$log"
    echo "fuzz: $name FAILED (the input is in $BUILD/$name-crash-*)" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  total=$((total + runs))
  echo "fuzz: $name ok, $runs executions in ${SECONDS_PER_TARGET}s ($rate/s)"
  rm -rf "$work" "$log"
done
echo "fuzz: $total executions in all"
