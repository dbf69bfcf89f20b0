#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the shipped content of Lights Out: the default question bank and the
built-in demo engagement (Harbor Logistics).

It re-implements SPEC §1 scoring and SPEC §2's ROI formulas independently of
the C code, verifies the content's invariants (ids, counts, weights, scores,
payback) and prints the figures, so the C results can be cross-checked.

Usage: tools/check-content.py [--bank FILE] [--demo FILE] [--no-xmllint] [--quiet]
Exit status 0 when every check passes, 1 otherwise. Python 3 standard library
only.
"""

import argparse
import math
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BANK_NS = "urn:lightsout:question-bank:1"
ENG_NS = "urn:lightsout:engagement:1"

LEVEL_NAMES = ["Manual", "Experimenting", "Assisted", "Orchestrated", "Lights-out"]
# Edition 2 of the default bank (data/question-banks/default.xml); edition 1
# (default-1.xml) had process.baseline, data.quality, data.realtime,
# automation.integration and people.redirection where edition 2 asks new
# questions under new ids.
DEFAULT_EDITION = 2
DIMENSIONS = [
    ("process", "Process clarity",
     ["documentation", "rules", "exceptions", "consistency", "volumes"]),
    ("data", "Data & system access",
     ["access", "copies", "checks", "self-service", "rekeying"]),
    ("automation", "Automation & AI use",
     ["ai-use", "share", "connections", "documents", "triggers"]),
    ("oversight", "Oversight & exception handling",
     ["validation", "thresholds", "monitoring", "audit", "change-review"]),
    ("people", "People, scope & measurement",
     ["sponsorship", "focus", "measurement", "freed-time", "skills"]),
]
# questions about automated work that a company may not have yet
ALLOW_NA = ["automation.connections", "automation.documents", "oversight.monitoring",
            "oversight.audit", "oversight.change-review", "people.measurement",
            "people.freed-time"]

# SPEC §2 inputs in table order, with their valid range.
INPUTS = [
    ("volume-per-month", 0.0, math.inf),
    ("minutes-per-item", 0.0, math.inf),
    ("hourly-cost", 0.0, math.inf),
    ("automation-rate", 0.0, 1.0),
    ("exception-rate", 0.0, 1.0),
    ("minutes-per-exception", 0.0, math.inf),
    ("error-rate-before", 0.0, 1.0),
    ("error-rate-after", 0.0, 1.0),
    ("cost-per-error", 0.0, math.inf),
    ("build-cost", 0.0, math.inf),
    ("build-weeks", 0.0, math.inf),
    ("run-cost-per-month", 0.0, math.inf),
    ("ramp-months", 0.0, math.inf),
    ("review-minutes-per-item", 0.0, math.inf),
    ("oversight-hours-per-month", 0.0, math.inf),
]
INPUT_NAMES = [n for n, _, _ in INPUTS]
REQUIRED = ["volume-per-month", "minutes-per-item", "hourly-cost",
            "automation-rate", "build-cost", "build-weeks"]

DEMO_PROCESSES = ["invoicing", "inventory-reconciliation", "dealer-calls",
                  "report-generation", "data-entry", "status-updates",
                  "exception-flagging"]


class Checker:
    def __init__(self, quiet):
        self.failures = []
        self.quiet = quiet

    def check(self, cond, message):
        if not cond:
            self.failures.append(message)
        return cond

    def say(self, text=""):
        if not self.quiet:
            print(text)


def q(ns, tag):
    return "{%s}%s" % (ns, tag)


def parse_number(text, where, chk):
    """A locale-independent finite number, as the files use."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        chk.check(False, "%s: not a number: %r" % (where, text))
        return math.nan
    chk.check(math.isfinite(value), "%s: not finite: %r" % (where, text))
    return value


# ----------------------------------------------------------------------------
# Question bank


