#!/bin/sh
# Install missing Debian packages when run as root on Debian/Ubuntu.
# Usage: system-deps.sh [--soft] PACKAGE...   (--soft: only warn when they cannot be installed)
soft=0
if [ "$1" = "--soft" ]; then soft=1; shift; fi
missing=""
for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing:$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
  exit $?
fi
echo "Please install these Debian packages (as root): apt-get install$missing"
[ "$soft" = 1 ] && exit 0
exit 1
