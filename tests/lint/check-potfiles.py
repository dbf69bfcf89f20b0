#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every file with translatable strings is listed in po/POTFILES.in, and every
listed file exists: a string marked with _() in a file that is not listed never
reaches the translators.

Usage: check-potfiles.py SOURCE_ROOT
"""

import os
import re
import sys

MARK_C = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2?)\s*\(\s*"')
MARK_UI = re.compile(r'translatable="(?:yes|true)"')


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = sys.argv[1]
    listed = []
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)

    problems = []
    for path in listed:
        if not os.path.isfile(os.path.join(root, path)):
            problems.append(f'po/POTFILES.in lists {path}, which does not exist')
    dupes = {p for p in listed if listed.count(p) > 1}
    for path in sorted(dupes):
        problems.append(f'po/POTFILES.in lists {path} more than once')

    candidates = []
    for top, pattern, exts in (('src', MARK_C, ('.c',)), ('ui', MARK_UI, ('.ui',)),
                               ('src', MARK_UI, ('.ui',))):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(exts):
                    candidates.append((os.path.join(dirpath, name), pattern))
    checked = 0
    for path, pattern in candidates:
        rel = os.path.relpath(path, root)
        with open(path, encoding='utf-8') as f:
            if pattern.search(f.read()):
                checked += 1
                if rel not in listed:
                    problems.append(f'{rel} has translatable strings but is not in po/POTFILES.in')

    for p in problems:
        print(p)
    print(f'{len(listed)} files listed, {checked} files with translatable strings, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
