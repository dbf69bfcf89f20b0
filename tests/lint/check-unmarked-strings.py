#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Finds user-visible string literals in src/**/*.c that are not marked for translation.

A string literal passed straight to one of the calls in CALLS (fprintf, g_printerr,
g_set_error, gtk_label_new, adw_toast_new …) is user-visible when, once printf
conversions, escapes, markup tags and "lightsout [COMMAND]" are taken out,
it still holds a word (two letters in a row). Such a literal must be wrapped in _(), N_(), C_(), NC_() or a gettext call.

Exceptions:
  - a line that carries the comment /* no-i18n */ (for file formats, ids, debug
    output that no person reads);
  - an entry "<path relative to the source root>:<literal as written in C>" in
    unmarked-strings.allow beside this script.

Usage: check-unmarked-strings.py SOURCE_ROOT
Prints each offence as path:line: call: "literal" and exits 1 if there is any.
"""

import os
import re
import sys

# call name -> index of the first argument that may be a user-visible text
# (arguments before it are streams, errors, domains, codes, widgets …); every
# argument from that index on is examined.
CALLS = {
    'printf': 0,
    'fprintf': 1,
    'g_print': 0,
    'g_printerr': 0,
    'g_set_error': 3,
    'g_set_error_literal': 3,
    'g_error_new': 2,
    'g_error_new_literal': 2,
    'g_prefix_error': 1,
    'g_prefix_error_literal': 1,
    'g_propagate_prefixed_error': 2,
    'g_task_return_new_error': 3,
    'gtk_label_new': 0,
    'gtk_label_new_with_mnemonic': 0,
    'gtk_label_set_text': 1,
    'gtk_label_set_label': 1,
    'gtk_label_set_markup': 1,
    'gtk_button_new_with_label': 0,
    'gtk_button_new_with_mnemonic': 0,
    'gtk_button_set_label': 1,
    'gtk_check_button_new_with_label': 0,
    'gtk_check_button_new_with_mnemonic': 0,
    'gtk_window_set_title': 1,
    'gtk_widget_set_tooltip_text': 1,
    'gtk_widget_set_tooltip_markup': 1,
    'gtk_file_chooser_native_new': 0,
    'gtk_file_filter_set_name': 1,
    'gtk_print_operation_set_job_name': 1,
    'adw_toast_new': 0,
    'adw_toast_set_title': 1,
    'adw_toast_set_button_label': 1,
    'adw_window_title_new': 0,
    'adw_window_title_set_title': 1,
    'adw_window_title_set_subtitle': 1,
    'adw_status_page_set_title': 1,
    'adw_status_page_set_description': 1,
    'adw_preferences_page_set_title': 1,
    'adw_preferences_group_set_title': 1,
    'adw_preferences_group_set_description': 1,
    'adw_preferences_row_set_title': 1,
    'adw_action_row_set_subtitle': 1,
    'adw_expander_row_set_subtitle': 1,
    'adw_message_dialog_new': 1,
    'adw_message_dialog_set_heading': 1,
    'adw_message_dialog_set_body': 1,
    'adw_message_dialog_format_heading': 1,
    'adw_message_dialog_format_body': 1,
    'adw_message_dialog_add_response': 2,
    'adw_view_stack_add_titled': 3,
}

MARKERS = ('_', 'N_', 'C_', 'NC_', 'Q_', 'gettext', 'g_dgettext', 'g_dngettext',
           'ngettext', 'dgettext', 'dngettext', 'g_dpgettext', 'g_dpgettext2',
           'pgettext')

CALL_RE = re.compile(r'\b(' + '|'.join(sorted(CALLS, key=len, reverse=True)) + r')\s*\(')
PRINTF_RE = re.compile(r'%(?:\d+\$)?[-+ #0\']*(?:\d+|\*)?(?:\.(?:\d+|\*))?'
                       r'(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn%]'
                       r'|%<\w+>')
ESCAPE_RE = re.compile(r'\\(?:[ntrvfab\\\'"?]|x[0-9a-fA-F]+|[0-7]{1,3})')
TAG_RE = re.compile(r'</?[A-Za-z][^<>]*>')
WORD_RE = re.compile(r'[A-Za-z]{2,}')
# Words that are never translated: the program's name and its commands after it.
UNTRANSLATED_WORDS = re.compile(r'\blightsout(?:\s+(?:demo|validate|score|roi|report|chart|import'
                                r'|export|list|help))?\b')


def blank_comments(text):
    """Replaces comments with spaces (keeping newlines) and leaves literals alone."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            end = text.find('*/', i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:end]))
            i = end
        elif text.startswith('//', i):
            end = text.find('\n', i)
            end = n if end < 0 else end
            out.append(' ' * (end - i))
            i = end
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def split_args(text, start):
    """Splits the argument list that opens at text[start] == '('.

    Returns a list of (offset, argument text) at the top level, or None."""
    depth = 0
    args = []
    arg_start = start + 1
    i, n = start, len(text)
    while i < n:
        c = text[i]
        if c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            i = j + 1
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                args.append((arg_start, text[arg_start:i]))
                return args
        elif c == ',' and depth == 1:
            args.append((arg_start, text[arg_start:i]))
            arg_start = i + 1
        i += 1
    return None