def check_text(chk, where, text):
    chk.check(text is not None and text.strip() != "", "%s: empty text" % where)
    if text:
        chk.check(text == text.strip(), "%s: leading or trailing white space" % where)
        chk.check("\n" not in text and "  " not in text,
                  "%s: text must stay on one line with single spaces" % where)


def load_bank(path, chk):
    root = ET.parse(path).getroot()
    chk.check(root.tag == q(BANK_NS, "question-bank"),
              "%s: root is not question-bank in %s" % (path, BANK_NS))
    bank = {"id": root.get("id"), "version": int(root.get("version")), "levels": {},
            "dimensions": [], "questions": {}}

    for lev in root.findall(q(BANK_NS, "level")):
        k = int(lev.get("value"))
        name = lev.findtext(q(BANK_NS, "name"))
        desc = lev.findtext(q(BANK_NS, "description"))
        check_text(chk, "%s: level %d name" % (path, k), name)
        check_text(chk, "%s: level %d description" % (path, k), desc)
        bank["levels"][k] = name

    for dim in root.findall(q(BANK_NS, "dimension")):
        d = {"id": dim.get("id"), "name": dim.findtext(q(BANK_NS, "name")),
             "questions": []}
        check_text(chk, "%s: dimension %s name" % (path, d["id"]), d["name"])
        check_text(chk, "%s: dimension %s description" % (path, d["id"]),
                   dim.findtext(q(BANK_NS, "description")))
        for qu in dim.findall(q(BANK_NS, "question")):
            qid = qu.get("id")
            where = "%s: question %s" % (path, qid)
            weight = parse_number(qu.get("weight", "1"), where + " weight", chk)
            chk.check(weight > 0, where + ": weight must be > 0")
            allow_na = qu.get("allow-na", "false")
            chk.check(allow_na in ("true", "false"), where + ": allow-na")
            text = qu.findtext(q(BANK_NS, "text"))
            check_text(chk, where + " text", text)
            chk.check(bool(text) and text.endswith("?"),
                      where + ": the text is not phrased as a question")
            options = [(o.get("level"), o.text) for o in qu.findall(q(BANK_NS, "option"))]
            actions = [(a.get("level"), a.text) for a in qu.findall(q(BANK_NS, "action"))]
            chk.check([lv for lv, _ in options] == ["1", "2", "3", "4", "5"],
                      where + ": options must be levels 1-5 in order")
            chk.check([lv for lv, _ in actions] == ["2", "3", "4", "5"],
                      where + ": actions must be levels 2-5 in order")
            for lv, t in options + actions:
                check_text(chk, "%s level %s" % (where, lv), t)
            chk.check(len(set(t for _, t in options)) == len(options),
                      where + ": two options have the same text")
            chk.check(qid not in bank["questions"], where + ": duplicate id")
            bank["questions"][qid] = {"id": qid, "dimension": d["id"],
                                      "weight": weight,
                                      "allow_na": allow_na == "true"}
            d["questions"].append(qid)
        bank["dimensions"].append(d)
    return bank


def check_default_bank(path, chk):
    bank = load_bank(path, chk)
    chk.check(bank["id"] == "lightsout-default", "%s: id is not lightsout-default" % path)
    chk.check(bank["version"] == DEFAULT_EDITION,
              "%s: edition %s, not %d" % (path, bank["version"], DEFAULT_EDITION))
    chk.check([bank["levels"].get(k) for k in range(1, 6)] == LEVEL_NAMES,
              "%s: level names differ from SPEC §1" % path)
    chk.check([d["id"] for d in bank["dimensions"]] == [d for d, _, _ in DIMENSIONS],
              "%s: dimension ids differ" % path)
    for d, (did, dname, qs) in zip(bank["dimensions"], DIMENSIONS):
        chk.check(d["name"] == dname, "%s: dimension %s is not named %r" % (path, did, dname))
        chk.check(d["questions"] == ["%s.%s" % (did, s) for s in qs],
                  "%s: questions of %s differ: %s" % (path, did, d["questions"]))
    nq = len(bank["questions"])
    chk.check(nq == 25, "%s: %d questions, not 25" % (path, nq))
    na = [qid for qid, qu in bank["questions"].items() if qu["allow_na"]]
    chk.check(na == ALLOW_NA, "%s: the questions that allow n/a are %s" % (path, na))
    heavy = [qid for qid, qu in bank["questions"].items() if qu["weight"] != 1]
    chk.check(len(heavy) <= 3, "%s: more than 3 questions weigh other than 1" % path)
    chk.say("bank %s: %d levels, %d dimensions, %d questions; weights != 1: %s; "
            "n/a allowed: %s" % (bank["id"], len(bank["levels"]),
                                  len(bank["dimensions"]), nq,
                                  ", ".join("%s=%g" % (h, bank["questions"][h]["weight"])
                                            for h in heavy) or "none",
                                  ", ".join(na) or "none"))
    return bank


