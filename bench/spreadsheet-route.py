#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The spreadsheet route: the workbook a consultant builds without Lights Out.

    spreadsheet-route.py ENGAGEMENT.lightsout OUT.xlsx

From an engagement file it builds what the consultant would otherwise keep in
a spreadsheet and send as a PDF:

- "Answers": every respondent's level per question, and each question's mean;
- "Maturity": each dimension's score as the mean of its questions (formulas),
  the target one level up, a radar chart and a bar chart of both;
- one sheet per candidate process: its inputs, SPEC §2's monthly figures as
  formulas (hours saved, gross benefit, go-live, ramp), a 36-month (the
  engagement's horizon) cash-flow model — cash flow, cumulative, discounted —
  NPV, payback month and ROI %, and a line chart of the cumulative cash flow;
- "Portfolio": each process's NPV and payback, linked to its sheet, and a bar
  chart of the NPVs.

`soffice --headless --convert-to pdf OUT.xlsx` then recalculates it and writes
the PDF: bench-report-route times that against `lightsout report`.
Needs openpyxl (Debian: python3-openpyxl); only the standard library otherwise.
"""
import sys
import xml.etree.ElementTree as ET

try:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, LineChart, RadarChart, Reference
    from openpyxl.utils import get_column_letter
except ImportError:
    sys.exit("spreadsheet-route.py: needs openpyxl (Debian: python3-openpyxl)")

NS = {"e": "urn:lightsout:engagement:1"}
INPUTS = ["volume-per-month", "minutes-per-item", "hourly-cost", "automation-rate",
          "exception-rate", "minutes-per-exception", "error-rate-before", "error-rate-after",
          "cost-per-error", "build-cost", "build-weeks", "run-cost-per-month", "ramp-months",
          "review-minutes-per-item", "oversight-hours-per-month"]
DIMENSION_NAMES = {"process": "Process clarity", "data": "Data & system access",
                   "automation": "Automation & AI use", "oversight": "Oversight & exceptions",
                   "people": "People, scope & measurement"}


def read_engagement(path):
    root = ET.parse(path).getroot()
    settings = root.find("e:settings", NS)
    setting = lambda name, default: float(settings.get(name, default)) if settings is not None else default
    assessment = root.findall("e:assessment", NS)[-1]
    respondents = []
    for r in assessment.findall("e:respondent", NS):
        # "na" (not applicable) is left out of the dimension's mean, as SPEC says
        answers = {a.get("question"): int(a.get("level")) for a in r.findall("e:answer", NS)
                   if a.get("level") is not None and a.get("level").isdigit()}
        respondents.append((r.get("name"), answers))
    processes = []
    for p in root.findall("e:process", NS):
        values = {i.get("name"): float(i.get("value")) for i in p.findall("e:input", NS)}
        processes.append((p.get("name"), values))
    return {
        "client": root.find("e:client", NS).get("name"),
        "horizon": int(setting("horizon-months", 36)),
        "discount": setting("discount-rate", 0.08),
        "realisation": setting("realisation-rate", 1),
        "respondents": respondents,
        "processes": processes,
    }


def answers_sheet(wb, eng):
    ws = wb.active
    ws.title = "Answers"
    questions = sorted({q for _, answers in eng["respondents"] for q in answers},
                       key=lambda q: (list(DIMENSION_NAMES).index(q.split(".")[0])
                                      if q.split(".")[0] in DIMENSION_NAMES else 99, q))
    n = len(eng["respondents"])
    ws.append(["Question"] + [name for name, _ in eng["respondents"]] + ["Mean"])
    last = get_column_letter(n + 1)
    for row, q in enumerate(questions, start=2):
        ws.append([q] + [answers.get(q) for _, answers in eng["respondents"]])
        ws.cell(row=row, column=n + 2, value=f"=AVERAGE(B{row}:{last}{row})")
    return questions, get_column_letter(n + 2)


def maturity_sheet(wb, eng, questions, mean_col):
    ws = wb.create_sheet("Maturity")
    ws.append(["Dimension", "Score", "Target"])
    dims = [d for d in DIMENSION_NAMES if any(q.startswith(d + ".") for q in questions)]
    for row, d in enumerate(dims, start=2):
        rows = [i + 2 for i, q in enumerate(questions) if q.startswith(d + ".")]
        cells = ",".join(f"Answers!{mean_col}{r}" for r in rows)
        ws.append([DIMENSION_NAMES[d], f"=ROUND(AVERAGE({cells}),2)", f"=MIN(5,INT(B{row})+1)"])
    ws["E1"], ws["F1"] = "Client", eng["client"]
    ws["E2"], ws["F2"] = "Overall level", f"=INT(MIN(B2:B{len(dims) + 1}))"
    data = Reference(ws, min_col=2, max_col=3, min_row=1, max_row=len(dims) + 1)
    labels = Reference(ws, min_col=1, min_row=2, max_row=len(dims) + 1)
    radar = RadarChart()
    radar.title = "Maturity by dimension"
    radar.add_data(data, titles_from_data=True)
    radar.set_categories(labels)
    ws.add_chart(radar, "E4")
    bars = BarChart()
    bars.title = "Score and target"
    bars.add_data(data, titles_from_data=True)
    bars.set_categories(labels)
    ws.add_chart(bars, "E22")


def process_sheet(wb, eng, index, name, values):
    ws = wb.create_sheet(f"P{index}")
    ws["A1"], ws["B1"] = "Process", name
    for row, key in enumerate(INPUTS, start=2):      # inputs in B2:B16
        ws.cell(row=row, column=1, value=key)
        ws.cell(row=row, column=2, value=values.get(key, 0))
    ws["A17"], ws["B17"] = "discount-rate", eng["discount"]
    ws["A18"], ws["B18"] = "realisation-rate", eng["realisation"]
    # SPEC §2 at full benefit: H0, H1, S, G, go-live B, ramp R.
    ws["D2"], ws["E2"] = "manual hours H0", "=B2*B3/60"
    ws["D3"], ws["E3"] = "remaining hours H1", \
        "=B2*(1-B5)*B3/60+B2*B5*B6*B7/60+B2*B5*(1-B6)*B15/60+B16"
    ws["D4"], ws["E4"] = "hours saved / month", "=E2-E3"
    ws["D5"], ws["E5"] = "gross benefit / month", "=E4*B4*B18+B2*(B8-B9)*B10"
    ws["D6"], ws["E6"] = "go-live (months)", "=B12*12/52"
    ws["D7"], ws["E7"] = "ramp (months)", "=B14"
    # Month rows: A month, B ∫ r(t) dt from 0 to the month's end, C cash flow,
    # D cumulative, E discounted.
    first = 22
    last = first + eng["horizon"]
    ws[f"A{first - 1}"], ws[f"B{first - 1}"], ws[f"C{first - 1}"] = "month", "benefit-months", "cash flow"
    ws[f"D{first - 1}"], ws[f"E{first - 1}"] = "cumulative", "discounted"
    ws[f"A{first}"], ws[f"B{first}"], ws[f"C{first}"] = 0, 0, "=-B11"
    ws[f"D{first}"], ws[f"E{first}"] = f"=C{first}", f"=C{first}"
    for row in range(first + 1, last + 1):
        t = f"A{row}"
        ws[t] = row - first
        ws[f"B{row}"] = (f"=IF({t}<$E$6,0,IF($E$7=0,{t}-$E$6,IF({t}<$E$6+$E$7,({t}-$E$6)^2/(2*$E$7),"
                         f"$E$7/2+{t}-$E$6-$E$7)))")
        ws[f"C{row}"] = f"=$E$5*(B{row}-B{row - 1})-$B$13*MAX(0,{t}-MAX({t}-1,$E$6))"
        ws[f"D{row}"] = f"=D{row - 1}+C{row}"
        ws[f"E{row}"] = f"=C{row}/(1+$B$17)^({t}/12)"
    ws["G2"], ws["H2"] = "NPV", f"=SUM(E{first}:E{last})"
    ws["G3"], ws["H3"] = "payback (months)", \
        (f"=IFERROR(MATCH(TRUE,INDEX(D{first}:D{last}>=0,0),0)-2"
         f"+(-INDEX(D{first}:D{last},MATCH(TRUE,INDEX(D{first}:D{last}>=0,0),0)-1))"
         f"/INDEX(C{first}:C{last},MATCH(TRUE,INDEX(D{first}:D{last}>=0,0),0)),\"none\")")
    ws["G4"], ws["H4"] = "ROI %", f"=IF(B11=0,\"none\",(SUM(C{first + 1}:C{last})-B11)/B11*100)"
    ws["G5"], ws["H5"] = "hours saved / week", "=E4*12/52"
    chart = LineChart()
    chart.title = f"Cumulative cash flow: {name}"
    chart.add_data(Reference(ws, min_col=4, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    ws.add_chart(chart, "G8")
    return ws.title


def portfolio_sheet(wb, titles, names):
    ws = wb.create_sheet("Portfolio")
    ws.append(["Process", "NPV", "Payback (months)", "Hours saved / week"])
    for row, (title, name) in enumerate(zip(titles, names), start=2):
        ws.append([name, f"='{title}'!H2", f"='{title}'!H3", f"='{title}'!H5"])
    ws.append(["Total", f"=SUM(B2:B{len(titles) + 1})", None, f"=SUM(D2:D{len(titles) + 1})"])
    chart = BarChart()
    chart.title = "NPV by process"
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=len(titles) + 1), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=len(titles) + 1))
    ws.add_chart(chart, "F2")


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: spreadsheet-route.py ENGAGEMENT.lightsout OUT.xlsx")
    eng = read_engagement(argv[1])
    wb = Workbook()
    questions, mean_col = answers_sheet(wb, eng)
    maturity_sheet(wb, eng, questions, mean_col)
    titles = [process_sheet(wb, eng, i + 1, name, values)
              for i, (name, values) in enumerate(eng["processes"])]
    portfolio_sheet(wb, titles, [name for name, _ in eng["processes"]])
    wb.save(argv[2])


if __name__ == "__main__":
    main(sys.argv)
