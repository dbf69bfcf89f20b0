# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers of the whole-process benchmarks (bench-report-route.py,
bench-first-frame.py): run a program as a user would, its wall time and peak
resident memory (its own and its children's), medians."""
import os
import statistics
import sys
import time


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


def need_env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit(f"{os.path.basename(sys.argv[0])}: set {name} (meson sets it for `meson test --benchmark`)")
    return value


def run(argv, env=None):
    """Runs argv with its output thrown away; returns (seconds, peak RSS in KiB).
    The peak is the largest of the process and the children it waited for
    (Linux's wait4), so a launcher script and the program behind it count."""
    devnull = os.open(os.devnull, os.O_RDWR)
    try:
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, env if env is not None else os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 0),
                                           (os.POSIX_SPAWN_DUP2, devnull, 1),
                                           (os.POSIX_SPAWN_DUP2, devnull, 2)])
        _, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - start
    finally:
        os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(argv)} exited with {os.waitstatus_to_exitcode(status)}")
    return seconds, usage.ru_maxrss


def median(values):
    return statistics.median(values)


def describe(label, seconds, rss_kib):
    return (f"{label}: median {median(seconds) * 1000:.0f} ms of {len(seconds)} "
            f"(min {min(seconds) * 1000:.0f}, max {max(seconds) * 1000:.0f}), "
            f"peak RSS {max(rss_kib) / 1024:.1f} MiB")


def which(program):
    for d in os.environ.get("PATH", "").split(os.pathsep):
        path = os.path.join(d, program)
        if os.access(path, os.X_OK) and not os.path.isdir(path):
            return path
    return None
