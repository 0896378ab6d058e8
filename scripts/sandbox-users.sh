#!/bin/sh
# Create the unprivileged users the judge runs untrusted code as: barraiser-sb0 .. sb(N-1).
# Usage: sandbox-users.sh [--soft] N
soft=0
if [ "$1" = "--soft" ]; then soft=1; shift; fi
n=${1:-2}
i=0
while [ "$i" -lt "$n" ]; do
  u="barraiser-sb$i"
  if ! id -u "$u" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      useradd --system --no-create-home --shell /usr/sbin/nologin "$u" && echo "Created user $u"
    else
      echo "Please create the sandbox user (as root): useradd --system --no-create-home --shell /usr/sbin/nologin $u"
      [ "$soft" = 1 ] || exit 1
    fi
  fi
  i=$((i + 1))
done
