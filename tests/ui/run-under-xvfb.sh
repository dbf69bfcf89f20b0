#!/bin/sh
# Runs a UI test on the display there is, or on a private Xvfb when there is
# none, so that plain `meson test` works on a CI machine without a desktop.
# SPDX-License-Identifier: GPL-3.0-or-later
export GDK_BACKEND=x11
export GSK_RENDERER=cairo
export GDK_DEBUG=gl-disable
export GTK_A11Y=test
export GSETTINGS_BACKEND=memory
export NO_AT_BRIDGE=1
# A private session bus: without one, GLib and GTK autolaunch dbus-launch on
# the display, which takes seconds per test program and leaves a daemon behind.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null 2>&1; then
  set -- dbus-run-session -- "$@"
fi
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 ${LO_XVFB_SCREEN:-1280x1024}x24" "$@"
fi
exec "$@"
