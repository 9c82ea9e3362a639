#!/usr/bin/env bash
# Runs every benchmark program in the build (bin/bench-*) one after the other; each prints its
# figures and its ratio against a baseline measured in the same run. GUI benchmarks need a
# display: under Xvfb when none is set. The city benchmarks (bench-city-*, issue 19) run on both
# engines: on a SQLite file, then on a throwaway PostgreSQL cluster over its Unix socket, started
# here with fsync and synchronous commits on, as an office server runs
# (scripts/start-postgres.sh --durable), and stopped however the run ends.
#   scripts/bench.sh [BIN]          every benchmark (BIN: build/bin)
#   scripts/bench.sh BIN NAME…      only these (bench-city-members, bench-booking …)
set -uo pipefail
BIN=${1:-build/bin}
[ $# -gt 0 ] && shift
here=$(cd "$(dirname "$0")" && pwd)
status=0
pg_uri=""
stop_postgres() {
  if [ -n "$pg_uri" ]; then "$here/start-postgres.sh" stop "${pg_uri##*host=}"; fi
}
trap stop_postgres EXIT

wanted() {
  [ $# -eq 0 ] && return 0
  local name=$1
  shift
  for w in "$@"; do [ "$w" = "$name" ] && return 0; done
  return 1
}

for b in "$BIN"/bench-*; do
  [ -x "$b" ] || continue
  name=$(basename "$b")
  [[ "$name" == *-minimal ]] && continue  # the baseline program of bench-startup, not a benchmark
  wanted "$name" "$@" || continue
  case "$name" in
    bench-city-*)
      echo "=== $name (SQLite)"
      "$b" --db sqlite || status=1
      if [ -z "$pg_uri" ]; then
        pg_uri=$("$here/start-postgres.sh" --durable) || {
          echo "=== $name (PostgreSQL): no cluster (scripts/start-postgres.sh failed)" >&2
          status=1
          pg_uri=""
          continue
        }
      fi
      echo "=== $name (PostgreSQL)"
      "$b" --db "$pg_uri" || status=1
      ;;
    *startup*)
      echo "=== $name"
      if [ -z "${DISPLAY:-}" ]; then
        xvfb-run -a -s "-screen 0 1280x800x24" "$b" || status=1
      else
        "$b" || status=1
      fi
      ;;
    *)
      echo "=== $name"
      "$b" || status=1
      ;;
  esac
done
exit $status
