"""Build the case's database in /work, hand the candidate a fresh connection whose
statements are counted with set_trace_callback, and return the report together with
whether the statement count stayed within the budget."""
import itertools
import sqlite3
import sys

sys.path.insert(0, "/task")
from dataset import build
from vetted_harness import run

STATEMENT_BUDGET = 3
_case_numbers = itertools.count(1)


def evaluate(solution, case):
    path = f"/work/library{next(_case_numbers)}.db"
    build(path, case)
    conn = sqlite3.connect(path)
    statements = []
    conn.set_trace_callback(statements.append)
    try:
        result = solution.author_report(conn)
    finally:
        conn.set_trace_callback(None)
        conn.close()
    return {"result": result, "withinBudget": len(statements) <= STATEMENT_BUDGET}


run(evaluate)