# ----------------------------------------------------------------------------
# Scoring (SPEC §1)


def score_assessment(bank, respondents):
    """respondents: list of (id, {question: value}) with value 1-5, 0 (don't
    know) or -1 (na). Returns (dimensions, overall level, overall score,
    contested, weakest)."""
    dims = []
    contested = []
    for d in bank["dimensions"]:
        num = den = 0.0
        answered = 0
        for qid in d["questions"]:
            given = [a[qid] for _, a in respondents if a.get(qid, 0) >= 1]
            if not given:
                continue
            answered += 1
            combined = sum(given) / len(given)
            if max(given) - min(given) >= 2:
                contested.append(qid)
            w = bank["questions"][qid]["weight"]
            num += w * combined
            den += w
        if den > 0:
            score = num / den
            level = math.floor(score + 1e-9)
        else:
            score = level = None
        dims.append({"id": d["id"], "score": score, "level": level,
                     "answered": answered, "questions": len(d["questions"])})
    if all(d["score"] is not None for d in dims):
        overall_level = min(d["level"] for d in dims)
        overall_score = sum(d["score"] for d in dims) / len(dims)
        weakest = min((d for d in dims if d["level"] == overall_level),
                      key=lambda d: d["score"])["id"]
    else:
        overall_level = overall_score = weakest = None
    return dims, overall_level, overall_score, contested, weakest


# ----------------------------------------------------------------------------
# ROI (SPEC §2)


def benefit_integral(t, b, r):
    """F(t) = integral of the benefit rate r(s) from 0 to t."""
    if t <= b:
        return 0.0
    if r <= 0:
        return t - b
    if t < b + r:
        return (t - b) ** 2 / (2 * r)
    return r / 2 + (t - b - r)


