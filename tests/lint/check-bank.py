#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lints the wording of the shipped question banks for the faults a machine can
see (issue 19); the rest is for a reviewer.

For every data/question-banks/*.xml (each bank id and edition once):

1. no option names a maturity level ("Assisted", "Lights-out" …) or repeats
   four words in a row of a level's definition (the bank's own <description>
   or SPEC §1's table): an option that restates the level invites respondents
   to pick the level they would like to be at;
2. an option or question text with " and " may be joining two measurable
   conditions (two questions in one): it fails unless the text is listed in
   the reviewed list (tests/lint/bank-and-reviewed.txt), exactly as written;
3. a question about monitoring, audit trails, exceptions or changes of
   automated work allows "not applicable" (allow-na="true"): a company with
   no automation cannot answer it otherwise;
4. every shipped bank file is listed in po/POTFILES.in, no two files ship
   the same id and edition, and every text of every shipped bank has a
   translation in each language of po/LINGUAS (LL.po, or LL-*.po waiting to
   be merged into it).

Frozen editions are exempt from 1–3: their text is what stored assessments
were answered with and must not change (EXEMPT below says which and why).

Usage: check-bank.py SOURCE_ROOT [--verbose]
Exit status 0 when every check passes, 1 otherwise.
"""

import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

BANK_NS = "{urn:lightsout:question-bank:1}"

# (bank id, edition): why its wording is not linted
EXEMPT = {
    ("lightsout-default", 1): "edition 1 is frozen: assessments answered with it "
                              "keep its text (edition 2 revises it)",
}

# SPEC §1's level table, besides each bank's own <level><description>.
SPEC_DEFINITIONS = [
    "Everything runs on human effort: manual processes, disconnected systems, "
    "spreadsheets kept by hand.",
    "Someone has tried an AI tool. No structure around it, no integration, "
    "no measurable output.",
    "AI helps with specific, defined tasks inside processes.",
    "Multi-step workflows run automatically; people review and approve, but do "
    "not execute the steps.",
    "AI produces business output autonomously; people are involved at decision "
    "points and exceptions only.",
]
SPEC_NAMES = ["Manual", "Experimenting", "Assisted", "Orchestrated", "Lights-out"]

RUN = 4  # words in a row that count as repeating a definition

AND = re.compile(r"\band\b", re.IGNORECASE)
AUTOMATED = re.compile(r"\bautomat(?:ed|ion|ically)\b", re.IGNORECASE)
OVERSIGHT_TOPIC = re.compile(
    r"monitor|audit|exception|alert|mistake|fail|stopped working|decision|"
    r"trail|record|change|review", re.IGNORECASE)


def words(text):
    return re.findall(r"[a-z0-9’'-]+", text.lower().replace("’", "'"))


def runs(text, n=RUN):
    w = words(text)
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def load_reviewed(path):
    """Lines "QUESTION-ID | WHERE | TEXT" (WHERE: text or option N); lines
    starting with # say why the group below them is one condition."""
    reviewed = set()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|", 2)]
            if len(parts) != 3:
                raise ValueError("%s:%d: not QUESTION-ID | WHERE | TEXT" % (path, number))
            reviewed.add(tuple(parts))
    return reviewed


def po_strings(path):
    """msgid → msgstr of a .po file (singular entries; fuzzy ones left out)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    strings = {}
    for entry in re.split(r"\n\s*\n", text):
        if re.search(r"^#,.*\bfuzzy\b", entry, re.MULTILINE):
            continue
        m = re.search(r'^msgid ((?:".*"\n?)+)msgstr ((?:".*"\n?)+)', entry, re.MULTILINE)
        if m:
            def join(block):
                return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block)) \
                    .replace('\\"', '"').replace("\\\\", "\\")
            strings[join(m.group(1))] = join(m.group(2))
    return strings


def bank_texts(root):
    for element in root.iter():
        if element.tag in (BANK_NS + t for t in ("name", "description", "text", "option", "action")):
            yield element.text or ""


def check_translations(src, roots, problems):
    with open(os.path.join(src, "po", "LINGUAS"), encoding="utf-8") as f:
        langs = re.sub(r"#.*", "", f.read()).split()
    for lang in langs:
        strings = {}
        for path in sorted(glob.glob(os.path.join(src, "po", lang + "-*.po"))) + \
                [os.path.join(src, "po", lang + ".po")]:
            strings.update({k: v for k, v in po_strings(path).items() if v})
        for rel, root in roots:
            missing = [t for t in bank_texts(root) if t not in strings]
            for t in missing[:5]:
                problems.append("%s: no %s translation of “%s”" % (rel, lang, t))
            if len(missing) > 5:
                problems.append("%s: … and %d more texts without a %s translation" % (
                    rel, len(missing) - 5, lang))


def check_bank(path, root, reviewed, used, problems, verbose):
    bank_id, edition = root.get("id"), int(root.get("version"))
    where_bank = "%s (%s edition %d)" % (os.path.relpath(path), bank_id, edition)
    if (bank_id, edition) in EXEMPT:
        if verbose:
            print("%s: exempt: %s" % (where_bank, EXEMPT[(bank_id, edition)]))
        return

    names = list(SPEC_NAMES)
    definitions = list(SPEC_DEFINITIONS)
    for level in root.findall(BANK_NS + "level"):
        names.append(level.findtext(BANK_NS + "name") or "")
        definitions.append(level.findtext(BANK_NS + "description") or "")
    name_res = [re.compile(r"(?<![\w-])%s(?![\w-])" % re.escape(n), re.IGNORECASE)
                for n in set(names) if n]
    definition_runs = set()
    for d in definitions:
        definition_runs |= runs(d)

    count = 0
    for dimension in root.findall(BANK_NS + "dimension"):
        for question in dimension.findall(BANK_NS + "question"):
            qid = question.get("id")
            text = question.findtext(BANK_NS + "text") or ""
            texts = [("text", text)]
            count += 1
            for option in question.findall(BANK_NS + "option"):
                where = "option %s" % option.get("level")
                option_text = option.text or ""
                texts.append((where, option_text))
                for name_re in name_res:
                    if name_re.search(option_text):
                        problems.append("%s: %s %s names a level (“%s”): %s" % (
                            where_bank, qid, where, name_re.search(option_text).group(0),
                            option_text))
                repeated = sorted(runs(option_text) & definition_runs)
                if repeated:
                    problems.append("%s: %s %s repeats a level's definition (“%s”): %s" % (
                        where_bank, qid, where, repeated[0], option_text))

            for where, t in texts:
                if AND.search(t):
                    key = (qid, where, t)
                    if key in reviewed:
                        used.add(key)
                    else:
                        problems.append(
                            "%s: %s %s joins two things with “and” — one question, one "
                            "condition; if it is one condition, add “%s | %s | %s” to the "
                            "reviewed list" % (where_bank, qid, where, qid, where, t))

            if AUTOMATED.search(text) and OVERSIGHT_TOPIC.search(qid + " " + text) \
                    and question.get("allow-na") != "true":
                problems.append("%s: %s asks about automated work but does not allow "
                                "“not applicable”: %s" % (where_bank, qid, text))
    if verbose:
        print("%s: %d questions linted" % (where_bank, count))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    src = args[0]
    reviewed_path = os.path.join(src, "tests", "lint", "bank-and-reviewed.txt")
    problems = []
    reviewed = load_reviewed(reviewed_path)
    used = set()

    with open(os.path.join(src, "po", "POTFILES.in"), encoding="utf-8") as f:
        potfiles = {line.strip() for line in f}

    seen = {}
    roots = []
    files = sorted(glob.glob(os.path.join(src, "data", "question-banks", "*.xml")))
    if not files:
        problems.append("no shipped question bank found")
    for path in files:
        rel = os.path.relpath(path, src)
        if rel not in potfiles:
            problems.append("%s is not listed in po/POTFILES.in" % rel)
        root = ET.parse(path).getroot()
        key = (root.get("id"), root.get("version"))
        if key in seen:
            problems.append("%s and %s both ship %s edition %s" % (seen[key], rel, *key))
        seen[key] = rel
        roots.append((rel, root))
        check_bank(path, root, reviewed, used, problems, verbose)
    check_translations(src, roots, problems)

    for qid, where, text in sorted(reviewed - used):
        problems.append("%s: %s | %s | %s is listed as reviewed but no shipped text "
                        "reads so (remove it or update it)" % (
                            os.path.relpath(reviewed_path, src), qid, where, text))

    for p in problems:
        print("FAIL: " + p, file=sys.stderr)
    print("check-bank: %s" % ("ok" if not problems else "%d problem(s)" % len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
