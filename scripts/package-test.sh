#!/usr/bin/env bash
# The Debian package tested as a user installs it (CI runs this as root on the clean machine,
# after scripts/setup.sh test, reusing its build):
#   builds the package (scripts/setup.sh package), checks it with lintian (no errors), installs it
#   with apt-get, runs the installed programs from /usr/bin in a fresh home (the sample, a PDF, a
#   screenshot of the window under Xvfb, a plugin the user added in ~/.local/share/wasshoi/plugins),
#   validates the menu entry and AppStream metainfo, reads both man pages, then purges the package
#   and checks that nothing of it is left under /usr while the user's database is untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
[ "$(id -u)" -eq 0 ] || { echo "package-test: run as root (it installs and purges the package)" >&2; exit 1; }
need=()
for p in lintian appstream desktop-file-utils man-db; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

./scripts/setup.sh package >/dev/null
deb=$(ls -t "$BUILD_DIR"/wasshoi_*_amd64.deb | head -1)
echo "package-test: $deb"
# lintian: no errors (the warnings and notes kept are listed in docs/packaging.md).
lintian --fail-on error "$deb"

home=$(mktemp -d)
cleanup() {
  rm -rf "$home"
  dpkg-query -W wasshoi >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq wasshoi >/dev/null 2>&1 || true
}
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
files=$(dpkg -L wasshoi)

fail() { echo "package-test: FAILED: $*" >&2; exit 1; }
as_user() { env -u XDG_DATA_HOME HOME="$home" "$@"; }
# The installed programs, with the user's default database (~/.local/share/wasshoi/wasshoi.db).
[ "$(command -v wasshoi-cli)" = /usr/bin/wasshoi-cli ] || fail "wasshoi-cli is not /usr/bin/wasshoi-cli"
as_user /usr/bin/wasshoi-cli --version
as_user /usr/bin/wasshoi-cli --json demo >/dev/null
db="$home/.local/share/wasshoi/wasshoi.db"
[ -s "$db" ] || fail "the sample was not written to $db"
loaded=$(as_user /usr/bin/wasshoi-cli --json plugins list | python3 -c '
import json, sys
rows = json.load(sys.stdin)
print(" ".join(sorted(r["id"] for r in rows if r["state"] == "loaded")))')
[ "$loaded" = "booking evaluation issues ledger members minutes proposals" ] || fail "plugins loaded: $loaded"
as_user /usr/bin/wasshoi-cli --org 2 members roster-pdf --out "$home/名簿.pdf" >/dev/null
[[ "$(pdftotext "$home/名簿.pdf" -)" == *会員名簿* ]] || fail "the installed CLI's 名簿 PDF has no 名簿"
# A plugin the user added without root: the test plugin beside the build, in the user's folder.
mkdir -p "$home/.local/share/wasshoi/plugins"
cp "$BUILD_DIR/bin/plugins/members.so" "$home/.local/share/wasshoi/plugins/members.so"
as_user /usr/bin/wasshoi-cli --json plugins list | python3 -c '
import json, sys
rows = [r for r in json.load(sys.stdin) if r["id"] == "members"]
assert len(rows) == 2, rows
assert rows[0]["state"] == "loaded" and rows[0]["file"].startswith("/usr/lib/"), rows
assert rows[1]["state"] == "failed" and "already has the id" in rows[1]["reason"], rows
' || fail "a user's plugin with an installed plugin's id is not listed as failed"
rm -r "$home/.local/share/wasshoi/plugins"
# The window, under Xvfb, at the large font.
as_user xvfb-run -a /usr/bin/wasshoi --org 2 --font-size 28 --screenshot "$home/window.png" >/dev/null
[ -s "$home/window.png" ] || fail "no screenshot from the installed window"
# Menu entry, AppStream, man pages.
desktop-file-validate /usr/share/applications/jp.wasshoi.Wasshoi.desktop
appstreamcli validate --no-net /usr/share/metainfo/jp.wasshoi.Wasshoi.metainfo.xml
for page in wasshoi wasshoi-cli; do
  [[ "$(man -l "/usr/share/man/man1/$page.1.gz" 2>/dev/null)" == *--db* ]] || fail "man $page shows no --db"
done
before=$(sha256sum "$db")

DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq wasshoi >/dev/null
left=()
for f in $files; do
  case "$f" in /usr/*) [ -e "$f" ] && [ ! -d "$f" ] && left+=("$f") ;; esac
done
for d in /usr/lib/x86_64-linux-gnu/wasshoi /usr/share/wasshoi /usr/share/doc/wasshoi; do
  [ -e "$d" ] && left+=("$d")
done
[ ${#left[@]} -eq 0 ] || fail "left under /usr after purge: ${left[*]}"
[ "$(sha256sum "$db")" = "$before" ] || fail "the user's database changed with the purge"
echo "package-test: installed, used, purged; nothing left under /usr; the user's database untouched"