def roi(inp, settings):
    v = {n: inp[n] for n in INPUT_NAMES}
    vol, mpi = v["volume-per-month"], v["minutes-per-item"]
    a, e = v["automation-rate"], v["exception-rate"]
    h0 = vol * mpi / 60
    h1 = (vol * (1 - a) * mpi / 60
          + vol * a * e * v["minutes-per-exception"] / 60
          + vol * a * (1 - e) * v["review-minutes-per-item"] / 60
          + v["oversight-hours-per-month"])
    s = h0 - h1
    per_week = s * 12 / 52
    fte = per_week / settings["hours-per-week"]
    g = (s * v["hourly-cost"] * settings["realisation-rate"]
         + vol * (v["error-rate-before"] - v["error-rate-after"]) * v["cost-per-error"])
    b = v["build-weeks"] * 12 / 52
    r = v["ramp-months"]
    run = v["run-cost-per-month"]
    build = v["build-cost"]
    horizon = settings["horizon-months"]
    dr = settings["discount-rate"]

    flows = [-build]
    for m in range(1, horizon + 1):
        benefit = g * (benefit_integral(m, b, r) - benefit_integral(m - 1, b, r))
        live = max(0.0, m - max(m - 1.0, b))
        flows.append(benefit - run * min(1.0, live))
    npv = flows[0] + sum(cf / (1 + dr) ** (m / 12) for m, cf in enumerate(flows) if m > 0)
    roi_percent = ((sum(flows[1:]) - build) / build * 100) if build > 0 else None

    payback = None
    if build == 0:
        payback = 0.0
    else:
        cum = -build
        for m in range(1, horizon + 1):
            prev = cum
            cum += flows[m]
            if cum >= 0:
                payback = (m - 1) + (-prev) / flows[m]
                break

    irr = None
    signs = [cf for cf in flows if cf != 0]
    if any(cf > 0 for cf in signs) and any(cf < 0 for cf in signs):
        def f(i):
            return sum(cf / (1 + i) ** m for m, cf in enumerate(flows))
        lo, hi = -0.999999, 1.0
        while f(hi) * f(lo) > 0 and hi < 1e6:
            hi *= 2
        if f(hi) * f(lo) <= 0:
            for _ in range(200):
                mid = (lo + hi) / 2
                if f(lo) * f(mid) <= 0:
                    hi = mid
                else:
                    lo = mid
            irr = (1 + (lo + hi) / 2) ** 12 - 1
    return {"h0": h0, "h1": h1, "hours-per-month": s, "hours-per-week": per_week,
            "fte": fte, "gross": g, "go-live": b, "flows": flows, "npv": npv,
            "roi-percent": roi_percent, "payback": payback, "irr": irr,
            "annual-savings": 12 * (g - run)}


def scenarios(proc, settings):
    likely = {n: proc["inputs"][n]["value"] for n in INPUT_NAMES}
    cons, opt = dict(likely), dict(likely)
    for n in INPUT_NAMES:
        i = proc["inputs"][n]
        if not i["ranged"]:
            continue
        lo = dict(likely)
        lo[n] = i["low"]
        hi = dict(likely)
        hi[n] = i["high"]
        if roi(lo, settings)["npv"] <= roi(hi, settings)["npv"]:
            cons[n], opt[n] = i["low"], i["high"]
        else:
            cons[n], opt[n] = i["high"], i["low"]
    return roi(cons, settings), roi(opt, settings)


# ----------------------------------------------------------------------------
# Engagement


def load_engagement(path, chk):
    root = ET.parse(path).getroot()
    chk.check(root.tag == q(ENG_NS, "engagement"),
              "%s: root is not engagement in %s" % (path, ENG_NS))
    client = root.find(q(ENG_NS, "client"))
    st = root.find(q(ENG_NS, "settings"))
    settings = {"horizon-months": 36, "discount-rate": 0.08, "currency": "USD",
                "hours-per-week": 40.0, "realisation-rate": 1.0}
    if st is not None:
        for key in settings:
            if st.get(key) is not None:
                if key == "currency":
                    settings[key] = st.get(key)
                elif key == "horizon-months":
                    settings[key] = int(st.get(key))
                else:
                    settings[key] = parse_number(st.get(key), path + ": " + key, chk)
    assessments = []
    for a in root.findall(q(ENG_NS, "assessment")):
        resp = []
        for r in a.findall(q(ENG_NS, "respondent")):
            answers = {}
            for ans in r.findall(q(ENG_NS, "answer")):
                lv = ans.get("level")
                qid = ans.get("question")
                chk.check(qid not in answers,
                          "%s: respondent %s answers %s twice" % (path, r.get("id"), qid))
                answers[qid] = 0 if lv is None else (-1 if lv == "na" else int(lv))
            resp.append((r.get("id"), answers, r.get("name"), r.get("role")))
        targets = {t.get("dimension"): int(t.get("level"))
                   for t in a.findall(q(ENG_NS, "target"))}
        assessments.append({"id": a.get("id"), "date": a.get("date"),
                            "bank": a.get("bank"),
                            "edition": int(a.get("bank-edition", "1")), "respondents": resp,
                            "targets": targets})
    processes = []
    for p in root.findall(q(ENG_NS, "process")):
        pid = p.get("id")
        inputs = {n: {"set": False, "value": 0.0, "ranged": False,
                      "low": 0.0, "high": 0.0} for n in INPUT_NAMES}
        for i in p.findall(q(ENG_NS, "input")):
            n = i.get("name")
            where = "%s: process %s input %s" % (path, pid, n)
            if not chk.check(n in inputs, where + ": unknown input"):
                continue
            chk.check(not inputs[n]["set"], where + ": given twice")
            entry = inputs[n]
            entry["set"] = True
            entry["value"] = parse_number(i.get("value"), where, chk)
            chk.check((i.get("low") is None) == (i.get("high") is None),
                      where + ": low and high come both or neither")
            if i.get("low") is not None and i.get("high") is not None:
                entry["ranged"] = True
                entry["low"] = parse_number(i.get("low"), where + " low", chk)
                entry["high"] = parse_number(i.get("high"), where + " high", chk)
        rd = p.find(q(ENG_NS, "readiness"))
        readiness = None
        if rd is not None:
            readiness = [int(rd.get(k)) for k in ("clarity", "access", "scope")]
        alt = p.find(q(ENG_NS, "alternative"))
        alternative = None
        if alt is not None:
            alternative = (float(alt.get("build-cost")), float(alt.get("build-weeks")))
        actuals = [dict(x.attrib) for x in p.findall(q(ENG_NS, "actual"))]
        processes.append({"id": pid, "name": p.get("name"), "start": p.get("start"),
                          "inputs": inputs, "readiness": readiness,
                          "alternative": alternative, "actuals": actuals})
    return {"client": client.attrib if client is not None else {},
            "settings": settings, "assessments": assessments,
            "processes": processes}


