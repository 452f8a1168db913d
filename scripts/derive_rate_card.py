#!/usr/bin/env python3
"""Derive Vetted's market rate card from the aijobs.net salary survey.

Usage: python3 scripts/derive_rate_card.py /path/to/salaries.csv Sources/Planning/ratecard-data.json

Input: the aijobs.net salary survey (foorilla/ai-jobs-net-salaries, salaries.csv at
commit 9c22587, 2025-01-19, CC0 1.0): one annual salary report per row.
Output: one JSON document (see docs/rate-card.md). Python 3 standard library only;
the same input always gives byte-identical output.

Method, in order:
 1. Keep rows with employment_type == "FT" and work_year >= 2023 (the two most
    recent full survey years, plus the few 2025 rows), so old pay levels do not
    drag the figures down.
 2. Level from experience_level: EN -> junior, MI -> mid, SE -> senior. EX
    (executive: directors, heads of) is excluded: the product prices individual
    developers at three levels only.
 3. Location group from employee_residence (where the person lives and is paid,
    not where the company is). Countries in no group are dropped.
 4. Specialty from job_title keywords (whole words, case-insensitive), tried in
    the order ai-ml, data-science, backend; the first match wins. Management and
    non-engineering titles are "other" whatever they contain. "other" rows count
    only in the all-specialties cell.
 5. Hourly cents = salary_in_usd / 2080 h * 1.3 (contractor loading) * 100,
    rounded to whole dollars (100 cents). Quartiles are taken on the annual
    figures (inclusive method) and then converted.
 6. A cell with n < 30 takes its figures from the first wider cell with n >= 30:
    (location, level, all specialties), then (location, all levels, all
    specialties); `fallback` names the cell used.
"""
import csv
import json
import re
import statistics
import sys

DATASET = "aijobs.net salary survey (foorilla/ai-jobs-net-salaries, salaries.csv)"
COMMIT = "9c22587"
MIN_YEAR = 2023
HOURS_PER_YEAR = 2080          # 52 weeks x 40 h: the usual annual-to-hourly divisor
CONTRACTOR_LOADING = 1.3       # employer cost + paid leave + utilisation; see docs/rate-card.md
MIN_N = 30                     # below this a cell borrows a wider cell's figures

LEVELS = {"EN": "junior", "MI": "mid", "SE": "senior"}   # EX excluded
LEVEL_ORDER = ["junior", "mid", "senior"]

LOCATION_GROUPS = {
    "local-us": ["US"],
    "local-eu-west": ["GB", "IE", "DE", "FR", "NL", "BE", "LU", "CH", "AT",
                      "DK", "SE", "NO", "FI", "IS"],
    "nearshore-us": ["MX", "GT", "SV", "HN", "NI", "CR", "PA", "DO", "JM",
                     "CO", "VE", "EC", "PE", "BO", "CL", "AR", "UY", "PY", "BR"],
    "nearshore-eu": ["PL", "CZ", "SK", "HU", "RO", "BG", "UA", "MD", "LT", "LV",
                     "EE", "SI", "HR", "RS", "BA", "ME", "MK", "AL", "XK", "PT",
                     "ES", "IT", "GR", "MT", "CY", "TR", "AM", "GE"],
    "offshore": ["IN", "PK", "BD", "LK", "NP", "PH", "VN", "ID", "MY", "TH", "KH",
                 "NG", "KE", "GH", "UG", "TZ", "RW", "ET", "EG", "MA", "TN", "DZ",
                 "ZA", "CM", "SN", "CI", "ZW"],
}
GROUP_OF = {c: g for g, cs in LOCATION_GROUPS.items() for c in cs}

# Whole-word keywords, lower case. A title matching NON_DEVELOPER is "other" first.
NON_DEVELOPER = ["manager", "director", "head", "chief", "vp", "vice president",
                 "product owner", "recruiter", "designer", "writer", "sales",
                 "account executive", "representative"]
