#!/usr/bin/env python3
"""Validate the skill taxonomy (Sources/Taxonomy/taxonomy.json) and print its counts.

Applies the same rules as the Swift loader (see docs/taxonomy.md, "Validation rules").
Python 3 standard library only.

    python3 scripts/check_taxonomy.py [PATH] [--all]

Exit status 0 when the file is valid (counts are printed), 1 when it is not: the first
problem is printed, naming the offending entry, e.g.

    skill 'django-rest-framework': implies unknown id 'rest-api'

With --all every problem found is printed instead of only the first.
"""

import json
import os
import re
import sys

TOP_KEYS = ["version", "source", "categories", "skills"]
SKILL_KEYS = ["id", "name", "category", "aliases", "implies", "packages", "imports"]
CATEGORIES = ["ai-ml", "data-science", "backend", "fundamentals", "cloud-devops", "practices", "communication"]

VERSION_RE = re.compile(r"^\d{4}\.\d{2}\.\d{2}-\d+$")
# Lower-case ASCII words joined by '-'; a word is letters, digits, '.' and '+', starting with a letter or digit.
ID_RE = re.compile(r"^[a-z0-9][a-z0-9.+]*(-[a-z0-9][a-z0-9.+]*)*$")
# A normalized PyPI distribution name (PEP 503, with '-' as the only separator).
PACKAGE_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# A top-level Python import name (the loader looks up only the part before the first '.').
IMPORT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
MAX_TEXT = 80

MIN_SKILLS = 260
MIN_PACKAGE_MAPPINGS = 420
MIN_PER_CATEGORY = {
    "ai-ml": 60,
    "data-science": 55,
    "backend": 65,
    "fundamentals": 20,
    "cloud-devops": 30,
    "practices": 15,
    "communication": 8,
}
# Ids the product relies on: the demo candidates' skills (Sources/VettedStore/Demo/DemoCandidates.swift)
# and the checklist's base lists (Sources/Planning/Checklist.swift).
REQUIRED_IDS = """
python oop data-structures algorithms testing pytest git type-hints debugging clean-code
pytorch tensorflow keras scikit-learn xgboost lightgbm transformers huggingface nlp computer-vision
opencv llm-fine-tuning langchain mlops mlflow onnx model-evaluation feature-engineering spacy
reinforcement-learning pandas numpy scipy statsmodels matplotlib seaborn plotly jupyter sql polars
apache-spark pyspark airflow dbt etl data-cleaning data-visualization statistics a-b-testing
snowflake bigquery django django-rest-framework fastapi flask rest-apis graphql postgresql mysql
redis celery rabbitmq kafka sqlalchemy docker kubernetes aws gcp azure ci-cd microservices asyncio
performance-tuning machine-learning stripe explains-decisions asks-right-questions identifies-risks
aligns-with-business-goals
""".split()
# Integrations named in the demo job briefs (Sources/VettedStore/Demo/DemoDataset.swift); each must
# resolve the way Taxonomy.resolve does: lower-cased, as an id, name or alias, or with spaces as '-'.
REQUIRED_TERMS = [
    "Zendesk API", "PostgreSQL", "AWS S3", "NVIDIA Jetson", "ROS 2", "MLflow", "Kubernetes",
    "Google Cloud Storage", "OpenAI API", "Snowflake", "Slack API", "dbt Cloud", "Looker",
    "Apache Airflow", "BigQuery", "Grafana", "Metabase", "Google Sheets API", "Stripe", "Redis",
    "Auth0", "Kafka", "MQTT", "GitHub API",
]
# Soft skills are judged in interviews; no package or import can evidence them.
NO_EVIDENCE_CATEGORIES = {"communication"}


class Invalid(Exception):
    pass


