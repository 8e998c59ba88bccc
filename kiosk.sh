#!/usr/bin/env bash
# Set up what is missing, then run the kiosk or its tests.
#
#   ./kiosk.sh run [--host H] [--port P]   start the kiosk (default http://127.0.0.1:8000)
#   ./kiosk.sh test [pytest arguments]     run the test suite
#   ./kiosk.sh check                       check the content files
#   ./kiosk.sh prerender                   render all speech and leaflets now, with progress
#   ./kiosk.sh set-password                set the staff page's password
#   ./kiosk.sh bench                       run the benchmarks (bench/), print a table
#   ./kiosk.sh soak [--minutes M]          ten simulated kiosks against the server (bench/soak.py)
#   ./kiosk.sh screenshots                 refresh docs/screenshots/
#   ./kiosk.sh setup                       only install what the kiosk needs to run (a kiosk PC)
#   ./kiosk.sh setup --dev                 the same, and the test tools (Chromium, test packages)
#
# Safe to run again: each step is skipped when its result is already up to date.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PYTHON="$VENV/bin/python"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"
}

# Debian packages, each named with the command or package that shows it is already there.
system_packages() {
  local missing=()
  command -v python3 >/dev/null || missing+=(python3)
  python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  # Speech: espeak-ng's library and voices (pyttsx3 loads them), ffmpeg to compress the audio.
  installed libespeak-ng1 || missing+=(libespeak-ng1)
  installed espeak-ng-data || missing+=(espeak-ng-data)
  command -v ffmpeg >/dev/null || missing+=(ffmpeg)
  # Leaflets: WeasyPrint's Pango and HarfBuzz, poppler for the preview picture.
  for package in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; do
    installed "$package" || missing+=("$package")
  done
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  # Content from a git repository (run.py sync): git, and ssh-keygen to check ssh signatures.
  command -v git >/dev/null || missing+=(git)
  command -v ssh-keygen >/dev/null || missing+=(openssh-client)
  # Printing: pycups is built from source against libcups.
  installed libcups2-dev || missing+=(libcups2-dev)
  command -v gcc >/dev/null || missing+=(gcc libc6-dev)
  python3 -c 'import os, sys, sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
    || missing+=(python3-dev)
  if [ "${1:-}" = test ] || [ "${1:-}" = bench ]; then
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    command -v espeak-ng >/dev/null || missing+=(espeak-ng)
    # The tests start a private CUPS server.
    command -v cupsd >/dev/null || missing+=(cups-daemon)
    command -v lpadmin >/dev/null || missing+=(cups-client)
    # The deploy tests check the systemd units with systemd-analyze.
    command -v systemd-analyze >/dev/null || missing+=(systemd)
    # The metrics tests run a real Prometheus (and promtool for the alert rules).
    command -v prometheus >/dev/null || missing+=(prometheus)
    # The screen test runs cage (which needs Xwayland) headless and photographs it with grim.
    command -v cage >/dev/null || missing+=(cage)
    command -v Xwayland >/dev/null || missing+=(xwayland)
    command -v grim >/dev/null || missing+=(grim)
    # The public copy is served by nginx in its tests, and its QR codes read with zbarimg.
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
    command -v zbarimg >/dev/null || missing+=(zbar-tools)
  fi
  if [ "${1:-}" = bench ]; then
    # The load tool, and nginx as the machine's limit for serving the same bytes.
    command -v wrk >/dev/null || missing+=(wrk)
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# A file is stale when it is missing or older than any of the files it is made from.
stale() {
  local target=$1; shift
  [ -e "$target" ] || return 0
  local source
  for source in "$@"; do [ "$source" -nt "$target" ] && return 0; done
  return 1
}

python_packages() {
  local extra=$1 stamp="$VENV/.installed-$1"
  if [ ! -x "$PYTHON" ]; then
    say "Creating the virtual environment in $VENV/"
    python3 -m venv "$VENV"
  fi
  if stale "$stamp" pyproject.toml; then
    say "Installing Python packages ($extra)"
    "$PYTHON" -m pip install --quiet --upgrade pip
    if [ "$extra" = run ]; then "$PYTHON" -m pip install --quiet -e .
    else "$PYTHON" -m pip install --quiet -e ".[$extra]"; fi
    touch "$stamp"
  fi
}

front_end_assets() {
  # The kiosk needs only the assets; the tests also Lighthouse (a devDependency).
  local mode=$1 stamp="node_modules/.installed-$1"
  if stale "$stamp" package.json package-lock.json; then
    say "Installing npm packages ($mode)"
    if [ "$mode" = run ]; then npm ci --omit=dev --no-audit --no-fund --loglevel=error
    else npm ci --no-audit --no-fund --loglevel=error; fi
    rm -f node_modules/.installed-*
    touch "$stamp"
  fi
  # The pictures copied are those the content names: a changed topic or glossary may need more.
  if stale static/vendor/.copied node_modules/.package-lock.json kiosk/ui/icons.py \
      kiosk/ui/pictures.py scripts/copy_vendor_assets.py content/*/*.md content/*/glossary.yaml \
      ${KIOSK_CONTENT_DIR:+"$KIOSK_CONTENT_DIR"/*/*.md "$KIOSK_CONTENT_DIR"/*/glossary.yaml}; then
    say "Copying front-end assets into static/vendor/"
    "$PYTHON" scripts/copy_vendor_assets.py
    touch static/vendor/.copied
  fi
}

# Interface translations: each .po catalogue is compiled to .mo when it changed.
catalogues() {
  local po
  for po in kiosk/ui/translations/*/LC_MESSAGES/messages.po; do
    [ -e "$po" ] || continue
    if stale "${po%.po}.mo" "$po"; then
      "$PYTHON" -m babel.messages.frontend compile --use-fuzzy -i "$po" -o "${po%.po}.mo" >/dev/null
    fi
  done
}

setup() {
  system_packages "$1"
  python_packages "${2:-$1}"
  front_end_assets "${2:-$1}"
  catalogues
}

command=${1:-run}
shift || true
case "$command" in
  run) setup run; exec "$PYTHON" run.py "$@" ;;
  test) setup test; exec "$PYTHON" -m pytest "$@" ;;
  check) setup run; exec "$PYTHON" run.py check "$@" ;;
  prerender) setup run; exec "$PYTHON" run.py prerender "$@" ;;
  set-password) setup run; exec "$PYTHON" run.py set-password "$@" ;;
  bench) setup bench test; exec "$PYTHON" -m bench.run "$@" ;;
  soak) setup test; exec "$PYTHON" -m bench.soak "$@" ;;
  screenshots) setup test; exec "$PYTHON" scripts/take_screenshots.py "$@" ;;
  setup)
    if [ "${1:-}" = --dev ]; then setup test; else setup run; fi ;;
  *) echo "usage: ./kiosk.sh run|test|check|prerender|set-password|bench|soak|screenshots|setup [--dev] [arguments]" >&2; exit 2 ;;
esac