MACRO = r'G_G?U?INT\d+_(?:FORMAT|MODIFIER)|G_GS?SIZE_(?:FORMAT|MODIFIER)|G_GOFFSET_FORMAT'
LITERALS_ONLY_RE = re.compile(r'^\s*(?:"(?:[^"\\\n]|\\.)*"\s*|(?:' + MACRO + r')\s*)+$')
PIECE_RE = re.compile(r'"((?:[^"\\\n]|\\.)*)"|(' + MACRO + r')')


def bare_literal(arg):
    """The text of an argument that is only string literal(s), else None.

    Format macros between the pieces are kept as <NAME>, as in "%<G_GINT64_FORMAT>"."""
    if '"' not in arg or not LITERALS_ONLY_RE.match(arg):
        return None
    return ''.join(lit if macro == '' else f'<{macro}>' for lit, macro in PIECE_RE.findall(arg))


def is_user_visible(literal):
    text = PRINTF_RE.sub(' ', literal)
    text = ESCAPE_RE.sub(' ', text)
    text = TAG_RE.sub(' ', text)
    text = UNTRANSLATED_WORDS.sub(' ', text)
    return WORD_RE.search(text) is not None


def load_allowlist(path):
    allowed = set()
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if line and not line.startswith('#'):
                    allowed.add(line)
    return allowed


def scan_file(path, rel, allowed, used):
    with open(path, encoding='utf-8') as f:
        raw = f.read()
    raw_lines = raw.split('\n')
    text = blank_comments(raw)
    offences = []
    for m in CALL_RE.finditer(text):
        # not a definition or a member of something longer (foo.printf, my_printf)
        before = text[max(0, m.start() - 1):m.start()]
        if before and (before.isalnum() or before in '_.'):
            continue
        name = m.group(1)
        args = split_args(text, m.end() - 1)
        if args is None:
            continue
        for offset, arg in args[CALLS[name]:]:
            literal = bare_literal(arg)
            if literal is None or not is_user_visible(literal):
                continue
            line_no = text.count('\n', 0, offset + len(arg) - len(arg.lstrip())) + 1
            if '/* no-i18n */' in raw_lines[line_no - 1]:
                continue
            if f'{rel}:{literal}' in allowed:
                used.add(f'{rel}:{literal}')
                continue
            offences.append((line_no, name, literal))
    return offences


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = sys.argv[1]
    allowed = load_allowlist(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                          'unmarked-strings.allow'))
    used = set()
    total = files = 0
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, 'src')):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith('.c'):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            files += 1
            for line_no, call, literal in scan_file(path, rel, allowed, used):
                print(f'{rel}:{line_no}: {call}: "{literal}" is not marked for translation '
                      f'(wrap it in _() or N_(), or allow it in tests/lint/unmarked-strings.allow)')
                total += 1
    for entry in sorted(allowed - used):
        print(f'note: allowlist entry no longer needed: {entry}')
    print(f'{files} files scanned, {total} unmarked user-visible strings')
    return 1 if total else 0


if __name__ == '__main__':
    sys.exit(main())
