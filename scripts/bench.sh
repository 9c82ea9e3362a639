#!/usr/bin/env bash
# Runs every benchmark program in the build (bin/bench-*) one after the other; each prints its
# figures and its ratio against a baseline measured in the same run. GUI benchmarks need a
# display: under Xvfb when none is set.
set -uo pipefail
BIN=${1:-build/bin}
status=0
for b in "$BIN"/bench-*; do
  [ -x "$b" ] || continue
  [[ "$b" == *-minimal ]] && continue  # the baseline program of bench-startup, not a benchmark
  echo "=== $(basename "$b")"
  if [ -z "${DISPLAY:-}" ] && [[ "$(basename "$b")" == *startup* ]]; then
    xvfb-run -a -s "-screen 0 1280x800x24" "$b" || status=1
  else
    "$b" || status=1
  fi
done
exit $status
