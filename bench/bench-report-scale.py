#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench-report-scale: a report of 10,000 processes (issue 15 item 9).

Makes a 10,000-process, 12-respondent engagement (the demo grown by
lo-bench-fixture; 36-month horizon, default draws) and times the whole
`lightsout report FILE -o report.pdf` process, full and summary edition,
printing the wall time and peak resident memory of each against the goal:
under 30 s and 300 MB.

Environment: LIGHTSOUT, LO_BENCH_FIXTURE (meson sets them);
LO_BENCH_PROCESSES (default 10000), LO_BENCH_RUNS (default 1).
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lo_bench_whole import env_int, need_env, run  # noqa: E402

GOAL_SECONDS = 30
GOAL_MIB = 300


def main():
    lightsout = need_env("LIGHTSOUT")
    fixture = need_env("LO_BENCH_FIXTURE")
    n = env_int("LO_BENCH_PROCESSES", 10000)
    runs = env_int("LO_BENCH_RUNS", 1)
    met = True
    with tempfile.TemporaryDirectory(prefix="lo-bench-scale-") as tmp:
        engagement = os.path.join(tmp, "big.lightsout")
        run([fixture, "engagement", str(n), "12", engagement])
        for edition in ("full", "summary"):
            out = os.path.join(tmp, f"{edition}.pdf")
            best = None
            for _ in range(runs):
                seconds, rss = run([lightsout, "report", engagement, "-o", out,
                                    "--edition", edition])
                if not os.path.exists(out):
                    sys.exit(f"bench-report-scale: the {edition} report was not written")
                if best is None or seconds < best[0]:
                    best = (seconds, rss)
            ok = best[0] < GOAL_SECONDS and best[1] / 1024 < GOAL_MIB
            met = met and ok
            print(f"{n} processes, {edition} edition: {best[0]:.1f} s, "
                  f"peak RSS {best[1] / 1024:.0f} MiB "
                  f"(goal under {GOAL_SECONDS} s and {GOAL_MIB} MB: {'met' if ok else 'NOT met'})")
    print(f"target: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
