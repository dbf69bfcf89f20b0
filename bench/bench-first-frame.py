#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench-first-frame: the window's start-up with a practice's worth of clients,
against a bare libadwaita window.

Fills a database in a fresh XDG_DATA_HOME with 1,000 clients (50 processes and
12 respondents each, through the store API: lo-bench-fixture), then measures
with first-frame.sh — milliseconds from start to the first visible top-level
window on a private Xvfb — `lightsout` (which execs the window program) and
bare-window, in turns, each run under its own dbus-run-session.  Prints both
medians, their ratio (goal ≤ 1.3) and both peak resident memories at the first
frame.

Environment: LIGHTSOUT, LO_BENCH_FIXTURE, LO_BARE_WINDOW, LO_BENCH_DIR and
GSETTINGS_SCHEMA_DIR (meson sets them); LO_BENCH_RUNS (default 7),
LO_BENCH_CLIENTS (default 1000); LO_BENCH_COMPARE: another build's lightsout,
measured in the same turns (before and after a change).
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lo_bench_whole import env_int, median, need_env, run, which  # noqa: E402


def first_frame(script, program, env):
    argv = [script, "--rss", program]
    if which("dbus-run-session"):
        argv = ["dbus-run-session", "--"] + argv
    # On a loaded machine a private X server now and then fails to start or
    # the program loses it ("exited"): such a start is tried again, twice.
    for _ in range(3):
        out = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True).stdout.split()
        if len(out) == 2 and out[0].isdigit():
            return int(out[0]), int(out[1])
    raise RuntimeError(f"first-frame.sh {program}: {' '.join(out) or 'no answer'}")


def main():
    lightsout = need_env("LIGHTSOUT")
    fixture = need_env("LO_BENCH_FIXTURE")
    bare = need_env("LO_BARE_WINDOW")
    bench_dir = os.environ.get("LO_BENCH_DIR", os.path.dirname(os.path.abspath(__file__)))
    script = os.path.join(bench_dir, "first-frame.sh")
    runs = env_int("LO_BENCH_RUNS", 7)
    n_clients = env_int("LO_BENCH_CLIENTS", 1000)

    for tool in ("Xvfb", "xdotool"):
        if which(tool) is None:
            print(f"bench-first-frame skipped: no {tool} (Debian: xvfb, xdotool)")
            return 77

    with tempfile.TemporaryDirectory(prefix="lo-bench-frame-") as tmp:
        env = dict(os.environ)
        for name in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "LIGHTSOUT_DB"):
            env.pop(name, None)
        env.update({
            "HOME": os.path.join(tmp, "home"),
            "XDG_DATA_HOME": os.path.join(tmp, "data"),
            "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
            "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
            "XDG_STATE_HOME": os.path.join(tmp, "state"),
            "GSETTINGS_BACKEND": "memory",
            "NO_AT_BRIDGE": "1",
        })
        db_dir = os.path.join(tmp, "data", "lightsout")
        os.makedirs(db_dir)
        os.makedirs(env["HOME"])
        seconds, _ = run([fixture, "database", str(n_clients), "50", "12",
                          os.path.join(db_dir, "lightsout.db")])
        print(f"database: {n_clients} clients of 50 processes and 12 respondents, "
              f"{os.path.getsize(os.path.join(db_dir, 'lightsout.db')) / 2**20:.0f} MiB, "
              f"written in {seconds:.1f} s")

        # One of each first: the day's first start backs the database up, and
        # both programs' libraries come into the page cache.
        first_frame(script, lightsout, env)
        first_frame(script, bare, env)
        other = os.environ.get("LO_BENCH_COMPARE")
        if other:
            first_frame(script, other, env)
        ours, ours_rss, floor, floor_rss, theirs = [], [], [], [], []
        for _ in range(runs):
            ms, rss = first_frame(script, lightsout, env)
            ours.append(ms)
            ours_rss.append(rss)
            ms, rss = first_frame(script, bare, env)
            floor.append(ms)
            floor_rss.append(rss)
            if other:
                theirs.append(first_frame(script, other, env)[0])

    print(f"lightsout, {n_clients} clients: first frame median {median(ours):.0f} ms of {runs} "
          f"(min {min(ours)}, max {max(ours)}), peak RSS {max(ours_rss) / 1024:.1f} MiB")
    print(f"bare-window: first frame median {median(floor):.0f} ms of {runs} "
          f"(min {min(floor)}, max {max(floor)}), peak RSS {max(floor_rss) / 1024:.1f} MiB")
    if theirs:
        print(f"{other}: first frame median {median(theirs):.0f} ms, "
              f"{median(theirs) / median(floor):.2f} × bare-window")
    ratio = median(ours) / median(floor)
    print(f"ratio {ratio:.2f} × bare-window (goal ≤ 1.3: {'met' if ratio <= 1.3 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
