#!/usr/bin/env bash
# Starts the CUPS print service without systemd (a container, a CI machine) when it is not running,
# and adds the virtual printer the print test uses: wasshoi-pdf, a cups-pdf queue that writes what
# it prints as a PDF into the printing user's ~/PDF (see /etc/cups/cups-pdf.conf, "Out").
# Idempotent: run it as often as you like. Needs root (or sudo) to start cupsd and add the queue.
#   Debian packages: cups printer-driver-cups-pdf (scripts/setup.sh installs them).
set -euo pipefail
QUEUE=${WASSHOI_PRINT_QUEUE:-wasshoi-pdf}
PPD=lsb/usr/cups-pdf/CUPS-PDF_opt.ppd

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "start-cups: needs root (or password-less sudo) to start cupsd and add the printer $QUEUE" >&2
    exit 1
  fi
fi
for tool in cupsd lpadmin lpstat; do
  if ! command -v "$tool" >/dev/null && [ ! -x "/usr/sbin/$tool" ]; then
    echo "start-cups: $tool is missing; install the Debian packages cups and printer-driver-cups-pdf" >&2
    exit 1
  fi
done
export PATH="$PATH:/usr/sbin"

if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  # systemd would start it on demand; without it, cupsd runs as its own daemon.
  $sudo mkdir -p /run/cups
  $sudo cupsd
  for _ in $(seq 1 50); do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 0.1
  done
  lpstat -r 2>/dev/null | grep -q "is running" || { echo "start-cups: cupsd did not start" >&2; exit 1; }
fi

if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
  $sudo lpadmin -p "$QUEUE" -v cups-pdf:/ -E -m "$PPD" -D "Wasshoi PDF (test printer)"
fi
# Accepting and enabled, even if an earlier run left it stopped after a failed job.
$sudo cupsenable "$QUEUE" 2>/dev/null || $sudo /usr/sbin/cupsenable "$QUEUE"
$sudo cupsaccept "$QUEUE" 2>/dev/null || $sudo /usr/sbin/cupsaccept "$QUEUE"
echo "start-cups: CUPS is running with the printer $QUEUE"
