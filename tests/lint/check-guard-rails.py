#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Guard rails that keep fixed problems fixed (issue 13):

- the ui tests wait for a condition (tests/ui/ui-test-util.h), never a fixed
  time: no g_usleep, usleep, sleep or spin (N) in tests/ui/test-*.c;
- nothing tunes the allocator for the whole process: no mallopt, malloc_trim,
  madvise or sbrk under src/.

Usage: check-guard-rails.py SOURCE_ROOT
"""

import os
import re
import sys

FIXED_WAIT = re.compile(r'\b(?:g_usleep|usleep|sleep|nanosleep|spin)\s*\(')
ALLOCATOR = re.compile(r'\b(?:mallopt|malloc_trim|madvise|sbrk)\s*\(')


def strip_comments(text):
    return re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)


def scan(path, pattern, what, problems):
    with open(path, encoding='utf-8') as f:
        text = strip_comments(f.read())
    for number, line in enumerate(text.split('\n'), 1):
        if pattern.search(line):
            problems.append(f'{path}:{number}: {what}: {line.strip()}')


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = sys.argv[1]
    problems = []

    ui = os.path.join(root, 'tests', 'ui')
    for name in sorted(os.listdir(ui)):
        if name.startswith('test-') and name.endswith('.c'):
            scan(os.path.join(ui, name), FIXED_WAIT,
                 'a fixed-time wait (wait for a condition: ui-test-util.h)', problems)

    for directory, _, names in os.walk(os.path.join(root, 'src')):
        for name in sorted(names):
            if name.endswith(('.c', '.h')):
                scan(os.path.join(directory, name), ALLOCATOR,
                     'process-wide allocator tuning', problems)

    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