SPECIALTY_KEYWORDS = {
    "ai-ml": ["machine learning", "ml", "mlops", "ai", "artificial intelligence",
              "deep learning", "nlp", "natural language", "computer vision",
              "machine vision", "llm", "genai", "generative", "prompt engineer",
              "research scientist", "research engineer", "applied scientist",
              "chatbot"],
    "data-science": ["data scientist", "data science", "data analyst", "data analytics",
                     "analytics", "business intelligence", "bi", "power bi",
                     "data engineer", "data engineering", "big data", "etl",
                     "data architect", "data modeler", "data pipeline",
                     "data platform", "data infrastructure", "data integration",
                     "data visualization", "dataops", "databricks", "decision scientist",
                     "statistician", "statistical programmer", "quantitative",
                     "insight analyst", "product analyst"],
    "backend": ["software engineer", "software developer", "software development engineer",
                "software architect", "backend", "back end", "back-end",
                "platform engineer", "api", "python developer", "python engineer",
                "full stack", "fullstack", "full-stack", "devops", "site reliability",
                "cloud engineer", "cloud developer", "infrastructure engineer",
                "database", "scala spark developer"],
}
SPECIALTIES = list(SPECIALTY_KEYWORDS)


def word_pattern(words):
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


NON_DEVELOPER_RE = word_pattern(NON_DEVELOPER)
SPECIALTY_RES = [(s, word_pattern(ws)) for s, ws in SPECIALTY_KEYWORDS.items()]


def specialty_of(title):
    if NON_DEVELOPER_RE.search(title):
        return "other"
    for name, pattern in SPECIALTY_RES:
        if pattern.search(title):
            return name
    return "other"


def to_cents(annual_usd):
    """Annual USD -> loaded hourly cents, rounded to whole dollars."""
    hourly_dollars = annual_usd / HOURS_PER_YEAR * CONTRACTOR_LOADING
    return int(hourly_dollars + 0.5) * 100


def quartiles(values):
    if len(values) == 1:
        return values[0], values[0], values[0]
    p25, median, p75 = statistics.quantiles(values, n=4, method="inclusive")
    return p25, median, p75


def load(path):
    """Returns (rows read, rows used as (group, level, specialty, salary), distinct used)."""
    total, used, distinct = 0, [], set()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            total += 1
            if row["employment_type"] != "FT" or int(row["work_year"]) < MIN_YEAR:
                continue
            level = LEVELS.get(row["experience_level"])
            group = GROUP_OF.get(row["employee_residence"])
            if level is None or group is None:
                continue
            used.append((group, level, specialty_of(row["job_title"]),
                         float(row["salary_in_usd"])))
            distinct.add(tuple(row.values()))
    return total, used, len(distinct)


def build_cells(used):
    buckets = {}
    for group, level, specialty, salary in used:
        for lv in (level, "all"):
            for sp in ({specialty, "all"} - {"other"}):
                buckets.setdefault((group, lv, sp), []).append(salary)
    own = {}  # key -> (n, p25, median, p75) from the cell's own rows
    for group in LOCATION_GROUPS:
        for lv in LEVEL_ORDER + ["all"]:
            for sp in SPECIALTIES + ["all"]:
                values = sorted(buckets.get((group, lv, sp), []))
                stats = tuple(to_cents(q) for q in quartiles(values)) if values else None
                own[(group, lv, sp)] = (len(values), stats)
    cells = []
    for (group, lv, sp), (n, stats) in own.items():
        fallback = None
        if n < MIN_N:
            chain = [k for k in [(group, lv, "all"), (group, "all", "all")] if k != (group, lv, sp)]
            use = next((k for k in chain if own[k][0] >= MIN_N), chain[-1])
            fallback = {"location": use[0], "level": use[1], "specialty": use[2], "n": own[use][0]}
            stats = own[use][1]
        cells.append({"location": group, "level": lv, "specialty": sp, "n": n,
                      "p25Cents": stats[0], "medianCents": stats[1], "p75Cents": stats[2],
                      "fallback": fallback})
    return cells, own


