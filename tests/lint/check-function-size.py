#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sizes a newcomer can read (issue 13):

- no source file under src/ (*.c, *.h) is longer than 1,200 lines;
- no function is longer than 150 lines, counted between its opening and its
  closing brace, both at column 0 (GNU style puts them there). Tables of data
  (an initialiser: "= {" or a "{" after a line ending in "=") and struct or
  enum bodies are not functions and are not counted.

Usage: check-function-size.py SOURCE_ROOT
"""

import os
import sys

MAX_FILE_LINES = 1200
MAX_FUNCTION_LINES = 150


def is_function_start(lines, index):
    """Whether the "{" alone at column 0 on lines[index] opens a function:
    the declarator above it ends with ")" (GNU style: the return type on its
    own line, then "name (args)"), possibly followed by attributes."""
    j = index - 1
    while j >= 0 and lines[j].strip() == '':
        j -= 1
    if j < 0:
        return False
    above = lines[j].rstrip()
    if above.endswith('='):
        return False
    # Parameters may span several lines; the last one closes the list.
    return above.endswith(')') or above.endswith(') G_GNUC_UNUSED')


def function_name(lines, index):
    for j in range(index - 1, max(index - 30, -1), -1):
        text = lines[j]
        if text[:1].isalpha() and '(' in text:
            return text.split('(')[0].split()[-1].lstrip('*')
    return '?'


def check_file(path, problems):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if len(lines) > MAX_FILE_LINES:
        problems.append(f'{path}: {len(lines)} lines (more than {MAX_FILE_LINES}); '
                        'split it along its seams')
    index = 0
    while index < len(lines):
        if lines[index].rstrip() == '{' and is_function_start(lines, index):
            end = index + 1
            while end < len(lines) and not lines[end].startswith('}'):
                end += 1
            body = end - index - 1
            if body > MAX_FUNCTION_LINES:
                problems.append(f'{path}:{index + 1}: {function_name(lines, index)} () '
                                f'has {body} lines (more than {MAX_FUNCTION_LINES})')
            index = end
        index += 1


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = sys.argv[1]
    problems = []
    count = 0
    for top, dirs, files in os.walk(os.path.join(root, 'src')):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(('.c', '.h')):
                check_file(os.path.join(top, name), problems)
                count += 1
    for problem in problems:
        print(problem)
    if count == 0:
        print('no source files found under', os.path.join(root, 'src'))
        return 1
    print(f'# {count} files, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
