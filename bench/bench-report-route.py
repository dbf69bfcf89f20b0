#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench-report-route: `lightsout report` against the spreadsheet route.

On the demo engagement and on a 50-process, 12-respondent one, alternates in
one run: `lightsout report FILE -o report.pdf` (the whole process) and the
spreadsheet route's whole process, `soffice --headless --convert-to pdf` of
the workbook spreadsheet-route.py builds from the same file.  Prints both
medians and peak resident memories, and the ratios against the goals
(time ≤ 1/50, memory ≤ 1/5 of the spreadsheet route).  Without soffice
(Debian: libreoffice-calc-nogui) or openpyxl (python3-openpyxl) it prints
Lights Out's figures and says why the ratio is skipped.

Environment: LIGHTSOUT, LO_BENCH_FIXTURE, LO_BENCH_DIR (meson sets them);
LO_BENCH_RUNS (default 7), LO_BENCH_PROCESSES (default 50).
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lo_bench_whole import describe, env_int, median, need_env, run, which  # noqa: E402


def python_with_openpyxl():
    for python in (sys.executable, "/usr/bin/python3", which("python3")):
        if python and subprocess.run([python, "-c", "import openpyxl"],
                                     stderr=subprocess.DEVNULL).returncode == 0:
            return python
    return None


def soffice_argv(soffice, profile, xlsx, outdir):
    return [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", outdir, xlsx]


def measure(label, lightsout, engagement, route, runs, tmp):
    pdf = os.path.join(tmp, "report.pdf")
    report = [lightsout, "report", engagement, "-o", pdf]
    run(report)                                   # warm the page cache, as a user's second run
    if route is not None:
        run(route)                                # LibreOffice's first start writes its profile
    ours, ours_rss, theirs, theirs_rss = [], [], [], []
    for _ in range(runs):
        s, rss = run(report)
        ours.append(s)
        ours_rss.append(rss)
        if route is not None:
            s, rss = run(route)
            theirs.append(s)
            theirs_rss.append(rss)
    print(describe(f"{label}: lightsout report", ours, ours_rss))
    if route is None:
        return
    print(describe(f"{label}: spreadsheet route (soffice --convert-to pdf)", theirs, theirs_rss))
    time_ratio = median(theirs) / median(ours)
    memory_ratio = max(theirs_rss) / max(ours_rss)
    print(f"{label}: lightsout takes 1/{time_ratio:.0f} of the spreadsheet route's time "
          f"(goal 1/50: {'met' if time_ratio >= 50 else 'NOT met'}) and 1/{memory_ratio:.1f} "
          f"of its peak memory (goal 1/5: {'met' if memory_ratio >= 5 else 'NOT met'})")


def main():
    lightsout = need_env("LIGHTSOUT")
    fixture = need_env("LO_BENCH_FIXTURE")
    bench_dir = os.environ.get("LO_BENCH_DIR", os.path.dirname(os.path.abspath(__file__)))
    runs = env_int("LO_BENCH_RUNS", 7)
    n_processes = env_int("LO_BENCH_PROCESSES", 50)

    soffice = which("soffice") or which("libreoffice")
    python = python_with_openpyxl()
    if soffice is None:
        print("spreadsheet route skipped: no soffice (Debian: libreoffice-calc-nogui); "
              "Lights Out's figures only")
    elif python is None:
        print("spreadsheet route skipped: no python3 with openpyxl (Debian: python3-openpyxl); "
              "Lights Out's figures only")

    with tempfile.TemporaryDirectory(prefix="lo-bench-route-") as tmp:
        demo = os.path.join(tmp, "demo.lightsout")
        big = os.path.join(tmp, f"processes-{n_processes}.lightsout")
        run([lightsout, "demo", "-o", demo])
        run([fixture, "engagement", str(n_processes), "12", big])
        for label, engagement in (("demo (6 processes, 3 respondents)", demo),
                                  (f"{n_processes} processes, 12 respondents", big)):
            route = None
            if soffice is not None and python is not None:
                xlsx = os.path.splitext(engagement)[0] + ".xlsx"
                subprocess.run([python, os.path.join(bench_dir, "spreadsheet-route.py"), engagement, xlsx],
                               check=True)
                outdir = os.path.join(tmp, "soffice-out")
                os.makedirs(outdir, exist_ok=True)
                route = soffice_argv(soffice, os.path.join(tmp, "soffice-profile"), xlsx, outdir)
            measure(label, lightsout, engagement, route, runs, tmp)
        shutil.rmtree(os.path.join(tmp, "soffice-profile"), ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