def median_of(own, group, level, specialty="all"):
    n, stats = own[(group, level, specialty)]
    if n < MIN_N:
        raise SystemExit(f"not enough rows for {group}/{level}/{specialty}: n={n}")
    return stats[1]


def ratio(a, b):
    return round(a / b, 2)


def main(argv):
    if len(argv) != 3:
        raise SystemExit("usage: derive_rate_card.py SALARIES.csv OUTPUT.json")
    total, used, distinct = load(argv[1])
    cells, own = build_cells(used)

    guide = {"junior": (1500, 3000), "mid": (3000, 6000), "senior": (6000, 12000)}
    comparison = {}
    for lv, (low, high) in guide.items():
        med = median_of(own, "offshore", lv)
        position = "below" if med < low else "above" if med > high else "within"
        comparison[lv] = {"guideLowCents": low, "guideHighCents": high,
                          "offshoreMedianCents": med, "offshoreN": own[("offshore", lv, "all")][0],
                          "position": position}

    ratios = {
        "localToOffshore": {lv: ratio(median_of(own, "local-us", lv), median_of(own, "offshore", lv))
                            for lv in LEVEL_ORDER},
        "nearshoreToOffshore": {lv: ratio(median_of(own, "nearshore-us", lv),
                                          median_of(own, "offshore", lv)) for lv in LEVEL_ORDER},
        "localEuWestToOffshore": {lv: ratio(median_of(own, "local-eu-west", lv),
                                            median_of(own, "offshore", lv)) for lv in LEVEL_ORDER},
        "nearshoreEuToOffshore": {lv: ratio(median_of(own, "nearshore-eu", lv),
                                            median_of(own, "offshore", lv)) for lv in LEVEL_ORDER},
        # AI premium: senior, local-us (the only group with enough rows per specialty).
        "aiPremium": ratio(median_of(own, "local-us", "senior", "ai-ml"),
                           median_of(own, "local-us", "senior", "backend")),
        "aiPremiumByLevel": {lv: ratio(median_of(own, "local-us", lv, "ai-ml"),
                                       median_of(own, "local-us", lv, "backend")) for lv in LEVEL_ORDER},
        "dataSciencePremium": ratio(median_of(own, "local-us", "senior", "data-science"),
                                    median_of(own, "local-us", "senior", "backend")),
        "premiumBasis": {"location": "local-us", "level": "senior",
                         "aiMlN": own[("local-us", "senior", "ai-ml")][0],
                         "dataScienceN": own[("local-us", "senior", "data-science")][0],
                         "backendN": own[("local-us", "senior", "backend")][0]},
    }

    out = {
        "source": {
            "dataset": DATASET, "url": "https://github.com/foorilla/ai-jobs-net-salaries",
            "license": "CC0 1.0", "commit": COMMIT, "rows": total, "rowsUsed": len(used),
            "distinctRowsUsed": distinct,
            "filters": (f"employment_type FT; work_year >= {MIN_YEAR}; experience_level "
                        "EN/MI/SE (EX excluded); employee_residence in a location group"),
            "hoursPerYear": HOURS_PER_YEAR, "contractorLoading": CONTRACTOR_LOADING,
            "minN": MIN_N,
            "hourly": (f"salary_in_usd / {HOURS_PER_YEAR} h x {CONTRACTOR_LOADING} contractor "
                       "loading, in cents rounded to whole dollars"),
            "generatedBy": "scripts/derive_rate_card.py",
        },
        "guide": {
            "currency": "USD",
            "bands": {lv: {"lowCents": lo, "highCents": hi, "expectedCents": (lo + hi) // 2}
                      for lv, (lo, hi) in guide.items()},
            "location": "offshore",
            "source": "hiring guide (shared/seeds/000_e22e288f1bcf1e34.txt)",
        },
        "cells": cells,
        "locationGroups": LOCATION_GROUPS,
        "specialtyKeywords": SPECIALTY_KEYWORDS,
        "nonDeveloperKeywords": NON_DEVELOPER,
        "guideComparison": comparison,
        "ratios": ratios,
    }
    with open(argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv)
