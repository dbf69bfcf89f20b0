#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the shipped question banks as C tables: one row per bank the
GResource holds (question-banks/*.xml) with the id and edition (version) of its
root element, its levels, dimensions and questions, sorted by id, then newest
edition first.

`lightsout score` needs one bank; finding it in this table and building it
from constant strings costs a small part of parsing its 35 KB of XML (and of
parsing every shipped bank to find it, as before). The tables are made from
the files at build time, with the reader's rules for text (whitespace runs
collapse to one space, leading and trailing whitespace goes), so adding a bank
to the GResource is all it takes; tests/io/test-bank-reader.c
(/lo/io/bank/shipped-index) checks that each row builds the very bank the
reader makes of its file.

Usage: question-bank-index.py GRESOURCE.xml DATA_DIR OUT.c DEPFILE
Python 3 standard library only.
"""

import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:lightsout:question-bank:1}"
PREFIX = "question-banks/"
LEVELS = range(1, 6)


def fail(message):
    sys.stderr.write("question-bank-index.py: %s\n" % message)
    sys.exit(1)


def c_string(text):
    """A C string literal (NULL for None): printable ASCII as is, the rest
    (UTF-8 bytes, quotes, backslashes, '?') as octal escapes."""
    if text is None:
        return "NULL"
    out = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        if 0x20 <= byte < 0x7F and char not in '"\\?':
            out.append(char)
        else:
            out.append("\\%03o" % byte)
    return '"' + "".join(out) + '"'


def collapse(text):
    """lo_xml_collapse(): runs of space, tab, CR and LF become one space,
    none at either end."""
    return " ".join(part for part in re.split(r"[ \t\n\r]+", text) if part)


def text_of(path, element):
    if len(element) != 0:
        fail("%s: <%s> holds elements" % (path, element.tag))
    text = collapse(element.text or "")
    if not text:
        fail("%s: <%s> is empty" % (path, element.tag))
    return text


def child_text(path, element, name, required=True):
    found = element.findall(NS + name)
    if len(found) > 1 or (required and not found):
        fail("%s: %s needs exactly one <%s>" % (path, element.get("id", element.tag), name))
    return text_of(path, found[0]) if found else None


def read_question(path, element):
    weight = element.get("weight")
    allow_na = element.get("allow-na", "false")
    if allow_na not in ("true", "false"):
        fail("%s: question %s: allow-na %r" % (path, element.get("id"), allow_na))
    options = [None] * 5
    actions = [None] * 5
    for child in element:
        if child.tag in (NS + "option", NS + "action"):
            slots = options if child.tag == NS + "option" else actions
            slots[int(child.get("level")) - 1] = text_of(path, child)
    return {
        "id": element.get("id"),
        # repr() of the double is exact: the C compiler reads back the value
        # g_ascii_strtod() gives for the file's text
        "weight": repr(float(weight)) if weight is not None else "1.0",
        "allow_na": "TRUE" if allow_na == "true" else "FALSE",
        "text": child_text(path, element, "text"),
        "options": options,
        "actions": actions,
    }


def read_bank(path):
    root = ET.parse(path).getroot()
    if root.tag != NS + "question-bank":
        fail("%s: the root element is %s, not <question-bank>" % (path, root.tag))
    version = root.get("version", "")
    if not root.get("id") or not version.isdigit() or not 1 <= int(version) <= 2**31 - 1:
        fail("%s: the bank needs an id and a positive version" % path)
    bank = {"id": root.get("id"), "edition": int(version),
            "names": [None] * 5, "descriptions": [None] * 5, "dimensions": []}
    for level in root.findall(NS + "level"):
        k = int(level.get("value"))
        bank["names"][k - 1] = child_text(path, level, "name")
        bank["descriptions"][k - 1] = child_text(path, level, "description", required=False)
    for dimension in root.findall(NS + "dimension"):
        bank["dimensions"].append({
            "id": dimension.get("id"),
            "name": child_text(path, dimension, "name"),
            "description": child_text(path, dimension, "description", required=False),
            "questions": [read_question(path, q) for q in dimension.findall(NS + "question")],
        })
    return bank


def write_bank(lines, n, bank):
    lines.append("static const LoShippedQuestion bank%d_questions[] = {" % n)
    for dimension in bank["dimensions"]:
        for q in dimension["questions"]:
            lines.append("  { %s, %s, %s,\n    %s,\n    { %s },\n    { %s } }," % (
                c_string(q["id"]), q["weight"], q["allow_na"], c_string(q["text"]),
                ",\n      ".join(c_string(t) for t in q["options"]),
                ",\n      ".join(c_string(t) for t in q["actions"])))
    lines += ["};", ""]
    lines.append("static const LoShippedDimension bank%d_dimensions[] = {" % n)
    for dimension in bank["dimensions"]:
        lines.append("  { %s, %s, %s, %d }," % (
            c_string(dimension["id"]), c_string(dimension["name"]),
            c_string(dimension["description"]), len(dimension["questions"])))
    lines += ["};", ""]


def main():
    if len(sys.argv) != 5:
        fail("usage: question-bank-index.py GRESOURCE.xml DATA_DIR OUT.c DEPFILE")
    gresource, data_dir, out_path, dep_path = sys.argv[1:]

    names = [f.text.strip() for f in ET.parse(gresource).getroot().iter("file")
             if f.text and f.text.strip().startswith(PREFIX) and f.text.strip().endswith(".xml")]
    banks = []
    for name in names:
        bank = read_bank(data_dir + "/" + name)
        bank["file"] = name
        if any((b["id"], b["edition"]) == (bank["id"], bank["edition"]) for b in banks):
            fail("%s: bank %s edition %d ships twice" % (name, bank["id"], bank["edition"]))
        banks.append(bank)
    banks.sort(key=lambda b: (b["id"].encode(), -b["edition"]))

    lines = [
        "/* lo-shipped-banks.c: the shipped question banks as tables.",
        " * Generated by data/question-bank-index.py from the banks in the",
        " * GResource: do not edit. */",
        '#include "lo-shipped-banks-private.h"',
        "",
    ]
    for n, bank in enumerate(banks):
        write_bank(lines, n, bank)
    lines.append("const LoShippedBank lo_shipped_banks[] = {")
    for n, bank in enumerate(banks):
        lines.append("  { %s, %d, %s,\n    { %s },\n    { %s },\n    bank%d_dimensions, %d, bank%d_questions }," % (
            c_string(bank["id"]), bank["edition"], c_string(bank["file"]),
            ",\n      ".join(c_string(t) for t in bank["names"]),
            ",\n      ".join(c_string(t) for t in bank["descriptions"]),
            n, len(bank["dimensions"]), n))
    if not banks:
        lines.append("  { 0 },")
    lines += ["};", "", "const guint lo_n_shipped_banks = %d;" % len(banks), ""]
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))

    deps = [gresource] + [data_dir + "/" + b["file"] for b in banks]
    with open(dep_path, "w", encoding="utf-8") as dep:
        dep.write("%s: %s\n" % (out_path.replace(" ", "\\ "),
                                " ".join(d.replace(" ", "\\ ") for d in deps)))


if __name__ == "__main__":
    main()
