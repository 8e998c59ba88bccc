#!/bin/sh
# The kiosk's screen: Chromium full screen on the kiosk's own address, nothing else.
# A fresh, throw-away profile every start, so no visitor's traces survive a restart.
# The managed policy (chromium-policy.json) blocks every other address, downloads, file
# dialogs, developer tools and browser printing; systemd restarts this script if Chromium stops.
set -eu

URL="${KIOSK_URL:-http://127.0.0.1:8000/}"
PROFILE="$(mktemp -d "${TMPDIR:-/tmp}/kiosk-browser.XXXXXX")"
trap 'rm -rf "$PROFILE"' EXIT INT TERM

# Wait (at most a minute) until the kiosk server answers, so the first screen is not an error.
i=0
while [ "$i" -lt 60 ]; do
  if python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + 'healthz', timeout=2)" "$URL" 2>/dev/null; then
    break
  fi
  i=$((i + 1))
  sleep 1
done

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
  "$URL"
