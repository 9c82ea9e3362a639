#!/usr/bin/env bash
# Wasshoi set-up for a fresh Debian 12 machine: installs the missing Debian packages, builds, then
#   scripts/setup.sh run  [wasshoi options]   starts the app (default database; first start offers a sample 自治会)
#   scripts/setup.sh test                     runs the whole test suite (GUI tests under Xvfb; first
#                                             starts CUPS with the test printer: scripts/start-cups.sh),
#                                             then every test that opens a database (label `engines`)
#                                             again on a throwaway PostgreSQL cluster
#                                             (scripts/start-postgres.sh; docs/engines.md)
#   scripts/setup.sh build                    only installs and builds
#   scripts/setup.sh bench [NAME…]            runs every benchmark program (or the ones named), each
#                                             printing its figures and ratios; the city-sized ones
#                                             (bench-city-*) on SQLite and on a throwaway PostgreSQL
#                                             cluster (scripts/bench.sh, docs/performance.md)
#   scripts/setup.sh package                  makes the Debian package (BUILD_DIR/wasshoi_<version>_amd64.deb)
# BUILD_DIR (default: build) and JOBS (default: 2) can be set in the environment.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-2}
PACKAGES=(
  build-essential cmake pkg-config
  libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri libstb-dev libfreetype-dev
  libboost-dev libboost-filesystem-dev libsqlite3-dev sqlite3 libicu-dev
  libcli11-dev nlohmann-json3-dev catch2
  libcairo2-dev libpango1.0-dev libfontconfig-dev libsodium-dev libgtk-3-dev
  fonts-ipaexfont-gothic fonts-ipaexfont-mincho fonts-ipamj-mincho
  xvfb xauth poppler-utils python3 python3-icalendar python3-jsonschema
  libcups2-dev cups printer-driver-cups-pdf help2man
  libpq-dev postgresql postgresql-contrib
)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  # Installed into /usr by the Debian package (setup.sh package); the build tree runs as it is.
  # Optimized as Debian builds its packages (-O2) and without debug information, which is a third
  # of the compile time and nothing a user needs; developers configure RelWithDebInfo themselves
  # (docs/architecture.md, "Building").
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
    -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
install_missing
build
case "$cmd" in
  run) exec "$BUILD_DIR/bin/wasshoi" "$@" ;;
  test)
    # The print test needs the cups-pdf printer; without root it says how to add it, and fails
    # only under CI (where this script runs as root).
    scripts/start-cups.sh || echo "setup: CUPS not started; the print tests will say what to do" >&2
    status=0
    (cd "$BUILD_DIR" && ctest --output-on-failure -j "$JOBS" "$@") || status=$?
    # The database tests again on PostgreSQL: a throwaway cluster, stopped and removed however
    # this run ends. Every test binary that opens a database carries the `engines` label
    # (docs/engines.md, "Running the tests on PostgreSQL", lists them and the few that do not).
    pg_uri=$(scripts/start-postgres.sh)
    pg_dir=${pg_uri##*host=}
    trap 'scripts/start-postgres.sh stop "$pg_dir"' EXIT
    echo "setup: the engines tests on PostgreSQL ($pg_uri)"
    (cd "$BUILD_DIR" && WASSHOI_TEST_DB="$pg_uri" ctest -L engines --output-on-failure -j "$JOBS") || status=$?
    exit "$status" ;;
  build) ;;
  bench) exec scripts/bench.sh "$BUILD_DIR/bin" "$@" ;;
  package) cd "$BUILD_DIR" && exec cpack -G DEB ;;
  *) echo "usage: scripts/setup.sh run|test|build|bench|package" >&2; exit 2 ;;
esac
