#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (docs/engines.md):
#   DIR_URI=$(scripts/start-postgres.sh)      initdb into a new temporary folder, start the server
#                                           listening only on a Unix socket in that folder (no TCP),
#                                           create the database wasshoi_test, print its URI:
#                                           postgresql://postgres@/wasshoi_test?host=DIR
#   scripts/start-postgres.sh stop DIR      stop that server and remove the folder
#   scripts/start-postgres.sh --durable     the same cluster with fsync and synchronous commits on,
#                                           as an office server runs (the benchmarks: scripts/bench.sh);
#                                           without it the tests' cluster writes nothing to disk for sure
# The server refuses to run as root: as root, initdb and pg_ctl run as the `postgres` user
# (runuser). Trust authentication: only whoever can reach the socket folder connects; except the
# role wasshoi_password (password wasshoi-test-password, may create databases), which must give
# its password (scram-sha-256), for the tests of what a window says when a server asks for one.
# Callers stop it however their run ends:
#   uri=$(scripts/start-postgres.sh); dir=${uri##*host=}; trap 'scripts/start-postgres.sh stop "$dir"' EXIT
# Debian packages: postgresql postgresql-contrib (scripts/setup.sh installs them).
set -euo pipefail

bin=${PG_BIN:-}
if [ -z "$bin" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "start-postgres: initdb not found; install the Debian packages postgresql postgresql-contrib" >&2
  exit 1
fi

as_server() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

durable=0
if [ "${1:-}" = --durable ]; then
  durable=1
  shift
fi

if [ "${1:-}" = stop ]; then
  dir=${2:?usage: start-postgres.sh stop DIR}
  case "$dir" in
    */wasshoi-pg.*) ;;
    *) echo "start-postgres: $dir is not a folder this script made; not removing it" >&2; exit 2 ;;
  esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf -- "$dir"
  exit 0
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/wasshoi-pg.XXXXXX")
cleanup_on_failure() {
  if [ -n "${dir:-}" ]; then
    [ -f "$dir/log" ] && tail -n 20 "$dir/log" >&2
    as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf -- "$dir"
  fi
}
trap cleanup_on_failure ERR
chmod 0755 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"

as_server "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; false; }
# The one role that must give a password; every other one is trusted.
as_server sed -i '1i local all wasshoi_password scram-sha-256' "$dir/data/pg_hba.conf"
# No TCP; the socket in the folder; no fsync (a throwaway cluster) unless --durable.
options="-c listen_addresses='' -c unix_socket_directories='$dir'"
[ "$durable" -eq 0 ] && options="$options -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 -o "$options" start >/dev/null
"$bin/createdb" -h "$dir" -U postgres -E UTF8 wasshoi_test
# The booking migration creates btree_gist when it is missing (its exclusion constraint); made
# here first so tests migrating fresh schemas in parallel do not race to create it.
"$bin/psql" -h "$dir" -U postgres -d wasshoi_test -qXc "CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public" >/dev/null
"$bin/psql" -h "$dir" -U postgres -d wasshoi_test -qXc \
  "CREATE ROLE wasshoi_password LOGIN CREATEDB PASSWORD 'wasshoi-test-password'" >/dev/null
trap - ERR
echo "postgresql://postgres@/wasshoi_test?host=$dir"
