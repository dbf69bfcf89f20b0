#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# first-frame.sh [--rss] CMD [ARG…]
#
# Milliseconds from starting CMD to its first visible top-level window, on a
# private X server (Xvfb) started for this run; the window is looked for with
# `xdotool search --onlyvisible` every 5 ms.  With --rss, also prints the
# program's peak resident memory at that moment (VmHWM, KiB).  Prints one line:
# "MS" or "MS KIB"; "timeout" after 20 s.
#
# Both sides of a ratio (Lights Out and bench/bare-window) must be measured
# with this script, in turns, in the same run: absolute times drift on shared
# machines, ratios much less.  The environment is the caller's (give it a
# session bus and the XDG_DATA_HOME holding the database to start with).
set -u
rss=no
if [ "${1:-}" = "--rss" ]; then rss=yes; shift; fi
[ $# -ge 1 ] || { echo "usage: first-frame.sh [--rss] CMD [ARG…]" >&2; exit 2; }
command -v Xvfb >/dev/null && command -v xdotool >/dev/null \
  || { echo "first-frame.sh: needs Xvfb and xdotool" >&2; exit 77; }

# Xvfb picks a free display and writes its number to fd 3 once it is ready.
exec 3< <(Xvfb -displayfd 1 -screen 0 1280x1024x24 -nolisten tcp 2>/dev/null & echo "pid $!")
read -r _ xvfb_pid <&3
read -r -t 10 display <&3 || { echo "first-frame.sh: Xvfb did not start" >&2; kill "$xvfb_pid"; exit 1; }
export DISPLAY=:$display

ms_since () {   # $1: start in µs; prints whole milliseconds since then
  local now=${EPOCHREALTIME/./}
  echo $(( (now - $1) / 1000 ))
}

start=${EPOCHREALTIME/./}
GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none "$@" >/dev/null 2>&1 &
app=$!
result=timeout
while kill -0 "$app" 2>/dev/null; do
  if xdotool search --onlyvisible --name '.' >/dev/null 2>&1; then
    result=$(ms_since "$start")
    if [ $rss = yes ]; then
      result="$result $(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$app/status")"
    fi
    break
  fi
  [ "$(ms_since "$start")" -gt 20000 ] && break
  sleep 0.005
done
kill -0 "$app" 2>/dev/null || [ "$result" != timeout ] || result="exited"
echo "$result"
kill "$app" 2>/dev/null; wait "$app" 2>/dev/null
kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null
exec 3<&-
[ "$result" != timeout ] && [ "$result" != exited ]
