#!/usr/bin/env python3
# One analysis behind every view: score, portfolio and roadmap are computed
# only inside src/core (by LoAnalysis, src/core/lo-analysis.c); the window,
# render and the CLI take an analysis. Fails naming every call outside core.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import pathlib
import re
import sys

CALLS = re.compile(r'\b(lo_score_compute|lo_portfolio_compute|lo_roadmap_build|lo_roadmap_schedule)\s*\(')


def main():
    root = pathlib.Path(sys.argv[1])
    problems = []
    for path in sorted((root / 'src').rglob('*.[ch]')):
        if path.parent.name == 'core':
            continue
        for number, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
            match = CALLS.search(line)
            if match:
                problems.append(f'{path.relative_to(root)}:{number}: {match.group(1)} outside core; '
                                'take a LoAnalysis (lo_analysis_new) instead')
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