class Checker:
    def __init__(self, collect_all):
        self.collect_all = collect_all
        self.errors = []

    def fail(self, message):
        if not self.collect_all:
            raise Invalid(message)
        self.errors.append(message)

    def check(self, doc):
        if not isinstance(doc, dict):
            self.fail("top level: expected a JSON object")
            return None
        for key in TOP_KEYS:
            if key not in doc:
                self.fail(f"top level: missing key '{key}'")
        for key in doc:
            if key not in TOP_KEYS:
                self.fail(f"top level: unknown key '{key}'")
        version = doc.get("version")
        if not isinstance(version, str) or not VERSION_RE.match(version):
            self.fail(f"top level: version must look like YYYY.MM.DD-N; got {json.dumps(version)}")
        source = doc.get("source")
        if not isinstance(source, str) or not source.strip():
            self.fail("top level: source must be a non-empty string")

        categories = doc.get("categories")
        if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
            self.fail("top level: categories must be an array of strings")
            categories = []
        seen_categories = set()
        for category in categories:
            if category in seen_categories:
                self.fail(f"category '{category}': listed twice")
            seen_categories.add(category)
            if category not in CATEGORIES:
                self.fail(f"category '{category}': unknown category (known: {', '.join(CATEGORIES)})")
        for category in CATEGORIES:
            if category not in seen_categories:
                self.fail(f"category '{category}': missing from categories")

        skills = doc.get("skills")
        if not isinstance(skills, list):
            self.fail("top level: skills must be an array")
            return None

        ids = {}            # id -> index
        keys = {}           # lookup key (id, lower-cased name, alias) -> owning skill id
        packages = {}       # package -> skill id
        imports = {}        # import -> skill id
        valid = []
        for index, skill in enumerate(skills):
            label = f"skill #{index + 1}"
            if not isinstance(skill, dict):
                self.fail(f"{label}: expected a JSON object")
                continue
            sid = skill.get("id")
            if isinstance(sid, str) and sid:
                label = f"skill '{sid}'"
            for key in SKILL_KEYS:
                if key not in skill:
                    self.fail(f"{label}: missing key '{key}'")
            for key in skill:
                if key not in SKILL_KEYS:
                    self.fail(f"{label}: unknown key '{key}'")
            if not isinstance(sid, str) or len(sid) > MAX_TEXT or not ID_RE.match(sid):
                self.fail(f"{label}: id must be lower-case ASCII words joined by '-' (letters, digits, '.', '+'); got {json.dumps(sid)}")
                continue
            if sid in ids:
                self.fail(f"{label}: duplicate id (first at skill #{ids[sid] + 1})")
                continue
            ids[sid] = index

            name = skill.get("name")
            if not isinstance(name, str) or not name.strip() or name != name.strip() or len(name) > MAX_TEXT:
                self.fail(f"{label}: name must be a non-empty trimmed string of at most {MAX_TEXT} characters; got {json.dumps(name)}")
                name = None
            category = skill.get("category")
            if category not in categories:
                self.fail(f"{label}: unknown category {json.dumps(category)}")

            lists = {}
            for key in ("aliases", "implies", "packages", "imports"):
                value = skill.get(key, [])
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    self.fail(f"{label}: {key} must be an array of strings")
                    value = []
                seen = set()
                for v in value:
                    if v in seen:
                        self.fail(f"{label}: {key} lists '{v}' twice")
                    seen.add(v)
                lists[key] = value

            # Lookup keys: the id, the lower-cased name and every alias name one skill only.
            own = {sid: "id"}
            if name is not None:
                lowered = name.lower()
                if lowered != sid:
                    own[lowered] = "name"
            for alias in lists["aliases"]:
                if not alias or alias != alias.strip() or alias != alias.lower() or "  " in alias or len(alias) > MAX_TEXT:
                    self.fail(f"{label}: alias {json.dumps(alias)} must be lower-case, trimmed, single-spaced and at most {MAX_TEXT} characters")
                    continue
                if alias in own:
                    self.fail(f"{label}: alias '{alias}' repeats the skill's own {own[alias]}")
                    continue
                own[alias] = "alias"
            for key, kind in own.items():
                other = keys.get(key)
                if other is not None and other[0] != sid:
                    self.fail(f"{label}: {kind} '{key}' is already the {other[1]} of skill '{other[0]}'")
                else:
                    keys[key] = (sid, kind)

            for package in lists["packages"]:
                if not PACKAGE_RE.match(package):
                    self.fail(f"{label}: package '{package}' is not a normalized PyPI name (lower-case, '-' separators)")
                elif package in packages:
                    self.fail(f"{label}: package '{package}' already maps to skill '{packages[package]}'")
                else:
                    packages[package] = sid
            for module in lists["imports"]:
                if not IMPORT_RE.match(module):
                    self.fail(f"{label}: import '{module}' is not a top-level Python module name")
                elif module in imports:
                    self.fail(f"{label}: import '{module}' already maps to skill '{imports[module]}'")
                else:
                    imports[module] = sid
            if category in NO_EVIDENCE_CATEGORIES and (lists["packages"] or lists["imports"]):
                self.fail(f"{label}: {category} skills take no packages or imports")
            valid.append((sid, category, lists))

        # Implications: known ids, not itself, no cycles.
        graph = {}
        for sid, _, lists in valid:
            edges = []
            for target in lists["implies"]:
                if target == sid:
                    self.fail(f"skill '{sid}': implies itself")
                elif target not in ids:
                    self.fail(f"skill '{sid}': implies unknown id '{target}'")
                else:
                    edges.append(target)
            graph[sid] = edges
        self.check_cycles(graph)

        # Sizes and required entries.
        counts = {c: 0 for c in categories}
        for _, category, _ in valid:
            if category in counts:
                counts[category] += 1
        for sid in REQUIRED_IDS:
            if sid not in ids:
                self.fail(f"required skill '{sid}' is missing")
        for term in REQUIRED_TERMS:
            key = term.strip().lower()
            if key not in keys and key.replace(" ", "-") not in keys:
                self.fail(f"integration '{term}' resolves to no skill (add it as an id, name or alias)")
        for category, minimum in MIN_PER_CATEGORY.items():
            if counts.get(category, 0) < minimum:
                self.fail(f"category '{category}': {counts.get(category, 0)} skills, at least {minimum} required")
        if len(valid) < MIN_SKILLS:
            self.fail(f"top level: {len(valid)} skills, at least {MIN_SKILLS} required")
        if len(packages) < MIN_PACKAGE_MAPPINGS:
            self.fail(f"top level: {len(packages)} package mappings, at least {MIN_PACKAGE_MAPPINGS} required")

        return {
            "version": version,
            "counts": counts,
            "skills": len(valid),
            "packages": len(packages),
            "imports": len(imports),
            "aliases": sum(len(lists["aliases"]) for _, _, lists in valid),
            "implications": sum(len(edges) for edges in graph.values()),
        }

    def check_cycles(self, graph):
        """Depth-first search in file order; reports the first cycle found from each start."""
        WHITE, GREY, BLACK = 0, 1, 2
        colour = {node: WHITE for node in graph}
        for start in graph:
            if colour[start] != WHITE:
                continue
            path = [start]
            stack = [iter(graph[start])]
            colour[start] = GREY
            while stack:
                target = next(stack[-1], None)
                if target is None:
                    colour[path.pop()] = BLACK
                    stack.pop()
                    continue
                if colour.get(target) == GREY:
                    cycle = path[path.index(target):] + [target]
                    self.fail(f"skill '{cycle[0]}': implication cycle {' -> '.join(cycle)}")
                    continue
                if colour.get(target) == WHITE:
                    colour[target] = GREY
                    path.append(target)
                    stack.append(iter(graph[target]))


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = [a for a in argv[1:] if a.startswith("--")]
    if any(f not in ("--all",) for f in flags) or len(args) > 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    path = args[0] if args else os.path.join(here, "..", "Sources", "Taxonomy", "taxonomy.json")
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 1

    checker = Checker(collect_all="--all" in flags)
    try:
        summary = checker.check(doc)
    except Invalid as error:
        print(f"{os.path.relpath(path)}: {error}", file=sys.stderr)
        return 1
    if checker.errors:
        for error in checker.errors:
            print(f"{os.path.relpath(path)}: {error}", file=sys.stderr)
        print(f"{len(checker.errors)} problem(s)", file=sys.stderr)
        return 1

    print(f"taxonomy {summary['version']}: OK")
    width = max(len(c) for c in summary["counts"])
    for category, count in summary["counts"].items():
        print(f"  {category:<{width}}  {count:>4} skills")
    print(f"  {'total':<{width}}  {summary['skills']:>4} skills")
    print(f"package mappings: {summary['packages']}")
    print(f"import mappings:  {summary['imports']}")
    print(f"aliases:          {summary['aliases']}")
    print(f"implications:     {summary['implications']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