def check_inputs(chk, path, proc):
    for n, lo, hi in INPUTS:
        i = proc["inputs"][n]
        where = "%s: process %s input %s" % (path, proc["id"], n)
        if n in REQUIRED:
            chk.check(i["set"], where + ": required input missing")
        chk.check(lo <= i["value"] <= hi, where + ": value %g out of range" % i["value"])
        if i["ranged"]:
            chk.check(lo <= i["low"] <= i["value"] <= i["high"] <= hi,
                      where + ": needs %g <= low <= value <= high <= %g" % (lo, hi))


def fmt(x, spec="%.2f"):
    return "none" if x is None else spec % x


def check_demo(path, bank, chk):
    eng = load_engagement(path, chk)
    st = eng["settings"]
    chk.check(eng["client"].get("name") == "Harbor Logistics", path + ": client name")
    chk.check(st == {"horizon-months": 36, "discount-rate": 0.08, "currency": "USD",
                     "hours-per-week": 40.0, "realisation-rate": 1.0},
              path + ": settings differ from the brief: %s" % st)

    # Assessment
    chk.check(len(eng["assessments"]) == 1, path + ": expected exactly one assessment")
    for a in eng["assessments"]:
        chk.check(a["date"] == "2026-10-14", path + ": assessment date")
        chk.check(a["bank"] == bank["id"], path + ": assessment bank")
        chk.check(len(a["respondents"]) == 3, path + ": expected three respondents")
        for rid, answers, _, _ in a["respondents"]:
            missing = [x for x in bank["questions"] if x not in answers]
            chk.check(not missing, "%s: respondent %s misses %s" % (path, rid, missing))
            unknown = [x for x in answers if x not in bank["questions"]]
            chk.check(not unknown, "%s: respondent %s answers unknown %s" % (path, rid, unknown))
            for qid, val in answers.items():
                if val == -1 and qid in bank["questions"]:
                    chk.check(bank["questions"][qid]["allow_na"],
                              "%s: %s may not be answered na" % (path, qid))
        resp = [(rid, ans) for rid, ans, _, _ in a["respondents"]]
        dims, overall, overall_score, contested, weakest = score_assessment(bank, resp)
        chk.say("\nassessment %s (%s), respondents: %s" % (
            a["id"], a["date"], "; ".join("%s = %s (%s)" % (rid, name, role)
                                          for rid, _, name, role in a["respondents"])))
        for d in dims:
            target = a["targets"].get(d["id"], min(d["level"] + 1, 5) if d["level"] else None)
            chk.say("  %-11s score %.6f  level %s  target %s  answered %d/%d" % (
                d["id"], d["score"], d["level"], target, d["answered"], d["questions"]))
            chk.check(d["score"] is not None, path + ": dimension %s has no score" % d["id"])
            chk.check(d["level"] in (2, 3), path + ": dimension %s at level %s (want 2 or 3)"
                      % (d["id"], d["level"]))
        chk.say("  overall level %s, overall score %.6f, weakest %s" % (
            overall, overall_score, weakest))
        chk.say("  contested: %s" % ", ".join(contested))
        dont_know = ["%s/%s" % (rid, qid) for rid, ans in resp
                     for qid, v in ans.items() if v == 0]
        chk.say("  don't know: %s" % (", ".join(dont_know) or "none"))
        chk.check(overall == 2, path + ": overall level is %s, not 2" % overall)
        chk.check(weakest == "data", path + ": weakest dimension is %s, not data" % weakest)
        chk.check(2 <= len(contested) <= 4,
                  path + ": %d contested questions (want 2-4)" % len(contested))
        chk.check(a["edition"] == bank["version"],
                  path + ": assessment %s answered with edition %d, not %d" % (
                      a["id"], a["edition"], bank["version"]))
        by_id = {d["id"]: d for d in dims}
        # oversight of automated work cannot be ahead of the automation itself
        chk.check(by_id["oversight"]["score"] <= by_id["automation"]["score"],
                  path + ": oversight scores above automation")
        scores = sorted(d["score"] for d in dims)
        chk.check(scores[1] - scores[0] >= 0.15,
                  path + ": the weakest dimension is not clearly the weakest")

    # Processes
    ids = [p["id"] for p in eng["processes"]]
    chk.check(ids == DEMO_PROCESSES, path + ": processes are %s" % ids)
    chk.say("\nprocesses (horizon %d months, discount %g, realisation %g):" % (
        st["horizon-months"], st["discount-rate"], st["realisation-rate"]))
    chk.say("  %-25s %8s %6s %11s %9s %8s %8s %11s %5s  %s" % (
        "id", "h/week", "FTE", "NPV", "payback", "ROI %", "IRR", "annual", "ready",
        "NPV conservative / optimistic"))
    results = {}
    for p in eng["processes"]:
        check_inputs(chk, path, p)
        res = roi({n: p["inputs"][n]["value"] for n in INPUT_NAMES}, st)
        cons, opt = scenarios(p, st)
        results[p["id"]] = res
        rd = p["readiness"]
        chk.check(rd is not None, path + ": process %s has no readiness" % p["id"])
        ready = sum(rd) / 3 if rd else 3.0
        p["ready"] = ready
        chk.say("  %-25s %8.4f %6.4f %11.2f %9s %8s %8s %11.2f %5.2f  %.2f / %.2f" % (
            p["id"], res["hours-per-week"], res["fte"], res["npv"],
            fmt(res["payback"], "%.4f"), fmt(res["roi-percent"], "%.1f"),
            fmt(res["irr"], "%.4f"), res["annual-savings"], ready,
            cons["npv"], opt["npv"]))
        if p["alternative"]:
            alt_in = {n: p["inputs"][n]["value"] for n in INPUT_NAMES}
            alt_in["build-cost"], alt_in["build-weeks"] = p["alternative"]
            alt = roi(alt_in, st)
            gained = (p["alternative"][1] - p["inputs"]["build-weeks"]["value"]) * 12 / 52
            chk.say("  %-25s alternative: build %.0f in %g weeks: NPV %.2f, payback %s, "
                    "months gained %.4f" % ("", p["alternative"][0], p["alternative"][1],
                                            alt["npv"], fmt(alt["payback"], "%.4f"), gained))
        if p["actuals"]:
            chk.check(p["start"] is not None,
                      path + ": process %s has actuals but no start" % p["id"])

    order = sorted(eng["processes"],
                   key=lambda p: (-p["ready"], -results[p["id"]]["npv"],
                                  DEMO_PROCESSES.index(p["id"])))
    total_week = sum(r["hours-per-week"] for r in results.values())
    chk.say("  portfolio: %.4f h/week, %.4f FTE, NPV %.2f, annual savings %.2f" % (
        total_week, total_week / st["hours-per-week"],
        sum(r["npv"] for r in results.values()),
        sum(r["annual-savings"] for r in results.values())))
    chk.say("  sequence: %s" % ", ".join(p["id"] for p in order))

    # The brief's hard requirements
    inv = next((p for p in eng["processes"] if p["id"] == "invoicing"), None)
    if chk.check(inv is not None, path + ": no invoicing process"):
        chk.check(inv["inputs"]["build-cost"]["value"] == 55000
                  and inv["inputs"]["build-weeks"]["value"] == 10,
                  path + ": invoicing must be built for 55000 in 10 weeks")
        chk.check(inv["alternative"] == (135000.0, 39.0),
                  path + ": invoicing's alternative must be 135000 in 39 weeks")
        chk.check(inv["start"] == "2026-12", path + ": invoicing must start 2026-12")
        r = results["invoicing"]
        chk.check(r["payback"] is not None and r["payback"] <= 12,
                  path + ": invoicing pays back in %s months, not within 12"
                  % fmt(r["payback"]))
        chk.check(r["npv"] > 0, path + ": invoicing NPV is not positive")
    dc = next((p for p in eng["processes"] if p["id"] == "dealer-calls"), None)
    if chk.check(dc is not None, path + ": no dealer-calls process"):
        hw = results["dealer-calls"]["hours-per-week"]
        chk.check(22.3 <= hw <= 22.7,
                  path + ": dealer-calls saves %.3f h/week, not about 22.5" % hw)
        chk.check(dc["start"] is None, path + ": dealer-calls must have no start")
    negative = [pid for pid, r in results.items() if r["npv"] <= 0]
    chk.check(len(negative) <= 1, path + ": several processes with NPV <= 0: %s" % negative)


