#!/bin/sh
# The kiosk's screen: Chromium full screen on the kiosk's own address, nothing else.
# The managed policy (chromium-policy.json) blocks every other address, downloads, file
# dialogs, developer tools and browser printing.
# If Chromium stops (a crash, killed for memory), this script starts it again within a second
# or two while cage keeps the screen; if cage itself stops, systemd starts the whole screen
# again (kiosk-screen.service, Restart=always). tests/test_kiosk_screen.py checks both screens.
set -eu

URL="${KIOSK_URL:-http://127.0.0.1:8000/}"
PROFILE=""
trap 'rm -rf "$PROFILE"' EXIT
trap 'exit 143' INT TERM

# Wait (at most a minute) until the kiosk server answers, so the first screen is not an error.
wait_for_server() {
  i=0
  while [ "$i" -lt 60 ]; do
    if python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + 'healthz', timeout=2)" "$URL" 2>/dev/null; then
      return 0
    fi
    i=$((i + 1))
    sleep 1
  done
}

while :; do
  wait_for_server
  # A fresh, throw-away profile every start, so no visitor's traces survive a restart.
  PROFILE="$(mktemp -d "${TMPDIR:-/tmp}/kiosk-browser.XXXXXX")"
  status=0
  /usr/bin/chromium \
    --kiosk \
    --noerrdialogs \
    --disable-session-crashed-bubble \
    --disable-pinch \
    --overscroll-history-navigation=0 \
    --no-first-run \
    --disable-translate \
    --disable-features=Translate,TranslateUI \
    --disable-background-networking \
    --disable-component-update \
    --disable-sync \
    --autoplay-policy=no-user-gesture-required \
    --ozone-platform-hint=auto \
    --user-data-dir="$PROFILE" \
    "$URL" || status=$?
  echo "kiosk-browser: Chromium stopped (exit status $status); starting it again" >&2
  # A crashed Chromium's helper processes may write to the profile for a moment longer (rm then
  # fails, which under `set -e` would stop the screen): wait, remove, and try once more.
  sleep 1
  rm -rf "$PROFILE" 2>/dev/null || { sleep 2; rm -rf "$PROFILE" || true; }
  PROFILE=""
done
