#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads back what `lightsout report` writes for other programs.

Usage: check-office.py xlsx|csv|docx

- xlsx: openpyxl opens the workbook: its sheets, headers, numbers stored as
  numbers with number formats (money in the engagement's currency, dates as
  dates), the programme's cash flow under the ROI table, the Status drop-down
  and the Due date's date validation; a write that fails leaves nothing.
- csv: every table reads back with Python's csv module, every number in the
  fewest digits that read back to the same value (Python's repr is the
  shortest round-trip form), the folder form writes the five tables.
- docx: python-docx opens the document: its headings are the PDF's
  (pdftotext), its tables real tables, its charts images with alt text.

The program is $LIGHTSOUT; exit 77 (skip) when a reader is not installed.
"""

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile

LIGHTSOUT = os.environ.get('LIGHTSOUT')
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print('FAIL:', message)


def run(*args):
    proc = subprocess.run([LIGHTSOUT, *args], capture_output=True, text=True)
    return proc.returncode, proc.stdout, proc.stderr


def demo(tmp):
    path = os.path.join(tmp, 'demo.lightsout')
    status, _, err = run('demo', '-o', path)
    assert status == 0, err
    return path


def check_failed_write(tmp, name):
    """A target whose folder is a file cannot be written: an error, and
    nothing left behind (no temporary beside it, none in $TMPDIR)."""
    blocker = os.path.join(tmp, 'blocker')
    with open(blocker, 'w') as f:
        f.write('x')
    before = set(os.listdir(tmp))
    status, _, err = run('report', demo(tmp), '--draws', '100', '-o', os.path.join(blocker, name))
    check(status != 0, f'{name}: writing into a file as a folder exited 0')
    check(name in err, f'{name}: the error does not name the file: {err!r}')
    after = set(os.listdir(tmp))
    check(after == before, f'{name}: a failed write left {sorted(after - before)}')
    # an existing file stays as it was when the new one cannot be made
    target = os.path.join(tmp, name)
    with open(target, 'wb') as f:
        f.write(b'old')
    status, _, _ = run('report', os.path.join(tmp, 'missing.lightsout'), '-o', target)
    check(status != 0, f'{name}: a missing input exited 0')
    with open(target, 'rb') as f:
        check(f.read() == b'old', f'{name}: a failed report changed the existing file')
    os.unlink(target)
    os.unlink(blocker)


def check_xlsx(tmp):
    try:
        import openpyxl
    except ImportError:
        print('openpyxl is not installed (python3-openpyxl)')
        return 77
    path = os.path.join(tmp, 'r.xlsx')
    status, _, err = run('report', demo(tmp), '--draws', '200', '-o', path)
    check(status == 0, f'report -o r.xlsx exited {status}: {err}')
    book = openpyxl.load_workbook(path)
    check(book.sheetnames == ['Scores', 'Answers', 'ROI', 'Action plan'],
          f'sheets: {book.sheetnames}')
    check(book.properties.creator in (None, ''), f'an author is claimed: {book.properties.creator!r}')

    scores = book['Scores']
    header = [c.value for c in scores[1]]
    check(header[:3] == ['Dimension ID', 'Dimension', 'Score'], f'Scores header {header}')
    check(scores.max_row == 7, f'Scores: 5 dimensions and the overall row, not {scores.max_row - 1} rows')
    for row in scores.iter_rows(min_row=2, max_row=6):
        check(isinstance(row[2].value, float) and 1 <= row[2].value <= 5,
              f'Scores: {row[0].value} score {row[2].value!r} is not a number 1 … 5')
        check(isinstance(row[3].value, (int, float)), f'Scores: level {row[3].value!r} is not a number')
    check(scores['A7'].value == 'overall', f'Scores: last row {scores["A7"].value!r}')

    answers = book['Answers']
    check(answers['A2'].is_date, f'Answers: the date {answers["A2"].value!r} is not a date')
    levels = [r[6].value for r in answers.iter_rows(min_row=2)]
    check(all(v in ('dont-know', 'na') or isinstance(v, (int, float)) for v in levels),
          'Answers: a level is not a number')

    roi = book['ROI']
    header = [c.value for c in roi[1]]
    col = {name: i for i, name in enumerate(header)}
    check('Build cost' in col and 'NPV' in col and 'Currency' in col, f'ROI header {header}')
    first = roi[2]
    check(first[0].value == 'invoicing', f'ROI: first process {first[0].value!r}')
    check(first[col['Build cost']].value == 55000, f'ROI: build cost {first[col["Build cost"]].value!r}')
    check(first[col['Currency']].value == 'USD', 'ROI: currency')
    money = first[col['NPV']].number_format
    check('$' in money and '#,##0' in money, f'ROI: NPV format {money!r} is not dollars')
    check('%' in first[col['ROI']].number_format, 'ROI: ROI is not a percentage')
    check(isinstance(first[col['NPV']].value, float), 'ROI: NPV is not a number')
    # the programme's cash flow below the processes
    titles = [r[0].value for r in roi.iter_rows(min_row=2)]
    check('Programme cash flow by month' in titles, 'ROI: no programme cash flow')
    if 'Programme cash flow by month' in titles:
        at = titles.index('Programme cash flow by month') + 2
        check([c.value for c in roi[at + 1][:3]] == ['Month', 'Cash flow', 'Cumulative'],
              f'ROI: programme header {[c.value for c in roi[at + 1][:3]]}')
        months = [r[0].value for r in roi.iter_rows(min_row=at + 2) if r[0].value is not None]
        check(months == list(range(37)), f'ROI: programme months {months[:3]} … (36-month horizon)')
        flows = [r[1].value for r in roi.iter_rows(min_row=at + 2, max_row=at + 38)]
        cumulative = [r[2].value for r in roi.iter_rows(min_row=at + 2, max_row=at + 38)]
        running = 0
        for m, flow in enumerate(flows):
            running += flow
            check(abs(running - cumulative[m]) <= 1e-6 * max(1, abs(running)),
                  f'ROI: programme month {m}: cumulative {cumulative[m]} is not the sum {running}')
        check('$' in roi.cell(row=at + 2, column=2).number_format, 'ROI: cash flow not in dollars')

    plan = book['Action plan']
    header = [c.value for c in plan[1]]
    check(header[-3:] == ['Owner', 'Due date', 'Status'], f'Action plan header {header}')
    check('Priority' in header, 'Action plan: no priority')
    check(plan.max_row > 20, f'Action plan: {plan.max_row - 1} actions')
    status_list = due_date = None
    for dv in plan.data_validations.dataValidation:
        cells = str(dv.sqref)
        if dv.type == 'list' and cells.startswith('K2:'):
            status_list = dv
        if dv.type == 'date' and cells.startswith('J2:'):
            due_date = dv
    check(status_list is not None, 'Action plan: no Status drop-down')
    if status_list is not None:
        check(status_list.formula1 == '"Not started,In progress,Done"',
              f'Action plan: Status list {status_list.formula1}')
        last = int(str(status_list.sqref).split(':K')[1])
        check(last >= plan.max_row, 'Action plan: the drop-down does not reach every action')
    check(due_date is not None, 'Action plan: Due date takes any value')
    check(plan['J2'].number_format == 'yyyy-mm-dd', f'Action plan: Due date format {plan["J2"].number_format!r}')

    check_failed_write(tmp, 'r.xlsx')
    return 0


def check_csv(tmp):
    folder = os.path.join(tmp, 'tables') + os.sep
    status, _, err = run('report', demo(tmp), '--draws', '200', '-o', folder)
    check(status == 0, f'report -o DIR/ exited {status}: {err}')
    names = ['scores', 'answers', 'roi', 'actions', 'programme']
    check(sorted(os.listdir(folder)) == sorted(n + '.csv' for n in names),
          f'folder holds {sorted(os.listdir(folder))}')
    number = re.compile(r'^-?[0-9][0-9.]*(e[-+][0-9]+)?$')
    for name in names:
        with open(os.path.join(folder, name + '.csv'), newline='', encoding='utf-8') as f:
            data = f.read()
        check(data.endswith('\r\n') and '\n' not in data.replace('\r\n', ''), f'{name}: not CRLF lines')
        rows = list(csv.reader(io.StringIO(data)))
        check(len(rows) > 1, f'{name}: no rows')
        width = len(rows[0])
        checked = 0
        for row in rows[1:]:
            check(len(row) == width, f'{name}: a row of {len(row)} fields, the header has {width}')
            for field in row:
                if number.match(field):
                    shortest = repr(float(field))
                    if shortest.endswith('.0'):
                        shortest = shortest[:-2]
                    digits = len(re.sub(r'[^0-9]', '', field.split('e')[0]).strip('0'))
                    best = len(re.sub(r'[^0-9]', '', shortest.split('e')[0]).strip('0'))
                    check(digits <= best, f'{name}: {field} has float noise (shortest: {shortest})')
                    checked += 1
        check(checked > 0 or name == 'answers', f'{name}: no numbers')
    # the ROI table carries the build cost and the currency
    with open(os.path.join(folder, 'roi.csv'), newline='', encoding='utf-8') as f:
        roi = list(csv.DictReader(f))
    check(roi[0]['currency'] == 'USD' and float(roi[0]['build-cost']) == 55000,
          f'roi: first row {roi[0]["currency"]!r} {roi[0]["build-cost"]!r}')
    check_failed_write(tmp, 'r.csv')
    return 0


def normalise(text):
    return ' '.join(text.replace('\u00ad', '').split())


def check_docx(tmp):
    try:
        import docx
        from docx.shared import Emu
    except ImportError:
        print('python-docx is not installed (python3-docx)')
        return 77
    if not shutil.which('pdftotext'):
        print('pdftotext is not installed (poppler-utils)')
        return 77
    source = demo(tmp)
    path = os.path.join(tmp, 'r.docx')
    pdf = os.path.join(tmp, 'r.pdf')
    common = ['--draws', '200', '--paper', 'letter', '--date', '2026-03-12', '--consultant', 'Dana Reyes']
    status, _, err = run('report', source, *common, '-o', path)
    check(status == 0, f'report -o r.docx exited {status}: {err}')
    status, _, err = run('report', source, *common, '-o', pdf)
    check(status == 0, f'report -o r.pdf exited {status}: {err}')
    pdf_text = normalise(subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'],
                                        capture_output=True, text=True, check=True).stdout)
    document = docx.Document(path)
    with open(path, 'rb') as f:
        data = f.read()
    # nothing after the ZIP's end record (Word refuses trailing bytes)
    check(data.rfind(b'PK\x05\x06') == len(data) - 22, 'bytes after the ZIP end record')

    # headings: Heading 1-3 styles, the PDF's headings in the PDF's order
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith('Heading')]
    check(len(headings) > 10, f'{len(headings)} headings')
    check({name for name, _ in headings} <= {'Heading 1', 'Heading 2', 'Heading 3'},
          f'heading styles {sorted({name for name, _ in headings})}')
    check(headings and headings[0] == ('Heading 1', 'Summary'), f'first heading {headings[:1]}')
    at = 0
    for name, text in headings:
        found = pdf_text.find(normalise(text), at)
        check(found >= 0, f'heading {text!r} is not in the PDF after position {at}')
        if found >= 0:
            at = found + len(normalise(text))

    # real tables, with a header row that repeats on every page
    check(len(document.tables) >= 5, f'{len(document.tables)} tables')
    for table in document.tables:
        check(len(table.rows) >= 1 and any(c.text for c in table.rows[0].cells),
              'a table without a header')
    headers = [t for t in document.tables if t.rows[0]._tr.trPr is not None]
    check(len(headers) >= 5, 'tables do not repeat their header row')
    for table in document.tables[:3]:
        for row in table.rows[1:]:
            for cell in row.cells:
                check(normalise(cell.text) in pdf_text, f'table cell {cell.text!r} is not in the PDF')

    # charts: PNG images at twice their size, their caption as alt text
    shapes = document.inline_shapes
    check(len(shapes) >= 5, f'{len(shapes)} images')
    for shape in shapes:
        descr = shape._inline.docPr.get('descr')
        check(descr and normalise(descr) in pdf_text, f'alt text {descr!r} is not a caption of the PDF')
        blob = document.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
        check(blob[:8] == b'\x89PNG\r\n\x1a\n', 'an image is not a PNG')
        width_px = int.from_bytes(blob[16:20], 'big')
        check(abs(width_px - 2 * Emu(shape.width).pt) <= 1,
              f'image {width_px} px wide for {Emu(shape.width).pt} pt: not 2x')

    # Letter, page numbers and the sender in the footer, no author claimed
    section = document.sections[0]
    check((round(section.page_width.pt), round(section.page_height.pt)) == (612, 792),
          f'page {section.page_width.pt} x {section.page_height.pt} pt is not Letter')
    footer_xml = section.footer._element.xml
    check('PAGE' in footer_xml, 'no PAGE field in the footer')
    check('Dana Reyes' in footer_xml, 'the sender is not in the footer')
    check(document.core_properties.author in (None, ''), f'author {document.core_properties.author!r}')

    a4 = os.path.join(tmp, 'a4.docx')
    status, _, _ = run('report', source, '--draws', '100', '-o', a4)
    check(status == 0, 'report -o a4.docx failed')
    section = docx.Document(a4).sections[0]
    check((round(section.page_width.pt), round(section.page_height.pt)) == (595, 842),
          f'default page {section.page_width.pt} x {section.page_height.pt} pt is not A4')
    check('Dana' not in section.footer._element.xml, 'a sender in the footer without one given')

    check_failed_write(tmp, 'r.docx')
    return 0


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ('xlsx', 'csv', 'docx') or not LIGHTSOUT:
        print(__doc__, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        status = {'xlsx': check_xlsx, 'csv': check_csv, 'docx': check_docx}[sys.argv[1]](tmp)
    if status == 77:
        return 77
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