def xmllint(chk, schema, files):
    exe = shutil.which("xmllint")
    if exe is None:
        print("xmllint not found: schema validation skipped", file=sys.stderr)
        return
    for f in files:
        res = subprocess.run([exe, "--noout", "--nonet", "--relaxng", schema, f],
                             capture_output=True, text=True)
        chk.check(res.returncode == 0, "%s: does not validate against %s:\n%s"
                  % (f, schema, res.stderr.strip()))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bank", default=os.path.join(ROOT, "data/question-banks/default.xml"))
    ap.add_argument("--demo", default=os.path.join(ROOT, "data/demo/harbor-logistics.lightsout"))
    ap.add_argument("--schemas", default=os.path.join(ROOT, "data/schemas"))
    ap.add_argument("--no-xmllint", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()

    chk = Checker(args.quiet)
    try:
        bank = check_default_bank(args.bank, chk)
        check_demo(args.demo, bank, chk)
    except (ET.ParseError, OSError, ValueError, TypeError, KeyError) as exc:
        chk.failures.append("cannot check: %s" % exc)
    if not args.no_xmllint:
        xmllint(chk, os.path.join(args.schemas, "question-bank.rng"), [args.bank])
        xmllint(chk, os.path.join(args.schemas, "engagement.rng"), [args.demo])

    for f in chk.failures:
        print("FAIL: " + f, file=sys.stderr)
    print("check-content: %s" % ("ok" if not chk.failures else
                                 "%d problem(s)" % len(chk.failures)))
    return 0 if not chk.failures else 1


if __name__ == "__main__":
    sys.exit(main())
