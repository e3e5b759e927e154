#!/usr/bin/env bash
# `make test` needs headless Chromium (the report's screenshot test) and CJK fonts (the Korean
# report renders as text, not boxes). Install them where missing (Debian/Ubuntu, as root), or stop
# at once with the one command to run: never 900 tests later.
set -euo pipefail

PACKAGES="chromium fonts-noto-cjk"
INSTALL="apt-get update && apt-get install -y $PACKAGES"

if [ "${SKIP_BROWSER_TESTS:-}" = "1" ]; then
  echo "browser: SKIP_BROWSER_TESTS=1, the report's screenshot tests will be skipped"
  exit 0
fi

have_browser() {
  [ -n "${CHROMIUM:-}" ] && [ -x "${CHROMIUM}" ] && return 0
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}

have_cjk_fonts() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=ko family 2>/dev/null | head -n 1)" ]
}

if have_browser && have_cjk_fonts; then
  exit 0
fi

missing=()
have_browser || missing+=("headless Chromium")
have_cjk_fonts || missing+=("CJK fonts")
echo "browser: ${missing[*]} missing for the report's screenshot tests"

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "browser: installing $PACKAGES with apt-get (about a minute)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES >/dev/null
  if have_browser && have_cjk_fonts; then
    echo "browser: installed"
    exit 0
  fi
  echo "browser: apt-get finished but ${missing[*]} still not found" >&2
  exit 1
fi

cat >&2 <<MSG
make test needs ${missing[*]} and cannot install them here (not root, or no apt-get).
Run this once, then make test again:
    sudo sh -c '$INSTALL'
or skip the browser tests: SKIP_BROWSER_TESTS=1 make test
MSG
exit 1
